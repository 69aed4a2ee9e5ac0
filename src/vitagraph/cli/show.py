"""vitagraph show: a document's outline."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..errors import Errors, NotFoundError, VitagraphError
from ..outline import outline
from ._util import DEFAULT_DB_PATH, DbOption, JsonOption, app, console, fail, open_store, print_json


@app.command("show")
def show_command(
    doc: Annotated[str, typer.Argument(help="Document name, name without extension, id, or sha256 prefix.")],
    db: DbOption = DEFAULT_DB_PATH,
    entities: Annotated[bool, typer.Option("--entities", help="List the extracted subject, people, organizations, places, works, dates and claims.")] = False,
    events: Annotated[bool, typer.Option("--events", help="The subject's life as a timeline of events, and the itinerary.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Show a document's outline (title, infobox, section tree, lists, counts), or what was extracted from it."""
    try:
        with open_store(db, must_exist=True) as store:
            document = store.load(doc)
            record = store.record(doc) if (entities or events) else None
            if (entities or events) and record is None:
                raise NotFoundError(Errors.E402, path=document.name)
    except VitagraphError as exc:
        fail(exc)
    if events:
        from ..itinerary import itinerary

        names = {e.id: e.name for e in record.entities} | {p.entity: p.name for p in record.places}
        stays = itinerary(record)
        if as_json:
            print_json({
                "events": [
                    {"type": e.type, "date": e.date, "place": names.get(e.place or "", e.place),
                     "with": [names.get(p, p) for p in e.participants], "span": [e.evidence.start, e.evidence.end],
                     "quote": e.evidence.of(document.text), "confidence": e.confidence}
                    for e in record.events
                ],
                "itinerary": [
                    {"place": s.name, "from": s.start, "to": s.end, "overlap": s.overlap, "gap_before": s.gap_before}
                    for s in stays
                ],
            })
        else:
            print_timeline(record, document, names, stays)
        return
    if entities:
        from ..export.liferecord import to_dict

        if as_json:
            data = to_dict(record, document)
            data["dates"] = [{"text": t.text, "value": t.value, "kind": t.kind, "span": [t.start, t.end]} for t in record.times]
            data["claims"] = [
                {"speaker": c.speaker, "verb": c.verb, "about": c.about,
                 "quote": c.quote.of(document.text) if c.quote else None, "span": [c.evidence.start, c.evidence.end]}
                for c in record.claims
            ]
            data["mentions"] = [{"text": m.text, "label": m.label, "entity": m.entity, "span": [m.start, m.end],
                                 "component": m.component} for m in record.mentions]
            print_json(data)
        else:
            print_entities(record, document)
        return
    data = outline(document)
    if as_json:
        print_json(data)
        return
    print_outline(data)


def print_timeline(record, document, names, stays) -> None:
    table = Table("date", "event", "place", "with", "evidence", title=f"Life events ({len(record.events)})",
                  title_justify="left", box=None)
    for e in record.events:
        quote = e.evidence.of(document.text).replace("\n", " ")
        table.add_row(e.date or "?", e.type, names.get(e.place or "", e.place or ""),
                      ", ".join(names.get(p, p) for p in e.participants), _short(quote, 70))
    console.print(table)
    table = Table("from", "to", "place", "note", title=f"Itinerary ({len(stays)} stays)", title_justify="left", box=None)
    for s in stays:
        note = ", ".join(n for n, flag in (("overlaps the previous stay", s.overlap), ("gap before", s.gap_before)) if flag)
        table.add_row(s.start or "?", s.end or "…", s.name, note)
    console.print(table)


def print_entities(record, document) -> None:
    s = record.subject
    if s:
        console.print(Text(s.name, style="bold"))
        console.print(f"aliases: {', '.join(s.aliases) or '-'}", markup=False, highlight=False)
        console.print(f"born: {s.born_date or '?'} in {s.born_place or '?'}; died: {s.died_date or '?'} in {s.died_place or '?'}",
                      markup=False, highlight=False)
    for label, title in (("PERSON", "People"), ("ORG", "Organizations")):
        rows = sorted((e for e in record.entities if e.label == label and not e.is_subject), key=lambda e: -e.mentions)
        table = Table("name", "also", "mentions", title=f"{title} ({len(rows)})", title_justify="left", box=None)
        for e in rows:
            table.add_row(e.name, ", ".join(e.aliases), str(e.mentions))
        console.print(table)
    table = Table("place", "kind", "lat", "lon", "also", title=f"Places ({len(record.places)})", title_justify="left", box=None)
    for p in record.places:
        table.add_row(p.name, p.kind, f"{p.lat:.2f}" if p.lat is not None else "", f"{p.lon:.2f}" if p.lon is not None else "", ", ".join(p.aliases))
    console.print(table)
    table = Table("title", "year", "kind", "translators", "original", title=f"Works ({len(record.works)})", title_justify="left", box=None)
    for w in record.works:
        table.add_row(w.title, w.year or "", w.kind or "", ", ".join(w.translators), w.original_title or "")
    console.print(table)
    table = Table("text", "EDTF", "kind", title=f"Dates ({len(record.times)})", title_justify="left", box=None)
    for t in record.times:
        table.add_row(t.text, t.value or "?", t.kind + (" (anchored)" if t.anchored else ""))
    console.print(table)
    if record.claims:
        console.print(Text(f"Claims ({len(record.claims)})", style="bold"))
        for c in record.claims:
            quote = f' "{c.quote.of(document.text)}"' if c.quote else ""
            console.print(f"{c.speaker} ({c.verb}) about {c.about}:{quote}", markup=False, highlight=False)


def print_outline(data: dict[str, Any]) -> None:
    c = data["counts"]
    console.print(Text(data["title"], style="bold"))
    console.print(
        f"{data['name']} · {data['format']} · {data['encoding']} · {c['chars']:,} chars · {c['words']:,} words",
        markup=False, highlight=False,
    )
    if data["infobox"]:
        table = Table(box=None, show_header=False, title="Infobox", title_justify="left", title_style="bold")
        for f in data["infobox"]:
            table.add_row(f["key"], f["value"])
        console.print(table)

    def label(node: dict[str, Any]) -> Text:
        extra = []
        if node["paragraphs"]:
            extra.append(f"{node['paragraphs']} ¶")
        if node["list_items"]:
            extra.append(f"{node['list_items']} items")
        return Text(node["heading"]) + Text(f"  {', '.join(extra)}" if extra else "", style="dim")

    tree = Tree(Text(f"Sections (lead: {data['lead_paragraphs']} ¶)", style="bold"))

    def grow(branch: Tree, nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            grow(branch.add(label(node)), node["sections"])

    grow(tree, data["sections"])
    console.print(tree)
    for block in data["lists"]:
        console.print(Text(f"List in {block['section'] or 'the lead'} ({len(block['items'])} items)", style="bold"))
        for item in block["items"][:5]:
            console.print(Text("  " * item["depth"] + "- " + _short(item["text"])))
        if len(block["items"]) > 5:
            console.print(Text(f"    … {len(block['items']) - 5} more", style="dim"))
    console.print(
        f"{c['sections']} sections, {c['paragraphs']} paragraphs, {c['lists']} lists, "
        f"{c['list_items']} list items, {c['infobox_fields']} infobox fields",
        markup=False, highlight=False,
    )
    for w in data["warnings"]:
        console.print(Text(f"warning: {w}", style="yellow"))


def _short(s: str, n: int = 100) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"
