"""What ``accord negotiate`` prints: the acting person's view of a negotiation, readable or
as JSON. Everything here renders a :class:`~accord.services.negotiation.NegotiationView`, which
the service has already cut down to what this person may see."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text

from accord.cli.care_common import Choice, console, short

if TYPE_CHECKING:
    from accord.domain.items import Item
    from accord.services.negotiation import NegotiationView

HELD = "This negotiation is on hold for you; what you wrote was not shared with anyone."
NEXT = {
    "positions": 'accord negotiate position {n} --as NAME "what you want", then: done',
    "needs": "accord negotiate need {n} --as NAME NEED --weight 3, then: done",
    "empathy": 'check in, then: accord negotiate restate {n} --as NAME --about OTHER "It sounds '
    'like you need ..."',
    "options": 'check in, then: accord negotiate option {n} --as NAME "an idea", then: done',
    "ratings": "accord negotiate rate {n} --as NAME OPTION=NEED:SCORE ..., then: done",
    "packages": "check in, look at the packages (accord negotiate show {n} --as NAME), then: done",
    "acceptance": "accord negotiate accept {n} --as NAME PACKAGE ... (or --none), then: done",
    "agreed": "accord agreement record {n} --as NAME --term ... --how ... --review YYYY-MM-DD",
}


def need_choice(item: Item) -> Choice:
    need = item.data.get("need")
    words = need_words(item)
    return Choice(item.id, words, tuple(str(x) for x in (need, item.data.get("text")) if x))


def need_words(item: Item) -> str:
    from accord.domain.needs import label_for

    need, text = item.data.get("need"), str(item.data.get("text") or "")
    if need:
        return label_for(str(need)) + (f" ({text})" if text else "")
    return text


def unrated(seen: NegotiationView) -> list[str]:
    ratings = next((i for i in seen.mine if i.kind.value == "ratings"), None)
    given = ratings.data["ratings"] if ratings else {}
    forbidden = set(ratings.data["forbidden"]) if ratings else set()
    needs = [i for i in seen.mine if i.kind.value == "interest"]
    return [
        f'"{o.text}" for {need_words(n)}'
        for o in seen.options
        if o.id not in forbidden
        for n in needs
        if n.topic_id == o.topic_id and n.id not in given.get(o.id, {})
    ]


def print_progress(seen: NegotiationView) -> None:
    out = console()
    kind = "" if seen.agreed else " (together)" if seen.joint else " (each on your own)"
    out.print(Text(f"Step: {seen.step.value}{kind}: {seen.what}.", style="bold"))
    if seen.waiting_for:
        out.print(Text(f"Waiting for: {', '.join(seen.waiting_for)}."))
    if seen.paused_until is not None:
        local = seen.paused_until.astimezone()
        out.print(Text(f"Paused until {local:%Y-%m-%d %H:%M %Z}.", style="yellow"))
    if seen.on_hold:
        out.print(Text(HELD, style="yellow"))
    hint = NEXT.get(seen.step.value)
    if hint:
        out.print(Text("Next: " + hint.format(n=short(seen.id)), style="dim"))


def print_view(seen: NegotiationView) -> None:
    out = console()
    titles = " and ".join(t.title for t in seen.topics)
    out.print(Text(f"Negotiation {short(seen.id)}: {titles}", style="bold"))
    print_progress(seen)
    if seen.options:
        topics = {t.id: t.title for t in seen.topics}
        table = Table("id", "topic", "option", "added by", title="Options")
        for o in seen.options:
            table.add_row(short(o.id), Text(topics.get(o.topic_id, "")), Text(o.text), o.added_by)
        out.print(table)
    if seen.restatements:
        table = Table("id", "who", "restatement", "answer", title="Restatements")
        for r in seen.restatements:
            who = f"{seen.names.get(r.by, 'someone')} about {seen.names.get(r.about, 'someone')}"
            answer = r.status + (f": {r.correction}" if r.correction else "")
            table.add_row(short(r.id), who, Text(r.text), Text(answer))
        out.print(table)
    print_mine(seen)
    print_packages(seen)
    if seen.agreed:
        print_agreed(seen)


def print_mine(seen: NegotiationView) -> None:
    if not seen.mine:
        return
    out = console()
    topics = {t.id: t.title for t in seen.topics}
    options = {o.id: o.text for o in seen.options}
    needs = {i.id: need_words(i) for i in seen.mine if i.kind.value == "interest"}
    table = Table("id", "yours (private)", "", title="Only you see these")
    for item in seen.mine:
        kind, data = item.kind.value, item.data
        where = topics.get(item.topic_id or "", "")
        if kind == "position":
            table.add_row(short(item.id), f"position on {where}", Text(str(data["text"])))
        elif kind == "interest":
            table.add_row(
                short(item.id),
                f"need on {where}, weight {data.get('weight', 2)}",
                Text(needs[item.id]),
            )
        elif kind == "ratings":
            for option_id, by_need in data["ratings"].items():
                scores = ", ".join(f"{needs.get(n, n)}: {v}" for n, v in by_need.items())
                table.add_row(
                    short(option_id), "rating", Text(f"{options.get(option_id)}: {scores}")
                )
            for option_id in data["forbidden"]:
                table.add_row(short(option_id), "forbidden", Text(options.get(option_id, "")))
        elif kind == "acceptance":
            table.add_row(short(item.id), "can live with", ", ".join(data["offers"]) or "none")
    out.print(table)


def print_packages(seen: NegotiationView) -> None:
    if not seen.offers:
        return
    out = console()
    topics = {t.id: t.title for t in seen.topics}
    options = {o.id: o.text for o in seen.options}
    people = list(seen.names)
    table = Table("package", "labels", "choice", *(seen.names[p] for p in people), title="Packages")
    for offer in seen.offers:
        choice = "; ".join(
            f"{topics.get(t, t)}: {options.get(o, o)}" for t, o in offer.package.items()
        )
        table.add_row(
            offer.id,
            ", ".join(offer.labels),
            Text(choice),
            *(f"{offer.satisfaction.get(p, 0.0):.0f}" for p in people),
        )
    out.print(table)
    if seen.finding:
        out.print(Text(seen.finding))
    for question in seen.questions:
        out.print(Text(f"Ask next: {question}", style="bold cyan"))


def print_agreed(seen: NegotiationView) -> None:
    assert seen.agreed is not None
    topics = {t.id: t.title for t in seen.topics}
    options = {o.id: o.text for o in seen.options}
    out = console()
    out.print(Text("Agreed, a package everyone can live with:", style="bold green"))
    for t, o in seen.agreed.items():
        out.print(Text(f"  {topics.get(t, t)}: {options.get(o, o)}"))


def view_json(seen: NegotiationView) -> dict[str, Any]:
    """The acting person's view as JSON: ids throughout, names alongside."""
    return {
        "id": seen.id,
        "relationship_id": seen.relationship_id,
        "step": seen.step.value,
        "what": seen.what,
        "joint": seen.joint,
        "members": dict(seen.names),
        "waiting_for": list(seen.waiting_for),
        "topics": [
            {"id": t.id, "title": t.title, "layer": t.layer, "status": t.status.value}
            for t in seen.topics
        ],
        "options": [
            {"id": o.id, "topic_id": o.topic_id, "text": o.text, "added_by": o.added_by}
            for o in seen.options
        ],
        "restatements": [
            {
                "id": r.id,
                "by": r.by,
                "about": r.about,
                "text": r.text,
                "status": r.status,
                "correction": r.correction,
            }
            for r in seen.restatements
        ],
        "mine": [
            {"id": i.id, "kind": i.kind.value, "topic_id": i.topic_id, "data": dict(i.data)}
            for i in seen.mine
        ],
        "packages": [
            {
                "id": o.id,
                "labels": list(o.labels),
                "package": dict(o.package),
                "satisfaction": dict(o.satisfaction),
            }
            for o in seen.offers
        ],
        "finding": seen.finding,
        "questions": list(seen.questions),
        "agreed": dict(seen.agreed) if seen.agreed is not None else None,
        "paused_until": seen.paused_until.isoformat() if seen.paused_until else None,
        "on_hold": seen.on_hold,
    }
