"""The kill drill: kill `journey serve` in the middle of a burst of writes, then prove nothing was half-written.

Each run starts the server on the database in DATABASE_URL (a generated authority: the drill gives one practitioner a
password), has several clients record visits and significant events on that practitioner's children as fast as the
server takes them, and kills the server (SIGKILL: no clean shutdown, connections cut mid-transaction) at a random
moment. Then it checks, with the server gone:
- every write the server acknowledged (a redirect after the POST) is in the record;
- every visit and significant event written since the run began has its audit event, and every such audit event
  its row: a change and its audit event commit together or not at all;
- the audit chain verifies (``journey audit_verify``);
- the chronology equals its rebuild from the record (``journey chronology_rebuild --check``).

    DATABASE_URL=postgres://... python -m journey.operations.kill_drill --runs 20

It prints one line per run and exits 1 if any check failed. The test suite runs it at a small scale.
"""
import argparse
import http.client
import http.cookiejar
import os
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import date, timedelta

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PASSWORD = "kill-drill-" + secrets.token_urlsafe(12)


@dataclass
class RunResult:
    acknowledged: int = 0
    written: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _server_environment() -> dict[str, str]:
    environment = dict(os.environ)
    environment.setdefault("JOURNEY_DEBUG", "true")
    environment.update(JOURNEY_ACCESS_LOG="false", JOURNEY_SERVER_THREADS="4")
    return environment


def _journey(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "journey.cli", *arguments], env=_server_environment(),
                          capture_output=True, text=True, check=False)


def prepare() -> tuple[str, list[int]]:
    """One practitioner who holds children, given the drill's password: (username, their children's ids)."""
    from journey.accounts.models import Role, User
    from journey.audit.context import acting_as_system
    from journey.casework.models import Allocation

    allocation = Allocation.objects.current().filter(worker__role=Role.PRACTITIONER, worker__is_active=True).order_by("pk").first()
    if allocation is None:
        sys.exit("Nobody holds a child: run `journey generate` first.")
    user = User.objects.get(pk=allocation.worker_id)
    with acting_as_system("kill drill"):
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])
    children = sorted(set(Allocation.objects.current().filter(worker=user).values_list("episode__child_id", flat=True)))
    return user.username, children


class Client:
    """A signed-in browser, as far as the drill needs one: cookies, CSRF tokens, no redirects followed."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), self._NoRedirect,
        )

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=10) as response:
            return response.read().decode()

    def post(self, path: str, data: dict) -> int:
        found = TOKEN.search(self.get(path))
        if found is None:
            raise OSError(f"{path} gave no form")  # half a page: the server died while answering
        token = found.group(1)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as answer:
            return answer.code

    def sign_in(self, username: str) -> None:
        if self.post("/accounts/sign-in/", {"username": username, "password": PASSWORD}) != 302:
            raise RuntimeError(f"{username} could not sign in")


def _write(client: Client, child: int, marker: str) -> int:
    day = date.today() - timedelta(days=1)
    if random.random() < 0.7:
        return client.post(f"/casework/children/{child}/visits/new/", {
            "visited_at_0": day.day, "visited_at_1": day.month, "visited_at_2": day.year, "visited_time": "09:15",
            "place": "Home", "who_was_present": "Child and carer", "child_seen": "yes", "child_seen_alone": "yes",
            "childs_words": marker, "observations": "Kill drill.", "next_steps": "None.",
        })
    return client.post(f"/chronology/children/{child}/events/new/", {
        "occurred_at_0": day.day, "occurred_at_1": day.month, "occurred_at_2": day.year, "description": marker,
    })


def run_once(username: str, children: list[int], *, clients: int = 4, kill_after: float | None = None) -> RunResult:
    """One burst, one kill, and the checks."""
    from django.db import connections

    from journey.audit.models import Action, AuditEvent
    from journey.casework.models import Visit
    from journey.chronology.models import SignificantEvent

    connections.close_all()
    run = secrets.token_hex(4)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "journey.cli", "serve", "--port", str(port)],
                              env=_server_environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    result = RunResult()
    acknowledged: list[str] = []
    stop = threading.Event()
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.2)
        signed_in = []
        for _ in range(clients):
            client = Client(base)
            client.sign_in(username)
            signed_in.append(client)

        def burst(client: Client, number: int) -> None:
            sequence = 0
            while not stop.is_set():
                sequence += 1
                marker = f"Kill drill {run} client {number} write {sequence}"
                try:
                    if _write(client, random.choice(children), marker) == 302:
                        acknowledged.append(marker)
                except (OSError, http.client.HTTPException):
                    return  # the server is gone (or died while answering)

        threads = [threading.Thread(target=burst, args=(client, n)) for n, client in enumerate(signed_in)]
        for thread in threads:
            thread.start()
        time.sleep(kill_after if kill_after is not None else random.uniform(0.5, 3.0))
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=30)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        stop.set()
        if server.poll() is None:
            server.kill()
            server.wait(timeout=30)

    connections.close_all()
    marker = f"Kill drill {run} "
    visits = {str(pk): words for pk, words in Visit.objects.filter(childs_words__startswith=marker).values_list("pk", "childs_words")}
    events = {str(pk): text for pk, text in SignificantEvent.objects.filter(description__startswith=marker).values_list("pk", "description")}
    result.acknowledged, result.written = len(acknowledged), len(visits) + len(events)
    missing = set(acknowledged) - set(visits.values()) - set(events.values())
    if missing:
        result.failures.append(f"{len(missing)} acknowledged writes are not in the record")
    for object_type, rows in (("casework.visit", visits), ("chronology.significantevent", events)):
        audited = set(AuditEvent.objects.filter(action=Action.CREATE, object_type=object_type, object_id__in=list(rows)).values_list("object_id", flat=True))
        if audited != set(rows):
            result.failures.append(f"{len(set(rows) - audited)} {object_type} rows have no audit event")
    for command, what in ((["audit_verify", "--no-progress"], "audit chain"), (["chronology_rebuild", "--check", "--no-progress"], "chronology")):
        checked = _journey(*command)
        if checked.returncode != 0:
            result.failures.append(f"{what}: {(checked.stderr or checked.stdout).strip().splitlines()[:3]}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--clients", type=int, default=4)
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journey.settings")
    os.environ.setdefault("JOURNEY_DEBUG", "true")
    import django

    django.setup()
    username, children = prepare()
    failed = 0
    for number in range(1, options.runs + 1):
        result = run_once(username, children, clients=options.clients)
        failed += not result.ok
        print(f"run {number:>2}: {result.acknowledged} writes acknowledged, {result.written} in the record; "
              + ("all checks pass" if result.ok else "; ".join(result.failures)), flush=True)
    print(f"{options.runs - failed} of {options.runs} runs passed every check")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
