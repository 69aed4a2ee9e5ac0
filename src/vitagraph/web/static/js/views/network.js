// Network: the people and organizations around the subject. Two are linked when
// they share a sentence (weight 1) or an event (weight 2); thicker is more.
// Click a node to list its mentions; click a mention to read it in context.
import { h, s, replace, apiDocPath, loading, errorBox, notice } from "../dom.js";
import { get } from "../api.js";
import * as tip from "../tooltip.js";
import { select, onSelect, selection } from "../state.js";
import { panZoom } from "../panzoom.js";

const KIND = { PERSON: "person", ORG: "organization" };

/** A small deterministic force layout: same graph, same picture. */
export function layout(nodes, edges, subject) {
  const pos = new Map();
  nodes.forEach((n, i) => {
    const r = 40 * Math.sqrt(i + 1);
    const a = i * 2.399963;
    pos.set(n.id, { x: n.id === subject ? 0 : r * Math.cos(a), y: n.id === subject ? 0 : r * Math.sin(a), dx: 0, dy: 0 });
  });
  const list = nodes.map((n) => pos.get(n.id));
  // Links to the subject (everyone has one) pull less, or all would pile up on it.
  const links = edges.map((e) => [pos.get(e.source), pos.get(e.target), e.weight, e.source === subject || e.target === subject])
    .filter(([a, b]) => a && b);
  const iterations = 320;
  for (let it = 0; it < iterations; it++) {
    const alpha = 1 - it / iterations;
    for (const p of list) { p.dx = 0; p.dy = 0; }
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j];
        let dx = a.x - b.x;
        let dy = a.y - b.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) { dx = 0.1 * (i - j); dy = 0.1; d2 = dx * dx + dy * dy; }
        if (d2 > 360000) continue; // far apart: no push, so the graph stays together
        const f = 7000 / d2;
        a.dx += dx * f; a.dy += dy * f;
        b.dx -= dx * f; b.dy -= dy * f;
      }
    }
    for (const [a, b, w, toSubject] of links) {
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const want = (toSubject ? 320 : 150) / (1 + Math.log(w));
      const f = ((d - want) / d) * (toSubject ? 0.04 : 0.12) * Math.min(3, 1 + Math.log(w));
      a.dx += dx * f; a.dy += dy * f;
      b.dx -= dx * f; b.dy -= dy * f;
    }
    for (const p of list) {
      p.dx -= p.x * 0.02;
      p.dy -= p.y * 0.02;
      const m = Math.hypot(p.dx, p.dy);
      const cap = 4 + 30 * alpha;
      if (m > cap) { p.dx *= cap / m; p.dy *= cap / m; }
      p.x += p.dx;
      p.y += p.dy;
    }
    const sp = pos.get(subject);
    if (sp) { sp.x = 0; sp.y = 0; }
  }
  return pos;
}

export async function mount(pane, ctx) {
  replace(pane, loading("network"));
  let data;
  try {
    data = await get(apiDocPath(ctx.name, "network"));
  } catch (err) {
    replace(pane, errorBox(err));
    return { destroy() {} };
  }
  const show = { PERSON: true, ORG: true };
  let minWeight = 1;
  let limit = 60;
  const nodeById = new Map(data.nodes.map((n) => [n.id, n]));
  const neighbors = new Map();
  for (const e of data.edges) {
    for (const [a, b] of [[e.source, e.target], [e.target, e.source]]) {
      if (!neighbors.has(a)) neighbors.set(a, []);
      neighbors.get(a).push({ id: b, edge: e });
    }
  }

  const holder = h("div", { class: "network-holder" });
  const note = h("p", { class: "muted small net-note" });
  const panel = h("div", { class: "entity-panel" }, h("p", { class: "muted" }, "Click a person or organization to see where the text mentions them."));
  const toggle = (label, name) => {
    const b = h("button", { type: "button", class: `chip net-${KIND[label]}`, "aria-pressed": "true" }, h("span", { class: "swatch" }), name);
    b.addEventListener("click", () => { show[label] = !show[label]; b.setAttribute("aria-pressed", String(show[label])); draw(); });
    return b;
  };
  const weightSel = h("select", { "aria-label": "Minimum link weight", on: { change: (e) => { minWeight = Number(e.target.value); draw(); } } },
    [1, 2, 3, 5].map((w) => h("option", { value: w }, `links ≥ ${w}`)));
  const limitSel = h("select", { "aria-label": "How many nodes", on: { change: (e) => { limit = Number(e.target.value); draw(); } } },
    [[30, "top 30"], [60, "top 60"], [100000, "everyone"]].map(([v, t]) => h("option", { value: v, selected: v === 60 }, t)));
  let zoomer = null;
  const controls = h("div", { class: "view-controls" },
    h("div", { class: "chips" }, toggle("PERSON", "people"), toggle("ORG", "organizations"), weightSel, limitSel),
    h("div", { class: "zoom" },
      h("button", { type: "button", class: "btn small", "aria-label": "Zoom out", on: { click: () => zoomer && zoomer.zoom(1 / 1.4) } }, "−"),
      h("button", { type: "button", class: "btn small", "aria-label": "Zoom in", on: { click: () => zoomer && zoomer.zoom(1.4) } }, "+"),
      h("button", { type: "button", class: "btn small", on: { click: () => draw() } }, "fit")));
  pane.classList.add("network-pane");
  replace(pane, controls, holder, note, panel);
  if (data.nodes.length < 2) replace(holder, notice("No people or organizations were linked in this document."));

  let svg = null;
  const nodeEls = new Map();
  const labelEls = new Map();
  let edgeEls = [];

  function draw() {
    if (data.nodes.length < 2) return;
    const keep = data.nodes.filter((n) => n.is_subject || show[n.label]).slice(0, limit);
    const ids = new Set(keep.map((n) => n.id));
    const edges = data.edges.filter((e) => e.weight >= minWeight && ids.has(e.source) && ids.has(e.target));
    // Only who is connected to the subject (through any chain of links): a translator
    // and a publisher named together in the works list are not "around" the subject.
    const adj = new Map();
    for (const e of edges) {
      for (const [a, b] of [[e.source, e.target], [e.target, e.source]]) (adj.get(a) || adj.set(a, []).get(a)).push(b);
    }
    let reach;
    if (data.subject && ids.has(data.subject)) {
      reach = new Set([data.subject]);
      const queue = [data.subject];
      while (queue.length) for (const nb of adj.get(queue.shift()) || []) if (!reach.has(nb)) { reach.add(nb); queue.push(nb); }
    } else reach = new Set(adj.keys());
    const nodes = keep.filter((n) => reach.has(n.id));
    const apart = keep.length - nodes.length;
    note.textContent = apart ? `${nodes.length} shown; ${apart} more are linked only to each other, not to ${nodeById.get(data.subject)?.name || "the subject"}.` : `${nodes.length} shown.`;
    const usedEdges = edges.filter((e) => reach.has(e.source) && reach.has(e.target));
    const pos = layout(nodes, usedEdges, data.subject);
    const maxM = Math.max(1, ...nodes.filter((n) => !n.is_subject).map((n) => n.mentions));
    const rad = (n) => (n.is_subject ? 16 : 4.5 + 10 * Math.sqrt(n.mentions / maxM));
    // Fit the layout to the box in pixels, so sizes and labels read at 1:1 until zoomed.
    const W = holder.clientWidth || 800, H = holder.clientHeight || 500;
    const xs = nodes.map((n) => pos.get(n.id).x), ys = nodes.map((n) => pos.get(n.id).y);
    const bx0 = Math.min(...xs), bx1 = Math.max(...xs), by0 = Math.min(...ys), by1 = Math.max(...ys);
    const k = Math.min(1.6, (W - 170) / Math.max(1, bx1 - bx0), (H - 50) / Math.max(1, by1 - by0));
    for (const p of pos.values()) {
      p.x = 50 + (p.x - bx0) * k + Math.max(0, (W - 170 - (bx1 - bx0) * k) / 2);
      p.y = 25 + (p.y - by0) * k + Math.max(0, (H - 50 - (by1 - by0) * k) / 2);
    }
    const x0 = 0, x1 = W, y0 = 0, y1 = H;
    svg = s("svg", { class: "network", role: "img", "aria-label": `Network of people and organizations around ${data.subject || "the subject"}`, preserveAspectRatio: "xMidYMid meet" });
    const gEdges = s("g", { class: "edges" });
    const gNodes = s("g", { class: "nodes" });
    const gLabels = s("g", { class: "labels" });
    edgeEls = [];
    for (const e of usedEdges) {
      const a = pos.get(e.source), b = pos.get(e.target);
      const line = s("line", { class: ["edge", e.events ? "via-event" : null], x1: a.x, y1: a.y, x2: b.x, y2: b.y, "stroke-width": 0.7 + 1.3 * Math.sqrt(e.weight), dataset: { source: e.source, target: e.target } });
      line.addEventListener("mouseenter", (ev) => tip.show(ev, [[`${nodeById.get(e.source).name} — ${nodeById.get(e.target).name}`, "t-person"],
        `${e.sentences} shared sentence${e.sentences === 1 ? "" : "s"}, ${e.events} shared event${e.events === 1 ? "" : "s"} (weight ${e.weight})`]));
      line.addEventListener("mousemove", (ev) => tip.move(ev));
      line.addEventListener("mouseleave", () => tip.hide());
      gEdges.append(line);
      edgeEls.push(line);
    }
    nodeEls.clear();
    labelEls.clear();
    // Labels for the most linked, as long as they do not cover one another.
    const labelled = new Set();
    const boxes = [];
    for (const n of nodes) {
      if (labelled.size >= 30) break;
      const p = pos.get(n.id);
      const r = rad(n);
      const b = [p.x + r + 1, p.y - 9, p.x + r + 5 + n.name.length * (n.is_subject ? 7.6 : 6.3), p.y + 5];
      const c = [p.x - r, p.y - r, p.x + r, p.y + r];
      if (boxes.some((o) => b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3])) continue;
      boxes.push(b, c);
      labelled.add(n.id);
    }
    for (const n of nodes) {
      const p = pos.get(n.id);
      const r = rad(n);
      const g = s("g", {
        class: ["node", `node-${KIND[n.label] || "other"}`, n.is_subject ? "subject" : null, labelled.has(n.id) ? "labelled" : null],
        dataset: { id: n.id }, tabindex: 0, role: "button",
        "aria-label": `${n.name} (${KIND[n.label] || n.label}), ${n.mentions} mentions`,
        transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`,
      }, s("circle", { r }));
      const label = s("text", { class: ["node-label", labelled.has(n.id) ? "labelled" : null, n.is_subject ? "subject-label" : null],
        x: p.x + r + 3, y: p.y + 4, dataset: { id: n.id } }, n.name);
      gLabels.append(label);
      labelEls.set(n.id, label);
      g.addEventListener("click", () => select({ type: "entity", id: n.id }, "network"));
      g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") select({ type: "entity", id: n.id }, "network"); });
      g.addEventListener("focus", () => label.classList.add("on"));
      g.addEventListener("blur", () => label.classList.remove("on"));
      g.addEventListener("mouseenter", () => label.classList.add("on"));
      g.addEventListener("mouseleave", () => label.classList.remove("on"));
      g.addEventListener("mouseenter", (ev) => tip.show(ev, [[n.name, `t-${KIND[n.label] === "organization" ? "org" : "person"}`],
        n.aliases.length ? `also ${n.aliases.join(", ")}` : null,
        `${n.mentions} mention${n.mentions === 1 ? "" : "s"} · ${n.degree} link${n.degree === 1 ? "" : "s"}`]));
      g.addEventListener("mousemove", (ev) => tip.move(ev));
      g.addEventListener("mouseleave", () => tip.hide());
      gNodes.append(g);
      nodeEls.set(n.id, g);
    }
    svg.append(gEdges, gNodes, gLabels);
    replace(holder, svg);
    zoomer = panZoom(svg, { box: { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }, minWidth: 40, maxWidth: 8000 });
    highlight(selection(), null);
  }

  let timeline = null;
  async function participantsOf(eventId) {
    if (!timeline) timeline = await get(apiDocPath(ctx.name, "timeline")).catch(() => null);
    const ev = timeline && [...timeline.events, ...timeline.undated].find((e) => e.id === eventId);
    return ev ? [data.subject, ...ev.participants.map((p) => p.id)] : [];
  }

  async function highlight(sel, origin) {
    if (!svg) return;
    for (const el of svg.querySelectorAll(".sel, .related")) el.classList.remove("sel", "related");
    svg.classList.remove("has-sel");
    for (const el of labelEls.values()) el.classList.remove("shown");
    if (!sel) return;
    let ids = [];
    if (sel.type === "entity" && nodeById.has(sel.id)) {
      ids = [sel.id];
      for (const nb of neighbors.get(sel.id) || []) {
        nodeEls.get(nb.id)?.classList.add("related");
        labelEls.get(nb.id)?.classList.add("shown");
      }
      for (const line of edgeEls) if (line.dataset.source === sel.id || line.dataset.target === sel.id) line.classList.add("related");
      if (origin !== "panel") showPanel(sel.id);
    } else if (sel.type === "event") ids = await participantsOf(sel.id);
    let any = false;
    for (const id of ids) {
      const el = nodeEls.get(id);
      if (el) { el.classList.add("sel"); labelEls.get(id)?.classList.add("shown"); any = true; }
    }
    svg.classList.toggle("has-sel", any);
  }

  let panelFor = null;
  async function showPanel(id) {
    if (panelFor === id) return;
    panelFor = id;
    const n = nodeById.get(id);
    replace(panel, loading(`mentions of ${n.name}`));
    let detail;
    try {
      detail = await get(`${apiDocPath(ctx.name, "entities")}/${encodeURIComponent(id)}`);
    } catch (err) {
      replace(panel, errorBox(err));
      return;
    }
    if (panelFor !== id) return;
    const links = (neighbors.get(id) || []).sort((a, b) => b.edge.weight - a.edge.weight).slice(0, 12);
    replace(panel,
      h("h3", null, n.name, " ", h("span", { class: "muted" }, `${KIND[n.label] || n.label}`)),
      n.aliases.length ? h("p", { class: "muted" }, `also called ${n.aliases.join(", ")}`) : null,
      links.length ? h("p", { class: "linked" }, "Linked to ", links.map((l, i) => [i ? ", " : "",
        h("button", { type: "button", class: "linkish", on: { click: () => select({ type: "entity", id: l.id }, "network") } }, nodeById.get(l.id).name),
        h("span", { class: "muted" }, ` (${l.edge.weight})`)])) : null,
      h("h4", null, `${detail.mentions.length} mention${detail.mentions.length === 1 ? "" : "s"}`),
      h("ol", { class: "mentions" }, detail.mentions.map((m) => h("li", null,
        h("button", { type: "button", class: "mention-link", dataset: { start: m.span[0] },
          on: { click: () => select({ type: "entity", id, focus: m.span }, "panel") } },
        m.before, h("mark", null, m.text), m.after)))));
  }

  draw();
  const off = onSelect((sel, origin) => highlight(sel, origin));
  return {
    destroy() {
      off();
      tip.hide();
    },
  };
}
