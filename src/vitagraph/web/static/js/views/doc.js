// A document page: header with the views as tabs, the current view on the left and
// the reader on the right. Switching views keeps the reader, its scroll position
// and the selection; only the left pane is redrawn.
import { h, replace, docPath, apiDocPath, loading, errorBox } from "../dom.js";
import { get } from "../api.js";
import { select, fromHash, selection, clearListeners } from "../state.js";
import { createReader, outline } from "./reader.js";
import * as timeline from "./timeline.js";
import * as map from "./map.js";
import * as network from "./network.js";
import * as works from "./works.js";

export const VIEWS = [["timeline", "Timeline", timeline], ["map", "Map", map], ["network", "Network", network], ["works", "Works", works], ["reader", "Reader", null]];

// Export formats offered in the download menu (the API's /export/{format}).
const EXPORTS = [
  ["liferecord", "liferecord/1 JSON"], ["json", "full record (JSON)"], ["jsonld", "JSON-LD (schema.org)"],
  ["turtle", "RDF Turtle"], ["geojson", "GeoJSON (QGIS)"], ["csv", "CSV tables (zip)"], ["gexf", "GEXF (Gephi)"],
  ["graphml", "GraphML"], ["csl-json", "CSL-JSON (Zotero)"], ["bibtex", "BibTeX"], ["timelinejs", "TimelineJS"],
  ["quickstatements", "QuickStatements (Wikidata)"],
];

let current = null; // {name, main, summary, readerData, reader, viewPane, readerPane, view, tabs, body}

function lifeLine(sub) {
  if (!sub) return null;
  const b = sub.born.label ? `${sub.born.label}${sub.born.place ? `, ${sub.born.place}` : ""}` : "?";
  const d = sub.died.label ? `${sub.died.label}${sub.died.place ? `, ${sub.died.place}` : ""}` : "?";
  return `${b} – ${d}`;
}

export async function mount(main, name, view, { find = null } = {}) {
  if (!VIEWS.some(([v]) => v === view)) view = "timeline";
  if (current && current.name === name && current.main === main && main.contains(current.body) && current.find === find) {
    return switchView(view);
  }
  destroy();
  clearListeners();
  replace(main, loading(name));
  let summary;
  try {
    summary = await get(apiDocPath(name));
  } catch (err) {
    replace(main, h("section", { class: "doc-missing" }, h("h1", null, name), errorBox(err), h("p", null, h("a", { href: "/", "data-nav": "" }, "All documents"))));
    return;
  }
  const tabs = VIEWS.map(([v, label]) => h("a", { href: docPath(summary.name, v), "data-nav": "", class: "tab", dataset: { view: v } }, label));
  const jsonLink = h("a", { class: "json-link", title: "This view's data as JSON" }, "JSON");
  const download = summary.extracted ? h("details", { class: "download" },
    h("summary", { title: "Export the record for other tools" }, "Download"),
    h("ul", null, EXPORTS.map(([fmt, label]) => h("li", null,
      h("a", { href: `/api/documents/${encodeURIComponent(summary.name)}/export/${fmt}`, download: "" }, label))))) : null;
  const viewPane = h("div", { class: "pane view-pane", id: "view-pane" });
  const readerPane = h("aside", { class: "pane reader-pane", id: "reader-pane", "aria-label": "Reader" }, loading("text"));
  const body = h("div", { class: "doc-body" }, viewPane, readerPane);
  const sub = summary.subject;
  replace(main, h("section", { class: "doc" },
    h("header", { class: "doc-head" },
      h("div", { class: "doc-id" },
        h("h1", { class: "doc-title" }, summary.title),
        sub ? h("span", { class: "doc-life" }, lifeLine(sub)) : null,
        summary.extracted ? null : h("span", { class: "badge" }, "not extracted")),
      h("nav", { class: "tabs", "aria-label": "Views" }, tabs, jsonLink, download)),
    body));
  document.title = `${summary.title} · vitagraph`;
  current = { name, main, summary, tabs, jsonLink, viewPane, readerPane, body, view: null, mounted: null, reader: null, readerData: null, find };
  const mine = current;
  const readerReady = get(apiDocPath(summary.name, "reader")).then((data) => {
    if (current !== mine) return;
    mine.readerData = data;
    mine.reader = createReader(data, { find });
    replace(readerPane, mine.reader.el);
  }).catch((err) => replace(readerPane, errorBox(err)));
  await Promise.all([switchView(view), readerReady]);
  const sel = fromHash();
  if (sel && current === mine) select(sel, "url");
}

async function switchView(view) {
  const c = current;
  if (!c) return;
  if (c.mounted) c.mounted.destroy();
  c.mounted = null;
  c.view = view;
  for (const t of c.tabs) {
    if (t.dataset.view === view) t.setAttribute("aria-current", "page");
    else t.removeAttribute("aria-current");
  }
  c.jsonLink.setAttribute("href", apiDocPath(c.summary.name, view));
  c.body.classList.toggle("reading", view === "reader");
  const pane = h("div", { class: "pane view-pane", id: "view-pane" });
  c.viewPane.replaceWith(pane);
  c.viewPane = pane;
  const entry = VIEWS.find(([v]) => v === view);
  document.title = `${c.summary.title} · ${entry[1]} · vitagraph`;
  if (view === "reader") {
    const draw = () => {
      if (c.reader && c.viewPane === pane) replace(pane, outline(c.summary, c.readerData, c.reader));
    };
    replace(pane, loading("outline"));
    const wait = setInterval(() => { if (c.reader || current !== c) { clearInterval(wait); draw(); } }, 30);
    c.mounted = { destroy: () => clearInterval(wait) };
    return;
  }
  const mounted = await entry[2].mount(pane, { name: c.summary.name, title: c.summary.title, summary: c.summary });
  if (c.viewPane !== pane || current !== c) {
    mounted.destroy();
    return;
  }
  c.mounted = mounted;
  const sel = selection();
  if (sel) select(sel, "view");
}

export function destroy() {
  if (!current) return;
  if (current.mounted) current.mounted.destroy();
  if (current.reader) current.reader.destroy();
  current = null;
}
