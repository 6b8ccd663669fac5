"""The HTML report: complete, self-contained, escaped, and clear in every status."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from markupsafe import escape

from accord import load_scenario, load_scenario_text, solve
from accord.domain.scenario import Scenario
from accord.report.html import render_report
from accord.report.names import human, person, points, signed, whole
from accord.solver.result import SolveResult

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
SCENARIOS = Path(__file__).parent / "report_scenarios"

EVIL = "<script>alert(1)</script>"

HOSTILE = """
title: "</title><script>alert('title')</script>"
parties: ["<script>alert(1)</script>", "b&b"]
topics:
  - name: "<img src=x onerror=alert(2)>"
    description: "<b>bold</b> & <i>italic</i>"
    options: ["</td><script>alert(3)</script>", "plain \\"quoted\\" 'option'", "third"]
  - name: chores
    options: [mine, yours, "<svg onload=alert(4)>"]
  - name: "<style>body{display:none}</style>"
    layer: temperament
    description: "<iframe src=https://evil.example></iframe>"
    options: [a, b]
preferences:
  "<script>alert(1)</script>":
    weights: {"<img src=x onerror=alert(2)>": 3, chores: 1}
    values:
      "<img src=x onerror=alert(2)>":
        "</td><script>alert(3)</script>": 100
        "plain \\"quoted\\" 'option'": 50
        third: 0
      chores: {mine: 0, yours: 100, "<svg onload=alert(4)>": 50}
  "b&b":
    weights: {"<img src=x onerror=alert(2)>": 1, chores: 3}
    values:
      "<img src=x onerror=alert(2)>":
        "</td><script>alert(3)</script>": 0
        "plain \\"quoted\\" 'option'": 50
        third: 100
      chores: {mine: 100, yours: 0, "<svg onload=alert(4)>": 50}
"""

# Each cares most about a different topic: trading across them beats the middle by 25 each.
LOGROLL = """
title: Two topics
parties: [ada, bo]
topics:
  - name: first_topic
    options: [ada_way, middle, bo_way]
  - name: second_topic
    options: [ada_way, middle, bo_way]
preferences:
  ada:
    weights: {first_topic: 3, second_topic: 1}
    values:
      first_topic: {ada_way: 100, middle: 50, bo_way: 0}
      second_topic: {ada_way: 100, middle: 50, bo_way: 0}
  bo:
    weights: {first_topic: 1, second_topic: 3}
    values:
      first_topic: {ada_way: 0, middle: 50, bo_way: 100}
      second_topic: {ada_way: 0, middle: 50, bo_way: 100}
"""


# The middle option is already the fairest package: nothing beats it for both.
SETTLED = """
parties: [cas, dee]
topics:
  - name: holiday
    options: [mountains, lakes, seaside]
preferences:
  cas: {values: {holiday: {mountains: 100, lakes: 60, seaside: 0}}}
  dee: {values: {holiday: {mountains: 0, lakes: 60, seaside: 100}}}
"""


def render(scenario: Scenario, result: SolveResult | None = None) -> str:
    return render_report(scenario, result if result is not None else solve(scenario))


def fixture(name: str) -> Scenario:
    return load_scenario(SCENARIOS / f"{name}.yaml")


def svgs(html: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL)


def text_of(html: str) -> str:
    """The page's words, tags dropped, entities kept: what to search for escaped user text."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_each_example_renders_a_complete_page(path: Path) -> None:
    html = render(load_scenario(path))
    assert html.startswith("<!doctype html>")
    assert html.rstrip().endswith("</html>")
    assert '<html lang="en">' in html
    assert 'name="viewport"' in html


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_report_names_every_party_and_the_options_of_both_packages(path: Path) -> None:
    scenario = load_scenario(path)
    result = solve(scenario)
    html = render(scenario, result)
    assert result.recommended is not None
    compromise = result.solutions["compromise"]
    assert compromise is not None
    for party in scenario.parties:
        assert str(escape(person(party))) in html
    for option in [*result.recommended.solution.package.values(), *compromise.package.values()]:
        assert str(escape(human(option))) in html
    assert "Meeting in the middle" in html
    assert "Accord&#39;s recommendation" in html


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_report_asks_the_calibrated_questions(path: Path) -> None:
    scenario = load_scenario(path)
    result = solve(scenario)
    html = render(scenario, result)
    assert result.questions, "every example leaves some need to ask about"
    for question in result.questions:
        assert str(escape(question[:1].upper() + question[1:])) in html
    assert 'id="ask-title"' in html


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_report_explains_the_recommendation_and_lists_the_fair_points(path: Path) -> None:
    scenario = load_scenario(path)
    result = solve(scenario)
    html = render(scenario, result)
    assert result.recommended is not None
    for line in result.recommended.explanation:
        assert str(escape(line[1:])) in html
    for name in ("Nash", "Kalai-Smorodinsky", "egalitarian", "utilitarian"):
        assert f"({name})" in html
    assert "Best for the worst off" in html
    assert "<details>" in html


@pytest.mark.parametrize(
    "path", [*EXAMPLES, *sorted(SCENARIOS.glob("*.yaml"))], ids=lambda p: p.stem
)
def test_report_fetches_nothing_from_the_network(path: Path) -> None:
    html = render(load_scenario(path))
    lowered = html.lower()
    for tag in ("<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "url(http"):
        assert tag not in lowered
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", lowered)
    # The only web addresses allowed are XML namespace names, which are never fetched.
    for match in re.finditer(r"https?://[^\s\"'<>)]+", html):
        before = html[max(0, match.start() - 16) : match.start()]
        assert re.search(r"xmlns(:\w+)?=\"$", before), match.group(0)


@pytest.mark.parametrize(
    "path", [*EXAMPLES, *sorted(SCENARIOS.glob("*.yaml"))], ids=lambda p: p.stem
)
def test_every_embedded_svg_parses_as_xml_and_has_an_accessible_name(path: Path) -> None:
    html = render(load_scenario(path))
    for svg in svgs(html):
        root = ET.fromstring(svg)
        assert root.get("role") == "img"
        assert root.get("viewBox")
        labelled = (root.get("aria-labelledby") or "").split()
        ids = {el.get("id") for el in root.iter()}
        assert labelled and all(i in ids for i in labelled)
        title = root.find("{http://www.w3.org/2000/svg}title")
        assert title is not None and title.text


def test_ids_are_unique_across_the_page() -> None:
    html = render(load_scenario(ROOT / "examples" / "money_and_holidays.yaml"))
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(svgs(html)) == 2
    assert len(ids) == len(set(ids))


def test_hostile_names_are_escaped_everywhere() -> None:
    scenario = load_scenario_text(HOSTILE)
    html = render(scenario)
    lowered = html.lower()
    for tag in (
        "<script",
        "<img",
        "<iframe",
        "<svg onload",
        "<style>body",
        "<b>bold",
        "</td><script",
    ):
        assert tag not in lowered
    words = text_of(html)
    assert str(escape(EVIL)) in words  # the party, shown as text
    assert "&lt;img src=x onerror=alert(2)&gt;" in words  # the topic
    assert "&lt;/td&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in words  # an option
    assert "B&amp;b" in words  # capitalised like any name
    for svg in svgs(html):
        ET.fromstring(svg)  # still well-formed with the hostile names inside


def test_a_package_better_for_both_is_announced_with_each_gain() -> None:
    html = render(load_scenario_text(LOGROLL))
    assert "There is a package better for both of you than meeting in the middle" in html
    assert "Ada gains 25 points, Bo 25" in html
    assert "better for both of you" in html
    assert "+25" in html


def test_when_the_middle_cannot_be_beaten_the_report_says_so_and_recommends_it() -> None:
    html = render(load_scenario_text(SETTLED))
    assert "Meeting in the middle is already as good as it gets" in html
    assert "Your disagreement" in html  # a scenario without a title still gets a heading
    assert "lakes" in html


def test_a_recommendation_that_costs_someone_says_who_gives_up_what() -> None:
    scenario = fixture("three_housemates")
    result = solve(scenario)
    assert result.recommended is not None
    html = render(scenario, result)
    if result.recommended.improves_on_compromise:
        assert "better for all three of you than meeting in the middle" in html
    else:
        assert "No package is better for all three of you than meeting in the middle" in html
        losers = [p for p, g in result.recommended.gain.items() if g < 0]
        assert f"{person(losers[0])} gives up" in html


def test_an_incompatible_scenario_shows_the_conflict_and_no_frontier_chart() -> None:
    scenario = fixture("incompatible")
    result = solve(scenario)
    assert result.status == "incompatible" and result.conflict is not None
    html = render(scenario, result)
    assert "No package works for everyone yet" in html
    assert 'id="conflict-title"' in html
    assert str(escape(result.conflict.summary)) in html
    assert "Spare room" in html
    assert "Kim 80, Lee 80" in html
    assert svgs(html) == []
    assert 'id="picture-title"' not in html
    assert 'id="recommendation-title"' not in html


def test_three_parties_get_bars_and_a_parallel_view_of_the_frontier() -> None:
    scenario = fixture("three_housemates")
    html = render(scenario)
    for party in ("Ana", "Ben", "Cleo"):
        assert party in html
    assert "all three of you" in html
    ids = [ET.fromstring(svg).get("aria-labelledby") for svg in svgs(html)]
    assert ids == [
        "chart-satisfaction-title chart-satisfaction-desc",
        "chart-parallel-title chart-parallel-desc",
    ]


def test_a_scenario_with_nothing_to_negotiate_shows_foundation_and_temperament_only() -> None:
    scenario = fixture("nothing_to_trade")
    html = render(scenario)
    assert "There is nothing to trade here" in html
    assert "Honesty about money" in html and "Settled" in html
    assert "Noor rules out \u201chide small things\u201d, for honesty." in html
    assert "Tidiness" in html
    assert "Noor, what does Omar" in html
    assert svgs(html) == []
    assert 'id="recommendation-title"' not in html
    assert "There is no negotiable topic" not in html  # the headline already says so


def test_an_incompatible_foundation_is_said_plainly_while_the_rest_is_solved() -> None:
    scenario = fixture("foundation_clash")
    result = solve(scenario)
    assert result.status == "foundation_incompatible"
    html = render(scenario, result)
    assert "Your foundations clash on Religion" in html
    assert "Incompatible" in html
    assert "no negotiation technique will fix" in html.lower()
    assert "Pat rules out \u201craised secular\u201d, for keeping my values." in html
    assert 'id="recommendation-title"' in html
    assert len(svgs(html)) == 2


def test_an_approximate_frontier_says_so() -> None:
    scenario = fixture("three_housemates")
    result = solve(scenario, budget=10)
    assert not result.exact
    html = render(scenario, result)
    assert "Approximate" in html
    assert 'aria-label="Notes"' in html


def test_rendering_is_deterministic() -> None:
    scenario = load_scenario(ROOT / "examples" / "evenings.yaml")
    assert render(scenario) == render(scenario)


def test_importing_the_report_does_not_import_matplotlib() -> None:
    code = "import sys, accord.report.html; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_identifiers_read_as_words_and_people_get_capitals() -> None:
    assert human("tv_headphones") == "tv headphones"
    assert person("sam") == "Sam"
    assert person("McKenzie") == "McKenzie"  # a spelling someone chose is kept


@pytest.mark.parametrize(
    ("value", "as_points", "as_whole", "as_signed"),
    [
        (31.25, "31.3", "31", "+31.3"),
        (-16.666, "\u221216.7", "\u221217", "\u221216.7"),
        (0.25, "0.3", "0.3", "+0.3"),
        (0, "0", "0", "0"),
        (82.5, "82.5", "83", "+82.5"),
    ],
)
def test_numbers_round_half_up_and_keep_small_changes_visible(
    value: float, as_points: str, as_whole: str, as_signed: str
) -> None:
    assert (points(value), whole(value), signed(value)) == (as_points, as_whole, as_signed)
