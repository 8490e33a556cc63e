"""Pages a second that `journey serve` gives, by processes and threads: the figures behind docs/operations.md,
"Serving". Run it on the council's own hardware before going live.

Against a generated authority on PostgreSQL (`journey generate --children 2000`), e.g.:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/journey_bench .venv/bin/python benchmarks/serving.py \
        --processes 1 --threads 4 --concurrency 8 --seconds 30

Starts the processes (`journey serve` on consecutive ports, production settings over plain HTTP), signs in the
allocated worker of the child with the longest history, and has --concurrency clients open the journey pages of the
children that worker may see, round-robin over the processes, for --seconds. Every page view is audited, as in
service. Prints pages a second and p50/p95 in milliseconds; never asserts a time. The client runs on the same
machine and takes some of its CPU.
"""
import argparse
import http.client
import os
import secrets
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "journey.settings",
    "JOURNEY_DEBUG": "false",
    "JOURNEY_SECRET_KEY": secrets.token_urlsafe(50),
    "JOURNEY_AUDIT_KEY": os.environ.get("JOURNEY_AUDIT_KEY") or secrets.token_urlsafe(48),
    "JOURNEY_ALLOWED_HOSTS": "127.0.0.1",
    "JOURNEY_SSL_REDIRECT": "false",
    "JOURNEY_SECURE_COOKIES": "false",
    "JOURNEY_ACCESS_LOG": "false",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=8, help="clients requesting at once")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--port", type=int, default=8701, help="the first process's port")
    options = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to a generated authority (PostgreSQL).")
    os.environ.update(ENVIRONMENT)

    import django

    django.setup()
    sys.path.insert(0, str(Path(__file__).parent))
    from _pages import longest_history_child, viewer_for
    from django.conf import settings
    from django.test import Client

    from journey.audit.context import acting_as_system
    from journey.people.models import Child

    viewer = viewer_for(longest_history_child())
    children = list(Child.objects.visible_to(viewer).values_list("pk", flat=True)[:200])
    client = Client()
    with acting_as_system("benchmarks/serving.py"):
        client.force_login(viewer)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

    ports = [options.port + n for n in range(options.processes)]
    servers = [
        subprocess.Popen(
            [sys.executable, "-m", "journey.cli", "serve", "--port", str(port)],
            env={**os.environ, "JOURNEY_SERVER_THREADS": str(options.threads)}, stdout=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        for port in ports:
            wait_for(port)
        timings, failures = load(ports, children, cookie, options.concurrency, options.seconds)
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
    timings.sort()
    p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)] if timings else 0
    print(
        f"{options.processes} process(es) x {options.threads} threads, {options.concurrency} clients, "
        f"{os.cpu_count()} CPUs: {len(timings) / options.seconds:.1f} pages/s, p50 {statistics.median(timings):.0f} ms, "
        f"p95 {p95:.0f} ms, {failures} failures ({len(children)} children, viewer {viewer.pk})"
    )


def wait_for(port: int) -> None:
    for _ in range(120):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit(f"journey serve on port {port} did not answer /healthz")


def load(ports, children, cookie, concurrency, seconds):
    timings: list[float] = []
    failures = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(number: int) -> None:
        connections = {port: http.client.HTTPConnection("127.0.0.1", port, timeout=60) for port in ports}
        request = number
        while time.monotonic() < deadline:
            port, child = ports[request % len(ports)], children[request % len(children)]
            request += concurrency
            started = time.perf_counter()
            try:
                connections[port].request("GET", f"/children/{child}/", headers={"Cookie": cookie})
                response = connections[port].getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                connections[port] = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                ok = False
            with lock:
                if ok:
                    timings.append((time.perf_counter() - started) * 1000)
                else:
                    failures[0] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings, failures[0]


if __name__ == "__main__":
    main()
