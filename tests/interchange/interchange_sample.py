"""Shared by the interchange tests: the folder of test files, and a small archive built row by row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from claimdb.db.engine import Database
from claimdb.db.models import (
    Claim,
    Claimant,
    ClaimantAlias,
    ClaimantRole,
    ClaimLink,
    Document,
    Figure,
    Review,
    Source,
    Statement,
)

FILES = Path(__file__).parent / "files"


@dataclass
class Sample:
    """Ids of the rows a test may want to look at."""

    deceived: int  # Reznikov's claim, said in both articles
    liberated_500: int  # Zelensky, "more than 500 square kilometres"
    liberated_600: int  # Zelensky a week later, "600 square kilometres": a figure_change link
    formula: int  # a claim whose text starts with "=" (spreadsheet formula guard)
    link: int
    first_document_url: str
    second_document_url: str


def _statement(claim: Claim, document: Document, claimant: Claimant, text: str, said_on: date, start: int) -> Statement:
    return Statement(
        claim=claim,
        document=document,
        claimant=claimant,
        speaker_surface=claimant.name.split()[-1],
        kind="direct",
        text=text,
        cue="said",
        said_on=said_on,
        char_start=start,
        char_end=start + len(text),
        attribution="name",
    )


def build_sample(database: Database) -> Sample:
    """Write the sample archive in one transaction."""
    first_url = "https://www.reuters.example/world/ukraine-calls-on-russia-troops-2022-10-07/"
    second_url = "https://www.kyivledger.example/world/2022/10/14/reznikov-repeats-call/"
    with database.session(write=True) as session:
        reuters = Source(name="Reuters", domain="reuters.example")
        ledger = Source(name="The Kyiv Ledger", domain="kyivledger.example")
        first = Document(
            source=reuters,
            url=first_url,
            title="Ukraine calls on Russia troops to lay down arms",
            published_on=date(2022, 10, 7),
            text="(article text)",
            content_sha256="a" * 64,
            extractor_version="test",
        )
        second = Document(
            source=ledger,
            url=second_url,
            title="Reznikov repeats call to Russian troops — Київ",
            published_on=date(2022, 10, 14),
            text="(second article text)",
            content_sha256="b" * 64,
            extractor_version="test",
        )
        reznikov = Claimant(name="Oleksiy Reznikov", kind="person", normalized_key="oleksiy reznikov")
        reznikov.aliases = [ClaimantAlias(alias="Reznikov", normalized_alias="reznikov")]
        reznikov.roles = [
            ClaimantRole(
                title="Defence Minister",
                affiliation="Ukraine",
                first_seen=date(2022, 10, 7),
                last_seen=date(2022, 10, 14),
            )
        ]
        zelensky = Claimant(name="Volodymyr Zelensky", kind="person", normalized_key="volodymyr zelensky")
        zelensky.roles = [
            ClaimantRole(title="President", affiliation="", first_seen=date(2022, 10, 6), last_seen=date(2022, 10, 13))
        ]
        deceived = Claim(
            claimant=reznikov,
            canonical_text="You have been deceived and betrayed by the Kremlin",
            first_said_on=date(2022, 10, 7),
            last_said_on=date(2022, 10, 14),
            appearance_count=2,
        )
        said_500 = "more than 500 square kilometres have been liberated in the Kherson region alone"
        said_600 = "600 square kilometres have been liberated in the Kherson region"
        liberated_500 = Claim(
            claimant=zelensky,
            canonical_text=said_500,
            first_said_on=date(2022, 10, 6),
            last_said_on=date(2022, 10, 6),
            appearance_count=1,
        )
        liberated_600 = Claim(
            claimant=zelensky,
            canonical_text=said_600,
            first_said_on=date(2022, 10, 13),
            last_said_on=date(2022, 10, 13),
            appearance_count=1,
        )
        formula = Claim(
            claimant=reznikov,
            canonical_text="=1+1 is what the spreadsheet would compute",
            first_said_on=date(2022, 10, 14),
            last_said_on=date(2022, 10, 14),
            appearance_count=1,
        )
        session.add_all([first, second, reznikov, zelensky, deceived, liberated_500, liberated_600, formula])
        statement_500 = _statement(liberated_500, first, zelensky, said_500, date(2022, 10, 6), 300)
        statement_500.figures = [
            Figure(
                surface="more than 500 square kilometres",
                value=500,
                unit="square kilometre",
                qualifier="more_than",
                char_start=0,
                char_end=31,
            )
        ]
        statement_600 = _statement(liberated_600, second, zelensky, said_600, date(2022, 10, 13), 400)
        statement_600.figures = [
            Figure(
                surface="600 square kilometres",
                value=600,
                unit="square kilometre",
                qualifier="exact",
                char_start=0,
                char_end=21,
            )
        ]
        session.add_all(
            [
                # Listed out of date order on purpose: exports sort by the date said.
                _statement(deceived, second, reznikov, deceived.canonical_text, date(2022, 10, 14), 10),
                _statement(deceived, first, reznikov, deceived.canonical_text, date(2022, 10, 7), 120),
                statement_500,
                statement_600,
                _statement(formula, second, reznikov, formula.canonical_text, date(2022, 10, 14), 700),
            ]
        )
        session.flush()
        link = ClaimLink(
            claim_a_id=liberated_500.id,
            claim_b_id=liberated_600.id,
            relation="figure_change",
            score=0.91,
            method="ingest",
            evidence={"figures": "changed: >500 km² → 600 km²", "text": "similar (88)"},
            status="suggested",
        )
        review = Review(
            claim=liberated_500,
            reviewer="Verify Desk",
            rating="Mostly true",
            url="https://verifydesk.example/kherson-500",
            reviewed_on=date(2022, 10, 9),
        )
        session.add_all([link, review])
        session.flush()
        return Sample(
            deceived=deceived.id,
            liberated_500=liberated_500.id,
            liberated_600=liberated_600.id,
            formula=formula.id,
            link=link.id,
            first_document_url=first_url,
            second_document_url=second_url,
        )
