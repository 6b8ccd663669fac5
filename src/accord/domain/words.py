"""How names from a scenario are shown to people."""

from __future__ import annotations


def pretty(name: str) -> str:
    """An option or topic name as words: 'tv_headphones' -> 'tv headphones'."""
    return name.replace("_", " ")


def person(name: str) -> str:
    """A party's name as a person's name: 'sam' -> 'Sam' (other spellings kept)."""
    return name[:1].upper() + name[1:] if name.islower() else name
