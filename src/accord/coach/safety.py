"""Help resources shown with a safety concern, per locale (METHOD.md section 8).

The list lives in the packaged ``resources.yaml``; every locale starts with the line telling the
person to call their local emergency number if they are in danger. An unknown locale gets the
default list, never nothing.
"""

from __future__ import annotations

from functools import cache
from importlib import resources as _files

import yaml

EMERGENCY = "If you are in danger, call your local emergency number."


@cache
def _table() -> tuple[str, dict[str, tuple[str, ...]]]:
    text = _files.files("accord.coach").joinpath("resources.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    locales = {str(k): tuple(str(line) for line in v) for k, v in data["locales"].items()}
    return str(data["emergency"]), locales


def locales() -> tuple[str, ...]:
    """The locales with their own list ("default" among them)."""
    return tuple(_table()[1])


def resources(locale: str = "default") -> tuple[str, ...]:
    """The help lines for ``locale`` ("en-GB", "en_gb" and "en-gb" are the same), emergency first.

    >>> resources("en-GB")[0]
    'If you are in danger, call your local emergency number.'
    """
    emergency, table = _table()
    wanted = locale.replace("_", "-").lower()
    chosen = next((v for k, v in table.items() if k.lower() == wanted), table["default"])
    lines = (emergency, *chosen)
    return lines if EMERGENCY in lines else (EMERGENCY, *lines)
