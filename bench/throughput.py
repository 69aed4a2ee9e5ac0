"""Throughput: the whole vitagraph pipeline against bare en_core_web_sm.

Both read the same texts in the same run (the Serge sample and the fixture
biographies, repeated); tokens are counted by spaCy's tokenizer once, so the
two rates are comparable. Prints tokens/s of each and their ratio (target
>= 1.0: vitagraph does not parse list items or headings), then the gain
from 2 worker processes, the cold extract time of one file, and peak memory.

    .venv/bin/python bench/throughput.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import vitagraph  # noqa: E402
from vitagraph.nlp.model import load_base  # noqa: E402

_extractor = None


def _work(path: str) -> int:
    global _extractor
    if _extractor is None:
        from vitagraph.nlp import Extractor

        _extractor = Extractor()
    return len(_extractor(vitagraph.read(path)).mentions)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    paths = [vitagraph.sample_path(), *sorted((ROOT / "tests" / "fixtures" / "bios").glob("*.txt"))]
    docs = [vitagraph.read(p) for p in paths]
    nlp = load_base()
    tokens = sum(len(nlp.make_doc(d.text)) for d in docs) * args.repeat

    from vitagraph.nlp import Extractor

    extractor = Extractor()
    extractor(docs[0])  # warm both: model and gazetteer loaded
    list(nlp.pipe([docs[0].text]))

    t = time.perf_counter()
    for _ in range(args.repeat):
        list(nlp.pipe(d.text for d in docs))
    bare = time.perf_counter() - t

    t = time.perf_counter()
    for _ in range(args.repeat):
        for d in docs:
            extractor(d)
    ours = time.perf_counter() - t

    print(f"texts            {len(docs)} x {args.repeat}, {tokens:,} tokens")
    print(f"bare spaCy       {tokens / bare:,.0f} tokens/s")
    print(f"vitagraph        {tokens / ours:,.0f} tokens/s")
    print(f"ratio            {bare / ours:.2f} (vitagraph speed / bare en_core_web_sm speed; target >= 1.0)")

    jobs = [str(p) for p in paths] * args.repeat
    ctx = mp.get_context("fork")
    with ctx.Pool(2) as pool:
        pool.map(_work, jobs[:2])  # warm the workers
        t = time.perf_counter()
        pool.map(_work, jobs, chunksize=1)
        two = time.perf_counter() - t
    print(f"2 processes      {tokens / two:,.0f} tokens/s ({ours / two:.2f}x one process)")
    print(f"peak RSS         {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (this process)")

    with tempfile.TemporaryDirectory() as out:
        t = time.perf_counter()
        proc = subprocess.run(
            [str(ROOT / ".venv" / "bin" / "vitagraph"), "extract", str(vitagraph.sample_path()), "-o", out],
            capture_output=True, text=True,
        )
        cold = time.perf_counter() - t
    print(f"cold extract     {cold:.2f} s for the Serge file (target <= 3 s){'' if proc.returncode == 0 else ' FAILED: ' + proc.stderr[-300:]}")


if __name__ == "__main__":
    main()
