// The explorer's entry point: a small router over one HTML shell. Links marked
// data-nav change the page without reloading; every page also works when loaded
// directly (the server serves this shell for each of them).
import { h, replace, notice } from "./dom.js";
import * as home from "./views/home.js";
import * as search from "./views/search.js";
import * as apidocs from "./views/apidocs.js";
import * as doc from "./views/doc.js";
import { clearListeners, setQuiet, select, fromHash } from "./state.js";
import * as tip from "./tooltip.js";

const main = document.getElementById("main");
let firstRender = true;

async function route() {
  tip.hide();
  const path = location.pathname;
  const params = new URLSearchParams(location.search);
  const m = /^\/doc\/([^/]+)(?:\/([a-z]+))?\/?$/.exec(path);
  if (m) {
    await doc.mount(main, decodeURIComponent(m[1]), m[2] || "timeline", { find: params.get("find") });
  } else {
    doc.destroy();
    clearListeners();
    setQuiet(null);
    if (path === "/") await home.mount(main);
    else if (path === "/search") await search.mount(main);
    else if (path === "/docs") await apidocs.mount(main);
    else replace(main, notice(`Nothing at ${path}.`), h("p", null, h("a", { href: "/", "data-nav": "" }, "All documents")));
  }
  if (firstRender) {
    firstRender = false;
    performance.mark("vitagraph:rendered");
    document.body.dataset.ready = "true";
  }
}

function navigate(url) {
  const target = new URL(url, location.href);
  if (target.pathname === location.pathname && target.search === location.search && target.hash !== location.hash) {
    history.pushState(null, "", target.href);
    select(fromHash(target.hash), "url");
    return;
  }
  history.pushState(null, "", target.href);
  route();
}

document.addEventListener("click", (e) => {
  const a = e.target.closest && e.target.closest("a[data-nav]");
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin) return;
  e.preventDefault();
  navigate(url.href);
});

const form = document.querySelector(".search-form");
form.addEventListener("submit", (e) => {
  e.preventDefault();
  const q = form.querySelector("input").value.trim();
  navigate(`/search?q=${encodeURIComponent(q)}`);
});

window.addEventListener("popstate", () => route());
window.addEventListener("error", (e) => {
  const s = document.getElementById("status");
  if (s) replace(s, `Something went wrong: ${e.message}`);
});

route().catch((err) => {
  console.error(err);
  replace(main, h("div", { class: "status error", role: "alert" }, `The explorer failed to start: ${err.message}`));
});
