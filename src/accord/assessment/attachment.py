"""What ECR-R scores mean for one person, and what to expect when two people talk.

The ECR-R measures two dimensions, anxiety and avoidance, each 1-7. Naming one of four
patterns by splitting each dimension at the scale midpoint (4) is a simplification: the scores
are dimensions, not boxes, and a person at 4.1 is much like one at 3.9. The pattern only picks
which words and which script to offer; the two numbers stay the result.

Scripts follow METHOD.md section 3 ("emotional bilingualism"): the pursuer asks for
reassurance and agrees to wait; the distancer names the need for space and proposes when to
return. They are written to the person reading them ("you") and name the other person.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from accord.assessment.scoring import Scores
from accord.errors import InputError

Pattern = Literal["secure", "anxious", "avoidant", "fearful-avoidant"]
Role = Literal["pursuer", "distancer", "torn", "anchor", "steady"]
DynamicKind = Literal[
    "both-secure", "secure-anchor", "pursue-withdraw", "both-anxious", "both-avoidant", "push-pull"
]

MIDPOINT = 4.0
"""The middle of the 1-7 scale ("neutral/mixed"); a score above it counts as high."""

_NEAR = 0.5
_DEFAULT_RETURN = "in an hour"

_READINGS: dict[Pattern, str] = {
    "secure": (
        "You mostly feel at ease being close to someone, and you mostly trust that they will "
        "still be there after a hard moment. When things get tense you can usually say what you "
        "need and let the other person have room too. That steadiness helps a difficult "
        "conversation: it lets you stay curious instead of bracing yourself."
    ),
    "anxious": (
        "When someone matters to you, you feel the bond strongly and you notice quickly when it "
        "seems to wobble. In a hard conversation, silence or distance can feel like the ground "
        "shifting, and the pull is to settle things right away. That care is real and worth "
        "keeping. What helps most is asking for reassurance in plain words, and trusting a set "
        "time to come back when the other person needs a break."
    ),
    "avoidant": (
        "You value your independence and you tend to work through hard feelings on your own. "
        "When a conversation gets intense, stepping back can feel like the only way to think "
        "clearly. That need for room is fair. What helps most is saying so out loud and naming "
        "when you will come back, so the other person is not left guessing."
    ),
    "fearful-avoidant": (
        "You want to be close, and part of you also braces against it: you can worry about "
        "being let down and, at the same time, pull back when someone gets near. In a hard "
        "conversation both pulls can show up at once, which is tiring. Nothing about that is a "
        "flaw. What helps most is slowing down, taking breaks that end at a set time, and "
        "saying which pull you feel right now."
    ),
}

_ALONE: dict[Pattern, Role] = {
    "secure": "steady",
    "anxious": "pursuer",
    "avoidant": "distancer",
    "fearful-avoidant": "torn",
}
"""The role a pattern takes when there is no partner's pattern to read it against."""


@dataclass(frozen=True, slots=True)
class AttachmentResult:
    """One person's ECR-R result: the two scores (1-7), the nearest pattern, and a reading."""

    anxiety: float
    avoidance: float
    pattern: Pattern
    reading: str

    @classmethod
    def from_dimensions(cls, anxiety: float, avoidance: float) -> AttachmentResult:
        """The result for these two scores (e.g. scores stored earlier)."""
        for name, value in (("anxiety", anxiety), ("avoidance", avoidance)):
            if not 1.0 <= value <= 7.0:
                raise InputError(
                    f"{value} is outside the ECR-R range 1-7.", field=name, fix="Score again."
                )
        pattern = pattern_for(anxiety, avoidance)
        return cls(anxiety, avoidance, pattern, _reading(anxiety, avoidance, pattern))

    @classmethod
    def from_scores(cls, scores: Scores) -> AttachmentResult:
        """The result for scored ECR-R answers."""
        if scores.questionnaire != "ecr-r":
            raise InputError(
                f"an attachment reading needs ECR-R scores, not {scores.questionnaire} scores.",
                field="scores",
                fix="Score the ECR-R answers first.",
            )
        return cls.from_dimensions(scores.mean("anxiety"), scores.mean("avoidance"))


def pattern_for(anxiety: float, avoidance: float) -> Pattern:
    """The pattern for two scores, splitting each at the midpoint 4 (exactly 4 counts as low).

    4 is "neutral/mixed" on the answer scale: not agreeing is not enough to call a score high.

    >>> pattern_for(5.2, 2.0)
    'anxious'
    """
    high_anxiety, high_avoidance = anxiety > MIDPOINT, avoidance > MIDPOINT
    if high_anxiety and high_avoidance:
        return "fearful-avoidant"
    if high_anxiety:
        return "anxious"
    if high_avoidance:
        return "avoidant"
    return "secure"


def _reading(anxiety: float, avoidance: float, pattern: Pattern) -> str:
    parts = [
        f"On a scale from 1 to 7, your score for worrying about being let down or left is "
        f"{anxiety:.1f}, and your score for unease with closeness and relying on someone is "
        f"{avoidance:.1f}.",
        _READINGS[pattern],
    ]
    near = sum(abs(value - MIDPOINT) < _NEAR for value in (anxiety, avoidance))
    if near:
        which = "Both of your scores sit" if near == 2 else "One of your scores sits"
        parts.append(
            f"{which} close to the middle of the scale, so hold this description lightly: it "
            "may fit only some of the time."
        )
    parts.append(
        "These numbers describe how you tend to feel in close relationships at the moment. "
        "They can change over time, and they are not a diagnosis."
    )
    return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Script:
    """What to say when the talk gets hard, written to the reader and naming ``other``."""

    role: Role
    other: str
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@dataclass(frozen=True, slots=True)
class PairDynamic:
    """The dynamic to expect between two people, and a script for each (in ``names`` order)."""

    kind: DynamicKind
    title: str
    description: str
    names: tuple[str, str]
    scripts: tuple[Script, Script]

    def script_for(self, name: str) -> Script:
        if name not in self.names:
            raise InputError(f"'{name}' is not one of {self.names}.", field="name")
        return self.scripts[self.names.index(name)]


def pair_dynamic(
    a: AttachmentResult,
    b: AttachmentResult,
    names: tuple[str, str],
    *,
    return_at: str = _DEFAULT_RETURN,
) -> PairDynamic:
    """Which dynamic two people can expect under stress, and what each can say.

    ``return_at`` completes "come back to it ..." (e.g. ``"at 8 pm"``).
    """
    first, second = _names(names)
    role_a, role_b = _roles(a.pattern, b.pattern)
    kind = _kind(a.pattern, b.pattern, role_a, role_b)
    title, description = _describe(kind, (first, role_a, a.pattern), (second, role_b, b.pattern))
    return PairDynamic(
        kind=kind,
        title=title,
        description=description,
        names=(first, second),
        scripts=(
            _script(role_a, second, return_at, partner=role_b, kind=kind),
            _script(role_b, first, return_at, partner=role_a, kind=kind),
        ),
    )


def pause_script(
    result: AttachmentResult, other_name: str, *, return_at: str = _DEFAULT_RETURN
) -> Script:
    """The script one person sees on a pause screen, from their own pattern alone."""
    other = _name(other_name)
    role = _ALONE[result.pattern]
    if role == "steady":
        return Script(
            role,
            other,
            (
                f"Take the pause as a pause, not a verdict: \"{other}, let's take a break and "
                f'come back to this {return_at}."',
                "Use the time to calm down, not to build your case.",
                f"When you come back, start with what you heard {other} say.",
            ),
        )
    return _script(role, other, return_at)


def _name(name: str) -> str:
    cleaned = name.strip() if isinstance(name, str) else ""
    if not cleaned:
        raise InputError("a name is missing.", field="names", fix="Give each person's name.")
    return cleaned


def _names(names: tuple[str, str]) -> tuple[str, str]:
    if len(names) != 2:
        raise InputError(f"expected two names, got {len(names)}.", field="names")
    first, second = _name(names[0]), _name(names[1])
    if first == second:
        raise InputError(
            f"both people are called '{first}'.",
            field="names",
            fix="Give names that tell them apart.",
        )
    return first, second


def _roles(a: Pattern, b: Pattern) -> tuple[Role, Role]:
    """Each person's role in this pair: read against the partner, not from one pattern alone."""
    if a == "secure" and b == "secure":
        return "steady", "steady"
    return _role(a, b), _role(b, a)


def _role(own: Pattern, partner: Pattern) -> Role:
    if own == "secure":
        return "anchor"
    if own == "anxious":
        return "pursuer"
    if own == "avoidant":
        return "distancer"
    # Both scores high: next to someone who reaches, they step back, and the other way round.
    if partner == "anxious":
        return "distancer"
    if partner == "avoidant":
        return "pursuer"
    return "torn"


def _kind(a: Pattern, b: Pattern, role_a: Role, role_b: Role) -> DynamicKind:
    if a == b == "secure":
        return "both-secure"
    if "secure" in (a, b):
        return "secure-anchor"
    if {role_a, role_b} == {"pursuer", "distancer"}:
        return "pursue-withdraw"
    if a == b == "anxious":
        return "both-anxious"
    if a == b == "avoidant":
        return "both-avoidant"
    return "push-pull"


_LEANS: dict[Role, str] = {
    "pursuer": "reach for reassurance and want to settle things now",
    "distancer": "need room to think before they can talk",
    "torn": "want closeness and room at once",
}


def _describe(
    kind: DynamicKind, a: tuple[str, Role, Pattern], b: tuple[str, Role, Pattern]
) -> tuple[str, str]:
    (name_a, role_a, pattern_a), (name_b, role_b, pattern_b) = a, b
    if kind == "both-secure":
        return "Two steady people", (
            f"{name_a} and {name_b} both tend to stay steady when things get hard: you can ask "
            "for what you need and give each other room. That is a strong base for a hard talk. "
            "Stress and tiredness can still knock anyone off balance, so either of you can call "
            "a pause at any time."
        )
    if kind == "secure-anchor":
        steady, other, lean = (
            (name_a, name_b, _LEANS[role_b])
            if role_a == "anchor"
            else (name_b, name_a, _LEANS[role_a])
        )
        return "One steady anchor", (
            f"{steady} tends to stay steady under stress, which gives the two of you an anchor. "
            f"{other} may {lean} when a talk gets hard. {steady} helps most by meeting that "
            f"need rather than arguing with it. Being the steady one is not the same as doing "
            f"all the work: {other}'s script matters just as much."
        )
    if kind == "pursue-withdraw":
        pursuer, distancer = (name_a, name_b) if role_a == "pursuer" else (name_b, name_a)
        text = (
            f"When things get tense, {pursuer} tends to reach for closeness and want to settle "
            f"it now, and {distancer} tends to step back to think. Each move sets off the "
            f"other: the more {pursuer} presses, the more {distancer} pulls away, and the more "
            f"{distancer} pulls away, the more {pursuer} presses. Neither of you is doing it "
            "wrong; you are each trying to feel safe. A pause that always ends at a set time "
            f"gives {distancer} room and gives {pursuer} certainty that the talk comes back."
        )
        torn = [n for n, p in ((name_a, pattern_a), (name_b, pattern_b)) if p == "fearful-avoidant"]
        if torn:
            text += (
                f" {torn[0]} can feel both pulls, so the roles may swap; the scripts still hold."
            )
        return "Pursuer and distancer", text
    if kind == "both-anxious":
        return "Two people who reach", (
            f"{name_a} and {name_b} both feel the bond strongly and notice quickly when it "
            "wobbles. Under stress you may both want to settle things right away, and each of "
            "you can read the other's upset as a sign that something is slipping, so worry can "
            "build on worry. What helps: reassure each other early and in plain words, and when "
            "one of you calls a pause, set the time to come back before you part."
        )
    if kind == "both-avoidant":
        return "Two people who step back", (
            f"{name_a} and {name_b} both tend to handle hard feelings alone and step back when a "
            "talk gets intense. That keeps things calm, but hard topics can quietly drop and "
            "never come back. What helps: when either of you steps back, say when you will "
            "return, and keep that time."
        )
    return "Push and pull", (
        f"{name_a} and {name_b} both want closeness and both can pull back when it comes near. "
        "Under stress the roles can swap quickly: one of you presses while the other withdraws, "
        "then the reverse. What helps: slow down, say which pull you feel right now, and let "
        "every pause end at a set time."
    )


def _script(
    own: Role,
    other: str,
    return_at: str,
    *,
    partner: Role = "steady",
    kind: DynamicKind | None = None,
) -> Script:
    """The lines for ``own`` role, speaking to ``other``; ``kind`` adds what that pair needs."""
    if own == "pursuer":
        lines = [
            "When you feel the urge to settle it right now, ask for reassurance instead of "
            f"pressing: \"{other}, I'm feeling shaky about us. Can you tell me we're okay, and "
            "that we'll come back to this?\"",
            "Then agree to wait: \"Okay. I'll give you the time, and I'll trust that we pick it "
            f'up {return_at}."',
            "Use the wait to calm your body, not to rehearse the argument.",
        ]
        if kind == "both-anxious":
            lines.append(
                f"And offer {other} the reassurance you would want: \"We're okay. I'm not going "
                'anywhere."'
            )
    elif own == "distancer":
        lines = [
            "When you feel the urge to go quiet or leave, name it instead: "
            f"\"{other}, I'm getting overwhelmed and I need some space to calm down. I'm not "
            'leaving this."',
            f'Then propose when to return: "Can we come back to it {return_at}?" And keep '
            "that time.",
            f"Coming back when you said you would is what makes the space safe for {other}.",
        ]
        if kind == "both-avoidant":
            lines.append(
                "If neither of you names a time, be the one who does: a hard topic that is never "
                "picked up again does not go away."
            )
    elif own == "torn":
        lines = [
            "You may feel two pulls at once: to hold on and to get away. Say which is stronger "
            f'right now: "{other}, part of me wants to sort this out now and part of me wants '
            'to get away. I need a short break."',
            "Ask for what steadies you, and name when you will return: \"Can you tell me we're "
            f"okay? Let's come back to it {return_at}.\"",
            "Then keep that time, even if part of you would rather not.",
        ]
    elif own == "anchor":
        lines = list(_anchor_lines(partner, other, return_at))
    else:
        lines = [
            "You can call a pause at any time, without giving a reason: "
            f'"{other}, I need a break. Let\'s come back to this {return_at}."',
            f'When {other} is upset, reassure first and solve second: "We\'re okay. Tell me more."',
        ]
    return Script(own, other, tuple(lines))


def _anchor_lines(partner: Role, other: str, return_at: str) -> tuple[str, ...]:
    own_needs = "Being steady does not mean swallowing your own needs: say them too."
    if partner == "pursuer":
        return (
            f"{other} may need more reassurance than you would. Give it early and plainly: "
            f"\"{other}, we're okay. I'm here, and we'll finish this.\"",
            'If you need a break, say when you will be back before you go: "I need a few '
            f"minutes. I'll come back {return_at}.\"",
            own_needs,
        )
    if partner == "distancer":
        return (
            f"{other} may need room before they can talk. Let them take it without chasing: "
            f'"Take the time you need, {other}. When would suit you to come back to this?"',
            "If no time is named, propose one gently, so the topic does not quietly drop.",
            own_needs,
        )
    return (
        f"{other} may want closeness and room at once. Offer both: \"{other}, we're okay. Take "
        'a break if you need one; when shall we come back to this?"',
        "Then keep the time you agree on.",
        own_needs,
    )
