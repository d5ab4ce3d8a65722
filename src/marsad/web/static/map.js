/* The map: offline base map (bundled GeoJSON: boundaries with governorate and town labels, rivers with
   their names along them), optional online
   tiles (off by default), clustered event markers coloured by type and sized by fatalities (or, when
   more events match than the layer holds, every event counted in cells by the server); the view
   follows the filter and the picked event is ringed. */
"use strict";
(function (M) {
  const OSM = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  const HOME = [[31.0, 35.5], [37.5, 47.5]];

  function baseStyle(feature) {
    const p = feature.properties || {};
    const core = p.country === "SY" || p.country === "IQ";
    const className = "boundary " + p.layer + (p.country ? " c-" + p.country : "");
    if (p.layer === "admin0") {
      return { color: "#8a8170", weight: 1.2, fillColor: core ? "#fbf7ee" : "#ece6da", fillOpacity: 1, className };
    }
    return { color: core ? "#b3a88f" : "#cfc6b2", weight: 0.7, fill: false, dashArray: core ? null : "2 3", className };
  }

  /* every river line thin, the named rivers over them, the two great ones widest */
  function riverStyle(feature) {
    const rank = (feature.properties || {}).rank || 3;
    return { color: rank === 3 ? "#9ec3e3" : "#5d9bd1", weight: rank === 1 ? 2.6 : rank === 2 ? 1.8 : 0.9,
      opacity: 0.95, lineCap: "round", lineJoin: "round", className: "river rank-" + rank };
  }

  /* each named river's name at the places the base-map recipe chose, turned along the river;
     the great rivers from the widest view, the others from zoom 7 */
  function addRiverLabels(map, group, fc) {
    const great = L.layerGroup(), others = L.layerGroup();
    for (const f of fc.features) {
      const p = f.properties || {};
      if (!p.key) continue;
      for (const [lon, lat, angle] of p.labels || []) {
        const span = M.el("span", { dataset: { river: p.key } }, M.lang === "en" ? p.name_en : p.name_ar);
        span.style.transform = "translate(-50%, -50%) rotate(" + angle + "deg)";
        L.marker([lat, lon], { icon: L.divIcon({ html: span, className: "map-label river rank-" + p.rank, iconSize: null }),
          interactive: false, keyboard: false }).addTo(p.rank === 1 ? great : others);
      }
    }
    const show = () => {
      if (map.getZoom() >= 7) others.addTo(group); else group.removeLayer(others);
    };
    great.addTo(group);
    map.on("zoomend", show);
    show();
    return { great, others };
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
    const place = M.lang === "en" ? (p.name_en || p.name_ar || "") : (p.name_ar || p.name_en || "");
    return M.el("div", { class: "tip", dir: M.lang === "en" ? "ltr" : "rtl" },
      M.el("b", {}, M.subLabel(p.sub_event_type || p.event_type)),
      M.el("div", {}, place),
      M.el("div", {}, (p.date_start || "?") + (p.fatalities ? " · " + M.counted(p.fatalities, "killed") : "")));
  }

  /* the grid's cell size in degrees at a zoom: cells of roughly 40-80 pixels; 90/2^k degrees, the
     sizes the server counts ahead (zooms 3-9: marsad.store.cells) */
  function gridCell(zoom) {
    return 90 / Math.pow(2, Math.max(4, Math.min(14, Math.round(zoom) + 1)));
  }

  function cellIcon(c) {
    const top = Object.entries(c.types).sort((x, y) => y[1] - x[1])[0][0];
    const size = Math.round(24 + 8 * Math.log10(Math.max(1, c.events)));
    const dot = M.el("span", { class: "cell", dataset: { events: String(c.events) } }, M.num(c.events));
    dot.style.background = M.typeColor(top);
    dot.style.width = dot.style.height = dot.style.lineHeight = size + "px";
    return L.divIcon({ html: dot, className: "grid-icon", iconSize: [size, size] });
  }

  function cellTip(c) {
    const lines = Object.entries(c.types).sort((x, y) => y[1] - x[1])
      .map(([t, n]) => M.el("div", {}, M.typeLabel(t) + ": " + M.num(n)));
    return M.el("div", { class: "tip", dir: M.lang === "en" ? "ltr" : "rtl" },
      M.el("b", {}, M.counted(c.events, "event")), ...lines,
      c.fatalities ? M.el("div", {}, M.counted(c.fatalities, "killed")) : "");
  }

  function drawGrid(st, grid) {
    st.grid.clearLayers();
    for (const c of grid.cells) {
      const m = L.marker([c.lat, c.lon], { icon: cellIcon(c), keyboard: false });
      m.bindTooltip(() => cellTip(c), { direction: "top" });
      m.on("click", () => st.map.setView([c.lat, c.lon], Math.min(st.map.getZoom() + 2, 16)));
      m.addTo(st.grid);
    }
    st.map.getContainer().dataset.gridEvents = String(grid.events);
  }

  /* (re)count the filter's events in cells for the current zoom; a newer request or filter wins */
  function refreshGrid(fit) {
    const st = M.state.map, fetchGrid = st.fetchGrid;
    if (!fetchGrid) return Promise.resolve();
    const ticket = (st.gridTicket = (st.gridTicket || 0) + 1);
    return fetchGrid(gridCell(st.map.getZoom())).then((grid) => {
      if (ticket !== st.gridTicket || st.fetchGrid !== fetchGrid) return;
      drawGrid(st, grid);
      if (fit && grid.cells.length) {
        const bounds = L.latLngBounds(grid.cells.map((c) => [c.lat, c.lon]));
        st.map.fitBounds(bounds.pad(0.15), { maxZoom: 10, animate: false });
      }
    });
  }

  function label(text, cls) {
    return L.divIcon({ html: M.el("span", {}, text), className: "map-label " + cls, iconSize: null });
  }

  /* governorate names at their outline's centre, towns as dots with names; shown by zoom */
  function addLabels(map, fc, towns) {
    const govs = L.layerGroup(), cities = L.layerGroup(), towns_ = L.layerGroup();
    for (const f of fc.features) {
      const p = f.properties || {};
      if (p.layer !== "admin1" || !(p.country === "SY" || p.country === "IQ")) continue;
      const center = L.geoJSON(f).getBounds().getCenter();
      L.marker(center, { icon: label(M.lang === "en" ? p.name_en : (p.name_ar || p.name_en), "gov"),
        interactive: false, keyboard: false }).addTo(govs);
    }
    for (const t of towns.features) {
      const [lon, lat] = t.geometry.coordinates;
      const p = t.properties;
      L.marker([lat, lon], { icon: label(M.lang === "en" ? p.name_en : (p.name_ar || p.name_en), p.rank),
        interactive: false, keyboard: false }).addTo(p.rank === "city" ? cities : towns_);
    }
    const show = () => {
      const z = map.getZoom();
      map.getContainer().dataset.zoom = z;
      if (z >= 6) govs.addTo(map); else govs.remove();
      if (z >= 7) cities.addTo(map); else cities.remove();
      if (z >= 9) towns_.addTo(map); else towns_.remove();
    };
    map.on("zoomend", show);
    show();
    return { govs, cities, towns: towns_ };
  }

  M.initMap = function (onPick) {
    const map = L.map("map", { zoomControl: true, attributionControl: true, minZoom: 3, maxZoom: 16 }).fitBounds(HOME);
    const base = L.geoJSON(null, { style: baseStyle, interactive: false }).addTo(map);
    map.createPane("rivers").style.zIndex = 450;          /* over the boundaries' fill, under the events */
    const rivers = L.layerGroup().addTo(map);
    const riverLines = L.geoJSON(null, { style: riverStyle, interactive: false, pane: "rivers" }).addTo(rivers);
    const tiles = L.tileLayer(OSM, { maxZoom: 18, attribution: "© OpenStreetMap contributors" });
    L.control.layers({}, {
      [M.t("خريطة الأساس دون اتصال", "Offline base map")]: base,
      [M.t("الأنهار", "Rivers")]: rivers,
      [M.t("OpenStreetMap (عبر الإنترنت)", "OpenStreetMap (online)")]: tiles,
    }, { collapsed: true, position: "topleft" }).addTo(map);
    const clusters = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });
    map.addLayer(clusters);
    const grid = L.layerGroup().addTo(map);
    const picked = L.layerGroup().addTo(map);
    M.state.map = { map, clusters, grid, onPick, picked, markers: new Map(), labels: null, rivers: null, fetchGrid: null };
    map.on("zoomend", () => { if (M.state.map.fetchGrid) refreshGrid(false); });
    const basemap = M.getJSON("/api/basemap").then((fc) => { base.addData(fc); return fc; });
    const riverData = M.getJSON("/api/basemap/rivers").then((fc) => {
      riverLines.addData(fc);
      M.state.map.rivers = addRiverLabels(map, rivers, fc);
      return fc;
    });
    Promise.all([basemap, riverData]).then((fcs) => {
      document.getElementById("attribution").textContent =
        fcs.map((fc) => (fc.metadata && fc.metadata.attribution) || "").filter(Boolean).join(" ");
    });
    Promise.all([basemap, M.getJSON("/api/basemap/places")]).then(([fc, towns]) => {
      M.state.map.labels = addLabels(map, fc, towns);
    });
    return map;
  };

  /* fc: the located events (none, with `capped`, when more match than the layer holds); total: how
     many located events match the filter;
     fetchGrid(cell): the filter's located events counted in cells. When the layer holds fewer events
     than match, the map draws the cells (every event counted, server-side) instead of single markers.
     Returns a promise that settles when the map is drawn. */
  M.renderMap = function (fc, total, fit, fetchGrid) {
    const st = M.state.map;
    st.clusters.clearLayers();
    st.grid.clearLayers();
    st.markers.clear();
    const capped = Boolean(fc.capped) || fc.features.length < total;
    st.fetchGrid = capped && fetchGrid ? fetchGrid : null;
    const note = document.getElementById("map-note");
    note.textContent = !capped ? ""
      : st.fetchGrid ? M.t("تعد الخريطة كل الأحداث المحددة الموقع (" + M.num(total) + ") في خلايا؛ كبّر الخريطة أو ضيّق التصفية لرؤيتها منفردة",
                           "The map counts all " + M.num(total) + " located events in cells; zoom in or narrow the filter to see them one by one")
      : M.t("تعرض الخريطة أحدث " + M.num(fc.features.length) + " من " + M.num(total) + " حدثًا محدد الموقع؛ ضيّق التصفية لرؤية الباقي",
            "The map shows the latest " + M.num(fc.features.length) + " of " + M.num(total) + " located events; narrow the filter to see the rest");
    note.hidden = !note.textContent;
    st.map.getContainer().dataset.capped = String(Boolean(st.fetchGrid));
    if (st.fetchGrid) return refreshGrid(fit);
    const markers = fc.features.map((f) => {
      const [lon, lat] = f.geometry.coordinates;
      const m = L.marker([lat, lon], { icon: eventIcon(f), title: f.properties.event_id });
      m.bindTooltip(() => tooltip(f), { direction: "top" });
      m.on("click", () => st.onPick(f.properties.event_id, f.properties.doc_id));
      st.markers.set(f.properties.event_id, m);
      return m;
    });
    st.clusters.addLayers(markers);
    if (fit) {
      const bounds = markers.length ? st.clusters.getBounds() : null;
      if (bounds && bounds.isValid()) st.map.fitBounds(bounds.pad(0.15), { maxZoom: 10, animate: false });
      else st.map.fitBounds(HOME, { animate: false });
    }
    return Promise.resolve();
  };

  /* ring the picked event and bring it into view (opening its cluster) */
  M.highlight = function (eventId, location) {
    const st = M.state.map;
    st.picked.clearLayers();
    const marker = st.markers.get(eventId);
    const latlng = marker ? marker.getLatLng()
      : (location && location.lat !== null && location.lat !== undefined ? L.latLng(location.lat, location.lon) : null);
    if (!latlng) return;
    L.circleMarker(latlng, { radius: 18, color: "#d10000", weight: 3, fill: false, className: "picked",
      interactive: false }).addTo(st.picked);
    /* synchronous on purpose: markercluster's zoomToShowLayer leaves listeners that fire after a
       re-render has cleared the marker from its cluster (a page error when a filter changes mid-zoom) */
    const shown = marker && st.clusters.hasLayer(marker) ? st.clusters.getVisibleParent(marker) : null;
    if (shown === marker) st.map.panTo(latlng, { animate: false });
    else st.map.setView(latlng, Math.max(st.map.getZoom(), shown ? 11 : 8), { animate: false });
  };

  M.renderLegend = function () {
    const box = M.clear(document.getElementById("legend"));
    for (const t of Object.keys(M.TYPES)) {
      const sw = M.el("span", { class: "sw" });
      sw.style.background = M.typeColor(t);
      box.appendChild(M.el("div", {}, sw, M.typeLabel(t)));
    }
    box.appendChild(M.el("div", { class: "legend-note" }, M.t("الحجم = عدد القتلى", "size = fatalities")));
  };
})(window.Marsad);
