"""The child's family and household: the genogram and its history, and the pages that change them.

Each page fetches the child through ``get_child_for_staff`` (whoever may open the record; partners never), and a
relationship or membership only within that child's family as the user may be told of it, so an id from another
family, a restricted relative's or a missing one answers "no access" alike. Each write is one action.
"""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from journey.access.fetch import get_child_for_staff, record_pk
from journey.access.rules import NoAccess
from journey.audit.log import record_list_read
from journey.lib.dates import today
from journey.lib.forms import apply_errors

from . import actions
from .family_forms import (
    AddFamilyMemberForm,
    EndRelationshipForm,
    JoinHouseholdForm,
    LeaveHouseholdForm,
    LinkFamilyMemberForm,
    MoveHouseholdForm,
)
from .genogram import draw
from .models import Child, HouseholdMembership, Relationship
from .relations import family_of, households_to_move_to, memberships_seen_by, people_to_link, ties_of


def _bound(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _back(request: HttpRequest, child: Child, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("people:family", child.pk)


def _shown(request: HttpRequest, what: str, person_ids) -> None:
    """Names of other children on a page go to the audit log as a list read, as on every page that lists them."""
    ids = set(person_ids)
    record_list_read(request.user, what, list(Child.objects.filter(pk__in=ids).values_list("pk", flat=True)), request=request,
                     people=sorted(ids))


@require_GET
def family(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="family and household")
    ties = ties_of(child.person, viewer=request.user)
    stays = memberships_seen_by(child.person, viewer=request.user)
    households: dict[int, list[HouseholdMembership]] = {}
    for stay in stays:
        households.setdefault(stay.household_id, []).append(stay)
    own_now = {stay.household_id for stay in stays if stay.person_id == child.pk and stay.left_on is None}
    genogram = draw(child, viewer=request.user, on=today())
    _shown(request, "family and household", [t.relative.pk for t in ties] + [s.person_id for s in stays if s.person_id != child.pk])
    return render(request, "people/family.html", {
        "child": child, "person": child.person, "ties": ties, "genogram": genogram, "today": today(),
        "households": [(members[0].household, members, members[0].household_id in own_now) for members in households.values()],
        "has_household": bool(own_now),
    })


@require_http_methods(["GET", "POST"])
def add_family_member(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="add someone to the family")
    form = AddFamilyMemberForm(_bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            relationship = actions.add_family_member(child, acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return _back(request, child, f"{relationship.from_person.full_name} is added to {child.person.first_name}'s family")
    return render(request, "people/family_add.html", {"child": child, "form": form})


@require_http_methods(["GET", "POST"])
def link_family_member(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="link someone on record to the family")
    people = people_to_link(child, viewer=request.user)
    _shown(request, "people who may be linked to the family", [person.pk for person in people])
    form = LinkFamilyMemberForm(_bound(request), people=people)
    if request.method == "POST" and form.is_valid():
        person = form.chosen()
        details = {name: value for name, value in form.cleaned_data.items() if name != "person"}
        try:
            actions.link_family_member(child, person, acting_user=request.user, **details)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return _back(request, child, f"{person.full_name} is linked to {child.person.first_name}'s family")
    return render(request, "people/family_link.html", {"child": child, "form": form, "people": people})


def _relationship_of(child: Child, relationship_id: int, viewer) -> Relationship:
    """One of the child's relationships the user may be told of; anything else is ``NoAccess``."""
    pk = record_pk(relationship_id)
    for tie in ties_of(child.person, viewer=viewer):
        if tie.relationship.pk == pk:
            return tie.relationship
    raise NoAccess


@require_http_methods(["GET", "POST"])
def end_relationship(request: HttpRequest, child_id: int, relationship_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="end a relationship")
    relationship = _relationship_of(child, relationship_id, request.user)
    relative = relationship.from_person if relationship.to_person_id == child.pk else relationship.to_person
    form = EndRelationshipForm(_bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            actions.end_relationship(relationship, acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return _back(request, child, f"The relationship with {relative.full_name} is recorded as ended; it stays in the family's history")
    return render(request, "people/family_end_relationship.html", {
        "child": child, "form": form, "relationship": relationship, "relative": relative,
    })


@require_http_methods(["GET", "POST"])
def join_household(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="someone comes to live with the child")
    relatives = [(r.person, r.label) for r in family_of(child.person, viewer=request.user) if not r.lives_with]
    form = JoinHouseholdForm(_bound(request), people=relatives)
    if request.method == "POST" and form.is_valid():
        person = form.chosen()
        try:
            actions.join_household(child, person, acting_user=request.user, joined_on=form.cleaned_data["joined_on"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return _back(request, child, f"{person.full_name} is recorded as living with {child.person.first_name}")
    has_household = HouseholdMembership.objects.filter(person=child.person, left_on__isnull=True).exists()
    return render(request, "people/family_join.html", {"child": child, "form": form, "relatives": relatives, "has_household": has_household})


def _membership_of(child: Child, membership_id: int, viewer) -> HouseholdMembership:
    """A current stay in the child's household now, of someone the user may be told of; else ``NoAccess``."""
    pk = record_pk(membership_id)
    for stay in memberships_seen_by(child.person, viewer=viewer):
        if stay.pk == pk:
            return stay
    raise NoAccess


@require_http_methods(["GET", "POST"])
def leave_household(request: HttpRequest, child_id: int, membership_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="someone leaves the household")
    stay = _membership_of(child, membership_id, request.user)
    form = LeaveHouseholdForm(_bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            actions.leave_household(stay, acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return _back(request, child, f"{stay.person.full_name} is recorded as having left {stay.household.name}")
    return render(request, "people/family_leave.html", {"child": child, "form": form, "stay": stay})


@require_http_methods(["GET", "POST"])
def move_household(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="the child moves to another household")
    households = households_to_move_to(child, viewer=request.user)
    form = MoveHouseholdForm(_bound(request), households=households)
    if request.method == "POST" and form.is_valid():
        target = form.target()
        try:
            actions.move_to_household(child, acting_user=request.user, moved_on=form.cleaned_data["moved_on"], household=target,
                                      new_household_name="" if target else form.cleaned_data["new_household_name"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return _back(request, child, f"{child.person.first_name}'s move is recorded; the household before is kept in the history")
    return render(request, "people/family_move.html", {"child": child, "form": form})
