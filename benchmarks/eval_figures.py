"""Evaluate `find_figures` on NewsQuant dev: write predictions, run the shared scorer, print the table and speed.

Usage: python benchmarks/eval_figures.py [--data DIR] [--eval DIR] [--out PRED.jsonl] [--ranges exact|average]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from claimdb.extract.figures import find_figures

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "newsquant", help="NewsQuant data folder")
    parser.add_argument("--eval", type=Path, default=SHARED / "eval", help="folder holding score_figures.py")
    parser.add_argument("--split", default="dev", help="split name: reads SPLIT.docs.jsonl and SPLIT.gold.jsonl")
    parser.add_argument("--out", type=Path, default=Path("/tmp/claimdb_figures_pred.jsonl"), help="predictions")
    parser.add_argument("--ranges", choices=("exact", "average"), default="exact")
    parser.add_argument("--repeat", type=int, default=20, help="timing repetitions over all sentences")
    args = parser.parse_args()

    docs_path = args.data / f"{args.split}.docs.jsonl"
    gold_path = args.data / f"{args.split}.gold.jsonl"
    docs = [json.loads(line) for line in docs_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    vague = 0
    with args.out.open("w", encoding="utf-8") as out:
        for doc in docs:
            for figure in find_figures(doc["text"]):
                if figure.value is None:
                    vague += 1  # the scorer needs a number; vague quantities have none
                    continue
                record = {
                    "doc": doc["id"],
                    "surface": figure.surface,
                    "span": [figure.start, figure.end],
                    "value": figure.value,
                    "value_max": figure.value_max,
                    "unit": figure.unit,
                    "qualifier": figure.qualifier,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")

    timings = []
    texts = [doc["text"] for doc in docs]
    for _ in range(args.repeat):
        for text in texts:
            began = time.perf_counter()
            find_figures(text)
            timings.append(time.perf_counter() - began)
    command = [
        sys.executable,
        str(args.eval / "score_figures.py"),
        "--docs",
        str(docs_path),
        "--gold",
        str(gold_path),
        "--pred",
        str(args.out),
        "--ranges",
        args.ranges,
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    micro = [t * 1e6 for t in timings]
    print(f"vague figures (value None, not scored): {vague}")
    print(
        f"speed: {statistics.median(micro):.0f} µs median, {statistics.mean(micro):.0f} µs mean, "
        f"{sorted(micro)[int(len(micro) * 0.95)]:.0f} µs p95 per sentence ({len(texts)} sentences x {args.repeat})"
    )
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
