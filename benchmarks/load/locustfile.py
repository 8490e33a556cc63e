"""What a practitioner does in a day, for locust: open My children, open a child's journey page and page back
through the chronology, find a child, and record visits and significant events (writes that join the audit chain
and the materialised chronology). Driven by benchmarks/load_curve.py, which sets the sign-ins up and reads the
figures; run alone with ``locust -f benchmarks/load/locustfile.py`` and JOURNEY_LOAD_USERS=users.json."""
import json
import os
import random
import re
from datetime import date, timedelta
from itertools import count

from locust import HttpUser, between, task

SIGN_INS = json.loads(open(os.environ["JOURNEY_LOAD_USERS"]).read())
PASSWORD = os.environ["JOURNEY_LOAD_PASSWORD"]
_next_sign_in = count()
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CHILD = re.compile(r'href="/children/(\d+)/"')
NEXT_PAGE = re.compile(r'href="(\?[^"]*after=[^"#]*)#chronology" rel="next"')


class Practitioner(HttpUser):
    wait_time = between(0.5, 2)

    def on_start(self) -> None:
        self.username = SIGN_INS[next(_next_sign_in) % len(SIGN_INS)]
        page = self.client.get("/accounts/sign-in/", name="sign-in page").text
        response = self.client.post(
            "/accounts/sign-in/", {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": TOKEN.search(page).group(1)},
            name="sign in", allow_redirects=False,
        )
        if response.status_code != 302:
            raise RuntimeError(f"{self.username} could not sign in ({response.status_code})")
        self.children = sorted(set(CHILD.findall(self.client.get("/casework/", name="my children").text))) or ["0"]

    def _token(self, path: str, name: str) -> str:
        return TOKEN.search(self.client.get(path, name=name).text).group(1)

    @task(8)
    def journey_page(self) -> None:
        child = random.choice(self.children)
        page = self.client.get(f"/children/{child}/", name="journey page").text
        following = NEXT_PAGE.search(page)
        if following and random.random() < 0.3:
            self.client.get(f"/children/{child}/" + following.group(1).replace("&amp;", "&"), name="journey page, older entries")

    @task(3)
    def my_children(self) -> None:
        self.client.get("/casework/", name="my children")

    @task(2)
    def find_a_child(self) -> None:
        self.client.get("/children/find/", params={"name": random.choice(["Smith", "Jones", "Taylor", "Brown", "Patel", "Khan"])}, name="find a child")

    @task(2)
    def record_visit(self) -> None:
        child = random.choice(self.children)
        path = f"/casework/children/{child}/visits/new/"
        day = date.today() - timedelta(days=1)
        self.client.post(path, {
            "csrfmiddlewaretoken": self._token(path, "visit form"), "visited_at_0": day.day, "visited_at_1": day.month,
            "visited_at_2": day.year, "visited_time": "10:30", "place": "Home", "who_was_present": "Child and mother",
            "child_seen": "yes", "child_seen_alone": random.choice(["yes", "no"]), "childs_words": "Load test: synthetic words.",
            "observations": "Load test: synthetic observations.", "next_steps": "Visit again.",
        }, name="record a visit")

    @task(1)
    def record_significant_event(self) -> None:
        child = random.choice(self.children)
        path = f"/chronology/children/{child}/events/new/"
        day = date.today() - timedelta(days=2)
        self.client.post(path, {
            "csrfmiddlewaretoken": self._token(path, "event form"), "occurred_at_0": day.day, "occurred_at_1": day.month,
            "occurred_at_2": day.year, "description": "Load test: a synthetic significant event.",
        }, name="record a significant event")
