"""Pareto filters on integer utility vectors.

A vector a dominates b when a >= b in every coordinate and a != b. The filters keep every copy
of a non-dominated vector (equal packages are all kept), and report which rows are copies of
the same vector, so the frontier can remember every package that reaches each point.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from accord.solver.space import IntArray

IndexArray = npt.NDArray[np.intp]
BoolArray = npt.NDArray[np.bool_]

# Block size for the k-dimensional filter: block x kept x k booleans at a time.
_BLOCK = 512


def nondominated(points: IntArray) -> tuple[IndexArray, IndexArray]:
    """Rows of ``points`` that no other row dominates, grouped by equal vectors.

    Returns ``(rows, group)``: the surviving row indices, and for each of them the index of its
    distinct vector among the survivors (0, 1, ...), so ``points[rows[group == g]]`` are copies.
    Distinct vectors are numbered in decreasing order of the first coordinate for two parties,
    and of their sum for more.
    """
    n, k = points.shape
    if n == 0:
        return np.empty(0, dtype=np.intp), np.empty(0, dtype=np.intp)
    if k == 2:
        return _nondominated_2d(points)
    return _nondominated_kd(points)


def _sort_desc_2d(points: IntArray) -> IndexArray:
    a, b = points[:, 0], points[:, 1]
    if points.dtype == np.int64:
        lo_a, hi_a = int(a.min()), int(a.max())
        lo_b, hi_b = int(b.min()), int(b.max())
        span_b = hi_b - lo_b + 1
        if (hi_a - lo_a + 1) * span_b < 2**62:
            # One integer key sorts by a, then b; the stable sort finds the pre-sorted runs.
            key = (a - lo_a) * span_b + (b - lo_b)
            order: IndexArray = np.argsort(-key, kind="stable")
            return order
    return np.lexsort((-b, -a)) if points.dtype == np.int64 else _object_order(points)


def _object_order(points: IntArray) -> IndexArray:
    keys = [(-int(x), -int(y), i) for i, (x, y) in enumerate(points[:, :2])]
    return np.array([i for _, _, i in sorted(keys)], dtype=np.intp)


def _nondominated_2d(points: IntArray) -> tuple[IndexArray, IndexArray]:
    order = _sort_desc_2d(points)
    a = points[order, 0]
    b = points[order, 1]
    n = len(order)
    first = np.ones(n, dtype=bool)
    first[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
    group_of_sorted = np.cumsum(first) - 1
    firsts = np.flatnonzero(first)
    # A distinct vector survives iff its b beats every b seen before it (those have a >= its a).
    b_first = b[firsts]
    if points.dtype == np.int64:
        running = np.maximum.accumulate(b_first)
        before = np.empty_like(running)
        before[0] = np.iinfo(np.int64).min
        before[1:] = running[:-1]
        keep_group = b_first > before
    else:
        keep_group = np.zeros(len(firsts), dtype=bool)
        best: int | None = None
        for g, value in enumerate(b_first):
            if best is None or value > best:
                keep_group[g] = True
                best = value
    keep_sorted = keep_group[group_of_sorted]
    rows = order[keep_sorted]
    renumber = np.cumsum(keep_group) - 1
    group = renumber[group_of_sorted[keep_sorted]]
    return rows.astype(np.intp), group.astype(np.intp)


def _nondominated_kd(points: IntArray) -> tuple[IndexArray, IndexArray]:
    unique, inverse = _unique_rows(points)
    # Sort distinct vectors by sum, largest first: only a larger sum can dominate.
    sums = unique.sum(axis=1)
    if unique.dtype == np.int64:
        keys = tuple(-unique[:, c] for c in reversed(range(unique.shape[1])))
        order = np.lexsort((*keys, -sums))
    else:
        ranking = sorted(range(len(unique)), key=lambda i: (-sums[i], *(-unique[i])))
        order = np.array(ranking, dtype=np.intp)
    ranked = unique[order]
    kept: list[int] = []
    kept_block = ranked[:0]
    for start in range(0, len(ranked), _BLOCK):
        block: IntArray = ranked[start : start + _BLOCK]
        alive = np.ones(len(block), dtype=bool)
        if len(kept_block):
            covers: BoolArray = np.all(kept_block[None, :, :] >= block[:, None, :], axis=2)
            alive &= ~covers.any(axis=1)
        # Within the block, an earlier vector (larger or equal sum) may dominate a later one.
        ge: BoolArray = np.all(block[:, None, :] >= block[None, :, :], axis=2)
        np.fill_diagonal(ge, False)
        ge &= np.triu(np.ones_like(ge), k=1)  # only earlier i against later j
        alive &= ~ge.any(axis=0)
        idx = np.flatnonzero(alive) + start
        kept.extend(idx.tolist())
        kept_block = ranked[kept]
    kept_unique = order[np.array(kept, dtype=np.intp)] if kept else np.empty(0, dtype=np.intp)
    new_id = np.full(len(unique), -1, dtype=np.intp)
    new_id[kept_unique] = np.arange(len(kept_unique))
    group_all = new_id[inverse]
    rows = np.flatnonzero(group_all >= 0)
    return rows.astype(np.intp), group_all[rows].astype(np.intp)


def _unique_rows(points: IntArray) -> tuple[IntArray, IndexArray]:
    if points.dtype == np.int64:
        unique, inverse = np.unique(points, axis=0, return_inverse=True)
        return unique, inverse.reshape(-1).astype(np.intp)
    seen: dict[tuple[int, ...], int] = {}
    inverse_list = []
    for row in points:
        key = tuple(int(x) for x in row)
        inverse_list.append(seen.setdefault(key, len(seen)))
    arr = np.empty((len(seen), points.shape[1]), dtype=object)
    for key, i in seen.items():
        for c, value in enumerate(key):
            arr[i, c] = value
    return arr, np.array(inverse_list, dtype=np.intp)
