"""Places: the gazetteer, as the pipeline uses it.

Names are resolved jointly (each name's reading supports the others:
Kronstadt next to Petrograd is the naval base, not Brașov), countries named
by demonyms count as context, and sites the gazetteer does not know (a
prison, a villa, a cemetery) are placed at the city their sentence names.
"""

from __future__ import annotations

from functools import lru_cache

from ..gazetteer import Context, Gazetteer
from ..gazetteer import Place as GazPlace
from ..model import Entity, Place


class PlaceIndex:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gz = gazetteer
        self.known = lru_cache(maxsize=8192)(self._known)
        self.sites: dict[str, GazPlace] = {}
        self.context_places: dict[str, GazPlace] = {}

    def begin_document(self, place_names: list[str]) -> None:
        """The document's place-like names support each other ("Bryn Mawr" near "Pennsylvania")."""
        self.sites = {}
        names = tuple(dict.fromkeys(place_names))[:200]
        # resolve the document's place names once, jointly; lookups then use the resulting places
        resolved = self.gz.resolve_all(names) if names else {}
        self.context_places = {n: p for n, p in resolved.items() if p is not None}
        self.known.cache_clear()

    @classmethod
    def default(cls) -> PlaceIndex:
        return cls(Gazetteer.default())

    def _known(self, name: str, cue: bool = False) -> GazPlace | None:
        """A place reading of the name; a tiny village needs a cue ("in X", "reached X")."""
        if name in self.sites:
            return self.sites[name]
        try:
            others = tuple(p for n, p in self.context_places.items() if n != name)[:30]
            return self.gz.resolve(name, Context(places=others, words=("in",) if cue else ()))
        except Exception:  # a malformed name must not stop extraction
            return None

    def demonym(self, word: str) -> str | None:
        return self.gz.country_of_demonym(word)

    def site(self, name: str, city: str | None) -> GazPlace | None:
        """A site (villa, prison, cemetery) at the city its sentence names."""
        # the document's places are already resolved: pass them, not their names (no re-resolution)
        p = self.gz.resolve_site(name, Context(places=tuple(self.context_places.values())[:30]), city=city)
        if p is not None:
            self.sites[name] = p
        return p

    def resolve_all(self, names: list[str], *, countries: list[str] = ()) -> dict[str, GazPlace | None]:
        """Final readings: names resolved jointly at the start of the document keep that reading;
        the others (names that only later proved to be places) are resolved in its context."""
        out: dict[str, GazPlace | None] = {}
        rest = []
        for n in names:
            if n in self.sites:
                out[n] = self.sites[n]
            elif n in self.context_places:
                out[n] = self.context_places[n]
            else:
                rest.append(n)
        if rest:
            ctx = Context(names=tuple(rest), places=tuple(self.context_places.values())[:40], countries=tuple(countries))
            out.update(self.gz.resolve_all(rest, ctx))
        return out

    @staticmethod
    def identity(p: GazPlace) -> str:
        return p.uid or f"{p.name}@{p.lat:.3f},{p.lon:.3f}"

    @staticmethod
    def to_place(eid: str, entity: Entity, p: GazPlace, score: float = 0.0) -> Place:
        return Place(
            entity=eid,
            name=entity.name,
            kind=p.kind.replace("historic_state", "country"),
            lat=round(p.lat, 5),
            lon=round(p.lon, 5),
            country=p.country,
            geonameid=p.geonameid,
            aliases=tuple(a for a in entity.aliases if a != entity.name),
            score=score,
        )
