/* Weekly timeline, stacked by event type, in plain SVG; dragging selects a range (the brush),
   which filters the map and the table. */
"use strict";
(function (M) {
  const NS = "http://www.w3.org/2000/svg";
  const DAY = 86400000;
  const svgEl = (tag, attrs) => {
    const n = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v));
    return n;
  };
  const iso = (t) => new Date(t).toISOString().slice(0, 10);

  function weeks(rows) {
    const byWeek = new Map();
    for (const r of rows) {
      if (!byWeek.has(r.week)) byWeek.set(r.week, {});
      byWeek.get(r.week)[r.event_type] = r.events;
    }
    if (!byWeek.size) return [];
    const keys = [...byWeek.keys()].sort();
    const out = [];
    for (let t = Date.parse(keys[0]); t <= Date.parse(keys[keys.length - 1]); t += 7 * DAY) {
      out.push({ week: iso(t), counts: byWeek.get(iso(t)) || {} });
    }
    return out;
  }

  M.renderTimeline = function (rows, onBrush, undated) {
    const box = M.clear(document.getElementById("timeline"));
    const data = weeks(rows);
    renderUndated(box, undated || [], onBrush);
    if (!data.length) { box.appendChild(M.el("p", { class: "hint" }, M.t("لا أحداث مؤرخة", "no dated events"))); return; }
    const W = Math.max(box.clientWidth || 800, 300), H = 120, pad = 22;
    const max = Math.max(1, ...data.map((d) => Object.values(d.counts).reduce((a, b) => a + b, 0)));
    const bw = (W - 2 * pad) / data.length;
    const svg = svgEl("svg", { width: W, height: H + 18, class: "tl", role: "img", "aria-label": "timeline" });
    // time runs left to right, as on any chart, even in an RTL page
    svg.setAttribute("direction", "ltr");
    data.forEach((d, i) => {
      let y = H;
      for (const t of Object.keys(M.TYPES)) {
        const n = d.counts[t] || 0;
        if (!n) continue;
        const h = (n / max) * (H - pad);
        y -= h;
        const r = svgEl("rect", { x: pad + i * bw + 0.5, y, width: Math.max(bw - 1, 1), height: h, fill: M.typeColor(t) });
        const title = svgEl("title");
        title.textContent = d.week + " · " + M.typeLabel(t) + ": " + n;
        r.appendChild(title);
        svg.appendChild(r);
      }
    });
    const ticks = Math.min(data.length, 8);
    for (let k = 0; k < ticks; k++) {
      const i = Math.floor((k * (data.length - 1)) / Math.max(ticks - 1, 1));
      const last = i === data.length - 1 && data.length > 1;
      const tx = svgEl("text", { x: last ? pad + (i + 1) * bw : pad + i * bw, y: H + 14, class: "tick",
        "text-anchor": last ? "end" : "start" });
      tx.textContent = data[i].week;
      svg.appendChild(tx);
    }
    svg.appendChild(svgEl("line", { x1: pad, x2: W - pad, y1: H, y2: H, stroke: "#999" }));
    const brush = svgEl("rect", { y: 0, height: H, class: "brush", width: 0, x: 0, visibility: "hidden" });
    svg.appendChild(brush);
    box.appendChild(svg);
    attachBrush(svg, brush, data, bw, pad, onBrush);
  };

  // Events without a date (their report gave no publication date) are a bucket of their own
  // beside the weeks, not dropped; a click shows only them, a second click shows all again.
  function renderUndated(box, undated, onBrush) {
    const n = undated.reduce((a, r) => a + r.events, 0);
    if (!n) return;
    const on = M.state.brush === "undated";
    const title = undated.map((r) => M.typeLabel(r.event_type) + ": " + r.events).join(" · ");
    const btn = M.el("button", { type: "button", class: "undated" + (on ? " selected" : ""), id: "undated-bucket",
      title, "aria-pressed": String(on) }, M.t("بلا تاريخ: ", "undated: ") + M.num(n));
    btn.addEventListener("click", () => onBrush(on ? null : "undated"));
    box.appendChild(btn);
  }

  function attachBrush(svg, brush, data, bw, pad, onBrush) {
    const idx = (ev) => {
      const x = ev.clientX - svg.getBoundingClientRect().left;
      return Math.max(0, Math.min(data.length - 1, Math.floor((x - pad) / bw)));
    };
    let start = null;
    const draw = (a, b) => {
      const [i, j] = [Math.min(a, b), Math.max(a, b)];
      brush.setAttribute("x", pad + i * bw);
      brush.setAttribute("width", (j - i + 1) * bw);
      brush.setAttribute("visibility", "visible");
      return [i, j];
    };
    svg.addEventListener("pointerdown", (ev) => { start = idx(ev); draw(start, start); svg.setPointerCapture(ev.pointerId); });
    svg.addEventListener("pointermove", (ev) => { if (start !== null) draw(start, idx(ev)); });
    svg.addEventListener("pointerup", (ev) => {
      if (start === null) return;
      const [i, j] = draw(start, idx(ev));
      start = null;
      onBrush([data[i].week, iso(Date.parse(data[j].week) + 6 * DAY)]);
    });
    svg.addEventListener("dblclick", () => { brush.setAttribute("visibility", "hidden"); onBrush(null); });
    if (Array.isArray(M.state.brush)) {
      const i = data.findIndex((d) => d.week >= M.state.brush[0]);
      const j = data.map((d) => d.week <= M.state.brush[1]).lastIndexOf(true);
      if (i >= 0 && j >= i) draw(i, j);
    }
  }
})(window.Marsad);
