"""The learning app's models live beside the part of it they serve; this module gathers them for Django."""
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
