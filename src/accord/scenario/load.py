"""Load a scenario from a file or from text: parse, validate against the schema, build."""

from __future__ import annotations

from pathlib import Path

from accord.domain.scenario import Scenario
from accord.errors import ScenarioError
from accord.scenario.build import build_scenario
from accord.scenario.parse import parse_text
from accord.scenario.schema import validate


def load_scenario_text(text: str, *, source: str = "<text>", is_json: bool = False) -> Scenario:
    """Build a Scenario from YAML or JSON text; ``source`` names it in error messages."""
    parsed = parse_text(text, source=source, is_json=is_json)
    if not isinstance(parsed.data, dict):
        raise ScenarioError(
            "a scenario must be a mapping with 'parties' and 'topics' at the top level.",
            source=source,
            line=1,
            fix="See docs/scenarios.md for the format.",
        )
    validate(parsed)
    return build_scenario(parsed)


def load_scenario(path: str | Path) -> Scenario:
    """Read and build the scenario in ``path`` (``.yaml``, ``.yml`` or ``.json``)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ScenarioError("no such file.", source=str(path), fix="Check the path.") from exc
    except UnicodeDecodeError as exc:
        raise ScenarioError(
            "the file is not UTF-8 text.", source=str(path), fix="Save it as UTF-8."
        ) from exc
    except OSError as exc:
        raise ScenarioError(f"cannot read the file ({exc.strerror}).", source=str(path)) from exc
    return load_scenario_text(text, source=str(path), is_json=path.suffix.lower() == ".json")
