"""Settings for development and the test suite: production settings plus the dev-only apps
(requirements-dev.txt). `bench` holds the benchmark commands (bench_tc27, ukur_naskah, …);
django-linear-migrations keeps kecamatan/migrations/max_migration.txt, so two branches that
each add a migration conflict in git instead of needing a merge migration.

    DJANGO_SETTINGS_MODULE=sakip.settings_dev python manage.py makemigrations kecamatan --name <what_changed>
"""

from sakip.settings import *  # noqa: F403
from sakip.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "django_linear_migrations", "bench"]
