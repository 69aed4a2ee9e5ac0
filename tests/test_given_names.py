"""The given-name lexicon and the person-shape score built on it."""

from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vitagraph.nlp import given_names as gn
from vitagraph.nlp.given_names import (
    DATA_FILE,
    is_ambiguous,
    is_given_name,
    is_initials,
    lexicon,
    looks_like_person,
    name_key,
)

HIGH = 0.8
LOW = 0.2


# --- the data file ------------------------------------------------------------------


def _entries() -> tuple[list[tuple[str | None, str]], list[str]]:
    """(section, name) pairs in file order, and the section headings.

    A heading is a comment line after a blank line; the comments at the top are
    the file's description.
    """
    section, out, headings = None, [], []
    previous = None
    for line in DATA_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("#"):
            if previous == "":
                section = line[1:].strip()
                headings.append(section)
        elif line:
            out.append((section, line))
        previous = line
    return out, headings


def test_file_size_and_sections():
    entries, headings = _entries()
    main = [n for s, n in entries if s != "ambiguous"]
    amb = [n for s, n in entries if s == "ambiguous"]
    assert 4000 <= len(main) + len(amb) <= 6000
    assert 50 <= len(amb) <= 300
    assert headings[-1] == "ambiguous"
    for culture in ("English", "French", "Russian", "Arabic", "Japanese", "African", "Latin"):
        assert any(h.startswith(culture) for h in headings), culture


def test_file_entries_are_single_distinct_capitalised_words():
    entries, _ = _entries()
    keys = [name_key(n) for _, n in entries]
    assert len(keys) == len(set(keys)), "a name is listed twice (after folding)"
    for _, n in entries:
        assert " " not in n and n[:1].isupper(), n


def test_file_keeps_accents():
    names = {n for _, n in _entries()[0]}
    for n in ("André", "Panaït", "Zoë", "Józef", "François", "Łukasz", "Jiří", "Răzvan",
              "Kenzaburō"):
        assert n in names, n


def test_lexicon_is_cached_and_small():
    lexicon.cache_clear()
    lex = lexicon()
    assert lexicon() is lex  # loaded once
    assert isinstance(lex.names, frozenset) and isinstance(lex.ambiguous, frozenset)
    assert not lex.names & lex.ambiguous


# --- one word -----------------------------------------------------------------------

MANY_CULTURES = [
    # English, Celtic, French, German, Dutch, Scandinavian
    "Elizabeth", "Wystan", "Willard", "Siobhán", "Llywelyn", "Romain", "Geneviève", "André",
    "Gottfried", "Hildegard", "Maarten", "Sjoerd", "Björn", "Solveig", "Halldór", "Väinö",
    # Italian, Spanish, Portuguese, Catalan, Basque, Latin American
    "Giuseppe", "Niccolò", "Joaquín", "Rocío", "João", "Conceição", "Jordi", "Núria", "Iñaki",
    "Cuauhtémoc", "Xóchitl",
    # Central and Eastern Europe
    "Józef", "Małgorzata", "Władysław", "Jiří", "Václav", "Ľudovít", "Mihály", "Zsuzsanna",
    "Gheorghe", "Panaït", "Liuba", "Vlady", "Osip", "Lev", "Grigory", "Grigori", "Aleksandr",
    "Alexander", "Nikolai", "Nikolay", "Sergei", "Sergey", "Yevgeny", "Evgeny", "Volodymyr",
    "Mykola", "Uladzimir", "Vytautas", "Jānis", "Dragoljub", "Slobodan", "Hristo", "Tigran",
    "Shota", "Nursultan",
    # Greek, Latin, Hebrew, Arabic, Persian, Turkish
    "Eleftherios", "Nikos", "Pericles", "Sappho", "Marcus", "Gaius", "Quintus", "Tiro", "Atticus",
    "Mordechai", "Yitzhak", "Golda", "Muhammad", "Mohammed", "Abu", "Ahmad", "Fatima", "Nawal",
    "Kourosh", "Shirin", "Forough", "Recep", "Ayşe", "Nâzım",
    # South, East and South-East Asia
    "Rabindranath", "Jawaharlal", "Lakshmi", "Arundhati", "Venkatesh",
    "Gurpreet", "Zedong", "Mei", "Wei", "Li", "Yat-sen", "Kai-shek", "Yukio", "Kenzaburō", "Haruki",
    "Jun'ichirō", "Il-sung", "Dae-jung", "Syngman", "Sukarno", "Megawati",
    # Filipino, African, medieval
    "Apolinario", "Leonor", "Chinua", "Chimamanda", "Wole", "Ngozi", "Kwame", "Yaa", "Haile",
    "Tirunesh", "Wangari", "Thabo", "Nokuthula", "Amadou", "Aminata", "Geoffrey", "Hildebrand",
    "Æthelflæd", "Eleanor",
]


@pytest.mark.parametrize("name", MANY_CULTURES)
def test_given_names_of_many_cultures(name):
    assert is_given_name(name), name


@pytest.mark.parametrize(
    "variant",
    ["ANDRE", "andré", "Andre", "Panait", "PANAÏT", "Zoe", "Jozef", "Lukasz", "Jiri", "Stefan",
     "Sergej", "Sōseki", "Soseki", "Ze’ev", "Zeev", "Ilsung", "Niccolo"],
)
def test_folding_ignores_case_and_accents(variant):
    assert is_given_name(variant), variant


@pytest.mark.parametrize(
    "word", ["Jean-Paul", "Marie-Louise", "Karl-Heinz", "Anna-Lena", "Jean–Paul", "Ali-Akbar"]
)
def test_hyphenated_given_names(word):
    assert is_given_name(word)


@pytest.mark.parametrize("word", ["Ben-Gurion", "Saint-Simon", "Lasker-Schüler", "Jean-", "-Paul"])
def test_hyphenated_non_names(word):
    assert not is_given_name(word)


@pytest.mark.parametrize("word", ["J.", "J", "D.J.", "W.H.", "J.-P.", "R"])
def test_initials_are_not_names(word):
    assert is_initials(word)
    assert not is_given_name(word)


@pytest.mark.parametrize(
    "word",
    ["Rolland", "Mandelstam", "Istrati", "Trask", "Cotterill", "Publishers", "Terror", "City",
     "the", "and", "Trotsky", "Bolshevik", "1917", "", "  ", "J.R.R.", "Can", "Will", "Mine",
     "Van", "Sri", "Ham", "Job", "Lot", "Saint", "New"],
)
def test_non_names(word):
    assert not is_given_name(word)


def test_possessive_and_punctuation_are_ignored():
    assert is_given_name("Liuba's")
    assert is_given_name("(Vlady)")
    assert is_given_name("“Romain”,")


@pytest.mark.parametrize(
    "word",
    ["Florence", "Georgia", "Victoria", "Paris", "Sofia", "Jordan", "Santiago", "Virginia",
     "Roman", "Grace", "May", "June", "Will", "Christian", "Norman", "Milan", "Lincoln", "Al"],
)
def test_ambiguous_names_need_the_flag(word):
    assert is_ambiguous(word)
    assert not is_given_name(word)
    assert is_given_name(word, ambiguous=True)


def test_unambiguous_names_are_not_ambiguous():
    for w in ("Romain", "Liuba", "Mary", "Charlotte", "Vladimir", "Ion", "Florin"):
        assert not is_ambiguous(w), w
        assert is_given_name(w, ambiguous=True), w


# --- a whole name -------------------------------------------------------------------

PEOPLE = [
    "Romain Rolland", "Osip Mandelstam", "Panaït Istrati", "Panait Istrati", "Willard R. Trask",
    "D.J. Cotterill", "D. J. Cotterill", "D.J.Cotterill", "W. H. Auden", "Wm. Morris",
    "Liuba Russakova", "Vlady Kibalchich", "Natalia Sedova", "Lev Davidovich Bronstein",
    "Aleksandr Solzhenitsyn", "Yevgeny Zamyatin", "Evgeny Preobrazhensky", "Grigori Zinoviev",
    "Jean-Paul Sartre", "Ludwig van Beethoven", "Ludwig Mies van der Rohe", "Joan of Arc",
    "Hildegard of Bingen", "José Ortega y Gasset", "Gabriel García Márquez", "Frida Kahlo",
    "Andrés Nin", "Julián Gorkin", "Józef Piłsudski", "Václav Havel", "Attila József",
    "Mihai Eminescu", "Nikos Kazantzakis", "Marcus Tullius Cicero", "Gaius Julius Caesar",
    "Golda Meir", "Muhammad ibn Musa al-Khwarizmi", "Gamal Abdel Nasser", "Nawal El Saadawi",
    "Forough Farrokhzad", "Nâzım Hikmet", "Rabindranath Tagore", "Jawaharlal Nehru",
    "Yukio Mishima", "Haruki Murakami", "Kim Il-sung", "José Rizal", "Leonor Rivera",
    "Chinua Achebe", "Wole Soyinka", "Kwame Nkrumah", "Haile Selassie", "Wangari Maathai",
    "Ngũgĩ wa Thiong'o", "Thabo Mbeki", "Amadou Hampâté Bâ", "Geoffrey Chaucer",
    "Martin Luther King, Jr.", "Rolland, Romain", "Trask, Willard R.", "Auden, W. H.",
    "Kibalchich, Victor Lvovich", "Tsar Nicholas", "Tsar Alexander II", "Alexander II", "Louis XIV", "Malcolm X",
    "Pliny the Elder", "Catherine the Great", "Dr. Alexander Fleming", "Victor SERGE",
    "Laurette Séjourné", "Magdeleine Paz", "German Titov", "Victor Serge's",
]


@pytest.mark.parametrize("name", PEOPLE)
def test_people_score_high(name):
    assert looks_like_person(name) >= HIGH, (name, looks_like_person(name))


FAMILY_NAME_FIRST = ["Mao Zedong", "Sun Yat-sen", "Chiang Kai-shek", "Deng Xiaoping", "Ho Chi Minh",
                     "Natsume Sōseki"]


@pytest.mark.parametrize("name", FAMILY_NAME_FIRST)
def test_family_name_first_scores_fairly_high(name):
    assert 0.6 <= looks_like_person(name) < 0.9


NOT_PEOPLE = [
    "Pioneer Publishers", "Red Terror", "New York", "Communist International", "Mexico City",
    "Soviet Union", "Left Opposition", "Fourth International", "Moscow Trials", "Black Sea",
    "Saint Petersburg", "St. Petersburg", "San Francisco", "Buenos Aires", "Abu Dhabi",
    "Sri Lanka", "Russian Revolution", "French Resistance", "Spanish Civil War", "World War II",
    "Bank of England", "Library of Congress", "Hotel Lux", "Éditions Gallimard", "NKVD", "POUM",
    "the Comintern", "the Red Army", "Victoria Station", "Lenin Prize", "Marx-Engels Institute",
    "Leningrad Soviet", "Trotskyism", "Paris, France", "Washington, D.C.", "Ural Mountains",
    "General Secretary", "Jan. 1919", "Simon & Schuster", "Franz Josef Land", "Lake Victoria",
]


@pytest.mark.parametrize("name", NOT_PEOPLE)
def test_non_people_score_low(name):
    assert looks_like_person(name) <= LOW, (name, looks_like_person(name))


@pytest.mark.parametrize("name", ["Liuba", "Vlady", "Osip", "Nokuthula", "Tiro", "Zedong"])
def test_single_given_name_is_medium(name):
    assert 0.35 <= looks_like_person(name) <= 0.65


@pytest.mark.parametrize("name", ["Florence", "Georgia", "Victoria"])
def test_single_ambiguous_name_is_below_a_given_name(name):
    assert LOW < looks_like_person(name) < looks_like_person("Liuba")


@pytest.mark.parametrize(
    "name", ["Georgia O'Keeffe", "Victoria Ocampo", "Florence Nightingale", "Roman Jakobson",
             "Christian Rakovsky"]
)
def test_ambiguous_given_name_with_surname_is_between(name):
    s = looks_like_person(name)
    assert 0.5 <= s < looks_like_person("Romain Rolland")


@pytest.mark.parametrize("name", ["Trotsky", "Kronstadt", "Kibalchich", "Petrograd"])
def test_unknown_single_word_is_no_evidence(name):
    assert 0.1 < looks_like_person(name) <= 0.3


@pytest.mark.parametrize("name", ["van Gogh", "de Gaulle", "Ibn Khaldun", "Van Gogh"])
def test_particle_names_lean_person(name):
    assert 0.5 <= looks_like_person(name) < HIGH


@pytest.mark.parametrize("name", ["", "   ", "J.", "D.J.", "the", "van", "and", "German", "French"])
def test_degenerate_inputs_score_low(name):
    assert looks_like_person(name) <= LOW


def test_initials_alone_or_before_nothing_are_low():
    assert looks_like_person("J. R.") <= LOW
    assert looks_like_person("D.J.") <= LOW


def test_lower_case_words_veto():
    assert looks_like_person("Victor and Liuba") <= LOW
    assert looks_like_person("Romain Rolland wrote") <= LOW


def test_titles_help():
    assert looks_like_person("Comrade Trotsky") >= HIGH
    assert looks_like_person("Mrs. Dalloway") >= HIGH
    assert looks_like_person("Tsar Nicholas") > looks_like_person("Nicholas")


def test_order_of_evidence():
    full = looks_like_person("Osip Mandelstam")
    single = looks_like_person("Osip")
    unknown = looks_like_person("Mandelstam")
    veto = looks_like_person("Mandelstam Publishers")
    assert full > single > unknown > veto


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_score_is_always_in_unit_interval(text):
    s = looks_like_person(text)
    assert 0.0 <= s <= 1.0
    assert isinstance(is_given_name(text), bool)
    assert isinstance(is_ambiguous(text), bool)



def test_module_exports():
    for name in gn.__all__:
        assert hasattr(gn, name)
