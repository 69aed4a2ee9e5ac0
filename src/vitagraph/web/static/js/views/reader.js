// The reader: the document text with every extracted span highlighted.
//
// Each block (title, infobox field, heading, paragraph, list item) becomes an
// element, each sentence a <span class="s">, and the text between annotation
// boundaries a segment that knows which annotations cover it. Hovering a
// segment lists them; clicking selects the most specific one; a selection made
// anywhere marks (and scrolls to) its segments here.
import { h, clear, replace } from "../dom.js";
import * as tip from "../tooltip.js";
import { select, onSelect } from "../state.js";

const LABELS = {
  PERSON: ["person", "Person"], ORG: ["org", "Organization"], PLACE: ["place", "Place"],
  WORK: ["work", "Work"], DATE: ["date", "Date"],
};
const PRIORITY = { find: 0, mention: 1, date: 2, work: 3, event: 4, claim: 5 };
export const LAYERS = [
  ["person", "People"], ["org", "Organizations"], ["place", "Places"], ["work", "Works"],
  ["date", "Dates"], ["event", "Events"], ["claim", "Claims"],
];

function lowerBound(arr, value, key) {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(arr[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Spans of the words of a search query, case-insensitively, for ?find=. */
function findSpans(text, query) {
  const words = (query.match(/[\p{L}\p{N}]{2,}/gu) || []).map((w) => w.toLocaleLowerCase());
  if (!words.length) return [];
  const lower = text.toLocaleLowerCase();
  const out = [];
  for (const w of new Set(words)) {
    let i = lower.indexOf(w);
    while (i !== -1 && out.length < 500) {
      let end = i + w.length;
      while (end < lower.length && /[\p{L}\p{N}]/u.test(lower[end])) end++; // prefix match, like the search
      if (i === 0 || !/[\p{L}\p{N}]/u.test(lower[i - 1])) out.push({ id: `find:${i}`, kind: "find", start: i, end });
      i = lower.indexOf(w, end);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export function createReader(data, { find = null } = {}) {
  const text = data.text;
  const anns = [...data.annotations];
  const finds = find ? findSpans(text, find) : [];
  anns.push(...finds);
  anns.sort((a, b) => a.start - b.start || b.end - a.end);

  const annById = new Map(anns.map((a) => [a.id, a]));
  const byEntity = new Map();
  const push = (map, key, v) => (map.get(key) || map.set(key, []).get(key)).push(v);
  for (const a of anns) {
    if (a.kind === "mention" && a.entity) push(byEntity, a.entity, a);
    if (a.kind === "work") push(byEntity, a.work, a);
  }
  const segsByAnn = new Map();
  const sentenceEls = new Map();
  const headingEls = [];
  const sentences = data.sentences;

  function segment(el, a, b, covering) {
    if (!covering.length) {
      el.append(text.slice(a, b));
      return;
    }
    const cls = ["a"];
    let mention = null;
    for (const ann of covering) {
      if (ann.kind === "mention") {
        if (!mention || ann.end - ann.start < mention.end - mention.start) mention = ann;
      } else if (ann.kind === "date") cls.push("d");
      else if (ann.kind === "event") cls.push("ev");
      else if (ann.kind === "claim") cls.push("cl");
      else if (ann.kind === "find") cls.push("fh");
      else if (ann.kind === "work") cls.push("w");
    }
    if (mention) cls.push("m", `m-${(LABELS[mention.label] || ["other"])[0]}`);
    const span = h("span", { class: cls }, text.slice(a, b));
    span._anns = covering;
    span._start = a;
    for (const ann of covering) push(segsByAnn, ann.id, span);
    el.append(span);
  }

  // Text [a, b) of one sentence (or of a gap) into el, cut at every annotation edge.
  function fillRange(el, a, b) {
    const hits = [];
    const stop = lowerBound(anns, b, (x) => x.start);
    for (let i = 0; i < stop; i++) if (anns[i].end > a) hits.push(anns[i]);
    const cuts = new Set([a, b]);
    for (const ann of hits) {
      if (ann.start > a) cuts.add(ann.start);
      if (ann.end < b) cuts.add(ann.end);
    }
    const points = [...cuts].sort((x, y) => x - y);
    for (let i = 0; i + 1 < points.length; i++) {
      const x = points[i];
      const y = points[i + 1];
      if (y <= x) continue;
      segment(el, x, y, hits.filter((ann) => ann.start <= x && ann.end >= y));
    }
  }

  function fill(el, start, end) {
    let pos = start;
    let i = lowerBound(sentences, start + 1, (s) => s[1]);
    for (; i < sentences.length && sentences[i][0] < end; i++) {
      const ss = Math.max(start, sentences[i][0]);
      const se = Math.min(end, sentences[i][1]);
      if (ss > pos) fillRange(el, pos, ss);
      const sEl = h("span", { class: "s", dataset: { s: String(i) } });
      fillRange(sEl, ss, se);
      el.append(sEl);
      push(sentenceEls, i, sEl); // a sentence cut by markup (an infobox row) has several
      pos = se;
    }
    if (pos < end) fillRange(el, pos, end);
    return el;
  }

  const body = h("article", { class: "reader-text", "aria-label": "Document text" });
  let list = null;
  for (const block of data.blocks) {
    let el;
    if (block.kind !== "item") list = null;
    if (block.kind === "title") el = fill(h("h1", { class: "r-title" }), block.start, block.end);
    else if (block.kind === "heading") {
      el = fill(h(`h${Math.min(6, (block.level || 2) + 1)}`, { class: "r-heading" }), block.start, block.end);
      headingEls.push([block.start, el]);
    } else if (block.kind === "field") {
      el = h("div", { class: "r-field" },
        fill(h("span", { class: "r-key" }), block.key[0], block.key[1]),
        fill(h("span", { class: "r-value" }), block.value[0], block.value[1]));
    } else if (block.kind === "item") {
      if (!list) {
        list = h("ul", { class: "r-list" });
        body.append(list);
      }
      list.append(fill(h("li", { class: `r-item depth-${Math.min(4, block.depth || 1)}` }), block.start, block.end));
      continue;
    } else el = fill(h("p", { class: "r-para" }), block.start, block.end);
    body.append(el);
  }
  if (!data.blocks.length) body.append(fill(h("p", { class: "r-para" }), 0, text.length));

  // -- hover: what was extracted here --------------------------------------
  function describe(ann) {
    if (ann.kind === "mention") {
      const ent = ann.entity && data.entities[ann.entity];
      const [, kind] = LABELS[ann.label] || ["", ann.label];
      return [[`${kind} · ${ent ? ent.name : text.slice(ann.start, ann.end)}`, `t-${(LABELS[ann.label] || ["other"])[0]}`],
        `“${text.slice(ann.start, ann.end)}”, found by ${ann.component || "?"}`];
    }
    if (ann.kind === "date") {
      return [[`Date · ${ann.label}`, "t-date"],
        `EDTF ${ann.value || "(none: no anchor)"} · ${ann.date_kind}${ann.anchored ? " · anchored to the narrative" : ""}`];
    }
    if (ann.kind === "event") {
      const bits = [ann.label];
      if (ann.place) bits.push(`at ${ann.place}`);
      if (ann.participants.length) bits.push(`with ${ann.participants.join(", ")}`);
      return [[`Event · ${ann.type}`, "t-event"], bits.join(" · "), `confidence ${ann.confidence}`];
    }
    if (ann.kind === "work") return [[`Work · ${ann.title}`, "t-work"]];
    if (ann.kind === "claim") {
      return [[`Claim · ${ann.speaker || "unattributed"} (${ann.verb})`, "t-claim"], ann.about ? `about ${ann.about}` : null];
    }
    if (ann.kind === "find") return [["Search hit", "t-find"]];
    return [ann.kind];
  }

  let peers = [];
  function clearPeers() {
    for (const el of peers) el.classList.remove("peer");
    peers = [];
  }
  body.addEventListener("mouseover", (e) => {
    const seg = e.target.closest && e.target.closest("span.a");
    if (!seg || !seg._anns) return;
    const sorted = [...seg._anns].sort((x, y) => PRIORITY[x.kind] - PRIORITY[y.kind] || (x.end - x.start) - (y.end - y.start));
    tip.show(e, sorted.flatMap(describe));
    clearPeers();
    const m = sorted.find((x) => x.kind === "mention" && x.entity);
    if (m) {
      for (const other of byEntity.get(m.entity) || []) {
        for (const el of segsByAnn.get(other.id) || []) {
          el.classList.add("peer");
          peers.push(el);
        }
      }
    }
  });
  body.addEventListener("mousemove", (e) => tip.move(e));
  body.addEventListener("mouseout", (e) => {
    if (!e.relatedTarget || !body.contains(e.relatedTarget) || !e.relatedTarget.closest("span.a")) {
      tip.hide();
      clearPeers();
    }
  });
  body.addEventListener("click", (e) => {
    const seg = e.target.closest && e.target.closest("span.a");
    if (!seg || !seg._anns) return;
    const sorted = [...seg._anns].sort((x, y) => PRIORITY[x.kind] - PRIORITY[y.kind] || (x.end - x.start) - (y.end - y.start));
    for (const ann of sorted) {
      if (ann.kind === "mention" && ann.entity) {
        const type = ann.entity.startsWith("work:") ? "work" : "entity";
        return select({ type, id: ann.entity, focus: [ann.start, ann.end] }, "reader");
      }
      if (ann.kind === "date" || ann.kind === "event") return select({ type: ann.kind, id: ann.id }, "reader");
      if (ann.kind === "work") return select({ type: "work", id: ann.work, focus: [ann.start, ann.end] }, "reader");
      if (ann.kind === "claim" && ann.speaker_entity) return select({ type: "entity", id: ann.speaker_entity }, "reader");
    }
  });

  // -- selection: mark and scroll ----------------------------------------------
  let marked = [];
  let focusList = [];
  let focusAt = -1;
  const stepLabel = h("span", { class: "step-label", "aria-live": "polite" });
  const prev = h("button", { type: "button", class: "btn small", title: "Previous mention", "aria-label": "Previous mention", on: { click: () => step(-1) } }, "‹");
  const next = h("button", { type: "button", class: "btn small", title: "Next mention", "aria-label": "Next mention", on: { click: () => step(1) } }, "›");
  const stepper = h("span", { class: "stepper", hidden: true }, prev, stepLabel, next);

  function mark(el, cls) {
    el.classList.add(cls);
    marked.push([el, cls]);
  }

  function scrollTo(el) {
    if (el) el.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function step(d) {
    if (!focusList.length) return;
    focusAt = (focusAt + d + focusList.length) % focusList.length;
    showFocus();
  }

  function showFocus() {
    for (const el of body.querySelectorAll(".focus")) el.classList.remove("focus");
    const ann = focusList[focusAt];
    const segs = segsByAnn.get(ann.id) || [];
    for (const el of segs) el.classList.add("focus");
    stepLabel.textContent = `${focusAt + 1} / ${focusList.length}`;
    scrollTo(segs[0]);
  }

  function sentenceRange(a, b) {
    const first = lowerBound(sentences, a + 1, (s) => s[1]);
    const out = [];
    for (let i = first; i < sentences.length && sentences[i][0] < Math.max(b, a + 1); i++) out.push(i);
    return out;
  }

  function highlight(sel, origin) {
    for (const [el, cls] of marked) el.classList.remove(cls);
    for (const el of body.querySelectorAll(".focus")) el.classList.remove("focus");
    marked = [];
    focusList = [];
    focusAt = -1;
    stepper.hidden = true;
    if (!sel) return;
    if (sel.type === "event" || sel.type === "date") {
      const ann = annById.get(sel.id);
      if (!ann) return;
      for (const el of segsByAnn.get(ann.id) || []) mark(el, "sel");
      const idx = sentenceRange(ann.start, ann.end);
      for (const i of idx) for (const el of sentenceEls.get(i) || []) mark(el, "sel-sentence");
      if (origin !== "reader") scrollTo((sentenceEls.get(idx[0]) || [])[0] || (segsByAnn.get(ann.id) || [])[0]);
      return;
    }
    const hits = (byEntity.get(sel.id) || []).filter((a) => a.kind === "mention" || a.kind === "work");
    for (const ann of hits) for (const el of segsByAnn.get(ann.id) || []) mark(el, "sel");
    const seen = new Set();
    focusList = hits.filter((a) => a.kind === "mention" || !hits.some((m) => m.kind === "mention" && m.start >= a.start && m.end <= a.end))
      .filter((a) => (seen.has(a.start) ? false : seen.add(a.start)))
      .sort((x, y) => x.start - y.start);
    if (!focusList.length) return;
    stepper.hidden = focusList.length < 2;
    focusAt = 0;
    if (sel.focus) {
      const i = focusList.findIndex((a) => a.start <= sel.focus[0] && a.end >= sel.focus[1]);
      const j = i >= 0 ? i : focusList.findIndex((a) => a.start >= sel.focus[0]);
      focusAt = Math.max(0, j);
    }
    if (origin === "reader") {
      stepLabel.textContent = `${focusAt + 1} / ${focusList.length}`;
      for (const el of segsByAnn.get(focusList[focusAt].id) || []) el.classList.add("focus");
    } else showFocus();
  }

  function scrollToOffset(offset) {
    const hit = headingEls.find(([start]) => start === offset);
    scrollTo(hit ? hit[1] : null);
  }

  // -- layer toggles -------------------------------------------------------------
  const present = new Set();
  for (const a of anns) {
    if (a.kind === "mention") present.add((LABELS[a.label] || ["other"])[0]);
    else present.add(a.kind);
  }
  const root = h("div", { class: "reader" });
  const toggles = LAYERS.filter(([key]) => present.has(key)).map(([key, name]) => {
    const b = h("button", { type: "button", class: `chip layer-${key}`, "aria-pressed": "true", title: `Show ${name.toLowerCase()}` },
      h("span", { class: "swatch" }), name);
    b.addEventListener("click", () => {
      const on = b.getAttribute("aria-pressed") !== "true";
      b.setAttribute("aria-pressed", String(on));
      root.classList.toggle(`hide-${key}`, !on);
    });
    return b;
  });
  const bar = h("div", { class: "reader-bar" },
    h("div", { class: "chips", role: "group", "aria-label": "Highlight" }, toggles),
    stepper,
    finds.length ? h("span", { class: "find-note" }, `${finds.length} match${finds.length === 1 ? "" : "es"} for “${find}”`) : null);
  const scroller = h("div", { class: "reader-scroll" }, body);
  root.append(bar, scroller);
  if (!data.annotations.length) {
    bar.append(h("span", { class: "muted" }, "Nothing was extracted from this document (ingested with --no-extract)."));
  }

  const off = onSelect(highlight);
  if (finds.length) setTimeout(() => scrollTo((segsByAnn.get(finds[0].id) || [])[0]), 0);
  return {
    el: root,
    highlight,
    scrollToOffset,
    destroy() {
      off();
      tip.hide();
    },
  };
}

/** The outline beside the full-width reader: sections, infobox, counts. */
export function outline(summary, data, reader) {
  const items = data.sections.map((s) => h("li", { class: `toc-${Math.min(4, s.level)}` },
    h("button", { type: "button", class: "linkish", on: { click: () => reader.scrollToOffset(s.start) } }, s.heading)));
  const box = h("div", { class: "outline" });
  if (summary.subject) {
    const sub = summary.subject;
    box.append(h("section", { class: "card" }, h("h2", null, sub.name),
      sub.aliases.length ? h("p", { class: "muted" }, `also ${sub.aliases.join(", ")}`) : null,
      h("p", null, `Born ${sub.born.label || "?"}${sub.born.place ? ` in ${sub.born.place}` : ""}`),
      h("p", null, `Died ${sub.died.label || "?"}${sub.died.place ? ` in ${sub.died.place}` : ""}`)));
  }
  box.append(h("section", { class: "card" }, h("h2", null, "Sections"),
    items.length ? h("ul", { class: "toc" }, items) : h("p", { class: "muted" }, "No sections.")));
  const c = summary.counts;
  box.append(h("section", { class: "card" }, h("h2", null, "Extracted"),
    h("dl", { class: "counts" }, ...Object.entries(c).flatMap(([k, v]) => [h("dt", null, k), h("dd", null, String(v))]))));
  return box;
}

