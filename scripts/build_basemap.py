"""Build the explorer's offline basemap from world-atlas's Natural Earth TopoJSON.

    mkdir -p /tmp/wa && cd /tmp/wa && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python scripts/build_basemap.py /tmp/wa/package/countries-50m.json

writes ``src/vitagraph/web/static/basemap.json``: each country as SVG path
data, already projected (Web Mercator, the world 1000 units wide, as
``static/js/views/map.js`` projects markers), rounded to 0.1 unit and
simplified to what shows at that precision. Antarctica is left out (it only
stretches a Mercator map). Run at build time only: the explorer needs no
Node.js and no network.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

W = 1000.0
MAX_LAT = 85.05113
OUT = Path(__file__).resolve().parents[1] / "src" / "vitagraph" / "web" / "static" / "basemap.json"


def project(lon: float, lat: float) -> tuple[float, float]:
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    x = (lon + 180.0) / 360.0 * W
    y = W / 2 - W / (2 * math.pi) * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return x, y


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Quantized, delta-encoded arcs to lon/lat lists."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(arc if not pts else arc[1:])
    return pts


def simplify(pts: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Drop points closer than ``tolerance`` to the last kept one (enough at 0.1 unit)."""
    out = [pts[0]]
    for p in pts[1:-1]:
        if abs(p[0] - out[-1][0]) + abs(p[1] - out[-1][1]) >= tolerance:
            out.append(p)
    out.append(pts[-1])
    return out


def unwrap(r: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring that crosses the antimeridian (Chukotka, Fiji) made continuous, plus its
    copy shifted by 360 degrees, so neither draws a band across the whole map."""
    out = [r[0]]
    for lon, lat in r[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while lon - prev < -180:
            lon += 360
        out.append((lon, lat))
    lons = [p[0] for p in out]
    copies = [out]
    if max(lons) > 180:
        copies.append([(lon - 360, lat) for lon, lat in out])
    if min(lons) < -180:
        copies.append([(lon + 360, lat) for lon, lat in out])
    return copies


def path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for r in (c for ring_ in rings for c in unwrap(ring_)):
        pts = simplify([project(lon, lat) for lon, lat in r], 0.3)
        if len(pts) < 4:
            continue
        coords = []
        px = py = None
        for x, y in pts:
            xr, yr = round(x, 1), round(y, 1)
            if (xr, yr) == (px, py):
                continue
            coords.append(f"{xr:g},{yr:g}")
            px, py = xr, yr
        parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("topojson", type=Path, help="countries-50m.json or countries-110m.json from world-atlas")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args()
    topo = json.loads(args.topojson.read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    countries = []
    for geom in topo["objects"]["countries"]["geometries"]:
        name = (geom.get("properties") or {}).get("name", "")
        if name == "Antarctica" or geom.get("type") is None:
            continue
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        rings = [ring(arcs, r) for poly in polys for r in poly]
        d = path(rings)
        if d:
            countries.append({"name": name, "d": d})
    countries.sort(key=lambda c: c["name"])
    data = {
        "source": f"Natural Earth (public domain) via world-atlas 2.0.2 (ISC), {args.topojson.name}",
        "projection": "Web Mercator, x = (lon + 180) / 360 * 1000",
        "width": W,
        "countries": countries,
    }
    args.output.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.output} ({args.output.stat().st_size / 1024:.0f} KB, {len(countries)} countries)")


if __name__ == "__main__":
    main()
