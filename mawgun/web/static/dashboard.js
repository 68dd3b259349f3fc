/* Mawgun dashboard: draws the map of Myanmar and the timeline in SVG from the local API.
 * No third-party code and nothing fetched from the internet: outlines come from
 * /api/v1/boundaries (MIMU, simplified on the server), counts from /api/v1/map and /api/v1/stats. */
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  /* One palette for event types, the reports' (mawgun.report.charts.EVENT_TYPE_COLOURS), given by the page. */
  const TYPE_COLORS = JSON.parse(document.body.dataset.palette || "{}");
  const SHADES = ["#fbeee0", "#f8d3a8", "#f3ab6b", "#e67a3c", "#c9472a", "#8f1d1d"];
  const CONTROL_COLORS = ["#1f618d", "#b9770e", "#117a65", "#6c3483", "#a04000", "#2e4053", "#7b241c", "#196f3d"];

  /* The page's filters without empty fields, as a query string for the API. */
  function cleanQuery(raw) {
    const params = new URLSearchParams(raw || "");
    const kept = new URLSearchParams();
    for (const [key, value] of params) {
      if (value.trim() !== "" && key !== "offset") kept.append(key, value);
    }
    return kept;
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(url + " answered " + response.status);
    return response.json();
  }

  function svgEl(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    if (parent) parent.appendChild(node);
    return node;
  }

  function addTitle(node, text) {
    svgEl("title", {}, node).textContent = text;
  }

  /* "12 death(s)", "12 death(s), toll unknown for 2 event(s)" or "toll unknown": unknown is not zero. */
  function tollOf(count) {
    const unknown = count.toll_unknown ? `toll unknown for ${count.toll_unknown} event(s)` : "";
    if (count.fatalities === null || count.fatalities === undefined) return unknown || "toll unknown";
    return `${count.fatalities} death(s)` + (unknown ? ", " + unknown : "");
  }

  function typeColor(type) {
    return TYPE_COLORS[type] || "#566573";
  }

  /* Equirectangular projection scaled by cos(mid-latitude), fitted to the width. */
  function makeProjection(bbox, width) {
    const [minLon, minLat, maxLon, maxLat] = bbox;
    const kx = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
    const scale = width / ((maxLon - minLon) * kx);
    const height = (maxLat - minLat) * scale;
    const project = (lon, lat) => [((lon - minLon) * kx * scale).toFixed(1), ((maxLat - lat) * scale).toFixed(1)];
    return { project, width, height };
  }

  function pathOf(rings, proj) {
    return rings.map((ring) => "M" + ring.map(([x, y]) => proj.project(x, y).join(",")).join("L") + "Z").join("");
  }

  /* Class breaks at the quantiles of the non-zero township counts (six classes), so both even and
   * very uneven distributions show differences. Returns ascending upper bounds. */
  function quantileBreaks(counts) {
    const values = counts.filter((c) => c > 0).sort((a, b) => a - b);
    if (!values.length) return [];
    const breaks = [];
    for (let i = 1; i <= SHADES.length; i++) {
      const value = values[Math.min(values.length - 1, Math.ceil((i / SHADES.length) * values.length) - 1)];
      if (!breaks.length || value > breaks[breaks.length - 1]) breaks.push(value);
    }
    return breaks;
  }

  function shadeFor(count, breaks) {
    if (!count) return "#f4f2ee";
    const index = breaks.findIndex((upper) => count <= upper);
    const position = index < 0 ? breaks.length - 1 : index;
    // Fewer classes than shades use the darker end, so a single event still stands out.
    return SHADES[Math.max(0, SHADES.length - breaks.length) + position];
  }

  function pointsBbox(points) {
    if (!points.length) return [92.2, 9.6, 101.2, 28.6];
    const lons = points.map((p) => p.lon), lats = points.map((p) => p.lat);
    return [Math.min(...lons) - 0.5, Math.min(...lats) - 0.5, Math.max(...lons) + 0.5, Math.max(...lats) + 0.5];
  }

  /* The box around the townships that have events (and the points), with a margin: the map zooms
   * to a state/region or township when the filters name one. */
  function focusBbox(townships, layer) {
    const shaded = new Set(layer.townships.map((t) => t.pcode));
    const xs = [], ys = [];
    for (const f of townships.features) {
      if (!shaded.has(f.pcode)) continue;
      for (const ring of f.rings) for (const [x, y] of ring) { xs.push(x); ys.push(y); }
    }
    for (const p of layer.points) { xs.push(p.lon); ys.push(p.lat); }
    if (!xs.length) return null;
    const pad = 0.3;
    return [Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) + pad, Math.max(...ys) + pad];
  }

  function gotoWith(params) {
    window.location.search = "?" + params.toString();
  }

  function drawTownships(svg, townships, proj, fillFor, titleFor, onClick) {
    const layer = svgEl("g", { class: "townships" }, svg);
    for (const feature of townships.features) {
      const path = svgEl("path", { d: pathOf(feature.rings, proj), fill: fillFor(feature) }, layer);
      addTitle(path, titleFor(feature));
      if (onClick) path.addEventListener("click", () => onClick(feature));
    }
  }

  function drawStates(svg, states, proj) {
    const layer = svgEl("g", { class: "states" }, svg);
    for (const feature of states.features) svgEl("path", { d: pathOf(feature.rings, proj) }, layer);
  }

  function drawPoints(svg, points, proj) {
    const layer = svgEl("g", { class: "points" }, svg);
    for (const point of points.slice().reverse()) {
      const [x, y] = proj.project(point.lon, point.lat);
      const radius = Math.min(12, 2 + Math.sqrt(point.events) * 1.4);
      const dot = svgEl("circle", { cx: x, cy: y, r: radius.toFixed(1) }, layer);
      const where = [point.location, point.township].filter(Boolean).join(", ");
      addTitle(dot, `${where || "place"}: ${point.events} event(s), ${tollOf(point)}`);
      dot.addEventListener("click", () => {
        window.location.href = "/events/" + encodeURIComponent(point.event_id);
      });
    }
  }

  /* Events known only by their state/region: a dashed circle with the count at the middle of the
   * state's outline (Shan and Bago match their North/South/East and East/West parts). */
  function drawStateCounts(svg, states, counts, proj, params) {
    const layer = svgEl("g", { class: "state-counts" }, svg);
    for (const count of counts) {
      const parts = states.features.filter((f) => f.name === count.admin1 || (f.name || "").startsWith(count.admin1 + " ("));
      if (!parts.length) continue;
      // The mean vertex of the longest outline among the parts: inside the state for these shapes.
      const ring = parts.flatMap((f) => f.rings).reduce((a, b) => (b.length > a.length ? b : a));
      const mean = (i) => ring.reduce((sum, point) => sum + point[i], 0) / ring.length;
      const [cx, cy] = proj.project(mean(0), mean(1));
      const group = svgEl("g", {}, layer);
      svgEl("circle", { cx, cy, r: (11 + Math.sqrt(count.events) * 2.5).toFixed(1) }, group);
      svgEl("text", { x: cx, y: Number(cy) + 4, "text-anchor": "middle" }, group).textContent = count.events.toLocaleString();
      addTitle(group, `${count.admin1}: ${count.events} event(s) placed only at state/region level`);
      group.addEventListener("click", () => { const p = new URLSearchParams(params); p.set("admin1", count.admin1); gotoWith(p); });
    }
  }

  function drawLegend(container, entries, title) {
    const legend = document.createElement("div");
    legend.className = "legend";
    const heading = document.createElement("b");
    heading.textContent = title;
    legend.appendChild(heading);
    for (const [color, label] of entries) {
      const item = document.createElement("span");
      const swatch = svgEl("svg", { width: 12, height: 12, class: "swatch" });
      svgEl("rect", { width: 12, height: 12, fill: color, rx: 2 }, swatch);
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(" " + label));
      legend.appendChild(item);
    }
    container.appendChild(legend);
  }

  function countLegend(breaks) {
    const entries = [["#f4f2ee", "none"]];
    let lower = 1;
    breaks.forEach((upper) => {
      const label = lower === upper ? upper.toLocaleString() : `${lower.toLocaleString()}–${upper.toLocaleString()}`;
      entries.push([shadeFor(upper, breaks), label]);
      lower = upper + 1;
    });
    return entries;
  }

  async function loadOutlines() {
    const [states, townships] = await Promise.all([
      getJSON("/api/v1/boundaries/admin1"),
      getJSON("/api/v1/boundaries/admin3"),
    ]);
    return { states, townships };
  }

  function newSvg(container, proj) {
    container.textContent = "";
    const svg = svgEl("svg", {
      viewBox: `0 0 ${proj.width} ${proj.height.toFixed(0)}`,
      role: "img",
      "aria-label": "Map of Myanmar",
    });
    container.appendChild(svg);
    return svg;
  }

  async function drawEventMap(container, params) {
    const [outlines, layer] = await Promise.all([loadOutlines(), getJSON("/api/v1/map?" + params.toString())]);
    const zoomed = params.has("admin1") || params.has("township") ? focusBbox(outlines.townships, layer) : null;
    const bbox = zoomed || outlines.townships.bbox || outlines.states.bbox || pointsBbox(layer.points);
    const proj = makeProjection(bbox, 600);
    const svg = newSvg(container, proj);
    const counts = new Map(layer.townships.map((t) => [t.pcode, t]));
    const breaks = quantileBreaks(layer.townships.map((t) => t.events));
    drawTownships(
      svg, outlines.townships, proj,
      (f) => shadeFor((counts.get(f.pcode) || {}).events || 0, breaks),
      (f) => {
        const c = counts.get(f.pcode);
        return c ? `${f.name || f.pcode}: ${c.events} event(s), ${tollOf(c)}` : `${f.name || f.pcode}: no events`;
      },
      (f) => { const p = cleanQuery(container.dataset.query); p.set("township", f.pcode); gotoWith(p); },
    );
    drawStates(svg, outlines.states, proj);
    drawPoints(svg, layer.points, proj);
    if (!zoomed) drawStateCounts(svg, outlines.states, layer.states || [], proj, cleanQuery(container.dataset.query));
    if (!outlines.townships.features.length) container.classList.add("no-outlines");
    drawLegend(container, countLegend(breaks), "Events per township");
    if ((layer.states || []).length && !zoomed) {
      const note = document.createElement("p");
      note.className = "map-note";
      note.textContent = "Dashed circles: events known only by their state/region.";
      container.appendChild(note);
    }
    if (layer.unmapped) {
      const note = document.createElement("p");
      note.className = "map-note";
      note.textContent = `${layer.unmapped.toLocaleString()} of ${layer.total.toLocaleString()} events have no known place and are not drawn.`;
      container.appendChild(note);
    }
  }

  async function drawControlMap(container, params) {
    const [outlines, rows] = await Promise.all([loadOutlines(), getJSON("/api/v1/control?" + params.toString())]);
    const bbox = outlines.townships.bbox || outlines.states.bbox || [92.2, 9.6, 101.2, 28.6];
    const proj = makeProjection(bbox, 600);
    const svg = newSvg(container, proj);
    const byTownship = new Map(rows.filter((r) => r.township_pcode).map((r) => [r.township_pcode, r]));
    const controllers = [...new Set(rows.map((r) => r.controller))].sort();
    const colorOf = (name) => (name === "MIL" ? "#515a5a" : CONTROL_COLORS[controllers.indexOf(name) % CONTROL_COLORS.length]);
    drawTownships(
      svg, outlines.townships, proj,
      (f) => (byTownship.has(f.pcode) ? colorOf(byTownship.get(f.pcode).controller) : "#f4f2ee"),
      (f) => {
        const r = byTownship.get(f.pcode);
        return r ? `${f.name}: held by ${r.controller} since ${r.since || "?"}` : `${f.name}: no recorded change`;
      },
      (f) => { const r = byTownship.get(f.pcode); if (r) window.location.href = "/events/" + encodeURIComponent(r.event_id); },
    );
    drawStates(svg, outlines.states, proj);
    drawLegend(container, controllers.map((c) => [colorOf(c), c]).concat([["#f4f2ee", "no recorded change"]]), "Held by");
  }

  function monthsBetween(first, last) {
    const months = [];
    let [y, m] = first.split("-").map(Number);
    const [ly, lm] = last.split("-").map(Number);
    while (y < ly || (y === ly && m <= lm)) {
      months.push(`${y}-${String(m).padStart(2, "0")}`);
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    return months;
  }

  function monthEnd(month) {
    const [y, m] = month.split("-").map(Number);
    return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
  }

  function addDays(iso, days) {
    const day = new Date(iso + "T00:00:00Z");
    day.setUTCDate(day.getUTCDate() + days);
    return day.toISOString().slice(0, 10);
  }

  function weeksBetween(first, last) {
    const weeks = [];
    for (let week = first; week <= last; week = addDays(week, 7)) weeks.push(week);
    return weeks;
  }

  /* Months, or weeks (by their Monday) when the events span three months or less. */
  async function timelineRows(params) {
    params.set("by", "month,event_type");
    let rows = (await getJSON("/api/v1/stats?" + params.toString())).rows.filter((r) => r.keys.month);
    if (!rows.length || monthsBetween(rows[0].keys.month, rows[rows.length - 1].keys.month).length > 3) {
      return { unit: "month", rows: rows.map((r) => ({ period: r.keys.month, type: r.keys.event_type, events: r.events })) };
    }
    params.set("by", "week,event_type");
    rows = (await getJSON("/api/v1/stats?" + params.toString())).rows.filter((r) => r.keys.week);
    return { unit: "week", rows: rows.map((r) => ({ period: r.keys.week, type: r.keys.event_type, events: r.events })) };
  }

  /* Round axis ticks from 0 up to at least `maximum` in steps of 1, 2 or 5 x 10^n (never below 1, as
   * counts are whole): the rule of the reports' charts (mawgun.report.charts.nice_ticks). */
  function niceTicks(maximum, target = 5) {
    if (maximum <= 0) return [0, 1];
    const raw = maximum / target;
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw));
    return Array.from({ length: Math.ceil(maximum / step) + 1 }, (_, i) => i * step);
  }

  async function drawTimeline(container) {
    const { unit, rows } = await timelineRows(cleanQuery(container.dataset.query));
    container.textContent = "";
    if (!rows.length) {
      container.textContent = "No dated events for these filters.";
      return;
    }
    const first = rows[0].period, last = rows[rows.length - 1].period;
    const periods = unit === "month" ? monthsBetween(first, last) : weeksBetween(first, last);
    const types = [...new Set(rows.map((r) => r.type))].sort();
    const table = new Map();
    for (const r of rows) table.set(r.period + "|" + r.type, r.events);
    const totals = periods.map((m) => types.reduce((sum, t) => sum + (table.get(m + "|" + t) || 0), 0));
    const ticks = niceTicks(Math.max(...totals));
    const max = ticks[ticks.length - 1];  // the axis's top: every bar and label is drawn against it
    const width = 640, height = 220, left = 40, bottom = 24, top = 8;
    const barWidth = (width - left) / periods.length;
    const label = unit === "month" ? "Events per month" : "Events per week";
    const heading = container.parentElement.querySelector(".timeline-unit");
    if (heading) heading.textContent = unit === "month" ? "events per month by type" : "events per week (from Monday) by type";
    const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label }, container);
    const plotHeight = height - bottom - top;
    for (const tick of ticks) {
      const y = top + plotHeight * (1 - tick / max);
      svgEl("line", { x1: left, x2: width, y1: y, y2: y, class: "gridline" }, svg);
      svgEl("text", { x: left - 4, y: y + 4, class: "axis tick", "text-anchor": "end", "data-value": tick }, svg).textContent =
        tick.toLocaleString();
    }
    const filters = cleanQuery(container.dataset.query);
    periods.forEach((period, i) => {
      let y = top + plotHeight;
      const x = left + i * barWidth;
      const group = svgEl("g", { class: "bar" }, svg);
      for (const type of types) {
        const count = table.get(period + "|" + type) || 0;
        if (!count) continue;
        const h = (count / max) * plotHeight;
        y -= h;
        const rect = svgEl("rect", {
          x: (x + 0.5).toFixed(1), y: y.toFixed(1), width: Math.max(1, barWidth - 1).toFixed(1), height: h.toFixed(1),
          fill: typeColor(type),
        }, group);
        addTitle(rect, `${period} · ${type}: ${count.toLocaleString()}`);
      }
      group.addEventListener("click", () => {
        const p = new URLSearchParams(filters);
        p.set("since", unit === "month" ? period + "-01" : period);
        p.set("until", unit === "month" ? monthEnd(period) : addDays(period, 6));
        gotoWith(p);
      });
      const every = Math.ceil(periods.length / 8);
      if (i % every === 0) {
        svgEl("text", { x: x + barWidth / 2, y: height - 6, class: "axis", "text-anchor": "middle" }, svg).textContent = period;
      }
    });
    drawLegend(container, types.map((t) => [typeColor(t), t]), "Event type");
  }

  function showError(container, error) {
    container.textContent = "Could not draw this view: " + error.message;
    container.classList.add("failed");
  }

  document.addEventListener("DOMContentLoaded", () => {
    const map = document.getElementById("map");
    if (map) {
      const params = cleanQuery(map.dataset.query);
      const draw = map.dataset.mode === "control" ? drawControlMap : drawEventMap;
      draw(map, params).then(() => map.classList.add("ready")).catch((e) => showError(map, e));
    }
    const timeline = document.getElementById("timeline");
    if (timeline) {
      drawTimeline(timeline).then(() => timeline.classList.add("ready")).catch((e) => showError(timeline, e));
    }
  });
})();
