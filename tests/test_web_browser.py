"""The explorer in a real browser: Playwright driving Debian's headless Chromium.

uvicorn serves the real Victor Serge record (plus a document full of markup)
on a free loopback port in a thread. Every test fails on a console error, an
uncaught exception, a JavaScript dialog, or a request to any other host.

Set VITAGRAPH_SCREENSHOTS=docs to (re)write the README's screenshots.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")

from test_web import build_db, build_serge  # noqa: E402  (same session cache as the API tests)

import uvicorn  # noqa: E402

from vitagraph.web import create_app  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.model]

CHROMIUM = os.environ.get("VITAGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = os.environ.get("VITAGRAPH_SCREENSHOTS")

if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is missing: run scripts/install-chromium.sh", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """uvicorn in a thread, on a free loopback port."""

    def __init__(self, db: Path, **options) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        if "tiles" in options:
            options["tiles"] = options["tiles"].replace("{base}", self.url)
        config = uvicorn.Config(create_app(db, **options), host="127.0.0.1", port=self.port, log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with Server(build_serge(tmp_path_factory.mktemp("serge-browser"))) as s:
        yield s.url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, base_url=server)
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(f"uncaught: {e}"))
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))

    def only_loopback(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            problems.append(f"request to another host: {route.request.url}")
            route.abort()

    pg.route("**/*", only_loopback)
    pg.problems = problems
    yield pg
    context.close()
    assert problems == [], problems


def open_view(page, path: str) -> None:
    page.goto(path)
    page.wait_for_selector("body[data-ready=true]", timeout=15_000)


def shoot(page, name: str, *, top: bool = False) -> None:
    if SHOTS:
        if top:
            page.evaluate("() => document.getElementById('view-pane').scrollTo(0, 0)")
        page.wait_for_timeout(400)
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"explorer-{name}.png"))


def wait_in_reader_view(page, selector: str) -> None:
    """Wait (smooth scrolling takes a moment) until the first match is inside the reader's visible area."""
    page.wait_for_function(
        """(sel) => {
            const el = document.querySelector(sel);
            const box = document.querySelector('.reader-scroll');
            if (!el || !box) return false;
            const r = el.getBoundingClientRect(), b = box.getBoundingClientRect();
            return r.top >= b.top - 1 && r.bottom <= b.bottom + 1 && r.height > 0;
        }""",
        arg=selector,
        timeout=5_000,
    )


def test_home_lists_the_documents(page):
    open_view(page, "/")
    row = page.locator("table.docs-table tbody tr", has_text="Victor Serge")
    sync_api.expect(row).to_have_count(1)
    shoot(page, "home")
    row.locator("a", has_text="Victor Serge").first.click()
    page.wait_for_url("**/doc/victor-serge.txt/timeline")
    sync_api.expect(page.locator("svg.timeline")).to_be_visible()


def test_timeline_has_the_1919_arrival_and_a_click_shows_its_sentence(page, server):
    open_view(page, "/doc/victor-serge.txt/timeline")
    data = page.request.get(f"{server}/api/documents/victor-serge.txt/timeline").json()
    candidates = [i for i in data["events"] + data["dates"]
                  if i["time"]["lo"] is not None and 1919 <= i["time"]["lo"] < 1920
                  and "arriv" in i["quote"] and "Petrograd" in i["quote"]]
    assert candidates, "no 1919 arrival in Petrograd in the timeline data"
    item = next((c for c in candidates if c["layer"] == "event"), candidates[0])
    if item["layer"] == "date":
        chip = page.locator("button.chip-dates")
        if chip.get_attribute("aria-pressed") != "true":
            chip.click()
    target = page.locator(f'svg.timeline g.item[data-id="{item["id"]}"]')
    sync_api.expect(target).to_have_count(1)
    assert "1919" in target.get_attribute("aria-label")
    target.click()
    sync_api.expect(target).to_have_class(__import__("re").compile(r"\bsel\b"))
    sentence = page.locator(".reader .s.sel-sentence").first
    sync_api.expect(sentence).to_contain_text("Petrograd")
    wait_in_reader_view(page, ".reader .s.sel-sentence")
    assert "#sel=" in page.url
    shoot(page, "timeline")


def test_timeline_filters_by_event_type(page):
    open_view(page, "/doc/victor-serge.txt/timeline")
    chip = page.locator(".chips button.chip[data-type]").first
    kind = chip.get_attribute("data-type")
    before = page.locator("svg.timeline g.item").count()
    chip.click()
    sync_api.expect(chip).to_have_attribute("aria-pressed", "false")
    assert page.locator("svg.timeline g.item").count() < before, kind


def test_map_has_orenburg_and_selecting_it_highlights_everywhere(page):
    open_view(page, "/doc/victor-serge.txt/map")
    marker = page.locator('svg.map g.marker[aria-label^="Orenburg"]')
    sync_api.expect(marker).to_have_count(1)
    assert page.locator("svg.map .land path").count() > 100  # the shipped basemap
    assert page.locator("svg.map path.route").count() >= 3  # the itinerary
    page.locator("table.data button", has_text="Orenburg").click()
    sync_api.expect(marker).to_have_class(__import__("re").compile(r"\bsel\b"))
    sync_api.expect(page.locator(".reader .a.sel").first).to_contain_text("Orenburg")
    shoot(page, "map", top=True)
    # The selection follows to the timeline: events at Orenburg stand out there.
    page.locator("a.tab", has_text="Timeline").click()
    sync_api.expect(page.locator("svg.timeline g.item.related").first).to_be_visible()
    assert "sel=entity:place:orenburg" in page.url


def test_network_has_trotsky_and_a_click_lists_his_mentions(page):
    open_view(page, "/doc/victor-serge.txt/network")
    node = page.locator('svg.network g.node[aria-label^="Leon Trotsky"]')
    sync_api.expect(node).to_have_count(1)
    node.click()
    mentions = page.locator(".entity-panel .mentions li")
    sync_api.expect(mentions.first).to_be_visible()
    assert mentions.count() >= 3
    mentions.nth(2).locator("button").click()
    focus = page.locator(".reader .a.focus").first
    sync_api.expect(focus).to_contain_text("Trotsky")
    wait_in_reader_view(page, ".reader .a.focus")
    shoot(page, "network", top=True)


def test_works_table_has_men_in_prison_sorts_and_links_to_the_text(page):
    open_view(page, "/doc/victor-serge.txt/works")
    row = page.locator("table.works-table tbody tr", has_text="Men in Prison")
    sync_api.expect(row).to_have_count(1)
    sync_api.expect(row).to_contain_text("Richard Greeman")
    title_header = page.locator("table.works-table th[data-key=title]")
    title_header.locator("button").click()
    sync_api.expect(title_header).to_have_attribute("aria-sort", "ascending")
    titles = page.locator("table.works-table tbody .work-title").all_inner_texts()
    assert titles == sorted(titles, key=str.lower)
    row.locator("button.ev-link").nth(1).click()
    focus = page.locator(".reader .a.focus").first
    sync_api.expect(focus).to_contain_text("Men in Prison")
    wait_in_reader_view(page, ".reader .a.focus")
    shoot(page, "works")


def test_reader_hover_shows_what_was_extracted(page):
    open_view(page, "/doc/victor-serge.txt/reader")
    span = page.locator(".reader .a.m-person", has_text="Trotsky").first
    span.scroll_into_view_if_needed()
    span.hover()
    tip = page.locator("#tooltip")
    sync_api.expect(tip).to_be_visible()
    sync_api.expect(tip).to_contain_text("Person")
    sync_api.expect(tip).to_contain_text("Trotsky")
    page.locator(".reader .d", has_text="1919").first.hover()
    sync_api.expect(tip).to_contain_text("EDTF 1919")
    shoot(page, "reader")


def test_search_finds_and_the_reader_marks_the_hits(page):
    open_view(page, "/")
    page.fill(".search-form input", "Kronstadt")
    page.press(".search-form input", "Enter")
    page.wait_for_url("**/search?q=Kronstadt")
    hit = page.locator("ol.hits li").first
    sync_api.expect(hit.locator("mark").first).to_have_text("Kronstadt")
    shoot(page, "search")
    hit.locator("a.hit-title").click()
    sync_api.expect(page.locator(".reader .fh").first).to_be_visible()


def test_a_script_in_a_document_is_shown_as_text(page):
    for view in ("reader", "timeline", "works", "network", "map"):
        open_view(page, f"/doc/xss.txt/{view}")
        page.wait_for_timeout(150)
        assert page.locator("#main script, #main img, #main iframe").count() == 0
    sync_api.expect(page.locator(".doc-title")).to_have_text('<script>alert("title")</script> Eve')
    open_view(page, "/doc/xss.txt/reader")
    sync_api.expect(page.locator(".reader-text")).to_contain_text('wrote <script>alert("body")</script> in Paris')
    sync_api.expect(page.locator(".reader-text")).to_contain_text("<img src=x onerror=alert(1)>")
    open_view(page, "/doc/xss.txt/works")
    sync_api.expect(page.locator(".work-title").first).to_have_text('<script>alert("work")</script>')
    open_view(page, "/search?q=alert")
    sync_api.expect(page.locator("ol.hits")).to_contain_text("<script>")
    assert page.evaluate("() => window.__xss === undefined")


def test_first_render_is_marked(page):
    """The explorer marks its first render (bench/api.py measures it against the 1 s target)."""
    open_view(page, "/doc/victor-serge.txt/timeline")
    page.wait_for_selector(".reader-text")
    ms = page.evaluate("() => performance.getEntriesByName('vitagraph:rendered')[0].startTime")
    assert ms > 0


def test_api_docs_page_renders_without_a_cdn(page):
    open_view(page, "/docs")
    sync_api.expect(page.locator("article.endpoint").first).to_be_visible()
    assert page.locator("article.endpoint").count() >= 9


def test_missing_database_is_explained(browser, tmp_path):
    with Server(tmp_path / "nothing-here.db") as s:
        context = browser.new_context(base_url=s.url)
        pg = context.new_page()
        pg.goto("/")
        sync_api.expect(pg.locator(".status.error")).to_contain_text("does not exist")
        context.close()
    with Server(build_db(tmp_path / "hand.db")) as s:
        context = browser.new_context(base_url=s.url)
        pg = context.new_page()
        pg.goto("/doc/no-such-document/timeline")
        sync_api.expect(pg.locator(".status.error")).to_contain_text("No document")
        context.close()


def test_online_tiles_only_when_opted_in(browser, tmp_path):
    """With tiles configured the map requests them (here from the server itself, standing in
    for a tile host); the user can switch them off again."""
    with Server(build_db(tmp_path / "tiles.db"), tiles="{base}/static/favicon.svg?z={z}&x={x}&y={y}") as s:
        context = browser.new_context(base_url=s.url)
        pg = context.new_page()
        tile_requests: list[str] = []
        pg.on("request", lambda r: tile_requests.append(r.url) if "favicon.svg?z=" in r.url else None)
        pg.goto("/doc/ada-example.txt/map")
        pg.wait_for_selector("body[data-ready=true]")
        sync_api.expect(pg.locator("svg.map .tiles image").first).to_be_attached()
        assert tile_requests
        pg.locator(".tile-toggle input").uncheck()
        sync_api.expect(pg.locator("svg.map .tiles image")).to_have_count(0)
        context.close()


def test_no_tiles_by_default(page):
    open_view(page, "/doc/victor-serge.txt/map")
    assert page.locator("svg.map .tiles image").count() == 0
    assert page.locator(".tile-toggle").count() == 0


def test_a_question_in_the_search_box_is_answered_with_its_citation(page):
    open_view(page, "/")
    page.fill(".search-form input", "When did Serge arrive in Petrograd?")
    page.press(".search-form input", "Enter")
    answer = page.locator("section.answer")
    sync_api.expect(answer).to_be_visible(timeout=15_000)
    sync_api.expect(answer.locator(".answer-text")).to_contain_text("1919")
    cite = answer.locator("ol.citations a").first
    sync_api.expect(cite).to_contain_text("Petrograd")
    shoot(page, "ask")
    cite.click()
    sync_api.expect(page.locator(".reader .fh").first).to_be_visible()


def test_the_download_menu_offers_every_export(page):
    open_view(page, "/doc/victor-serge.txt/timeline")
    page.click(".download summary")
    links = page.locator(".download li a")
    sync_api.expect(links).to_have_count(12)
    with page.expect_download() as info:
        links.filter(has_text="GeoJSON").click()
    assert info.value.suggested_filename == "victor-serge.geojson"
