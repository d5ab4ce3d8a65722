/* Wiring: filters -> API -> map, timeline, table; a pick opens the report. */
"use strict";
(function (M) {
  M.state = { brush: null, filters: {}, eventId: null };

  function params(withDates) {
    const f = M.state.filters;
    const p = { event_type: f.event_type, actor: f.actor, admin1: f.admin1, q: f.q };
    if (withDates && M.state.brush === "undated") p.undated = true;
    else if (withDates && M.state.brush) { p.date_from = M.state.brush[0]; p.date_to = M.state.brush[1]; }
    return p;
  }

  function fillSelect(id, items, label) {
    const sel = document.getElementById(id);
    for (const it of items) {
      if (!it.key) continue;
      sel.appendChild(M.el("option", { value: it.key }, label(it.key) + " (" + it.events + ")"));
    }
  }

  function renderTotals(s) {
    const box = M.clear(document.getElementById("totals"));
    const item = (n, ar, en) => M.el("span", { class: "total" }, M.el("b", {}, M.num(n)), " ", ar, M.el("span", { class: "en" }, en));
    box.append(item(s.documents, "تقرير", "reports"), item(s.events, "حدث", "events"),
      item(s.incidents, "حادثة", "incidents"), item(s.claims, "تقدير", "claims"),
      item(s.fatalities, "قتيل", "killed"), item(s.arrested, "معتقل", "arrested"));
  }

  async function refresh() {
    const [stats, fc, page] = await Promise.all([
      M.getJSON("/api/stats", params(true)),
      M.getJSON("/api/events.geojson", params(true)),
      M.getJSON("/api/events", Object.assign(params(true), { limit: 500 })),
    ]);
    renderTotals(stats);
    M.renderMap(fc);
    M.renderTimeline(stats.weekly, (range) => { M.state.brush = range; showRange(); refresh(); }, stats.undated);
    M.renderEvents(page, pick);
    document.body.dataset.loaded = String(Date.now());
  }

  function showRange() {
    const b = M.state.brush;
    document.getElementById("range-label").textContent = b === "undated" ? "بلا تاريخ / undated events"
      : b ? "الفترة / period: " + b[0] + " → " + b[1] : "";
  }

  async function pick(eventId, docId) {
    M.state.eventId = eventId;
    document.querySelectorAll("#events tr.selected").forEach((r) => r.classList.remove("selected"));
    const row = document.querySelector('#events tr[data-event-id="' + CSS.escape(eventId) + '"]');
    if (row) row.classList.add("selected");
    const doc = await M.getJSON("/api/documents/" + encodeURIComponent(docId));
    M.renderReport(doc, eventId, M.openDoc);
  }

  M.openDoc = async function (docId) {
    const doc = await M.getJSON("/api/documents/" + encodeURIComponent(docId));
    M.renderReport(doc, null, M.openDoc);
  };

  function wireFilters() {
    const form = document.getElementById("filters");
    let timer = null;
    const read = () => {
      M.state.filters = {
        event_type: document.getElementById("f-type").value,
        actor: document.getElementById("f-actor").value,
        admin1: document.getElementById("f-admin1").value,
        q: document.getElementById("f-q").value.trim(),
      };
      refresh();
    };
    form.addEventListener("change", read);
    document.getElementById("f-q").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(read, 300); });
    form.addEventListener("submit", (ev) => { ev.preventDefault(); read(); });
    document.getElementById("f-reset").addEventListener("click", () => {
      form.reset(); M.state.brush = null; showRange(); read();
    });
  }

  async function loadLedger() {
    const data = await M.getJSON("/api/claims/ledger");
    const only = document.getElementById("only-contra");
    M.renderLedger(data, only.checked);
    only.addEventListener("change", () => M.renderLedger(data, only.checked));
  }

  async function start() {
    M.initMap(pick);
    M.renderLegend();
    const all = await M.getJSON("/api/stats");
    fillSelect("f-type", all.by_event_type, M.typeLabel);
    fillSelect("f-actor", all.by_actor, M.actorLabel);
    fillSelect("f-admin1", all.by_admin1, (k) => k);
    wireFilters();
    await Promise.all([refresh(), loadLedger()]);
  }

  document.addEventListener("DOMContentLoaded", () => {
    start().catch((err) => {
      document.getElementById("totals").textContent = "خطأ / error: " + (err && err.message ? err.message : String(err));
      console.error(err && err.stack ? err.stack : err);
    });
  });
})(window.Marsad);
