"""Short human-readable renderings shared by query results and exports."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from claimdb.db.models import Claimant, ClaimantRole, Figure

QUALIFIER_SIGNS = {
    "exact": "",
    "approx": "≈",
    "more_than": ">",
    "less_than": "<",
    "increase": "+",
    "decrease": "−",
}
UNIT_SHORT = {
    "percentage": "%",
    "square kilometre": "km²",
    "square metre": "m²",
    "kilometre": "km",
    "metre": "m",
}


def format_number(value: float) -> str:
    """1.0 → "1", 3000000000.0 → "3e+09" style avoided: "3000000000"; 0.25 → "0.25"."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6g}"


def format_figure(figure: Figure) -> str:
    """ "≈20 %", ">500 km²", "dozens" (vague figures keep their words)."""
    if figure.value is None or figure.qualifier == "vague":
        return figure.surface
    amount = format_number(figure.value)
    if figure.value_max is not None:
        amount += f"–{format_number(figure.value_max)}"
    unit = UNIT_SHORT.get(figure.unit or "", figure.unit or "")
    return f"{QUALIFIER_SIGNS.get(figure.qualifier, '')}{amount}{' ' + unit if unit else ''}"


def format_role(role: ClaimantRole | None) -> str:
    """ "Defence Minister, Ukraine" or "President"."""
    if role is None:
        return ""
    return f"{role.title}, {role.affiliation}" if role.affiliation else role.title


def claimant_row(claimant: Claimant, statements: int) -> dict[str, object]:
    """A claimant as `claimdb claimants` and `export --what claimants` show it: roles newest first, each once."""
    return {
        "claimant_id": claimant.id,
        "name": claimant.name,
        "kind": claimant.kind,
        "roles": "; ".join(_distinct(format_role(role) for role in _newest_first(_most_precise(claimant.roles)))),
        "aliases": "; ".join(sorted({alias.alias for alias in claimant.aliases} - {claimant.name})),
        "statements": statements,
    }


# Words before a title that change the role rather than place it: "Lt. Gov." is not "Gov." in Ohio
_ROLE_CHANGERS = {"former", "ex", "vice", "deputy", "acting", "interim", "assistant", "associate", "lt", "lieutenant"}


def _most_precise(roles: Iterable[ClaimantRole]) -> list[ClaimantRole]:
    """The roles without those another role says more precisely: "Gov." beside "Ohio Gov." or beside "Gov.,
    Ohio" is the same office, listed once."""
    roles = list(roles)

    def words(text: str) -> list[str]:
        return text.casefold().replace(".", " ").split()

    def covered(role: ClaimantRole) -> bool:
        if role.affiliation:
            return False
        title = words(role.title)
        for other in roles:
            if other is role:
                continue
            if words(other.title) == title and other.affiliation:
                return True
            wider = other.title.split()
            extra = len(wider) - len(role.title.split())
            if (
                extra > 0
                and words(" ".join(wider[extra:])) == title
                and all(w[:1].isupper() and w.casefold().strip(".") not in _ROLE_CHANGERS for w in wider[:extra])
            ):
                return True
        return False

    return [role for role in roles if not covered(role)]


def _newest_first(roles: Iterable[ClaimantRole]) -> list[ClaimantRole]:
    return sorted(roles, key=lambda role: role.last_seen or date.min, reverse=True)


def _distinct(texts: Iterable[str]) -> list[str]:
    # "Former President" and "former President" are one role to a reader
    seen: set[str] = set()
    kept = []
    for text in texts:
        key = " ".join(text.casefold().split())
        if key not in seen:
            seen.add(key)
            kept.append(text)
    return kept
