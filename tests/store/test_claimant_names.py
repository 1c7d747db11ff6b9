"""Claimant names across documents: middle names and initials, and speakers that name nobody."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from claimdb.cli import app

runner = CliRunner()


def ingest(database_url: str, tmp_path: Path, texts: list[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    records = [
        {
            "id": f"doc-{n}",
            "title": f"Story {n}",
            "source": "Example Wire",
            "published_at": f"2024-03-{n + 1:02d}",
            "text": text,
        }
        for n, text in enumerate(texts)
    ]
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(feed), "--db", database_url])
    assert result.exit_code == 0, result.output


def claimants(database_url: str) -> dict[str, int]:
    result = runner.invoke(app, ["claimants", "--db", database_url, "-f", "json", "--limit", "100"])
    assert result.exit_code == 0, result.output
    return {row["name"]: row["statements"] for row in json.loads(result.stdout)}


def test_a_middle_initial_or_name_finds_the_same_claimant(database_url: str, tmp_path: Path) -> None:
    ingest(
        database_url,
        tmp_path,
        [
            "Mayor Anna Berg said the bridge would reopen in May after repairs.",
            "Anna K. Berg said the city would not raise the parking fees this year.",
            "Anna Karin Berg said the new library would open its doors in the autumn.",
            "Tom B. Ilves said the harbour tax had doubled since the last election.",
            "Tom Ilves said the ferry timetable would be cut over the winter months.",
        ],
    )
    names = claimants(database_url)
    assert names.get("Anna Berg") == 3, names
    assert names.get("Tom B. Ilves") == 2, names  # the first form seen stays the name
    assert not any(n in names for n in ("Anna K. Berg", "Anna Karin Berg", "Tom Ilves"))


def test_different_middle_initials_stay_different_people(database_url: str, tmp_path: Path) -> None:
    ingest(
        database_url,
        tmp_path,
        [
            "Carl W. Lund said the steel plant would stay open for another decade.",
            "Carl H. W. Lund said the shipyard had never made a loss in his time.",
        ],
    )
    names = claimants(database_url)
    assert names.get("Carl W. Lund") == 1 and names.get("Carl H. W. Lund") == 1, names


def test_a_pronoun_or_quantifier_is_no_claimant(database_url: str, tmp_path: Path) -> None:
    ingest(
        database_url,
        tmp_path,
        [
            "Some said the new stadium would cost far more than the council admitted.\n\n"
            "Others said the stadium would bring jobs to the eastern districts.",
        ],
    )
    names = claimants(database_url)
    assert not {n.lower() for n in names} & {"some", "others"}, names
    result = runner.invoke(app, ["search", "stadium", "--db", database_url, "-f", "json"])
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 2, result.output  # still stored


def test_a_role_is_listed_once(database_url: str, tmp_path: Path) -> None:
    ingest(
        database_url,
        tmp_path,
        [
            "Former President Carl Lund said the steel plant would stay open for another decade.",
            "former President Carl Lund said the shipyard had never made a loss in his time there.",
            "Former\u00a0President Carl Lund said the harbour had been dredged twice in his second term.",
        ],
    )
    result = runner.invoke(app, ["claimants", "--db", database_url, "-f", "json"])
    rows = {row["name"]: row["roles"] for row in json.loads(result.stdout)}
    assert rows["Carl Lund"].casefold() == "former president", rows


def test_a_noun_phrase_without_a_name_is_no_claimant(database_url: str, tmp_path: Path) -> None:
    ingest(
        database_url,
        tmp_path,
        [
            "The campaign said the rally would go ahead despite the storm warnings for the coast.",
            "Analysts said the harbour tax would raise less than the council had promised the port.",
            "Police said the harbour road would stay closed until the bridge had been inspected.",
            "The Acme Corporation said its new ferry would enter service in the spring next year.",
            "A Utah Republican said the new ferry would never carry enough cars to pay for itself.",
        ],
    )
    names = {n.lower() for n in claimants(database_url)}
    assert not names & {"the campaign", "campaign", "analysts", "police", "a utah republican", "utah republican"}, names
    assert any("acme" in n for n in names), names


def test_a_surname_seen_first_is_completed_by_the_full_name(database_url: str, tmp_path: Path) -> None:
    ingest(
        database_url,
        tmp_path,
        [
            "Halvorsen said the fishing quota would be cut by a third next year.",
            "Fisheries Minister Petra Halvorsen said on Monday the quota cut was final. "
            "Halvorsen said the boats would be paid for the lost catch.",
            "Halvorsen said the ministry would review the quota in the spring.",
        ],
    )
    names = claimants(database_url)
    assert names.get("Petra Halvorsen") == 4, names  # one person, whichever article came first
    assert "Halvorsen" not in names, names


def test_a_full_name_never_called_by_the_surname_alone_leaves_it(database_url: str, tmp_path: Path) -> None:
    ingest(
        database_url,
        tmp_path,
        [
            "Quartz said the new chip would ship to customers in March.",
            "The singer Mira Quartz said the tour had sold out in two days.",
        ],
    )
    names = claimants(database_url)
    assert names.get("Quartz") == 1 and names.get("Mira Quartz") == 1, names


def test_a_surname_shared_by_two_claimants_is_not_completed(database_url: str, tmp_path: Path) -> None:
    ingest(
        database_url,
        tmp_path,
        [
            "Senator Ola Brekke said the tunnel would be finished by 2027. Brekke said it was on budget.",
            "Mayor Kari Brekke said on Monday the ferry would keep running. Brekke said the town needed it.",
            "Brekke said the tunnel tolls would stay low for commuters.",  # which Brekke? nobody can tell
            "Minister Jon Brekke said the road plan was ready. Brekke said it would be published soon.",
        ],
    )
    names = claimants(database_url)
    assert names.get("Ola Brekke") == 2 and names.get("Kari Brekke") == 2, names
    assert names.get("Brekke") == 1 and names.get("Jon Brekke") == 2, names


def test_a_role_said_more_precisely_elsewhere_is_listed_once(database_url: str, tmp_path: Path) -> None:
    ingest(
        database_url,
        tmp_path,
        [
            "Harbour Gov. Petra Lund said on Monday the ferry would keep running.",
            "Gov. Petra Lund said the bridge tolls would stay low.",
            "Lt. Gov. Ola Brekke said the budget was balanced.",
            "Gov. Ola Brekke said he would sign the bill.",
        ],
    )
    result = runner.invoke(app, ["claimants", "--db", database_url, "-f", "json"])
    assert result.exit_code == 0, result.output
    roles = {row["name"]: row["roles"] for row in json.loads(result.stdout)}
    assert roles["Petra Lund"] == "Harbour Gov.", roles
    assert sorted(roles["Ola Brekke"].split("; ")) == ["Gov.", "Lt. Gov."], roles  # a different office
