"""The web explorer's JSON API and pages, in-process (FastAPI's TestClient).

Most tests run on hand-made Records (every EDTF shape the timeline must draw,
a document full of markup that must stay text); the ``model`` tests use the
real Victor Serge record, built once per session.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import vitagraph
from vitagraph.model import Claim, Entity, Event, Evidence, Mention, Place, Record, Subject, TimeExpr, Work
from vitagraph.store import Store
from vitagraph.store import queries
from vitagraph.store.migrations import MIGRATIONS
from vitagraph.web import create_app
from vitagraph.web import schemas
from vitagraph.web.app import MAX_QUERY, STATIC
from vitagraph.web.timeaxis import describe, drawable
from vitagraph.web.views import DocView

ADA = """= Ada Example =

Infobox
- Born: 1815-12-10
- Birthplace: London, England

Ada Example (10 December 1815 – 27 November 1852) was an English mathematician.

==Early life==
She was born in London. In 1833 she met Charles Babbage in London.
From 1835 to 1842 she worked with Charles Babbage and Mary Somerville at the Analytical Society in Paris.
She may have visited Turin around 1840. Until 1835 she studied with Mary Somerville.

==Works==
- Notes on the Engine (1843)
- Sketch of the Analytical Engine (1843) Translator: Ada Example; London: Taylor.
"""

XSS = """= <script>alert("title")</script> Eve =

Eve <img src=x onerror=alert(1)> Hacker (born 1900) wrote <script>alert("body")</script> in Paris.
"""


def at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of needle."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return i, i + len(needle)


def ada_record(doc: vitagraph.Document) -> Record:
    t = doc.text

    def m(needle: str, label: str, entity: str | None, nth: int = 0, component: str = "ner") -> Mention:
        a, b = at(t, needle, nth)
        return Mention(a, b, needle, label, entity, component)

    def ev(needle: str, nth: int = 0) -> Evidence:
        return Evidence(*at(t, needle, nth))

    def tx(needle: str, value: str | None, kind: str = "date", nth: int = 0) -> TimeExpr:
        a, b = at(t, needle, nth)
        return TimeExpr(a, b, needle, value, kind)

    mentions = (
        m("Ada Example", "PERSON", "person:subject", 1),
        m("London", "PLACE", "place:london", 0, "infobox"),
        m("England", "PLACE", "place:england", 0, "infobox"),
        m("She", "PERSON", "person:subject", 0, "coref"),
        m("London", "PLACE", "place:london", 1),
        m("she", "PERSON", "person:subject", 0, "coref"),
        m("Charles Babbage", "PERSON", "person:charles-babbage", 0),
        m("London", "PLACE", "place:london", 2),
        m("Charles Babbage", "PERSON", "person:charles-babbage", 1),
        m("Mary Somerville", "PERSON", "person:mary-somerville", 0),
        m("Analytical Society", "ORG", "org:analytical-society", 0),
        m("Paris", "PLACE", "place:paris", 0),
        m("Turin", "PLACE", "place:turin", 0),
        m("Mary Somerville", "PERSON", "person:mary-somerville", 1),
        m("Notes on the Engine", "WORK", "work:0", 0, "works_list"),
        m("Sketch of the Analytical Engine", "WORK", "work:1", 0, "works_list"),
    )
    entities = (
        Entity("person:subject", "PERSON", "Ada Example", ("She",), 3, True),
        Entity("person:charles-babbage", "PERSON", "Charles Babbage", ("Babbage",), 2),
        Entity("person:mary-somerville", "PERSON", "Mary Somerville", (), 2),
        Entity("org:analytical-society", "ORG", "Analytical Society", (), 1),
        Entity("place:london", "PLACE", "London", (), 3),
        Entity("place:paris", "PLACE", "Paris", (), 1),
        Entity("place:turin", "PLACE", "Turin", (), 1),
        Entity("place:england", "PLACE", "England", (), 1),
    )
    places = (
        Place("place:london", "London", "city", 51.50853, -0.12574, "GB"),
        Place("place:paris", "Paris", "city", 48.85341, 2.3488, "FR"),
        Place("place:turin", "Turin", "city", 45.07049, 7.68682, "IT"),
        Place("place:england", "England", "country", 52.16045, -0.70312, "GB"),
    )
    times = (
        tx("10 December 1815", "1815-12-10"),
        tx("27 November 1852", "1852-11-27"),
        tx("1833", "1833"),
        tx("From 1835 to 1842", "1835/1842", "interval"),
        tx("around 1840", "1840~"),
        tx("Until 1835", "../1835", "open"),
    )
    events = (
        Event("born", "1815-12-10", "London", (), ev("She was born in London"), 0.9),
        Event("met", "1833", "place:london", ("person:charles-babbage",), ev("In 1833 she met Charles Babbage in London"), 0.8),
        Event("worked", "1835/1842", "place:paris",
              ("person:charles-babbage", "person:mary-somerville", "org:analytical-society"),
              ev("she worked with Charles Babbage and Mary Somerville at the Analytical Society in Paris"), 0.7),
        Event("traveled", "1840~", "place:turin", (), ev("She may have visited Turin around 1840"), 0.4),
        Event("studied", "../1835", None, ("person:mary-somerville",), ev("Until 1835 she studied with Mary Somerville"), 0.6),
        Event("published", "[1842,1843]", "place:london", ("work:1",), ev("Sketch of the Analytical Engine (1843)"), 0.5),
        Event("wrote", None, None, ("work:0",), ev("Notes on the Engine (1843)"), 0.5),
        Event("died", "1852-11-27?", "place:england", (), ev("27 November 1852"), 0.9),
        Event("moved", "1834", "place:england", (), ev("an English mathematician"), 0.3),
    )
    works = (
        Work("work:0", "Notes on the Engine", "1843", "notes", evidence=(ev("Notes on the Engine (1843)"),)),
        Work("work:1", "Sketch of the Analytical Engine", "1843", "translation", translators=("Ada Example",),
             publisher="Taylor", place="London", original_title="Notions sur la machine analytique", original_year="1842",
             evidence=(ev("Sketch of the Analytical Engine (1843) Translator: Ada Example; London: Taylor."),)),
    )
    claims = (Claim("Charles Babbage", "person:charles-babbage", "call", "Ada Example", None, ev("In 1833 she met Charles Babbage in London.")),)
    subject = Subject("person:subject", "Ada Example", ("She",), "female", "1815-12-10", "London", "1852-11-27", None)
    return Record(doc.name, subject, mentions, entities, times, places, works, claims, events, "test")


def xss_record(doc: vitagraph.Document) -> Record:
    t = doc.text
    a, b = at(t, "Eve", 1)
    s0, s1 = at(t, '<script>alert("body")</script>')
    return Record(
        doc.name,
        Subject("person:eve", "<b>Eve</b>"),
        mentions=(Mention(a, b, "Eve", "PERSON", "person:eve"), Mention(s0, s1, t[s0:s1], "WORK", "work:0", "works_prose"),
                  Mention(*at(t, "Paris"), "Paris", "PLACE", "place:paris")),
        entities=(Entity("person:eve", "PERSON", "<b>Eve</b>", ("<i>E</i>",), 1, True),
                  Entity("person:mallory", "PERSON", "<img src=x onerror=alert(3)>", (), 0),
                  Entity("place:paris", "PLACE", "Paris", (), 1)),
        times=(TimeExpr(*at(t, "1900"), "1900", "1900", "date"),),
        places=(Place("place:paris", "Paris<script>", "city", 48.85, 2.35),),
        works=(Work("work:0", '<script>alert("work")</script>', "1900", "<i>novel</i>", evidence=(Evidence(s0, s1),)),),
        events=(Event("wrote", "1900", "place:paris", ("work:0", "person:mallory"), Evidence(*at(t, "wrote <script>")), 0.9),),
        version="test",
    )


def build_db(path: Path) -> Path:
    """A database of hand-made records: ada-example.txt, xss.txt and bare.txt (no record)."""
    with Store(path) as store:
        ada = vitagraph.read_text(ADA, "ada-example.txt")
        store.save(ada, ada_record(ada))
        xss = vitagraph.read_text(XSS, "xss.txt")
        store.save(xss, xss_record(xss))
        store.save_document(vitagraph.read_text("= Bare =\n\nNothing was extracted from this one, about Lisbon.\n", "bare.txt"))
    return path


_SERGE: dict[str, Path] = {}


def build_serge(base: Path) -> Path:
    """The real Victor Serge record in a database, built once per test session."""
    if "db" not in _SERGE:
        from vitagraph.nlp import extract

        doc = vitagraph.read(vitagraph.sample_path())
        path = base / "serge.db"
        with Store(path) as store:
            store.save(doc, extract(doc))
            xss = vitagraph.read_text(XSS, "xss.txt")
            store.save(xss, xss_record(xss))
        _SERGE["db"] = path
    return _SERGE["db"]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_db(tmp_path_factory.mktemp("web") / "hand.db")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture(scope="session")
def serge_client(tmp_path_factory) -> TestClient:
    with TestClient(create_app(build_serge(tmp_path_factory.mktemp("serge"))), base_url="http://127.0.0.1") as c:
        yield c


def ok(response, model=None) -> dict:
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["ok"] is True
    if model is not None:
        model.model_validate(data)  # the OpenAPI schema tells the truth
    return data


def failed(response, status: int) -> str:
    assert response.status_code == status, response.text
    data = response.json()
    assert set(data) == {"ok", "error"} and data["ok"] is False and data["error"]
    return data["error"]


# -- the API, view by view ------------------------------------------------------


def test_documents_lists_every_document_with_counts(client):
    data = ok(client.get("/api/documents"), schemas.DocumentList)
    by_name = {d["name"]: d for d in data["documents"]}
    assert list(by_name) == ["ada-example.txt", "bare.txt", "xss.txt"]
    ada = by_name["ada-example.txt"]
    assert ada["counts"] == {"events": 9, "people": 2, "organizations": 1, "places": 4, "works": 2, "dates": 6,
                             "mentions": 16, "claims": 1}
    assert ada["subject"] == {"name": "Ada Example", "born": "1815-12-10", "died": "1852-11-27"}
    assert by_name["bare.txt"]["extracted"] is False and by_name["bare.txt"]["subject"] is None
    assert data["totals"] == {"documents": 3, "extracted": 2}
    page = ok(client.get("/api/documents", params={"q": "ada", "limit": 1}))
    assert page["total"] == 1 and [d["name"] for d in page["documents"]] == ["ada-example.txt"]
    assert ok(client.get("/api/documents", params={"q": "%"}))["total"] == 0  # LIKE wildcards are literal


def test_document_summary_and_refs(client):
    data = ok(client.get("/api/documents/ada-example"), schemas.DocumentSummary)
    assert data["name"] == "ada-example.txt" and data["title"] == "Ada Example"
    assert data["subject"]["born"] == {"date": "1815-12-10", "label": "10 December 1815", "place": "London"}
    assert data["views"]["timeline"] == "/api/documents/ada-example.txt/timeline"
    assert ok(client.get(f"/api/documents/{data['id']}"))["name"] == "ada-example.txt"


def test_timeline_draws_each_edtf_shape_honestly(client):
    data = ok(client.get("/api/documents/ada-example.txt/timeline"), schemas.Timeline)
    items = {e["type"]: e for e in data["events"]}
    born = items["born"]["time"]
    assert born["shape"] == "point" and born["label"] == "10 December 1815"
    assert items["born"]["place"] == {"id": "place:london", "name": "London", "label": "PLACE"}  # a name, resolved
    met = items["met"]["time"]
    assert met["shape"] == "span" and (met["lo"], met["hi"]) == (1833.0, 1834.0)
    worked = items["worked"]["time"]
    assert worked["shape"] == "interval" and (worked["lo"], worked["hi"]) == (1835.0, 1843.0)
    assert [p["name"] for p in items["worked"]["participants"]] == ["Charles Babbage", "Mary Somerville", "Analytical Society"]
    assert items["traveled"]["time"]["approximate"] and not items["traveled"]["time"]["uncertain"]
    studied = items["studied"]["time"]
    assert studied["open_lo"] and studied["lo"] is None and studied["hi"] == 1836.0 and studied["label"] == "until 1835"
    published = items["published"]["time"]
    assert published["shape"] == "set" and published["members"] == [[1842.0, 1843.0], [1843.0, 1844.0]]
    assert items["published"]["participants"][0] == {"id": "work:1", "name": "Sketch of the Analytical Engine", "label": "WORK"}
    died = items["died"]["time"]
    assert died["uncertain"] and died["shape"] == "point" and died["label"] == "27 November 1852?"
    assert [e["type"] for e in data["undated"]] == ["wrote"]
    los = [e["time"]["lo"] if e["time"]["lo"] is not None else e["time"]["hi"] for e in data["events"]]
    assert los == sorted(los)  # in time order
    assert data["life"]["born"] < 1816 and data["life"]["died"] > 1852
    # The evidence's sentence, for the reader to show.
    text = vitagraph.read_text(ADA, "ada-example.txt").text
    s = items["met"]["sentence"]
    assert text[s[0]:s[1]] == "In 1833 she met Charles Babbage in London."
    assert {d["label"] for d in data["dates"]} >= {"around 1840", "From 1835 to 1842"}


def test_map_weights_places_and_draws_the_itinerary_in_time_order(client):
    data = ok(client.get("/api/documents/ada-example.txt/map"), schemas.MapData)
    places = {p["id"]: p for p in data["places"]}
    assert places["place:london"]["mentions"] == 3 and len(places["place:london"]["events"]) == 3
    assert places["place:london"]["weight"] == 3 * 3 + 3
    assert data["places"][0]["id"] == "place:london"  # the heaviest first
    assert places["place:england"]["coarse"] is True
    # England (a country, drawn at its centre) is not a stop; two stays in London are one.
    assert [s["place"] for s in data["itinerary"]] == ["place:london", "place:paris", "place:turin", "place:london"]
    assert data["itinerary"][0]["events"] == ["event:0", "event:1"]
    assert data["tiles"] is None


def test_network_links_shared_sentences_and_events(client):
    data = ok(client.get("/api/documents/ada-example.txt/network"), schemas.Network)
    assert data["nodes"][0]["id"] == "person:subject" and data["nodes"][0]["is_subject"]
    assert {n["label"] for n in data["nodes"]} == {"PERSON", "ORG"}
    edges = {(e["source"], e["target"]): e for e in data["edges"]}
    babbage_mary = edges[("person:charles-babbage", "person:mary-somerville")]
    assert babbage_mary["sentences"] == 1 and babbage_mary["events"] == 1 and babbage_mary["weight"] == 3
    subject_babbage = edges[("person:charles-babbage", "person:subject")]
    assert subject_babbage["events"] == 2 and subject_babbage["sentences"] >= 1


def test_entity_detail_gives_mentions_in_context(client):
    data = ok(client.get("/api/documents/ada-example.txt/entities/person:charles-babbage"), schemas.EntityDetail)
    assert [m["text"] for m in data["mentions"]] == ["Charles Babbage", "Charles Babbage"]
    first = data["mentions"][0]
    assert first["before"].endswith("In 1833 she met ") and first["after"] == " in London."
    assert data["events"] == ["event:1", "event:2"]
    place = ok(client.get("/api/documents/ada-example.txt/entities/place:london"))
    assert place["entity"]["kind"] == "city" and len(place["mentions"]) == 3
    work = ok(client.get("/api/documents/ada-example.txt/entities/work:1"))
    assert work["entity"]["label"] == "WORK" and work["events"] == ["event:5"]
    assert "No entity" in failed(client.get("/api/documents/ada-example.txt/entities/person:nobody"), 404)


def test_works_table_data(client):
    data = ok(client.get("/api/documents/ada-example.txt/works"), schemas.Works)
    sketch = data["works"][1]
    assert sketch["title"] == "Sketch of the Analytical Engine" and sketch["translators"] == ["Ada Example"]
    assert sketch["original_title"] == "Notions sur la machine analytique" and sketch["original_year_sort"] == 1842.0
    text = vitagraph.read_text(ADA, "ada-example.txt").text
    a, b = sketch["evidence"][0]
    assert text[a:b].startswith("Sketch of the Analytical Engine (1843)")


def test_reader_has_text_structure_and_every_annotation(client):
    data = ok(client.get("/api/documents/ada-example.txt/reader"), schemas.Reader)
    text = data["text"]
    assert text == vitagraph.read_text(ADA, "ada-example.txt").text
    kinds = [b["kind"] for b in data["blocks"]]
    assert kinds[:3] == ["title", "field", "field"] and "heading" in kinds and kinds.count("item") == 2
    anns = data["annotations"]
    mentions = [a for a in anns if a["kind"] == "mention"]
    assert len(mentions) == 16 and all(text[a["start"]:a["end"]] for a in mentions)
    assert {a["kind"] for a in anns} == {"mention", "date", "event", "work", "claim"}
    assert data["entities"]["person:charles-babbage"] == {"name": "Charles Babbage", "label": "PERSON"}
    for s0, s1 in data["sentences"]:
        assert text[s0:s1] == text[s0:s1].strip() and s1 > s0
    assert [s["heading"] for s in data["sections"]] == ["Early life", "Works"]


def test_a_document_without_a_record_still_reads(client):
    assert ok(client.get("/api/documents/bare.txt"))["extracted"] is False
    tl = ok(client.get("/api/documents/bare.txt/timeline"), schemas.Timeline)
    assert tl["events"] == [] and tl["range"] is None
    reader = ok(client.get("/api/documents/bare.txt/reader"), schemas.Reader)
    assert reader["annotations"] == [] and "Lisbon" in reader["text"]
    for view in ("map", "network", "works"):
        ok(client.get(f"/api/documents/bare.txt/{view}"))


def test_search_finds_text_across_documents(client):
    data = ok(client.get("/api/search", params={"q": "babbage analytical"}), schemas.SearchResults)
    assert data["total"] == 1 and data["documents"][0]["name"] == "ada-example.txt"
    hits = [p["text"] for p in data["documents"][0]["snippet"] if p["hit"]]
    assert {h.lower() for h in hits} >= {"babbage", "analytical"}
    assert any(e["id"] == "person:charles-babbage" for e in data["entities"])
    assert ok(client.get("/api/search", params={"q": "lisb"}))["documents"][0]["name"] == "bare.txt"  # prefix
    assert ok(client.get("/api/search", params={"q": '"met Charles"'}))["total"] == 1
    assert ok(client.get("/api/search", params={"q": '"Charles met"'}))["total"] == 0
    assert ok(client.get("/api/search", params={"q": "somerville"}))["documents"][0]["title_parts"] == [{"text": "Ada Example", "hit": False}]


@pytest.mark.parametrize("q", ['"', "AND", "OR NEAR(", "*", "title:x", "a - b", "(((", "NOT", "'; DROP TABLE documents; --", "\x02\x03", " "])
def test_search_never_fails_on_fts_syntax(client, q):
    data = ok(client.get("/api/search", params={"q": q}))
    assert isinstance(data["documents"], list)


def test_fts_query_quotes_every_term():
    assert queries.fts_query("Trotsky exile") == '"Trotsky" "exile"*'
    assert queries.fts_query('"Left Opposition" Vienna') == '"Left Opposition" "Vienna"*'
    assert queries.fts_query("a") == '"a"'
    assert queries.fts_query('col:x AND "') == '"col" "x" "AND"*'
    assert queries.fts_query("  ") is None


# -- errors: one shape, proper codes ------------------------------------------------


def test_errors_have_one_shape(client):
    assert "No document" in failed(client.get("/api/documents/nobody.txt/timeline"), 404)
    failed(client.get("/api/nothing-here"), 404)
    failed(client.get("/nothing-here"), 404)
    failed(client.get("/doc/ada-example.txt/nonsense"), 404)
    failed(client.get("/api/documents", params={"limit": 0}), 422)
    failed(client.get("/api/documents", params={"limit": "many"}), 422)
    failed(client.post("/api/documents"), 405)
    failed(client.delete("/api/documents/ada-example.txt"), 405)
    failed(client.get("/api/search", params={"q": "x" * (MAX_QUERY + 1)}), 414)
    failed(client.get("/api/search", headers={"content-length": "999999999"}), 413)
    failed(client.get("/api/documents", headers={"host": "attacker.example"}), 421)


def test_missing_and_empty_databases_say_so(tmp_path):
    with TestClient(create_app(tmp_path / "nope.db"), base_url="http://127.0.0.1") as c:
        assert "does not exist" in failed(c.get("/api/documents"), 503)
        assert c.get("/").status_code == 200  # the page loads, and shows that message
    Store(tmp_path / "empty.db").close()
    with TestClient(create_app(tmp_path / "empty.db"), base_url="http://127.0.0.1") as c:
        data = ok(c.get("/api/documents"))
        assert data["documents"] == [] and "holds no documents yet" in data["message"]
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    with TestClient(create_app(tmp_path / "junk.db"), base_url="http://127.0.0.1") as c:
        assert "could not be opened" in failed(c.get("/api/documents"), 503)


# -- security ----------------------------------------------------------------------------


def test_security_headers_on_pages_and_api(client):
    for path in ("/", "/doc/xss.txt/reader", "/api/documents", "/static/js/main.js", "/openapi.json"):
        r = client.get(path)
        assert r.status_code == 200, path
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


def test_pages_are_a_static_shell_without_document_text(client):
    pages = ["/", "/search?q=eve", "/docs", "/doc/xss.txt", "/doc/xss.txt/timeline", "/doc/xss.txt/reader"]
    shells = {client.get(p).text for p in pages}
    assert len(shells) == 1  # document strings reach the browser only as JSON
    shell = shells.pop()
    assert "alert" not in shell and "Eve" not in shell
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", shell)  # no inline script
    assert not re.search(r"\son\w+=", shell)  # no inline handlers
    for ref in re.findall(r'(?:src|href)="(/static/[^"]+)"', shell):
        assert client.get(ref).status_code == 200, ref


def test_json_keeps_markup_as_data(client):
    data = ok(client.get("/api/documents/xss.txt/reader"))
    assert '<script>alert("body")</script>' in data["text"]
    works = ok(client.get("/api/documents/xss.txt/works"))
    assert works["works"][0]["title"] == '<script>alert("work")</script>'
    r = client.get("/api/documents/xss.txt/reader")
    assert r.headers["content-type"] == "application/json"


def test_static_code_never_builds_markup_or_reaches_out():
    """The escaping rule, checked on the source: DOM is built with text nodes only, and no
    asset loads anything from another host (no CDN; the basemap ships in the package)."""
    code = {p.name: p.read_text(encoding="utf-8") for p in STATIC.rglob("*.js")}
    assert len(code) >= 10
    for name, js in code.items():
        for bad in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setAttribute(\"style\""):
            assert bad not in js or (name == "dom.js" and bad in ("innerHTML", "outerHTML")), f"{name} uses {bad}"
    for p in STATIC.rglob("*"):
        if p.suffix in (".js", ".css", ".html"):
            urls = re.findall(r"https?://[^\s\"')]+", p.read_text(encoding="utf-8"))
            assert all(u.startswith("http://www.w3.org/2000/svg") for u in urls), (p.name, urls)
    assert (STATIC / "basemap.json").stat().st_size > 100_000
    assert "ISC" in (STATIC / "BASEMAP-LICENSE.txt").read_text(encoding="utf-8")


def test_serving_connection_is_read_only(client):
    store = client.app.state.db.store()
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.conn.execute("CREATE TABLE intruder (x)")


def test_openapi_documents_every_api_route(client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for p in ("/api/documents", "/api/documents/{doc}", "/api/documents/{doc}/timeline", "/api/documents/{doc}/map",
              "/api/documents/{doc}/network", "/api/documents/{doc}/works", "/api/documents/{doc}/reader",
              "/api/documents/{doc}/entities/{entity}", "/api/search", "/api/config"):
        assert p in paths, p
    assert spec["paths"]["/api/documents/{doc}/timeline"]["get"]["responses"]["404"]
    assert not any(p.startswith("/doc/") for p in paths)
    assert client.get("/docs").headers["content-type"].startswith("text/html")
    assert ok(client.get("/api"))["openapi"] == "/openapi.json"


def test_tiles_are_opt_in_and_widen_only_img_src(db):
    with TestClient(create_app(db, tiles="https://tile.example.org/{z}/{x}/{y}.png"), base_url="http://127.0.0.1") as c:
        csp = c.get("/").headers["content-security-policy"]
        assert "img-src 'self' data: https://tile.example.org;" in csp and "connect-src 'self';" in csp
        assert ok(c.get("/api/documents/ada-example.txt/map"))["tiles"].startswith("https://tile.example.org/")


# -- the database changes under a running server ---------------------------------------------


def test_a_concurrent_ingest_is_seen(tmp_path):
    path = build_db(tmp_path / "live.db")
    with TestClient(create_app(path), base_url="http://127.0.0.1") as c:
        before = ok(c.get("/api/documents/ada-example.txt/timeline"))
        assert len(before["events"]) == 8
        events = lambda: next(d for d in ok(c.get("/api/documents"))["documents"] if d["name"] == "ada-example.txt")["counts"]["events"]  # noqa: E731
        assert events() == 9
        with Store(path) as writer:  # a second process re-extracts while the server runs
            ada = writer.load("ada-example.txt")
            rec = writer.record("ada-example.txt")
            writer.add_record("ada-example.txt", Record(rec.document, rec.subject, rec.mentions, rec.entities, rec.times,
                                                        rec.places, rec.works, rec.claims, rec.events[:2], "test"))
            writer.save_document(vitagraph.read_text("= New =\n\nA new biography about Oslo.\n", "new.txt"))
        assert len(ok(c.get("/api/documents/ada-example.txt/timeline"))["events"]) == 2
        assert events() == 2  # the cached counts went with the change
        assert ok(c.get("/api/documents"))["total"] == 4
        assert ok(c.get("/api/search", params={"q": "oslo"}))["documents"][0]["name"] == "new.txt"
        assert ada.name == "ada-example.txt"


def test_search_index_follows_removal_and_replacement(tmp_path):
    path = build_db(tmp_path / "fts.db")
    with Store(path) as store:
        store.remove("bare.txt")
        store.save_document(vitagraph.read_text("= Ada Example =\n\nNow about Vienna only.\n", "ada-example.txt"))
        fts = queries.fts_query
        assert queries.search_documents(store.conn, fts("lisbon"))[0] == 0
        assert queries.search_documents(store.conn, fts("babbage"))[0] == 0
        assert queries.search_documents(store.conn, fts("vienna"))[1][0]["name"] == "ada-example.txt"
        store.conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")


def test_migration_3_indexes_documents_stored_before_it(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    from vitagraph.store.migrations import statements

    for number, name, script in MIGRATIONS[:2]:
        for stmt in statements(script):
            conn.execute(stmt)
        conn.execute("INSERT INTO migrations VALUES (?, ?, 'then')", (number, name))
    conn.execute("INSERT INTO documents (name, format, encoding, sha256, source_offsets, chars, text, ingested_at)"
                 " VALUES ('old.txt', 'text', 'utf-8', 'abc', 1, 20, 'An old text on Kyoto', 'then')")
    conn.close()
    with Store(path) as store:
        total, rows = queries.search_documents(store.conn, queries.fts_query("kyoto"))
        assert total == 1 and rows[0]["name"] == "old.txt"


# -- pieces ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("value, label", [
    ("1890-12-30", "30 December 1890"), ("1928-03", "March 1928"), ("1928", "1928"), ("1928?", "1928?"),
    ("1928~", "c. 1928"), ("1928%", "c. 1928?"), ("192X", "1920s"), ("19XX", "1900–1999"), ("-0043", "44 BC"),
    ("1941-24", "winter 1941"), ("1933/1936", "1933 – 1936"), ("../1917", "until 1917"), ("1967/..", "1967 onwards"),
    ("1933/", "1933 – ?"), ("[1921,1922]", "1921 or 1922"), ("{1921,1925..1927}", "1921 and 1925 to 1927"),
    (None, "undated"), ("nonsense", "nonsense"),
])
def test_describe(value, label):
    assert describe(value) == label


def test_drawable_numbers():
    assert drawable("1928") | {} == drawable("1928")
    d = drawable("2000-03-01")
    assert d["shape"] == "point" and d["lo"] == pytest.approx(2000 + 60 / 366) and d["hi"] == pytest.approx(2000 + 61 / 366)
    assert drawable("1933/")["hi"] is None and not drawable("1933/")["open_hi"]
    assert drawable("192X")["precision"] == "decade"
    assert drawable(None) is None and drawable("garbage") is None
    assert drawable("1941-24")["hi"] > 1942  # winter runs into the next year


def test_views_use_the_stored_sentences_and_split_when_there_are_none(db):
    with Store(db, readonly=True) as store:
        row = store.find("ada-example.txt")
        stored = queries.sentence_spans(store.conn, row.id)
        view = DocView(row.id, store.load(row.id), store.record(row.id), stored)
        bare = store.find("bare.txt")
        bare_view = DocView(bare.id, store.load(bare.id), None, queries.sentence_spans(store.conn, bare.id))
    assert stored and set(map(tuple, stored)) <= set(view.sentences)
    text = view.document.text
    assert "Early life" in [text[a:b] for a, b in view.sentences]  # headings frame themselves
    assert [bare_view.document.text[a:b] for a, b in bare_view.sentences][-1] == "Nothing was extracted from this one, about Lisbon."


def test_docview_sentence_of_spans_across_sentences(db):
    with Store(db, readonly=True) as store:
        row = store.find("ada-example.txt")
        view = DocView(row.id, store.load(row.id), store.record(row.id), queries.sentence_spans(store.conn, row.id))
    text = view.document.text
    a = text.index("Turin")
    b = text.index("Until 1835") + 5
    s0, s1 = view.sentence_of(a, b)
    assert text[s0:s1].startswith("She may have visited") and text[s0:s1].endswith("Mary Somerville.")


def test_serve_command_checks_its_options(tmp_path):
    from typer.testing import CliRunner

    from vitagraph.cli import app
    from vitagraph.cli.serve import is_loopback, prepare

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.db"), "--tiles", "http://insecure/{z}/{x}/{y}"])
    assert result.exit_code == 2 and "https URL template" in result.output
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost") and not is_loopback("0.0.0.0")
    assert prepare(tmp_path / "empty.db", sample=False) == 0
    assert prepare(build_db(tmp_path / "full.db")) == 3  # not empty: nothing ingested


# -- the real Victor Serge record ----------------------------------------------------------------


@pytest.mark.model
def test_serge_views_have_what_the_explorer_promises(serge_client):
    c = serge_client
    tl = ok(c.get("/api/documents/victor-serge.txt/timeline"), schemas.Timeline)
    items = tl["events"] + tl["dates"]
    arrival = [i for i in items if i["time"]["lo"] is not None and 1919 <= i["time"]["lo"] < 1920
               and "arriv" in i["quote"] and "Petrograd" in i["quote"]]
    assert arrival, "the 1919 arrival in Petrograd is on the timeline"
    map_ = ok(c.get("/api/documents/victor-serge.txt/map"), schemas.MapData)
    orenburg = next(p for p in map_["places"] if p["name"] == "Orenburg")
    assert 51 < orenburg["lat"] < 52.5 and 54 < orenburg["lon"] < 56
    net = ok(c.get("/api/documents/victor-serge.txt/network"), schemas.Network)
    trotsky = next(n for n in net["nodes"] if "Trotsky" in n["name"] and n["label"] == "PERSON")
    assert any(trotsky["id"] in (e["source"], e["target"]) and net["subject"] in (e["source"], e["target"]) for e in net["edges"])
    works = ok(c.get("/api/documents/victor-serge.txt/works"), schemas.Works)
    assert any(w["title"] == "Men in Prison" for w in works["works"])
    ok(c.get("/api/documents/victor-serge.txt/reader"), schemas.Reader)
    ok(c.get(f"/api/documents/victor-serge.txt/entities/{trotsky['id']}"), schemas.EntityDetail)
    assert ok(c.get("/api/search", params={"q": "Kronstadt"}))["documents"][0]["name"] == "victor-serge.txt"
