"""Output options shared by every command that lists rows: `--format table|json|jsonl|csv`, `--limit`, `-o`."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.table import Table


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]
LimitOption = Annotated[int | None, typer.Option("--limit", "-n", min=1, help="Show at most this many rows.")]
OutputFileOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.", dir_okay=False)
]
RawCsvOption = Annotated[
    bool,
    typer.Option(
        "--raw-csv",
        help="Do not neutralise CSV cells starting with = + - @ (by default they get a leading ' so that "
        "spreadsheets do not run them as formulas).",
    ),
]

_FORMULA_START = ("=", "+", "-", "@")


def spreadsheet_safe(value: Any) -> Any:
    """Prefix text cells that a spreadsheet would evaluate as a formula with a single quote.

    Leading whitespace and line breaks are looked through: "\r=1+1" is as dangerous as "=1+1".
    """
    if isinstance(value, str) and value.lstrip(" \t\r\n").startswith(_FORMULA_START):
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def write_rows(
    rows: Iterable[dict[str, Any]],
    fmt: OutputFormat,
    *,
    columns: Sequence[str] | None = None,
    output: Path | None = None,
    title: str | None = None,
    raw_csv: bool = False,
) -> int:
    """Render rows in the chosen format to stdout or `output`; returns how many rows were written."""
    rows = list(rows)
    if columns is None:
        columns = list(rows[0].keys()) if rows else []
    handle: TextIO
    if output is not None:
        handle = output.open("w", encoding="utf-8", newline="")
    else:
        handle = sys.stdout
    try:
        if fmt is OutputFormat.json:
            json.dump([{c: row.get(c) for c in columns} for row in rows], handle, ensure_ascii=False, indent=2)
            handle.write("\n")
        elif fmt is OutputFormat.jsonl:
            for row in rows:
                handle.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
        elif fmt is OutputFormat.csv:
            buffer = io.StringIO()
            # RFC 4180 line ends: a cell holding a bare carriage return is then quoted, not split.
            writer = csv.writer(buffer, lineterminator="\r\n")
            writer.writerow(columns)
            for row in rows:
                cells = [_cell(row.get(c)) for c in columns]
                writer.writerow(cells if raw_csv else [spreadsheet_safe(cell) for cell in cells])
            handle.write(buffer.getvalue())
        else:
            _write_table(rows, columns, handle, title)
    finally:
        if output is not None:
            handle.close()
    return len(rows)


def _write_table(rows: list[dict[str, Any]], columns: Sequence[str], handle: TextIO, title: str | None) -> None:
    terminal = handle.isatty()
    console = Console(file=handle, width=None if terminal else 240, no_color=not terminal, highlight=False)
    if not rows:
        console.print("(no rows)")
        return
    table = Table(title=title, show_lines=False, header_style="bold" if terminal else "")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_highlight(str(_cell(row.get(c))), terminal) for c in columns))
    console.print(table)


def _highlight(value: str, terminal: bool) -> str:
    # Snippets mark matches with **...**: bold on a terminal, kept as is elsewhere.
    from rich.markup import escape

    escaped = escape(value)
    if terminal and "**" in escaped:
        parts = escaped.split("**")
        return "".join(f"[bold yellow]{part}[/]" if i % 2 else part for i, part in enumerate(parts))
    return escaped


def write_record(record: dict[str, Any], fmt: OutputFormat, output: Path | None = None) -> None:
    """Render one object (e.g. `show claim`): JSON formats as they are, table/csv as field/value pairs."""
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        text = json.dumps(record, ensure_ascii=False, indent=2 if fmt is OutputFormat.json else None)
        if output is not None:
            output.write_text(text + "\n", encoding="utf-8")
        else:
            sys.stdout.write(text + "\n")
        return
    pairs = [{"field": key, "value": value} for key, value in record.items() if not isinstance(value, list)]
    write_rows(pairs, fmt, columns=["field", "value"], output=output)
