"""Where an event happened when the clause does not say it plainly: the place a "where"
clause hangs on, the city in an institution's name, the destination rather than the way,
the stay the lead's summary falls in -- on small biographies written for these rules."""

from __future__ import annotations

import pytest

from vitagraph.readers import read_text

pytestmark = pytest.mark.model


def _extract(text: str, name: str):
    from vitagraph.nlp import extract

    doc = read_text(text, name)
    return doc, extract(doc)


def _place_of(doc, record, words, etype=None):
    found = [e for e in record.events if words in e.evidence.of(doc.text) and etype in (None, e.type)]
    assert found, f"no event for {words!r}: {[e.evidence.of(doc.text) for e in record.events]}"
    names = {p.entity: p.name for p in record.places}
    return names.get(found[0].place)


def test_a_where_clause_happens_at_its_antecedent():
    doc, record = _extract(
        "= Anna Vogt =\n\nAnna Vogt (1870 – 1940) was a Swiss botanist.\n\n==Life==\n"
        "In 1901 Vogt travelled to Lisbon and then to Madeira, where she was briefly detained by the police.\n",
        "anna-vogt.txt")
    assert _place_of(doc, record, "detained", "arrested") == "Madeira"


def test_an_institution_names_its_city():
    doc, record = _extract(
        "= Karl Endres =\n\nKarl Endres (1860 – 1930) was a German chemist.\n\n==Life==\n"
        "Endres studied in Heidelberg. He moved to Leipzig in 1890.\n"
        "From 1895 to 1920 he taught at the University of Heidelberg.\n",
        "karl-endres.txt")
    assert _place_of(doc, record, "taught") == "Heidelberg"


def test_where_he_went_not_the_way():
    doc, record = _extract(
        "= Idris Kamal =\n\nIdris Kamal (1300 – 1370) was a Moroccan traveller.\n\n==Life==\n"
        "In 1330 Kamal sailed down the Red Sea to Aden.\n",
        "idris-kamal.txt")
    assert _place_of(doc, record, "sailed") == "Aden"


def test_taken_to_a_city_is_a_move():
    doc, record = _extract(
        "= Lucius Varro =\n\nLucius Varro (100 BC – 40 BC) was a Roman orator.\n\n==Life==\n"
        "Lucius Varro was born in 100 BC in Capua. As a boy, Varro was taken to Rome to be educated.\n"
        "In 80 BC Varro defended Gaius Nonius on a charge of theft.\n",
        "lucius-varro.txt")
    moves = [e for e in record.events if e.type == "moved" and "taken to Rome" in e.evidence.of(doc.text)]
    assert moves
    assert _place_of(doc, record, "defended") == "Rome"


def test_the_leads_summary_is_placed_by_its_date():
    doc, record = _extract(
        "= Olga Brandt =\n\nOlga Brandt (1880 – 1950) was a Latvian editor. She joined the Social Democrats in 1912.\n\n"
        "==Life==\nBrandt was born in 1880 in Riga. In 1905 she moved to Zurich, where she studied medicine.\n"
        "In 1910 she settled in Geneva. In 1920 she returned to Riga.\n",
        "olga-brandt.txt")
    assert _place_of(doc, record, "joined the Social Democrats") == "Geneva"


def test_a_summarised_period_is_placed_where_most_of_it_was_spent():
    doc, record = _extract(
        "= Pavel Orlov =\n\nPavel Orlov (1890 – 1950) was a Russian poet. He was imprisoned from 1933 to 1936.\n\n"
        "==Life==\nOrlov was born in 1890 in Kiev. In 1920 he moved to Moscow.\n"
        "In March 1933 he was deported to Tomsk. In 1936 he settled in Paris.\n",
        "pavel-orlov.txt")
    assert _place_of(doc, record, "imprisoned from 1933", "imprisoned") == "Tomsk"


def test_a_place_in_a_persons_name_is_not_where_he_was():
    doc, record = _extract(
        "= Gaius Varro =\n\nGaius Varro (110 BC – 50 BC) was a Roman orator.\n\n==Life==\n"
        "Varro was born in 110 BC in Capua. In 90 BC he moved to Rome. "
        "In 88 BC he studied philosophy with Philo of Larissa.\n", "gaius-varro.txt")
    assert _place_of(doc, record, "studied philosophy", "studied") == "Rome"


def test_leaving_a_place_is_placed_where_he_set_out():
    doc, record = _extract(
        "= Idris Kamal =\n\nIdris Kamal (1304 – 1368) was a traveller.\n\n==Life==\n"
        "Idris Kamal was born in 1304 in Tangier. In June 1325 he left his native Tangier to make the pilgrimage to Mecca.\n",
        "idris-kamal.txt")
    assert _place_of(doc, record, "left his native", "traveled") == "Tangier"


def test_a_stay_said_to_be_short_does_not_change_the_residence():
    doc, record = _extract(
        "= Emma Roth =\n\nEmma Roth (1882 – 1935) was a German mathematician.\n\n==Life==\n"
        "Emma Roth was born in 1882 in Erlangen. In 1915 she moved to Göttingen. "
        "In May 1915 she went back to Erlangen for a time to look after her father. "
        "From 1916 to 1919 she lectured on algebra.\n", "emma-roth.txt")
    assert _place_of(doc, record, "lectured on algebra", "worked") == "Göttingen"


def test_what_a_work_is_about_is_not_where_it_was_written():
    doc, record = _extract(
        "= Ivan Petrov =\n\nIvan Petrov (1880 – 1950) was a Russian writer.\n\n==Life==\n"
        "Ivan Petrov was born in 1880 in Kiev. In 1925 he moved to Paris. "
        "In 1930 he wrote critical analyses of the Soviet Union.\n", "ivan-petrov.txt")
    assert _place_of(doc, record, "critical analyses", "wrote") == "Paris"
