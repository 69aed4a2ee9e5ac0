"""vitagraph show: a document's outline."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..errors import VitagraphError
from ..outline import outline
from ._util import DEFAULT_DB_PATH, DbOption, JsonOption, app, console, fail, open_store, print_json


@app.command("show")
def show_command(
    doc: Annotated[str, typer.Argument(help="Document name, name without extension, id, or sha256 prefix.")],
    db: DbOption = DEFAULT_DB_PATH,
    as_json: JsonOption = False,
) -> None:
    """Show a document's outline: title, infobox, section tree, lists, counts."""
    try:
        with open_store(db, must_exist=True) as store:
            document = store.load(doc)
    except VitagraphError as exc:
        fail(exc)
    data = outline(document)
    if as_json:
        print_json(data)
        return
    print_outline(data)


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
