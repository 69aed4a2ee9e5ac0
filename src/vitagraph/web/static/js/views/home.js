// Home: the documents in the database, with what was extracted from each.
import { h, replace, docPath, fmtInt, loading, errorBox } from "../dom.js";
import { get } from "../api.js";

const PAGE = 50;
const COUNTS = [["events", "events"], ["people", "people"], ["organizations", "orgs"], ["places", "places"], ["works", "works"], ["dates", "dates"]];

function lifeSpan(subject) {
  if (!subject) return "";
  const y = (d) => (d ? d.slice(0, d.startsWith("-") ? 5 : 4) : "?");
  return subject.born || subject.died ? `${y(subject.born)}–${y(subject.died)}` : "";
}

export async function mount(main) {
  document.title = "vitagraph";
  replace(main, loading("documents"));
  let q = new URLSearchParams(location.search).get("filter") || "";
  let offset = 0;
  let first;
  try {
    first = await get(`/api/documents?limit=${PAGE}`);
  } catch (err) {
    replace(main, h("section", { class: "home" }, h("h1", null, "Documents"), errorBox(err)));
    return;
  }
  const tbody = h("tbody");
  const more = h("button", { type: "button", class: "btn", hidden: true }, "Show more");
  const count = h("p", { class: "muted" });
  const input = h("input", { type: "search", placeholder: "Filter by name or title", "aria-label": "Filter documents", value: q, maxlength: 200 });

  function rows(docs) {
    return docs.map((d) => h("tr", null,
      h("td", null, h("a", { href: docPath(d.name, "timeline"), "data-nav": "" }, d.title || d.name),
        h("div", { class: "muted small" }, d.name)),
      h("td", null, d.subject ? d.subject.name : h("span", { class: "muted" }, d.extracted ? "—" : "not extracted")),
      h("td", { class: "num" }, lifeSpan(d.subject)),
      h("td", { class: "num" }, fmtInt(d.chars)),
      COUNTS.map(([k]) => h("td", { class: "num" }, d.extracted ? fmtInt(d.counts[k]) : "")),
      h("td", { class: "links" }, ["timeline", "map", "network", "works", "reader"].map((v) => h("a", { href: docPath(d.name, v), "data-nav": "" }, v)))));
  }

  function show(page, append) {
    if (!append) replace(tbody);
    tbody.append(...rows(page.documents));
    offset = page.offset + page.documents.length;
    more.hidden = offset >= page.total;
    count.textContent = `${fmtInt(page.total)} document${page.total === 1 ? "" : "s"}${q ? ` matching “${q}”` : ""} · ${fmtInt(page.totals.extracted)} of ${fmtInt(page.totals.documents)} extracted`;
  }

  async function load(append) {
    const url = `/api/documents?limit=${PAGE}&offset=${append ? offset : 0}${q ? `&q=${encodeURIComponent(q)}` : ""}`;
    try {
      show(await get(url), append);
    } catch (err) {
      replace(tbody, h("tr", null, h("td", { colspan: 11 }, errorBox(err))));
    }
  }

  more.addEventListener("click", () => load(true));
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => { q = input.value.trim(); load(false); }, 150);
  });
  const empty = first.totals.documents === 0;
  replace(main, h("section", { class: "home" },
    h("div", { class: "home-head" }, h("h1", null, "Documents"), empty ? null : input),
    empty ? h("div", { class: "status notice", role: "status" }, first.message || "The database holds no documents yet.") : [count,
      h("div", { class: "table-wrap" }, h("table", { class: "data docs-table" },
        h("thead", null, h("tr", null, h("th", null, "document"), h("th", null, "subject"), h("th", { class: "num" }, "life"),
          h("th", { class: "num" }, "chars"), COUNTS.map(([, n]) => h("th", { class: "num" }, n)), h("th", null, "views"))),
        tbody)), more],
    h("p", { class: "muted small api-note" }, "Every page has a JSON twin: ", h("a", { href: "/api/documents" }, "/api/documents"),
      "; the API is described at ", h("a", { href: "/docs", "data-nav": "" }, "/docs"), ".")));
  if (!empty) {
    if (q) await load(false);
    else show(first, false);
  }
}
