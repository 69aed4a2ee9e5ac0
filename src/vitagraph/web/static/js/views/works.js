// Works: the bibliography as a sortable table, each row linked to where the text names it.
import { h, replace, apiDocPath, loading, errorBox, notice } from "../dom.js";
import { get } from "../api.js";
import { select, onSelect, selection } from "../state.js";

const COLUMNS = [
  ["title", "Title", (w) => w.title.toLocaleLowerCase()],
  ["year", "Year", (w) => w.year_sort],
  ["kind", "Kind", (w) => (w.kind || "").toLocaleLowerCase()],
  ["translators", "Translators", (w) => w.translators.join(", ").toLocaleLowerCase()],
  ["publisher", "Publisher", (w) => [w.publisher, w.place].filter(Boolean).join(", ").toLocaleLowerCase()],
  ["original_title", "Original title", (w) => (w.original_title || "").toLocaleLowerCase()],
  ["original_year", "Original year", (w) => w.original_year_sort],
  ["mentions", "In the text", (w) => w.evidence.length],
];

export async function mount(pane, ctx) {
  replace(pane, loading("works"));
  let data;
  try {
    data = await get(apiDocPath(ctx.name, "works"));
  } catch (err) {
    replace(pane, errorBox(err));
    return { destroy() {} };
  }
  let sortKey = "year";
  let dir = 1;
  let filter = "";
  const tbody = h("tbody");
  const headers = COLUMNS.map(([key, name]) => {
    const th = h("th", { scope: "col", "aria-sort": "none", class: key === "year" || key === "original_year" || key === "mentions" ? "num" : null },
      h("button", { type: "button", class: "sort", on: { click: () => { dir = sortKey === key ? -dir : 1; sortKey = key; draw(); } } }, name));
    th.dataset.key = key;
    return th;
  });
  const input = h("input", { type: "search", placeholder: "Filter works", "aria-label": "Filter works", maxlength: 200,
    on: { input: (e) => { filter = e.target.value.toLocaleLowerCase(); draw(); } } });
  const count = h("span", { class: "muted" });
  const table = h("table", { class: "data works-table" }, h("thead", null, h("tr", null, headers)), tbody);
  pane.classList.add("works-pane");
  replace(pane, h("div", { class: "view-controls" }, input, count),
    data.works.length ? h("div", { class: "table-wrap" }, table) : notice("No works were extracted from this document."));

  const rows = new Map();
  function cell(text, cls) {
    return h("td", { class: cls }, text === null || text === undefined || text === "" ? h("span", { class: "muted" }, "—") : text);
  }

  function row(w) {
    const also = w.aliases.filter((a) => a !== w.original_title);
    const links = w.evidence.map((span, i) => h("button", {
      type: "button", class: "ev-link", title: `Show where the text names it (${i + 1} of ${w.evidence.length})`,
      "aria-label": `${w.title}: place ${i + 1} in the text`,
      on: { click: (e) => { e.stopPropagation(); select({ type: "work", id: w.id, focus: span }, "works"); } },
    }, String(i + 1)));
    const tr = h("tr", { dataset: { id: w.id }, tabindex: 0 },
      h("td", { class: "title" }, h("span", { class: "work-title" }, w.title),
        also.length ? h("div", { class: "muted small" }, `also ${also.join("; ")}`) : null),
      cell(w.year_label, "num"), cell(w.kind),
      cell(w.translators.join(", ") + (w.editors.length ? `${w.translators.length ? "; " : ""}ed. ${w.editors.join(", ")}` : "")),
      cell([w.publisher, w.place].filter(Boolean).join(", ")), cell(w.original_title, "orig"), cell(w.original_year, "num"),
      h("td", { class: "num links" }, links));
    tr.addEventListener("click", () => select({ type: "work", id: w.id }, "works"));
    tr.addEventListener("keydown", (e) => { if (e.key === "Enter") select({ type: "work", id: w.id }, "works"); });
    return tr;
  }

  function draw() {
    const key = COLUMNS.find((c) => c[0] === sortKey)[2];
    const list = data.works.filter((w) => !filter || [w.title, w.original_title, w.publisher, w.kind, ...w.translators, ...w.aliases]
      .some((v) => v && v.toLocaleLowerCase().includes(filter)));
    list.sort((a, b) => {
      const x = key(a), y = key(b);
      if (x === y) return a.title.localeCompare(b.title);
      if (x === null || x === undefined || x === "") return 1; // blanks last, either way
      if (y === null || y === undefined || y === "") return -1;
      return (x < y ? -1 : 1) * dir;
    });
    replace(tbody, list.map((w) => rows.get(w.id) || rows.set(w.id, row(w)).get(w.id)));
    for (const th of headers) th.setAttribute("aria-sort", th.dataset.key === sortKey ? (dir > 0 ? "ascending" : "descending") : "none");
    count.textContent = `${list.length} of ${data.works.length} works`;
    highlight(selection());
  }

  function highlight(sel) {
    for (const tr of rows.values()) tr.classList.remove("sel", "related");
    if (!sel) return;
    if (sel.type === "work" && rows.has(sel.id)) {
      const tr = rows.get(sel.id);
      tr.classList.add("sel");
      if (!tr.matches(":hover")) tr.scrollIntoView({ block: "nearest" });
    }
  }

  draw();
  const off = onSelect(highlight);
  return { destroy: off };
}
