"""What the figure tests share: "this text has exactly one figure" and a compact summary of all of them."""

from __future__ import annotations

from claimdb.extract.figures import find_figures
from claimdb.extract.types import Figure


def only(text: str) -> Figure:
    """The one figure of `text`; its surface is the text at its span."""
    figures = find_figures(text)
    assert len(figures) == 1, figures
    figure = figures[0]
    assert text[figure.start : figure.end] == figure.surface
    return figure


def summary(text: str) -> list[tuple[float | None, float | None, str | None, str]]:
    """(value, value_max, unit, qualifier) of every figure in `text`."""
    return [(f.value, f.value_max, f.unit, f.qualifier) for f in find_figures(text)]
