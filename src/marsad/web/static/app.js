/* Wiring: the URL holds the filters (so a view can be bookmarked and shared) -> API -> map, totals,
   timeline, trends, tables, ledger; a pick opens the report and rings the event on the map. */
"use strict";
(function (M) {
  const PAGE = { events: 100, incidents: 20, ledger: 10 };
  const FILTER_KEYS = ["event_type", "actor", "admin1", "q"];
  M.state = { brush: null, filters: {}, eventId: null, docId: null, offsets: { events: 0, incidents: 0, ledger: 0 },
    ledger: { contra: false, q: "" } };

  function params(withDates) {
    const p = {};
    for (const k of FILTER_KEYS) p[k] = M.state.filters[k];
    if (withDates && M.state.brush === "undated") p.undated = "true";
    else if (withDates && M.state.brush) { p.date_from = M.state.brush[0]; p.date_to = M.state.brush[1]; }
    return p;
  }

  /* the state -> the address bar (replaceState: filtering does not flood the history) */
  function writeURL() {
    const p = params(true);
    if (M.state.eventId) { p.event = M.state.eventId; p.doc = M.state.docId; }
    else if (M.state.docId) p.doc = M.state.docId;
    if (M.lang === "en") p.lang = "en";
    if (M.state.ledger.contra) p.contra = "1";
    if (M.state.ledger.q) p.lq = M.state.ledger.q;
    const qs = M.query(p);
    history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
    updateExportLink();
  }

  function readURL() {
    const u = new URLSearchParams(location.search);
    M.lang = u.get("lang") === "en" ? "en" : "ar";
    for (const k of FILTER_KEYS) M.state.filters[k] = u.get(k) || "";
    const from = u.get("date_from"), to = u.get("date_to");
    M.state.brush = u.get("undated") === "true" ? "undated" : from && to ? [from, to] : null;
    M.state.eventId = u.get("event");
    M.state.docId = u.get("doc");
    M.state.ledger = { contra: u.get("contra") === "1", q: u.get("lq") || "" };
  }

  function updateExportLink() {
    const fmt = document.getElementById("export-format").value;
    const qs = M.query(Object.assign({ format: fmt }, params(true), fmt === "acled" ? { bom: "true" } : {}));
    document.getElementById("export-btn").setAttribute("href", "/api/export?" + qs);
  }

  function applyLanguage() {
    const html = document.documentElement;
    html.lang = M.lang;
    html.dir = M.lang === "en" ? "ltr" : "rtl";
    document.title = M.t("مرصد · لوحة الأحداث", "Marsad · Events dashboard");
    const sw = document.getElementById("lang-switch");
    sw.textContent = M.lang === "en" ? "العربية" : "English";
    sw.lang = M.lang === "en" ? "ar" : "en";
    document.querySelectorAll("option[data-all]").forEach((o) => { o.textContent = M.t("الكل", "All"); });
    document.getElementById("f-q").placeholder = M.t("مثال: الرقة", "e.g. الرقة");
  }

  function fillSelect(id, items, label, value) {
    const sel = document.getElementById(id);
    for (const it of items) {
      if (!it.key) continue;
      sel.appendChild(M.el("option", { value: it.key }, label(it.key) + " (" + M.num(it.events) + ")"));
    }
    if (value && ![...sel.options].some((o) => o.value === value)) sel.appendChild(M.el("option", { value }, label(value)));
    sel.value = value || "";
  }

  function renderTotals(s) {
    const box = M.clear(document.getElementById("totals"));
    const item = (n, noun, key) => M.el("span", { class: "total", dataset: { key } }, M.counted(n, noun));
    box.append(item(s.documents, "report", "documents"), item(s.events, "event", "events"),
      item(s.incidents, "incident", "incidents"), item(s.claims, "claim", "claims"),
      item(s.fatalities, "killed", "fatalities"), item(s.arrested, "arrested", "arrested"));
    box.dataset.filtered = String(s.filtered);
  }

  async function loadEvents() {
    const page = await M.getJSON("/api/events", Object.assign(params(true), { limit: PAGE.events, offset: M.state.offsets.events }));
    M.renderEvents(page, pick, (offset) => { M.state.offsets.events = offset; loadEvents(); });
  }

  async function loadIncidents() {
    const page = await M.getJSON("/api/incidents/page", Object.assign(params(true), { limit: PAGE.incidents, offset: M.state.offsets.incidents }));
    M.renderIncidents(page, (offset) => { M.state.offsets.incidents = offset; loadIncidents(); });
  }

  async function loadLedger() {
    const l = M.state.ledger;
    const data = await M.getJSON("/api/ledger", { contradictions: l.contra ? "true" : "", q: l.q, limit: PAGE.ledger, offset: M.state.offsets.ledger });
    M.renderLedger(data, (offset) => { M.state.offsets.ledger = offset; loadLedger(); });
  }

  async function refresh(fit) {
    M.state.offsets.events = M.state.offsets.incidents = 0;
    writeURL();
    const [totals, fc, stats, trends] = await Promise.all([
      M.getJSON("/api/totals", params(true)),
      // every located event up to 5,000, else none (`capped`): past that the map counts them in cells
      M.getJSON("/api/events.geojson", Object.assign(params(true), { whole: "true" })),
      M.getJSON("/api/stats", params(false)),
      M.getJSON("/api/trends", params(true)),
    ]);
    renderTotals(totals);
    const grid = params(true);
    const mapDrawn = M.renderMap(fc, totals.located, fit, (cell) => M.getJSON("/api/events/grid", Object.assign({}, grid, { cell })));
    M.renderTimeline(stats.weekly, (range) => { M.state.brush = range; showRange(); refresh(true); }, stats.undated);
    M.renderTrends(trends);
    await Promise.all([loadEvents(), loadIncidents(), mapDrawn]);
    if (M.state.eventId) M.highlight(M.state.eventId, null);
    document.body.dataset.loaded = String(Date.now());
  }

  function showRange() {
    const b = M.state.brush;
    document.getElementById("range-label").textContent = b === "undated" ? M.t("أحداث بلا تاريخ", "undated events")
      : b ? M.t("الفترة: ", "period: ") + b[0] + " → " + b[1] : "";
  }

  async function pick(eventId, docId) {
    M.state.eventId = eventId;
    M.state.docId = docId;
    writeURL();
    document.querySelectorAll("#events tr.selected").forEach((r) => r.classList.remove("selected"));
    const row = document.querySelector('#events tr[data-event-id="' + CSS.escape(eventId) + '"]');
    if (row) row.classList.add("selected");
    const doc = await M.getJSON("/api/documents/" + encodeURIComponent(docId));
    const ev = (doc.events || []).find((e) => e.event_id === eventId);
    M.highlight(eventId, ev ? ev.location : null);
    M.renderReport(doc, eventId, M.openDoc);
  }

  M.openDoc = async function (docId) {
    M.state.eventId = null;
    M.state.docId = docId;
    writeURL();
    const doc = await M.getJSON("/api/documents/" + encodeURIComponent(docId));
    M.renderReport(doc, null, M.openDoc);
    document.getElementById("report").scrollIntoView({ block: "nearest" });
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
      refresh(true);
    };
    form.addEventListener("change", (ev) => { if (ev.target.id !== "export-format") read(); });
    document.getElementById("f-q").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(read, 300); });
    form.addEventListener("submit", (ev) => { ev.preventDefault(); read(); });
    document.getElementById("f-reset").addEventListener("click", () => {
      form.reset(); M.state.brush = null; showRange(); read();
    });
    document.getElementById("export-format").addEventListener("change", updateExportLink);
    document.getElementById("lang-switch").addEventListener("click", () => {
      M.lang = M.lang === "en" ? "ar" : "en";
      writeURL();
      location.reload();
    });
    const contra = document.getElementById("only-contra"), lq = document.getElementById("ledger-q");
    contra.checked = M.state.ledger.contra;
    lq.value = M.state.ledger.q;
    contra.addEventListener("change", () => { M.state.ledger.contra = contra.checked; M.state.offsets.ledger = 0; writeURL(); loadLedger(); });
    let ltimer = null;
    lq.addEventListener("input", () => {
      clearTimeout(ltimer);
      ltimer = setTimeout(() => { M.state.ledger.q = lq.value.trim(); M.state.offsets.ledger = 0; writeURL(); loadLedger(); }, 300);
    });
  }

  /* While `serve` still catches up (/api/health "preparing": incidents, ledger, summary, search),
     say so in the header and poll; once it is ready, reload the figures. */
  const STEPS = { incidents: ["دمج الحوادث", "merging incidents"], ledger: ["سجل التقديرات", "the claims ledger"],
    summary: ["ملخص الأحداث", "the events summary"], search: ["فهرس البحث", "the search index"] };
  async function watchPreparation() {
    const note = document.getElementById("prep-note");
    const health = await M.getJSON("/api/health");
    if (health.state !== "preparing") {
      if (!note.hidden) { note.hidden = true; refresh(false); loadLedger(); }
      return;
    }
    const step = STEPS[health.step] || [health.step || "…", health.step || "…"];
    note.textContent = M.t("جارٍ تجهيز قاعدة البيانات (" + step[0] + "): قد تكون الأرقام غير مكتملة بعد",
      "Preparing the database (" + step[1] + "): figures may be incomplete for now");
    note.dataset.step = health.step || "";
    note.hidden = false;
    setTimeout(() => watchPreparation().catch(() => {}), 2000);
  }

  async function start() {
    readURL();
    applyLanguage();
    watchPreparation().catch(() => {});
    M.initMap(pick);
    M.renderLegend();
    if (window.matchMedia && window.matchMedia("(max-width: 700px)").matches) document.getElementById("legend-box").open = false;
    const all = await M.getJSON("/api/stats");
    fillSelect("f-type", all.by_event_type, M.typeLabel, M.state.filters.event_type);
    fillSelect("f-actor", all.by_actor, M.actorLabel, M.state.filters.actor);
    fillSelect("f-admin1", all.by_admin1, (k) => k, M.state.filters.admin1);
    document.getElementById("f-q").value = M.state.filters.q || "";
    showRange();
    wireFilters();
    const active = FILTER_KEYS.some((k) => M.state.filters[k]) || M.state.brush;
    await Promise.all([refresh(Boolean(active)), loadLedger()]);
    if (M.state.eventId && M.state.docId) await pick(M.state.eventId, M.state.docId);
    else if (M.state.docId) await M.openDoc(M.state.docId);
  }

  document.addEventListener("DOMContentLoaded", () => {
    start().catch((err) => {
      document.getElementById("totals").textContent = M.t("خطأ: ", "error: ") + (err && err.message ? err.message : String(err));
      console.error(err && err.stack ? err.stack : err);
    });
  });
})(window.Marsad);
