"""CSV tables, one per kind, zipped with a README that says what every column means.

For spreadsheets, OpenRefine, R and pandas. Each table is RFC 4180 CSV (comma,
double quotes, CRLF), UTF-8 with a byte-order mark so Excel detects the
encoding. Several values in one cell (aliases, translators) are separated by
`` | ``; a literal ``|`` or ``\\`` inside such a value is written ``\\|`` or
``\\\\`` (``split_list`` undoes it). Offsets are ``start``/``end``: half-open
character (code point) offsets into the document text.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from typing import Any, Iterable

from ..document import Document
from ..model import Record
from . import _dates
from ._common import Index, clean, coords, finite, quote

SEP = " | "

# table -> (what a row is, [(column, meaning)])
TABLES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "subject": ("The person the biography is about (one row, or none).", [
        ("id", "Entity id of the subject (matches `entity` in mentions.csv)."),
        ("name", "The subject's name."),
        ("aliases", "Other names used for the subject, separated by ` | `."),
        ("gender", "`female` or `male` from the pronouns the text uses; empty if unknown."),
        ("born_date", "Date of birth, EDTF (e.g. `1890-12-30`, `1890~` approximate, `1890?` uncertain)."),
        ("born_place", "Place of birth, as named."),
        ("died_date", "Date of death, EDTF."),
        ("died_place", "Place of death, as named."),
    ]),
    "events": ("One happening in the subject's life, as stated in one clause of the text.", [
        ("event", "Row number of the event (0, 1, ...), stable within this export."),
        ("type", "Event type: born, died, moved, traveled, studied, worked, joined, left, expelled, founded, arrested, imprisoned, released, exiled, married, child, published, wrote, participated, collaborated, conflict, illness, honored, buried."),
        ("date", "When, EDTF (Library of Congress Extended Date/Time Format): `1919-05`, `1921~` (approximate), `1927?` (uncertain), `1913/1917-01` (interval), `../1939` (until), `192X` (a decade). Empty when the text gives no time."),
        ("when", "The date in words (`c. 1921`, `spring 1927`, `1913 – January 1917`)."),
        ("earliest", "Earliest possible day of the date, ISO 8601 (astronomical years: 0 is 1 BC); empty if open."),
        ("latest", "Latest possible day of the date, ISO 8601; empty if open."),
        ("place_id", "Id of the place (matches `id` in places.csv); empty if none."),
        ("place", "Name of the place where it happened."),
        ("lat", "Latitude of the place, WGS 84 decimal degrees."),
        ("lon", "Longitude of the place, WGS 84 decimal degrees."),
        ("participant_ids", "Ids of the people, organizations and works involved, separated by ` | `."),
        ("participants", "Their names, in the same order, separated by ` | `."),
        ("confidence", "The extractor's confidence, 0 to 1."),
        ("component", "Which part of vitagraph found it."),
        ("start", "Evidence: start offset of the clause in the document text."),
        ("end", "Evidence: end offset (exclusive)."),
        ("quote", "Evidence: the clause, verbatim."),
    ]),
    "places": ("A real place named in the text, resolved against the gazetteer.", [
        ("id", "Place id (matches `place_id` in events.csv and `entity` in mentions.csv)."),
        ("name", "Name of the place."),
        ("kind", "city, country, region, site, continent, island, historic state..."),
        ("lat", "Latitude, WGS 84 decimal degrees; empty if unknown."),
        ("lon", "Longitude, WGS 84 decimal degrees; empty if unknown."),
        ("country", "ISO 3166-1 alpha-2 country code."),
        ("geonameid", "GeoNames id (https://www.geonames.org/<id>)."),
        ("aliases", "Other names for the place in the text, separated by ` | `."),
        ("mentions", "How many times the text names it."),
        ("score", "Resolution score of the gazetteer match."),
    ]),
    "people": ("A person named in the text, merged across the names used for them.", [
        ("id", "Entity id (matches `entity` in mentions.csv)."),
        ("name", "The fullest name used in the text."),
        ("aliases", "Other names used for the same person, separated by ` | `."),
        ("mentions", "How many times the text refers to them."),
        ("is_subject", "`true` for the subject of the biography."),
    ]),
    "organizations": ("An organization named in the text, merged across its names.", [
        ("id", "Entity id (matches `entity` in mentions.csv)."),
        ("name", "The fullest name used in the text."),
        ("aliases", "Other names (abbreviations...), separated by ` | `."),
        ("mentions", "How many times the text refers to it."),
    ]),
    "works": ("A work by the subject, from the works list, the prose, or both.", [
        ("id", "Work id (matches `entity` in mentions.csv)."),
        ("title", "Title, as the text gives it."),
        ("year", "Year (EDTF) of first publication, as far as the text says."),
        ("kind", "novel, poetry, history, memoir, essay, pamphlet..."),
        ("translators", "Translators, separated by ` | `."),
        ("editors", "Editors, separated by ` | `."),
        ("publisher", "Publisher."),
        ("place", "Place of publication."),
        ("original_title", "Title of the original, for a translation."),
        ("original_year", "Year (EDTF) of the original."),
        ("aliases", "Other titles, separated by ` | `."),
        ("start", "Evidence: start offset of the first place the work is named (its list entry if any)."),
        ("end", "Evidence: end offset (exclusive)."),
        ("quote", "Evidence: that text, verbatim."),
        ("evidence", "Every place the work is named, as `start-end` spans separated by ` | `."),
    ]),
    "mentions": ("One place in the text where a person, organization, place, work or date is named.", [
        ("start", "Start offset in the document text."),
        ("end", "End offset (exclusive)."),
        ("text", "The words, verbatim."),
        ("label", "PERSON, ORG, PLACE, WORK or DATE."),
        ("entity", "Id of what it refers to (people.csv, organizations.csv, places.csv, works.csv, "
                   "subject.csv); empty if not resolved."),
        ("entity_name", "Name of what it refers to."),
        ("component", "What found it: ner, works_list, gazetteer, coref..."),
    ]),
    "claims": ("Something someone said about the subject or a work.", [
        ("claim", "Row number of the claim."),
        ("speaker", "Who said it, as named; empty if unattributed."),
        ("speaker_entity", "Entity id of the speaker."),
        ("verb", "The reporting verb (call, describe, write, say...)."),
        ("about", "What it is about: the subject, or a work title."),
        ("quote_start", "Start offset of the quoted words (without quotation marks), if quoted."),
        ("quote_end", "End offset of the quoted words (exclusive)."),
        ("quote", "The quoted words, verbatim."),
        ("start", "Start offset of the sentence."),
        ("end", "End offset of the sentence (exclusive)."),
        ("sentence", "The whole sentence, verbatim."),
    ]),
    "dates": ("A time expression in the text and its EDTF value.", [
        ("start", "Start offset in the document text."),
        ("end", "End offset (exclusive)."),
        ("text", "The words, verbatim."),
        ("value", "EDTF value; empty when it needed a reference time the text lacks."),
        ("kind", "date, interval, open, duration, relative, decade, century, set."),
        ("anchored", "`true` when the value came from the narrative time around it."),
        ("earliest", "Earliest possible day, ISO 8601."),
        ("latest", "Latest possible day, ISO 8601."),
    ]),
}


def join_list(values: Iterable[str]) -> str:
    return SEP.join(v.replace("\\", "\\\\").replace("|", "\\|") for v in values)


def split_list(cell: str) -> list[str]:
    """The values of a multi-valued cell (inverse of ``join_list``)."""
    if cell == "":
        return []
    out, cur, i = [], [], 0
    while i < len(cell):
        ch = cell[i]
        if ch == "\\" and i + 1 < len(cell):
            cur.append(cell[i + 1])
            i += 2
            continue
        if cell.startswith(SEP, i):
            out.append("".join(cur))
            cur = []
            i += len(SEP)
            continue
        cur.append(ch)
        i += 1
    out.append("".join(cur))
    return out


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        f = finite(v)
        return "" if f is None else repr(f)
    return clean(v)


def tables(record: Record, document: Document) -> dict[str, list[dict[str, Any]]]:
    ix = Index(record)
    s = record.subject
    counts: dict[str, int] = {}
    for m in record.mentions:
        if m.entity:
            counts[m.entity] = counts.get(m.entity, 0) + 1
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    if s is not None:
        out["subject"].append({"id": s.entity, "name": s.name, "aliases": join_list(s.aliases), "gender": s.gender,
                               "born_date": s.born_date, "born_place": s.born_place,
                               "died_date": s.died_date, "died_place": s.died_place})
    for i, ev in enumerate(record.events):
        place = ix.event_place(ev)
        c = coords(place)
        lo, hi = _dates.iso_bounds(ev.date)
        out["events"].append({
            "event": i, "type": ev.type, "date": ev.date,
            "when": _dates.describe(ev.date) if _dates.parse(ev.date) else "",
            "earliest": lo, "latest": hi,
            "place_id": place.entity if place else None,
            "place": place.name if place else ev.place,
            "lat": c[0] if c else None, "lon": c[1] if c else None,
            "participant_ids": join_list(ev.participants),
            "participants": join_list(ix.name(p) for p in ev.participants),
            "confidence": ev.confidence, "component": ev.component,
            "start": ev.evidence.start, "end": ev.evidence.end, "quote": quote(document, ev.evidence),
        })
    for p in ix.places.values():
        c = coords(p)
        out["places"].append({
            "id": p.entity, "name": p.name, "kind": p.kind,
            "lat": c[0] if c else None, "lon": c[1] if c else None,
            "country": p.country, "geonameid": p.geonameid, "aliases": join_list(p.aliases),
            "mentions": counts.get(p.entity, 0), "score": p.score,
        })
    sid = ix.subject_id
    for e in ix.entities.values():
        if e.label == "PERSON":
            out["people"].append({"id": e.id, "name": e.name, "aliases": join_list(e.aliases), "mentions": e.mentions,
                                  "is_subject": e.is_subject or e.id == sid})
        elif e.label == "ORG":
            out["organizations"].append({"id": e.id, "name": e.name, "aliases": join_list(e.aliases),
                                         "mentions": e.mentions})
    for w in ix.works.values():
        first = w.evidence[0] if w.evidence else None
        out["works"].append({
            "id": w.id, "title": w.title, "year": w.year, "kind": w.kind,
            "translators": join_list(w.translators), "editors": join_list(w.editors),
            "publisher": w.publisher, "place": w.place, "original_title": w.original_title,
            "original_year": w.original_year, "aliases": join_list(w.aliases),
            "start": first.start if first else None, "end": first.end if first else None,
            "quote": quote(document, first),
            "evidence": join_list(f"{e.start}-{e.end}" for e in w.evidence),
        })
    for m in record.mentions:
        out["mentions"].append({"start": m.start, "end": m.end, "text": m.text, "label": m.label,
                                "entity": m.entity, "entity_name": ix.name(m.entity) if m.entity else None,
                                "component": m.component})
    for i, c in enumerate(record.claims):
        out["claims"].append({
            "claim": i, "speaker": c.speaker, "speaker_entity": c.speaker_entity, "verb": c.verb, "about": c.about,
            "quote_start": c.quote.start if c.quote else None, "quote_end": c.quote.end if c.quote else None,
            "quote": quote(document, c.quote), "start": c.evidence.start, "end": c.evidence.end,
            "sentence": quote(document, c.evidence),
        })
    for t in record.times:
        lo, hi = _dates.iso_bounds(t.value)
        out["dates"].append({"start": t.start, "end": t.end, "text": t.text, "value": t.value, "kind": t.kind,
                             "anchored": t.anchored, "earliest": lo, "latest": hi})
    return out


def readme(record: Record, document: Document) -> str:
    lines = [
        f"# {document.display_title}: vitagraph tables",
        "",
        f"Extracted by vitagraph {record.version} from `{document.name}`"
        f" (SHA-256 of its text: `{document.sha256}`).",
        "",
        "Each `.csv` file is one table: comma-separated, values in double quotes when needed,",
        "UTF-8 with a byte-order mark (Excel opens it correctly). Cells holding several values",
        "separate them with ` | ` (a `|` or `\\` inside a value is written `\\|` or `\\\\`).",
        "Offsets (`start`, `end`) count characters (Unicode code points) from 0 in the",
        "document text, end exclusive: `text[start:end]` is the quoted evidence.",
        "Dates are EDTF (https://www.loc.gov/standards/datetime/); `earliest`/`latest` are",
        "ISO 8601 days with astronomical years (0 is 1 BC, -43 is 44 BC).",
        "",
    ]
    for name, (what, columns) in TABLES.items():
        lines += [f"## {name}.csv", "", what, "", "| column | meaning |", "| --- | --- |"]
        lines += [f"| `{col}` | {meaning} |" for col, meaning in columns]
        lines.append("")
    return "\n".join(lines)


_STAMP = (1980, 1, 1, 0, 0, 0)  # fixed: the same record gives the same bytes


def _folder(document: Document) -> str:
    stem = document.name.rsplit(".", 1)[0] if "." in document.name else document.name
    return re.sub(r"[^\w.\-]+", "_", stem).strip("._") or "record"


def export(record: Record, document: Document) -> bytes:
    data = tables(record, document)
    folder = _folder(document)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        def put(name: str, text: str) -> None:
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=_STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8", errors="replace"))

        put("README.md", readme(record, document))
        for name, (_, columns) in TABLES.items():
            out = io.StringIO()
            w = csv.writer(out, lineterminator="\r\n")
            w.writerow([c for c, _ in columns])
            for row in data[name]:
                w.writerow([_cell(row.get(c)) for c, _ in columns])
            put(f"{name}.csv", "\ufeff" + out.getvalue())
    return buf.getvalue()


def read(data: bytes) -> dict[str, list[dict[str, str]]]:
    """The tables of an export, as lists of {column: cell} (for tests and scripts)."""
    out: dict[str, list[dict[str, str]]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith(".csv"):
                text = z.read(name).decode("utf-8-sig")
                out[name.rsplit("/", 1)[-1][:-4]] = list(csv.DictReader(io.StringIO(text, newline="")))
    return out
