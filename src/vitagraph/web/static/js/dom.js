// Building DOM without markup: every string becomes a text node, so text from
// documents is displayed, never parsed (a "<script>" in a biography stays text).

const SVG_NS = "http://www.w3.org/2000/svg";

function apply(el, props) {
  if (!props) return el;
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") el.setAttribute("class", Array.isArray(value) ? value.filter(Boolean).join(" ") : value);
    else if (key === "text") el.textContent = value;
    else if (key === "on") for (const [ev, fn] of Object.entries(value)) el.addEventListener(ev, fn);
    else if (key === "dataset") for (const [k, v] of Object.entries(value)) el.dataset[k] = v;
    else if (key === "style" || key === "innerHTML" || key === "outerHTML" || key.startsWith("on")) {
      throw new Error(`dom: ${key} is not allowed`); // CSP and escaping: never via markup
    } else el.setAttribute(key, value === true ? "" : String(value));
  }
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** An HTML element: h("a", {href: "/", class: "x"}, "text", otherNode). */
export function h(tag, props, ...children) {
  return append(apply(document.createElement(tag), props), children);
}

/** An SVG element, same calling convention as h(). */
export function s(tag, props, ...children) {
  return append(apply(document.createElementNS(SVG_NS, tag), props), children);
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function replace(el, ...children) {
  clear(el);
  return append(el, children);
}

/** Text with some spans marked: parts = [{text, hit}] → text nodes and <mark>s. */
export function marked(parts) {
  return parts.map((p) => (p.hit ? h("mark", null, p.text) : p.text));
}

export function fmtInt(n) {
  return typeof n === "number" ? n.toLocaleString("en") : "";
}

export function docPath(name, view) {
  return `/doc/${encodeURIComponent(name)}${view ? "/" + view : ""}`;
}

export function apiDocPath(name, view) {
  return `/api/documents/${encodeURIComponent(name)}${view ? "/" + view : ""}`;
}

/** Loading placeholder and error box, shared by every view. */
export function loading(what) {
  return h("div", { class: "status loading", role: "status" }, `Loading ${what}…`);
}

export function errorBox(err) {
  const message = err && err.message ? err.message : String(err);
  return h("div", { class: "status error", role: "alert" }, h("strong", null, "Could not load: "), message);
}

export function notice(text) {
  return h("div", { class: "status notice", role: "status" }, text);
}
