"""Who commissions a systems case review, who reads it and its timeline, and what a finding may say (decision
record 0021), asked by the actions and the pages alike.

A head of service commissions a review (Working Together 2023 puts rapid reviews and local practice reviews with the
safeguarding partners; in this council the head of service is the senior manager who answers for practice), for a
child whose record they may open. The review is read by its commissioner and its named team, staff and partner
reviewers alike, and by nobody else; its timeline, and the work on it, only while it is open. The team reaches the
child's entries through the review's own pages, never through the child's record.
"""
import re
from collections.abc import Iterable

from journey.accounts.models import Role

NOT_COMMISSIONER = "Only a head of service commissions a systems case review"
NOT_THE_TEAM = "Only the review's commissioner and team can read this review"
REVIEW_CLOSED = "This review is closed: its timeline and its work are no longer open"


def _is_active(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def can_commission(user) -> bool:
    return _is_active(user) and user.role == Role.HEAD_OF_SERVICE


def is_on_the_team(user, review) -> bool:
    """The commissioner, or a named member of the review team."""
    if not _is_active(user):
        return False
    return user.pk == review.commissioned_by_id or review.members.filter(user=user).exists()


def reading_refusal(user, review) -> str | None:
    """Why ``user`` may not read ``review`` (its terms, episodes and findings), or None if they may."""
    return None if is_on_the_team(user, review) else NOT_THE_TEAM


def working_refusal(user, review) -> str | None:
    """Why ``user`` may not read the timeline or work on ``review`` (mark episodes, write findings), or None."""
    if refusal := reading_refusal(user, review):
        return refusal
    return None if review.is_open else REVIEW_CLOSED


def leading_refusal(user, review) -> str | None:
    """Why ``user`` may not lead ``review`` (name its team, close it): the commissioner alone, while it is open."""
    if not _is_active(user) or user.pk != review.commissioned_by_id:
        return NOT_THE_TEAM
    return None if review.is_open else REVIEW_CLOSED


def reviews_for(user):
    """The reviews ``user`` commissioned or is on the team of."""
    from django.db.models import Q

    from .review_models import CaseReview

    if not _is_active(user):
        return CaseReview.objects.none()
    return CaseReview.objects.filter(Q(commissioned_by=user) | Q(members__user=user)).distinct()


def names_in(text: str, names: Iterable[str]) -> list[str]:
    """The full names (two words or more) from ``names`` that ``text`` contains, whole words, any case."""
    found = []
    for name in sorted({n.strip() for n in names if n and len(n.split()) >= 2}):
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags=re.IGNORECASE):
            found.append(name)
    return found


def individuals_of(review) -> list[str]:
    """The people a finding must not name: the child and their family, every author on the timeline, the team.
    Full names only: a first name alone is too common a word to refuse."""
    from journey.people.models import Relationship

    from .review_timeline import timeline_of

    child = review.child
    names = [f"{child.person.first_name} {child.person.last_name}"]
    for row in Relationship.objects.filter(to_person=child.person).select_related("from_person"):
        names.append(f"{row.from_person.first_name} {row.from_person.last_name}")
    for row in Relationship.objects.filter(from_person=child.person).select_related("to_person"):
        names.append(f"{row.to_person.first_name} {row.to_person.last_name}")
    names += [author.split(",")[0] for author in timeline_of(review).order_by().values_list("author", flat=True).distinct()]
    names.append(review.commissioned_by.display_name)
    names += [member.user.display_name for member in review.members.select_related("user")]
    return names
