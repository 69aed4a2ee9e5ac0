"""Gazetteer figures: index build, load time, lookup/resolve throughput, peak memory.

Prints figures only (no timed assertions).

    .venv/bin/python bench/gazetteer.py            # uses the cached index (builds it if missing)
    .venv/bin/python bench/gazetteer.py --build    # also times a fresh build in a temp dir

Load time and memory are measured in fresh subprocesses, so they are not inflated
by this process.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vitagraph.gazetteer import Gazetteer, ensure_index  # noqa: E402

_ENV = {
    **os.environ,
    "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""),
}

_MEM = r"""
def mem():
    # VmHWM (peak) / VmRSS (now) of this process, in MB (Linux; 0 elsewhere)
    out = {"VmHWM": 0.0, "VmRSS": 0.0}
    try:
        with open("/proc/self/status") as f:
            for line in f:
                k, _, v = line.partition(":")
                if k in out:
                    out[k] = int(v.split()[0]) / 1024
    except OSError:
        pass
    return out
"""

_BUILD = (
    _MEM
    + r"""
import json, sys, time
from vitagraph.gazetteer import build_index
t = time.perf_counter()
stats = build_index(sys.argv[1])
took = time.perf_counter() - t
print(json.dumps({"seconds": took, "stats": stats, "peak_rss_mb": mem()["VmHWM"]}))
"""
)

_LOAD = (
    _MEM
    + r"""
import json, sys, time
t0 = time.perf_counter()
r0 = mem()["VmRSS"]
from vitagraph.gazetteer import Gazetteer
r1 = mem()["VmRSS"]
t1 = time.perf_counter()
g = Gazetteer.open(sys.argv[1])  # validates the cache key + file, then opens it
t2 = time.perf_counter()
g.lookup("Paris")
t3 = time.perf_counter()
g.resolve_all(["Petrograd", "Kronstadt", "Paris", "Georgia", "Atlanta", "Précigné"])
t4 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "open_s": t2 - t1, "first_lookup_s": t3 - t2,
                  "first_resolve_all_s": t4 - t3,
                  "rss_python_mb": r0, "rss_imported_mb": r1, "rss_mb": mem()["VmRSS"],
                  "peak_rss_mb": mem()["VmHWM"]}))
"""
)


def _run(code: str, *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], env=_ENV, check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _names(gz: Gazetteer, n: int) -> list[str]:
    con = gz._con()
    rows = con.execute(
        "SELECT name FROM places WHERE kind='city' AND pid % 11 = 0 LIMIT ?", (n,)
    ).fetchall()
    return [r[0] for r in rows]


def _rate(fn, items) -> float:
    t = time.perf_counter()
    for it in items:
        fn(it)
    return len(items) / (time.perf_counter() - t)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--build", action="store_true", help="also time a fresh build in a temp dir")
    ap.add_argument("-n", type=int, default=20_000, help="names for the lookup throughput run")
    args = ap.parse_args()

    if args.build:
        with tempfile.TemporaryDirectory() as tmp:
            b = _run(_BUILD, str(Path(tmp) / "g.sqlite3"))
            size = (Path(tmp) / "g.sqlite3").stat().st_size
        s = b["stats"]
        print(
            f"build           {b['seconds']:.1f} s  (JSON parse+index {s['parse_seconds']} s), "
            f"peak RSS {b['peak_rss_mb']:.0f} MB, file {size / 2**20:.1f} MB"
        )
        print(
            f"{'':16}{s['places']} places ({s['cities']} cities, {s['countries']} countries, "
            f"{s['regions']} regions, {s['historic_states']} historic states, {s['sites']} sites), "
            f"{s['names']} name rows / {s['keys']} distinct keys"
        )

    path = ensure_index()
    print(f"index           {path} ({path.stat().st_size / 2**20:.1f} MB)")
    loads = [_run(_LOAD, str(path.parent)) for _ in range(3)]
    best = min(loads, key=lambda d: d["open_s"] + d["first_lookup_s"])
    print(
        f"load            import {best['import_s'] * 1e3:.0f} ms, "
        f"open {best['open_s'] * 1e3:.1f} ms "
        f"(Gazetteer.open), first lookup {best['first_lookup_s'] * 1e3:.1f} ms, "
        "first resolve_all(6) "
        f"{best['first_resolve_all_s'] * 1e3:.1f} ms"
    )
    print(
        f"memory          RSS {best['rss_mb']:.1f} MB after open+queries, "
        f"peak {best['peak_rss_mb']:.1f} MB "
        f"(bare interpreter {best['rss_python_mb']:.1f} MB, "
        f"after import {best['rss_imported_mb']:.1f} MB)"
    )

    gz = Gazetteer(path)
    names = _names(gz, args.n)
    cold = _rate(gz.lookup, names)
    warm = _rate(gz.lookup, names)
    print(
        f"lookup          {cold:,.0f}/s cold (SQLite), {warm:,.0f}/s warm (in-process cache), "
        f"{len(names)} names"
    )
    res = _rate(gz.resolve, names[:5000])
    print(f"resolve         {res:,.0f}/s without context")
    ctx = ["France", "Paris", "Lyon", "Marseille", "Brussels"]
    gz.resolve("Précigné", ctx)
    res_ctx = _rate(lambda n: gz.resolve(n, ctx), names[:5000])
    print(f"resolve         {res_ctx:,.0f}/s with a 5-name document context")
    doc = names[:200]
    t = time.perf_counter()
    gz.resolve_all(doc)
    dt = time.perf_counter() - t
    print(f"resolve_all     {dt * 1e3:.0f} ms for a 200-name document")
    doc = names[:1000]
    t = time.perf_counter()
    gz.resolve_all(doc)
    dt = time.perf_counter() - t
    print(f"resolve_all     {dt * 1e3:.0f} ms for a 1000-name document")


if __name__ == "__main__":
    main()
