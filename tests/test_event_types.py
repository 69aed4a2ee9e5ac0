"""Event types from the parse and the trigger lexicons, on a small biography written for
these rules (none of its sentences come from a fixture)."""

from __future__ import annotations

import pytest

from vitagraph.readers import read_text

pytestmark = pytest.mark.model

BIO = """= Greta Lind =

Greta Lind (2 May 1870 – 9 June 1940) was a Swedish chemist.

==Life==
Greta Lind was born on 2 May 1870 in Uppsala. Her thesis was accepted in 1895.
Lind, her mother and her two sisters moved to Lund in 1896. Her paper of 1898 changed the field.
She was given the title of professor in 1901. In 1903 she spent six weeks in Rome.
In 1904 she was co-opted into the Royal Academy of Sciences. Her husband divorced her in 1905.
In 1906 she began a long correspondence with Marie Curie. In Paris in 1906 she mixed with Russian exiles.
Their daughter Anna was born in 1907.
In 1908 she was received by the King. In 1909 she was presented to Pope Pius X.
In 1910 she was taken captive by bandits. In 1911 she was held for a week in Kronborg Castle.
In 1912 she opened a school for girls. In 1913 her house was pulled down.
In 1914 her right to teach was withdrawn. In 1915 her villas were plundered.
Weakened by fever in 1916, she went home.
In 1917 she backed the young Oskar Berg. In 1918 she came to know the leading chemists of Oslo.
In 1919 she delivered three lectures against Wilhelm Ostwald. In 1920 her rivalry with Ida Noddack began.
In 1921 she set up a school for chemists. In 1922 she had two daughters. In 1923 she was diagnosed with tuberculosis.
In 1924 she took refuge in Geneva. In 1925 she was elected a Fellow of the Royal Society.
After her appointment as professor in 1926, she moved to Lund. Her resignation in 1927 surprised her colleagues.
In 1928 she met Marie Curie in Paris. In 1929 she converted to Catholicism. In 1930 she retired from the university.
In 1931 she negotiated a treaty with Norway. In 1932 she surrendered to the police.
In 1933 she completed her studies in Uppsala. In 1934 she was promoted to director. In 1935 she broke with Oskar Berg.
In 1936 she received an honorary doctorate. In 1937 she remarried.
"""


@pytest.fixture(scope="module")
def greta():
    from vitagraph.nlp import extract

    doc = read_text(BIO, "greta-lind.txt")
    return doc, extract(doc)


@pytest.mark.parametrize("words, etype, date", [
    ("thesis was accepted", "studied", "1895"),
    ("sisters moved", "moved", "1896"),
    ("paper of 1898", "wrote", "1898"),
    ("given the title", "worked", "1901"),
    ("spent six weeks", "traveled", "1903"),
    ("co-opted", "joined", "1904"),
    ("divorced her", "conflict", "1905"),
    ("correspondence with", "collaborated", "1906"),
    ("mixed with", "collaborated", "1906"),
    ("daughter Anna was born", "child", "1907"),
    ("received by the King", "honored", "1908"),
    ("presented to Pope", "honored", "1909"),
    ("taken captive", "imprisoned", "1910"),
    ("held for a week", "imprisoned", "1911"),
    ("opened a school", "founded", "1912"),
    ("pulled down", "conflict", "1913"),
    ("right to teach", "expelled", "1914"),
    ("villas were plundered", "conflict", "1915"),
    ("Weakened by fever", "illness", "1916"),
    ("backed the young", "collaborated", "1917"),
    ("to know the leading", "collaborated", "1918"),
    ("lectures against", "conflict", "1919"),
    ("rivalry with", "conflict", "1920"),
    ("set up a school", "founded", "1921"),
    ("had two daughters", "child", "1922"),
    ("diagnosed with", "illness", "1923"),
    ("took refuge", "moved", "1924"),
    ("elected a Fellow", "honored", "1925"),
    ("appointment as professor", "worked", "1926"),
    ("resignation in 1927", "left", "1927"),
    ("met Marie Curie", "collaborated", "1928"),
    ("converted to", "joined", "1929"),
    ("retired from", "left", "1930"),
    ("negotiated a treaty", "participated", "1931"),
    ("surrendered to", "conflict", "1932"),
    ("completed her studies", "studied", "1933"),
    ("promoted to director", "worked", "1934"),
    ("broke with", "conflict", "1935"),
    ("honorary doctorate", "honored", "1936"),
    ("remarried", "married", "1937"),
])
def test_types(greta, words, etype, date):
    doc, record = greta
    found = [e for e in record.events if words in e.evidence.of(doc.text)]
    assert found, [e.evidence.of(doc.text) for e in record.events]
    assert (etype, date) in [(e.type, e.date) for e in found]


def test_a_lost_subject_is_found_just_before_its_verb():
    """The parser hangs "Cicero" on "BC" here; the verb right after the subject's name is still his."""
    from vitagraph.nlp import extract

    doc = read_text("= Marcus Varo =\n\nMarcus Varo (100 BC – 40 BC) was a Roman orator.\n\n==Life==\n"
                    "As consul in 63 BC, Varo suppressed the conspiracy of Lucius Sergius Catilina.\n", "marcus-varo.txt")
    record = extract(doc)
    assert any(e.type == "conflict" and "suppressed" in e.evidence.of(doc.text) for e in record.events)


def test_struck_by_hardship_is_not_an_illness():
    from vitagraph.nlp import extract

    doc = read_text("= Ivan Petrov =\n\nIvan Petrov (1880 – 1950) was a Russian writer.\n\n==Life==\n"
                    "In 1919 Petrov was struck by the harsh realities of the Civil War, famine and terror.\n", "ivan-petrov.txt")
    assert not [e for e in extract(doc).events if e.type == "illness"]


def test_an_arrival_left_at_once_is_a_stage_of_a_journey():
    from vitagraph.nlp import extract

    doc = read_text("= Idris Kamal =\n\nIdris Kamal (1304 – 1368) was a Moroccan traveller.\n\n==Life==\n"
                    "In January 1348 Kamal reached Baghdad. From there he went on to Damascus in March 1348. "
                    "In Damascus he studied law for a year.\n", "idris-kamal.txt")
    record = extract(doc)
    kinds = {doc.text[e.evidence.start:e.evidence.end]: e.type for e in record.events}
    baghdad = [t for q, t in kinds.items() if "Baghdad" in q]
    damascus = [t for q, t in kinds.items() if "went on to Damascus" in q]
    assert baghdad == ["traveled"] and damascus == ["moved"], kinds


@pytest.mark.parametrize("sentence, absent", [
    ("In 1681 she moved to Frankfurt after the death of Jacob Marrel in 1681.", "died"),
    ("In 1896 she married Paul Brant a few hours before she died.", "died"),
    ("In 1886 she operated on her mother's eyes in Calamba.", "illness"),
    ("In 1345 she survived, suffering a shipwreck near Calicut.", "illness"),
    ("In 1891 she was joined by her family in Hong Kong.", "joined"),
    ("Her secretary Tiro, a former slave she had freed in 1853, took down her letters.", "released"),
    ("In 1860 she refused the advice of friends.", "conflict"),
])
def test_what_is_not_her_event(sentence, absent):
    from vitagraph.nlp import extract

    doc = read_text("= Greta Lind =\n\nGreta Lind (1830 – 1900) was a Swedish chemist.\n\n==Life==\n" + sentence + "\n",
                    "greta-lind.txt")
    assert absent not in {e.type for e in extract(doc).events if e.evidence.start > doc.text.index(sentence[:12])}


def test_joining_a_caravan_is_a_journey():
    from vitagraph.nlp import extract

    doc = read_text("= Idris Kamal =\n\nIdris Kamal (1304 – 1368) was a traveller.\n\n==Life==\n"
                    "On 17 November 1326 he joined the caravan of Iraqi pilgrims.\n", "idris-kamal.txt")
    assert [e.type for e in extract(doc).events if "caravan" in e.evidence.of(doc.text)] == ["traveled"]


def test_the_subject_named_by_the_profession_the_lead_gives():
    from vitagraph.nlp import extract

    doc = read_text("= Emma Roth =\n\nEmma Roth (1882 – 1935) was a German mathematician.\n\n==Life==\n"
                    "Emma Roth was born in 1882 in Erlangen. In 1915 the young mathematician moved to Göttingen.\n",
                    "emma-roth.txt")
    assert [e.date for e in extract(doc).events if e.type == "moved"] == ["1915"]
