"""The front door's list: contacts awaiting screening, oldest first, and those screened recently."""
import re

from journey.frontdoor import views
from journey.frontdoor.actions import NamedChild, link_contact_to_child, screen_contact

# Signing in, the access checks, the count, the page of the queue and its neighbours, the recently screened, the
# children named on each list, the audit event: whatever the number of contacts.
MAX_QUERIES = 16


def test_it_lists_contacts_awaiting_screening_oldest_first(client_for, sam, raise_contact):
    raise_contact(NamedChild("Newer", "Child"), hours_ago=1)
    raise_contact(NamedChild("Older", "Child"), hours_ago=30)

    response = client_for(sam).get("/front-door/")

    assert response.status_code == 200
    page = response.content.decode()
    assert page.index("Older Child") < page.index("Newer Child")
    assert "Oakfield Primary School" in page


def test_it_shows_whether_each_child_named_is_linked(client_for, sam, ruby, raise_contact):
    contact = raise_contact(NamedChild("Ruby", "Smith"), NamedChild("Sid", "Smith"))
    link_contact_to_child(contact.children_named.get(given_first_name="Ruby"), ruby, acting_user=sam)

    page = client_for(sam).get("/front-door/").content.decode()

    assert "Linked" in page
    assert "Not linked yet" in page


def test_it_lists_recently_screened_contacts_with_their_outcome(client_for, sam, ruby, raise_contact):
    contact = raise_contact(NamedChild("Ruby", "Smith"))
    link_contact_to_child(contact.children_named.get(), ruby, acting_user=sam)
    screen_contact(contact, acting_user=sam, outcome="advice", rationale="School can support with advice.")

    page = client_for(sam).get("/front-door/").content.decode()

    assert "Recently screened" in page
    assert "Information and advice" in page
    assert f"Contact {contact.pk}" in page


def test_it_denies_the_list_to_a_partner(client_for, officer):
    response = client_for(officer).get("/front-door/")

    assert response.status_code == 403
    assert "You do not have access" in response.content.decode()


def _queue_pages(client) -> list[list[str]]:
    """Follow the queue's 'Newer' links from its first page, collecting the children named on each page."""
    pages, url = [], "/front-door/"
    while url:
        page = client.get(url).content.decode()
        awaiting = page[page.index("Awaiting screening"):page.index("Recently screened")]
        pages.append(re.findall(r"(Queued\d+) Child", awaiting))
        later = re.search(r'href="(\?after=\d+)" rel="next"', awaiting)
        url = f"/front-door/{later.group(1)}" if later else ""
    return pages


def test_the_queue_comes_a_page_at_a_time_oldest_first_with_no_gaps_or_repeats(client_for, sam, raise_contact, monkeypatch):
    monkeypatch.setattr(views, "QUEUE_PAGE_SIZE", 3)
    for n in range(7):
        raise_contact(NamedChild(f"Queued{n}", "Child"), hours_ago=100 - n)
    client = client_for(sam)

    pages = _queue_pages(client)

    assert pages == [["Queued0", "Queued1", "Queued2"], ["Queued3", "Queued4", "Queued5"], ["Queued6"]]
    assert "7 contacts awaiting screening, oldest first (3 shown)" in client.get("/front-door/").content.decode()


def test_a_contact_arriving_between_pages_neither_repeats_nor_hides_one(client_for, sam, raise_contact, monkeypatch):
    monkeypatch.setattr(views, "QUEUE_PAGE_SIZE", 2)
    for n in range(4):
        raise_contact(NamedChild(f"Queued{n}", "Child"), hours_ago=100 - n)
    client = client_for(sam)
    first = client.get("/front-door/").content.decode()
    raise_contact(NamedChild("Queued9", "Child"), hours_ago=200)  # an older contact recorded late, ahead of the page read
    later = re.search(r'href="(\?after=\d+)" rel="next"', first).group(1)

    second = client.get(f"/front-door/{later}").content.decode()

    assert re.findall(r"(Queued\d) Child", second[:second.index("Recently screened")]) == ["Queued2", "Queued3"]
    assert 'rel="prev"' in second


def test_the_older_link_leads_back(client_for, sam, raise_contact, monkeypatch):
    monkeypatch.setattr(views, "QUEUE_PAGE_SIZE", 2)
    for n in range(4):
        raise_contact(NamedChild(f"Queued{n}", "Child"), hours_ago=100 - n)
    client = client_for(sam)
    later = re.search(r'href="(\?after=\d+)" rel="next"', client.get("/front-door/").content.decode()).group(1)
    earlier = re.search(r'href="(\?before=\d+)" rel="prev"', client.get(f"/front-door/{later}").content.decode()).group(1)

    back = client.get(f"/front-door/{earlier}").content.decode()

    assert re.findall(r"(Queued\d) Child", back[:back.index("Recently screened")]) == ["Queued0", "Queued1"]


def test_a_nonsense_page_key_shows_the_first_page(client_for, sam, raise_contact):
    raise_contact(NamedChild("Queued0", "Child"))
    for nonsense in ("abc", "-5", "99999999999999999999999", "1.5"):
        page = client_for(sam).get(f"/front-door/?after={nonsense}").content.decode()
        assert "Queued0 Child" in page


def test_its_queries_do_not_grow_with_the_queue(client_for, sam, ruby, raise_contact, django_assert_max_num_queries):
    for n in range(3):
        contact = raise_contact(NamedChild(f"Screened{n}", "Child"))
        link_contact_to_child(contact.children_named.get(), ruby, acting_user=sam)
        screen_contact(contact, acting_user=sam, outcome="advice", rationale="School can support with advice.")
    for n in range(6):
        raise_contact(NamedChild(f"Queued{n}", "Child"), NamedChild(f"Sibling{n}", "Child"))
    client = client_for(sam)
    client.get("/front-door/")
    with django_assert_max_num_queries(MAX_QUERIES):
        page = client.get("/front-door/").content.decode()
    assert page.count("Sibling") == 6 and page.count("Screened") == 3
