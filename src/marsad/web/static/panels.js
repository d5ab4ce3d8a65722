/* The events table (paged), the report view (evidence highlighted) and the claims ledger (paged,
   each quantity's series over time). Report text is inserted as text nodes only; the highlight is
   a <mark> built with createElement. */
"use strict";
(function (M) {
  const el = M.el;
  const placeName = (loc) => (M.lang === "en" ? (loc.name_en || loc.name_ar) : (loc.name_ar || loc.name_en)) || "—";

  M.renderEvents = function (page, onPick, go) {
    const tbody = M.clear(document.querySelector("#events tbody"));
    document.getElementById("events-count").textContent = "(" + M.counted(page.total, "event") + ")";
    for (const e of page.items) {
      const sw = el("span", { class: "sw" });
      sw.style.background = M.typeColor(e.event_type);
      const other = M.lang === "en" ? e.location.name_ar : e.location.name_en;
      const tr = el("tr", { tabindex: 0, dataset: { eventId: e.event_id, docId: e.doc_id, type: e.event_type } },
        el("td", { class: "nowrap" }, e.date_start || "—", e.date_end && e.date_end !== e.date_start ? " → " + e.date_end : ""),
        el("td", {}, sw, M.subLabel(e.sub_event_type || e.event_type)),
        el("td", {}, placeName(e.location), other ? el("span", { class: "alt" }, other) : null),
        el("td", {}, e.location.admin1 || "—"),
        el("td", { class: "actors" }, M.actorLabel(e.actor1), e.actor2 ? [" ", M.t("←", "→"), " ", M.actorLabel(e.actor2)] : null),
        el("td", { class: "num" }, M.num(e.fatalities)),
        el("td", { class: "num" }, M.num(e.arrested)),
        el("td", {}, e.source.source || e.source.title || e.doc_id));
      if (M.state.eventId === e.event_id) tr.classList.add("selected");
      const pick = () => onPick(e.event_id, e.doc_id);
      tr.addEventListener("click", pick);
      tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") pick(); });
      tbody.appendChild(tr);
    }
    M.pager(document.getElementById("events-pager"), page, go);
  };

  function highlighted(text, span) {
    const body = el("div", { class: "report-text", dir: "auto" });
    if (!span) { body.appendChild(document.createTextNode(text)); return body; }
    body.appendChild(document.createTextNode(text.slice(0, span[0])));
    body.appendChild(el("mark", { class: "evidence", id: "evidence" }, text.slice(span[0], span[1])));
    body.appendChild(document.createTextNode(text.slice(span[1])));
    return body;
  }

  function sourceLine(doc) {
    const url = M.safeUrl(doc.url);
    return el("p", { class: "source" },
      el("b", {}, M.t("المصدر: ", "Source: ")), doc.source || "—", " · ", doc.published || "—", " · ",
      url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer nofollow" }, M.t("الرابط", "link"))
          : (doc.url ? el("span", { class: "muted" }, doc.url) : "—"));
  }

  function eventFacts(ev) {
    if (!ev) return null;
    const loc = ev.location;
    const rules = ev.rules && ev.rules.length
      ? [el("dt", {}, M.t("القواعد", "Rules")), el("dd", { class: "rules", dir: "ltr" }, ev.rules.map((r) => el("code", {}, r)))]
      : null;
    return el("dl", { class: "facts" },
      el("dt", {}, M.t("الحدث", "Event")), el("dd", {}, M.typeLabel(ev.event_type), " · ", M.subLabel(ev.sub_event_type)),
      el("dt", {}, M.t("التاريخ", "Date")), el("dd", { title: ev.date_note || "" }, ev.date_start || "—", ev.date_end !== ev.date_start ? " → " + (ev.date_end || "?") : "",
        ev.date_note ? el("small", { class: "date-note" }, M.t(" (تاريخ نشر مستنتج)", " (via a recovered publication date)")) : null),
      el("dt", {}, M.t("المكان", "Place")), el("dd", {}, placeName(loc), loc.admin1 ? " (" + loc.admin1 + ")" : "",
        loc.why ? el("small", { class: "muted why" }, " — ", loc.why) : null),
      el("dt", {}, M.t("الفاعلان", "Actors")), el("dd", {}, M.actorLabel(ev.actor1), ev.actor2 ? [" ", M.t("←", "→"), " ", M.actorLabel(ev.actor2)] : null),
      el("dt", {}, M.t("الأعداد", "Counts")), el("dd", {}, M.t("قتلى ", "killed "), M.num(ev.fatalities), M.t(" · جرحى ", " · injured "),
        M.num(ev.injured), M.t(" · معتقلون ", " · arrested "), M.num(ev.arrested)),
      rules,
      ev.incident ? [el("dt", {}, M.t("الحادثة", "Incident")), el("dd", { class: "incident" }, incidentLine(ev.incident))] : null);
  }

  M.range = function (c) {
    if (!c || c.min === null || c.min === undefined) return "—";
    return c.min === c.max ? M.num(c.min) : M.num(c.min) + "–" + M.num(c.max);
  };

  function incidentLine(inc) {
    const n = (inc.doc_ids || []).length;
    return M.counted(n, "report") + " · " + M.t("قتلى ", "killed ") + M.range(inc.fatalities) + " · " +
      M.t("معتقلون ", "arrested ") + M.range(inc.arrested);
  }

  function relatedList(doc, onDoc) {
    if (!doc.related || !doc.related.length) {
      return el("p", { class: "muted" }, M.t("لا تقارير أخرى عن الحادثة", "no other reports of this incident"));
    }
    return el("ul", { class: "related" }, doc.related.map((r) =>
      el("li", {}, el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); onDoc(r.doc_id); } },
        r.title || r.doc_id), " — ", r.source || "", " · ", r.published || "", " ", el("small", { class: "muted" }, "(" + r.basis + ")"))));
  }

  function claimList(doc) {
    if (!doc.claims || !doc.claims.length) return null;
    return [el("h3", {}, M.t("التقديرات في التقرير", "Claims in the report")),
      el("ul", { class: "doc-claims" }, doc.claims.map((c) => el("li", { dataset: { claimId: c.claim_id } },
        el("b", {}, c.quantity || "—"), ": ", valueText(c), " — ", c.source_ar || c.source_en || "—",
        c.time ? " (" + c.time + ")" : "")))];
  }

  M.renderReport = function (doc, eventId, onDoc) {
    const box = M.clear(document.getElementById("report"));
    const ev = (doc.events || []).find((e) => e.event_id === eventId) || (doc.events || [])[0];
    const claim = ev ? null : (doc.claims || [])[0];
    const target = ev || claim;
    const span = target ? M.locate(doc.text || "", target.evidence, target.evidence_span) : null;
    box.dataset.docId = doc.doc_id;
    box.append(el("h2", { class: "report-title", dir: "auto" }, doc.title || doc.doc_id), sourceLine(doc));
    const facts = eventFacts(ev);
    if (facts) box.appendChild(facts);
    else if (!claim) box.appendChild(el("p", { class: "muted" }, M.t("لم يُستخرج من هذا التقرير حدث ولا تقدير", "no event or claim was extracted from this report")));
    const claims = claimList(doc);
    if (claims) box.append(...claims);
    box.appendChild(highlighted(doc.text || "", span));
    box.appendChild(el("h3", {}, M.t("تقارير أخرى عن الحادثة نفسها", "Other reports of the same incident")));
    box.appendChild(relatedList(doc, onDoc));
    const mark = document.getElementById("evidence");
    if (mark) mark.scrollIntoView({ block: "nearest" });
  };

  function valueText(v) {
    const marks = { approx: "~", at_least: "≥", at_most: "≤" };
    const hi = v.value_high !== v.value_low && v.value_high !== null && v.value_high !== undefined ? "–" + M.num(v.value_high) : "";
    return (marks[v.qualifier] || "") + M.num(v.value_low !== null && v.value_low !== undefined ? v.value_low : v.value_high) + hi;
  }

  function valueCard(v, tag) {
    return el("div", { class: "claim" + (tag ? " " + tag : "") },
      el("div", { class: "claim-value" }, valueText(v)),
      el("div", {}, el("b", {}, v.source_ar || "—"), v.source_en ? el("span", { class: "alt" }, v.source_en) : null, " ",
        el("small", { class: "muted" }, "(" + M.kindLabel(v.source_kind) + ")")),
      el("div", { class: "muted" }, M.t("الفترة: ", "time: "), v.time || "—"),
      el("blockquote", { dir: "auto" }, v.evidence || ""),
      v.doc_id ? el("a", { href: "#", class: "doc-link", onclick: (ev) => { ev.preventDefault(); M.openDoc(v.doc_id); } },
        M.t("التقرير", "report")) : null);
  }

  /* each value over time: a vertical bar from low to high (a dot when exact), in time order */
  function series(points) {
    const NS = "http://www.w3.org/2000/svg";
    const svgEl = (tag, attrs) => { const n = document.createElementNS(NS, tag); for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v)); return n; };
    const pts = points.filter((p) => p.low !== null || p.high !== null);
    if (pts.length < 1) return null;
    const W = Math.max(160, 46 * pts.length), H = 70, pad = 10;
    const vals = pts.flatMap((p) => [p.low, p.high]).filter((x) => x !== null && x !== undefined);
    const max = Math.max(...vals), min = Math.min(0, ...vals);
    const y = (v) => H - 14 - ((v - min) / Math.max(max - min, 1)) * (H - 14 - pad);
    const svg = svgEl("svg", { width: W, height: H, class: "series", role: "img", direction: "ltr", "aria-label": "series" });
    pts.forEach((p, i) => {
      const x = pad + (i + 0.5) * ((W - 2 * pad) / pts.length);
      const lo = p.low !== null && p.low !== undefined ? p.low : p.high, hi = p.high !== null && p.high !== undefined ? p.high : p.low;
      svg.appendChild(svgEl("line", { x1: x, x2: x, y1: y(lo), y2: y(hi), stroke: "#1f5f8b", "stroke-width": 6, "stroke-linecap": "round" }));
      const dot = svgEl("circle", { cx: x, cy: y(hi), r: 3, fill: "#1f5f8b", class: "point" });
      const title = svgEl("title");
      title.textContent = p.time + ": " + M.num(lo) + (hi !== lo ? "–" + M.num(hi) : "") + " · " + (p.source || "");
      dot.appendChild(title);
      svg.appendChild(dot);
      const t = svgEl("text", { x, y: H - 2, class: "tick", "text-anchor": "middle" });
      t.textContent = String(p.time);
      svg.appendChild(t);
    });
    return svg;
  }

  M.renderLedger = function (data, go) {
    const box = M.clear(document.getElementById("ledger"));
    document.getElementById("ledger-count").textContent = "(" + M.counted(data.total || 0, "group") + ")";
    const groups = data.groups || [];
    if (!groups.length) box.appendChild(el("p", { class: "muted" }, M.t("لا تقديرات", "no claims")));
    for (const g of groups) {
      const vals = (g.values || []).slice().sort((a, b) => (a.value_low || 0) - (b.value_low || 0));
      const lo = vals[0], hi = vals[vals.length - 1];
      const spread = g.spread || {};
      box.appendChild(el("div", { class: "group" + (g.contradiction ? " contra" : ""), dataset: { key: g.key || "" } },
        el("h3", {}, g.quantity || g.key, g.place ? " · " + g.place : "", g.period ? " · " + g.period : "",
          g.contradiction ? el("span", { class: "badge" }, M.t("تناقض", "contradiction")) : null),
        el("p", { class: "muted" }, M.counted(g.n_values || vals.length, "value"), " · ", M.t("من ", "min "), M.num(spread.min),
          M.t(" إلى ", " · max "), M.num(spread.max), spread.ratio ? " · ×" + Number(spread.ratio).toFixed(1) : ""),
        g.series && g.series.length > 1 ? el("div", { class: "series-wrap" }, series(g.series)) : null,
        el("div", { class: "side" }, g.contradiction && vals.length > 1
          ? [valueCard(lo, "lo"), valueCard(hi, "hi")] : vals.map((v) => valueCard(v))),
        g.contradiction && vals.length > 2
          ? el("details", {}, el("summary", {}, (g.n_values || vals.length) > vals.length
            ? M.t("أحدث القيم (" + M.num(vals.length) + " من " + M.num(g.n_values) + ")",
                  "latest values (" + M.num(vals.length) + " of " + M.num(g.n_values) + ")")
            : M.t("كل القيم", "all values")), el("div", { class: "side" }, vals.map((v) => valueCard(v))))
          : null));
    }
    M.pager(document.getElementById("ledger-pager"), { total: data.total || 0, limit: data.limit, offset: data.offset }, go);
  };
})(window.Marsad);
