"""Text colours meet WCAG 2 AA contrast (4.5:1) on the backgrounds they are used on."""

from __future__ import annotations

import re

import pytest

from tests.command import ROOT

CSS = (ROOT / "src" / "accord" / "web" / "static" / "accord.css").read_text(encoding="utf-8")
VARS = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", CSS))

# (text, background, where it is used)
PAIRS = [
    ("ink", "paper", "body text"),
    ("muted", "paper", "small print"),
    ("muted", "soft", "footer and header text"),
    ("blue", "paper", "links and secondary buttons"),
    ("#ffffff", "blue", "primary buttons"),
    ("#ffffff", "red", "the quick-exit button and danger buttons"),
    ("amber-ink", "amber-bg", "the demo bar"),
    ("#7f1d1d", "#fee2e2", "error messages"),
    ("#14532d", "#dcfce7", "confirmations"),
    ("green", "paper", "coach moves"),
    ("#ffffff", "#374151", "the pause button"),
]


def _rgb(colour: str) -> tuple[float, float, float]:
    value = VARS.get(colour, colour).lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return linear[0], linear[1], linear[2]


def contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        r, g, b_ = _rgb(colour)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(("text", "background", "where"), PAIRS, ids=[p[2] for p in PAIRS])
def test_text_is_readable_on_its_background(text: str, background: str, where: str) -> None:
    assert contrast(text, background) >= 4.5, where
