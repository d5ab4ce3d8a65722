/* marsad dashboard: shared helpers. Every string from a report goes into the page as a text
   node (textContent / createTextNode); nothing from the API is ever parsed as HTML. */
"use strict";
window.Marsad = window.Marsad || {};
(function (M) {
  M.TYPES = {
    "Battles": { ar: "معارك", color: "#c0392b" },
    "Explosions/Remote violence": { ar: "تفجيرات وعنف عن بعد", color: "#e67e22" },
    "Violence against civilians": { ar: "عنف ضد المدنيين", color: "#8e44ad" },
    "Protests": { ar: "احتجاجات", color: "#27ae60" },
    "Riots": { ar: "أعمال شغب", color: "#795548" },
    "Strategic developments": { ar: "تطورات استراتيجية", color: "#2471a3" },
  };
  M.SUB_TYPES = {
    "Armed clash": "اشتباك مسلح", "Government regains territory": "استعادة الحكومة لأراضٍ",
    "Non-state actor overtakes territory": "سيطرة جماعة مسلحة على أراضٍ", "Chemical weapon": "سلاح كيميائي",
    "Air/drone strike": "غارة جوية أو بمسيّرة", "Suicide bomb": "تفجير انتحاري",
    "Shelling/artillery/missile attack": "قصف مدفعي أو صاروخي", "Remote explosive/landmine/IED": "عبوة ناسفة أو لغم",
    "Grenade": "قنبلة يدوية", "Sexual violence": "عنف جنسي", "Attack": "هجوم",
    "Abduction/forced disappearance": "خطف أو إخفاء قسري", "Excessive force against protesters": "قوة مفرطة ضد محتجين",
    "Protest with intervention": "احتجاج مع تدخل", "Peaceful protest": "احتجاج سلمي",
    "Violent demonstration": "تظاهرة عنيفة", "Mob violence": "عنف جماعي", "Agreement": "اتفاق",
    "Arrests": "اعتقالات", "Change to group/activity": "تغيّر في جماعة أو نشاط",
    "Disrupted weapons use": "إحباط استخدام سلاح", "Headquarters or base established": "إنشاء مقر أو قاعدة",
    "Looting/property destruction": "نهب أو تدمير ممتلكات", "Non-violent transfer of territory": "انتقال سلمي لأراضٍ",
    "Other": "أخرى",
  };
  /* actor codes of the extraction -> human names (Arabic; English as in the ACLED export's table) */
  M.ACTORS = {
    islamic_state: ["تنظيم الدولة (داعش)", "Islamic State"], al_qaeda: ["تنظيم القاعدة", "Al Qaeda"],
    hts: ["هيئة تحرير الشام", "Hayat Tahrir al Sham"], sdf: ["قوات سوريا الديمقراطية (قسد)", "Syrian Democratic Forces (SDF)"],
    asayish: ["الأسايش", "Asayish: Kurdish Internal Security Forces"], ypg: ["وحدات حماية الشعب", "YPG: People's Protection Units"],
    international_coalition: ["التحالف الدولي", "International Coalition (Operation Inherent Resolve)"],
    syrian_regime_forces: ["قوات النظام السوري", "Military Forces of Syria (2000-2024)"],
    syrian_government_forces: ["القوات الحكومية السورية", "Military Forces of Syria (2024-)"],
    syrian_state: ["القوات السورية", "Military Forces of Syria"],
    iraqi_security_forces: ["القوات الأمنية العراقية", "Military Forces of Iraq"], pmf: ["الحشد الشعبي", "Popular Mobilization Forces"],
    peshmerga: ["البيشمركة", "Peshmerga"], sna: ["الجيش الوطني السوري", "Syrian National Army"],
    turkish_forces: ["القوات التركية", "Military Forces of Turkey"], russian_forces: ["القوات الروسية", "Military Forces of Russia"],
    iran_backed_militias: ["ميليشيات مدعومة من إيران", "Iran-backed militias"], tribal_forces: ["قوات عشائرية", "Tribal militia"],
    lebanese_forces: ["الجيش اللبناني", "Military Forces of Lebanon"], jordanian_forces: ["القوات الأردنية", "Military Forces of Jordan"],
    civilians: ["مدنيون", "Civilians"], unidentified_armed_group: ["مسلحون مجهولون", "Unidentified armed group"],
  };
  M.SOURCE_KINDS = {
    international_org: ["منظمة دولية", "international organisation"], government: ["جهة حكومية", "government"],
    military: ["جهة عسكرية", "military"], intelligence: ["استخبارات", "intelligence"], media: ["وسيلة إعلام", "media"],
    ngo: ["منظمة غير حكومية", "NGO"], expert: ["خبير", "expert"], local_source: ["مصادر محلية", "local sources"],
    armed_group: ["جماعة مسلحة", "armed group"], unknown: ["غير معروف", "unknown"],
  };

  M.lang = "ar";
  M.t = (ar, en) => (M.lang === "en" ? en : ar);
  M.typeColor = (t) => (M.TYPES[t] || { color: "#555" }).color;
  M.typeLabel = (t) => (M.TYPES[t] ? M.t(M.TYPES[t].ar, t) : String(t || "—"));
  M.subLabel = (s) => (s && M.SUB_TYPES[s] ? M.t(M.SUB_TYPES[s], s) : String(s || "—"));
  M.actorLabel = (a) => (a ? (M.ACTORS[a] ? M.t(M.ACTORS[a][0], M.ACTORS[a][1]) : String(a).replace(/_/g, " ")) : "—");
  M.kindLabel = (k) => (k && M.SOURCE_KINDS[k] ? M.t(M.SOURCE_KINDS[k][0], M.SOURCE_KINDS[k][1]) : String(k || "—").replace(/_/g, " "));

  /* Arabic counted nouns: 1 singular, 2 dual, 3-10 plural, 11+ singular (accusative); English: one / many */
  M.count = function (n, ar, en) {
    const v = Number(n) || 0;
    if (M.lang === "en") return M.num(v) + " " + (v === 1 ? en[0] : en[1]);
    const [one, two, few, many] = ar;
    if (v === 1) return one + (one.endsWith("ة") ? " واحدة" : " واحد");
    if (v === 2) return two;
    if (v >= 3 && v <= 10) return M.num(v) + " " + few;
    return M.num(v) + " " + many;
  };
  M.NOUNS = {
    report: [["تقرير", "تقريران", "تقارير", "تقريرًا"], ["report", "reports"]],
    event: [["حدث", "حدثان", "أحداث", "حدثًا"], ["event", "events"]],
    incident: [["حادثة", "حادثتان", "حوادث", "حادثة"], ["incident", "incidents"]],
    claim: [["تقدير", "تقديران", "تقديرات", "تقديرًا"], ["claim", "claims"]],
    killed: [["قتيل", "قتيلان", "قتلى", "قتيلًا"], ["killed", "killed"]],
    arrested: [["معتقل", "معتقلان", "معتقلين", "معتقلًا"], ["arrested", "arrested"]],
    value: [["قيمة", "قيمتان", "قيم", "قيمة"], ["value", "values"]],
    group: [["مجموعة", "مجموعتان", "مجموعات", "مجموعة"], ["group", "groups"]],
  };
  M.counted = (n, noun) => M.count(n, M.NOUNS[noun][0], M.NOUNS[noun][1]);

  /* el("div", {class: "x", onclick: fn}, "text", childNode, ...) — strings become text nodes */
  M.el = function (tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k === "class") node.className = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else node.setAttribute(k, String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  };
  M.clear = (node) => { while (node.firstChild) node.removeChild(node.firstChild); return node; };

  /* only http(s) links become clickable */
  M.safeUrl = function (u) {
    try { const url = new URL(String(u)); return ["http:", "https:"].includes(url.protocol) ? url.href : null; }
    catch (e) { return null; }
  };
  M.num = (n) => (n === null || n === undefined ? "—" : Number(n).toLocaleString("en-US"));

  M.query = function (params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v === null || v === undefined || v === "") continue;
      (Array.isArray(v) ? v : [v]).forEach((x) => qs.append(k, x));
    }
    return qs.toString();
  };

  M.getJSON = async function (path, params) {
    const qs = M.query(params);
    const res = await fetch(path + (qs ? "?" + qs : ""), { headers: { Accept: "application/json" } });
    if (!res.ok) throw new Error(path + ": HTTP " + res.status);
    return res.json();
  };

  /* where the evidence sits in the text: the server's span, else an exact or whitespace-loose search */
  M.locate = function (text, evidence, span) {
    if (span && text.slice(span[0], span[1]).length) return span;
    if (!evidence) return null;
    const i = text.indexOf(evidence);
    if (i >= 0) return [i, i + evidence.length];
    const words = evidence.split(/\s+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    if (!words.length) return null;
    const m = new RegExp(words.join("\\s+")).exec(text);
    return m ? [m.index, m.index + m[0].length] : null;
  };

  /* a pager: "‹ prev · 1–20 of 57 · next ›" calling go(offset) */
  M.pager = function (box, page, go) {
    M.clear(box);
    const { total, limit, offset } = page;
    if (!total) return;
    const last = Math.min(offset + limit, total);
    box.append(
      M.el("button", { type: "button", class: "prev", disabled: offset <= 0 ? "disabled" : null,
        onclick: () => go(Math.max(0, offset - limit)) }, M.t("السابق", "‹ previous")),
      M.el("span", { class: "range" }, M.num(offset + 1) + "–" + M.num(last) + " " + M.t("من", "of") + " " + M.num(total)),
      M.el("button", { type: "button", class: "next", disabled: last >= total ? "disabled" : null,
        onclick: () => go(offset + limit) }, M.t("التالي", "next ›")));
  };
})(window.Marsad);
