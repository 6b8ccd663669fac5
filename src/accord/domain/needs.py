"""The needs catalogue the method draws on (METHOD.md section 2), shipped as data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True, slots=True)
class Need:
    id: str
    label: str
    description: str
    foundation: bool = False


@cache
def catalogue() -> dict[str, Need]:
    """Every catalogue need by id, in catalogue order."""
    text = resources.files("accord.domain").joinpath("needs.yaml").read_text(encoding="utf-8")
    rows = yaml.safe_load(text)
    return {
        row["id"]: Need(
            id=row["id"],
            label=row["label"],
            description=row["description"],
            foundation=bool(row.get("foundation", False)),
        )
        for row in rows
    }


def label_for(need: str) -> str:
    """How to speak of a need: the catalogue label, or the free text as written."""
    found = catalogue().get(need)
    return found.label if found else need.replace("_", " ")
