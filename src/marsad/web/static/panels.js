/* The events table, the report view (evidence highlighted) and the claims ledger.
   Report text is inserted as text nodes only; the highlight is a <mark> built with createElement. */
"use strict";
(function (M) {
  const el = M.el;

  M.renderEvents = function (page, onPick) {
    const tbody = M.clear(document.querySelector("#events tbody"));
    document.getElementById("events-count").textContent =
      "(" + M.num(page.total) + (page.total > page.items.length ? ", أول " + page.items.length + " / first " + page.items.length : "") + ")";
    for (const e of page.items) {
      const sw = el("span", { class: "sw" });
      sw.style.background = M.typeColor(e.event_type);
      const tr = el("tr", { tabindex: 0, dataset: { eventId: e.event_id, docId: e.doc_id, type: e.event_type } },
        el("td", { class: "nowrap" }, e.date_start || "—", e.date_end && e.date_end !== e.date_start ? " → " + e.date_end : ""),
        el("td", {}, sw, e.sub_event_type || e.event_type),
        el("td", {}, e.location.name_ar || "—", e.location.name_en ? el("span", { class: "en" }, e.location.name_en) : null),
        el("td", {}, e.location.admin1 || "—"),
        el("td", {}, M.actorLabel(e.actor1), " ← ", M.actorLabel(e.actor2)),
        el("td", { class: "num" }, M.num(e.fatalities)),
        el("td", { class: "num" }, M.num(e.arrested)),
        el("td", {}, e.source.source || e.source.title || e.doc_id));
      const pick = () => onPick(e.event_id, e.doc_id);
      tr.addEventListener("click", pick);
      tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") pick(); });
      tbody.appendChild(tr);
    }
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
      el("b", {}, "المصدر / Source: "), doc.source || "—", " · ", doc.published || "—", " · ",
      url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer nofollow" }, "الرابط / link")
          : (doc.url ? el("span", { class: "muted" }, doc.url) : "—"));
  }

  function eventFacts(ev) {
    if (!ev) return null;
    const loc = ev.location;
    return el("dl", { class: "facts" },
      el("dt", {}, "الحدث / Event"), el("dd", {}, M.typeLabel(ev.event_type), " · ", ev.sub_event_type || ""),
      el("dt", {}, "التاريخ / Date"), el("dd", { title: ev.date_note || "" }, ev.date_start || "—", ev.date_end !== ev.date_start ? " → " + (ev.date_end || "?") : "",
        ev.date_note ? el("small", { class: "date-note" }, " (تاريخ نشر مستنتج / via a recovered publication date)") : null),
      el("dt", {}, "المكان / Place"), el("dd", {}, loc.name_ar || "—", " · ", loc.name_en || "", " (", loc.admin1 || "", ")"),
      el("dt", {}, "الفاعلان / Actors"), el("dd", {}, M.actorLabel(ev.actor1), " ← ", M.actorLabel(ev.actor2)),
      el("dt", {}, "الأعداد / Counts"), el("dd", {}, "قتلى ", M.num(ev.fatalities), " · جرحى ", M.num(ev.injured), " · معتقلون ", M.num(ev.arrested)),
      ev.incident ? [el("dt", {}, "الحادثة / Incident"), el("dd", { class: "incident" }, incidentLine(ev.incident))] : null);
  }

  function range(c) {
    if (!c || c.min === null || c.min === undefined) return "—";
    return c.min === c.max ? M.num(c.min) : M.num(c.min) + "–" + M.num(c.max);
  }

  function incidentLine(inc) {
    const n = (inc.doc_ids || []).length;
    return n + " تقارير / reports · قتلى / killed " + range(inc.fatalities) + " · معتقلون / arrested " + range(inc.arrested);
  }

  function relatedList(doc, onDoc) {
    if (!doc.related || !doc.related.length) {
      return el("p", { class: "muted" }, "لا تقارير أخرى عن الحادثة / no other reports of this incident");
    }
    return el("ul", { class: "related" }, doc.related.map((r) =>
      el("li", {}, el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); onDoc(r.doc_id); } },
        r.title || r.doc_id), " — ", r.source || "", " · ", r.published || "", " ", el("small", { class: "muted" }, "(" + r.basis + ")"))));
  }

  M.renderReport = function (doc, eventId, onDoc) {
    const box = M.clear(document.getElementById("report"));
    const ev = (doc.events || []).find((e) => e.event_id === eventId) || (doc.events || [])[0];
    const span = ev ? M.locate(doc.text, ev.evidence, ev.evidence_span) : null;
    box.dataset.docId = doc.doc_id;
    box.appendChild(el("h2", { class: "report-title", dir: "auto" }, doc.title || doc.doc_id));
    box.appendChild(sourceLine(doc));
    box.appendChild(eventFacts(ev));
    box.appendChild(highlighted(doc.text || "", span));
    box.appendChild(el("h3", {}, "تقارير أخرى عن الحادثة نفسها ", el("span", { class: "en" }, "Other reports of the same incident")));
    box.appendChild(relatedList(doc, onDoc));
    const mark = document.getElementById("evidence");
    if (mark) mark.scrollIntoView({ block: "nearest" });
  };

  function valueCard(v, tag) {
    const url = v.doc_id ? "#" : null;
    return el("div", { class: "claim" + (tag ? " " + tag : "") },
      el("div", { class: "claim-value" }, M.num(v.value_low), v.value_high !== v.value_low && v.value_high !== null ? "–" + M.num(v.value_high) : "",
        el("small", {}, " ", v.qualifier || "")),
      el("div", {}, el("b", {}, v.source_ar || "—"), " / ", v.source_en || "", " ", el("small", { class: "muted" }, "(" + (v.source_kind || "?") + ")")),
      el("div", { class: "muted" }, "الفترة / time: ", v.time || "—"),
      el("blockquote", { dir: "auto" }, v.evidence || ""),
      url ? el("a", { href: url, class: "doc-link", onclick: (ev) => { ev.preventDefault(); M.openDoc(v.doc_id); } }, "التقرير / report " + v.doc_id) : null);
  }

  M.renderLedger = function (data, onlyContra) {
    const box = M.clear(document.getElementById("ledger"));
    const groups = (data.groups || []).filter((g) => !onlyContra || g.contradiction);
    if (!groups.length) { box.appendChild(el("p", { class: "muted" }, "لا تقديرات / no claims")); return; }
    for (const g of groups) {
      const vals = (g.values || []).slice().sort((a, b) => (a.value_low || 0) - (b.value_low || 0));
      const lo = vals[0], hi = vals[vals.length - 1];
      const spread = g.spread || {};
      box.appendChild(el("div", { class: "group" + (g.contradiction ? " contra" : ""), dataset: { key: g.key || "" } },
        el("h3", {}, g.quantity || g.key, g.place ? " · " + g.place : "", g.period ? " · " + g.period : "",
          g.contradiction ? el("span", { class: "badge" }, "تناقض / contradiction") : null),
        el("p", { class: "muted" }, vals.length + " تقديرات / values · من / min ", M.num(spread.min), " إلى / max ", M.num(spread.max),
          spread.ratio ? " · ×" + Number(spread.ratio).toFixed(1) : ""),
        el("div", { class: "side" }, g.contradiction && vals.length > 1
          ? [valueCard(lo, "lo"), valueCard(hi, "hi")] : vals.map((v) => valueCard(v))),
        g.contradiction && vals.length > 2
          ? el("details", {}, el("summary", {}, "كل القيم / all values"), el("div", { class: "side" }, vals.map((v) => valueCard(v))))
          : null));
    }
  };
})(window.Marsad);
