// One floating tooltip for every view, filled with text nodes only.
import { h, replace } from "./dom.js";

let tip = null;

function el() {
  if (!tip) tip = document.getElementById("tooltip");
  return tip;
}

/** lines: array of strings or [text, className] pairs; the first is the heading. */
export function show(event, lines) {
  const t = el();
  if (!t) return;
  replace(t, lines.filter(Boolean).map((line, i) => {
    const [text, cls] = Array.isArray(line) ? line : [line, null];
    return h("div", { class: [i === 0 ? "tip-head" : "tip-line", cls] }, text);
  }));
  t.hidden = false;
  move(event);
}

export function move(event) {
  const t = el();
  if (!t || t.hidden) return;
  const pad = 14;
  const { innerWidth: w, innerHeight: hgt } = window;
  const r = t.getBoundingClientRect();
  let x = event.clientX + pad;
  let y = event.clientY + pad;
  if (x + r.width > w - 4) x = Math.max(4, event.clientX - r.width - pad);
  if (y + r.height > hgt - 4) y = Math.max(4, event.clientY - r.height - pad);
  t.style.left = `${x}px`;
  t.style.top = `${y}px`;
}

export function hide() {
  const t = el();
  if (t) t.hidden = true;
}
