"""Reader and date-scanner speed on the sample formats, as ratios to a baseline
measured in the same run (splitting the same text into lines and words).

    .venv/bin/python bench/parsing.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import vitagraph  # noqa: E402
from vitagraph.nlp import edtf  # noqa: E402
from vitagraph.readers import read_text  # noqa: E402


def best(fn, n: int = 7) -> float:
    fn()
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    fixtures = ROOT / "tests" / "fixtures" / "readers"
    inputs = {
        "corpus": vitagraph.sample_path().read_text(encoding="utf-8"),
        "wikitext": (fixtures / "victor-serge.wiki").read_text(encoding="utf-8"),
        "html": (fixtures / "victor-serge.html").read_text(encoding="utf-8"),
    }
    for fmt, text in inputs.items():
        base = best(lambda: [line.split() for line in text.splitlines()])
        took = best(lambda: read_text(text, f"x.{fmt}", format=fmt))
        print(f"read {fmt:9} {len(text) / 1000:6.1f} KB  {took * 1000:7.2f} ms  ({took / base:5.1f}x line split)")
    text = inputs["corpus"]
    base = best(lambda: [line.split() for line in text.splitlines()])
    took = best(lambda: edtf.scan(text))
    print(f"edtf.scan          {len(text) / 1000:6.1f} KB  {took * 1000:7.2f} ms  ({took / base:5.1f}x line split)")


if __name__ == "__main__":
    main()
