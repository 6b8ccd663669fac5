"""Assessments for private preparation (METHOD.md section 2): questionnaires and temperament.

Questionnaires are data (``questionnaires/*.yaml``), checked when loaded and scored by one
generic scorer; the ECR-R gives attachment readings, pair dynamics and pause scripts. The
temperament profile is the Middle layer: compared side by side, never negotiated.

Errors (all from ``accord.errors`` unless named here):

    AccordError
    ├── QuestionnaireError      a questionnaire file that cannot be used (names file and place)
    └── InputError              a value a person gave is unusable
        └── AnswersError        questionnaire answers of the wrong number, type or range

>>> q = load_questionnaire("ecr-r")
>>> scores = score(q, [4] * 36)
>>> AttachmentResult.from_scores(scores).pattern
'secure'
"""

from accord.assessment.attachment import (
    MIDPOINT,
    AttachmentResult,
    DynamicKind,
    PairDynamic,
    Pattern,
    Role,
    Script,
    pair_dynamic,
    pattern_for,
    pause_script,
)
from accord.assessment.questionnaire import (
    Item,
    Questionnaire,
    QuestionnaireError,
    Scale,
    Subscale,
    available,
    load_questionnaire,
)
from accord.assessment.scoring import Scores, score
from accord.assessment.temperament import (
    FRAMING,
    Comparison,
    CuriosityPrompt,
    Dimension,
    Pole,
    Position,
    SideBySide,
    TemperamentProfile,
    dimensions,
    side_by_side,
)

__all__ = [
    "FRAMING",
    "MIDPOINT",
    "AttachmentResult",
    "Comparison",
    "CuriosityPrompt",
    "Dimension",
    "DynamicKind",
    "Item",
    "PairDynamic",
    "Pattern",
    "Pole",
    "Position",
    "Questionnaire",
    "QuestionnaireError",
    "Role",
    "Scale",
    "Scores",
    "Script",
    "SideBySide",
    "Subscale",
    "TemperamentProfile",
    "available",
    "dimensions",
    "load_questionnaire",
    "pair_dynamic",
    "pattern_for",
    "pause_script",
    "score",
    "side_by_side",
]
