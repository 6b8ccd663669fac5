"""The packages picture: a pure SVG builder."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from accord.services.packages import Offer
from accord.web.package_chart import LEFT, PLOT, TOP, package_chart

NAMES = {"s": "Sam", "a": "Alex"}
OFFERS = (
    Offer("p1", {"t": "o1"}, ("recommended", "nash"), {"s": 75.0, "a": 75.0}),
    Offer("p2", {"t": "o2"}, ("compromise",), {"s": 50.0, "a": 50.0}),
)
FRONTIER = ({"s": 100.0, "a": 0.0}, {"s": 75.0, "a": 75.0}, {"s": 0.0, "a": 100.0})
SVG = "{http://www.w3.org/2000/svg}"


def test_the_chart_is_a_labelled_image_with_axes_from_0_to_100() -> None:
    svg = package_chart(OFFERS, FRONTIER, NAMES)
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None
    assert set(root.get("aria-labelledby", "").split()) == {
        "package-chart-title",
        "package-chart-desc",
    }
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert {"0", "50", "100"} <= set(texts)
    assert "Sam (satisfaction, 0-100)" in texts and "Alex (satisfaction, 0-100)" in texts


def test_the_recommended_package_and_the_compromise_are_marked_differently_and_named() -> None:
    svg = package_chart(OFFERS, FRONTIER, NAMES)
    root = ET.fromstring(svg)
    (diamond, *_) = [p for p in root.iter(f"{SVG}polygon") if p.get("class") == "recommended"]
    (square, *_) = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "compromise"]
    assert diamond is not None and square is not None
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert "Recommended" in texts and "Compromise" in texts
    assert any(t.startswith("Recommended:") for t in texts)
    assert any(t.startswith("Compromise:") for t in texts)
    assert "The recommended package gives 75 and 75." in svg
    assert len(list(root.iter(f"{SVG}circle"))) == len(FRONTIER) + 1  # + the legend's dot


def test_points_sit_where_their_satisfaction_says() -> None:
    root = ET.fromstring(package_chart(OFFERS, FRONTIER, NAMES))
    points = {
        (float(c.get("cx", 0)), float(c.get("cy", 0)))
        for c in root.iter(f"{SVG}circle")
        if c.get("r") == "3" and c.get("fill-opacity")
    }
    assert (LEFT + PLOT, TOP + PLOT) in points  # Sam 100, Alex 0: bottom right
    assert (LEFT, TOP) in points  # Sam 0, Alex 100: top left


def test_names_are_escaped_inside_the_svg() -> None:
    svg = package_chart(OFFERS, FRONTIER, {"s": "<script>alert(1)</script>", "a": "A & B"})
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "A &amp; B" in svg
    ET.fromstring(svg)  # still well-formed


def test_three_members_get_the_table_instead() -> None:
    three = {"s": "Sam", "a": "Alex", "k": "Kim"}
    assert package_chart(OFFERS, FRONTIER, three) == ""


def test_nothing_to_draw_draws_nothing() -> None:
    assert package_chart((), (), NAMES) == ""


def test_values_outside_0_100_stay_inside_the_plot() -> None:
    svg = package_chart((), ({"s": 140.0, "a": -5.0},), NAMES)
    (cx, cy) = map(
        float,
        re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="3" fill="#4a4a55" fill-opacity', svg)[
            0
        ],
    )
    assert (cx, cy) == (LEFT + PLOT, TOP + PLOT)


@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40),
    st.floats(min_value=-50, max_value=150, allow_nan=False),
)
def test_any_name_and_value_give_a_well_formed_picture(name: str, value: float) -> None:
    svg = package_chart(OFFERS, ({"s": value, "a": 50.0},), {"s": name, "a": "Alex"})
    root = ET.fromstring(svg)
    texts = "".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert f"{name} (satisfaction, 0-100)" in texts
