"""Life events on hand-written biographies nobody tuned the rules for."""

from __future__ import annotations

import pytest

import vitagraph
from vitagraph.itinerary import itinerary
from vitagraph.readers import read_text

pytestmark = pytest.mark.model

BIO = """= Ada Brandt =

Infobox
- Born: 1821-03-14
- Birthplace: Bremen, Germany
- Died: 1889-02-02

Ada Brandt (14 March 1821 – 2 February 1889) was a German chemist and teacher.

==Life==
Ada Brandt was born on 14 March 1821 in Bremen. In 1840 she moved to Zurich, where she studied chemistry at the polytechnic.
She joined the Society of Natural Sciences in 1845. Her brother died in 1846 in Hamburg.
She was arrested in May 1849 and imprisoned for six months. After her release she did not return to Bremen; she attempted to reach London but settled in Paris in 1850.
She married the engraver Paul Remy in 1852. From 1855 to 1870 she taught at the Lycée in Lyon.
She was expelled from France in 1871 and moved to Geneva, where she founded a school for girls.
She died in Geneva on 2 February 1889 and was buried in the Plainpalais cemetery.
"""


@pytest.fixture(scope="module")
def ada():
    from vitagraph.nlp import extract

    doc = read_text(BIO, "ada-brandt.txt")
    return doc, extract(doc)


def events_of(record, etype):
    return [e for e in record.events if e.type == etype]


def place_name(record, eid):
    return next((p.name for p in record.places if p.entity == eid), None)


def test_evidence_is_the_clause(ada):
    doc, record = ada
    assert record.events
    for e in record.events:
        quote = e.evidence.of(doc.text)
        assert 0 < len(quote) <= 500 and "\n\n" not in quote
        assert e.type in {"born", "died", "buried", "moved", "traveled", "studied", "worked", "joined", "left",
                          "expelled", "founded", "arrested", "imprisoned", "released", "exiled", "married",
                          "child", "published", "wrote", "participated", "collaborated", "conflict", "illness",
                          "honored"}


def test_one_event_per_happening_with_honest_dates(ada):
    doc, record = ada
    arrested = events_of(record, "arrested")
    assert [e.date for e in arrested] == ["1849-05"]
    imprisoned = events_of(record, "imprisoned")
    assert imprisoned and imprisoned[0].date.startswith("1849-05/")
    born = [e for e in events_of(record, "born") if "was born" in e.evidence.of(doc.text)]
    assert born and born[0].date == "1821-03-14" and place_name(record, born[0].place) == "Bremen"
    taught = [e for e in events_of(record, "worked") if "taught" in e.evidence.of(doc.text)]
    assert taught and taught[0].date == "1855/1870" and place_name(record, taught[0].place) == "Lyon"


def test_others_events_are_not_the_subjects(ada):
    doc, record = ada
    for e in events_of(record, "died"):
        assert "brother" not in e.evidence.of(doc.text)


def test_an_attempt_is_not_an_arrival(ada):
    doc, record = ada
    moved_to = {place_name(record, e.place) for e in events_of(record, "moved")}
    assert "Paris" in moved_to and "London" not in moved_to
    assert not any("not return" in e.evidence.of(doc.text) for e in record.events)


def test_types_from_the_parse(ada):
    doc, record = ada
    types = {e.type for e in record.events}
    assert {"moved", "studied", "joined", "arrested", "imprisoned", "married", "worked", "exiled",
            "founded", "died", "buried"} <= types
    # "expelled from France": expelled from a country is exile; the type follows the object
    assert not events_of(record, "expelled")
    married = events_of(record, "married")[0]
    names = {e.id: e.name for e in record.entities}
    assert "Paul Remy" in {names.get(p) for p in married.participants}


def test_itinerary_follows_the_moves(ada):
    _, record = ada
    stays = [s.name for s in itinerary(record)]
    assert stays[0] == "Bremen"
    for a, b in (("Bremen", "Zurich"), ("Zurich", "Paris"), ("Paris", "Geneva")):
        assert a in stays and b in stays and stays.index(a) < stays.index(b)


def test_serge_events(serge_record):
    doc, record = serge_record
    by_quote = {e.evidence.of(doc.text): e for e in record.events}
    arrest = [e for q, e in by_quote.items() if e.type == "arrested" and "March 1928" in doc.text[e.evidence.start - 40 : e.evidence.end + 40]]
    assert arrest and arrest[0].date == "1928-03"
    prison = [e for e in record.events if e.type == "imprisoned" and e.date == "1928-03/1928-05"]
    assert prison
    assert any(e.type == "moved" and place_name(record, e.place) in ("Petrograd", "Saint Petersburg") and e.date == "1919-01"
               for e in record.events)


@pytest.fixture(scope="module")
def serge_record():
    from vitagraph.nlp import extract

    doc = vitagraph.read(vitagraph.sample_path())
    return doc, extract(doc)


def test_the_same_happening_twice():
    from vitagraph.nlp import extract

    doc = read_text("= Jan Kowal =\n\nJan Kowal (1900 – 1970) was a printer.\n\n==Life==\n"
                    "Kowal was arrested in 1931 and again in 1937. He was imprisoned in Lwów from 1937 to 1939.\n",
                    "jan-kowal.txt")
    record = extract(doc)
    arrests = sorted(e.date for e in events_of(record, "arrested"))
    assert arrests == ["1931", "1937"]
    prison = events_of(record, "imprisoned")
    assert prison and prison[0].date == "1937/1939"


def test_coordinated_verbs_share_their_date():
    """Regression: tokens were compared by identity, so coordinated verbs never shared a date."""
    from vitagraph.nlp import extract

    doc = read_text("= Mira Holt =\n\nMira Holt (1880 – 1950) was a nurse.\n\n==Life==\n"
                    "Holt was exchanged for two officers and arrived in Paris in May 1920.\n", "mira-holt.txt")
    record = extract(doc)
    released = events_of(record, "released")
    assert released and released[0].date == "1920-05"


def test_someone_else_and_her_husband_are_not_the_subject():
    """Regression: "Johanna and her husband settled in Suriname" was the subject's move ("her" is hers)."""
    from vitagraph.nlp import extract

    doc = read_text("= Anna Merz =\n\nAnna Merz (1647 – 1717) was a German painter.\n\n==Life==\n"
                    "In 1691 Merz moved to Amsterdam with her daughters. "
                    "In 1711 Johanna and her husband settled in Suriname.\n", "anna-merz.txt")
    record = extract(doc)
    assert not [e for e in record.events if "Suriname" in e.evidence.of(doc.text)]
    assert [e for e in record.events if e.type == "moved" and "Amsterdam" in e.evidence.of(doc.text)]


def test_the_leads_birth_and_death_point_at_place_entities(serge_record):
    """Regression: the lead's birth carried the place's name ("Brussels"), not its entity id."""
    _, record = serge_record
    ids = {p.entity for p in record.places}
    for e in record.events:
        if e.type in ("born", "died") and e.place:
            assert e.place in ids


def test_expelled_from_the_country_he_lives_in_is_no_stay():
    from vitagraph.nlp import extract

    doc = read_text("= Karl Ost =\n\nKarl Ost (1880 – 1950) was a printer.\n\n==Life==\n"
                    "Karl Ost was born in 1880 in Vienna. In 1905 he moved to Paris. "
                    "In 1917 he was expelled from France and went to Barcelona.\n", "karl-ost.txt")
    record = extract(doc)
    assert [s.name for s in itinerary(record)] == ["Vienna", "Paris", "Barcelona"]
