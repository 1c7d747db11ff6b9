"""Claimant resolution: one row per person or organisation, found again through its aliases."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import cast

from sqlalchemy import Date, Select, Table, bindparam, case, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from claimdb.db.fastpath import Writer
from claimdb.db.models import Claim, Claimant, ClaimantAlias, ClaimantRole, Statement
from claimdb.db.upsert import get_or_create, insert_ignore
from claimdb.extract.lexicon import DETERMINERS, DOCUMENT_HEADS, PARTY_MEMBERS, PRONOUNS, SPEAKER_NOUNS
from claimdb.extract.types import Speaker

# Statements of the ingest path are built on the tables, not the mapped classes: compiling a statement of
# mapped attributes first configures every mapper (~45 ms, the first document of each run paid it).
_ROLES = cast(Table, ClaimantRole.__table__)
_ALIASES = cast(Table, ClaimantAlias.__table__)
_CLAIMANTS = cast(Table, Claimant.__table__)

_POSSESSIVE = re.compile(r"['’]s?$")
_NON_WORD = re.compile(r"[^\w\s-]+")
_SPACES = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """The comparison key of a name: "the Kremlin's" → "kremlin", "Oleksiy  Reznikov" → "oleksiy reznikov"."""
    key = unicodedata.normalize("NFKC", name).casefold().strip()
    key = _POSSESSIVE.sub("", key)
    key = _NON_WORD.sub(" ", key)
    key = _SPACES.sub(" ", key).strip()
    if key.startswith("the "):
        key = key[4:]
    return key


# Speaker "names" that identify nobody: a pronoun or quantifier the extractor kept as the speaker ("Some said",
# "It's", "Both insisted", "others")
_NOBODY = {
    *PRONOUNS,
    *DETERMINERS,
    "i'm",
    "others",
    "everyone",
    "everybody",
    "someone",
    "somebody",
    "anyone",
    "anybody",
    "nobody",
    "none",
    "no one",
    "they're",
    "we're",
    "you're",
}


# One capitalised word that is a common noun at the start of a sentence ("Poll", "Police said"), not a name
_COMMON_HEADS = DOCUMENT_HEADS | {
    "police",
    "department",
    "committee",
    "campaign",
    "party",
    "court",
    "group",
    "agency",
    "administration",
    "board",
    "tv",
    "census",
}
_PARTY_WORDS = PARTY_MEMBERS | {member.removesuffix("s") for member in PARTY_MEMBERS}  # "a Utah Republican"
_LEADING = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your"}


def names_nobody(name: str) -> bool:
    """True when a speaker name identifies nobody across articles: a pronoun or quantifier ("Some", "It's",
    "both"), a noun phrase without a proper name ("his campaign", "a statement", "analysts"), a common noun
    capitalised by its sentence ("Poll", "Police", "Analysts") or a party description ("a Utah Republican")."""
    if normalize_name(name) in _NOBODY:
        return True
    words = name.split()
    while words and words[0].lower() in _LEADING:
        words = words[1:]
    if not any(word[:1].isupper() or word[:1].isdigit() for word in words):
        return True
    if words and normalize_name(words[-1]) in _PARTY_WORDS:
        return True  # "Republican", "a New Hampshire Democrat", "Some Republicans": a description, no name
    return len(words) == 1 and (normalize_name(words[0]) in _COMMON_HEADS or words[0].lower() in SPEAKER_NOUNS)


def resolve_claimant(
    session: Session,
    speaker: Speaker,
    seen_on: date | None,
    *,
    as_written: bool = False,
    aliases: AliasOwners | None = None,
) -> int | None:
    """The claimant id for a speaker, creating it (with aliases and role) on first sight; None if unnamed.

    `as_written`: the name comes from imported data ("social media users" on a fact-check), not from the
    extractor, so it is kept even when it would name nobody in an article. `aliases`: the owners of the
    document's names, read at once (`AliasOwners.read`), kept up to date as aliases are added."""
    if not speaker.name or speaker.kind == "anonymous" or (not as_written and names_nobody(speaker.name)):
        return None
    if speaker.attribution == "title" and speaker.kind in ("person", "unknown"):
        # "Ukraine's defence minister" with no name in the article: the one claimant seen in that role;
        # a noun phrase without a role ("the consensus", "47 percent") names nobody.
        return find_by_role(session, speaker.title, speaker.affiliation, seen_on) if speaker.title else None
    key = normalize_name(speaker.name)
    if not key:
        return None
    claimant_id = _find_by_alias(session, key, aliases)
    if claimant_id is None:
        short = _without_middle(key) if speaker.kind == "person" else None
        # "Donald J. Trump", "Hillary Rodham Clinton": the one claimant named "Donald Trump" (an alias would not
        # do: "George Bush" may be an alias of "George W. Bush", who is not "George H. W. Bush")
        claimant_id = _find_by_key(session, short) if short is not None else None
        if claimant_id is None and speaker.kind == "person":
            claimant_id = _complete_surname(session, speaker.name, key, aliases)
        if claimant_id is None:
            claimant_id = get_or_create(
                session,
                Claimant,
                {"name": speaker.name, "kind": speaker.kind, "normalized_key": key},
                ["normalized_key"],
            )
            if short is not None and _find_by_alias(session, short, aliases) is None:
                words = speaker.name.split()  # a later "Donald Trump" finds "Donald J. Trump"
                add_alias(session, claimant_id, f"{words[0]} {words[-1]}", aliases)
        add_alias(session, claimant_id, speaker.name, aliases)
    # (Found by its alias: that alias is already recorded.)
    if (
        speaker.surface
        and speaker.attribution == "name"
        and normalize_name(speaker.surface) != key
        and _is_part_of_name(speaker.surface, key)
    ):
        add_alias(session, claimant_id, speaker.surface, aliases)  # "Reznikov" for "Oleksiy Reznikov"
    if speaker.title:
        record_role(session, claimant_id, speaker.title, speaker.affiliation or "", seen_on)
    return claimant_id


ROLE_MEMORY_DAYS = 365  # a role seen longer ago than this no longer identifies its holder


def find_by_role(session: Session, title: str, affiliation: str | None, seen_on: date | None) -> int | None:
    """The only claimant seen with `title` (and `affiliation`, when given) around `seen_on`, else None."""
    values: dict[str, object] = {"title": title.casefold()}
    if affiliation:
        values["affiliation"] = affiliation.casefold()
    elif len(title.split()) < 2:
        return None  # "the minister" of nobody in particular identifies nobody across articles
    if seen_on is not None:
        values["window"] = seen_on - timedelta(days=ROLE_MEMORY_DAYS)
    rows = Writer(session).rows(_role_holders(bool(affiliation), seen_on is not None), values)
    return rows[0][0] if len(rows) == 1 else None


@lru_cache(maxsize=4)
def _role_holders(by_affiliation: bool, in_window: bool) -> Select[int]:
    # Built once per shape, so the statement is compiled once.
    query = select(_ROLES.c.claimant_id).where(func.lower(_ROLES.c.title) == bindparam("title"))
    if by_affiliation:
        query = query.where(func.lower(_ROLES.c.affiliation) == bindparam("affiliation"))
    if in_window:
        window = bindparam("window", type_=Date)
        query = query.where(or_(_ROLES.c.last_seen.is_(None), _ROLES.c.last_seen >= window))
    return query.distinct().limit(2)


def _is_part_of_name(surface: str, key: str) -> bool:
    # Only bare name forms become aliases, not "Ukraine's Defence Minister Oleksiy Reznikov".
    words = normalize_name(surface).split()
    return bool(words) and set(words) <= set(key.split())


_ALIAS_OWNERS = (
    select(_ALIASES.c.claimant_id).where(_ALIASES.c.normalized_alias == bindparam("key")).distinct().limit(2)
)


def _without_middle(key: str) -> str | None:
    """A person's name key without its middle names and initials: "donald j trump" → "donald trump"."""
    words = key.split()
    if len(words) < 3 or len(words[0]) < 2 or len(words[-1]) < 2 or words[-1] in _SUFFIXES:
        return None
    return f"{words[0]} {words[-1]}"


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_KEY_OWNER = select(_CLAIMANTS.c.id).where(_CLAIMANTS.c.normalized_key == bindparam("key"))


_BARE_SURNAME_OWNER = select(_CLAIMANTS.c.id).where(
    _CLAIMANTS.c.normalized_key == bindparam("surname"), _CLAIMANTS.c.kind.in_(("person", "unknown"))
)
_COMPLETE_NAME = (
    update(Claimant)
    .where(Claimant.id == bindparam("owner"), Claimant.normalized_key == bindparam("surname"))
    .values(name=bindparam("full_name"), normalized_key=bindparam("full_key"), kind="person")
)


def _surname_key(key: str) -> str | None:
    words = key.split()
    if len(words) < 2 or len(words[-1]) < 3 or words[-1] in _SUFFIXES:
        return None
    return words[-1]


def _complete_surname(session: Session, name: str, key: str, aliases: AliasOwners | None) -> int | None:
    """The claimant known so far only by the surname of `name`, now given the full name; None if there is none.

    Articles that named "Kasich" alone made a claimant "Kasich"; the first "John Kasich" completes it instead
    of starting a second person, so the result does not depend on which article came first (the other order
    already resolves "Kasich" to "John Kasich" through its alias). Only when exactly one claimant answers to
    the surname, that claimant is the bare surname itself, and this document too calls the person by the
    surname alone (the evidence the other order needs for its alias: no "Fiona Apple" for a claimant "Apple")."""
    surname = _surname_key(key)
    if surname is None or aliases is None or key not in aliases.by_surname or _find_by_key(session, key) is not None:
        return None
    owner = _find_by_alias(session, surname, aliases)
    if owner is None or Writer(session).rows(_BARE_SURNAME_OWNER, {"surname": surname}) != [(owner,)]:
        return None
    values = {"owner": owner, "surname": surname, "full_name": name, "full_key": key}
    try:
        with session.begin_nested():  # a concurrent writer may have created the full name meanwhile
            completed = session.execute(_COMPLETE_NAME, values).rowcount  # type: ignore[attr-defined]
    except IntegrityError:
        return None
    return owner if completed else None


def _find_by_key(session: Session, key: str) -> int | None:
    rows = Writer(session).rows(_KEY_OWNER, {"key": key})
    return rows[0][0] if rows else None


def _find_by_alias(session: Session, key: str, aliases: AliasOwners | None = None) -> int | None:
    # An alias that names exactly one claimant identifies it; a shared surname identifies nobody.
    if aliases is not None and key in aliases.owners:
        owners = aliases.owners[key]
        return next(iter(owners)) if len(owners) == 1 else None
    rows = Writer(session).rows(_ALIAS_OWNERS, {"key": key})
    return rows[0][0] if len(rows) == 1 else None


@dataclass
class AliasOwners:
    """The claimants each of a document's name keys is an alias of, read in one query (ingest: one round trip
    instead of one per speaker), and kept up to date by `add_alias` within the document's transaction."""

    owners: dict[str, set[int]] = field(default_factory=dict)
    by_surname: set[str] = field(default_factory=set)  # full-name keys the document also gives as surname alone

    @classmethod
    def read(cls, session: Session, speakers: Iterable[Speaker]) -> AliasOwners:
        """The owners of every key `resolve_claimant` may look up for these speakers."""
        keys: set[str] = set()
        by_surname: set[str] = set()
        for speaker in speakers:
            if speaker.name:
                key = normalize_name(speaker.name)
                keys.add(key)
                short = _without_middle(key)
                if short is not None:
                    keys.add(short)
                surname = _surname_key(key)
                if surname is not None and speaker.kind == "person":
                    keys.add(surname)
                    if speaker.surface and normalize_name(speaker.surface) == surname:
                        by_surname.add(key)
        keys.discard("")
        found = cls({key: set() for key in keys}, by_surname)
        if keys:
            writer = Writer(session)
            ordered = sorted(keys)
            if writer.driver is not None:
                # SQLite's own cursor: Core's expanding IN cost more than the query (0.3 ms a document). In
                # chunks, under SQLite's limit on parameters whatever the document.
                rows = []
                for start in range(0, len(ordered), 500):
                    chunk = ordered[start : start + 500]
                    query = _ALIASES_OF_SQLITE.format(", ".join("?" * len(chunk)))
                    rows += writer.driver.execute(query, chunk).fetchall()
            else:
                rows = writer.rows(_ALIASES_OF, {"keys": ordered})
            for key, claimant_id in rows:
                found.owners[key].add(claimant_id)
        return found


_ALIASES_OF = select(_ALIASES.c.normalized_alias, _ALIASES.c.claimant_id).where(
    _ALIASES.c.normalized_alias.in_(bindparam("keys", expanding=True))
)
_ALIASES_OF_SQLITE = "SELECT normalized_alias, claimant_id FROM claimant_aliases WHERE normalized_alias IN ({})"


def add_alias(session: Session, claimant_id: int, alias: str, aliases: AliasOwners | None = None) -> None:
    """Record a surface form for a claimant (idempotent); `aliases` learns it too."""
    key = normalize_name(alias)
    if key and aliases is not None and key in aliases.owners:
        aliases.owners[key].add(claimant_id)
    if key:
        insert_ignore(
            session,
            ClaimantAlias,
            {"claimant_id": claimant_id, "alias": alias.strip(), "normalized_alias": key},
            ["claimant_id", "normalized_alias"],
        )


_seen = bindparam("seen_on", type_=Date)
_WIDEN_ROLE = (
    update(_ROLES)
    .where(
        _ROLES.c.claimant_id == bindparam("role_claimant_id"),
        _ROLES.c.title == bindparam("role_title"),
        _ROLES.c.affiliation == bindparam("role_affiliation"),
    )
    .values(
        first_seen=case(
            (_ROLES.c.first_seen.is_(None), _seen), (_ROLES.c.first_seen > _seen, _seen), else_=_ROLES.c.first_seen
        ),
        last_seen=case(
            (_ROLES.c.last_seen.is_(None), _seen), (_ROLES.c.last_seen < _seen, _seen), else_=_ROLES.c.last_seen
        ),
    )
)


def record_role(session: Session, claimant_id: int, title: str, affiliation: str, seen_on: date | None) -> None:
    """Record that a claimant held `title` (of `affiliation`) on `seen_on`, widening the seen range."""
    title, affiliation = " ".join(title.split()), " ".join(affiliation.split())  # no-break spaces, new lines
    key = {"role_claimant_id": claimant_id, "role_title": title, "role_affiliation": affiliation}
    # Usually the role is known: one UPDATE widens its dates. Otherwise insert it (a racing writer may win).
    writer = Writer(session)
    if writer.rowcount(_WIDEN_ROLE, {**key, "seen_on": seen_on}):
        return
    values = {"claimant_id": claimant_id, "title": title, "affiliation": affiliation}
    created = insert_ignore(
        session, ClaimantRole, {**values, "first_seen": seen_on, "last_seen": seen_on}, list(values)
    )
    if created is None:
        writer.rowcount(_WIDEN_ROLE, {**key, "seen_on": seen_on})


def drop_if_unused(session: Session, claimant_id: int) -> bool:
    """Delete a claimant that no statement or claim refers to any more, unless a person gave it an alias that is
    no form of its name ("the Iron Lady"); True when deleted. Used when re-extraction found a better speaker."""
    writer = Writer(session)
    if writer.rows(_USED_BY_STATEMENT, {"claimant_id": claimant_id}) or writer.rows(
        _USED_BY_CLAIM, {"claimant_id": claimant_id}
    ):
        return False
    claimant = session.get(Claimant, claimant_id)
    if claimant is None:
        return False
    own = set(claimant.normalized_key.split())
    if any(not set(alias.normalized_alias.split()) <= own for alias in claimant.aliases):
        return False
    session.delete(claimant)
    session.flush()
    return True


_USED_BY_STATEMENT = select(Statement.id).where(Statement.claimant_id == bindparam("claimant_id")).limit(1)
_USED_BY_CLAIM = select(Claim.id).where(Claim.claimant_id == bindparam("claimant_id")).limit(1)
