"""The Pareto filters agree with the definition, on every path: 2-d and k-d, int64 and Python
integers, across block boundaries, with duplicates."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from accord import load_scenario_text, solve
from accord.solver.pareto import nondominated
from accord.solver.space import build_space


def naive(points: np.ndarray) -> set[int]:
    keep = set()
    for i, p in enumerate(points):
        dominated = any(np.all(q >= p) and np.any(q > p) for j, q in enumerate(points) if j != i)
        if not dominated:
            keep.add(i)
    return keep


def check(points: np.ndarray) -> None:
    rows, group = nondominated(points)
    assert set(rows.tolist()) == naive(points)
    # Rows in one group are copies of one vector; different groups are different vectors.
    vectors: dict[int, tuple[int, ...]] = {}
    for r, g in zip(rows.tolist(), group.tolist(), strict=True):
        vec = tuple(int(x) for x in points[r])
        assert vectors.setdefault(g, vec) == vec
    assert len(set(vectors.values())) == len(vectors)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(2, 5).flatmap(
        lambda k: hnp.arrays(
            np.int64, st.tuples(st.integers(1, 60), st.just(k)), elements=st.integers(0, 6)
        )
    )
)
def test_filter_matches_the_definition(points: np.ndarray) -> None:
    check(points)


@pytest.mark.parametrize("k", [3, 4])
def test_k_dimensional_filter_is_right_across_block_boundaries(k: int) -> None:
    rng = np.random.default_rng(k)
    # Points near a simplex give large frontiers: more than one 512-vector block survives.
    base = rng.integers(0, 1000, size=(1500, k))
    points = (base * 1000 // base.sum(axis=1, keepdims=True)).astype(np.int64)
    points = np.vstack([points, points[:40]])  # duplicates too
    check(points)


def test_python_integer_path_matches_the_int64_path() -> None:
    rng = np.random.default_rng(7)
    for k in (2, 3):
        points = rng.integers(0, 8, size=(80, k)).astype(np.int64)
        as_objects = points.astype(object)
        a, _ = nondominated(points)
        b, _ = nondominated(as_objects)
        assert sorted(a.tolist()) == sorted(b.tolist())


def test_values_that_would_overflow_64_bits_are_solved_exactly() -> None:
    # Decimals with many digits make the common denominator huge: Python integers take over.
    text = """\
parties: [a, b]
topics:
  - {name: t1, options: [x, y, z]}
  - {name: t2, options: [x, y, z]}
preferences:
  a:
    weights: {t1: 0.333333333333333, t2: 0.777777777777777}
    values:
      t1: {x: 99.123456789012, y: 10.987654321098, z: 50.5}
      t2: {x: 0.000000000001, y: 77.777777777777, z: 33.3}
  b:
    weights: {t1: 0.123456789, t2: 0.987654321}
    values:
      t1: {x: 0.5, y: 99.999999999999, z: 50.000000000001}
      t2: {x: 100, y: 0.000000000003, z: 66.6}
"""
    scenario = load_scenario_text(text)
    space = build_space(scenario)
    assert not space.exact_int64
    result = solve(scenario)
    from tests import brute

    got = {tuple(s.package.items()) for s in result.frontier}
    assert got == set(brute.frontier(scenario))
