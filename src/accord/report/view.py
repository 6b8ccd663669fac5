"""Everything the report page shows, worked out in Python and handed to the template as text.

Why a view model: the template should only lay things out. Deciding what to say (which options
changed, who gains, how a foundation finding reads) is logic, and logic here can be tested and
type-checked; in a template it cannot. All strings are plain text; the template escapes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from markupsafe import Markup

from accord.domain.scenario import Scenario
from accord.domain.triage import FoundationFinding
from accord.report.figures import frontier_svg, satisfaction_svg
from accord.report.names import heading, human, join, person, points, sentence, signed
from accord.report.summary import headline
from accord.report.tables import FairRow, FrontierTable, fair_rows, frontier_table
from accord.solver.result import SolveResult


@dataclass(frozen=True, slots=True)
class FoundationView:
    """A foundation topic as the reader sees it: settled, open, or an honest clash."""

    topic: str
    description: str
    compatible: bool
    verdict: str
    text: str
    stances: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TemperamentView:
    """A temperament topic: what the difference is, and questions for understanding it."""

    topic: str
    description: str
    prompts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TopicRow:
    """One negotiable topic: the middle option next to the recommended one."""

    topic: str
    description: str
    middle: str
    recommended: str
    changed: bool


@dataclass(frozen=True, slots=True)
class PartyRow:
    """One person's satisfaction under the middle and the recommendation, and the change."""

    party: str
    middle: str
    recommended: str
    change: str
    direction: str  # "up", "down" or "same", for styling
    walkaway: str


@dataclass(frozen=True, slots=True)
class ConflictView:
    """Why nothing works for everyone: the solver's finding, in the report's words."""

    summary: str
    topics: tuple[str, ...]
    walkaways: str  # "Kim 80, Lee 80": the walk-away points that meet on these topics


@dataclass(frozen=True, slots=True)
class ReportView:
    """The whole page, in reading order; every string is plain text for the template."""

    title: str
    parties: tuple[str, ...]
    between: str
    status: str
    headline: tuple[str, ...]
    foundation_alert: str | None
    foundations: tuple[FoundationView, ...]
    temperaments: tuple[TemperamentView, ...]
    conflict: ConflictView | None
    topic_rows: tuple[TopicRow, ...]
    party_rows: tuple[PartyRow, ...]
    satisfaction_svg: Markup | None
    has_walkaway: bool
    explanation: tuple[str, ...]
    questions: tuple[str, ...]
    frontier_svg: Markup | None
    two_parties: bool
    improves: bool
    fair_rows: tuple[FairRow, ...]
    frontier_table: FrontierTable | None
    notes: tuple[str, ...]


def build_view(scenario: Scenario, result: SolveResult) -> ReportView:
    """Work out every sentence, number and chart of the report."""
    parties = tuple(person(p) for p in result.parties)
    walkaway = {p: scenario.prefs(p).reservation for p in result.parties}
    foundations = tuple(_foundation(scenario, f) for f in result.foundations)
    clashes = [f.topic for f in foundations if not f.compatible]
    return ReportView(
        title=result.title or "Your disagreement",
        parties=parties,
        between=join(list(parties)),
        status=result.status,
        headline=headline(result),
        foundation_alert=(
            f"Your foundations clash on {join(clashes)}. That part cannot be traded; it is a "
            "conversation about boundaries (see below)."
            if clashes
            else None
        ),
        foundations=foundations,
        temperaments=tuple(
            TemperamentView(heading(t.topic), t.description, tuple(sentence(q) for q in t.prompts))
            for t in result.temperaments
        ),
        conflict=_conflict(result, walkaway),
        topic_rows=_topic_rows(scenario, result),
        party_rows=_party_rows(result, walkaway),
        satisfaction_svg=_markup(satisfaction_svg(result, walkaway)),
        has_walkaway=any(w > 0 for w in walkaway.values()),
        explanation=(
            tuple(sentence(s) for s in result.recommended.explanation) if result.recommended else ()
        ),
        questions=_questions(result),
        frontier_svg=_markup(frontier_svg(result)),
        two_parties=len(result.parties) == 2,
        improves=bool(result.recommended and result.recommended.improves_on_compromise),
        fair_rows=fair_rows(result),
        frontier_table=frontier_table(result),
        notes=_notes(result),
    )


def _foundation(scenario: Scenario, finding: FoundationFinding) -> FoundationView:
    stances = []
    for s in finding.stances:
        if s.forbidden:
            why = f", for {join(list(s.needs))}" if s.needs else ""
            options = join([quoted(o) for o in s.forbidden], "or")
            stances.append(f"{person(s.party)} rules out {options}{why}.")
    allowed = [quoted(o) for o in finding.allowed]
    if not finding.compatible:
        verdict = "Incompatible"
        text = (
            "No option honours everyone's foundation. No negotiation technique will fix "
            "that: this is a conversation about boundaries, not a trade."
        )
    elif finding.fixed is not None:
        verdict = "Settled"
        fixed = quoted(finding.fixed)
        text = f"Settled on {fixed}, the one option that honours everyone's foundation."
    elif not stances:
        verdict = "Open"
        text = f"No option crosses anyone's foundation: {join(allowed, 'or')} would all do."
    else:
        verdict = "Open within limits"
        text = f"Everyone's foundation allows {join(allowed, 'or')}; choose among those."
    topic = scenario.topic(finding.topic)
    return FoundationView(
        heading(finding.topic), topic.description, finding.compatible, verdict, text, tuple(stances)
    )


def quoted(option: str) -> str:
    """An option named inside a sentence, in quotes so that "allowed" reads as a name."""
    return f"\u201c{human(option)}\u201d"


def _conflict(result: SolveResult, walkaway: Mapping[str, Fraction]) -> ConflictView | None:
    conflict = result.conflict
    if conflict is None:
        return None
    return ConflictView(
        sentence(conflict.summary),
        tuple(heading(t) for t in conflict.topics),
        ", ".join(f"{person(p)} {points(walkaway[p])}" for p in conflict.parties),
    )


def _topic_rows(scenario: Scenario, result: SolveResult) -> tuple[TopicRow, ...]:
    compromise = result.solutions.get("compromise")
    if result.recommended is None or compromise is None:
        return ()
    chosen = result.recommended.solution.package
    return tuple(
        TopicRow(
            heading(t),
            scenario.topic(t).description,
            human(compromise.package[t]),
            human(chosen[t]),
            compromise.package[t] != chosen[t],
        )
        for t in result.negotiable
    )


def _party_rows(result: SolveResult, walkaway: Mapping[str, Fraction]) -> tuple[PartyRow, ...]:
    compromise = result.solutions.get("compromise")
    rec = result.recommended
    if rec is None or compromise is None:
        return ()
    return tuple(
        PartyRow(
            person(p),
            points(compromise.utility[p]),
            points(rec.solution.utility[p]),
            signed(rec.gain[p]),
            "up" if rec.gain[p] > 0 else "down" if rec.gain[p] < 0 else "same",
            points(walkaway[p]) if walkaway[p] > 0 else "none",
        )
        for p in result.parties
    )


def _questions(result: SolveResult) -> tuple[str, ...]:
    if result.conflict is not None and result.conflict.topics:
        topics = join([human(t) for t in result.conflict.topics])
        return (
            f"What would need to be true for an option on {topics} to work for everyone?",
            f"What new option on {topics} would meet what each of you needs there?",
        )
    return tuple(sentence(q) for q in result.questions)


def _notes(result: SolveResult) -> tuple[str, ...]:
    notes = [n for n in result.notes if result.negotiable or "no negotiable topic" not in n]
    if not result.exact and not any(n.startswith("Approximate") for n in notes):
        notes.append(
            f"Approximate: every possible package is within {points(result.epsilon)} "
            "points, for everyone at once, of a package shown here."
        )
    return tuple(notes)


def _markup(svg: str | None) -> Markup | None:
    # The SVG is built by chart.py from escaped text (matplotlib escapes every label).
    return Markup(svg) if svg is not None else None
