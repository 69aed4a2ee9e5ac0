"""How undated events get their time: the stay they belong to, the sibling they follow,
the birth an age counts from -- on small biographies written for these rules."""

from __future__ import annotations

import pytest

from vitagraph.nlp import edtf
from vitagraph.readers import read_text

STAY = """= Rosa Fenner =

Rosa Fenner (4 May 1880 – 9 June 1950) was an Austrian journalist.

==Early years==
Rosa Fenner was born on 4 May 1880 in Graz. In 1900 she moved to Vienna, where she studied law.

==Exile in Lisbon==
In October 1938 she arrived in Lisbon. Her daughter joined her there in March 1939.
She wrote for several émigré newspapers. She associated with other refugees from Austria.
She was immediately denounced by the police. She had suffered a stroke.

==Death==
Rosa Fenner died in Lisbon on 9 June 1950.
"""


def _extract(text: str, name: str):
    from vitagraph.nlp import extract

    doc = read_text(text, name)
    return doc, extract(doc)


@pytest.fixture(scope="module")
def rosa():
    return _extract(STAY, "rosa-fenner.txt")


def _event(doc, record, words):
    found = [e for e in record.events if words in e.evidence.of(doc.text)]
    assert found, f"no event for {words!r}: {[e.evidence.of(doc.text) for e in record.events]}"
    return found[0]


@pytest.mark.model
def test_undated_events_of_a_stay_take_the_stay(rosa):
    """After the last dated sentence of a section, the time is the stay's: arrival to death."""
    doc, record = rosa
    assert _event(doc, record, "wrote for several").date == "1938/1950"
    assert _event(doc, record, "associated with").date == "1938/1950"


@pytest.mark.model
def test_prompt_and_pluperfect_keep_the_narrative_moment(rosa):
    doc, record = rosa
    assert _event(doc, record, "immediately denounced").date == "1939-03"
    assert _event(doc, record, "suffered").date == "1939-03"


@pytest.mark.model
def test_then_and_nested_dates_give_the_year():
    doc, record = _extract("= Ivo Marek =\n\nIvo Marek (1890 – 1960) was a Czech printer.\n\n==Life==\n"
                           "Marek arrived in Trieste in April 1919, then moved to Milan.\n"
                           "There he joined the printers' union, took part in the strike of August 1920, "
                           "and wrote for Avanti.\n", "ivo-marek.txt")
    assert _event(doc, record, "arrived in Trieste").date == "1919-04"
    assert _event(doc, record, "moved to Milan").date == "1919"
    assert _event(doc, record, "joined the printers").date == "1920"


@pytest.mark.model
def test_a_relative_clause_about_someone_else_lends_no_date():
    doc, record = _extract("= Lena Wirth =\n\nLena Wirth (1885 – 1940) was a German painter.\n\n==Life==\n"
                           "In 1912 Wirth went back to Munich to look after her father, who died in December 1921.\n",
                           "lena-wirth.txt")
    assert _event(doc, record, "went back to Munich").date == "1912"


@pytest.mark.model
def test_an_age_counts_from_the_birth_and_a_told_date_wins():
    doc, record = _extract("= Omar Zayd =\n\nOmar Zayd (1 March 1304 – 1368) was a traveller.\n\n==Life==\n"
                           "Zayd was born on 1 March 1304 in Fez. In 1320 he studied law.\n"
                           "At the age of twenty-five he moved to Cairo.\n"
                           "On 14 June 1331, at the age of twenty-seven, he left Cairo to travel to Mecca.\n",
                           "omar-zayd.txt")
    ages = [t for t in record.times if "age of twenty-five" in t.text]
    assert ages and ages[0].value == "1329/1330"
    assert _event(doc, record, "moved to Cairo").date == "1329/1330"
    assert _event(doc, record, "travel to Mecca").date == "1331-06-14"


def test_that_month_is_the_narrative_years():
    found = edtf.scan("She sailed home in June 1701, arriving in Amsterdam that September.")
    assert [(m.text, m.value) for m in found] == [("June 1701", "1701-06"), ("September", None)]
    assert edtf.anchor(found[1], "1701-06") == "1701-09"
    assert edtf.scan("That may be so.") == []


@pytest.mark.model
def test_a_later_moment_in_the_clause_is_not_a_duration():
    """Regression: "arriving ... that September" was read as the length of the voyage home."""
    doc, record = _extract("= Clara Hein =\n\nClara Hein (1650 – 1720) was a German painter.\n\n==Life==\n"
                           "In June 1699 Hein sailed for Suriname. She sailed home in June 1701, arriving in Amsterdam that September.\n",
                           "clara-hein.txt")
    home = [e for e in record.events if "sailed home" in e.evidence.of(doc.text)]
    assert home and home[0].type == "moved" and home[0].date == "1701-06"
    assert _event(doc, record, "arriving in Amsterdam").date.startswith("1701")


@pytest.mark.model
def test_the_leads_summary_takes_the_date_of_its_account_below():
    doc, record = _extract("= Idris Kamal =\n\nIdris Kamal (1304 – 1368) was a Moroccan judge and traveller. "
                           "In 1325 he left Tangier. He served as a judge for Sultan Muhammad Tughluq.\n\n"
                           "==Life==\nIdris Kamal was born in 1304 in Tangier. In 1325 he left Tangier for Mecca.\n"
                           "From 1334 to 1341 he served as a judge for Sultan Muhammad Tughluq in Delhi.\n",
                           "idris-kamal.txt")
    lead = [e for e in record.events if e.evidence.start < doc.sections[0].span.start and e.type == "worked"]
    assert lead and lead[0].date == "1334/1341"


@pytest.mark.model
def test_the_leads_summary_matches_its_account_by_a_place_both_name():
    doc, record = _extract("= Idris Kamal =\n\nIdris Kamal (1304 – 1368) was a Moroccan traveller. "
                           "He was later sent as an envoy to China.\n\n"
                           "==Life==\nIdris Kamal was born in 1304 in Tangier. In 1325 he left Tangier for Mecca.\n"
                           "In 1341 the sultan sent him as an envoy to China.\n", "idris-kamal.txt")
    lead = [e for e in record.events if e.evidence.start < doc.sections[0].span.start and e.type == "worked"]
    assert lead and lead[0].date == "1341"


@pytest.mark.model
def test_from_a_date_on_lasts_until_the_death_and_a_relative_clause_keeps_its_date():
    doc, record = _extract("= Emma Roth =\n\nEmma Roth (23 March 1882 – 14 April 1935) was a German mathematician.\n\n"
                           "==Life==\nEmma Roth was born on 23 March 1882 in Erlangen. "
                           "From February 1934 she lectured once a week at Princeton.\n"
                           "In 1886 she began a long correspondence with Felix Klein, whom she visited in May 1887.\n"
                           "Emma Roth died on 14 April 1935.\n", "emma-roth.txt")
    assert _event(doc, record, "lectured once a week").date == "1934-02/1935-04"
    corr = [e for e in record.events if e.type == "collaborated"]
    assert corr and corr[0].date == "1886"


@pytest.mark.model
def test_when_after_an_interval_is_its_end():
    doc, record = _extract("= Emma Roth =\n\nEmma Roth (1882 – 1935) was a German mathematician.\n\n==Life==\n"
                           "Emma Roth was born in 1882 in Erlangen. She taught at the University of Göttingen "
                           "from 1915 until 1933, when the government dismissed her.\n", "emma-roth.txt")
    assert [e.date for e in record.events if e.type == "expelled"] == ["1933"]
    assert [e.date for e in record.events if e.type == "worked"] == ["1915/1933"]


@pytest.mark.model
def test_an_event_told_after_the_birth_is_not_on_its_day():
    doc, record = _extract("= Wanda Lis =\n\nWanda Lis (born 1 January 1900) was a Polish poet.\n\n==Life==\n"
                           "Wanda Lis was born on 1 January 1900 in Kraków. She had two daughters.\n", "wanda-lis.txt")
    assert [e.date for e in record.events if e.type == "child"] == ["1900"]


@pytest.mark.model
def test_a_birth_without_a_death_is_still_the_subjects_birth():
    for text in ("= Wanda Lis =\n\nWanda Lis (born 1 January 1900) was a Polish poet.\n\n==Life==\nShe wrote poems.\n",
                 "= Wanda Lis =\n\nWanda Lis is a Polish poet.\n\n==Life==\nWanda Lis was born on 1 January 1900 in Kraków.\n"):
        doc, record = _extract(text, "wanda-lis.txt")
        assert record.subject.born_date == "1900-01-01" and record.subject.died_date is None
