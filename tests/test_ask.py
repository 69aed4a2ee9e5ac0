"""vitagraph ask without the spaCy model: hand-made records, the index, the reader, the CLI, the LLM check."""

from __future__ import annotations

import http.server
import json
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

import vitagraph
from vitagraph.cli import app
from vitagraph.model import Entity, Event, Evidence, Mention, Record, Subject, TimeExpr, Work
from vitagraph.nlp import edtf
from vitagraph.query import NOT_FOUND, analyze, answer, answer_many
from vitagraph.query.llm import Phraser, parse_reply
from vitagraph.query.text import split_sentences, stem
from vitagraph.store import Store

LENA = """= Lena Varga =

Infobox
- Born: 1871-04-02
- Birthplace: Pécs, Hungary
- Died: 1932-10-05

Lena Varga (2 April 1871 – 5 October 1932) was a Hungarian chemist and translator.

==Early life==
Lena Varga was born on 2 April 1871 in Pécs, Hungary, the daughter of the printer Ferenc Varga. She studied chemistry at the University of Vienna from 1890 to 1894.

==Career==
In May 1896 Varga moved to Zürich, where she worked with Marie Hoff on dyes. She was arrested in Budapest in March 1919 and held for forty days. She never joined the Communist Party. Her friend Ilona Kiss, then editor of the journal Nyugat, published her first essays. In 1905 she married the engineer Pál Kovács. She wrote three books on dyes and sold 400 copies of the first.

==Death==
Varga died in Vienna on 5 October 1932.

==Works==
- Colours of the Danube (1910) Translator: Ann Brook; London: Dent.
"""

OTTO = """= Otto Bern =

Otto Bern (1880 – 1950) was an Austrian painter.

==Life==
Otto Bern was born in Pécs in 1880. He moved to Graz in 1901.
"""


def _mentions(text: str, items: list[tuple[str, str, str]]) -> list[Mention]:
    out = []
    for surface, label, eid in items:
        start = text.find(surface)
        while start >= 0:
            out.append(Mention(start, start + len(surface), surface, label, eid, "ner"))
            start = text.find(surface, start + 1)
    return sorted(out, key=lambda m: m.start)


def _times(text: str) -> list[TimeExpr]:
    return [TimeExpr(m.start, m.end, m.text, m.value, m.kind) for m in edtf.scan(text)]


def lena_record(doc) -> Record:
    t = doc.text
    mentions = _mentions(t, [
        ("Lena Varga", "PERSON", "person:subject"), ("Varga", "PERSON", "person:subject"),
        ("Ferenc Varga", "PERSON", "person:ferenc-varga"), ("Marie Hoff", "PERSON", "person:marie-hoff"),
        ("Ilona Kiss", "PERSON", "person:ilona-kiss"), ("Pál Kovács", "PERSON", "person:pal-kovacs"),
        ("Pécs", "PLACE", "place:pecs"), ("Hungary", "PLACE", "place:hungary"), ("Zürich", "PLACE", "place:zurich"),
        ("Budapest", "PLACE", "place:budapest"), ("Vienna", "PLACE", "place:vienna"),
        ("University of Vienna", "ORG", "org:university-of-vienna"),
        ("Communist Party", "ORG", "org:communist-party"), ("Nyugat", "ORG", "org:nyugat"),
        ("Colours of the Danube", "WORK", "work:0"), ("Ann Brook", "PERSON", "person:ann-brook"),
    ])
    # "Varga" inside "Lena Varga" / "Ferenc Varga" is not a mention of its own
    mentions = [m for m in mentions if not any(o.start <= m.start and m.end <= o.end and o != m and len(o.text) > len(m.text)
                                                for o in mentions)]
    entities = {}
    for m in mentions:
        entities.setdefault(m.entity, Entity(m.entity, m.label, m.text, (), 1, m.entity == "person:subject"))
    arrest = t.index("She was arrested")
    born = t.index("Lena Varga was born")
    moved = t.index("In May 1896")
    died = t.index("Varga died")
    events = (
        Event("born", "1871-04-02", "place:pecs", (), Evidence(born, t.index(".", born))),
        Event("moved", "1896-05", "place:zurich", (), Evidence(moved, t.index(",", moved + 20))),
        Event("arrested", "1919-03", "place:budapest", (), Evidence(arrest, t.index(" and held", arrest))),
        Event("died", "1932-10-05", "place:vienna", (), Evidence(died, t.index(".", died + 12))),
    )
    item = t.index("Colours of the Danube (1910)")
    work = Work("work:0", "Colours of the Danube", "1910", "book", ("Ann Brook",), (), "Dent", "London",
                evidence=(Evidence(item, t.index("\n", item)),))
    subject = Subject("person:subject", "Lena Varga", ("Varga",), "female", "1871-04-02", "Pécs", "1932-10-05", "Vienna")
    return Record(doc.name, subject, tuple(mentions), tuple(entities.values()), tuple(_times(t)), (), (work,), (),
                  events, "test")


def otto_record(doc) -> Record:
    t = doc.text
    mentions = _mentions(t, [("Otto Bern", "PERSON", "person:subject"), ("Pécs", "PLACE", "place:pecs"),
                             ("Graz", "PLACE", "place:graz")])
    b = t.index("Otto Bern was born")
    events = (Event("born", "1880", "place:pecs", (), Evidence(b, t.index(".", b))),)
    subject = Subject("person:subject", "Otto Bern", ("Bern",), "male", "1880", "Pécs", "1950", None)
    entities = tuple(Entity(e, lab, n, (), 1, e == "person:subject") for e, lab, n in
                     [("person:subject", "PERSON", "Otto Bern"), ("place:pecs", "PLACE", "Pécs"), ("place:graz", "PLACE", "Graz")])
    return Record(doc.name, subject, tuple(mentions), entities, tuple(_times(t)), (), (), (), events, "test")


@pytest.fixture
def lena_store(tmp_path: Path):
    s = Store(tmp_path / "ask.db")
    doc = vitagraph.read_text(LENA, "lena-varga.txt")
    s.save(doc, lena_record(doc))
    yield s
    s.close()


@pytest.fixture
def corpus_store(lena_store: Store):
    doc = vitagraph.read_text(OTTO, "otto-bern.txt")
    lena_store.save(doc, otto_record(doc))
    return lena_store


def ask(store: Store, q: str) -> dict:
    res = answer(store, q)
    for c in res["citations"]:  # every citation is verbatim
        text = store.load(c["document"]).text
        assert text[c["span"][0]:c["span"][1]] == c["quote"]
    return res


# --------------------------------------------------------------------------- text


def test_stems_meet_across_forms():
    assert stem("deported") == stem("deportation") == stem("deport")
    assert stem("died") == stem("death") == stem("dies")
    assert stem("born") == stem("birth")
    assert stem("wrote") == stem("written") == stem("writing")
    assert stem("consulship") == stem("consul")
    assert stem("favourite") == stem("favorite")


def test_sentences_respect_initials_and_abbreviations():
    text = "He met Willard R. Trask in St. Petersburg. It was c. 1930. Then he left! Did he?"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "He met Willard R. Trask in St. Petersburg.", "It was c. 1930.", "Then he left!", "Did he?"]


@pytest.mark.parametrize("q, kind", [
    ("When was Serge deported to Orenburg?", "when"),
    ("In which year was Cicero consul?", "when"),
    ("Where was Victor Serge born?", "where"),
    ("Who translated Men in Prison?", "who"),
    ("Whom did Cicero marry around 79 BC?", "who"),
    ("Which party did Serge join in May 1919?", "which"),
    ("What was Victor Serge's birth name?", "what"),
    ("How long was Serge held in the Lubyanka?", "how-long"),
    ("How many copies were printed?", "how-many"),
    ("How old was Noether when she died?", "how-many"),
    ("Did Serge ever live in Vienna?", "yes-no"),
    ("Was Cicero one of the conspirators?", "yes-no"),
])
def test_question_kinds(q, kind):
    assert analyze(q).kind == kind


def test_question_details():
    q = analyze("Which party did Serge join in May 1919?")
    assert q.head == "party" and q.head_class == "ORG"
    assert "joined" in q.event_types
    assert [v for _, _, v in q.dates] == ["1919-05"]
    assert analyze("When was Serge deported in 1933?").dates[0][2] == "1933"  # not "1933?"
    assert analyze("Who was Emmy Noether's father?").relation == "father"
    assert analyze("What was Victor Serge's birth name?").modifier == "birth"


# --------------------------------------------------------------------------- the index


def test_sentences_are_indexed_with_the_record(lena_store: Store):
    conn = lena_store.conn
    n = conn.execute("SELECT count(*) FROM sentences").fetchone()[0]
    assert n >= 12
    rows = conn.execute("SELECT start_char, end_char, kind FROM sentences ORDER BY position").fetchall()
    text = lena_store.load("lena-varga").text
    assert any(text[s:e] == "Varga died in Vienna on 5 October 1932." for s, e, _ in rows)
    assert {k for _, _, k in rows} == {"prose", "item", "infobox"}
    hits = conn.execute("SELECT rowid FROM sentence_index WHERE sentence_index MATCH 'arrest'").fetchall()
    assert len(hits) == 1
    keys = {r[0] for r in conn.execute("SELECT key FROM names WHERE is_subject = 1")}
    assert {"lena varga", "varga"} <= keys


def test_removing_a_document_removes_its_index(lena_store: Store):
    lena_store.remove("lena-varga")
    conn = lena_store.conn
    assert conn.execute("SELECT count(*) FROM sentences").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM sentence_index WHERE sentence_index MATCH 'arrest'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM names").fetchone()[0] == 0


def test_a_document_without_record_is_indexed_when_asked(tmp_path: Path):
    with Store(tmp_path / "bare.db") as s:
        s.save(vitagraph.read_text(LENA, "lena-varga.txt"))
        assert s.conn.execute("SELECT count(*) FROM sentences").fetchone()[0] == 0
        res = answer(s, "When did Lena Varga die?")
        assert s.conn.execute("SELECT count(*) FROM sentences").fetchone()[0] > 0
        assert res["found"] and res["value"] == "1932-10-05"


# --------------------------------------------------------------------------- answers


def test_when_gives_edtf_and_cites_the_sentence(lena_store: Store):
    res = ask(lena_store, "When did Varga move to Zürich?")
    assert res["found"] is True
    assert res["value"] == "1896-05"
    assert "In May 1896 Varga moved to Zürich" in res["citations"][0]["quote"]
    assert res["citations"][0]["document"] == "lena-varga.txt"
    assert 0 < res["confidence"] <= 1


def test_born_and_died(lena_store: Store):
    assert ask(lena_store, "When was Lena Varga born?")["value"] == "1871-04-02"
    assert ask(lena_store, "Where was Lena Varga born?")["value"] == "Pécs"
    res = ask(lena_store, "Where did Varga die?")
    assert res["value"] == "Vienna" and "died in Vienna" in res["citations"][0]["quote"]


def test_where_who_how(lena_store: Store):
    assert ask(lena_store, "Where was Varga arrested?")["value"] == "Budapest"
    assert ask(lena_store, "Who did Varga work with in Zürich?")["value"] == "Marie Hoff"
    assert ask(lena_store, "Whom did Varga marry?")["value"] == "Pál Kovács"
    assert ask(lena_store, "Who was Lena Varga's father?")["value"] == "Ferenc Varga"
    assert ask(lena_store, "How long was Varga held after her arrest in Budapest?")["value"] == "forty days"
    assert ask(lena_store, "How many copies of her first book did Varga sell?")["value"] == "400"
    assert "editor of the journal Nyugat" in ask(lena_store, "Who was Ilona Kiss?")["answer"]


def test_translator_comes_from_the_works_list(lena_store: Store):
    res = ask(lena_store, "Who translated Colours of the Danube?")
    assert res["value"] == "Ann Brook"
    assert res["citations"][0]["quote"].startswith("Colours of the Danube (1910) Translator: Ann Brook")


def test_yes_and_no(lena_store: Store):
    assert ask(lena_store, "Did Varga study at the University of Vienna?")["value"] == "yes"
    assert ask(lena_store, "Did Varga join the Communist Party?")["value"] == "no"


@pytest.mark.parametrize("q", [
    "What was Lena Varga's favourite food?",
    "How many grandchildren did Varga have?",
    "What was the name of Varga's son?",
    "Did Varga ever visit Tokyo?",
    "Who was Varga's second husband?",
])
def test_unanswerable_is_not_guessed(lena_store: Store, q):
    res = ask(lena_store, q)
    assert res["found"] is False
    assert res["answer"] == NOT_FOUND == "The text does not say."
    assert res["value"] is None and res["citations"] == []


def test_questions_across_documents(corpus_store: Store):
    res = ask(corpus_store, "Who was born in Pécs?")
    assert res["found"]
    assert "Lena Varga" in res["value"] and "Otto Bern" in res["value"]
    assert {c["document"] for c in res["citations"]} == {"lena-varga.txt", "otto-bern.txt"}
    assert ask(corpus_store, "When did Otto Bern move to Graz?")["value"] == "1901"


def test_answer_many_speaks_the_eval_format(lena_store: Store):
    preds = answer_many(lena_store, [
        {"id": "a", "document": "lena-varga.txt", "q": "When did Varga die?"},
        {"id": "b", "document": "lena-varga.txt", "q": "What was Varga's favourite colour?"},
    ])
    assert [p["id"] for p in preds] == ["a", "b"]
    assert preds[0]["found"] and preds[0]["value"] == "1932-10-05"
    assert preds[1] == {"id": "b", "found": False, "answer": NOT_FOUND, "value": None, "citations": [],
                        "confidence": 0.0}
    assert set(preds[0]) == {"id", "found", "answer", "value", "citations", "confidence"}


def test_read_only_store_answers(lena_store: Store, tmp_path: Path):
    path = lena_store.path
    lena_store.close()
    with Store(path, readonly=True) as ro:
        assert answer(ro, "When did Varga die?")["value"] == "1932-10-05"


# --------------------------------------------------------------------------- CLI

runner = CliRunner()


def test_cli_json_contract(lena_store: Store):
    lena_store.close()
    result = runner.invoke(app, ["ask", "--db", lena_store.path, "When did Varga move to Zürich?", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["found"] is True and data["value"] == "1896-05"
    assert set(data) >= {"found", "answer", "value", "citations", "confidence"}
    assert data["citations"][0]["document"] == "lena-varga.txt"
    text = runner.invoke(app, ["ask", "--db", lena_store.path, "When did Varga move to Zürich?"])
    assert text.exit_code == 0 and "May 1896" in text.output and "lena-varga.txt" in text.output


def test_cli_question_file(lena_store: Store, tmp_path: Path):
    lena_store.close()
    qf = tmp_path / "q.jsonl"
    qf.write_text(json.dumps({"id": "x1", "document": "lena-varga.txt", "q": "When was Lena Varga born?"}) + "\n"
                  + json.dumps({"id": "x2", "document": "lena-varga.txt", "q": "What was her favourite food?"}) + "\n",
                  encoding="utf-8")
    result = runner.invoke(app, ["ask", "--db", lena_store.path, "--questions", str(qf), "--json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [p["id"] for p in lines] == ["x1", "x2"]
    assert lines[0]["value"] == "1871-04-02" and lines[1]["found"] is False


def test_cli_errors(tmp_path: Path):
    assert runner.invoke(app, ["ask", "--help"]).exit_code == 0
    assert runner.invoke(app, ["ask", "--db", str(tmp_path / "x.db")]).exit_code == 2
    missing = runner.invoke(app, ["ask", "--db", str(tmp_path / "none.db"), "When?"])
    assert missing.exit_code == 1 and "E202" in missing.output


# --------------------------------------------------------------------------- optional LLM phrasing


class _FakeLLM(http.server.BaseHTTPRequestHandler):
    reply: str = ""
    seen: list = []

    def do_POST(self):  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).seen.append(body)
        out = json.dumps({"choices": [{"message": {"role": "assistant", "content": type(self).reply}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_llm():
    server = http.server.HTTPServer(("127.0.0.1", 0), _FakeLLM)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _FakeLLM.seen = []
    yield server, f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def test_llm_phrases_from_verified_quotes(lena_store: Store, fake_llm):
    _, url = fake_llm
    _FakeLLM.reply = json.dumps({"answer": "She moved to Zürich in May 1896.",
                                 "quotes": ["In May 1896 Varga moved to Zürich"]})
    res = answer(lena_store, "When did Varga move to Zürich?", llm=Phraser(url, model="fake"))
    assert res["answer"] == "She moved to Zürich in May 1896."
    assert res["llm"]["used"] is True and res["value"] == "1896-05"
    sent = _FakeLLM.seen[0]["messages"][1]["content"]
    assert "In May 1896 Varga moved to Zürich" in sent  # the model sees the cited sentence only


def test_llm_invented_quote_is_rejected(lena_store: Store, fake_llm):
    _, url = fake_llm
    _FakeLLM.reply = '```json\n{"answer": "She fled to Zürich.", "quotes": ["Varga fled to Zürich in secret"]}\n```'
    res = answer(lena_store, "When did Varga move to Zürich?", llm=Phraser(url))
    assert res["answer"] == "May 1896." and res["llm"]["used"] is False
    assert "not in the text" in res["llm"]["error"]


def test_llm_down_falls_back(lena_store: Store):
    res = answer(lena_store, "When did Varga move to Zürich?", llm=Phraser("http://127.0.0.1:9/v1", timeout=1))
    assert res["found"] and res["value"] == "1896-05" and res["llm"]["used"] is False


def test_llm_is_not_asked_when_nothing_is_found(lena_store: Store, fake_llm):
    _, url = fake_llm
    res = answer(lena_store, "What was Varga's favourite food?", llm=Phraser(url))
    assert res["found"] is False and _FakeLLM.seen == []


def test_parse_reply_tolerates_chatter():
    assert parse_reply('Sure! {"answer": "x", "quotes": []} Hope this helps.') == {"answer": "x", "quotes": []}
    with pytest.raises(ValueError):
        parse_reply("no json here")
