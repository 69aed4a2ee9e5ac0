"""Explorer API latency under load, on a database of 1,000 generated biographies.

Builds the database (generated Documents and Records with real offsets, so no
spaCy run per biography; the real Victor Serge record is added once), starts
``vitagraph serve`` on a free loopback port, and drives every endpoint with a
small keep-alive HTTP/1.1 load generator (asyncio, C concurrent connections,
a fixed number of requests, each run bounded in time). Documents are picked
at random, so most requests miss the server's view cache: the cold case.
Then, if Debian's chromium and Playwright are there, the explorer's first
render (navigation to a drawn timeline) is timed in a real browser.

    .venv/bin/python bench/api.py [--docs 1000] [--requests 300] [--concurrency 4] [--db FILE]

Targets: p95 <= 50 ms per endpoint, first render <= 1 s. Only loopback traffic.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import vitagraph
from vitagraph.model import Claim, Entity, Event, Evidence, Mention, Place, Record, Subject, TimeExpr, Work
from vitagraph.store import Store

TARGET_MS = 50.0
RENDER_TARGET_MS = 1000.0
ROOT = Path(__file__).resolve().parents[1]

FIRST = ["Anna", "Boris", "Clara", "David", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kemal", "Lena",
         "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tamar", "Ugo", "Vera", "Wanda", "Yusuf"]
LAST = ["Novak", "Berg", "Costa", "Dumas", "Ekberg", "Farouk", "Gallo", "Hayashi", "Ibarra", "Jensen", "Kaya", "Lind",
        "Moreau", "Nair", "Olsen", "Petrov", "Quist", "Rossi", "Sato", "Tanaka", "Urban", "Vogel", "Weber", "Zelenko"]
CITIES = [("Paris", 48.85, 2.35, "FR"), ("Vienna", 48.21, 16.37, "AT"), ("Lisbon", 38.72, -9.14, "PT"),
          ("Kraków", 50.06, 19.94, "PL"), ("Odessa", 46.48, 30.73, "UA"), ("Buenos Aires", -34.61, -58.38, "AR"),
          ("Cairo", 30.04, 31.24, "EG"), ("Kyoto", 35.01, 135.77, "JP"), ("Toronto", 43.65, -79.38, "CA"),
          ("Dakar", 14.69, -17.44, "SN"), ("Mumbai", 19.08, 72.88, "IN"), ("Oslo", 59.91, 10.75, "NO"),
          ("Naples", 40.85, 14.27, "IT"), ("Tbilisi", 41.72, 44.79, "GE"), ("Berlin", 52.52, 13.40, "DE"),
          ("Mexico City", 19.43, -99.13, "MX"), ("Prague", 50.08, 14.44, "CZ"), ("Madrid", 40.42, -3.70, "ES")]
ORGS = ["Royal Society", "Academy of Sciences", "Workers' Union", "National Theatre", "Geographic Society",
        "Free University", "Artists' League", "Chemical Institute", "Writers' Circle", "Peace Committee"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
VERBS = [("moved", "moved to"), ("joined", "joined"), ("worked", "worked in"), ("studied", "studied in"),
         ("traveled", "traveled to"), ("exiled", "was exiled to"), ("imprisoned", "was imprisoned in")]
NOUNS = ["River", "Night", "Glass", "Harbour", "Winter", "Letters", "Machine", "Garden", "Silence", "Bridge", "Salt", "Light"]
WORDS = ["notebook", "archive", "revolution", "harbour", "theatre", "laboratory", "congress", "manifesto",
         "railway", "orchestra", "expedition", "newspaper", "pamphlet", "exile", "museum"]


def slug(s: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in s.lower()).strip("-")


class Writer:
    """Text in the corpus format, with every extracted span recorded as it is written."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.mentions: list[Mention] = []
        self.times: list[TimeExpr] = []
        self.counts: dict[str, int] = {}

    def add(self, s: str) -> tuple[int, int]:
        a = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return a, self.pos

    def mention(self, s: str, label: str, entity: str, component: str = "ner") -> tuple[int, int]:
        a, b = self.add(s)
        self.mentions.append(Mention(a, b, s, label, entity, component))
        self.counts[entity] = self.counts.get(entity, 0) + 1
        return a, b

    def time(self, s: str, value: str, kind: str = "date") -> tuple[int, int]:
        a, b = self.add(s)
        self.times.append(TimeExpr(a, b, s, value, kind))
        return a, b

    @property
    def text(self) -> str:
        return "".join(self.parts)


def biography(i: int) -> tuple[vitagraph.Document, Record]:
    """One generated biography of ~15-25 KB with its Record: mentions, events, places, works."""
    r = random.Random(i)
    first, last = r.choice(FIRST), r.choice(LAST)
    name = f"{first} {last} {i}"
    subject = "person:subject"
    born = r.randint(1780, 1950)
    home = r.choice(CITIES)
    w = Writer()
    w.add(f"= {name} =\n\nInfobox\n- Born: {born}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}\n- Birthplace: ")
    w.mention(home[0], "PLACE", f"place:{slug(home[0])}", "infobox")
    w.add("\n\n")
    people = [f"{r.choice(FIRST)} {r.choice(LAST)}" for _ in range(40)]
    events: list[Event] = []
    places: dict[str, tuple] = {home[0]: home}
    orgs: set[str] = set()
    a0, _ = w.mention(name, "PERSON", subject)
    w.add(f" ({born} – {born + 70}) was a writer from ")
    w.mention(home[0], "PLACE", f"place:{slug(home[0])}")
    w.add(".\n\n")
    events.append(Event("born", str(born), home[0], (), Evidence(a0, w.pos - 3), 0.9))
    year = born + 18
    n_sections = r.randint(5, 8)
    for sec in range(n_sections):
        w.add(f"=={r.choice(['Early life', 'Career', 'Exile', 'Later years', 'Travels', 'Politics'])} {sec + 1}==\n")
        for _ in range(r.randint(3, 5)):
            for _ in range(r.randint(3, 5)):
                year += r.randint(0, 2)
                city = r.choice(CITIES)
                places[city[0]] = city
                org = r.choice(ORGS)
                orgs.add(org)
                p1, p2 = r.sample(people, 2)
                kind, verb = r.choice(VERBS)
                start = w.pos
                style = r.random()
                if style < 0.5:
                    month = r.randint(1, 12)
                    w.add("In ")
                    w.time(f"{MONTHS[month - 1]} {year}", f"{year}-{month:02d}")
                    date = f"{year}-{month:02d}"
                    w.add(", ")
                    w.mention(last, "PERSON", subject, "coref")
                    w.add(f" {verb} ")
                elif style < 0.8:
                    y2 = year + r.randint(1, 4)
                    w.time(f"From {year} to {y2}", f"{year}/{y2}", "interval")
                    date = f"{year}/{y2}"
                    w.add(" ")
                    w.mention(r.choice(["she", "he"]), "PERSON", subject, "coref")
                    w.add(f" {verb} ")
                else:
                    w.add(f"{r.choice(['Probably', 'Perhaps'])} ")
                    w.time(f"around {year}", f"{year}~")
                    date = f"{year}~"
                    w.add(" ")
                    w.mention(last, "PERSON", subject, "coref")
                    w.add(f" {verb} ")
                w.mention(city[0], "PLACE", f"place:{slug(city[0])}")
                w.add(", where the ")
                w.mention(org, "ORG", f"org:{slug(org)}")
                w.add(f" and {r.choice(WORDS)} brought meetings with ")
                w.mention(p1, "PERSON", f"person:{slug(p1)}")
                w.add(" and ")
                w.mention(p2, "PERSON", f"person:{slug(p2)}")
                w.add(".")
                events.append(Event(kind, date, f"place:{slug(city[0])}",
                                    (f"person:{slug(p1)}", f"person:{slug(p2)}", f"org:{slug(org)}"),
                                    Evidence(start, w.pos), round(r.uniform(0.4, 0.95), 2)))
                w.add(f" The {r.choice(WORDS)} of those years is described in letters and {r.choice(WORDS)}s. ")
            w.add("\n")
    w.add("==Works==\n")
    works = []
    for k in range(r.randint(8, 20)):
        title = f"The {r.choice(NOUNS)} of {r.choice(CITIES)[0]}"
        wy = born + 20 + k * 2
        tr = r.choice(people)
        start = w.pos
        w.add("- ")
        w.mention(title, "WORK", f"work:{k}", "works_list")
        w.add(f" ({wy}) Translator: ")
        w.mention(tr, "PERSON", f"person:{slug(tr)}", "works_list")
        w.add(f"; {r.choice(CITIES)[0]}: {r.choice(NOUNS)} Press.\n")
        works.append(Work(f"work:{k}", title, str(wy), r.choice(["novel", "poetry", "essay"]), (tr,), (),
                          f"{r.choice(NOUNS)} Press", None, None, str(wy), (), (Evidence(start, w.pos - 1),)))
    doc = vitagraph.read_text(w.text, f"bio-{i:05d}.txt", format="corpus")
    assert all(doc.text[m.start:m.end] == m.text for m in w.mentions[:50]), "offsets drifted"
    names: dict[str, tuple[str, str]] = {subject: (name, "PERSON")}
    for m in w.mentions:
        if m.entity and m.entity not in names and not m.entity.startswith("work:"):
            names[m.entity] = (m.text, m.label)
    entities = tuple(Entity(eid, label, nm, (), w.counts.get(eid, 0), eid == subject) for eid, (nm, label) in names.items())
    place_rows = tuple(Place(f"place:{slug(c[0])}", c[0], "city", c[1], c[2], c[3]) for c in places.values())
    claims = (Claim(people[0], f"person:{slug(people[0])}", "describe", name, None, Evidence(a0, a0 + len(name))),)
    record = Record(doc.name, Subject(subject, name, (last,), None, events[0].date, home[0]), tuple(w.mentions), entities,
                    tuple(w.times), place_rows, tuple(works), claims, tuple(events), "bench")
    return doc, record


def build(db: Path, n: int, with_serge: bool) -> None:
    t = time.perf_counter()
    with Store(db) as store:
        have = store.count()
        for i in range(have if not with_serge else max(0, have - 1), n):
            doc, rec = biography(i)
            store.save(doc, rec)
        if with_serge and store.conn.execute("SELECT 1 FROM documents WHERE name = 'victor-serge.txt'").fetchone() is None:
            from vitagraph.nlp import extract

            doc = vitagraph.read(vitagraph.sample_path())
            store.save(doc, extract(doc))
        size = db.stat().st_size / 1024**2
        print(f"database: {store.count()} documents, {size:.0f} MB, built in {time.perf_counter() - t:.1f} s", flush=True)


# -- the load generator -------------------------------------------------------------------


class Conn:
    """One keep-alive HTTP/1.1 connection: enough client for GETs with Content-Length."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, int]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        body = await self.reader.readexactly(length)
        return status, len(body)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def drive(port: int, paths: list[str], concurrency: int, budget_s: float) -> tuple[list[float], int, float]:
    """Send each path once over ``concurrency`` connections; stop early when over budget."""
    queue = list(reversed(paths))
    lat: list[float] = []
    errors = 0
    deadline = time.perf_counter() + budget_s

    async def worker() -> None:
        nonlocal errors
        c = Conn(port)
        try:
            while queue and time.perf_counter() < deadline:
                path = queue.pop()
                t = time.perf_counter()
                status, _ = await c.get(path)
                lat.append((time.perf_counter() - t) * 1000)
                if status != 200:
                    errors += 1
        finally:
            c.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return lat, errors, time.perf_counter() - t0


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * len(s) + 0.5) - 1))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited: {proc.stdout.read() if proc.stdout else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def endpoint_paths(db: Path, n: int, rng: random.Random) -> dict[str, list[str]]:
    with Store(db, readonly=True) as store:
        names = [r.name for r in store.documents()]
        ents = store.conn.execute(
            "SELECT d.name, e.entity_id FROM entities e JOIN documents d ON d.id = e.document_id"
            " WHERE e.label = 'PERSON' AND NOT e.is_subject ORDER BY random() LIMIT ?", (n,)).fetchall()
    pick = lambda: quote(rng.choice(names), safe="")  # noqa: E731
    words = [w.lower() for w in WORDS + NOUNS + [c[0] for c in CITIES] + LAST]
    out = {
        "/api/documents": [f"/api/documents?offset={rng.randrange(0, 950, 50)}" for _ in range(n)],
        "/api/documents?q=": [f"/api/documents?q={rng.randrange(1000):03d}" for _ in range(n)],
        "/api/documents/{doc}": [f"/api/documents/{pick()}" for _ in range(n)],
    }
    for view in ("timeline", "map", "network", "works", "reader"):
        out[f"/api/documents/{{doc}}/{view}"] = [f"/api/documents/{pick()}/{view}" for _ in range(n)]
    out["/api/documents/{doc}/entities/{id}"] = [f"/api/documents/{quote(d, safe='')}/entities/{quote(e, safe='')}" for d, e in ents]
    out["/api/search?q="] = [f"/api/search?q={quote(' '.join(rng.sample(words, rng.choice((1, 1, 2)))))}" for _ in range(n)]
    out["/ (page shell)"] = ["/doc/victor-serge.txt/timeline"] * n
    out["/static/js/views/timeline.js"] = ["/static/js/views/timeline.js"] * n
    return out


def first_render(url: str, runs: int = 5) -> list[float] | None:
    chromium = os.environ.get("VITAGRAPH_CHROMIUM", "/usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(chromium).exists():
        return None
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=args)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 900})  # a cold cache each time
            page = context.new_page()
            page.goto(url)
            page.wait_for_selector("body[data-ready=true]", timeout=20_000)
            out.append(page.evaluate("() => performance.getEntriesByName('vitagraph:rendered')[0].startTime"))
            context.close()
        browser.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--requests", type=int, default=300, help="requests per endpoint")
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--budget", type=float, default=60.0, help="seconds at most per endpoint")
    ap.add_argument("--db", type=Path, help="reuse (or create) this database instead of a temporary one")
    ap.add_argument("--no-serge", action="store_true", help="do not add the real Victor Serge record (skips spaCy)")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench.db"
    build(db, args.docs, not args.no_serge)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "vitagraph", "serve", "--db", str(db), "--port", str(port), "--no-sample"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    results: dict[str, dict] = {}
    try:
        wait_up(port, proc)
        rng = random.Random(7)
        paths = endpoint_paths(db, args.requests, rng)
        asyncio.run(drive(port, ["/api/documents"] * 20, 2, 10))  # warm up imports and the first connection
        print(f"{args.concurrency} connections to one server process; documents picked at random (cold cache)")
        print(f"{'endpoint':42} {'n':>5} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>7} {'req/s':>7}  target p95 <= {TARGET_MS:.0f} ms")
        for name, plist in paths.items():
            lat, errors, wall = asyncio.run(drive(port, plist, args.concurrency, args.budget))
            row = {"n": len(lat), "errors": errors, "p50": pct(lat, 50), "p95": pct(lat, 95), "p99": pct(lat, 99),
                   "max": max(lat), "rps": len(lat) / wall}
            results[name] = row
            flag = "ok" if row["p95"] <= TARGET_MS and not errors else "OVER" if not errors else f"{errors} ERRORS"
            print(f"{name:42} {row['n']:5d} {row['p50']:7.1f} {row['p95']:7.1f} {row['p99']:7.1f} {row['max']:7.1f} {row['rps']:7.0f}  {flag}", flush=True)
        name = "victor-serge.txt" if not args.no_serge else "bio-00000.txt"
        render = first_render(f"http://127.0.0.1:{port}/doc/{name}/timeline")
        if render is None:
            print("first render: skipped (no Playwright or no /usr/bin/chromium)")
        else:
            med = statistics.median(render)
            results["first render (ms)"] = {"runs": render, "median": med}
            print(f"first render of /doc/{name}/timeline: median {med:.0f} ms over {len(render)} cold loads "
                  f"({', '.join(f'{x:.0f}' for x in render)})  {'ok' if med <= RENDER_TARGET_MS else 'OVER'} (target {RENDER_TARGET_MS:.0f} ms)")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    over = [k for k, v in results.items() if "p95" in v and (v["p95"] > TARGET_MS or v["errors"])]
    print("all endpoints within target" if not over else f"over target: {', '.join(over)}")


if __name__ == "__main__":
    main()
