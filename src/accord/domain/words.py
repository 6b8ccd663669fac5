"""How names from a scenario, and the engine's rules, are spoken of to people.

One place for these so the terminal, the report and the explanations say the same thing.

>>> pretty("tv_headphones"), person("sam"), join(["a", "b", "c"])
('tv headphones', 'Sam', 'a, b and c')
"""

from __future__ import annotations


def pretty(name: str) -> str:
    """An option or topic name as words: 'tv_headphones' -> 'tv headphones'."""
    return name.replace("_", " ")


def person(name: str) -> str:
    """A party's name as a person's name: 'sam' -> 'Sam'; mixed-case spellings are kept."""
    words = pretty(name)
    return words[:1].upper() + words[1:] if words.islower() else words


def join(items: list[str], word: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


# Each fair rule: its plain name, its technical name, and what it means, in that order.
RULES_IN_WORDS = {
    "nash": (
        "Balanced gains",
        "Nash",
        "Balances everyone's gains: no one's gain over walking away is sacrificed for a bigger "
        "total. Accord uses this rule to recommend.",
    ),
    "kalai_smorodinsky": (
        "Equal share of the best",
        "Kalai-Smorodinsky",
        "Gives each person the same share of the most they could hope for.",
    ),
    "egalitarian": (
        "Best for the worst off",
        "egalitarian",
        "Best for whoever is worst off: lifts the smallest gain over walking away as high as "
        "it goes.",
    ),
    "utilitarian": (
        "Largest total",
        "utilitarian",
        "The largest total satisfaction, even if one person gets much more than another.",
    ),
}
