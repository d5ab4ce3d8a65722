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
  M.ACTORS = {
    islamic_state: "تنظيم الدولة (داعش)", al_qaeda: "القاعدة", hts: "هيئة تحرير الشام", sdf: "قسد",
    asayish: "الأسايش", ypg: "وحدات حماية الشعب", international_coalition: "التحالف الدولي",
    syrian_regime_forces: "قوات النظام السوري", syrian_government_forces: "القوات الحكومية السورية",
    iraqi_security_forces: "القوات الأمنية العراقية", pmf: "الحشد الشعبي", peshmerga: "البيشمركة",
    sna: "الجيش الوطني السوري", turkish_forces: "القوات التركية", russian_forces: "القوات الروسية",
    iran_backed_militias: "ميليشيات مدعومة من إيران", tribal_forces: "قوات عشائرية",
    lebanese_forces: "القوات اللبنانية", jordanian_forces: "القوات الأردنية", civilians: "مدنيون",
    unidentified_armed_group: "مسلحون مجهولون",
  };
  M.typeColor = (t) => (M.TYPES[t] || { color: "#555" }).color;
  M.typeLabel = (t) => (M.TYPES[t] ? M.TYPES[t].ar + " / " + t : String(t || "—"));
  M.actorLabel = (a) => (a ? (M.ACTORS[a] ? M.ACTORS[a] + " / " + a : a) : "—");

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

  M.getJSON = async function (path, params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v === null || v === undefined || v === "") continue;
      (Array.isArray(v) ? v : [v]).forEach((x) => qs.append(k, x));
    }
    const res = await fetch(path + (qs.toString() ? "?" + qs : ""), { headers: { Accept: "application/json" } });
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
})(window.Marsad);
