// The API reference, drawn from /openapi.json with the explorer's own code (no CDN Swagger UI).
import { h, replace, loading, errorBox } from "../dom.js";

export async function mount(main) {
  document.title = "API · vitagraph";
  replace(main, loading("the API description"));
  let spec;
  try {
    const r = await fetch("/openapi.json");
    if (!r.ok) throw new Error(`/openapi.json answered ${r.status}`);
    spec = await r.json();
  } catch (err) {
    replace(main, errorBox(err));
    return;
  }
  const resolve = (ref) => ref.split("/").slice(1).reduce((o, k) => o && o[k], spec);
  const ops = Object.entries(spec.paths).flatMap(([path, methods]) => Object.entries(methods).map(([m, op]) => ({ path, method: m.toUpperCase(), op })));
  replace(main, h("section", { class: "apidocs" },
    h("h1", null, spec.info.title, " ", h("span", { class: "muted" }, spec.info.version)),
    h("p", null, spec.info.description.replace(/`/g, "")),
    h("p", null, "The machine-readable description is ", h("a", { href: "/openapi.json" }, "/openapi.json"), " (OpenAPI ", spec.openapi, ")."),
    ops.map(({ path, method, op }) => {
      const params = (op.parameters || []).map((p) => h("li", null, h("code", null, p.name), ` (${p.in}${p.required ? ", required" : ""})`,
        p.description ? ` — ${p.description}` : ""));
      const ok = op.responses && op.responses["200"];
      const schemaRef = ok && ok.content && ok.content["application/json"] && ok.content["application/json"].schema && ok.content["application/json"].schema.$ref;
      const schema = schemaRef ? resolve(schemaRef) : null;
      const example = path.replace("{doc}", "victor-serge.txt").replace("{entity}", "person:leon-trotsky");
      return h("article", { class: "endpoint card" },
        h("h2", null, h("span", { class: "method" }, method), " ", h("code", null, path)),
        h("p", null, op.summary || ""),
        params.length ? h("ul", { class: "params" }, params) : null,
        schema ? h("p", { class: "muted small" }, "Returns ", h("code", null, schema.title || schemaRef.split("/").pop()), ": ",
          Object.keys(schema.properties || {}).join(", ")) : null,
        path.includes("{") ? h("p", { class: "small" }, "e.g. ", h("a", { href: example }, example)) : h("p", { class: "small" }, h("a", { href: path }, path)));
    })));
}
