// Timeline: the subject's events in lanes by type, drawn as honestly as their EDTF allows.
//
//   a day                     → a dot
//   a month, year, 192X       → a hatched bar: "some time in here"
//   an interval A/B           → a solid bar: "throughout"
//   an open end (../1939)     → the bar fades out to the edge, with an arrow
//   an unknown end (1933/)    → a short dotted stub with "?"
//   uncertain ? / approximate ~ → ends blurred, with the mark beside it
//   one of a set [A,B]        → a dashed hull around each candidate
import { h, s, clear, replace, apiDocPath, loading, errorBox, notice } from "../dom.js";
import { get } from "../api.js";
import * as tip from "../tooltip.js";
import { select, onSelect, selection } from "../state.js";

export const PALETTE = ["#2f6db5", "#c4462b", "#2a8a57", "#8a4fb5", "#c98a12", "#1f8a96", "#b5407f",
  "#5a6b1f", "#7b5a3c", "#4f5fd6", "#d0611e", "#3d7d7d"];
const FIXED = { born: "#2a8a57", died: "#333333", buried: "#666666", imprisoned: "#c4462b", arrested: "#a33a2a",
  exiled: "#d0611e", moved: "#2f6db5", traveled: "#4f5fd6", wrote: "#8a4fb5", published: "#8a4fb5",
  joined: "#1f8a96", worked: "#5a6b1f", married: "#b5407f", released: "#3d7d7d" };
const DATE_COLOR = "#6b7280";
const ROW = 16;
const LANE_PAD = 6;
const LEFT = 128;
const RIGHT = 18;
const TOP = 30;

export function typeColor(type, i) {
  return FIXED[type] || PALETTE[i % PALETTE.length];
}

function yearLabel(y) {
  return y <= 0 ? `${1 - y} BC` : String(y);
}

function explain(t) {
  if (!t) return "undated";
  const bits = [];
  if (t.shape === "point") bits.push("on this day");
  else if (t.shape === "span") bits.push(`some time in this ${t.precision}`);
  else if (t.shape === "interval") {
    bits.push(t.open_lo ? "until then, start open" : t.open_hi ? "from then on, end open" : (t.lo === null || t.hi === null) ? "one end unknown" : "throughout");
  } else bits.push(t.all_of ? "all of these" : "one of these");
  if (t.uncertain) bits.push("uncertain (?)");
  if (t.approximate) bits.push("approximate (~)");
  return bits.join(" · ");
}

export async function mount(pane, ctx) {
  replace(pane, loading("timeline"));
  let data;
  try {
    data = await get(apiDocPath(ctx.name, "timeline"));
  } catch (err) {
    replace(pane, errorBox(err));
    return { destroy() {} };
  }
  const hasItems = data.events.length || data.dates.length;
  const colors = new Map(data.types.map((t, i) => [t.type, typeColor(t.type, i)]));
  const shown = new Set(data.types.map((t) => t.type));
  let showDates = data.events.length === 0 || data.events.length < 12;
  const chips = data.types.map((t) => {
    const b = h("button", { type: "button", class: "chip", "aria-pressed": "true", dataset: { type: t.type } },
      h("span", { class: "swatch" }), `${t.type} `, h("span", { class: "count" }, String(t.count)));
    b.querySelector(".swatch").style.background = colors.get(t.type);
    b.addEventListener("click", () => {
      if (shown.has(t.type)) shown.delete(t.type);
      else shown.add(t.type);
      b.setAttribute("aria-pressed", String(shown.has(t.type)));
      draw();
    });
    return b;
  });
  const datesChip = h("button", { type: "button", class: "chip chip-dates", "aria-pressed": String(showDates), dataset: { type: "date" } },
    h("span", { class: "swatch" }), "dates in the text ", h("span", { class: "count" }, String(data.dates.length)));
  datesChip.querySelector(".swatch").style.background = DATE_COLOR;
  datesChip.addEventListener("click", () => {
    showDates = !showDates;
    datesChip.setAttribute("aria-pressed", String(showDates));
    const unzoomed = domain[0] === home[0] && domain[1] === home[1];
    home = homeDomain();
    if (unzoomed) domain = [...home];
    draw();
  });
  const allBtn = h("button", { type: "button", class: "btn small", on: { click: () => { data.types.forEach((t) => shown.add(t.type)); chips.forEach((c) => c.setAttribute("aria-pressed", "true")); draw(); } } }, "all");
  const noneBtn = h("button", { type: "button", class: "btn small", on: { click: () => { shown.clear(); chips.forEach((c) => c.setAttribute("aria-pressed", "false")); draw(); } } }, "none");

  // The axis spans the life and its events; dates in the text widen it only when shown
  // (a biography's "2023 edition" should not squash the life into a corner).
  function homeDomain() {
    const items = [...data.events, ...(showDates || !data.events.length ? data.dates : [])];
    const vals = items.flatMap((it) => [it.time.lo, it.time.hi]).filter((v) => v !== null);
    if (data.life) vals.push(...[data.life.born, data.life.died].filter((v) => v !== null && v !== undefined));
    if (!vals.length) return [0, 1];
    const lo = Math.min(...vals), hi = Math.max(...vals);
    const pad = Math.max(1, (hi - lo) * 0.03);
    return [lo - pad, hi + pad];
  }
  let home = homeDomain();
  let domain = [...home];
  const zoom = (f) => {
    const mid = (domain[0] + domain[1]) / 2;
    const half = Math.max(0.5, (domain[1] - domain[0]) / 2 / f);
    domain = [mid - half, mid + half];
    draw();
  };
  const controls = h("div", { class: "view-controls" },
    h("div", { class: "chips", role: "group", "aria-label": "Event types" }, chips, datesChip, allBtn, noneBtn),
    h("div", { class: "zoom", role: "group", "aria-label": "Zoom" },
      h("button", { type: "button", class: "btn small", title: "Zoom out", "aria-label": "Zoom out", on: { click: () => zoom(1 / 1.6) } }, "−"),
      h("button", { type: "button", class: "btn small", title: "Zoom in", "aria-label": "Zoom in", on: { click: () => zoom(1.6) } }, "+"),
      h("button", { type: "button", class: "btn small", title: "Whole life", on: { click: () => { domain = [...home]; draw(); } } }, "fit")));
  const holder = h("div", { class: "timeline-holder" });
  const undated = h("div", { class: "undated" });
  const legend = buildLegend();
  pane.classList.add("timeline-pane");
  replace(pane, controls, holder, undated, legend);
  if (!hasItems) {
    replace(holder, notice(data.undated.length ? "No dated events: the undated ones are listed below." : "No events or dates were extracted from this document."));
  }

  let svg = null;
  let itemEls = new Map();

  function draw() {
    if (!hasItems) return;
    const width = Math.max(420, holder.clientWidth || pane.clientWidth || 800);
    const innerW = width - LEFT - RIGHT;
    const x = (t) => LEFT + ((t - domain[0]) / (domain[1] - domain[0])) * innerW;
    const lanes = [];
    for (const t of data.types) {
      if (!shown.has(t.type)) continue;
      lanes.push({ key: t.type, label: t.type, color: colors.get(t.type), items: data.events.filter((e) => e.type === t.type) });
    }
    if (showDates && data.dates.length) lanes.push({ key: "date", label: "dates in the text", color: DATE_COLOR, items: data.dates });
    // Pack each lane's items into rows so none overlap.
    let y = TOP;
    for (const lane of lanes) {
      const rows = [];
      lane.geo = lane.items.map((item) => {
        const t = item.time;
        let x0;
        let x1;
        if (t.shape === "point") {
          x0 = x(t.lo) - 5;
          x1 = x(t.lo) + 5;
        } else {
          x0 = t.lo !== null ? x(t.lo) : t.open_lo ? LEFT : x(t.hi) - 28;
          x1 = t.hi !== null ? x(t.hi) : t.open_hi ? LEFT + innerW : x(t.lo) + 28;
          if (x1 - x0 < 6) {
            const c = (x0 + x1) / 2;
            x0 = c - 3;
            x1 = c + 3;
          }
        }
        let r = rows.findIndex((end) => end + 3 <= x0);
        if (r === -1) {
          r = rows.length;
          rows.push(x1);
        } else rows[r] = x1;
        return { item, x0, x1, row: r };
      });
      // Room to the right of each item, for a short label where it fits.
      const byRow = new Map();
      for (const g of lane.geo) (byRow.get(g.row) || byRow.set(g.row, []).get(g.row)).push(g);
      for (const list of byRow.values()) {
        list.sort((a, b) => a.x0 - b.x0);
        list.forEach((g, i) => { g.room = (i + 1 < list.length ? list[i + 1].x0 : LEFT + innerW) - g.x1 - 8; });
      }
      lane.y = y;
      lane.h = Math.max(1, rows.length) * ROW + LANE_PAD * 2;
      y += lane.h;
    }
    const height = y + 8;
    svg = s("svg", { class: "timeline", width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `Timeline of ${data.subject || ctx.name}` });
    const defs = s("defs", null,
      s("linearGradient", { id: "tl-fuzzy-grad" },
        s("stop", { offset: "0", "stop-color": "#000" }), s("stop", { offset: "0.3", "stop-color": "#fff" }),
        s("stop", { offset: "0.7", "stop-color": "#fff" }), s("stop", { offset: "1", "stop-color": "#000" })),
      s("mask", { id: "tl-fuzzy", maskContentUnits: "objectBoundingBox" }, s("rect", { width: 1, height: 1, fill: "url(#tl-fuzzy-grad)" })),
      s("linearGradient", { id: "tl-fade-r-grad" }, s("stop", { offset: "0", "stop-color": "#fff" }), s("stop", { offset: "1", "stop-color": "#111" })),
      s("mask", { id: "tl-fade-r", maskContentUnits: "objectBoundingBox" }, s("rect", { width: 1, height: 1, fill: "url(#tl-fade-r-grad)" })),
      s("linearGradient", { id: "tl-fade-l-grad" }, s("stop", { offset: "0", "stop-color": "#111" }), s("stop", { offset: "1", "stop-color": "#fff" })),
      s("mask", { id: "tl-fade-l", maskContentUnits: "objectBoundingBox" }, s("rect", { width: 1, height: 1, fill: "url(#tl-fade-l-grad)" })),
      s("filter", { id: "tl-blur", x: "-50%", y: "-50%", width: "200%", height: "200%" }, s("feGaussianBlur", { stdDeviation: "2.2" })),
      s("clipPath", { id: "tl-clip" }, s("rect", { x: LEFT, y: 0, width: innerW, height })));
    const hatches = new Map();
    for (const lane of lanes) {
      const id = `tl-hatch-${hatches.size}`;
      hatches.set(lane.key, id);
      defs.append(s("pattern", { id, width: 5, height: 5, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
        s("rect", { width: 5, height: 5, fill: lane.color, "fill-opacity": "0.18" }),
        s("line", { x1: 0, y1: 0, x2: 0, y2: 5, stroke: lane.color, "stroke-width": 2.4 })));
    }
    svg.append(defs);
    // Lanes, axis, the life.
    for (const [i, lane] of lanes.entries()) {
      svg.append(s("rect", { class: `lane ${i % 2 ? "odd" : "even"}`, x: 0, y: lane.y, width, height: lane.h }));
      const label = s("text", { class: "lane-label", x: LEFT - 10, y: lane.y + lane.h / 2 + 4, "text-anchor": "end" }, lane.label);
      svg.append(s("rect", { x: 8, y: lane.y + lane.h / 2 - 5, width: 10, height: 10, rx: 2, fill: lane.color }), label);
    }
    const plot = s("g", { "clip-path": "url(#tl-clip)" });
    svg.append(plot);
    if (data.life && data.life.born !== null && data.life.died !== null) {
      plot.append(s("rect", { class: "life", x: x(data.life.born), y: TOP, width: Math.max(1, x(data.life.died) - x(data.life.born)), height: y - TOP }));
    }
    const pxPerYear = innerW / (domain[1] - domain[0]);
    const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000].find((st) => st * pxPerYear >= 56) || 1000;
    const axis = s("g", { class: "axis" });
    for (let yr = Math.ceil(domain[0] / step) * step; yr <= domain[1]; yr += step) {
      const xx = x(yr);
      if (xx < LEFT - 0.5 || xx > LEFT + innerW + 0.5) continue;
      axis.append(s("line", { class: "grid", x1: xx, x2: xx, y1: TOP - 4, y2: y }),
        s("text", { class: "tick", x: xx, y: TOP - 10, "text-anchor": "middle" }, yearLabel(yr)));
    }
    svg.insertBefore(axis, plot);
    if (data.life && data.life.born !== null) {
      const bx = x(data.life.born);
      if (bx >= LEFT && bx <= LEFT + innerW) svg.append(s("text", { class: "life-label", x: bx + 3, y: y + 2 - 4 }, `born ${data.life.born_label || ""}`));
    }
    itemEls = new Map();
    for (const lane of lanes) {
      for (const g of lane.geo) plot.append(drawItem(g, lane, hatches.get(lane.key), LEFT, innerW, x));
    }
    replace(holder, svg);
    highlight(selection());
  }

  function drawItem(g, lane, hatch, left, innerW, x) {
    const { item, x0, x1, row } = g;
    const t = item.time;
    const cy = lane.y + LANE_PAD + row * ROW + ROW / 2;
    const color = lane.color;
    const el = s("g", {
      class: ["item", `shape-${t.shape}`, `layer-${item.layer}`],
      dataset: { id: item.id, lo: t.lo === null ? "" : String(t.lo), hi: t.hi === null ? "" : String(t.hi) },
      tabindex: 0, role: "button",
      "aria-label": `${item.label}, ${t.label}: ${item.quote}`.slice(0, 240),
    });
    if (item.confidence !== undefined && item.confidence !== null) el.setAttribute("opacity", String(0.45 + 0.55 * item.confidence));
    const fuzzy = t.uncertain || t.approximate;
    const hgt = ROW - 6;
    if (t.shape === "point") {
      if (fuzzy) el.append(s("circle", { cx: x(t.lo), cy, r: 8, fill: color, opacity: 0.45, filter: "url(#tl-blur)" }));
      el.append(s("circle", { class: "body", cx: x(t.lo), cy, r: 4.5, fill: color, stroke: "#fff", "stroke-width": 1.2 }));
    } else if (t.shape === "set") {
      el.append(s("rect", { class: "body hull", x: x0, y: cy - hgt / 2, width: x1 - x0, height: hgt, rx: 3, fill: "none", stroke: color, "stroke-dasharray": "3 2" }));
      for (const [a, b] of t.members || []) {
        if (a === null || b === null) continue;
        el.append(s("rect", { x: x(a), y: cy - hgt / 2 + 2, width: Math.max(3, x(b) - x(a)), height: hgt - 4, fill: color }));
      }
    } else {
      // The known part; an open side continues to the edge, fading, with an arrow.
      let k0 = x0;
      let k1 = x1;
      if (t.lo === null) k0 = t.open_lo ? Math.min(x1 - 6, x(t.hi) - 36) : x(t.hi) - 6;
      if (t.hi === null) k1 = t.open_hi ? Math.max(x0 + 6, x(t.lo) + 36) : x(t.lo) + 6;
      if (t.lo === null && t.open_lo) k0 = Math.max(left, k0);
      const fill = t.shape === "span" ? `url(#${hatch})` : color;
      const body = s("rect", { class: "body", x: k0, y: cy - hgt / 2, width: Math.max(3, k1 - k0), height: hgt, rx: 2, fill, stroke: color, "stroke-width": t.shape === "span" ? 1 : 0 });
      if (fuzzy) body.setAttribute("mask", "url(#tl-fuzzy)");
      el.append(body);
      if (t.lo === null) el.append(openSide(t.open_lo, "l", x0, k0, cy, hgt, color));
      if (t.hi === null) el.append(openSide(t.open_hi, "r", k1, x1, cy, hgt, color));
    }
    let textX = Math.max(x1, x0 + 6) + 4;
    if (fuzzy) {
      el.append(s("text", { class: "qual", x: textX - 1, y: cy + 4 }, t.uncertain && t.approximate ? "?~" : t.uncertain ? "?" : "~"));
      textX += 10;
    }
    const short = item.layer === "date" ? item.label : item.place ? item.place.name : (item.participants || []).map((p) => p.name)[0];
    if (short && g.room - (textX - x1) > short.length * 6.1) {
      el.append(s("text", { class: "item-label", x: textX, y: cy + 4 }, short));
    }
    el.addEventListener("click", () => select({ type: item.layer === "date" ? "date" : "event", id: item.id }, "timeline"));
    el.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        select({ type: item.layer === "date" ? "date" : "event", id: item.id }, "timeline");
      }
    });
    el.addEventListener("mouseenter", (e) => tip.show(e, [
      [item.label, "t-event"], `${t.label} — ${explain(t)}`, item.date ? `EDTF ${item.date}` : null,
      item.participants && item.participants.length ? `with ${item.participants.map((p) => p.name).join(", ")}` : null,
      [`“${item.quote}”`, "tip-quote"],
      item.confidence !== undefined && item.confidence !== null ? `confidence ${item.confidence}` : null,
    ]));
    el.addEventListener("mousemove", (e) => tip.move(e));
    el.addEventListener("mouseleave", () => tip.hide());
    itemEls.set(item.id, el);
    return el;
  }

  function openSide(open, side, a, b, cy, hgt, color) {
    const g = s("g", { class: open ? "open-end" : "unknown-end" });
    if (open) {
      g.append(s("rect", { x: a, y: cy - hgt / 2, width: Math.max(1, b - a), height: hgt, fill: color, mask: `url(#tl-fade-${side})` }));
      const tipX = side === "l" ? a : b;
      const d = side === "l" ? `M${tipX + 7},${cy - 6} L${tipX},${cy} L${tipX + 7},${cy + 6}` : `M${tipX - 7},${cy - 6} L${tipX},${cy} L${tipX - 7},${cy + 6}`;
      g.append(s("path", { d, fill: "none", stroke: color, "stroke-width": 2 }));
    } else {
      g.append(s("line", { x1: a, x2: b, y1: cy, y2: cy, stroke: color, "stroke-width": 2, "stroke-dasharray": "2 3" }),
        s("text", { class: "qual", x: side === "l" ? a - 8 : b + 2, y: cy + 4 }, "?"));
    }
    return g;
  }

  function highlight(sel) {
    if (!svg) return;
    for (const el of svg.querySelectorAll(".item.sel, .item.related")) el.classList.remove("sel", "related");
    svg.classList.remove("has-related");
    if (!sel) return;
    if (sel.type === "event" || sel.type === "date") {
      const el = itemEls.get(sel.id);
      if (el) el.classList.add("sel");
      return;
    }
    const related = [...data.events].filter((e) => (e.place && e.place.id === sel.id) || (e.participants || []).some((p) => p.id === sel.id));
    let any = false;
    for (const e of related) {
      const el = itemEls.get(e.id);
      if (el) {
        el.classList.add("related");
        any = true;
      }
    }
    svg.classList.toggle("has-related", any);
  }

  if (data.undated.length) {
    replace(undated, h("h3", null, `Undated events (${data.undated.length})`),
      h("div", { class: "chips" }, data.undated.map((e) => h("button", {
        type: "button", class: "chip undated-chip", dataset: { id: e.id },
        on: { click: () => select({ type: "event", id: e.id }, "timeline") },
      }, e.label))));
  }

  // Drag to pan the time axis; Ctrl + wheel zooms.
  let drag = null;
  holder.addEventListener("pointerdown", (e) => {
    if (e.target.closest(".item")) return;
    drag = { x: e.clientX, d: [...domain] };
  });
  holder.addEventListener("pointermove", (e) => {
    if (!drag || !svg) return;
    const innerW = svg.width.baseVal.value - LEFT - RIGHT;
    const shift = ((e.clientX - drag.x) / innerW) * (drag.d[1] - drag.d[0]);
    if (Math.abs(e.clientX - drag.x) < 3) return;
    domain = [drag.d[0] - shift, drag.d[1] - shift];
    draw();
  });
  const stop = () => { drag = null; };
  holder.addEventListener("pointerup", stop);
  holder.addEventListener("pointerleave", stop);
  holder.addEventListener("wheel", (e) => {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    zoom(Math.exp(-e.deltaY * 0.002));
  }, { passive: false });

  const ro = new ResizeObserver(() => draw());
  ro.observe(holder);
  draw();
  const off = onSelect((sel) => highlight(sel));
  return {
    destroy() {
      ro.disconnect();
      off();
      tip.hide();
    },
  };
}

function buildLegend() {
  const sample = (children) => s("svg", { width: 46, height: 16, viewBox: "0 0 46 16", "aria-hidden": "true" }, children);
  const c = "#2f6db5";
  return h("details", { class: "legend" }, h("summary", null, "How dates are drawn"),
    h("ul", null,
      h("li", null, sample(s("circle", { cx: 23, cy: 8, r: 4.5, fill: c })), "a known day"),
      h("li", null, sample([s("rect", { x: 6, y: 3, width: 34, height: 10, fill: "none", stroke: c }), s("path", { d: "M8,13 L16,3 M16,13 L24,3 M24,13 L32,3 M32,13 L40,3", stroke: c, "stroke-width": 2 })]),
        "some time within a month, year or decade (1928, 192X)"),
      h("li", null, sample(s("rect", { x: 6, y: 3, width: 34, height: 10, rx: 2, fill: c })), "throughout an interval (1933/1936)"),
      h("li", null, sample([s("rect", { x: 14, y: 3, width: 26, height: 10, fill: c }), s("path", { d: "M13,2 L6,8 L13,14", stroke: c, fill: "none", "stroke-width": 2 })]),
        "an open end (../1917, 1967/..) reaching the edge"),
      h("li", null, sample([s("rect", { x: 6, y: 3, width: 24, height: 10, fill: c }), s("line", { x1: 30, x2: 44, y1: 8, y2: 8, stroke: c, "stroke-dasharray": "2 3", "stroke-width": 2 })]),
        "an unknown end (1933/)"),
      h("li", null, sample([s("rect", { x: 6, y: 3, width: 34, height: 10, fill: c, opacity: 0.5 }), s("text", { x: 41, y: 12, class: "qual" }, "?")]),
        "uncertain (?) or approximate (~): faded ends"),
      h("li", null, sample([s("rect", { x: 4, y: 2, width: 38, height: 12, fill: "none", stroke: c, "stroke-dasharray": "3 2" }), s("rect", { x: 7, y: 5, width: 8, height: 6, fill: c }), s("rect", { x: 31, y: 5, width: 8, height: 6, fill: c })]),
        "one of several dates ([1921,1922])"),
      h("li", null, "Fainter items are less certain extractions. The shaded band is the subject's life.")));
}
