"""Locust mix of scripts/load.sh: demo logins (operators, the Camat, Bappeda) each log in once, then view
pages with a think time between them. Pages per login come from scripts/load/urls.py (SAKIP_LOAD_PAGES,
JSON); the think time from SAKIP_LOAD_WAIT ("min,max" seconds). At the end it prints one summary of the
page views (logins apart): requests/s, p50/p95/p99 and errors."""

import itertools
import json
import os
import random
import re

from locust import HttpUser, between, events, task
from locust.stats import StatsEntry

PASSWORD = os.environ.get("SAKIP_LOAD_PASSWORD", "demo-sakip-2024")
PAGES: dict[str, dict[str, str]] = json.loads(os.environ["SAKIP_LOAD_PAGES"])
# how often each page kind is viewed, relative to the others
WEIGHTS = {"beranda": 3, "renstra": 3, "tc27": 2, "triwulan": 3, "perbandingan": 3}
WAIT_MIN, WAIT_MAX = (float(x) for x in os.environ.get("SAKIP_LOAD_WAIT", "5,15").split(","))
LOGIN = "masuk"
_accounts = itertools.cycle(PAGES)  # the users take the logins in turn: 10 of each with 50 users


class Pengguna(HttpUser):
    wait_time = between(WAIT_MIN, WAIT_MAX)

    def on_start(self):
        self.username = next(_accounts)
        self.pages = list(PAGES[self.username].items())
        self.weights = [WEIGHTS[kind] for kind, _ in self.pages]
        form = self.client.get("/masuk/", name=LOGIN)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
        with self.client.post("/masuk/", name=LOGIN, catch_response=True, data={
            "username": self.username, "password": PASSWORD,
            "csrfmiddlewaretoken": token.group(1) if token else "",
        }) as response:
            if "/masuk/" in response.url:
                response.failure(f"login {self.username} gagal")

    @task
    def view_page(self):
        kind, url = random.choices(self.pages, weights=self.weights)[0]
        with self.client.get(url, name=kind, catch_response=True) as response:
            if response.status_code != 200:
                # status 0: no response at all (the exception says why: refused, reset, closed)
                response.failure(f"HTTP {response.status_code}" + (f" {response.error!r}" if response.error else ""))
            elif "/masuk/" in response.url:
                response.failure("sesi hilang: dialihkan ke halaman masuk")


@events.quitting.add_listener
def print_summary(environment, **kwargs):
    stats = environment.stats
    pages = StatsEntry(stats, "page views", "GET", use_response_times_cache=False)
    for (name, _method), entry in stats.entries.items():
        if name != LOGIN:
            pages.extend(entry)
    lines = ["", "=== sakip-kecamatan load benchmark ==="]
    for label, entry in (("page views", pages), ("logins", stats.entries.get((LOGIN, "POST"))),
                         ("all requests", stats.total)):
        if entry is None or entry.num_requests == 0:
            continue
        duration = max(entry.last_request_timestamp - entry.start_time, 1e-9) if entry.last_request_timestamp else 1
        lines.append(
            f"{label:<13} requests={entry.num_requests} errors={entry.num_failures} "
            f"rps={entry.num_requests / duration:.2f} p50={entry.get_response_time_percentile(0.5) / 1000:.2f}s "
            f"p95={entry.get_response_time_percentile(0.95) / 1000:.2f}s "
            f"p99={entry.get_response_time_percentile(0.99) / 1000:.2f}s max={entry.max_response_time / 1000:.2f}s"
        )
    lines.append(f"{'per page':<13} " + "  ".join(
        f"{name}: n={e.num_requests} p50={e.get_response_time_percentile(0.5) / 1000:.2f}s "
        f"p95={e.get_response_time_percentile(0.95) / 1000:.2f}s"
        for (name, _m), e in sorted(stats.entries.items()) if name != LOGIN))
    for error in stats.errors.values():
        lines.append(f"error         {error.occurrences}x {error.method} {error.name}: {error.error}")
    print("\n".join(lines), flush=True)
