"""The contact page: what was said, by whom, and for each child named the record or the candidates with their history."""
from django.db import connection
from django.test.utils import CaptureQueriesContext

from journey.audit.models import AuditEvent
from journey.frontdoor.actions import NamedChild, link_contact_to_child
from journey.people.actions import create_child


def test_it_shows_the_concern_in_the_referrers_words_with_white_space_kept(client_for, sam, ruby_again):
    response = client_for(sam).get(f"/front-door/contacts/{ruby_again.pk}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Ruby said there was shouting at home again.\n\n  She did not want to go home." in page
    assert "Tess Turner, Designated safeguarding lead" in page
    assert "Oakfield Primary School" in page


def test_it_offers_the_child_on_record_found_by_a_spelling_variant_with_why_and_their_history(client_for, sam, ruby, ruby_again):
    page = client_for(sam).get(f"/front-door/contacts/{ruby_again.pk}/").content.decode()

    assert "Rubie Smyth" in page  # as given
    assert f'href="/children/{ruby.pk}/"' in page
    assert "Date of birth matches" in page
    assert "Family name sounds the same" in page
    assert "NF1 2AB" in page
    assert "1 other contact" in page
    assert "Open: Child in need since" in page
    assert "Last referred" in page
    assert f'name="child_id" value="{ruby.pk}"' in page
    assert "None of these: create a new record" in page
    assert "Record the decision" not in page  # nothing to decide until every child is linked


def test_it_logs_a_read_of_each_linked_childs_record(client_for, sam, ruby, ruby_again):
    link_contact_to_child(ruby_again.children_named.get(), ruby, acting_user=sam)

    page = client_for(sam).get(f"/front-door/contacts/{ruby_again.pk}/").content.decode()

    assert AuditEvent.objects.filter(action="read", user=sam, child=ruby, what="front door contact").count() == 1
    assert "Record the decision" in page


def test_it_does_not_log_a_read_of_candidates(client_for, sam, ruby, ruby_again):
    client_for(sam).get(f"/front-door/contacts/{ruby_again.pk}/")

    assert not AuditEvent.objects.filter(action="read", child=ruby).exists()


def test_it_denies_a_contact_to_a_partner_even_the_one_who_raised_it(client_for, teacher, raise_contact):
    contact = raise_contact(NamedChild("Amy", "Adams"), acting_user=teacher, agency=teacher.agency)

    assert client_for(teacher).get(f"/front-door/contacts/{contact.pk}/").status_code == 403


def test_it_answers_a_missing_contact_like_a_forbidden_one(client_for, sam):
    response = client_for(sam).get("/front-door/contacts/999999/")

    assert response.status_code == 403
    assert "You do not have access" in response.content.decode()


def test_it_hides_a_contact_about_a_restricted_child_from_staff_who_cannot_see_the_child(client_for, sam, alice, charlie, ruby, ruby_again):
    link_contact_to_child(ruby_again.children_named.get(), ruby, acting_user=sam)
    ruby.is_restricted = True
    ruby.save()

    assert client_for(charlie).get(f"/front-door/contacts/{ruby_again.pk}/").status_code == 403
    assert f"Contact {ruby_again.pk}" not in client_for(charlie).get("/front-door/").content.decode()
    assert client_for(alice).get(f"/front-door/contacts/{ruby_again.pk}/").status_code == 200


def test_it_shows_every_candidates_history_in_the_same_number_of_queries(client_for, sam, ruby, raise_contact):
    contact = raise_contact(NamedChild("Ruby", "Smith", ruby.date_of_birth))
    client = client_for(sam)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"/front-door/contacts/{contact.pk}/").status_code == 200
        return len(ctx.captured_queries)

    one_candidate = queries()
    for day in range(1, 6):
        create_child(acting_user=sam, first_name="Ruby", last_name="Smith", date_of_birth=ruby.date_of_birth.replace(day=day))
    assert queries() == one_candidate
