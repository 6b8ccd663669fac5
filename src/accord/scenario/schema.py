"""The published JSON Schema for scenario files, and validation that says what to fix."""

from __future__ import annotations

import difflib
import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from accord.errors import ScenarioError
from accord.scenario.parse import Parsed, dotted


@cache
def scenario_schema() -> dict[str, Any]:
    """The JSON Schema every scenario file must satisfy (also printed by ``accord schema``)."""
    text = resources.files("accord.scenario").joinpath("scenario.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(scenario_schema())


def validate(parsed: Parsed) -> None:
    """Raise a ScenarioError for the first schema violation, naming its place and the fix."""
    errors = sorted(_validator().iter_errors(parsed.data), key=lambda e: (list(e.path), e.message))
    if not errors:
        return
    error = errors[0]
    path = tuple(str(p) for p in error.absolute_path)
    problem, fix = _explain(error)
    more = len(errors) - 1
    if more:
        fix += f" ({more} more problem{'s' if more > 1 else ''} may follow once this is fixed.)"
    raise ScenarioError(
        problem, source=parsed.source, location=dotted(path), line=parsed.line(path), fix=fix
    )


def _explain(error: ValidationError) -> tuple[str, str]:
    kind = error.validator
    schema: Any = error.schema
    expected: Any = error.validator_value
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        allowed = list(schema.get("properties", {}))
        unknown = [k for k in error.instance if k not in allowed]
        name = unknown[0] if unknown else "?"
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f"Did you mean '{close[0]}'?" if close else f"Allowed keys: {', '.join(allowed)}."
        return f"'{name}' is not a key Accord knows here.", hint
    if kind == "required":
        return error.message.replace("is a required property", "is missing") + ".", (
            "Add it (see docs/scenarios.md for the format)."
        )
    if kind in ("minimum", "maximum"):
        return f"{error.instance!r} is out of range.", _range_fix(error)
    if kind == "type":
        fix = f"Write a {expected} here."
        if expected == "string":
            fix += " Put names in quotes when they look like numbers or yes/no/on/off."
        return f"{error.instance!r} is not a {expected}.", fix
    if kind == "enum":
        options = ", ".join(str(v) for v in expected)
        return f"{error.instance!r} is not allowed here.", f"Use one of: {options}."
    if kind == "uniqueItems":
        return "a name is listed twice.", "Each name must appear only once."
    if kind in ("minItems", "minProperties"):
        return "this list is too short.", f"It needs at least {expected} entries."
    if kind == "maxItems":
        return "this list is too long.", f"It allows at most {expected} entries."
    return error.message + ".", "See docs/scenarios.md for the format."


def _range_fix(error: ValidationError) -> str:
    schema: Any = error.schema
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        return f"Use a number from {low} to {high}."
    if low is not None:
        return f"Use a number of at least {low}."
    return f"Use a number of at most {high}."
