"""manage.py ukur_sandi [--kali 5]: what one password hash costs on this machine with Django's PBKDF2
and Argon2 hashers at their default parameters: wall time, CPU time (user + system, so Argon2's
threads count in full) and the extra peak memory (Linux VmHWM, reset just before the hash). Each
hash runs in a fresh Python process; a sign-in costs one hash (check_password)."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys

from django.core.management.base import BaseCommand

HASHERS = (
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
)

_CHILD = """
import json, resource, sys, time
from django.conf import settings
settings.configure()
from django.utils.module_loading import import_string
hasher = import_string(sys.argv[1])()
import argon2  # imports are not the hash's
salt = hasher.salt()
def status(key):
    return next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith(key + ":"))
open("/proc/self/clear_refs", "w").write("5")  # Linux: the peak (VmHWM) restarts from the current RSS
rss0 = status("VmRSS")
before = resource.getrusage(resource.RUSAGE_SELF)
t0 = time.perf_counter()
encoded = hasher.encode("sandi-yang-cukup-panjang", salt)
wall = time.perf_counter() - t0
after = resource.getrusage(resource.RUSAGE_SELF)
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
print(json.dumps({"wall": wall, "cpu": cpu, "mem_kib": status("VmHWM") - rss0,
                  "params": hasher.safe_summary(encoded)}))
"""


def _run(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


class Command(BaseCommand):
    help = "Waktu CPU dan memori satu hash kata sandi per hasher (PBKDF2, Argon2)."

    def add_arguments(self, parser):
        parser.add_argument("--kali", type=int, default=5, help="Berapa kali tiap hasher diukur.")

    def handle(self, *args, kali: int, **options):
        for path in HASHERS:
            runs = [_run(_CHILD, path) for _ in range(kali)]
            params = {k: v for k, v in runs[0]["params"].items() if k not in ("salt", "hash")}
            walls = sorted(r["wall"] for r in runs)
            cpus = sorted(r["cpu"] for r in runs)
            mem = statistics.median(r["mem_kib"] for r in runs)
            self.stdout.write(
                f"{path.rsplit('.', 1)[1]} {params}\n"
                f"  wall s: median {statistics.median(walls):.3f} (min {walls[0]:.3f}, max {walls[-1]:.3f})\n"
                f"  CPU s:  median {statistics.median(cpus):.3f} (min {cpus[0]:.3f}, max {cpus[-1]:.3f})\n"
                f"  extra peak memory: {mem / 1024:.1f} MiB (n={kali})")
