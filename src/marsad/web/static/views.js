/* The incidents view: one row per real-world incident (the same happening told by several
   reports), with the range of figures and every report's own figures. */
"use strict";
(function (M) {
  const el = M.el;

  function reportFigures(e) {
    const figures = [["fatalities", "قتلى", "killed"], ["injured", "جرحى", "injured"], ["arrested", "معتقلون", "arrested"]]
      .filter(([k]) => e[k] !== null && e[k] !== undefined)
      .map(([k, ar, en]) => M.t(ar, en) + " " + M.num(e[k]));
    return el("li", { dataset: { docId: e.doc_id } },
      el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); M.openDoc(e.doc_id); } }, e.source || e.doc_id),
      e.published ? [" · ", el("bdi", { dir: "ltr" }, e.published)] : "", " — ", figures.length ? figures.join(" · ") : M.t("بلا أرقام", "no figures"));
  }

  M.renderIncidents = function (page, go) {
    const tbody = M.clear(document.querySelector("#incidents tbody"));
    document.getElementById("incidents-count").textContent = "(" + (page.total_approx ? "≈ " : "") + M.counted(page.total, "incident") + ")";
    for (const inc of page.items) {
      const loc = inc.location || {};
      const sw = el("span", { class: "sw" });
      sw.style.background = M.typeColor(inc.event_type);
      const place = M.lang === "en" ? (loc.name_en || loc.name_ar) : (loc.name_ar || loc.name_en);
      tbody.appendChild(el("tr", { dataset: { incidentId: inc.incident_id, reports: (inc.doc_ids || []).length } },
        el("td", { class: "nowrap" }, inc.date_start || "—", inc.date_end && inc.date_end !== inc.date_start ? " → " + inc.date_end : ""),
        el("td", {}, sw, M.subLabel(inc.sub_event_type || inc.event_type)),
        el("td", {}, place || "—", loc.admin1 ? " (" + loc.admin1 + ")" : ""),
        el("td", { class: "num" }, M.range(inc.fatalities)),
        el("td", { class: "num" }, M.range(inc.injured)),
        el("td", { class: "num" }, M.range(inc.arrested)),
        el("td", {}, el("div", { class: "muted" }, M.counted((inc.doc_ids || []).length, "report")),
          el("ul", { class: "figures" }, (inc.events || []).map(reportFigures)))));
    }
    if (!page.items.length) {
      tbody.appendChild(el("tr", {}, el("td", { colspan: 7, class: "muted" }, M.t("لا حوادث تطابق التصفية", "no incident matches the filter"))));
    }
    M.pager(document.getElementById("incidents-pager"), page, go);
  };
})(window.Marsad);
