"""What the page benchmarks share: which child to time, and who may open that child's record."""
import sys


def longest_history_child(child_id: int | None = None):
    """The child held now with the most contacts and visits (or the one asked for): the journey page's worst case
    for the worker who opens it."""
    from django.db.models import Count

    from journey.people.models import Child

    if child_id:
        return Child.objects.get(pk=child_id)
    child = (
        Child.objects.filter(is_restricted=False, episodes__ended_on__isnull=True, episodes__allocations__ended_on__isnull=True)
        .annotate(n=Count("contact_links", distinct=True) + Count("visits", distinct=True))
        .order_by("-n").first()
    )
    if child is None:
        sys.exit("No children: run `journey generate` first.")
    return child


def viewer_for(child):
    """Someone with a need to know: the lead practitioner of a current allocation, else a member of the team."""
    from journey.accounts.models import User

    allocation = child.episodes.filter(ended_on__isnull=True, allocations__ended_on__isnull=True).values_list(
        "allocations__worker", flat=True).first()
    viewer = User.objects.filter(pk=allocation).first()
    if viewer is None:
        team = child.episodes.filter(ended_on__isnull=True).exclude(team=None).values_list("team", flat=True).first()
        viewer = User.objects.filter(team=team, is_active=True).first()
    if viewer is None:
        sys.exit(f"Nobody holds child {child.pk} now; choose another with --child.")
    return viewer
