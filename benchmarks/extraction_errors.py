"""Bucket the extractor's PolNeAR errors by pattern, to see which rule to write next.

    .venv/bin/python benchmarks/extraction_errors.py                      # train split, summary
    .venv/bin/python benchmarks/extraction_errors.py --show fn-cue:said   # examples of one bucket
    .venv/bin/python benchmarks/extraction_errors.py --dump errors.jsonl  # every error, one per line

Runs `extract_statements` over `<data>/polnear/<split>.docs.jsonl`, matches predictions to gold with the
scorer's own greedy matching at overlap 0.3 (`shared/eval/score_quotes.py`), and counts:

* `fn-cue:<word>`  gold attributions with no overlapping prediction at all, by the last word of the gold cue;
* `fn-low`         gold attributions overlapped by a prediction, but not enough (or by one already taken);
* `fp-cue:<word>`  unmatched predictions, by their cue word (`overlaps-gold` when they touch some gold);
* `spk:<why>`      matched pairs whose speaker name is wrong, by the shape of the gold mention
  (nominal "the senator", appositive "Clinton, a Democrat,", none predicted, other person).

Tune on train; dev is for the final figure only.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimdb.extract import extract_statements  # noqa: E402
from claimdb.extract.serialize import statement_record  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
_NOMINAL_OPENERS = {"the", "a", "an", "one", "another", "some", "two", "three", "many", "several", "other", "his"}


def _scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _context(text: str, spans: list[tuple[int, int]], width: int = 80) -> str:
    if not spans:
        return ""
    s, e = spans[0][0], spans[-1][1]
    a = max(0, text.rfind("\n", 0, s) + 1, s - width)
    b = min(len(text), e + width)
    nl = text.find("\n", e)
    if nl != -1:
        b = min(b, nl)
    return text[a:b].replace("\n", " ")


def _speaker_bucket(sq: ModuleType, gold: dict[str, object], pred: dict[str, object]) -> str:
    name = str(gold["speaker"])
    pred_name = pred["speaker"]
    if pred_name is None:
        return "spk:none-predicted"
    toks = sq.name_tokens(name)
    ptoks = sq.name_tokens(str(pred_name))
    if "," in name or " who " in f" {name} ":
        return "spk:gold-appositive" if ptoks and ptoks[-1] in toks else "spk:gold-appositive-other"
    if toks and toks[0] in _NOMINAL_OPENERS:
        return "spk:gold-nominal"
    if ptoks and ptoks[-1] in toks:
        return "spk:gold-longer-phrase"  # "Gov. Phil Bryant of Mississippi"
    if toks and ptoks and toks[-1] in ptoks:
        return "spk:pred-longer"
    if not any(w[:1].isupper() for w in name.split()):
        return "spk:gold-lowercase"
    return "spk:other-person"


def analyse(
    split: str, data: Path, scorer_path: Path, dump_predictions: Path | None = None
) -> tuple[Counter[str], dict[str, list[dict[str, object]]]]:
    """Run the extractor on a split and return bucket counts and the errors in each bucket."""
    dumped = dump_predictions.open("w", encoding="utf-8") if dump_predictions else None
    sq = _scorer(scorer_path)
    docs = [json.loads(x) for x in (data / "polnear" / f"{split}.docs.jsonl").read_text().splitlines() if x.strip()]
    gold_by_doc: dict[str, list[dict[str, object]]] = defaultdict(list)
    raw_gold: dict[str, list[dict[str, object]]] = defaultdict(list)
    for line in (data / "polnear" / f"{split}.gold.jsonl").read_text().splitlines():
        if line.strip():
            g = json.loads(line)
            gold_by_doc[g["doc"]].append(sq.norm_gold(g))
            raw_gold[g["doc"]].append(g)
    counts: Counter[str] = Counter()
    examples: dict[str, list[dict[str, object]]] = defaultdict(list)
    for doc in docs:
        text = doc["text"]
        records = [statement_record(doc["id"], s) for s in extract_statements(text)]
        preds = [sq.norm_pred(r) for r in records]
        golds = gold_by_doc.get(doc["id"], [])
        pairs = sq.greedy_match(golds, preds, 0.3, False)
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pj for _, pj in pairs}
        for gi, g in enumerate(golds):
            if not g["content"] or gi in matched_g:
                continue
            raw = raw_gold[doc["id"]][gi]
            gc = sq.merge(g["content"])
            cover = [sq.intersect_len(gc, sq.merge(p["content"])) / sq.span_len(gc) for p in preds]
            cue_words = (raw.get("cue_text") or "").lower().split()
            if any(c > 0.3 for c in cover):
                key = "fn-low:taken"  # a prediction covers it, but went to another gold
            elif any(cover):
                key = "fn-low:short"  # predictions touch it but cover too little of it
            else:
                key = f"fn-cue:{cue_words[-1] if cue_words else '(none)'}"
            counts["fn"] += 1
            counts[key] += 1
            examples[key].append(
                {
                    "doc": doc["id"],
                    "source": raw.get("source_text"),
                    "cue": raw.get("cue_text"),
                    "content": (raw.get("content_text") or "")[:160],
                    "context": _context(text, g["source"] + g["cue"] + g["content"]),
                }
            )
        gold_of = {pj: gi for gi, pj in pairs}
        for pj, (p, r) in enumerate(zip(preds, records, strict=True)):
            if dumped is not None:
                gi = gold_of.get(pj)
                row = {
                    "doc": doc["id"],
                    "span": r["content_span"],
                    "speaker": r["speaker"],
                    "cue": r["cue"],
                    "content": str(r["content"])[:160],
                    "matched": gi is not None,
                    "speaker_ok": gi is not None and sq.name_match(golds[gi]["speaker"], p["speaker"]),
                    "gold_speaker": golds[gi]["speaker"] if gi is not None else None,
                    "context": _context(text, p["content"]),
                }
                dumped.write(json.dumps(row, ensure_ascii=False) + "\n")
            if pj in matched_p:
                continue
            pc = sq.merge(p["content"])
            touched = [
                gi for gi, g in enumerate(golds) if g["content"] and sq.intersect_len(sq.merge(g["content"]), pc)
            ]
            cue = (r.get("cue") or "(none)").lower().split()
            if not touched:
                key = f"fp-cue:{cue[-1] if cue else '(none)'}"
            elif all(gi in matched_g for gi in touched):
                key = "fp-overlap:gold-taken"  # every gold it touches matched another prediction
            else:
                key = "fp-overlap:short"  # it touches an unmatched gold but covers too little of it
            counts["fp"] += 1
            counts[key] += 1
            examples[key].append(
                {
                    "doc": doc["id"],
                    "speaker": r.get("speaker"),
                    "cue": r.get("cue"),
                    "content": str(r.get("content"))[:160],
                    "context": _context(text, p["content"]),
                }
            )
        for gi, pj in pairs:
            g, p = golds[gi], preds[pj]
            if g["speaker"] is not None and sq.is_pronoun(g["speaker"]):
                continue
            counts["spk-n"] += 1
            if sq.name_match(g["speaker"], p["speaker"]):
                continue
            key = "spk:gold-none" if g["speaker"] is None else _speaker_bucket(sq, g, p)
            counts["spk-wrong"] += 1
            counts[key] += 1
            examples[key].append(
                {
                    "doc": doc["id"],
                    "gold": g["speaker"],
                    "pred": p["speaker"],
                    "pred_mention": text[p["source"][0][0] : p["source"][-1][1]] if p["source"] else None,
                    "context": _context(text, g["source"] + g["content"], 60)[:300],
                }
            )
    if dumped is not None:
        dumped.close()
    return counts, examples


def main() -> int:
    """Print bucket counts (largest first) and, with --show, examples of one bucket."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["train", "dev"], default="train")
    parser.add_argument("--data", type=Path, default=SHARED / "data")
    parser.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score_quotes.py")
    parser.add_argument("--show", action="append", default=[], help="bucket to print examples of (repeatable)")
    parser.add_argument("--examples", type=int, default=25)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--dump", type=Path, help="write every error as JSON Lines")
    parser.add_argument("--dump-predictions", type=Path, help="write every prediction with its match as JSON Lines")
    args = parser.parse_args()
    counts, examples = analyse(args.split, args.data, args.scorer, args.dump_predictions)
    print(
        f"{args.split}: fn {counts['fn']}  fp {counts['fp']}  "
        f"speaker wrong {counts['spk-wrong']} of {counts['spk-n']} named pairs"
    )
    for prefix in ("fn-", "fp-", "spk:"):
        rows = sorted(((k, v) for k, v in counts.items() if k.startswith(prefix)), key=lambda kv: -kv[1])
        print(f"\n{prefix} buckets (top {args.top}):")
        for key, value in rows[: args.top]:
            print(f"  {value:6d}  {key}")
    for key in args.show:
        print(f"\n== {key} ({len(examples.get(key, []))})")
        for example in examples.get(key, [])[: args.examples]:
            print("  " + json.dumps(example, ensure_ascii=False))
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as handle:
            for key, rows in examples.items():
                for row in rows:
                    handle.write(json.dumps({"bucket": key, **row}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
