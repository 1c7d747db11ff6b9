"""CheckThat! 2020 Task 2 on dev (claim retrieval) and the link-quality set: the figures docs/matching.md reports.

    .venv/bin/python benchmarks/eval_matching.py [--split dev|train|both] [--semantic] [--db PATH] [--links-only]

Builds a claimdb database the real way (open_database runs the migrations), imports vclaims.jsonl
(id -> external_id, claim -> canonical_text, title -> title), ranks every query with `rank_claims` (what
`claimdb match --queries` calls), scores the run with ../shared/eval/score_ranking.py and prints one table:
MAP@1, MAP@5, MRR and ms/query per split. `--semantic` adds a row with the sentence-embedding stage (the
optional `semantic` extra; embeddings are cached, see claimdb/matching/semantic.py, so the first run is the
slow one). The constants were fitted on train; dev is the held-out figure. Then it runs
the link-quality pairs of tests/matching/link_pairs.jsonl and prints precision of auto links and recall of
suggested links per relation.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import insert

from claimdb.db.engine import open_database
from claimdb.db.models import Claim
from claimdb.matching import DEFAULT_SETTINGS, NewStatement, rank_claims
from claimdb.matching.decision import ClaimView, compare, decide

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "checkthat2020"
SCORER = SHARED / "eval" / "score_ranking.py"
LINK_PAIRS = ROOT / "tests" / "matching" / "link_pairs.jsonl"


def build_database(url: str) -> int:
    """Create the database and import the verified claims; returns how many were imported."""
    database = open_database(url)
    with open(DATA / "vclaims.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    with database.session(write=True) as session:
        session.execute(
            insert(Claim),
            [{"external_id": r["id"], "canonical_text": r["claim"], "title": r["title"]} for r in rows],
        )
    database.dispose()
    return len(rows)


def rank_split(url: str, split: str, run_path: Path, semantic: bool = False) -> float:
    """Rank every query of a split into a JSONL run file; returns milliseconds per query."""
    settings = DEFAULT_SETTINGS
    database = open_database(url)
    with open(DATA / f"{split}.queries.jsonl", encoding="utf-8") as f:
        queries = [json.loads(line) for line in f if line.strip()]
    started = time.perf_counter()
    with database.session() as session, open(run_path, "w", encoding="utf-8") as out:
        for query in queries:
            ranked = rank_claims(session, query["text"], limit=10, settings=settings, semantic=semantic)
            ids = [r.external_id for r in ranked]
            out.write(json.dumps({"query": query["id"], "ranked": ids}) + "\n")
    elapsed = time.perf_counter() - started
    database.dispose()
    return 1000 * elapsed / len(queries)


def pair_outcome(record: dict) -> tuple[str, str]:
    """(predicted relation or "join" / "none", tier) for one link-quality pair, decided without a database."""
    claim, new = record["claim"], record["new"]
    view = ClaimView(
        claim_id=1,
        text=claim["text"],
        claimant_id=claim["claimant_id"],
        first_said_on=date.fromisoformat(claim["said_on"]),
        last_said_on=date.fromisoformat(claim["said_on"]),
    )
    statement = NewStatement(new["text"], new["claimant_id"], date.fromisoformat(new["said_on"]))
    decision = decide([compare(statement, view, DEFAULT_SETTINGS)], DEFAULT_SETTINGS)
    if decision.join_claim_id is not None:
        return "join", "auto"
    if decision.links:
        return decision.links[0].relation, decision.links[0].status
    return "none", "-"


def evaluate_link_pairs(path: Path) -> str:
    """Precision of automatic decisions and recall of links on the link-quality pairs, as printable text."""
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    auto_total = auto_right = suggested_total = suggested_right = 0
    found: dict[str, list[int]] = {}
    wrong = []
    for record in records:
        expected = record["expected"]
        predicted, tier = pair_outcome(record)
        counts = found.setdefault(expected, [0, 0])
        counts[1] += 1
        counts[0] += predicted == expected
        if tier == "auto":
            auto_total += 1
            auto_right += predicted == expected
        elif tier == "suggested":
            suggested_total += 1
            suggested_right += predicted == expected
        if predicted != expected:
            wrong.append(f"    expected {expected:<18} got {predicted}/{tier}: {record['new']['text'][:70]}")
    linkable = [r for r in records if r["expected"] not in ("none", "join")]
    linked = sum(1 for r in linkable if pair_outcome(r)[0] == r["expected"])
    lines = [
        f"link-quality pairs: {len(records)}",
        f"  auto decisions (joins + auto links): {auto_total}, precision {auto_right / max(auto_total, 1):.3f}",
        f"  suggested links: {suggested_total}, of which right relation {suggested_right}",
        f"  recall of links with the right relation (auto or suggested): {linked}/{len(linkable)}"
        f" = {linked / max(len(linkable), 1):.3f}",
        "  per expected outcome: "
        + ", ".join(f"{name} {right}/{total}" for name, (right, total) in sorted(found.items())),
    ]
    return "\n".join(lines + (["  misses:"] + wrong if wrong else []))


def score_run(split: str, run_path: Path) -> dict[str, str]:
    """The official measures of a run, from ../shared/eval/score_ranking.py."""
    scored = subprocess.run(
        [sys.executable, str(SCORER), "--qrels", str(DATA / f"{split}.qrels.tsv"), "--pred", str(run_path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(line.split() for line in scored.splitlines() if line and not line.startswith("queries"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="dev", choices=("train", "dev", "both"))
    parser.add_argument("--db", help="SQLite file to build (default: a temporary one)")
    parser.add_argument("--links-only", action="store_true", help="only the link-quality set")
    parser.add_argument(
        "--semantic", action="store_true", help="also rank with sentence embeddings fused in (semantic extra)"
    )
    args = parser.parse_args()

    if not args.links_only:
        splits = ("train", "dev") if args.split == "both" else (args.split,)
        rankings = [False, True] if args.semantic else [False]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(args.db) if args.db else Path(tmp) / "checkthat.db"
            url = f"sqlite:///{path}"
            if not path.exists():
                started = time.perf_counter()
                n = build_database(url)
                print(f"imported {n} verified claims in {time.perf_counter() - started:.1f} s")
            rows = []
            for split in splits:
                for semantic in rankings:
                    run_path = Path(tmp) / f"{split}-{semantic}.run.jsonl"
                    ms = rank_split(url, split, run_path, semantic=semantic)
                    scores = score_run(split, run_path)
                    method = "lexical + MiniLM, rank fusion" if semantic else "default (bm25, 4-grams, static vectors)"
                    rows.append(
                        f"| {split:<5} | {method:<30} | {scores['MAP@1']} | {scores['MAP@5']} | {scores['MRR']} "
                        f"| {ms:8.1f} |"
                    )
            print("CheckThat! 2020 Task 2 (10,375 verified claims), SQLite, cleaned posts, porter stems, claim + title")
            print(f"| split | {'ranking':<30} | MAP@1  | MAP@5  | MRR    | ms/query |")
            print(f"|-------|{'-' * 32}|--------|--------|--------|----------|")
            print("\n".join(rows))

    print(evaluate_link_pairs(LINK_PAIRS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
