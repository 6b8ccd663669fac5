"""NegMAS as a comparator: run ONLY by the Python of a throwaway venv that has negmas installed.

NegMAS is AGPL: Accord must never import it, so this script imports nothing from Accord (nor
from the rest of bench/) and solver_bench.py runs it in its own process, passing the scenario
as JSON on stdin and reading JSON from stdout:

    in:  {"weights": [[w_pt]], "values": [[[v_pto]]]}  integers, parties x topics (x options)
    out: {"version", "frontier_seconds", "nash_seconds", "frontier": [[u_p]], "nash": [[u_p]],
          "maxrss_kib"}

Each party's NegMAS utility is the weighted sum sum_t w_pt * v_pt(o_t), Accord's integer total
(utility times the sum of weights), so both frontiers can be compared exactly. NegMAS finds
the frontier by enumerating every outcome (negmas.preferences.ops.pareto_frontier), then the
Nash points on it (all within NegMAS's eps of the best) with the disagreement point at 0
(ranges passed explicitly: otherwise NegMAS measures gains from each party's worst outcome).
"""

from __future__ import annotations

import json
import resource
import sys
import time


def main() -> int:
    import negmas
    from negmas import make_issue, make_os
    from negmas.preferences import LinearAdditiveUtilityFunction
    from negmas.preferences.ops import nash_points, pareto_frontier

    data = json.load(sys.stdin)
    weights, values = data["weights"], data["values"]
    topics, options = len(values[0]), len(values[0][0])
    issues = [make_issue([f"o{o}" for o in range(options)], f"t{t}") for t in range(topics)]
    space = make_os(issues)
    ufuns = [
        LinearAdditiveUtilityFunction(
            values={
                f"t{t}": {f"o{o}": float(v) for o, v in enumerate(row)}
                for t, row in enumerate(party_values)
            },
            weights={f"t{t}": float(w) for t, w in enumerate(party_weights)},
            outcome_space=space,
            reserved_value=0.0,
        )
        for party_weights, party_values in zip(weights, values, strict=True)
    ]
    start = time.perf_counter()
    frontier, _ = pareto_frontier(ufuns, issues=issues)
    middle = time.perf_counter()
    ranges = [(0.0, max(point[p] for point in frontier)) for p in range(len(ufuns))]
    nash = nash_points(ufuns, frontier, ranges=ranges)
    end = time.perf_counter()
    json.dump(
        {
            "version": negmas.__version__,
            "frontier_seconds": middle - start,
            "nash_seconds": end - middle,
            "frontier": [[float(u) for u in point] for point in frontier],
            "nash": [[float(u) for u in point] for point, _ in nash],
            "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        },
        sys.stdout,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
