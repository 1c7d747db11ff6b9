"""A deterministic generator of realistic news articles in claimdb's .jsonl article format.

Articles have recurring claimants with titles ("Ukraine's Defence Minister Oleksiy Varenko"), direct, indirect
and mixed quotes attributed by name, title, pronoun or organisation, with "said", "told reporters" and other cue
verbs; claims that are repeated word for word, reworded, repeated with a changed figure ("more than 500 square
kilometres" -> "600 square kilometres") or contradicted ("has not annexed"); several outlets and dates.

The same seed always gives the same bytes. Articles are produced one at a time and written as they come, and
the only state kept is a bounded list of recent claims per claimant, so a million statements (about 170 000
articles) need no more memory than a hundred.

    python benchmarks/generate_corpus.py --statements 1000000 -o corpus.jsonl
    python benchmarks/generate_corpus.py --articles 500 --seed 7 -o small.jsonl
    python benchmarks/generate_corpus.py --articles 200 --format txt -o articles/   # one seed-format file each

Each article also carries, for benchmarks and tests (never read by claimdb), its statements as generated:
`generate_articles()` yields `Article` values with `statements`, each with the content's character span.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

# ---------------------------------------------------------------------------------------------------------
# Vocabulary. Place and person names are built from syllables so that a large corpus has a large, Zipf-like
# vocabulary (as real news does) instead of a few hundred words repeated a million times.

_FIRST_NAMES = (
    "Oleksiy Volodymyr Natalia Dmitry Maria Olaf Emmanuel Ursula Antony Sergei Anna Liz Rishi Jacinda Justin "
    "Pedro Giorgia Mark Kaja Viktor Andrzej Petr Ingrid Mette Sanna Jens Ahmed Fatima Li Wei Hiroshi Yuki "
    "Carlos Lucia Kwame Amina Ravi Priya Tomas Elena Igor Olena Mykola Iryna Andriy Yulia"
).split()
_SYLLABLES = (
    "ka ro ve ni ko zan mir dor bel sto la shen ta vo gra pol ri sen mak tur lin dar bes ko har vi nes tor "
    "ul ra mek sol fin dre gor lev nat pan ser yak zel bor chen dov kol mor pet"
).split()
_SURNAME_ENDINGS = "ov enko sky ski ova ić sen son ez ani escu ovic berg mann oglu".split()
_PLACE_ENDINGS = "ivka ograd burg sk pol ino ovo ton field stadt ovets any".split()
_COUNTRIES = (
    "Ukraine Russia Poland Germany France Britain Estonia Latvia Finland Turkey Moldova Georgia Romania "
    "Hungary Slovakia Lithuania Belarus Sweden Norway Italy Spain Japan India Brazil Kenya Nigeria Egypt"
).split()
_PERSON_TITLES = (
    ("Defence Minister", "minister"),
    ("Foreign Minister", "minister"),
    ("Finance Minister", "minister"),
    ("Health Minister", "minister"),
    ("Interior Minister", "minister"),
    ("Prime Minister", "prime minister"),
    ("President", "president"),
    ("Energy Minister", "minister"),
    ("army spokeswoman", "spokeswoman"),
    ("army spokesman", "spokesman"),
    ("central bank governor", "governor"),
    ("opposition leader", "opposition leader"),
)
_ORGANISATIONS = (
    "the Kremlin",
    "the Pentagon",
    "the European Commission",
    "the World Health Organization",
    "the Ministry of Defence",
    "the Foreign Ministry",
    "the central bank",
    "the United Nations",
    "NATO",
    "the International Monetary Fund",
)
_OUTLETS = (
    ("Reuters", "reuters.com"),
    ("Associated Press", "apnews.com"),
    ("Agence France-Presse", "afp.com"),
    ("The Kyiv Independent", "kyivindependent.com"),
    ("BBC News", "bbc.co.uk"),
    ("Deutsche Welle", "dw.com"),
    ("Al Jazeera", "aljazeera.com"),
    ("The Guardian", "theguardian.com"),
)
_SECTORS = (
    "defence health education energy transport agriculture housing pension infrastructure tourism mining "
    "shipping steel fishing telecoms railway water digital"
).split()
_TOPICS = (
    "sanctions",
    "a ceasefire",
    "grain exports",
    "gas transit",
    "a prisoner exchange",
    "reconstruction",
    "a grain corridor",
    "tariffs",
    "the visa regime",
    "arms deliveries",
    "refugee quotas",
    "border crossings",
    "nuclear safety",
    "debt relief",
    "fishing rights",
    "energy prices",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January February March April May June July August September October November December").split()

# Each claim template: (assertion, negated assertion or None, figure kind). Slots are filled per claim;
# `{fig}` is the figure's surface ("more than 500 square kilometres").
_TEMPLATES: tuple[tuple[str, str | None, str], ...] = (
    (
        "{fig} have been liberated from occupiers in the {region} region",
        "no territory has been liberated in the {region} region",
        "area",
    ),
    ("{country} has annexed {fig} of {other}", "{country} has not annexed any part of {other}", "percent"),
    ("the {sector} budget will rise to {fig} next year", "the {sector} budget will not rise next year", "money"),
    ("{fig} were evacuated from {town} overnight", "nobody was evacuated from {town}", "people"),
    ("inflation fell to {fig} in {month}", "inflation did not fall in {month}", "percent"),
    ("{fig} on {topic} were signed with {other}", "no deal on {topic} was signed with {other}", "count"),
    ("the army lost {fig} near {town} last week", "the army has not lost any soldiers near {town}", "people"),
    ("{country} will spend {fig} on {sector} reconstruction", None, "money"),
    (
        "unemployment reached {fig} in the {region} region",
        "unemployment has not risen in the {region} region",
        "percent",
    ),
    ("{fig} crossed the border from {other} in {month}", None, "people"),
    (
        "{country} will never accept a deal on {topic} with {other}",
        "{country} is ready to discuss {topic} with {other}",
        "",
    ),
    ("the attack on {town} was planned by {other}", "{other} had nothing to do with the attack on {town}", ""),
    ("{sector} exports grew by {fig} this year", "{sector} exports did not grow this year", "percent"),
    ("{fig} of grain left the port of {town} in {month}", None, "tonnes"),
    ("the talks on {topic} with {other} have collapsed", "the talks on {topic} with {other} are going well", ""),
    ("{country} has received {fig} in aid from {other}", "{country} has not received any aid from {other}", "money"),
)
_REWORDINGS = (
    ("have been liberated from", "were freed from"),
    ("will rise to", "is set to increase to"),
    ("were evacuated from", "have been moved out of"),
    ("fell to", "dropped to"),
    ("will never accept", "will not accept under any circumstances"),
    ("was planned by", "was organised by"),
    ("have collapsed", "have broken down"),
    ("has received", "has been given"),
    ("last week", "in recent days"),
    ("overnight", "during the night"),
    ("grew by", "rose by"),
    ("will spend", "plans to spend"),
    ("reached", "hit"),
    ("crossed the border from", "arrived from"),
)
_QUALIFIERS = (
    ("", "exact"),
    ("", "exact"),
    ("more than ", "more_than"),
    ("around ", "approx"),
    ("almost ", "approx"),
    ("nearly ", "approx"),
    ("over ", "more_than"),
    ("less than ", "less_than"),
)
_FILLER = (
    "Officials gave no further details.",
    "The claim could not be independently verified.",
    "Fighting continued along the front line in the {region} region.",
    "Residents of {town} reported power cuts for a third day.",
    "Talks on {topic} are expected to resume in {month}.",
    "The {sector} sector has been hit hard by the crisis.",
    "Markets in {country} were little changed on the news.",
    "Analysts said the figures were hard to check.",
    "The announcement came a day after a meeting in {town}.",
    "Humanitarian groups have warned of shortages in {town} and nearby villages.",
)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------------------------------------------------
# Values.


@dataclass(frozen=True, slots=True)
class GeneratedFigure:
    """A figure as generated: surface, value, normalized unit and qualifier."""

    surface: str
    value: float
    unit: str | None
    qualifier: str


@dataclass(frozen=True, slots=True)
class GeneratedStatement:
    """One statement as generated, with the character span of its content in the article text."""

    claimant: str  # canonical name: "Oleksiy Varenko", "the Kremlin"
    claimant_kind: str  # person / organisation / government
    title: str | None
    affiliation: str | None
    kind: str  # direct / indirect / mixed / reported
    content: str
    start: int
    end: int
    cue: str
    said_on: date
    claim_key: tuple[int, int]  # (claimant index, claim number): same key = same claim, worded the same
    relation: str  # new / repeat / reworded / figure_change / contradiction
    origin_key: tuple[int, int] | None  # the claim this one rewords, changes or contradicts
    figures: tuple[GeneratedFigure, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """One generated article in the .jsonl record shape, plus the statements it was built from."""

    id: str
    title: str
    url: str
    source: str
    published_at: str
    text: str
    statements: tuple[GeneratedStatement, ...] = ()

    def record(self) -> dict[str, str]:
        """The JSON object claimdb reads."""
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "published_at": self.published_at,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class _Claimant:
    index: int
    name: str  # "Oleksiy Varenko" or "the Kremlin"
    kind: str
    title: str | None
    short_title: str | None  # "minister" for "the minister said"
    affiliation: str | None
    pronoun: str  # he / she / it


@dataclass(slots=True)
class _Claim:
    key: tuple[int, int]
    template: int
    slots: dict[str, str]
    figure: GeneratedFigure | None
    negated: bool = False


@dataclass(slots=True)
class _ClaimantState:
    claims: list[_Claim] = field(default_factory=list)
    next_number: int = 0


# ---------------------------------------------------------------------------------------------------------
# The generator.


class CorpusGenerator:
    """Yields articles one at a time; the same seed gives the same articles, whatever is asked for later."""

    RECENT_CLAIMS = 24  # claims remembered per claimant: bounded memory whatever the corpus size
    REPEAT_PROBABILITY = 0.45  # a statement repeats (possibly changed) a recent claim of its claimant

    def __init__(self, seed: int = 1, claimants: int = 400, start: date = date(2021, 1, 4), per_day: int = 40):
        self.random = random.Random(seed)
        self.seed = seed
        self.start = start
        self.per_day = per_day
        names = random.Random(seed * 7919 + 1)
        self.towns = sorted({self._place(names) for _ in range(3000)})
        self.regions = sorted({self._place(names) for _ in range(400)})
        self.claimants = [self._claimant(names, i) for i in range(claimants)]
        self.state = [_ClaimantState() for _ in self.claimants]

    # names ------------------------------------------------------------------------------------------------
    @staticmethod
    def _word(rng: random.Random, syllables: int) -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(syllables))

    def _place(self, rng: random.Random) -> str:
        return _capitalise(self._word(rng, rng.randint(1, 2)) + rng.choice(_PLACE_ENDINGS))

    def _claimant(self, rng: random.Random, index: int) -> _Claimant:
        if index < len(_ORGANISATIONS):
            name = _ORGANISATIONS[index]
            kind = "government" if name in ("the Kremlin", "the Pentagon", "the Foreign Ministry") else "organisation"
            return _Claimant(index, name, kind, None, None, None, "it")
        first = rng.choice(_FIRST_NAMES)
        surname = _capitalise(self._word(rng, rng.randint(1, 2)) + rng.choice(_SURNAME_ENDINGS))
        title, short = rng.choice(_PERSON_TITLES)
        pronoun = (
            "she"
            if first
            in {
                "Natalia",
                "Maria",
                "Ursula",
                "Anna",
                "Liz",
                "Jacinda",
                "Giorgia",
                "Kaja",
                "Ingrid",
                "Mette",
                "Sanna",
                "Fatima",
                "Yuki",
                "Lucia",
                "Amina",
                "Priya",
                "Elena",
                "Olena",
                "Iryna",
                "Yulia",
            }
            else "he"
        )
        return _Claimant(index, f"{first} {surname}", "person", title, short, rng.choice(_COUNTRIES), pronoun)

    # claims -----------------------------------------------------------------------------------------------
    def _figure(self, kind: str) -> GeneratedFigure | None:
        rng = self.random
        prefix, qualifier = rng.choice(_QUALIFIERS)
        if kind == "area":
            value = rng.choice((50, 100, 120, 250, 300, 400, 500, 600, 750, 1000, 1200, 1500))
            return GeneratedFigure(f"{prefix}{value:,} square kilometres", value, "square kilometre", qualifier)
        if kind == "percent":
            value = rng.choice((2, 3.5, 5, 7, 9.2, 10, 12, 15, 18, 20, 25, 30))
            return GeneratedFigure(f"{prefix}{value:g}%", value, "percentage", qualifier)
        if kind == "money":
            value = rng.choice((1.5, 2, 3, 4.2, 5, 8, 10, 12, 20, 35, 50))
            unit, sign = rng.choice((("dollar", "$"), ("euro", "€")))
            return GeneratedFigure(f"{prefix}{sign}{value:g} billion", value * 1e9, unit, qualifier)
        if kind == "people":
            value = rng.choice((30, 120, 450, 1200, 2500, 5000, 12000, 40000))
            if qualifier == "less_than":
                prefix = "fewer than "
            return GeneratedFigure(f"{prefix}{value:,} people", value, "people", qualifier)
        if kind == "count":
            value = rng.choice((2, 3, 4, 5, 6, 8, 10, 12))
            return GeneratedFigure(f"{prefix}{value} agreements", value, None, qualifier)
        if kind == "tonnes":
            value = rng.choice((10000, 25000, 60000, 120000, 300000))
            return GeneratedFigure(f"{prefix}{value:,} tonnes", value, "tonne", qualifier)
        return None

    def _new_claim(self, claimant: _Claimant) -> _Claim:
        rng = self.random
        state = self.state[claimant.index]
        template = rng.randrange(len(_TEMPLATES))
        country = claimant.affiliation or rng.choice(_COUNTRIES)
        slots = {
            "region": rng.choice(self.regions),
            "town": rng.choice(self.towns),
            "country": country,
            "other": rng.choice([c for c in _COUNTRIES if c != country]),
            "sector": rng.choice(_SECTORS),
            "topic": rng.choice(_TOPICS),
            "month": rng.choice(_MONTHS),
        }
        claim = _Claim((claimant.index, state.next_number), template, slots, self._figure(_TEMPLATES[template][2]))
        state.next_number += 1
        state.claims.append(claim)
        if len(state.claims) > self.RECENT_CLAIMS:
            state.claims.pop(0)
        return claim

    def _derive(self, claimant: _Claimant, origin: _Claim) -> tuple[_Claim, str]:
        """A variant of a known claim: the same words, reworded, a changed figure, or a contradiction."""
        rng = self.random
        roll = rng.random()
        state = self.state[claimant.index]
        assertion, negation, figure_kind = _TEMPLATES[origin.template]
        if roll < 0.55:
            return origin, "repeat"
        if roll < 0.72:
            variant = _Claim(
                (claimant.index, state.next_number), origin.template, origin.slots, origin.figure, origin.negated
            )
            variant.slots = {**origin.slots, "_reworded": "1"}
            relation = "reworded"
        elif roll < 0.88 and origin.figure is not None:
            figure = self._figure(figure_kind)
            while figure is not None and figure.value == origin.figure.value:
                figure = self._figure(figure_kind)
            variant = _Claim((claimant.index, state.next_number), origin.template, origin.slots, figure, origin.negated)
            relation = "figure_change"
        elif negation is not None:
            variant = _Claim(
                (claimant.index, state.next_number), origin.template, origin.slots, origin.figure, not origin.negated
            )
            relation = "contradiction"
        else:
            return origin, "repeat"
        state.next_number += 1
        state.claims.append(variant)
        if len(state.claims) > self.RECENT_CLAIMS:
            state.claims.pop(0)
        return variant, relation

    @staticmethod
    def claim_text(claim: _Claim) -> str:
        """The assertion of a claim, lower-case first letter, no final full stop."""
        assertion, negation, _kind = _TEMPLATES[claim.template]
        pattern = negation if claim.negated and negation else assertion
        slots = dict(claim.slots)
        reworded = slots.pop("_reworded", None)
        text = pattern.format(fig=claim.figure.surface if claim.figure else "", **slots)
        if reworded:
            for before, after in _REWORDINGS:
                if before in text:
                    text = text.replace(before, after, 1)
                    break
            else:
                text = "in fact " + text
        return text

    # articles ---------------------------------------------------------------------------------------------
    def articles(self, count: int | None = None, statements: int | None = None) -> Iterator[Article]:
        """Yield `count` articles, or as many as it takes to reach `statements` statements (or forever)."""
        made = 0
        index = 0
        while (count is None or index < count) and (statements is None or made < statements):
            article = self._article(index)
            made += len(article.statements)
            index += 1
            yield article

    def _article(self, index: int) -> Article:
        rng = self.random
        published = self.start + timedelta(days=index // self.per_day)
        outlet, domain = rng.choice(_OUTLETS)
        cast_size = rng.choice((1, 2, 2, 3, 3, 4))
        # Popular claimants recur far more than others (a few ministers make most of the news).
        cast: list[_Claimant] = []
        while len(cast) < cast_size:
            claimant = self.claimants[
                min(int(rng.paretovariate(0.9)) - 1, len(self.claimants) - 1)
                if rng.random() < 0.5
                else rng.randrange(len(self.claimants))
            ]
            if claimant not in cast:
                cast.append(claimant)
        builder = _ArticleBuilder(rng, published)
        statements: list[GeneratedStatement] = []
        mentioned: set[int] = set()
        slots_for_filler = {
            "region": rng.choice(self.regions),
            "town": rng.choice(self.towns),
            "topic": rng.choice(_TOPICS),
            "month": rng.choice(_MONTHS),
            "sector": rng.choice(_SECTORS),
            "country": rng.choice(_COUNTRIES),
        }
        lead_claim = None
        for position in range(rng.randint(3, 8)):
            claimant = cast[position % len(cast)] if position < len(cast) else rng.choice(cast)
            state = self.state[claimant.index]
            if state.claims and rng.random() < self.REPEAT_PROBABILITY:
                origin = rng.choice(state.claims)
                claim, relation = self._derive(claimant, origin)
                origin_key = origin.key if relation != "repeat" else None
            else:
                claim, relation, origin_key = self._new_claim(claimant), "new", None
            if lead_claim is None:
                lead_claim = claim
            statements.append(
                builder.statement(
                    claimant, claim, self.claim_text(claim), relation, origin_key, first=claimant.index not in mentioned
                )
            )
            mentioned.add(claimant.index)
            if rng.random() < 0.35:
                builder.paragraph(rng.choice(_FILLER).format(**slots_for_filler))
        assert lead_claim is not None
        title = _capitalise(self.claim_text(lead_claim))
        if len(title) > 90:
            title = title[:87].rsplit(" ", 1)[0] + "..."
        slug = "-".join("".join(c for c in word if c.isalnum()) for word in title.lower().split()[:6])
        return Article(
            id=f"gen{self.seed}-{index:08d}",
            title=title,
            url=f"https://www.{domain}/{published:%Y/%m/%d}/{slug}-{index}",
            source=outlet,
            published_at=published.isoformat(),
            text=builder.text(),
            statements=tuple(statements),
        )


class _ArticleBuilder:
    """Renders statements into paragraphs, tracking the character offsets of each quote's content."""

    def __init__(self, rng: random.Random, published: date) -> None:
        self.rng = rng
        self.published = published
        self.parts: list[str] = []
        self.length = 0
        self.last_speaker: int | None = None

    def paragraph(self, text: str, statement: bool = False) -> int:
        """Append a paragraph; returns its start offset."""
        if not statement:
            self.last_speaker = None
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start

    def text(self) -> str:
        return "".join(self.parts) + "\n"

    def _when(self) -> tuple[str, date]:
        rng = self.rng
        roll = rng.random()
        if roll < 0.5:
            return "", self.published
        if roll < 0.8:
            back = rng.randint(1, 6)
            day = self.published - timedelta(days=back)
            return f" on {_WEEKDAYS[day.weekday()]}", day
        day = self.published - timedelta(days=1)
        return f" late {_WEEKDAYS[day.weekday()]}", day

    def _speaker(self, claimant: _Claimant, first: bool, subject: bool) -> str:
        if claimant.kind != "person":
            return _capitalise(claimant.name) if subject else claimant.name
        if first:
            return f"{claimant.affiliation}'s {claimant.title} {claimant.name}"
        roll = self.rng.random()
        surname = claimant.name.split()[-1]
        # A pronoun or "the minister" only right after the same speaker, as a reporter would write it.
        if roll < 0.6 or claimant.index != self.last_speaker:
            return surname
        if roll < 0.8:
            return claimant.pronoun if not subject else _capitalise(claimant.pronoun)
        return f"the {claimant.short_title}" if not subject else f"The {claimant.short_title}"

    def statement(
        self,
        claimant: _Claimant,
        claim: _Claim,
        content: str,
        relation: str,
        origin_key: tuple[int, int] | None,
        first: bool,
    ) -> GeneratedStatement:
        rng = self.rng
        when, said_on = self._when()
        cue = rng.choice(("said", "said", "said", "told reporters", "announced", "claimed", "stated"))
        form = rng.random()
        if claimant.kind != "person" and form < 0.3:
            kind = "reported"
            speaker = self._speaker(claimant, first, subject=True)
            prefix = f"{speaker}{when} {cue} that "
            body = content
            suffix = "."
        elif form < 0.55:
            kind = "direct"
            speaker = self._speaker(claimant, first, subject=False)
            prefix = "\u201c"
            body = _capitalise(content)
            suffix = f",\u201d {speaker} {cue}{when}."
            if rng.random() < 0.3:
                suffix = f",\u201d {speaker}{when} {cue}."
        elif form < 0.85:
            kind = "indirect"
            speaker = self._speaker(claimant, first, subject=True)
            prefix = f"{speaker}{when} {cue} that "
            body = content
            suffix = "."
        else:
            kind = "mixed"
            speaker = self._speaker(claimant, first, subject=True)
            prefix = f"{speaker}{when} {cue} that \u201c"
            body = content
            suffix = ".\u201d"
        start = self.paragraph(prefix + body + suffix, statement=True) + len(prefix)
        self.last_speaker = claimant.index
        return GeneratedStatement(
            claimant=claimant.name,
            claimant_kind=claimant.kind,
            title=claimant.title,
            affiliation=claimant.affiliation,
            kind=kind,
            content=body,
            start=start,
            end=start + len(body),
            cue=cue,
            said_on=said_on,
            claim_key=claim.key,
            relation=relation,
            origin_key=origin_key,
            figures=(claim.figure,) if claim.figure else (),
        )


# ---------------------------------------------------------------------------------------------------------
# Writing.


def generate_articles(
    seed: int = 1, articles: int | None = None, statements: int | None = None, claimants: int = 400
) -> Iterator[Article]:
    """The articles of one seeded corpus, in order (see CorpusGenerator)."""
    return CorpusGenerator(seed=seed, claimants=claimants).articles(articles, statements)


def as_seed_text(article: Article) -> str:
    """The article in the seed .txt format: a ` date YYYY-MM-DD` line, the title, a blank line, the body."""
    return f" date {article.published_at}\u00a0\n{article.title}\n\n{article.text}"


def write_jsonl(articles: Iterator[Article], out: Path | None, skip: int = 0) -> tuple[int, int]:
    """Write articles as JSON Lines (stdout when `out` is None), skipping the first `skip`; returns counts."""
    handle = out.open("w", encoding="utf-8") if out is not None else sys.stdout
    written = statements = 0
    try:
        for number, article in enumerate(articles):
            if number < skip:
                continue
            handle.write(json.dumps(article.record(), ensure_ascii=False) + "\n")
            written += 1
            statements += len(article.statements)
    finally:
        if out is not None:
            handle.close()
    return written, statements


def write_txt_files(articles: Iterator[Article], folder: Path, skip: int = 0) -> tuple[int, int]:
    """Write one seed-format .txt file per article into `folder`; returns (articles, statements)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = statements = 0
    for number, article in enumerate(articles):
        if number < skip:
            continue
        (folder / f"{article.id}.txt").write_text(as_seed_text(article), encoding="utf-8")
        written += 1
        statements += len(article.statements)
    return written, statements


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--articles", type=int, help="how many articles to write")
    size.add_argument("--statements", type=int, help="write articles until this many statements are generated")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--claimants", type=int, default=400)
    parser.add_argument("--skip", type=int, default=0, help="generate but do not write the first N articles")
    parser.add_argument("--format", choices=("jsonl", "txt"), default="jsonl")
    parser.add_argument("-o", "--output", type=Path, help="file (jsonl) or folder (txt); default stdout (jsonl)")
    args = parser.parse_args(argv)
    articles = generate_articles(
        args.seed, args.articles and args.articles + args.skip, args.statements, args.claimants
    )
    if args.format == "txt":
        if args.output is None:
            parser.error("--format txt needs -o FOLDER")
        written, statements = write_txt_files(articles, args.output, args.skip)
    else:
        written, statements = write_jsonl(articles, args.output, args.skip)
    print(f"{written} articles, {statements} statements", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
