from django.apps import AppConfig
from django.core import checks
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate


def create_cache_tables(sender, using=DEFAULT_DB_ALIAS, verbosity=1, **kwargs):
    """The shared cache (settings.CACHES: database cache tables) exists wherever a database is
    migrated: run.sh, the production set-up, benchmarks, a restored dump, a test database.
    `createcachetable` leaves existing tables alone."""
    call_command("createcachetable", database=using, verbosity=max(verbosity - 1, 0))


def defusedxml_in_use(app_configs=None, **kwargs):
    """Uploaded workbooks are parsed by openpyxl, safe against XML entity attacks (XXE, billion
    laughs) only through defusedxml; OPENPYXL_DEFUSEDXML=False or a missing package turns that off."""
    from openpyxl.xml import DEFUSEDXML

    if DEFUSEDXML:
        return []
    return [checks.Error("openpyxl tidak memakai defusedxml: unggahan Excel tidak aman dari serangan entitas XML.",
                         hint="Pasang defusedxml (requirements.txt) dan jangan setel OPENPYXL_DEFUSEDXML=False.",
                         id="kecamatan.E001")]


class KecamatanConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kecamatan"
    verbose_name = "SAKIP Kecamatan"

    def ready(self):
        post_migrate.connect(create_cache_tables, sender=self, dispatch_uid="kecamatan-cache-tables")
        checks.register(defusedxml_in_use, checks.Tags.security)
