"""The language coach: what a message does to the talk, with the words that show it, and how to
say it so the other can hear it (METHOD.md section 7). Pure text analysis: no I/O beyond
loading the packaged model and resources.

The strategy model is trained on CaSiNo (Chawla et al., "CaSiNo: A Corpus of Campsite
Negotiation Dialogues for Automatic Negotiation Systems", NAACL 2021; CC BY 4.0).
"""

from accord.coach.analyse import analyse, analyse_batch
from accord.coach.types import LABELS, Analysis, Hit, Span, Suggestion

__all__ = ["LABELS", "Analysis", "Hit", "Span", "Suggestion", "analyse", "analyse_batch"]
