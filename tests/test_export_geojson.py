"""GeoJSON: valid for the geojson package; places as Points, the itinerary as a timed LineString."""

from __future__ import annotations

import json

import geojson

from test_export_common import empty, empty_document, malformed, malformed_document, odd, odd_document
from vitagraph.export import geojson as geo
from vitagraph.model import Event, Evidence, Place, Record, Subject


def load(record, document):
    obj = geojson.loads(geo.export(record, document).decode("utf-8"))
    assert obj.is_valid, obj.errors()
    return obj


def features(obj, kind):
    return [f for f in obj["features"] if f["properties"]["kind"] == kind]


def test_places_are_points_with_their_events():
    obj = load(odd(), odd_document())
    points = {f["properties"]["name"]: f for f in features(obj, "place")}
    assert set(points) == {"Kraków", "Paris", "Cairo", "東京", "Rome"}  # Atlantis has no coordinates
    assert obj["unlocated"] == ["Atlantis"]
    paris = points["Paris"]
    assert paris["geometry"] == {"type": "Point", "coordinates": [2.3488, 48.85341]}  # lon, lat
    assert [e["type"] for e in paris["properties"]["events"]] == ["joined", "imprisoned"]
    assert paris["properties"]["events"][1]["date"] == "1913/1917-01"
    assert paris["properties"]["events"][1]["latest"] == "1917-01-31"
    assert paris["properties"]["start"] == "1913-01-01" and paris["properties"]["end"] == "1917-01-31"
    assert points["Kraków"]["properties"]["roles"] == ["birthplace"]
    assert points["Cairo"]["properties"]["aliases"] == ["القاهرة"]
    assert points["Cairo"]["properties"]["events"][0]["when"] == "spring 1927"


def test_itinerary_is_a_linestring_of_stays_in_time_order():
    obj = load(odd(), odd_document())
    (line,) = features(obj, "itinerary")
    props = line["properties"]
    # the stays of vitagraph.itinerary (a trip to Rome or joining a union is no stay), then death
    assert props["places"] == ["Kraków", "Paris", "Cairo", "東京"]
    assert props["events"] == ["born", "imprisoned", "moved", "died"]
    assert props["dates"] == ["1890-03-03", "1913/1917-01", "1927-21", "1947~"]
    assert props["until"] == ["1913/1917-01", "1927-21", None, None]
    assert props["times"] == ["1890-03-03", "1913-01-01", "1927-03-01", "1947-01-01"]
    assert props["coordinateProperties"]["times"] == props["times"]
    assert line["geometry"]["coordinates"][0] == [19.93658, 50.06143]
    assert len(line["geometry"]["coordinates"]) == len(props["times"])


def test_bc_stays_come_first():
    record = Record("x", None, places=(Place("p:a", "A", "city", 1.0, 1.0), Place("p:b", "B", "city", 2.0, 2.0),
                                       Place("p:c", "C", "city", 3.0, 3.0)),
                    events=(Event("moved", "0100", "p:b", (), Evidence(0, 0)),
                            Event("moved", "-0100", "p:a", (), Evidence(0, 0)),
                            Event("moved", "-0043-03-15", "p:c", (), Evidence(0, 0))))
    (line,) = features(load(record, empty_document()), "itinerary")
    assert line["properties"]["places"] == ["A", "C", "B"]
    assert line["properties"]["times"] == ["-0100-01-01", "-0043-03-15", "0100-01-01"]


def test_subject_birth_and_death_fill_in_without_events():
    record = Record("x", Subject("s", "A B", born_date="1900", born_place="Here", died_date="1950", died_place="There"),
                    places=(Place("p:here", "Here", "city", 10.0, 20.0), Place("p:there", "There", "city", 11.0, 21.0)))
    obj = load(record, empty_document())
    (line,) = features(obj, "itinerary")
    assert line["geometry"]["coordinates"] == [[20.0, 10.0], [21.0, 11.0]]
    assert line["properties"]["events"] == ["born", "died"]


def test_one_stop_is_no_line():
    record = Record("x", None, places=(Place("p", "P", "city", 1.0, 1.0),),
                    events=(Event("moved", "1900", "p", (), Evidence(0, 0)),))
    obj = load(record, empty_document())
    assert not features(obj, "itinerary")


def test_empty_and_malformed():
    assert load(empty(), empty_document())["features"] == []
    obj = load(malformed(), malformed_document())
    names = {f["properties"]["name"] for f in features(obj, "place")}
    assert names == {"A"}  # NaN, out of range and infinite coordinates are not points; duplicates once
    json.loads(geo.export(malformed(), malformed_document()))  # strict JSON
