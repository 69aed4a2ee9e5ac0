"""Question answering: accuracy on the question files, and latency on a corpus of 1,000 biographies.

    .venv/bin/python bench/qa.py                     # accuracy on every question file
    .venv/bin/python bench/qa.py --latency 1000      # and p50/p95 per question, warm, 1,000 documents
    .venv/bin/python bench/qa.py --corpus            # also without each question's document hint

Accuracy: the Victor Serge sample and the fixture biographies are extracted
(spaCy, a few seconds each) into a database kept in --workdir; the questions
(``../shared/eval/qa/*.jsonl``, ``tests/fixtures/bios/*.qa.jsonl``,
``tests/fixtures/qa/*.jsonl``) are answered and scored with
``../shared/eval/score_qa.py``'s own functions. A document whose extraction
fails is stored without a record (answered from its sentences alone) and
reported.

Latency: the same six documents plus synthetic biographies with synthetic
records (no spaCy) up to --latency documents; every question is asked once
to warm up, then timed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import vitagraph  # noqa: E402
from vitagraph.model import Entity, Event, Evidence, Mention, Record, Subject, TimeExpr, Work  # noqa: E402
from vitagraph.nlp import edtf  # noqa: E402
from vitagraph.query import answer, answer_many  # noqa: E402
from vitagraph.store import Store  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
BIOS = ROOT / "tests" / "fixtures" / "bios"
EXTRA = ROOT / "tests" / "fixtures" / "qa"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_qa", EVAL / "score_qa.py")
    mod = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(EVAL))
    spec.loader.exec_module(mod)
    return mod


def sources() -> dict[str, Path]:
    out = {"victor-serge.txt": vitagraph.sample_path()}
    out.update({p.name: p for p in sorted(BIOS.glob("*.txt"))})
    return out


def build_db(path: Path, rebuild: bool = False) -> list[str]:
    """Extract the sample and the fixture biographies into path; return problems."""
    problems: list[str] = []
    if path.exists() and not rebuild:
        return problems
    if path.exists():
        path.unlink()
    from vitagraph.nlp import Extractor

    ex = Extractor()
    with Store(path) as store:
        for name, p in sources().items():
            doc = vitagraph.read(p)
            try:
                record = ex(doc)
            except Exception as exc:  # the extractor is a work in progress: answer from the text alone
                problems.append(f"{name}: extraction failed ({type(exc).__name__}: {exc}); stored without a record")
                record = None
            store.save(doc, record)
    return problems


def question_files(extra: list[str]) -> list[Path]:
    if extra:
        return [Path(x) for x in extra]
    return sorted(EVAL.glob("qa/*.jsonl")) + sorted(BIOS.glob("*.qa.jsonl")) + sorted(EXTRA.glob("*.jsonl"))


def score(store: Store, qfile: Path, scorer, texts: dict[str, str], use_document: bool) -> dict:
    qs = [json.loads(line) for line in qfile.read_text(encoding="utf-8").splitlines() if line.strip()]
    t0 = time.perf_counter()
    preds = answer_many(store, qs, use_document=use_document)
    ms = (time.perf_counter() - t0) * 1000 / max(1, len(qs))
    cache = dict(texts)
    ok = cit = cit_n = none_n = none_ok = 0
    misses = []
    for q, p in zip(qs, preds):
        good = scorer.answer_ok(q, p)
        ok += good
        if q.get("answers"):
            cit_n += 1
            cit += scorer.citation_ok(q, p, Path("."), cache)
        else:
            none_n += 1
            none_ok += p.get("found") is False
        if not good:
            misses.append(f"{q['id']}: {q['q']} -> {p.get('value')!r}")
    return {"file": str(qfile.relative_to(ROOT.parent)) if qfile.is_relative_to(ROOT.parent) else str(qfile),
            "questions": len(qs), "answer_accuracy": round(ok / len(qs), 3) if qs else None,
            "citation_accuracy": round(cit / cit_n, 3) if cit_n else None,
            "unanswerable_found_false": f"{none_ok}/{none_n}", "ms_per_question": round(ms, 1), "misses": misses}


# --------------------------------------------------------------------------- synthetic corpus

_SYL = ["an", "ber", "cor", "dal", "el", "fen", "gar", "hol", "is", "jun", "kes", "lor", "mar", "nov", "or",
        "pel", "quin", "ros", "sal", "tor", "ul", "ven", "wil", "yar", "zel"]
CITIES = ["Paris", "Vienna", "Lisbon", "Kraków", "Odessa", "Buenos Aires", "Cairo", "Kyoto", "Toronto", "Dakar",
          "Mumbai", "Oslo", "Naples", "Tbilisi", "Brussels", "Prague", "Lyon", "Seville"]
ORGS = ["Royal Society", "Academy of Sciences", "Workers' Union", "National Theatre", "Geographic Society"]
JOBS = ["painter", "chemist", "poet", "engineer", "composer", "journalist", "botanist", "architect"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def _name(r: random.Random) -> str:
    word = lambda: "".join(r.choice(_SYL) for _ in range(r.randint(2, 3))).capitalize()  # noqa: E731
    return f"{word()} {word()}"


def synthetic(i: int) -> tuple[str, str, dict]:
    """A corpus-format biography and the facts it states."""
    r = random.Random(i)
    name = _name(r)
    surname = name.split()[1]
    born = r.randint(1700, 1950)
    home = r.choice(CITIES)
    lines = [f"= {name} =", "", "Infobox", f"- Born: {born}", f"- Birthplace: {home}", "",
             f"{name} ({born} – {born + r.randint(30, 90)}) was a {r.choice(JOBS)} from {home}.", "",
             "==Life==", f"{surname} was born in {home} in {born}."]
    year = born + 18
    facts = {"name": name, "born": born, "home": home, "moves": []}
    for _ in range(r.randint(8, 20)):
        year += r.randint(1, 3)
        city, org, friend = r.choice(CITIES), r.choice(ORGS), _name(r)
        month = r.choice(MONTHS)
        lines.append(f"In {month} {year}, {surname} moved to {city}, where {r.choice(['she', 'he'])} joined the "
                     f"{org} and met {friend}. The work continued there for {r.randint(2, 9)} years.")
        facts["moves"].append((city, f"{year}-{MONTHS.index(month) + 1:02d}", friend))
    lines += ["", "==Works==", "===Books==="]
    for w in range(r.randint(2, 6)):
        lines.append(f"- Book of {r.choice(CITIES)} {w} ({born + 25 + w}) Translator: {_name(r)}; {r.choice(CITIES)}: Press.")
    return f"synthetic-{i:05d}.txt", "\n".join(lines) + "\n", facts


def synthetic_record(doc, facts: dict) -> Record:
    """A record like the extractor's, made by pattern (no spaCy)."""
    text = doc.text
    mentions, entities, times, events = [], {}, [], []
    subject_id = "person:subject"

    def ent(eid, label, nm):
        e = entities.get(eid)
        entities[eid] = Entity(eid, label, nm, (), (e.mentions if e else 0) + 1, eid == subject_id)

    surname = facts["name"].split()[1]
    for m in re.finditer(re.escape(facts["name"]) + "|" + re.escape(surname), text):
        mentions.append(Mention(m.start(), m.end(), m.group(), "PERSON", subject_id, "ner"))
        ent(subject_id, "PERSON", facts["name"])
    for city in CITIES:
        for m in re.finditer(re.escape(city), text):
            eid = "place:" + city.lower().replace(" ", "-")
            mentions.append(Mention(m.start(), m.end(), city, "PLACE", eid, "ner"))
            ent(eid, "PLACE", city)
    for org in ORGS:
        for m in re.finditer(re.escape(org), text):
            eid = "org:" + org.lower().replace(" ", "-").replace("'", "")
            mentions.append(Mention(m.start(), m.end(), org, "ORG", eid, "ner"))
            ent(eid, "ORG", org)
    for m in re.finditer(r"met ([A-Z][a-z]+ [A-Z][a-z]+)", text):
        eid = "person:" + m.group(1).lower().replace(" ", "-")
        mentions.append(Mention(m.start(1), m.end(1), m.group(1), "PERSON", eid, "ner"))
        ent(eid, "PERSON", m.group(1))
    for p in doc.paragraphs:
        for t in edtf.scan(text[p.span.start:p.span.end]):
            times.append(TimeExpr(p.span.start + t.start, p.span.start + t.end, t.text, t.value, t.kind))
    for m in re.finditer(r"In (\w+ \d{4}), \w+ moved to ([A-Z][\w ]+?),", text):
        value = edtf.normalize(m.group(1))
        place = "place:" + m.group(2).lower().replace(" ", "-")
        events.append(Event("moved", value, place, (), Evidence(m.start(), m.end())))
    works = []
    for i, m in enumerate(re.finditer(r"^- (Book of [\w ]+?) \((\d{4})\) Translator: ([\w ]+);", text, re.M)):
        ev = Evidence(m.start() + 2, m.end())
        works.append(Work(f"work:{i}", m.group(1), m.group(2), "book", (m.group(3),), evidence=(ev,)))
    mentions.sort(key=lambda x: x.start)
    subject = Subject(subject_id, facts["name"], (surname,), None, str(facts["born"]), facts["home"])
    return Record(doc.name, subject, tuple(mentions), tuple(entities.values()), tuple(times), (), tuple(works),
                  (), tuple(events), vitagraph.__version__)


def renamed_copy(doc, record: Record, k: int):
    """A real biography with its subject renamed (same lengths, so every offset holds): a
    full-size document with a full record, without running spaCy again."""
    import dataclasses

    r = random.Random(k)
    subject = record.subject
    names = sorted({w for n in [subject.name, *subject.aliases, doc.title or ""] for w in re.findall(r"[^\W\d_]{3,}", n)
                    if w[0].isupper()}, key=len, reverse=True)
    table = {w: w[0] + "".join(r.choice("aeioulnrst") for _ in w[1:]) for w in names}
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b") if names else None
    swap = (lambda t: pattern.sub(lambda m: table[m.group(1)], t)) if pattern else (lambda t: t)
    stem_ = doc.name.rsplit(".", 1)[0]
    new = vitagraph.read_text(swap(doc.text), f"{stem_}-copy-{k:04d}.txt")
    mentions = tuple(dataclasses.replace(m, text=new.text[m.start:m.end]) for m in record.mentions)
    subj = dataclasses.replace(subject, name=swap(subject.name), aliases=tuple(swap(a) for a in subject.aliases))
    entities = tuple(dataclasses.replace(e, name=swap(e.name), aliases=tuple(swap(a) for a in e.aliases)) for e in record.entities)
    times = tuple(dataclasses.replace(t, text=new.text[t.start:t.end]) for t in record.times)
    return new, dataclasses.replace(record, document=new.name, subject=subj, mentions=mentions, entities=entities,
                                    times=times)


def latency(n: int, workdir: Path, real_db: Path) -> dict:
    """Half the corpus: renamed copies of the real biographies (150-250 sentences each);
    half: short synthetic ones."""
    path = workdir / f"latency-{n}.db"
    facts_all = {}
    if not path.exists():
        import shutil

        shutil.copy(real_db, path)
        with Store(path) as store:
            originals = []
            for row in store.documents():
                rec = store.record(row.id)
                if rec is not None and rec.subject is not None:
                    originals.append((store.load(row.id), rec))
            k = 0
            while originals and store.count() < n // 2:
                doc, rec = originals[k % len(originals)]
                new, new_rec = renamed_copy(doc, rec, k)
                store.save(new, new_rec)
                k += 1
            for i in range(n - store.count()):
                name, text, facts = synthetic(i)
                doc = vitagraph.read_text(text, name)
                store.save(doc, synthetic_record(doc, facts))
    for i in range(n - n // 2):
        _, _, facts = synthetic(i)
        facts_all[i] = facts
    qs = [json.loads(line)["q"] for f in question_files([]) for line in f.read_text(encoding="utf-8").splitlines()
          if line.strip()]
    r = random.Random(7)
    for i in r.sample(sorted(facts_all), min(60, len(facts_all))):
        f = facts_all[i]
        city, month, friend = r.choice(f["moves"])
        qs += [f"When did {f['name']} move to {city}?", f"Where was {f['name']} born?",
               f"Who did {f['name'].split()[1]} meet in {city}?"]
    qs += ["Who was born in Brussels?", "Who was born in Vienna?", "Who died in Amsterdam?"]
    with Store(path) as store:
        for q in qs:  # warm-up: caches, pages
            answer(store, q)
        times_ms = []
        for q in qs:
            t0 = time.perf_counter()
            answer(store, q)
            times_ms.append((time.perf_counter() - t0) * 1000)
        docs = store.count()
        sentences = store.conn.execute("SELECT count(*) FROM sentences").fetchone()[0]
    times_ms.sort()
    return {"documents": docs, "sentences": sentences, "questions": len(qs), "p50_ms": round(statistics.median(times_ms), 1),
            "p95_ms": round(times_ms[int(0.95 * (len(times_ms) - 1))], 1), "max_ms": round(times_ms[-1], 1)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("questions", nargs="*", help="question files (default: all)")
    ap.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "vitagraph-bench-qa"),
                    help="where the databases are kept (reused between runs; --rebuild to extract again)")
    ap.add_argument("--rebuild", action="store_true", help="extract the biographies again")
    ap.add_argument("--corpus", action="store_true", help="also answer without each question's document")
    ap.add_argument("--latency", type=int, default=0, metavar="N", help="time questions on N documents")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    a = ap.parse_args(argv)
    workdir = Path(a.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "accuracy.db"
    problems = build_db(db, a.rebuild)
    scorer = load_scorer()
    texts = {name: p.read_text(encoding="utf-8") for name, p in sources().items()}
    report = {"problems": problems, "sets": []}
    with Store(db) as store:
        for f in question_files(a.questions):
            report["sets"].append({**score(store, f, scorer, texts, True), "mode": "document"})
            if a.corpus:
                report["sets"].append({**score(store, f, scorer, texts, False), "mode": "corpus"})
    if a.latency:
        report["latency"] = latency(a.latency, workdir, db)
    if a.json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
        return 0
    for p in problems:
        print("note:", p)
    for s in report["sets"]:
        print(f"{s['file']:58} {s['mode']:8} n={s['questions']:3}  answers {s['answer_accuracy']:.3f}  "
              f"citations {s['citation_accuracy'] if s['citation_accuracy'] is not None else '-'}  "
              f"unanswerable found:false {s['unanswerable_found_false']}  {s['ms_per_question']} ms/q")
        if a.verbose:
            for m in s["misses"]:
                print("   miss:", m)
    if "latency" in report:
        lat = report["latency"]
        print(f"latency: {lat['documents']} documents ({lat['sentences']} sentences), {lat['questions']} questions, warm: "
              f"p50 {lat['p50_ms']} ms, p95 {lat['p95_ms']} ms, max {lat['max_ms']} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
