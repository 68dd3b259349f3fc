/* Mawgun dashboard map: Leaflet (from the XStatic-Leaflet package, served under /vendor/) over an
 * offline base layer, the shipped MIMU outlines with state/region and township names; events clustered
 * by Leaflet.markercluster; a time slider (months, or weeks when the events span three months or less)
 * that keeps the events whose date may fall in the chosen period; a click on an event opens it.
 * No tiles, no CDN: outlines from /api/v1/boundaries, events from /api/v1/map/events.
 * Text from the store is always set as text (textContent), never as HTML. */
"use strict";

(function () {
  const TYPE_COLORS = JSON.parse(document.body.dataset.palette || "{}");
  const SHADES = ["#fbeee0", "#f8d3a8", "#f3ab6b", "#e67a3c", "#c9472a", "#8f1d1d"];
  const TOWNSHIP_LABEL_ZOOM = 8;
  const SINGULAR = {
    "{n} events": "{n} event",
    "{n} deaths": "{n} death",
    "toll unknown for {n} events": "toll unknown for {n} event",
    "deaths reported in {n} events: {deaths}": "deaths reported in {n} event: {deaths}",
  };
  const MYANMAR = [[9.6, 92.2], [28.55, 101.17]];

  function cleanQuery(raw) {
    const params = new URLSearchParams(raw || "");
    const kept = new URLSearchParams();
    for (const [key, value] of params) if (value.trim() !== "" && key !== "offset") kept.append(key, value);
    return kept;
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(url + " answered " + response.status);
    return response.json();
  }

  /* Labels in the page's language, from the page (English keys; "{n}"-style placeholders). */
  function makeText(container) {
    const labels = JSON.parse(container.dataset.labels || "{}");
    const burmese = document.documentElement.lang === "my";
    const digits = (value) => (burmese ? String(value).replace(/[0-9]/g, (d) => "၀၁၂၃၄၅၆၇၈၉"[d]) : String(value));
    const num = (n) => digits(Number(n).toLocaleString("en"));
    const say = (key, values) =>
      (labels[key] || key).replace(/\{(\w+)\}/g, (_, name) => (values && name in values ? values[name] : ""));
    /* A label with a count: its singular form (SINGULAR) when the count is 1. */
    const count = (key, n, values) => say(n === 1 ? SINGULAR[key] || key : key, Object.assign({ n: num(n) }, values || {}));
    return { say, count, num, digits, months: labels.months || ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] };
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function lines(parts) {
    const box = element("div", "map-tip");
    parts.filter(Boolean).forEach((part, i) => box.appendChild(element("div", i === 0 ? "map-tip-head" : "", part)));
    return box;
  }

  /* ---- periods of the time slider ---- */

  function addDays(iso, days) {
    const day = new Date(iso + "T00:00:00Z");
    day.setUTCDate(day.getUTCDate() + days);
    return day.toISOString().slice(0, 10);
  }

  function mondayOf(iso) {
    const day = new Date(iso + "T00:00:00Z");
    return addDays(iso, -((day.getUTCDay() + 6) % 7));
  }

  function monthPeriods(first, last) {
    const periods = [];
    let [y, m] = first.slice(0, 7).split("-").map(Number);
    const [ly, lm] = last.slice(0, 7).split("-").map(Number);
    while (y < ly || (y === ly && m <= lm)) {
      const start = `${y}-${String(m).padStart(2, "0")}-01`;
      const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
      periods.push({ start, end, month: m, year: y });
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    return periods;
  }

  function weekPeriods(first, last) {
    const periods = [];
    for (let start = mondayOf(first); start <= last; start = addDays(start, 7)) periods.push({ start, end: addDays(start, 6) });
    return periods;
  }

  /* Months, or weeks when the events' dates span three months or less. Dated by their day spans. */
  function makePeriods(events) {
    const dated = events.filter((e) => e.first);
    if (!dated.length) return { unit: "month", periods: [] };
    const first = dated.reduce((a, e) => (e.first < a ? e.first : a), dated[0].first);
    const last = dated.reduce((a, e) => (e.last > a ? e.last : a), dated[0].last);
    const months = monthPeriods(first, last);
    return months.length > 3 ? { unit: "month", periods: months } : { unit: "week", periods: weekPeriods(first, last) };
  }

  function periodName(period, unit, text) {
    if (unit === "month") return `${text.months[period.month - 1]} ${text.digits(period.year)}`;
    return text.say("week of {day}", { day: text.digits(period.start) });
  }

  /* The date as precisely as it is known ("Nov 2023 (date known to the month only)"). */
  function showDate(event, text) {
    if (!event.date) return text.say("undated");
    const [y, m] = event.date.split("-").map(Number);
    if (event.date_precision === "month") return `${text.months[m - 1]} ${text.digits(y)} (${text.say("date known to the month only")})`;
    if (event.date_precision === "year") return `${text.digits(y)} (${text.say("date known to the year only")})`;
    if (event.date_precision === "week") return `${text.say("week of {day}", { day: text.digits(mondayOf(event.date)) })} (${text.say("date known to the week only")})`;
    return text.digits(event.date);
  }

  /* "deaths reported in 3 events: 12; toll unknown for 2 events" — unknown is not zero. */
  function describeTolls(events, text) {
    const known = events.filter((e) => e.fatalities !== null && e.fatalities !== undefined);
    const unknown = events.length - known.length;
    const parts = [];
    if (known.length) {
      const deaths = known.reduce((sum, e) => sum + e.fatalities, 0);
      parts.push(text.count("deaths reported in {n} events: {deaths}", known.length, { deaths: text.num(deaths) }));
    }
    if (unknown) parts.push(text.count("toll unknown for {n} events", unknown));
    return parts.join("; ");
  }

  /* ---- base layer ---- */

  function toGeoJSON(outlines) {
    return {
      type: "FeatureCollection",
      features: outlines.features.map((f) => ({
        type: "Feature",
        properties: { pcode: f.pcode, name: f.name, name_my: f.name_my, label: f.label },
        geometry: { type: "MultiPolygon", coordinates: f.rings.map((ring) => [ring]) },
      })),
    };
  }

  function placeName(props) {
    return document.documentElement.lang === "my" && props.name_my ? props.name_my : props.name || props.pcode;
  }

  /* An outline's area in square degrees (the shoelace sum over its rings): larger places are named first. */
  function areaOf(feature) {
    let total = 0;
    for (const ring of feature.rings) {
      let area = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) area += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
      total += Math.abs(area) / 2;
    }
    return total;
  }

  /* The names of outlines, largest place first (the order declutter() gives way in). */
  function labelLayer(outlines, className) {
    const group = L.layerGroup();
    const features = outlines.features.map((f) => [areaOf(f), f]).sort((a, b) => b[0] - a[0]).map((pair) => pair[1]);
    for (const f of features) {
      if (!f.label) continue;
      const html = element("span", "", placeName(f));
      const icon = L.divIcon({ className: "place-label " + className, html, iconSize: null });
      L.marker([f.label[1], f.label[0]], { icon, interactive: false, keyboard: false, pane: "labels" }).addTo(group);
    }
    return group;
  }

  /* Hide each name that would be written over a name already shown (in the order of `groups`: the
   * townships' names first once they are shown, then the states'; larger places first), so no two
   * names overlap; zooming in gives the hidden ones room. A name's box is its place's point at this
   * zoom with the name's size around it (as the CSS centres it), so a zoom still animating cannot
   * mislead it; all sizes are read before any name is hidden, so the page is laid out once. */
  function declutter(map, groups) {
    const labels = groups.flatMap((group) => group.getLayers()).filter((marker) => marker.getElement()).map((marker) => {
      const span = marker.getElement().firstChild;
      const at = map.latLngToContainerPoint(marker.getLatLng());
      const [w, h] = [span.offsetWidth / 2, span.offsetHeight / 2];
      return [marker.getElement(), { left: at.x - w, right: at.x + w, top: at.y - h, bottom: at.y + h }];
    });
    const shown = [];
    for (const [element, box] of labels) {
      const clash = shown.some((b) => box.left < b.right && b.left < box.right && box.top < b.bottom && b.top < box.bottom);
      element.classList.toggle("label-hidden", clash);
      if (!clash) shown.push(box);
    }
  }

  function quantileBreaks(counts) {
    const values = counts.filter((c) => c > 0).sort((a, b) => a - b);
    const breaks = [];
    for (let i = 1; values.length && i <= SHADES.length; i++) {
      const value = values[Math.min(values.length - 1, Math.ceil((i / SHADES.length) * values.length) - 1)];
      if (!breaks.length || value > breaks[breaks.length - 1]) breaks.push(value);
    }
    return breaks;
  }

  function shadeFor(count, breaks) {
    if (!count) return "#f4f2ee";
    const index = breaks.findIndex((upper) => count <= upper);
    return SHADES[Math.max(0, SHADES.length - breaks.length) + (index < 0 ? breaks.length - 1 : index)];
  }

  /* ---- the map ---- */

  function eventMarker(event, text) {
    const marker = L.circleMarker([event.latitude, event.longitude], {
      pane: "events", radius: 7, color: "#ffffff", weight: 1.5, fillColor: TYPE_COLORS[event.event_type] || "#566573", fillOpacity: 0.95,
      className: "event-point" + (event.date_precision && event.date_precision !== "day" ? " coarse-date" : ""),
    });
    marker.eventId = event.id;
    const where = [event.location, event.admin3, event.admin1].filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(", ");
    const toll = event.fatalities === null || event.fatalities === undefined ? text.say("toll unknown") : text.count("{n} deaths", event.fatalities);
    marker.bindTooltip(lines([where, showDate(event, text), `${event.sub_event_type || event.event_type} · ${toll}`, text.say("click to open the event")]));
    marker.on("click", () => { window.location.href = "/events/" + encodeURIComponent(event.id); });
    return marker;
  }

  function statePartsOf(event, states) {
    const byCode = states.features.filter((f) => event.admin1_pcode && f.pcode === event.admin1_pcode);
    if (byCode.length) return byCode;
    return states.features.filter((f) => f.name === event.admin1 || (f.name || "").startsWith(event.admin1 + " ("));
  }

  class EventMap {
    constructor(container, outlines, layer, params) {
      this.container = container;
      this.text = makeText(container);
      this.outlines = outlines;
      this.layer = layer;
      this.params = params;
      this.host = container.querySelector(".leaflet-host");
      this.map = L.map(this.host, { maxZoom: 14, minZoom: 4, zoomSnap: 0.25, maxBounds: [[4, 85], [33, 108]], attributionControl: true });
      this.map.createPane("labels").style.zIndex = 450;  // names above the outlines, under the events
      this.map.getPane("labels").style.pointerEvents = "none";
      this.map.createPane("events").style.zIndex = 620;  // single events above names and clusters
      this.map.attributionControl.setPrefix(false);
      this.map.attributionControl.addAttribution("Boundaries and place codes: MIMU");
      this.addBase();
      this.cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, spiderfyOnMaxZoom: true });
      this.map.addLayer(this.cluster);
      this.stateOnly = L.layerGroup().addTo(this.map);
      this.events = layer.events;
      this.markers = new Map(this.events.filter((e) => !e.state_only && e.latitude !== null && e.longitude !== null)
        .map((e) => [e.id, eventMarker(e, this.text)]));
      this.map.fitBounds(this.focus() || MYANMAR);
      this.map.on("zoomend", () => this.showTownshipLabels());
      this.showTownshipLabels();
    }

    addBase() {
      const params = this.params;
      this.townships = L.geoJSON(toGeoJSON(this.outlines.townships), {
        style: () => ({ color: "#ffffff", weight: 0.6, fillColor: "#f4f2ee", fillOpacity: 1 }),
        onEachFeature: (feature, layer) => {
          layer.on("click", () => { const p = new URLSearchParams(params); p.set("township", feature.properties.pcode); window.location.search = "?" + p; });
        },
      }).addTo(this.map);
      this.states = L.geoJSON(toGeoJSON(this.outlines.states), {
        style: () => ({ color: "#4a4a4a", weight: 1.2, fill: false }), interactive: false,
      }).addTo(this.map);
      this.stateLabels = labelLayer(this.outlines.states, "state-label").addTo(this.map);
      this.townshipLabels = labelLayer(this.outlines.townships, "township-label");
    }

    showTownshipLabels() {
      const zoom = this.map.getZoom();
      const on = this.map.hasLayer(this.townshipLabels);
      if (zoom >= TOWNSHIP_LABEL_ZOOM && !on) this.map.addLayer(this.townshipLabels);
      if (zoom < TOWNSHIP_LABEL_ZOOM && on) this.map.removeLayer(this.townshipLabels);
      declutter(this.map, zoom >= TOWNSHIP_LABEL_ZOOM ? [this.townshipLabels, this.stateLabels] : [this.stateLabels]);
      this.container.dataset.zoom = String(zoom);
    }

    /* Zoom to the events when the filters name a state/region or township. */
    focus() {
      if (!this.params.has("admin1") && !this.params.has("township")) return null;
      const points = [...this.markers.values()].map((m) => m.getLatLng());
      return points.length ? L.latLngBounds(points).pad(0.3) : null;
    }

    /* Show the events whose date may fall in the period (all of them for no period). */
    show(period) {
      const visible = period ? this.events.filter((e) => e.first && e.first <= period.end && e.last >= period.start) : this.events;
      this.cluster.clearLayers();
      this.cluster.addLayers(visible.filter((e) => this.markers.has(e.id)).map((e) => this.markers.get(e.id)));
      this.shadeTownships(visible);
      this.drawStateOnly(visible);
      this.visible = visible;
      this.container.dataset.shown = String(visible.filter((e) => this.markers.has(e.id)).length);
      this.container.dataset.stateOnly = String(visible.filter((e) => e.state_only).length);
      return visible;
    }

    shadeTownships(visible) {
      const byTownship = new Map();
      for (const e of visible) {
        if (!e.admin3_pcode) continue;
        if (!byTownship.has(e.admin3_pcode)) byTownship.set(e.admin3_pcode, []);
        byTownship.get(e.admin3_pcode).push(e);
      }
      const breaks = quantileBreaks([...byTownship.values()].map((list) => list.length));
      const text = this.text;
      this.townships.eachLayer((layer) => {
        const props = layer.feature.properties;
        const here = byTownship.get(props.pcode) || [];
        layer.setStyle({ fillColor: shadeFor(here.length, breaks) });
        const summary = here.length ? `${text.count("{n} events", here.length)} · ${describeTolls(here, text)}` : text.say("no events");
        layer.bindTooltip(lines([placeName(props), summary]), { sticky: true });
      });
      this.breaks = breaks;
    }

    /* Events known only to their state/region: the state's outline shaded and a hollow, dashed marker. */
    drawStateOnly(visible) {
      this.stateOnly.clearLayers();
      const byState = new Map();
      for (const e of visible.filter((v) => v.state_only)) {
        const parts = statePartsOf(e, this.outlines.states);
        if (!parts.length) continue;
        const key = parts[0].pcode;
        if (!byState.has(key)) byState.set(key, { parts, events: [] });
        byState.get(key).events.push(e);
      }
      const text = this.text;
      for (const { parts, events } of byState.values()) {
        const shade = L.geoJSON(toGeoJSON({ features: parts }), {
          style: () => ({ color: "#8f1d1d", weight: 1.5, dashArray: "5 4", fillColor: "#8f1d1d", fillOpacity: 0.12 }),
          interactive: false, className: "state-only-area",
        });
        this.stateOnly.addLayer(shade);
        const label = parts[0].label || [parts[0].rings[0][0][0], parts[0].rings[0][0][1]];
        const marker = L.circleMarker([label[1] - 0.25, label[0]], {
          radius: 9 + Math.sqrt(events.length) * 2, color: "#8f1d1d", weight: 2, dashArray: "4 3", fill: true,
          fillColor: "#ffffff", fillOpacity: 0.6, className: "state-only",
        });
        const name = events[0].admin1;
        marker.bindTooltip(lines([
          `${name}: ${text.count("{n} events", events.length)}`,
          text.say("place known to the state/region only"), describeTolls(events, text),
        ]));
        marker.on("click", () => {
          const p = new URLSearchParams(this.params);
          p.set("admin1", name);
          p.set("place_precision", "state");
          window.location.href = "/events?" + p;
        });
        this.stateOnly.addLayer(marker);
      }
    }
  }

  function setupSlider(view, container) {
    const slider = document.getElementById("map-period");
    const output = document.getElementById("map-period-label");
    const summary = document.getElementById("map-summary");
    const text = view.text;
    const { unit, periods } = makePeriods(view.events);
    slider.min = "0";
    slider.max = String(periods.length);
    slider.value = String(periods.length);
    slider.disabled = !periods.length;
    const update = () => {
      const index = Number(slider.value);
      const period = index < periods.length ? periods[index] : null;
      const visible = view.show(period);
      const name = period ? periodName(period, unit, text) : text.say(unit === "month" ? "all months" : "all weeks");
      output.textContent = `${name}: ${text.count("{n} events", visible.length)}`;
      const coarse = visible.filter((e) => e.date_precision && e.date_precision !== "day").length;
      const parts = [describeTolls(visible, text)];
      if (coarse) parts.push(text.say("{n} dated only to the week, month or year", { n: text.num(coarse) }));
      const unplaced = visible.filter((e) => !e.state_only && !view.markers.has(e.id)).length;
      if (unplaced) parts.push(text.say("{n} with no known place, not drawn", { n: text.num(unplaced) }));
      summary.textContent = parts.filter(Boolean).join(" · ");
      container.dataset.period = period ? period.start : "all";
    };
    slider.addEventListener("input", update);
    update();
    if (view.layer.total > view.events.length) {
      const note = element("p", "map-note", text.say("newest {n} of {total} events on the map; narrow the filters to see the rest",
        { n: text.num(view.events.length), total: text.num(view.layer.total) }));
      container.after(note);
    }
  }

  async function drawMap(container) {
    const params = cleanQuery(container.dataset.query);
    const [states, townships, layer] = await Promise.all([
      getJSON("/api/v1/boundaries/admin1"), getJSON("/api/v1/boundaries/admin3"), getJSON("/api/v1/map/events?" + params),
    ]);
    const view = new EventMap(container, { states, townships }, layer, params);
    setupSlider(view, container);
    container.mawgunMap = view;  // for the browser tests: the Leaflet map and its cluster layer
  }

  document.addEventListener("DOMContentLoaded", () => {
    const container = document.getElementById("event-map");
    if (!container) return;
    drawMap(container).then(() => container.classList.add("ready")).catch((error) => {
      container.textContent = "Could not draw the map: " + error.message;
      container.classList.add("failed");
    });
  });
})();
