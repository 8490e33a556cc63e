"""Need-to-know for "new for you": a user only ever hears of children ``Child.objects.visible_to`` gives them, only
of their own children, and opening an item that is not theirs answers exactly like one that does not exist.

The per-persona walk reuses the four children of the access matrix (``world``): Sam recorded a visit, a note and an
assessment's first 'by when' date on Ruby (whom Alice holds), Bertie and Rosa (restricted; both held by Charlie)."""
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.audit.models import AuditEvent
from journey.casework.actions import open_episode, record_visit
from journey.casework.codes import EpisodeKind
from journey.frontdoor.actions import NamedChild, link_contact_to_child, record_contact
from journey.lib.dates import today
from journey.news.models import NewsRead
from journey.people.actions import create_child
from tests.access.test_access_matrix import PERSONAS, ROLE_OF, world  # noqa: F401  (world is a fixture)
from tests.news.conftest import kinds_of, news_of

pytestmark = pytest.mark.django_db

# Whose news each child's items are: the worker holding the child. Written out by hand, not computed from the rules.
NEWS_OF = {"ruby": "alice", "bertie": "charlie", "rosa": "charlie"}
MISSING_ID = 987654321
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


def items_of(world) -> list[tuple[str, str, int]]:
    """(child, kind, id) of every item of news the world holds."""
    from journey.casework.models import Allocation, ByWhen

    _people, children, objects = world
    found = []
    for name in NEWS_OF:
        child, own = children[name], objects[name]
        found += [(name, "visit", own["visit_id"]), (name, "case_note", own["note_id"])]
        found.append((name, "by_when", ByWhen.objects.get(assessment_id=own["assessment_id"]).pk))
        # Allocations made by someone else (one the worker made herself, as for a conference's plan, is not news to her).
        by_others = Allocation.objects.filter(episode__child=child).exclude(allocated_by=_people[NEWS_OF[name]])
        found += [(name, "allocated", pk) for pk in by_others.values_list("pk", flat=True)]
    return found


def test_every_persona_opens_only_the_news_of_their_own_children(client, world):
    people, children, _objects = world
    wrong, cells = [], 0
    for persona in PERSONAS:
        client.force_login(people[persona])
        for child_name, kind, item_id in items_of(world):
            before = AuditEvent.objects.exclude(action__in=["read", "refused"]).count()
            response = client.get(f"/news/{kind}/{item_id}/")
            cells += 1
            if persona == NEWS_OF[child_name]:
                if response.status_code != 302:
                    wrong.append(f"{ROLE_OF[persona]} {kind} of {child_name}: {response.status_code}, expected to open it")
            else:
                if response.status_code != 403:
                    wrong.append(f"{ROLE_OF[persona]} {kind} of {child_name}: {response.status_code}, expected 403")
                if AuditEvent.objects.exclude(action__in=["read", "refused"]).count() != before:
                    wrong.append(f"{ROLE_OF[persona]} {kind} of {child_name}: a refused request changed the record")
                if children[child_name].person.last_name.encode() in response.content:
                    wrong.append(f"{ROLE_OF[persona]} {kind} of {child_name}: names the child")
    assert wrong == []
    assert cells == len(PERSONAS) * 12
    assert NewsRead.objects.filter(user=people["alice"]).count() == 4
    assert NewsRead.objects.exclude(user__in=[people["alice"], people["charlie"]]).count() == 0


def test_a_forbidden_item_answers_byte_for_byte_like_a_missing_one(client, world):
    people, _children, _objects = world
    client.force_login(people["bea"])
    different = []
    for child_name, kind, item_id in items_of(world):
        forbidden, missing = client.get(f"/news/{kind}/{item_id}/"), client.get(f"/news/{kind}/{MISSING_ID}/")
        if forbidden.status_code != 403 or CSRF.sub(b"", forbidden.content) != CSRF.sub(b"", missing.content):
            different.append(f"{kind} of {child_name}")
    assert different == []


@pytest.mark.parametrize("address", [
    "/news/nonsense/1/", "/news/visit/0/", f"/news/visit/{2**63}/", f"/news/visit/{2**70}/", "/news/visit/1/?to=elsewhere",
])
def test_forged_items_answer_no_access_never_an_error(client_for, alice, address):
    assert client_for(alice).get(address).status_code == 403


def test_a_partner_is_refused_the_pages_like_any_staff_page(client_for, officer):
    client = client_for(officer)
    assert client.get("/news/").status_code == 403
    assert client.post("/news/read/", {"up_to": timezone.now().isoformat()}).status_code == 403


def test_the_allocated_worker_opens_her_item_and_lands_on_its_page(client_for, alice, bea, ruby):
    visit = record_visit(ruby, acting_user=bea, visited_at=timezone.now(), child_seen=True, child_seen_alone=False)
    client = client_for(alice)
    response = client.get(f"/news/visit/{visit.pk}/")
    assert (response.status_code, response["Location"]) == (302, f"/casework/children/{ruby.pk}/visits/{visit.pk}/")
    assert client.get(f"/news/visit/{visit.pk}/?to=child")["Location"] == f"/children/{ruby.pk}/"


def test_another_teams_worker_hears_nothing_of_ruby_and_cannot_open_her_news(client_for, charlie, bea, ruby):
    visit = record_visit(ruby, acting_user=bea, visited_at=timezone.now(), child_seen=True, child_seen_alone=False)
    assert news_of(charlie) == []
    assert client_for(charlie).get(f"/news/visit/{visit.pk}/").status_code == 403


@pytest.fixture
def family(alice, charlie, sam, officer, police, team_a, team_b):
    """Tom, whom Alice holds, and his restricted sister Wren, whom Charlie holds; then a police contact naming both."""
    tom = create_child(acting_user=sam, first_name="Tom", last_name="Morgan", date_of_birth=today() - timedelta(days=3700))
    wren = create_child(acting_user=sam, first_name="Wren", last_name="Penhallow", date_of_birth=today() - timedelta(days=2700))
    wren.is_restricted = True
    wren.save()
    open_episode(tom, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=30), acting_user=sam, worker=alice, team=team_a)
    open_episode(wren, EpisodeKind.EARLY_HELP, started_on=today() - timedelta(days=30), acting_user=sam, worker=charlie, team=team_b)
    contact = record_contact(acting_user=officer, agency=police, concern="Officers called to the house; the children were there.",
                             children=[NamedChild("Tom", "Morgan"), NamedChild("Wren", "Penhallow")], received_at=timezone.now())
    for named, child in zip(contact.children_named.order_by("pk"), (tom, wren), strict=True):
        link_contact_to_child(named, child, acting_user=sam)
    return tom, wren


def test_a_contact_naming_a_restricted_sister_is_not_news_to_those_who_may_not_open_her(client_for, alice, charlie, family):
    tom, wren = family
    assert "contact" not in kinds_of(alice), "the contact names Wren, so Alice may not open it at all"
    assert ("contact", wren.name, "New contact from Northfield Police") in news_of(charlie)
    for address in ("/news/", "/casework/"):
        page = client_for(alice).get(address).content.decode()
        assert "Wren" not in page and "Penhallow" not in page and f"/children/{wren.pk}/" not in page


def test_a_restricted_childs_news_reaches_nobody_who_may_not_open_her(alice, bea, mo, helen, sam, charlie, family):
    _tom, wren = family
    record_visit(wren, acting_user=helen, visited_at=timezone.now(), child_seen=True, child_seen_alone=False)
    assert "visit" in kinds_of(charlie)
    for other in (alice, bea, mo, sam):
        assert all(child != wren.name for _kind, child, _title in news_of(other))
