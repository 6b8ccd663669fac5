"""The CaSiNo check: replay real campsite negotiations and compare Accord with the humans.

Data: CaSiNo (Chawla et al., NAACL 2021), CC BY 4.0; see ``accord.casino.replay``.
"""

from accord.casino.replay import (
    CREDIT,
    Benchmark,
    CasinoReport,
    DialogueReplay,
    dialogue_scenario,
    human_deal,
    load_dialogues,
    points,
    replay,
    replay_dialogue,
)

__all__ = [
    "CREDIT",
    "Benchmark",
    "CasinoReport",
    "DialogueReplay",
    "dialogue_scenario",
    "human_deal",
    "load_dialogues",
    "points",
    "replay",
    "replay_dialogue",
]
