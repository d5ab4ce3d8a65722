/* The map: offline base map (bundled GeoJSON), optional online tiles (off by default),
   clustered event markers coloured by type and sized by fatalities. */
"use strict";
(function (M) {
  const OSM = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

  function baseStyle(feature) {
    const p = feature.properties || {};
    const core = p.country === "SY" || p.country === "IQ";
    if (p.layer === "admin0") {
      return { color: "#8a8170", weight: 1.2, fillColor: core ? "#fbf7ee" : "#ece6da", fillOpacity: 1 };
    }
    return { color: core ? "#b3a88f" : "#cfc6b2", weight: 0.7, fill: false, dashArray: core ? null : "2 3" };
  }

  function markerSize(f) {
    const n = Number(f.properties.fatalities) || 0;
    return Math.round(12 + 6 * Math.sqrt(Math.min(n, 400)));
  }

  function eventIcon(f) {
    const size = markerSize(f);
    const dot = M.el("span", { class: "dot" });
    dot.style.background = M.typeColor(f.properties.event_type);
    dot.style.width = dot.style.height = size + "px";
    return L.divIcon({ html: dot, className: "ev-icon", iconSize: [size, size] });
  }

  function tooltip(f) {
    const p = f.properties;
    return M.el("div", { class: "tip" },
      M.el("b", {}, M.typeLabel(p.sub_event_type || p.event_type)),
      M.el("div", {}, (p.name_ar || "") + (p.name_en ? " · " + p.name_en : "")),
      M.el("div", {}, (p.date_start || "?") + (p.fatalities ? " · قتلى " + p.fatalities : "")));
  }

  M.initMap = function (onPick) {
    const map = L.map("map", { zoomControl: true, attributionControl: true, minZoom: 3, maxZoom: 16 })
      .fitBounds([[31.0, 35.5], [37.5, 47.5]]);
    const base = L.geoJSON(null, { style: baseStyle, interactive: false }).addTo(map);
    const tiles = L.tileLayer(OSM, { maxZoom: 18, attribution: "© OpenStreetMap contributors" });
    L.control.layers({}, {
      "خريطة الأساس دون اتصال / Offline base map": base,
      "OpenStreetMap (عبر الإنترنت / online)": tiles,
    }, { collapsed: false, position: "topleft" }).addTo(map);
    const clusters = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });
    map.addLayer(clusters);
    M.getJSON("/api/basemap").then((fc) => {
      base.addData(fc);
      if (fc.metadata && fc.metadata.attribution) {
        document.getElementById("attribution").textContent = fc.metadata.attribution;
      }
    });
    M.state.map = { map, clusters, onPick };
    return map;
  };

  M.renderMap = function (fc) {
    const { clusters, onPick } = M.state.map;
    clusters.clearLayers();
    const markers = fc.features.map((f) => {
      const [lon, lat] = f.geometry.coordinates;
      const m = L.marker([lat, lon], { icon: eventIcon(f), title: f.properties.event_id });
      m.bindTooltip(tooltip(f), { direction: "top" });
      m.on("click", () => onPick(f.properties.event_id, f.properties.doc_id));
      return m;
    });
    clusters.addLayers(markers);
  };

  M.renderLegend = function () {
    const box = M.clear(document.getElementById("legend"));
    box.appendChild(M.el("div", { class: "legend-title" }, "نوع الحدث / Event type"));
    for (const t of Object.keys(M.TYPES)) {
      const sw = M.el("span", { class: "sw" });
      sw.style.background = M.typeColor(t);
      box.appendChild(M.el("div", {}, sw, M.typeLabel(t)));
    }
    box.appendChild(M.el("div", { class: "legend-note" }, "الحجم = عدد القتلى / size = fatalities"));
  };
})(window.Marsad);
