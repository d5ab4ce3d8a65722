/* Monthly trend charts in plain SVG: events and fatalities by month, stacked by event type.
   Every bar carries a <title> (month, type, value) and a data-month / data-type for tests. */
"use strict";
(function (M) {
  const NS = "http://www.w3.org/2000/svg";
  const svgEl = (tag, attrs) => {
    const n = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v));
    return n;
  };

  function chart(box, months, rows, field) {
    M.clear(box);
    if (!months.length) { box.appendChild(M.el("p", { class: "hint" }, M.t("لا أحداث مؤرخة", "no dated events"))); return; }
    const byMonth = new Map(months.map((m) => [m, {}]));
    for (const r of rows) if (byMonth.has(r.month)) byMonth.get(r.month)[r.event_type] = r[field];
    const sums = months.map((m) => Object.values(byMonth.get(m)).reduce((a, b) => a + b, 0));
    const max = Math.max(1, ...sums);
    const W = Math.max(box.clientWidth || 480, 260), H = 150, left = 34, bottom = 20, top = 8;
    const bw = (W - left - 6) / months.length;
    const svg = svgEl("svg", { width: W, height: H, class: "trend", role: "img", direction: "ltr",
      "aria-label": field + " by month" });
    svg.appendChild(svgEl("line", { x1: left, x2: W - 6, y1: H - bottom, y2: H - bottom, stroke: "#999" }));
    const maxLabel = svgEl("text", { x: left - 4, y: top + 8, class: "tick", "text-anchor": "end" });
    maxLabel.textContent = M.num(max);
    svg.appendChild(maxLabel);
    months.forEach((m, i) => {
      let y = H - bottom;
      for (const t of Object.keys(M.TYPES)) {
        const n = byMonth.get(m)[t] || 0;
        if (!n) continue;
        const h = (n / max) * (H - bottom - top);
        y -= h;
        const r = svgEl("rect", { x: left + i * bw + 1, y, width: Math.max(bw - 2, 1), height: h,
          fill: M.typeColor(t), "data-month": m, "data-type": t, "data-value": n });
        const title = svgEl("title");
        title.textContent = m + " · " + M.typeLabel(t) + ": " + M.num(n);
        r.appendChild(title);
        svg.appendChild(r);
      }
    });
    const every = Math.max(1, Math.ceil(months.length / 8));
    months.forEach((m, i) => {
      if (i % every) return;
      const tx = svgEl("text", { x: left + i * bw + 1, y: H - 6, class: "tick" });
      tx.textContent = m;
      svg.appendChild(tx);
    });
    box.appendChild(svg);
  }

  M.renderTrends = function (data) {
    chart(document.getElementById("trend-events"), data.months, data.rows, "events");
    chart(document.getElementById("trend-fatalities"), data.months, data.rows, "fatalities");
  };
})(window.Marsad);
