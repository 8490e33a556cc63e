"""Screening: the decision, its reasons, and what it starts on the child's one record."""
from journey.casework.codes import EpisodeKind
from journey.chronology.build import chronology_for
from journey.frontdoor.actions import NamedChild, create_child_from_contact, link_contact_to_child
from journey.frontdoor.models import Referral
from journey.people.models import Child


def test_screening_to_referral_creates_a_referral_and_opens_a_child_in_need_episode(client_for, sam, raise_contact, team_a):
    contact = raise_contact(NamedChild("Zara", "Quinn"))
    child = create_child_from_contact(contact.children_named.get(), acting_user=sam)

    response = client_for(sam).post(f"/front-door/contacts/{contact.pk}/screen/", {
        "outcome": "referral", "rationale": "Injury unexplained; needs an assessment.", "team": team_a.pk,
    })

    assert response.status_code == 302
    assert Referral.objects.filter(child=child, contact=contact).exists()
    episode = child.episodes.get(ended_on__isnull=True)
    assert (episode.kind, episode.team) == (EpisodeKind.CHILD_IN_NEED, team_a)
    page = client_for(sam).get(response["Location"]).content.decode()
    assert "Referral to children&#x27;s social care" in page
    assert "Injury unexplained; needs an assessment." in page
    assert "Sam Shah" in page
    assert "Record the decision" not in page


def test_a_second_referral_within_12_months_is_a_rereferral_on_the_same_record(client_for, sam, ruby, ruby_again):
    link_contact_to_child(ruby_again.children_named.get(), ruby, acting_user=sam)

    client_for(sam).post(f"/front-door/contacts/{ruby_again.pk}/screen/", {"outcome": "referral", "rationale": "Second incident."})

    assert Child.objects.count() == 1
    assert ruby.referrals.count() == 2
    assert ruby.episodes.filter(kind=EpisodeKind.CHILD_IN_NEED).count() == 1  # the same episode continues
    page = client_for(sam).get(f"/front-door/contacts/{ruby_again.pk}/").content.decode()
    assert "Re-referral within 12 months" in page
    titles = [entry.title for entry in chronology_for(ruby) if entry.kind == "decision"]
    assert "Decision: Referral to children's social care (re-referral within 12 months)" in titles


def test_it_rejects_an_empty_rationale_and_keeps_the_choice(client_for, sam, ruby, ruby_again):
    link_contact_to_child(ruby_again.children_named.get(), ruby, acting_user=sam)

    response = client_for(sam).post(f"/front-door/contacts/{ruby_again.pk}/screen/", {"outcome": "early_help", "rationale": "  "})

    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_rationale"' in page
    assert "Enter the reasons for the decision" in page
    assert 'value="early_help" checked' in page
    ruby_again.refresh_from_db()
    assert ruby_again.is_open


def test_it_keeps_the_rationale_typed_when_no_outcome_is_chosen(client_for, sam, ruby, ruby_again):
    link_contact_to_child(ruby_again.children_named.get(), ruby, acting_user=sam)

    response = client_for(sam).post(f"/front-door/contacts/{ruby_again.pk}/screen/", {"rationale": "Worried about <shouting>."})

    page = response.content.decode()
    assert "Select what happens next" in page
    assert "Worried about &lt;shouting&gt;." in page


def test_it_shows_the_rule_when_a_child_is_not_linked(client_for, sam, ruby_again):
    response = client_for(sam).post(f"/front-door/contacts/{ruby_again.pk}/screen/", {"outcome": "nfa", "rationale": "No concerns."})

    assert response.status_code == 200
    assert "Link every child named in the contact to a record before deciding" in response.content.decode()


def test_a_partner_cannot_screen(client_for, teacher, sam, ruby, ruby_again):
    link_contact_to_child(ruby_again.children_named.get(), ruby, acting_user=sam)

    response = client_for(teacher).post(f"/front-door/contacts/{ruby_again.pk}/screen/", {"outcome": "nfa", "rationale": "No."})

    assert response.status_code == 403
    ruby_again.refresh_from_db()
    assert ruby_again.is_open


def test_a_referral_of_a_child_new_to_social_care_asks_which_team_and_keeps_the_reasons(client_for, sam, raise_contact, team_a):
    contact = raise_contact(NamedChild("Zara", "Quinn"))
    create_child_from_contact(contact.children_named.get(), acting_user=sam)

    response = client_for(sam).post(f"/front-door/contacts/{contact.pk}/screen/", {"outcome": "referral", "rationale": "Needs assessment."})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Select the team the work goes to: Zara Quinn has no child in need episode open to continue" in page
    assert 'href="#id_team"' in page and "Needs assessment." in page
