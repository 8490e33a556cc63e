"""Finding a child shows names and dates of birth: the search's one audit event names every child it showed."""
from journey.audit.models import Action, AuditEvent


def searches(user):
    return list(AuditEvent.objects.filter(action=Action.READ, user=user, what__startswith="find a child:"))


def test_a_search_names_each_child_it_showed(client_for, charlie, ruby):
    page = client_for(charlie).get("/children/find/", {"name": "Ruby Smith"}).content.decode()

    assert "Ruby" in page
    [event] = searches(charlie)
    assert event.after == {"children": [ruby.pk]}
    assert event.what == "find a child: Ruby Smith; 1 found"


def test_a_restricted_child_left_out_of_the_results_is_not_named(client_for, charlie, ruby):
    ruby.is_restricted = True
    ruby.save()
    client_for(charlie).get("/children/find/", {"name": "Ruby Smith"})
    [event] = searches(charlie)
    assert event.after == {"children": []}


def test_the_empty_search_form_logs_nothing(client_for, charlie, ruby):
    client_for(charlie).get("/children/find/")
    assert searches(charlie) == []
