"""The safety screen every free text passes first (METHOD.md section 8).

When the coach reads a possible danger in what a person wrote, the service records a flag that
only its author can ever read (private, and its visibility can never change), and hands the help
resources back to the author. Recall matters more than precision: the coach errs towards
flagging.
"""

from __future__ import annotations

from dataclasses import dataclass

from accord.coach import Analysis, analyse
from accord.domain.access import Visibility
from accord.domain.items import Item, ItemKind
from accord.errors import AccordError
from accord.services.ports import Repository, UnitOfWork


class SafetyHoldError(AccordError):
    """A text the safety screen flagged was not stored; the notice is for its author only.

    Raised (after the flag is committed) where a service has nothing else to return."""

    def __init__(self, notice: SafetyNotice) -> None:
        self.notice = notice
        super().__init__("What you wrote may be about your safety: it was not shared.")


@dataclass(frozen=True, slots=True)
class SafetyNotice:
    """What the author sees when the screen flags their words; never shown to anyone else."""

    kinds: tuple[str, ...]
    resources: tuple[str, ...]
    flag_id: str


def screen(
    uow: UnitOfWork,
    repo: Repository,
    *,
    owner_id: str,
    relationship_id: str,
    text: str,
    where: str,
    topic_id: str | None = None,
    locale: str = "default",
    analysis: Analysis | None = None,
) -> SafetyNotice | None:
    """Screen ``text``; on a concern, record the private flag and return the notice.

    ``analysis`` is the coach's reading of ``text`` when the caller has one already (it also
    shows the coach's notes), so that the text is read once."""
    if not text.strip():
        return None
    analysis = analysis or analyse(text, locale=locale)
    hits = [h for h in analysis.hits if h.label == "safety_concern"]
    if not hits:
        return None
    kinds = tuple(sorted({h.kind or "unspecified" for h in hits}))
    now = uow.now()
    flag = Item(
        id=uow.new_id(),
        relationship_id=relationship_id,
        owner_id=owner_id,
        kind=ItemKind.SAFETY_FLAG,
        visibility=Visibility.PRIVATE,
        data={"kinds": list(kinds), "where": where, "text": text},
        created_at=now,
        updated_at=now,
        topic_id=topic_id,
        visibility_fixed=True,
    )
    repo.add_item(flag)
    return SafetyNotice(kinds=kinds, resources=analysis.resources, flag_id=flag.id)
