"""The learning app's models: each part of it in its own module, imported here for Django."""
from .audit_models import (  # noqa: F401
    AuditFramework,
    AuditGrade,
    AuditTheme,
    CaseAudit,
    CaseAuditRound,
    SampledChild,
    ThemeFinding,
)
from .recommendation_models import (  # noqa: F401
    ProgressUpdate,
    Recommendation,
    RecommendationAction,
)
from .review_models import (  # noqa: F401
    CaseReview,
    ContributoryFactor,
    EpisodeEntry,
    FindingEpisode,
    PracticeEpisode,
    ReviewFinding,
    ReviewMember,
)
