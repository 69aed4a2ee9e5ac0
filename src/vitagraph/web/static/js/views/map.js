// Map: where the life happened. Markers sized by how much happened at each place,
// the itinerary as arrows in time order, over a basemap shipped with the package
// (Natural Earth country shapes). Online tiles only when the server was started
// with --tiles (the user's opt-in); nothing else leaves the machine.
import { h, s, replace, apiDocPath, loading, errorBox, notice } from "../dom.js";
import { get } from "../api.js";
import * as tip from "../tooltip.js";
import { select, onSelect, selection } from "../state.js";
import { panZoom } from "../panzoom.js";

const W = 1000;
const MAX_LAT = 85.05113;
let basemap = null;

export function project(lon, lat) {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return [((lon + 180) / 360) * W, W / 2 - (W / (2 * Math.PI)) * Math.log(Math.tan(Math.PI / 4 + phi / 2))];
}

function loadBasemap() {
  if (!basemap) {
    basemap = fetch("/static/basemap.json").then((r) => {
      if (!r.ok) throw new Error(`basemap missing (${r.status})`);
      return r.json();
    });
    basemap.catch(() => { basemap = null; });
  }
  return basemap;
}

function timeColor(f) {
  // early = blue, late = red: the direction of the life at a glance
  const hue = 215 - 205 * f;
  return `hsl(${hue.toFixed(0)}, 70%, 42%)`;
}

export async function mount(pane, ctx) {
  replace(pane, loading("map"));
  let data;
  let base;
  try {
    [data, base] = await Promise.all([get(apiDocPath(ctx.name, "map")), loadBasemap()]);
  } catch (err) {
    replace(pane, errorBox(err));
    return { destroy() {} };
  }
  const located = data.places.filter((p) => p.lat !== null && p.lon !== null);
  const byId = new Map(located.map((p) => [p.id, { ...p, xy: project(p.lon, p.lat) }]));
  const stops = data.itinerary.filter((st) => byId.has(st.place));

  const svg = s("svg", { class: "map", role: "img", "aria-label": `Map of places in ${ctx.title}`, preserveAspectRatio: "xMidYMid meet" });
  const sea = s("rect", { class: "sea", x: -W, y: -W, width: 3 * W, height: 3 * W });
  const land = s("g", { class: "land" }, base.countries.map((c) => s("path", { d: c.d, "data-name": c.name })));
  const tiles = s("g", { class: "tiles" });
  const routes = s("g", { class: "routes" });
  const marks = s("g", { class: "markers" });
  const labels = s("g", { class: "labels" });
  svg.append(sea, land, tiles, routes, marks, labels);

  // What to fit: where events happened; else every place; else Europe.
  const focus = located.filter((p) => p.events.length && !p.coarse);
  const fitPts = (focus.length ? focus : located).map((p) => byId.get(p.id).xy);
  function fitBox() {
    if (!fitPts.length) return { x: 430, y: 230, w: 200, h: 130 };
    const xs = fitPts.map((p) => p[0]);
    const ys = fitPts.map((p) => p[1]);
    let x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    const w = Math.max(30, (x1 - x0) * 1.25);
    const hh = Math.max(20, (y1 - y0) * 1.3);
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    return { x: cx - w / 2, y: cy - hh / 2, w, h: hh };
  }

  const maxWeight = Math.max(1, ...located.map((p) => p.weight));
  const radius = (p) => 3.5 + 15 * Math.sqrt(p.weight / maxWeight);
  const labelled = new Set(located.filter((p) => !p.coarse).slice(0, 14).map((p) => p.id));
  const markerEls = new Map();
  const stopEls = [];
  let useTiles = !!data.tiles;

  function drawOverlays(k) {
    // Sizes are in screen pixels: recomputed for the zoom (k = units per pixel).
    replace(routes);
    replace(marks);
    replace(labels);
    for (let i = 0; i + 1 < stops.length; i++) {
      const a = byId.get(stops[i].place).xy;
      const b = byId.get(stops[i + 1].place).xy;
      const dx = b[0] - a[0], dy = b[1] - a[1];
      const len = Math.hypot(dx, dy);
      if (len < 1e-6) continue;
      const bend = 0.18;
      const cx = (a[0] + b[0]) / 2 - dy * bend, cy = (a[1] + b[1]) / 2 + dx * bend;
      const color = timeColor(stops.length > 2 ? i / (stops.length - 2) : 0);
      const seg = s("path", { class: "route", d: `M${a[0]},${a[1]} Q${cx},${cy} ${b[0]},${b[1]}`, stroke: color, dataset: { from: stops[i].event, to: stops[i + 1].event } });
      // Arrowhead at the curve's middle, pointing along it.
      const mx = 0.25 * a[0] + 0.5 * cx + 0.25 * b[0], my = 0.25 * a[1] + 0.5 * cy + 0.25 * b[1];
      const tx = b[0] - a[0], ty = b[1] - a[1];
      const ang = Math.atan2(ty, tx);
      const size = 7 * k;
      const p1 = [mx - size * Math.cos(ang - 0.45), my - size * Math.sin(ang - 0.45)];
      const p2 = [mx - size * Math.cos(ang + 0.45), my - size * Math.sin(ang + 0.45)];
      const arrow = s("path", { class: "arrow", d: `M${p1[0]},${p1[1]} L${mx},${my} L${p2[0]},${p2[1]}`, stroke: color });
      const g = s("g", { class: "leg" }, seg, arrow);
      g.addEventListener("mouseenter", (e) => tip.show(e, [
        [`${byId.get(stops[i].place).name} → ${byId.get(stops[i + 1].place).name}`, "t-place"],
        `${stops[i].date_label} (${stops[i].type}) → ${stops[i + 1].date_label} (${stops[i + 1].type})`]));
      g.addEventListener("mousemove", (e) => tip.move(e));
      g.addEventListener("mouseleave", () => tip.hide());
      routes.append(g);
    }
    const ordered = [...byId.values()].sort((a, b) => b.weight - a.weight);
    const boxes = []; // placed labels, so the heaviest places keep theirs and none overlap
    const fits = (b) => !boxes.some((o) => b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]);
    for (const p of ordered) {
      const r = radius(p) * k;
      const g = s("g", {
        class: ["marker", p.coarse ? "coarse" : null, p.events.length ? "has-events" : null],
        dataset: { id: p.id }, tabindex: 0, role: "button",
        "aria-label": `${p.name} (${p.kind}): ${p.events.length} events, ${p.mentions} mentions`,
      }, s("circle", { cx: p.xy[0], cy: p.xy[1], r }));
      g.addEventListener("click", () => select({ type: "entity", id: p.id }, "map"));
      g.addEventListener("keydown", (e) => { if (e.key === "Enter") select({ type: "entity", id: p.id }, "map"); });
      g.addEventListener("mouseenter", (e) => tip.show(e, [[p.name, "t-place"],
        `${p.kind}${p.country ? ` · ${p.country}` : ""}${p.aliases.length ? ` · also ${p.aliases.join(", ")}` : ""}`,
        `${p.events.length} event${p.events.length === 1 ? "" : "s"} · ${p.mentions} mention${p.mentions === 1 ? "" : "s"}`,
        p.coarse ? "a region or country: drawn at its centre, left out of the path" : null]));
      g.addEventListener("mousemove", (e) => tip.move(e));
      g.addEventListener("mouseleave", () => tip.hide());
      marks.append(g);
      markerEls.set(p.id, g);
      const box = [p.xy[0] + r + 2 * k, p.xy[1] - 9 * k, p.xy[0] + r + (4 + 6.8 * p.name.length) * k, p.xy[1] + 5 * k];
      if (isSelected(p.id) || (labelled.has(p.id) && fits(box))) {
        boxes.push(box);
        labels.append(s("text", { class: "place-label", x: p.xy[0] + r + 3 * k, y: p.xy[1] + 4 * k, "font-size": 12 * k, dataset: { id: p.id } }, p.name));
      }
    }
    highlight(selection());
  }

  function drawTiles(vb, k) {
    replace(tiles);
    land.classList.toggle("under-tiles", useTiles);
    if (!useTiles || !data.tiles) return;
    const z = Math.max(0, Math.min(18, Math.round(Math.log2(W / (256 * k)))));
    const n = 2 ** z;
    const size = W / n;
    const x0 = Math.max(0, Math.floor(vb.x / size)), x1 = Math.min(n - 1, Math.floor((vb.x + vb.w) / size));
    const y0 = Math.max(0, Math.floor(vb.y / size)), y1 = Math.min(n - 1, Math.floor((vb.y + vb.h) / size));
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > 80) return;
    for (let tx = x0; tx <= x1; tx++) {
      for (let ty = y0; ty <= y1; ty++) {
        const href = data.tiles.replace("{z}", z).replace("{x}", tx).replace("{y}", ty).replace("{s}", "a");
        tiles.append(s("image", { href, x: tx * size, y: ty * size, width: size, height: size, preserveAspectRatio: "none" }));
      }
    }
  }

  function isSelected(id) {
    const sel = selection();
    return !!sel && sel.type === "entity" && sel.id === id;
  }

  let lastK = null;
  const holder = h("div", { class: "map-holder" }, svg);
  const zoomer = panZoom(svg, {
    box: fitBox(), minWidth: 4, maxWidth: 2 * W,
    onChange: (vb, k) => {
      if (lastK === null || Math.abs(k - lastK) / lastK > 0.02) {
        lastK = k;
        drawOverlays(k);
      }
      drawTiles(vb, k);
    },
  });

  const tileToggle = data.tiles ? h("label", { class: "tile-toggle" },
    h("input", { type: "checkbox", checked: true, on: { change: (e) => { useTiles = e.target.checked; drawTiles(zoomer.get(), zoomer.scale()); } } }),
    " online tiles (opted in with --tiles)") : null;
  const controls = h("div", { class: "view-controls" },
    h("div", { class: "map-key" },
      h("span", { class: "key-dot" }), "place (size: events and mentions) ",
      h("span", { class: "key-ring" }), "country or region, at its centre ",
      h("span", { class: "key-route" }), "itinerary, earlier → later"),
    h("div", { class: "zoom" },
      h("button", { type: "button", class: "btn small", "aria-label": "Zoom out", on: { click: () => zoomer.zoom(1 / 1.5) } }, "−"),
      h("button", { type: "button", class: "btn small", "aria-label": "Zoom in", on: { click: () => zoomer.zoom(1.5) } }, "+"),
      h("button", { type: "button", class: "btn small", on: { click: () => zoomer.fit(fitBox()) } }, "fit"),
      h("button", { type: "button", class: "btn small", on: { click: () => zoomer.fit({ x: 0, y: 120, w: W, h: 640 }) } }, "world")),
    tileToggle);

  const stopList = h("ol", { class: "stops" }, stops.map((st, i) => {
    const p = byId.get(st.place);
    const li = h("li", { dataset: { event: st.event, place: st.place } },
      h("button", { type: "button", class: "linkish", on: { click: () => select({ type: "event", id: st.event }, "map") } },
        h("span", { class: "stop-place" }, p.name), " ", h("span", { class: "muted" }, `${st.date_label} · ${st.type}`)));
    li.querySelector("button").style.borderLeftColor = timeColor(stops.length > 1 ? i / (stops.length - 1) : 0);
    stopEls.push(li);
    return li;
  }));
  const placeRows = data.places.map((p) => h("tr", { dataset: { id: p.id } },
    h("td", null, h("button", { type: "button", class: "linkish", on: { click: () => select({ type: "entity", id: p.id }, "map") } }, p.name)),
    h("td", { class: "muted" }, p.kind), h("td", { class: "num" }, String(p.events.length)), h("td", { class: "num" }, String(p.mentions))));
  const side = h("div", { class: "map-side" },
    h("section", null, h("h3", null, `Itinerary (${stops.length} stops)`),
      stops.length ? stopList : h("p", { class: "muted" }, "No dated events with a located place yet.")),
    h("section", null, h("h3", null, `Places (${data.places.length})`),
      h("table", { class: "data compact" }, h("thead", null, h("tr", null, h("th", null, "place"), h("th", null, "kind"), h("th", { class: "num" }, "events"), h("th", { class: "num" }, "mentions"))),
        h("tbody", null, placeRows)),
      data.unlocated.length ? h("p", { class: "muted" }, `Without coordinates: ${data.unlocated.join(", ")}`) : null));
  pane.classList.add("map-pane");
  replace(pane, controls, holder, located.length ? null : notice("No place with coordinates was extracted from this document."), side);
  lastK = null;
  zoomer.fit(fitBox());

  function highlight(sel) {
    for (const el of pane.querySelectorAll(".sel, .related")) el.classList.remove("sel", "related");
    if (!sel) return;
    let placeIds = [];
    if (sel.type === "entity") placeIds = [sel.id];
    if (sel.type === "event") {
      const hit = data.places.find((p) => p.events.includes(sel.id));
      if (hit) placeIds = [hit.id];
      for (const li of stopEls) if (li.dataset.event === sel.id || stops.find((st) => st.event === li.dataset.event && st.events.includes(sel.id))) li.classList.add("sel");
    }
    for (const id of placeIds) {
      const m = markerEls.get(id);
      if (m) {
        m.classList.add("sel");
        m.parentNode.append(m); // on top
      }
      for (const row of pane.querySelectorAll(`tr[data-id="${CSS.escape(id)}"]`)) row.classList.add("sel");
      for (const li of stopEls) if (li.dataset.place === id) li.classList.add("related");
    }
  }

  const ro = new ResizeObserver(() => {
    lastK = null;
    zoomer.fit(zoomer.get());
  });
  ro.observe(holder);
  const off = onSelect((sel) => {
    if (sel && sel.type === "entity" && byId.has(sel.id) && !labelled.has(sel.id)) drawOverlays(zoomer.scale());
    else highlight(sel);
  });
  return {
    destroy() {
      ro.disconnect();
      off();
      tip.hide();
    },
  };
}
