"""Evaluate `find_figures` on NewsQuant dev: write predictions, run the shared scorer, print the table and speed.

Usage: python benchmarks/eval_figures.py [--data DIR] [--eval DIR] [--out PRED.jsonl] [--ranges exact|average]
       [--errors]

`--errors` also lists every disagreement with the gold, one line each: FN (gold value not found), FP (predicted
value not in the gold), UNIT and QUAL (value found, unit or qualifier differs). The pairing is one-to-one per
sentence, preferring the prediction that agrees on unit and qualifier; it explains the table, it is not the scorer.
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
    parser.add_argument("--errors", action="store_true", help="list false negatives, false positives and mismatches")
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
    if args.errors:
        gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for line in list_errors(docs, gold):
            print(line)
    return result.returncode


def _close(gold: float | None, pred: float | None) -> bool:
    """numpy.isclose as the scorer uses it (absent ends match only each other)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return abs(gold - pred) <= 1e-8 + 1e-5 * abs(pred)


def list_errors(docs: list[dict], gold: list[dict]) -> list[str]:
    """One line per disagreement between `find_figures` and the gold, grouped by kind (FN, FP, UNIT, QUAL)."""
    by_doc: dict[str, list[dict]] = {}
    for record in gold:
        by_doc.setdefault(record["doc"], []).append(record)
    kinds: dict[str, list[str]] = {"FN": [], "FP": [], "UNIT": [], "QUAL": []}
    for doc in docs:
        predicted = [f for f in find_figures(doc["text"]) if f.value is not None]
        used: set[int] = set()
        for record in by_doc.get(doc["id"], []):
            best: tuple[int, int] | None = None
            for index, figure in enumerate(predicted):
                if index in used or not (
                    _close(record["value"], figure.value) and _close(record["value_max"], figure.value_max)
                ):
                    continue
                same_unit = str(figure.unit).lower() == str(record["unit"]).lower()
                score = 2 * same_unit + (figure.qualifier == record["qualifier"])
                if best is None or score > best[0]:
                    best = (score, index)
            wanted = f"{record['value']}-{record['value_max']} {record['unit']!r} {record['qualifier']}"
            if best is None:
                kinds["FN"].append(f"FN   {doc['id']} {wanted} [{record['unit_surface']}]")
                continue
            used.add(best[1])
            figure = predicted[best[1]]
            if str(figure.unit).lower() != str(record["unit"]).lower():
                kinds["UNIT"].append(f"UNIT {doc['id']} {figure.surface!r}: {figure.unit!r}, gold {record['unit']!r}")
            if figure.qualifier != record["qualifier"]:
                kinds["QUAL"].append(
                    f"QUAL {doc['id']} {figure.surface!r}: {figure.qualifier}, gold {record['qualifier']}"
                )
        for index, figure in enumerate(predicted):
            if index not in used:
                kinds["FP"].append(f"FP   {doc['id']} {figure.surface!r} {figure.unit!r} {figure.qualifier}")
    lines = []
    for kind, rows in kinds.items():
        lines.append(f"{kind}: {len(rows)}")
        lines.extend(rows)
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
