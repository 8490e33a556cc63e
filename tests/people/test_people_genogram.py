"""The genogram drawn from the record: the right people in the right shapes, ended relationships crossed, the household
surrounded, a text alternative that says the same, and never a restricted relative to someone who may not open her."""
from datetime import date

import pytest

from journey.lib.dates import today
from journey.people import actions
from journey.people.genogram import draw
from journey.people.models import Relationship
from tests.people.family_world import family  # noqa: F401  (family is a fixture)

pytestmark = pytest.mark.django_db


def by_name(genogram) -> dict:
    return {node.person.full_name: node for node in genogram.nodes}


def test_it_draws_the_child_at_the_centre_with_parents_above_and_siblings_beside(family, alice):
    genogram = draw(family.ruby, viewer=alice, on=today())
    nodes = by_name(genogram)
    assert set(nodes) == {"Ruby Smith", "Jo Smith", "Mia Smith", "Leo Price"}
    ruby, jo, mia, leo = nodes["Ruby Smith"], nodes["Jo Smith"], nodes["Mia Smith"], nodes["Leo Price"]
    assert ruby.is_centre and jo.y < ruby.y == mia.y == leo.y
    assert (jo.shape, leo.shape, ruby.shape) == ("circle", "square", "circle")
    assert jo.lives_with and mia.lives_with and not leo.lives_with
    assert jo.has_parental_responsibility and genogram.outline.startswith("M")


def test_sex_not_known_is_a_diamond_and_an_ended_relationship_is_crossed(family, alice):
    dan = actions.add_family_member(family.ruby, acting_user=alice, kind="parents_partner", first_name="Dan", last_name="Price",
                                    sex="U", started_on=date(2022, 1, 1))
    actions.end_relationship(dan, acting_user=alice, ended_on=date(2024, 1, 1))
    genogram = draw(family.ruby, viewer=alice, on=today())
    node = by_name(genogram)["Dan Price"]
    assert node.shape == "diamond" and not node.current
    assert sum(1 for line in genogram.lines if line.ended and line.ended_mark) == 1
    words = dict((n.person.full_name, w) for n, w in genogram.people)["Dan Price"]
    assert "parent's partner (ended)" in words and "relationship ended 1 January 2024" in words and "sex not known" in words


def test_a_restricted_relative_is_never_drawn_for_someone_who_may_not_open_her(client_for, family, alice, helen):
    assert "Wren Penhallow" not in by_name(draw(family.ruby, viewer=alice, on=today()))
    assert "Wren Penhallow" in by_name(draw(family.ruby, viewer=helen, on=today())), "Helen may open Wren's record"
    for page in (f"/children/{family.ruby.pk}/", f"/children/{family.ruby.pk}/family/"):
        body = client_for(alice).get(page).content.decode()
        assert "Wren" not in body and "Penhallow" not in body, page
        assert "and 3 other people" in body, "not counted either"


def test_the_page_has_an_svg_with_a_title_a_description_and_a_text_alternative(client_for, family, alice):
    body = client_for(alice).get(f"/children/{family.ruby.pk}/family/").content.decode()
    svg = body[body.index("<svg"):body.index("</svg>")]
    assert 'role="img"' in svg and 'aria-labelledby="genogram-title genogram-desc"' in svg
    assert "<title id=\"genogram-title\">Ruby Smith&#x27;s family and household</title>" in svg
    assert "Living with Ruby now: Jo Smith, Mia Smith." in svg
    alternative = body[body.index('id="genogram-text"'):]
    alternative = alternative[:alternative.index("</ul>")]
    for words in ("Jo Smith: mother", "has parental responsibility", "lives with Ruby now",
                  "Leo Price</a>: half-sibling", "does not live with Ruby"):
        assert words in alternative, words
    assert "<script" not in svg


def test_an_approximate_age_is_shown_as_about(family, alice):
    actions.add_family_member(family.ruby, acting_user=alice, kind="grandparent", first_name="May", last_name="Smith", sex="F",
                              approximate_age=70)
    node = by_name(draw(family.ruby, viewer=alice, on=today()))["May Smith"]
    assert node.caption == "Grandparent, about 70" and node.row == 0


def test_a_child_with_no_household_has_no_boundary(family, alice):
    for stay in family.ruby.person.household_memberships.all():
        actions.leave_household(stay, acting_user=alice, left_on=today())
    genogram = draw(family.ruby, viewer=alice, on=today())
    assert genogram.outline == "" and not any(node.lives_with for node in genogram.nodes)
    assert Relationship.objects.filter(to_person=family.ruby.person).count() >= 2
