"""Accord: settle what you disagree about without either of you shrinking.

The public library surface is small: load a scenario, solve it, read the result.

>>> from accord import load_scenario_text, solve
>>> scenario = load_scenario_text('''
... parties: [a, b]
... topics: [{name: t, options: [x, y]}]
... preferences:
...   a: {values: {t: {x: 100, y: 0}}}
...   b: {values: {t: {x: 0, y: 100}}}
... ''')
>>> solve(scenario).status
'ok'
"""

from accord.errors import AccordError, ScenarioError, SolverError
from accord.scenario.load import load_scenario, load_scenario_text
from accord.solver.result import SolveResult
from accord.solver.solve import solve

__all__ = [
    "AccordError",
    "ScenarioError",
    "SolveResult",
    "SolverError",
    "load_scenario",
    "load_scenario_text",
    "solve",
]
