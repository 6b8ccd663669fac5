"""The SVG builders: well-formed, accessible, escaped, and drawn where the numbers say."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from accord.web.charts import PlanePoint, attachment_plane, enforcement_line

SVG = "{http://www.w3.org/2000/svg}"
DAY = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
NAMES = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(lambda s: s.strip() == s and s.strip())


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def test_the_plane_is_an_accessible_image_with_a_title_and_a_description() -> None:
    root = parse(attachment_plane([PlanePoint("Sam", 5.5, 2.0, mine=True)]))
    assert root.get("role") == "img" and root.get("viewBox") == "0 0 360 360"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert desc.text is not None and "Sam (you): anxiety 5.50, avoidance 2.00" in desc.text


def test_the_plane_names_the_four_regions_and_draws_the_midpoint_lines_at_four() -> None:
    root = parse(attachment_plane([]))
    assert {"secure", "anxious", "avoidant", "fearful-avoidant"} <= set(texts(root))
    lines = [
        tuple(float(line.get(k, 0)) for k in ("x1", "y1", "x2", "y2"))
        for line in root.iter(f"{SVG}line")
    ]
    # The frame runs from 48 to 344 across and 16 to 316 down; 4 is half way on 1-7.
    assert (196.0, 16.0, 196.0, 316.0) in lines
    assert (48.0, 166.0, 344.0, 166.0) in lines
    desc = root.find(f"{SVG}desc")
    assert desc is not None and "No results to show yet." in (desc.text or "")


def test_points_sit_at_their_scores_with_anxiety_up_and_avoidance_across() -> None:
    root = parse(
        attachment_plane([PlanePoint("Me", 7.0, 1.0, mine=True), PlanePoint("Alex", 1.0, 7.0)])
    )
    (mine,) = root.iter(f"{SVG}circle")
    assert (mine.get("cx"), mine.get("cy")) == ("48", "16")  # most anxious, least avoidant
    other = next(r for r in root.iter(f"{SVG}rect") if r.get("transform"))
    assert other.get("transform") == "rotate(45 344 316)"  # least anxious, most avoidant
    assert "Me" in texts(root) and "Alex" in texts(root)


def test_scores_off_the_scale_stay_inside_the_picture() -> None:
    root = parse(attachment_plane([PlanePoint("Me", 9.0, -3.0, mine=True)]))
    (mine,) = root.iter(f"{SVG}circle")
    assert (mine.get("cx"), mine.get("cy")) == ("48", "16")


@given(NAMES)
def test_any_name_is_escaped_and_read_back_exactly(name: str) -> None:
    plane = parse(attachment_plane([PlanePoint(name, 3.0, 3.0), PlanePoint(name, 5, 5, True)]))
    labels = [t.text for g in plane.iter(f"{SVG}g") for t in g.iter(f"{SVG}text")]
    assert labels == [name, name]
    line = parse(enforcement_line([(DAY, 1.0)], name=name))
    title = line.find(f"{SVG}title")
    assert title is not None and title.text == f"Enforcement over time: {name}"


def test_a_hostile_name_never_becomes_markup() -> None:
    svg = attachment_plane([PlanePoint('"><script>alert(1)</script>', 2, 2, mine=True)])
    assert "<script" not in svg and "&lt;script&gt;" in svg
    svg = enforcement_line([(DAY, 0.5)], name="</title><script>x</script>")
    assert "<script" not in svg and "</title><script" not in svg


def test_the_enforcement_line_follows_the_rate_after_each_crossing_in_time_order() -> None:
    series = [(DAY + timedelta(days=2), 0.5), (DAY, 1.0), (DAY + timedelta(days=4), 2 / 3)]
    root = parse(enforcement_line(series, name="No phones at dinner", chart_id="b1"))
    assert root.get("viewBox") == "0 0 480 200" and root.get("role") == "img"
    polyline = root.find(f"{SVG}polyline")
    assert polyline is not None
    points = [tuple(map(float, p.split(","))) for p in (polyline.get("points") or "").split()]
    # Across: 52 to 460, by date; up: 100% at 14, 0% at 164.
    assert points == [(52.0, 14.0), (256.0, 89.0), (460.0, 64.0)]
    desc = root.find(f"{SVG}desc")
    assert desc is not None and desc.text is not None
    assert "after each of 3 crossings from 1 Mar 2026 to 5 Mar 2026: 100%, 50%, 67%." in desc.text
    assert {"0%", "50%", "100%", "1 Mar 2026", "5 Mar 2026"} <= set(texts(root))
    assert root.find(f"{SVG}title") is not None


def test_crossings_at_one_moment_are_spaced_evenly_and_a_single_one_sits_in_the_middle() -> None:
    root = parse(enforcement_line([(DAY, 1.0), (DAY, 0.5), (DAY, 1 / 3)], name="x"))
    xs = [float(c.get("cx", 0)) for c in root.iter(f"{SVG}circle")]
    assert xs == [52.0, 256.0, 460.0]
    single = parse(enforcement_line([(DAY, 0.0)], name="x"))
    (only,) = single.iter(f"{SVG}circle")
    assert (only.get("cx"), only.get("cy")) == ("256", "164")
    assert single.find(f"{SVG}polyline") is None


def test_a_boundary_never_crossed_says_so_in_words() -> None:
    root = parse(enforcement_line([], name="No shouting"))
    assert "No crossings yet" in texts(root)
    desc = root.find(f"{SVG}desc")
    assert desc is not None and "has not been crossed yet" in (desc.text or "")
