"""Accuracy on every text that has a gold record: shared/eval/gold and tests/fixtures/bios.

Extracts each text, writes liferecord/1 predictions to a temporary folder,
and scores them with shared/eval/score.py, in three sets: the development set
(Serge), the fixture biographies the rules were developed against, and the
held-out fixtures (written by someone who never saw the extractor's output,
and never tuned on: the honest estimate for unseen biographies).

    .venv/bin/python bench/accuracy.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from vitagraph.export.liferecord import export  # noqa: E402
from vitagraph.nlp import Extractor  # noqa: E402
from vitagraph.readers import read_path  # noqa: E402

BIOS = ROOT / "tests" / "fixtures" / "bios"
HELD_OUT = {line.strip() for line in (BIOS / "held-out.list").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}
SETS = {
    "development (Serge)": (sorted((SHARED / "eval" / "gold").glob("*.json")), SHARED / "corpus"),
    "own fixtures": (sorted(p for p in BIOS.glob("*.json") if p.stem not in HELD_OUT), BIOS),
    "held-out fixtures": (sorted(p for p in BIOS.glob("*.json") if p.stem in HELD_OUT), BIOS),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--keep", type=Path, help="keep the predictions in this folder")
    ap.add_argument("--json", action="store_true", help="totals as JSON")
    args = ap.parse_args()
    scorer = SHARED / "eval" / "score.py"
    if not scorer.exists():
        sys.exit(f"no scorer at {scorer}")
    extractor = Extractor()
    for title, (golds, text_dir) in SETS.items():
        if not golds:
            continue
        gold_dir = Path(tempfile.mkdtemp())  # score.py reads a folder: this set's golds only
        for g in golds:
            (gold_dir / g.name).symlink_to(g)
        out = args.keep / title.split()[0] if args.keep else Path(tempfile.mkdtemp())
        out.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        for g in golds:
            src = text_dir / f"{g.stem}.txt"
            if not src.exists():
                continue
            doc = read_path(src)
            (out / f"{g.stem}.json").write_bytes(export(extractor(doc), doc))
        took = time.perf_counter() - t
        print(f"== {title}: {len(golds)} documents, extracted in {took:.1f} s")
        cmd = [sys.executable, str(scorer), str(gold_dir), str(out), "--sources", str(text_dir)]
        if args.json:
            cmd.append("--json")
        sys.stdout.flush()
        subprocess.run(cmd, check=False)


if __name__ == "__main__":
    main()
