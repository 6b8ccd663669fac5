"""Turn scenario text (YAML or JSON) into plain data, remembering where each value was written.

The line numbers let every later error point at the place in the file a person must edit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import yaml

from accord.errors import ScenarioError

Path = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Parsed:
    """Plain data from a scenario file plus the line each path starts on (1-based)."""

    data: Any
    source: str
    lines: dict[Path, int] = field(default_factory=dict)

    def line(self, path: Path) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


def dotted(path: Path) -> str:
    return ".".join(path) if path else "the top level"


def parse_text(text: str, *, source: str = "<text>", is_json: bool = False) -> Parsed:
    """Parse YAML (JSON is accepted too) into data with a path-to-line map.

    Duplicate keys and non-text keys (``yes``, ``1``) are errors: YAML would otherwise silently
    keep the last duplicate or turn ``yes`` into a boolean.
    """
    if is_json:
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            raise ScenarioError(
                f"this is not valid JSON ({exc.msg}, column {exc.colno}).",
                source=source,
                line=exc.lineno,
                fix="Fix the JSON syntax there (a missing comma or quote is the usual cause).",
            ) from exc
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ScenarioError(
                "the file is empty.",
                source=source,
                fix="Write at least 'parties' and 'topics' (see docs/scenarios.md).",
            )
        lines: dict[Path, int] = {}
        data = _build(node, (), lines, loader, source)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ScenarioError(
            f"this is not valid YAML ({exc.problem or exc.context}).",
            source=source,
            line=mark.line + 1 if mark else None,
            fix="Check the indentation and the quoting on that line.",
        ) from exc
    except yaml.YAMLError as exc:
        raise ScenarioError(f"this is not valid YAML ({exc}).", source=source) from exc
    finally:
        loader.dispose()
    return Parsed(data=data, source=source, lines=lines)


def _build(
    node: yaml.Node, path: Path, lines: dict[Path, int], loader: yaml.SafeLoader, source: str
) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = (
                loader.construct_object(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            )
            if not isinstance(key, str):
                raise ScenarioError(
                    f"the key {_raw(key_node)} is not text.",
                    source=source,
                    location=dotted(path),
                    line=key_node.start_mark.line + 1,
                    fix="Put names in quotes when they look like numbers or yes/no/on/off.",
                )
            if key in out:
                raise ScenarioError(
                    f"the key '{key}' appears twice.",
                    source=source,
                    location=dotted(path),
                    line=key_node.start_mark.line + 1,
                    fix="Keep one of them: a repeated key would silently replace the first.",
                )
            out[key] = _build(value_node, (*path, key), lines, loader, source)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(item, (*path, str(i)), lines, loader, source)
            for i, item in enumerate(node.value)
        ]
    return loader.construct_object(node)


def _raw(node: yaml.Node) -> str:
    value = getattr(node, "value", "")
    return repr(value) if isinstance(value, str) else "(a collection)"
