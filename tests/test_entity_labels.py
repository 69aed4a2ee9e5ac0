"""What a name is, decided for the whole document, on a small biography written for these rules."""

from __future__ import annotations

import pytest

from vitagraph.readers import read_text

pytestmark = pytest.mark.model

BIO = """= Gaius Varro =

Gaius Varro (110 BC – 50 BC) was a Roman orator.

==Life==
Gaius Varro was born in 110 BC in Capua. He studied law with the jurist Quintus Aelius Tubero.
In 80 BC he served in the war against Mithridates VI. In 75 BC he married his ward Publilia.
In 63 BC the conspirators were strangled in the Tullianum. In 49 BC he crossed the Rubicon.
On the island of Rhodes he took lessons in rhetoric. In 51 BC he governed the province of Cilicia.
In 80 BC he defended a client against Chrysogonus, a powerful freedman of the dictator. In 44 BC he backed the young Octavian.
"""


@pytest.fixture(scope="module")
def labels():
    from vitagraph.nlp import extract

    doc = read_text(BIO, "gaius-varro.txt")
    record = extract(doc)
    return {e.name: e.label for e in record.entities}


@pytest.mark.parametrize("name", ["Quintus Aelius Tubero", "Mithridates VI", "Publilia", "Chrysogonus", "Octavian"])
def test_people(labels, name):
    assert labels.get(name) == "PERSON", labels


@pytest.mark.parametrize("name", ["Tullianum", "Rubicon"])
def test_where_is_not_who(labels, name):
    assert labels.get(name) != "ORG", labels


def test_the_island_of_a_name_is_a_place(labels):
    assert labels.get("Rhodes") == "PLACE", labels
    assert labels.get("Cilicia") != "PERSON", labels


def test_a_list_of_places_tagged_as_one_is_split():
    from vitagraph.nlp import extract

    doc = read_text("= Idris Kamal =\n\nIdris Kamal (1304 – 1368) was a traveller.\n\n==Life==\n"
                    "In 1333 he crossed the steppe to Bukhara and Samarkand. He later visited Trinidad and Tobago.\n",
                    "idris-kamal.txt")
    names = {p.name for p in extract(doc).places}
    assert {"Bukhara", "Samarkand"} <= names, names
    assert "Bukhara and Samarkand" not in names


def test_a_country_named_like_its_people_is_still_the_country():
    """Regression: "the Philippines" was taken for the plural of the demonym "Philippine"."""
    from vitagraph.nlp import extract

    doc = read_text("= José Cruz =\n\nJosé Cruz (1861 – 1896) was a Filipino writer.\n\n==Life==\n"
                    "In 1887 Cruz returned to the Philippines. He lived in the Philippines until 1891.\n", "jose-cruz.txt")
    assert "Philippines" in {p.name for p in extract(doc).places}


def test_a_named_hill_the_gazetteer_does_not_know_is_kept_unlocated():
    from vitagraph.nlp import extract

    doc = read_text("= Gaius Varro =\n\nGaius Varro (110 BC – 50 BC) was a Roman orator.\n\n==Life==\n"
                    "In 58 BC his house on the Palatine Hill was pulled down.\n", "gaius-varro.txt")
    places = {p.name: p for p in extract(doc).places}
    assert "Palatine Hill" in places and places["Palatine Hill"].lat is None


def test_names_the_model_cuts_are_whole():
    from vitagraph.nlp import extract

    doc = read_text("= Idris Kamal =\n\nIdris Kamal (1304 – 1368) was a traveller.\n\n==Life==\n"
                    "In 1355 the scholar Ibn Juzayy wrote down his account. Ibn Khaldun admired it. "
                    "In 1818 Johann Gottfried Ludwig Kosegarten published extracts.\n", "idris-kamal.txt")
    people = {e.name for e in extract(doc).entities if e.label == "PERSON"}
    assert {"Ibn Juzayy", "Ibn Khaldun", "Johann Gottfried Ludwig Kosegarten"} <= people, people
    assert not people & {"Juzayy", "Khaldun", "Johann Gottfried", "Ludwig Kosegarten"}
