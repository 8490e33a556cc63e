"""``involvement`` (the page's question) and ``visible_to`` (the lists' filter) must always agree."""
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.access.actions import grant_access
from journey.access.models import BreakGlass
from journey.access.rules import involvement
from journey.people.models import Child

pytestmark = pytest.mark.django_db


def test_involvement_agrees_with_visible_to_for_every_persona_and_child(
    alice, bea, mo, sam, charlie, officer, teacher, admin_user, helen, carol, ruby, make_child, open_contact_about, held_by,
):
    at_front_door = make_child("Ava")
    open_contact_about(at_front_door)
    held_by_charlie = make_child("Ben")
    held_by(held_by_charlie, charlie)
    granted = make_child("Cal", is_restricted=True)
    held_by(granted, alice)
    grant_access(granted, acting_user=mo, user=charlie, reason="Covering a visit on Friday.")
    broken = make_child("Dee")
    now = timezone.now()
    BreakGlass.objects.create(user=alice, child=broken, reason="Police at the door now.", at=now, expires_at=now + timedelta(hours=4))
    expired = make_child("Eve")
    BreakGlass.objects.create(user=alice, child=expired, reason="Police at the door then.", at=now - timedelta(hours=5),
                              expires_at=now - timedelta(hours=1))
    nobody = make_child("Fin")
    children = [ruby, at_front_door, held_by_charlie, granted, broken, expired, nobody]

    cells = 0
    for user in (alice, bea, mo, sam, charlie, officer, teacher, admin_user, helen, carol):
        visible = set(Child.objects.visible_to(user).values_list("pk", flat=True))
        for child in children:
            assert bool(involvement(user, child)) == (child.pk in visible), (user.username, child.person.first_name)
            cells += 1
    assert cells == 70
    # A few cells spelled out, so that agreement is not agreement on "nobody sees anything".
    assert involvement(charlie, granted) == "explicit access"
    assert involvement(alice, broken) == "break-glass"
    assert involvement(alice, expired) is None
    assert involvement(helen, held_by_charlie) == "manager line"
    assert not any(involvement(user, nobody) for user in (alice, mo, sam, helen))
