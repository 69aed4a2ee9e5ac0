// Search across all documents (SQLite FTS5 on the server); hits marked without markup.
import { h, replace, docPath, fmtInt, marked, loading, errorBox, notice } from "../dom.js";
import { get } from "../api.js";

const LABEL = { PERSON: "person", ORG: "organization", PLACE: "place" };
const VIEW_FOR = { PERSON: "network", ORG: "network", PLACE: "map" };

// A question ("When was Serge deported to Orenburg?") is also answered, with its citations.
const QUESTION = /\?\s*$|^(when|where|who|whom|whose|what|which|how|did|does|do|was|were|is|are|has|had)\b/i;

function answerBox(q, ans) {
  const cites = (ans.citations || []).map((c) => h("li", null,
    h("a", { href: `${docPath(c.document, "reader")}?find=${encodeURIComponent((c.quote || "").slice(0, 80))}`, "data-nav": "" },
      `“${c.quote}”`),
    h("span", { class: "muted small" }, ` ${c.document} [${c.span[0]}–${c.span[1]}]`)));
  return h("section", { class: "answer", "aria-live": "polite" },
    h("h2", null, "Answer"),
    h("p", { class: ans.found ? "answer-text" : "answer-text muted" }, ans.answer || "The text does not say."),
    ans.found && ans.value != null ? h("p", { class: "muted small" }, `value: ${ans.value} · confidence ${ans.confidence}`) : null,
    cites.length ? h("ol", { class: "citations" }, cites) : null,
    h("p", { class: "small" }, h("a", { href: `/api/ask?q=${encodeURIComponent(q)}` }, "JSON")));
}

export async function mount(main) {
  const q = (new URLSearchParams(location.search).get("q") || "").trim();
  const offset = Number(new URLSearchParams(location.search).get("offset") || 0) || 0;
  document.title = q ? `${q} · search · vitagraph` : "search · vitagraph";
  const box = document.querySelector(".search-form input");
  if (box && box.value !== q) box.value = q;
  if (!q) {
    replace(main, h("section", { class: "search" }, h("h1", null, "Search"), notice("Type words to find in every document: all must occur; \"quotes\" for a phrase.")));
    return;
  }
  replace(main, h("section", { class: "search" }, h("h1", null, "Search"), loading("results")));
  let res;
  let ans = null;
  try {
    const asking = offset === 0 && QUESTION.test(q);
    [res, ans] = await Promise.all([
      get(`/api/search?q=${encodeURIComponent(q)}&offset=${offset}`),
      asking ? get(`/api/ask?q=${encodeURIComponent(q)}`).catch(() => null) : Promise.resolve(null),
    ]);
  } catch (err) {
    replace(main, h("section", { class: "search" }, h("h1", null, "Search"), errorBox(err)));
    return;
  }
  const ents = res.entities.length ? h("section", { class: "entity-hits" }, h("h2", null, "People, organizations and places"),
    h("div", { class: "chips" }, res.entities.map((e) => h("a", {
      class: `chip ent-${LABEL[e.label] || "other"}`, "data-nav": "",
      href: `${docPath(e.document, VIEW_FOR[e.label] || "reader")}#sel=entity:${encodeURIComponent(e.id)}`,
    }, e.name, h("span", { class: "muted" }, ` ${LABEL[e.label] || e.label} · ${e.title || e.document}`))))) : null;
  const hits = res.documents.map((d) => h("li", { class: "hit" },
    h("a", { href: `${docPath(d.name, "reader")}?find=${encodeURIComponent(q)}`, "data-nav": "", class: "hit-title" }, marked(d.title_parts)),
    h("span", { class: "muted small" }, ` ${d.name}${d.subject ? ` · ${d.subject}` : ""}`),
    h("p", { class: "snippet" }, marked(d.snippet))));
  const pager = [];
  if (offset > 0) pager.push(h("a", { class: "btn", "data-nav": "", href: `/search?q=${encodeURIComponent(q)}&offset=${Math.max(0, offset - res.limit)}` }, "← previous"));
  if (offset + res.documents.length < res.total) pager.push(h("a", { class: "btn", "data-nav": "", href: `/search?q=${encodeURIComponent(q)}&offset=${offset + res.limit}` }, "next →"));
  replace(main, h("section", { class: "search" },
    h("h1", null, "Search"),
    ans ? answerBox(q, ans) : null,
    h("p", { class: "muted" }, `${fmtInt(res.total)} document${res.total === 1 ? "" : "s"} match “${q}”`,
      res.total ? ` · ${offset + 1}–${offset + res.documents.length}` : "", " · ",
      h("a", { href: `/api/search?q=${encodeURIComponent(q)}` }, "JSON")),
    ents,
    res.documents.length ? h("ol", { class: "hits" }, hits) : (ans && ans.found ? null : notice("Nothing found. Fewer or shorter words find more.")),
    h("div", { class: "pager" }, pager)));
}
