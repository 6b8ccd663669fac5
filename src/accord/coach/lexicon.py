"""The rule table: for each label, the patterns that show it and the patterns that rule it out.

One row per label: ``(confidence, patterns, negatives)``. Patterns are regular-expression sources,
compiled case-insensitively by ``coach.rules``; a match that overlaps a negative match is dropped.
Safety patterns live in ``SAFETY_PATTERNS`` (per kind) and have no negatives: a missed warning is
the worst error the coach can make (METHOD.md section 8).
"""

from __future__ import annotations

_YOU_ARE = r"(?:you(?:'?re|\s+are)|ur|u\s+r|you\s+r)"
_NOT_NEG = r"(?:(?!not\b|never\b)\w+\s+)"  # a filler word that is not a negation
_CHARACTER = (
    r"(?:lazy|selfish|irresponsible|inconsiderate|careless|immature|useless|hopeless|"
    r"embarrassing|unreasonable|thoughtless|rude|cold|heartless|spoiled|spoilt|ungrateful|"
    r"slob|mess|liar|nightmare|child|baby|brat|unfair|terrible\s+\w+|awful\s+\w+|horrible|bad\s+(?:listener|"
    r"partner|father|mother|dad|mum|mom|parent|husband|wife|friend))"
)
_INSULT = (
    r"(?:pathetic|an?\s+idiot|a\s+moron|stupid|dumb|a\s+loser|loser|disgusting|a\s+joke|"
    r"ridiculous|a\s+clown|worthless)"
)
_AGREE = (
    r"(?:yes|yeah|yep|yup|sure|ok(?:ay)?|true|right|totally|absolutely|i\s+know|i\s+hear\s+you|"
    r"i\s+get\s+(?:that|it)|i\s+understand|i\s+see\s+your\s+point|fair\s+enough|"
    r"you'?re\s+right|that'?s\s+true|i\s+agree|good\s+point|i\s+like\s+that|"
    r"that\s+works(?:\s+for\s+me)?|that'?s\s+a\s+good\s+idea)"
)

Row = tuple[float, tuple[str, ...], tuple[str, ...]]

RULES: dict[str, Row] = {
    "criticism": (
        0.8,
        (
            rf"\b{_YOU_ARE}\s+{_NOT_NEG}{{0,3}}?(?:so\s+|such\s+an?\s+|being\s+|the\s+most\s+|a\s+)?"
            rf"{_CHARACTER}\b",
            r"\bwhat'?s\s+wrong\s+with\s+you\b|\bwhat\s+is\s+wrong\s+with\s+you\b",
            r"\bwhat\s+kind\s+of\s+(?:person|man|woman|parent|mother|father|partner)\b",
            r"\byour\s+problem\s+is\b",
            r"\bwhy\s+are\s+you\s+(?:always\s+)?so\s+\w+",
        ),
        (
            r"\b(?:don'?t|do\s+not|never)\s+think\s+(?:that\s+)?" + _YOU_ARE,
            r"\b" + _YOU_ARE + r"\s+(?:not|never)\b",
        ),
    ),
    "contempt": (
        0.8,
        (
            rf"\b{_YOU_ARE}\s+{_NOT_NEG}{{0,2}}?(?:such\s+)?{_INSULT}\b",
            r"\bthat'?s\s+(?:so\s+)?(?:pathetic|ridiculous)\b",
            r"\b(?:what|such)\s+a\s+(?:joke|loser|clown|moron|idiot)\b",
            r"\bare\s+you\s+(?:stupid|dumb|an\s+idiot|thick)\b",
            r",\s*(?:genius|einstein|princess|sherlock)\b",
            r"\bgrow\s+up\b",
            r"\bspare\s+me\b",
            r"\boh\s+please\b",
            r"\beye[\s-]?roll|\brolls?\s+(?:my\s+|his\s+|her\s+)?eyes\b",
            r"\bsure\s+you\s+will\b",
            r"\bthanks\s+for\s+nothing\b",
            r"\bthank\s+you\s+so\s+much\s+for\s+(?:leaving|ruining|nothing|forgetting)\b",
            r"\boh\s+(?:great|wow|brilliant)\b,?\s+(?:another|what\s+a)\b",
        ),
        (),
    ),
    "defensiveness": (
        0.8,
        (
            r"\b(?:it'?s|it\s+is|that'?s|that\s+is)\s+not\s+(?:my\s+fault|on\s+me)\b",
            r"\bnot\s+my\s+fault\b",
            r"\bi\s+(?:didn'?t|did\s+not)\s+do\s+anything\s+wrong\b",
            r"\bi\s+did\s+nothing\s+wrong\b",
            r"\bdon'?t\s+blame\s+me\b",
            r"\bhow\s+is\s+(?:this|that|it)\s+my\s+fault\b",
            r"\bwell,?\s+you(?:'re|\s+are|\s+never|\s+always|\s+did|\s+do|\s+\w+ed|\s+forgot|\s+said|"
            r"\s+spent|\s+left|\s+were|\s+was|\s+started)\b",
            r"\bstop\s+attacking\s+me\b",
            r"\bi\s+was\s+(?:only|just)\s+trying\s+to\s+help\b",
            r"\bwhat\s+about\s+you\s*\?",
            r"\bwhy\s+do\s+i\s+always\s+get\s+blamed\b",
            r"\byou'?re\s+no\s+angel\b",
        ),
        (),
    ),
    "stonewalling": (
        0.75,
        (
            r"\bi'?m\s+done\s+talking\b",
            r"\bwhatever\b\s*(?:[.!]|$)",
            r"\bleave\s+me\s+alone\b",
            r"\b(?:not|n't)\s+(?:discussing|talking\s+about)\s+(?:this|it|that)\b",
            r"\bnothing\s+(?:more\s+)?to\s+say\s+to\s+you\b",
            r"\bdon'?t\s+(?:text|call|message)\s+me\b",
            r"\b(?:conversation|discussion)\s+is\s+over\b",
            r"\bend\s+of\s+(?:story|discussion)\b",
            r"\btalk\s+to\s+the\s+hand\b",
            r"\b(?:not|n't)\s+(?:going\s+to|gonna)\s+(?:answer|respond|reply)\b",
            r"\bnot\s+having\s+this\s+conversation\b",
            r"\bdo\s+what(?:ever)?\s+you\s+want\b",
        ),
        (r"\bdone\s+talking\s+(?:to|with)\s+(?!you\b)",),
    ),
    "either_or": (
        0.8,
        (
            r"\beither\b(?!\s+(?:way|is|one|of|option)\b)[^.?!]{1,80}?\bor\b",
            r"\bmy\s+way\s+or\b",
            r"\bor\s+the\s+highway\b",
            r"\btake\s+it\s+or\s+leave\s+it\b",
            r",\s*not\s+both\b",
            r"\ball\s+or\s+nothing\b",
            r"\bonly\s+two\s+options\b",
            r"\bchoose\s*:?[^.?!]{1,40}\bor\b",
            r"\bor\s+i\s+go\b|\bor\s+(?:i'?m|we'?re)\s+(?:done|leaving|going|out)\b",
        ),
        (),
    ),
    "yes_but": (0.8, (rf"\b{_AGREE}\b[!,.]*\s+but\b",), ()),
    "absolute": (
        0.75,
        (
            r"\b(?:you|u)(?:'re|\s+are|r)?\s+(?:\w+\s+)?(?:always|never|constantly|forever)\b",
            r"\b(?:are|do|did|have)\s+you\s+(?:always|never|constantly)\b",
            r"\b(?:everything|nothing)\b[^.?!]{0,30}\bto\s+you\b",
            r"\byou\s+do\s+nothing\b",
            r"\bevery\s+single\s+time\b",
            r"\bnothing\s+i\s+do\b",
        ),
        (
            r"\byou\s+(?:will\s+|'ll\s+)?never\s+(?:have|need)\s+to\b",
            r"\bnothing\s+(?:more\s+)?to\s+say\b",
        ),
    ),
    "undervalue": (
        0.75,
        (
            r"\byou\s+(?:don'?t|do\s+not)\s+(?:really\s+|even\s+)?need\b",
            r"\b(?:it'?s|that'?s|this\s+is|it\s+is)\s+not\s+(?:a|that)\s+big\s+(?:a\s+)?deal\b",
            r"\bno\s+big\s+deal\b",
            rf"\b(?:{_YOU_ARE}|stop)\s+(?:being\s+)?(?:(?:way|so|too|really|a\s+bit)\s+)*"
            r"(?:over[\s-]?reacting|sensitive|dramatic|hysterical)\b",
            r"\bcalm\s+down\b",
            r"\bmountain\s+out\s+of\s+a\s+molehill\b",
            r"\bwhy\s+(?:do|would)\s+you\s+(?:even\s+)?need\b",
            r"\bit'?s\s+(?:only|just)\s+(?:money|a\s+\w+)\b",
            r"\bget\s+over\s+it\b",
            r"\bsuch\s+a\s+small\s+thing\b",
            r"\bnobody\s+needs\b",
        ),
        (r"\bbig\s+deal\s+to\s+me\b",),
    ),
    "label": (
        0.85,
        (
            r"(?:^|[.!?,;]\s*|\bit\s+)(?:sounds|seems|looks|feels)\s+(?:like|as\s+if|as\s+though|"
            r"that)?\s*[^.?!]{0,60}?\b(?:you|your|u|yourself)\b",
            r"(?:^|[.!?,;]\s*|\bit\s+)(?:sounds|seems)\s+like\s+[^.?!]{0,40}\b(?:rough|hard|"
            r"tough|difficult|stressful|awful|a\s+lot)\b",
        ),
        (r"\b(?:sounds|seems|looks)\s+(?:good|great|fine|like\s+a\s+plan)\b",),
    ),
    "calibrated_question": (0.7, (), ()),  # sentence-level: see rules._calibrated
    "elicit_preference": (
        0.75,
        (
            r"\bwhat\s+(?:do|would)\s+you\s+prefer\b",
            r"\bwhich\s+(?:would|do)\s+you\s+(?:rather|prefer|like|want)\b",
            r"\bwould\s+you\s+rather\b",
            r"\bdo\s+you\s+prefer\b",
            r"\bhow\s+would\s+you\s+like\b",
        ),
        (),
    ),
    "self_need": (
        0.7,
        (
            r"\bi\s+(?:really\s+|also\s+|just\s+)?need\b",
            r"\b(?:it\s+)?matters\s+to\s+me\b",
            r"\b(?:is|are)\s+important\s+to\s+me\b",
            r"\bi\s+feel\b[^.?!]{1,60}\bbecause\b",
        ),
        (),
    ),
    "other_need": (
        0.6,
        (
            r"\byou\s+(?:really\s+|probably\s+|also\s+)?need\b",
            r"\bmatters\s+to\s+you\b",
            r"\bimportant\s+to\s+you\b",
            r"\bwhat\s+you\s+need\b",
        ),
        (),
    ),
    "no_need": (
        0.75,
        (
            r"\bi\s+(?:don'?t|do\s+not)\s+(?:really\s+)?need\b",
            r"\bi\s+can\s+do\s+without\b",
            r"\bi'?m\s+fine\s+without\b",
        ),
        (),
    ),
    "showing_empathy": (
        0.7,
        (
            r"\bi'?m\s+(?:so\s+|really\s+)?sorry\b",
            r"\bthat\s+must\s+(?:be|have\s+been)\b",
            r"\bi\s+understand\b",
            r"\bi\s+can\s+see\s+(?:why|how)\b",
            r"\bthat\s+sounds\s+(?:hard|tough|awful|difficult|painful)\b",
        ),
        (),
    ),
    "shared_problem": (
        0.6,
        (
            r"\blet'?s\b",
            r"\btogether\b",
            r"\bour\s+(?:problem|issue|plan|family|home|kids)\b",
            r"\bwe\s+(?:can|could|should|both)\b",
            r"\bfigure\s+(?:it|this)\s+out\b",
        ),
        (),
    ),
    "yes_and": (
        0.8,
        (
            rf"\b{_AGREE}\b[!,.]*\s+and\b",
            r"\band\s+(?:we|i)\s+(?:could|can)\s+also\b",
            r"\bbuilding\s+on\s+that\b",
        ),
        (),
    ),
    "gentle_startup": (0.75, (), ()),  # needs two parts in order: see rules._gentle
    "appreciation": (
        0.85,
        (
            r"\b(?:thank\s+you|thanks|thx|ty|cheers)\b(?:\s+(?:so\s+much|a\s+lot))?\s+for\b",
            r"\bi\s+(?:really\s+|truly\s+)?appreciate\b",
            r"\b(?:grateful|thankful)\b",
            r"\b(?:it\s+)?(?:meant|means)\s+a\s+lot\b",
            r"\bi\s+love\s+how\s+you\b",
        ),
        (r"\bthanks\s+for\s+nothing\b", r"\bso\s+much\s+for\s+(?:leaving|ruining|nothing)\b"),
    ),
    "responsibility": (
        0.8,
        (
            r"\bi\s+was\s+wrong\b",
            r"\bi\s+should(?:'?ve|\s+have)\b",
            r"\bmy\s+(?:part|bad)\b",
            r"\b(?:that'?s|it'?s|this\s+is)\s+on\s+me\b",
            r"\bi\s+(?:messed|screwed)\s+up\b|\bi\s+dropped\s+the\s+ball\b",
            r"\b(?:it\s+was|it'?s|it\s+is)\s+my\s+fault\b",
            r"\bi\s+take\s+(?:full\s+)?responsibility\b",
            r"\bi\s+could\s+have\s+(?:handled|done)\b",
            r"\bi\s+owe\s+you\s+an\s+apology\b",
            r"\bi\s+own\s+(?:that|it)\b",
        ),
        (),
    ),
    "accusation_audit": (
        0.8,
        (
            r"\byou\s+(?:probably|might|may)\s+(?:think|feel|be\s+thinking)\b",
            r"\byou'?re\s+probably\s+(?:going\s+to|gonna)\s+think\b",
            r"\b(?:this|it)\s+(?:might|may|will|is\s+going\s+to)\s+(?:sound|come\s+across|seem)\s+"
            r"(?!like\s+a\s+silly)",
            r"\bi\s+know\s+(?:this|it)\s+(?:sounds|is\s+going\s+to\s+sound|might\s+sound)\b",
            r"\bi\s+bet\s+you\s+think\b",
            r"\bit\s+probably\s+(?:seems|looks|sounds)\b",
            r"\bi\s+know\s+i'?ve\s+been\b",
        ),
        (),
    ),
    "fairness_appeal": (
        0.7,
        (
            r"\bthat'?s\s+fair\b",
            r"\bfair\s+share\b",
            r"\bsplit\s+(?:it|the\s+\w+)\s+(?:evenly|equally|50/50|fifty)\b",
            r"\b50/50\b|\bhalf\s+each\b",
            r"\bfair\s+enough\b",
        ),
        (),
    ),
    "small_talk": (
        0.7,
        (
            r"^\W*(?:hi|hey|hello|good\s+(?:morning|evening|afternoon)|morning)\b(?!\s*\?)",
            r"\bhow\s+are\s+you\b",
            r"\bhow\s+was\s+your\s+(?:day|weekend|sleep|trip)\b",
            r"\bweather\b",
            r"\bhappy\s+birthday\b",
            r"\bhave\s+a\s+(?:good|nice|great)\b",
        ),
        (),
    ),
    "pursue": (
        0.75,
        (
            r"\banswer\s+me\b",
            r"\bwhy\s+(?:aren'?t|are\s+you\s+not)\s+you\s+(?:replying|answering|responding|texting)",
            r"\bwhy\s+are\s+you\s+ignoring\s+me\b",
            r"\bwe\s+(?:need|have)\s+to\s+(?:talk|sort\s+this\s+out)\s+(?:right\s+)?(?:now|tonight)\b",
            r"\bare\s+you\s+there\b",
            r"\bpick\s+up\s+(?:the|your)\s+phone\b",
            r"\bcall\s+me\s+back\s+(?:right\s+)?(?:now|asap)\b",
            r"\bplease\s+(?:just\s+)?say\s+something\b",
            r"\breply\s+to\s+me\b",
            r"\btell\s+me\s+you\s+(?:still\s+)?love\s+me\b",
            r"\bdon'?t\s+walk\s+away\s+from\s+me\b",
            r"\bcan'?t\s+wait\s+(?:until|till|til)\b",
        ),
        (),
    ),
    "withdraw": (
        0.7,
        (
            r"\bi\s+(?:need|want)\s+(?:some\s+)?(?:space|distance)\b",
            r"\bi\s+can'?t\s+(?:do|deal\s+with|handle)\s+(?:this|it)\b",
            r"\bleave\s+it\b(?!\s+(?:on|in|at|by|there|with|for|to)\b)",
            r"\bleave\s+me\s+alone\b",
            r"\bdrop\s+it\b",
            r"\b(?:want|need)\s+to\s+be\s+alone\b",
            r"\bdon'?t\s+wait\s+up\b",
            r"\bforget\s+it\b",
            r"\bgoing\s+to\s+my\s+room\b",
            r"\bshutting\s+down\b",
            r"\bi'?m\s+out\b",
        ),
        (r"\bspace\s+(?:in|for|on)\s+(?:the|my|our)\b", r"\bor\s+leave\s+it\b"),
    ),
}

# time_out = a pause and a way back, both in the same message.
PAUSE = (
    r"\bi\s+need\s+(?:\d+|a\s+few|some|an?)\s*(?:-\s*)?(?:minutes?|mins?|hours?|hrs?)\b"
    r"(?!\s+to\s+(?:finish|get|do|make))",
    r"\b(?:take|taking|have)\s+a\s+(?:\d+[\s-]*minute\s+|short\s+|quick\s+)?break\b",
    r"\bpause\b",
    r"\bi\s+need\s+a\s+(?:short\s+|quick\s+)?break\b",
    r"\bbreather\b",
    r"\bcool\s+(?:off|down)\b",
    r"\btime[\s-]?out\b",
    r"\bi\s+need\s+(?:some\s+)?space\b",
    r"\btable\s+this\b",
    r"\bgoing\s+for\s+a\s+walk\b",
    r"\bnot\s+right\s+now\b",
    r"\btoo\s+upset\s+to\s+talk\b",
    r"\bgive\s+me\s+(?:an?\s+|\d+\s+)?(?:hour|minutes?|mins?|moment)\b",
)
RETURN = (
    r"\b(?:talk|continue|come\s+back|pick\s+(?:this|it)\s+up|keep\s+talking|ready\s+to\s+talk|"
    r"finish\s+this|get\s+back\s+to\s+(?:this|it|you))\b[^.?!]{0,40}?(?:\bat\s+\d|\d\s*(?:am|pm)\b|"
    r"\btomorrow\b|\btonight\b|\bafter\b|\bin\s+(?:an?|one|\d+|half)\b|\bagain\b|\blater\b|"
    r"\bthis\s+(?:evening|afternoon)\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)",
    r"\b(?:i'?ll|i\s+will|i\s+promise)\b[^.?!]{0,30}\b(?:come\s+back|talk|be\s+back|return)",
    r"\bback\s+in\s+(?:an?\s+|\d+\s*)",
    r"\b(?:until|till|til)\s+(?:tomorrow|tonight|later|the\s+morning|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    r"\bhow\s+about\s+(?:tomorrow|tonight|later|at\s+\d)",
    r"\blet'?s\s+talk\s+at\b",
)

SAFETY_PATTERNS: dict[str, tuple[str, ...]] = {
    "self_harm": (
        r"\bkill(?:ing)?\s+myself\b",
        r"\bend\s+(?:it\s+all|my\s+life|myself)\b",
        r"\b(?:don'?t|do\s+not)\s+want\s+to\s+(?:be\s+alive|live|be\s+here|exist)\b",
        r"\bbetter\s+off\s+without\s+me\b",
        r"\b(?:hurt|harm|cut)(?:ing|s)?\s+myself\b",
        r"\bself[\s-]?harm",
        r"\bsuicid",
        r"\bno\s+reason\s+to\s+live\b",
        r"\bwant\s+to\s+die\b",
        r"\bwish\s+i\s+(?:was|were)\s+dead\b",
        r"\boverdose\b",
    ),
    "threat": (
        r"\bor\s+else\b",
        r"\b(?:you'?ll|you\s+will)\s+(?:regret|be\s+sorry|pay\s+for)\b",
        r"\bmake\s+you\s+(?:regret|pay|sorry)\b",
        r"\b(?:i'?ll|i\s+will|i'?m\s+going\s+to|i'?m\s+gonna|gonna)\s+(?:hurt|kill|smash|hit|"
        r"beat|destroy|stab|shoot)\b",
        r"\btake\s+(?:the|my|your|our)\s+(?:kids|children|child|son|daughter|baby)\b",
        r"\bnever\s+see\s+(?:them|the\s+kids|your\s+kids|the\s+children)\s+again\b",
        r"\bsee\s+what\s+happens\b",
        r"\b(?:he|she|they)(?:'d|\s+would|'ll|\s+will)\s+kill\b",
        r"\bwatch\s+your\s+back\b",
        r"\bfind\s+(?:you|me)\s+wherever\b|\bwherever\s+(?:you|i)\s+go\b",
        r"\b(?:won'?t|will\s+not)\s+get\s+away\s+with\b",
        r"\bi\s+know\s+where\s+you\s+live\b",
    ),
    "violence": (
        r"\b(?:hit|hits|hitting|punch\w*|kick\w*|slap\w*|push\w*|shov\w*|smack\w*|beat\w*|"
        r"hurt\w*|throttl\w*|attack\w*|stab\w*|shot|shoot\w*)\s+(?:me|you|him|her|them|us|"
        r"the\s+kids)\b",
        r"\b(?:grab\w*|hit\w*|punch\w*|kick\w*|slap\w*|push\w*)\s+(?:me\s+|her\s+|him\s+)?"
        r"(?:by\s+)?(?:my|your|her|his)\s+(?:throat|neck|arm|wrist|hair|face|head)\b",
        r"\bchok(?:e|ed|es|ing)\b|\bstrangl\w*",
        r"\bthroat\b",
        r"\bkill(?:ed)?\s+(?:you|me|him|her)\b",
        r"\bsmash\s+(?:your|my)\b",
        r"\bthrew\s+(?:\w+\s+)?at\s+me\b",
        r"\bbruis\w*",
        r"\b(?:assault|abus)\w*",
        r"\btouch\s+me\s+again\b",
        r"\bscared\s+(?:of\s+)?(?:him|her|you)\b",
    ),
    "stalking": (
        r"\bfollow(?:ed|ing|s)?\s+(?:me|you|her|him)\b",
        r"\btrack(?:ed|ing|s|er)?\b[^.?!]{0,30}\b(?:location|phone|car)\b|\btracker\b",
        r"\bknow\s+where\s+you\s+are\b",
        r"\b(?:show|turn)(?:s|ed|ing)?\s+up\s+(?:at|outside|uninvited)\b",
        r"\buninvited\b",
        r"\boutside\s+(?:my|your)\s+(?:house|flat|work|door|school|office|home)\b",
        r"\bwatch(?:es|ing)\s+(?:me|you|my\s+house)\b",
    ),
    "coercive_control": (
        r"\bnot\s+allowed\s+to\b|\b(?:you'?re|you\s+are)\s+not\s+allowed\b",
        r"\b(?:won'?t|doesn'?t|don'?t|will\s+not|does\s+not)\s+let\s+me\s+(?:see|go|have|talk|use|"
        r"work|leave|spend|visit)\b",
        r"\bcheck(?:s|ing|ed)?\s+(?:my|your|her|his)\s+(?:phone|messages|texts|emails?)\b",
        r"\bgive\s+me\s+your\s+(?:phone|passwords?|bank\s+card|card|keys)\b",
        r"\bcontrol(?:s)?\s+the\s+money\b|\ballowance\s+if\b",
        r"\btake\s+away\s+your\s+(?:phone|car|keys|money|cards?)\b",
        r"\b(?:stop|forbid)\w*\s+(?:you\s+|me\s+)?(?:from\s+)?seeing\b",
        r"\bwho\s+you\s+(?:see|talk\s+to|text)\b",
        r"\bcut(?:s)?\s+(?:me|you)\s+off\s+from\b",
        r"\bisolat\w+",
    ),
}
# When several kinds match, the Hit carries the first of these.
KIND_ORDER = ("self_harm", "threat", "violence", "stalking", "coercive_control")

# Words that report someone else's speech: what follows, to the end of the sentence, is quoted.
REPORTED = (
    r"\b(?:said|says|told\s+(?:me|him|her|us|them)|tells\s+(?:me|him|her)|yelled|screamed|"
    r"shouted|wrote|texted)\b:?"
)
