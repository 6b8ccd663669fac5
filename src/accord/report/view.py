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
from accord.report.figures import RULE_LABELS, frontier_svg, satisfaction_svg
from accord.report.names import heading, human, join, person, points, sentence, signed
from accord.report.summary import headline
from accord.solver.result import Solution, SolveResult

FRONTIER_ROWS = 300  # rows of the frontier table shown in the page; the rest are counted

RULE_MEANINGS = {
    "nash": "Balances everyone's gains: no one's gain over walking away is sacrificed for a "
    "bigger total. Accord uses this rule to recommend.",
    "kalai_smorodinsky": "Gives each person the same share of the most they could hope for.",
    "egalitarian": "Best for whoever is worst off: lifts the smallest gain over walking away "
    "as high as it goes.",
    "utilitarian": "The largest total satisfaction, even if one person gets much more than "
    "another.",
}
RULE_NAMES = {
    "nash": "Nash",
    "kalai_smorodinsky": "Kalai-Smorodinsky",
    "egalitarian": "egalitarian",
    "utilitarian": "utilitarian",
}


@dataclass(frozen=True, slots=True)
class FoundationView:
    topic: str
    description: str
    compatible: bool
    verdict: str
    text: str
    stances: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TemperamentView:
    topic: str
    description: str
    prompts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TopicRow:
    topic: str
    description: str
    middle: str
    recommended: str
    changed: bool


@dataclass(frozen=True, slots=True)
class PartyRow:
    party: str
    middle: str
    recommended: str
    change: str
    direction: str  # "up", "down" or "same", for styling
    walkaway: str


@dataclass(frozen=True, slots=True)
class FairRow:
    name: str
    meaning: str
    scores: tuple[str, ...]
    package: str


@dataclass(frozen=True, slots=True)
class FrontierRow:
    options: tuple[str, ...]
    scores: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FrontierTable:
    topics: tuple[str, ...]
    rows: tuple[FrontierRow, ...]
    listed: int
    points: int
    truncated: bool


@dataclass(frozen=True, slots=True)
class ConflictView:
    summary: str
    topics: tuple[str, ...]
    parties: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReportView:
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
    explanation: tuple[str, ...]
    questions: tuple[str, ...]
    frontier_svg: Markup | None
    two_parties: bool
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
            "conversation about boundaries (see below)." if clashes else None
        ),
        foundations=foundations,
        temperaments=tuple(
            TemperamentView(heading(t.topic), t.description, tuple(sentence(q) for q in t.prompts))
            for t in result.temperaments
        ),
        conflict=_conflict(result),
        topic_rows=_topic_rows(scenario, result),
        party_rows=_party_rows(result, walkaway),
        satisfaction_svg=_markup(satisfaction_svg(result, walkaway)),
        explanation=(
            tuple(sentence(s) for s in result.recommended.explanation) if result.recommended
            else ()
        ),
        questions=_questions(result),
        frontier_svg=_markup(frontier_svg(result)),
        two_parties=len(result.parties) == 2,
        fair_rows=_fair_rows(result),
        frontier_table=_frontier_table(result),
        notes=_notes(result),
    )


def _foundation(scenario: Scenario, finding: FoundationFinding) -> FoundationView:
    stances = []
    for s in finding.stances:
        if s.forbidden:
            why = f", for {join(list(s.needs))}" if s.needs else ""
            stances.append(f"{person(s.party)} rules out {join([human(o) for o in s.forbidden], 'or')}{why}.")
    allowed = [human(o) for o in finding.allowed]
    if not finding.compatible:
        verdict = "Incompatible"
        text = ("No option honours everyone's foundation. No negotiation technique will fix "
                "that: this is a conversation about boundaries, not a trade.")
    elif finding.fixed is not None:
        verdict = "Settled"
        text = f"Settled: {human(finding.fixed)}, the one option that honours everyone's foundation."
    else:
        verdict = "Open within limits"
        text = f"Everyone's foundation allows {join(allowed, 'or')}; choose among those."
    topic = scenario.topic(finding.topic)
    return FoundationView(heading(finding.topic), topic.description, finding.compatible, verdict,
                          text, tuple(stances))


def _conflict(result: SolveResult) -> ConflictView | None:
    conflict = result.conflict
    if conflict is None:
        return None
    summary = conflict.summary
    for name in conflict.topics:
        summary = summary.replace(f"'{name}'", human(name))
    return ConflictView(sentence(summary), tuple(heading(t) for t in conflict.topics),
                        tuple(person(p) for p in conflict.parties))


def _topic_rows(scenario: Scenario, result: SolveResult) -> tuple[TopicRow, ...]:
    compromise = result.solutions.get("compromise")
    if result.recommended is None or compromise is None:
        return ()
    chosen = result.recommended.solution.package
    return tuple(
        TopicRow(heading(t), scenario.topic(t).description, human(compromise.package[t]),
                 human(chosen[t]), compromise.package[t] != chosen[t])
        for t in result.negotiable
    )


def _party_rows(result: SolveResult, walkaway: Mapping[str, Fraction]) -> tuple[PartyRow, ...]:
    compromise = result.solutions.get("compromise")
    rec = result.recommended
    if rec is None or compromise is None:
        return ()
    return tuple(
        PartyRow(
            person(p), points(compromise.utility[p]), points(rec.solution.utility[p]),
            signed(rec.gain[p]), "up" if rec.gain[p] > 0 else "down" if rec.gain[p] < 0 else "same",
            points(walkaway[p]) if walkaway[p] > 0 else "none",
        )
        for p in result.parties
    )


def _questions(result: SolveResult) -> tuple[str, ...]:
    if result.conflict is not None and result.conflict.topics:
        topics = join([human(t) for t in result.conflict.topics])
        return (f"What would need to be true for an option on {topics} to work for everyone?",
                f"What new option on {topics} would meet what each of you needs there?")
    return tuple(sentence(q) for q in result.questions)


def _fair_rows(result: SolveResult) -> tuple[FairRow, ...]:
    rec = result.recommended
    rows = []
    for rule, label in RULE_LABELS.items():
        solution = result.solutions.get(rule)
        if solution is None:
            continue
        rows.append(FairRow(
            f"{label} ({RULE_NAMES[rule]})", RULE_MEANINGS[rule],
            tuple(points(solution.utility[p]) for p in result.parties),
            _difference(solution, rec.solution if rec else None),
        ))
    return tuple(rows)


def _difference(solution: Solution, recommended: Solution | None) -> str:
    if recommended is None:
        return ", ".join(human(o) for o in solution.package.values())
    changed = [f"{human(t)}: {human(o)}" for t, o in solution.package.items()
               if recommended.package.get(t) != o]
    if not changed:
        return "Same package as Accord's recommendation."
    return "Like the recommendation, except " + "; ".join(changed) + "."


def _frontier_table(result: SolveResult) -> FrontierTable | None:
    if not result.frontier:
        return None
    named: dict[str, Solution | None] = {
        "Recommended": result.recommended.solution if result.recommended else None,
        "Middle": result.solutions.get("compromise"),
        **{label: result.solutions.get(rule) for rule, label in RULE_LABELS.items()},
    }
    rows = []
    for solution in result.frontier[:FRONTIER_ROWS]:
        tags = tuple(name for name, s in named.items()
                     if s is not None and dict(s.package) == dict(solution.package))
        rows.append(FrontierRow(
            tuple(human(solution.package[t]) for t in result.negotiable),
            tuple(points(solution.utility[p]) for p in result.parties), tags))
    return FrontierTable(
        tuple(heading(t) for t in result.negotiable), tuple(rows), len(result.frontier),
        result.frontier_points, result.frontier_truncated or len(result.frontier) > FRONTIER_ROWS,
    )


def _notes(result: SolveResult) -> tuple[str, ...]:
    notes = [n for n in result.notes if result.negotiable or "no negotiable topic" not in n]
    if not result.exact and not any(n.startswith("Approximate") for n in notes):
        notes.append(f"Approximate: every possible package is within {points(result.epsilon)} "
                     "points, for everyone at once, of a package shown here.")
    return tuple(notes)


def _markup(svg: str | None) -> Markup | None:
    # The SVG is built by chart.py from escaped text (matplotlib escapes every label).
    return Markup(svg) if svg is not None else None
