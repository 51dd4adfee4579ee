"""No developer text on any page a user sees (issue 19): the pages of every role, rendered on the
whole demo, hold no command names, CLI flags, status codes with arrows, checker rule codes or
unrendered values. The pages are walked from each role's dashboard and a few named pages: every
link of the app is followed, one page of each URL shape (digits folded), so a new page
is walked without being listed here. The walk is bounded per role to keep the suite fast."""

import html as html_lib
import re
from collections import deque

import pytest
from django.db import transaction
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse

from kecamatan.checks import run as _every_rule  # noqa: F401 (registers every rule in ATURAN)
from kecamatan.checks.base import ATURAN
from kecamatan.models import Dokumen, Periode, Riwayat

pytestmark = pytest.mark.django_db

PASSWORD = "demo-sakip-2024"
# pages walked per role: the Camat's are the operator's own, so fewer
ROLES = {"operator.randuagung": 45, "camat.randuagung": 12, "bappeda": 35, "admin": 40}
SKIP = re.compile(r"\.(pdf|xlsx|png|svg|css|js)$|^/(static|media|admin)/|/keluar/|/unduh|templat|/cetakan/")

# what only a developer writes; matched in the visible text (and title/aria-label/placeholder)
DEVELOPER = [
    "manage.py", "demo_kabupaten", "muat_demo", "muat_acuan", "--kabupaten", "db_worker",
    "draft →", "→ diajukan", "→ draft", "diajukan →", "dikembalikan →", "→ diverifikasi", "→ dikembalikan",
    "Traceback", "{{", "{%", "?tahun=",
]
DEVELOPER_WORDS = re.compile(r"\b(None|True|False|draft|nan)\b")


def _shape(url: str) -> str:
    """/renstra/1/realisasi/2024/3/ → /renstra/N/realisasi/N/N/; the part, table or document named
    after naskah/, bagian/, tabel/ … is folded too: one of each kind is enough."""
    url = re.sub(r"/(naskah|bagian|draf|tabel|dokumen|impor|pk|tambah)/[^/]+", r"/\1/X", url)
    url = re.sub(r"^/(tujuan|sasaran|program|kegiatan|subkegiatan|indikator)/", "/node/", url)  # the cascade's forms
    return re.sub(r"\d+", "N", url)


def visible_text(page: str) -> str:
    """What a user reads: the text between tags, and the attributes shown on hover or read aloud."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    shown = " ".join(m.group(2) for m in re.finditer(r'\b(title|aria-label|placeholder)="([^"]*)"', page))
    text = re.sub(r"<[^>]+>", " ", page)
    return html_lib.unescape(f"{text} {shown}")


def developer_text(page: str) -> list[str]:
    text = visible_text(page)
    found = [s for s in DEVELOPER if s in text]
    found += sorted({m.group(0) for m in DEVELOPER_WORDS.finditer(text)})
    found += sorted(kode for kode in ATURAN if re.search(rf"(?<![\w-]){re.escape(kode)}(?![\w-])", text))
    return found


@pytest.fixture(scope="module")
def whole_demo(full_demo_snapshot, django_db_blocker):
    """The whole demo, once for the module, with a document of Randuagung submitted and returned so
    the operator's own timeline shows status changes; rolled back at the end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            full_demo_snapshot.restore()
            periode = Periode.objects.get(kecamatan__nama="Randuagung", demo=False, tahun_mulai=2024)
            doc, _ = Dokumen.objects.get_or_create(periode=periode, jenis="realisasi", tahun=2024, triwulan=1)
            for aksi, dari, ke in (("ajukan", "draft", "diajukan"), ("kembalikan", "diajukan", "dikembalikan")):
                Riwayat.objects.create(dokumen=doc, aksi=aksi, dari_status=dari, ke_status=ke, catatan="Periksa TW I")
            Dokumen.objects.filter(pk=doc.pk).update(status="dikembalikan")
            yield periode
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def seeds(username: str, randuagung: Periode) -> list[str]:
    """Pages named for each role besides its dashboard: those that showed developer text."""
    own = [reverse("kecamatan:dokumen", args=(randuagung.pk, "realisasi-2024-1")),
           reverse("kecamatan:periksa", args=(randuagung.pk, 2024)),
           reverse("kecamatan:renstra_riwayat_capaian", args=(randuagung.pk,)),
           reverse("kecamatan:renstra_detail", args=(randuagung.pk,))]
    if username in ("bappeda", "admin"):
        demo = Periode.objects.filter(demo=True).order_by("pk").first()
        own += [reverse(name) for name in ("kecamatan:perbandingan", "kecamatan:perbandingan_penyerapan",
                                           "kecamatan:perbandingan_kelengkapan", "kecamatan:perbandingan_tren")]
        own += [reverse("kecamatan:renstra_detail", args=(demo.pk,)),
                reverse("kecamatan:dokumen", args=(demo.pk, "renstra")),
                reverse("kecamatan:realisasi", args=(demo.pk, demo.tahun_mulai, 1))]
    if username == "admin":
        own += [reverse(name) for name in ("kecamatan:kelola", "kecamatan:kelola_pengguna", "kecamatan:kelola_kabupaten",
                                           "kecamatan:kelola_skala", "kecamatan:katalog")]
    return own


def walk(client: Client, start: list[str], limit: int) -> dict[str, str]:
    """Up to `limit` pages of the role: `start` (all of them), then the app's links breadth first,
    one page of each URL shape."""
    queue, pages, shapes, named = deque(start), {}, set(), set(start)
    while queue and len(pages) < limit:
        url = queue.popleft()
        if url in pages or SKIP.search(url) or (_shape(url) in shapes and url not in named):
            continue
        shapes.add(_shape(url))
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        pages[url] = page = response.content.decode()
        queue.extend(html_lib.unescape(h) for h in re.findall(r'href="(/[^"#?]*)', page))
    return pages


def test_the_check_catches_developer_text():
    assert developer_text('<p>Diajukan (draft → diajukan), oleh <code>manage.py periksa</code></p>') == [
        "manage.py", "draft →", "→ diajukan", "draft"]
    assert developer_text('<summary>Nilai pecahan <code class="small">realisasi-pecahan</code></summary>') == [
        "realisasi-pecahan"]
    assert developer_text('<span title="Dibangkitkan oleh demo_kabupaten">data demo</span>') == ["demo_kabupaten"]
    # codes in attributes (data-aturan, URLs) and words that merely contain a code are not text
    assert developer_text('<details data-aturan="realisasi-pecahan"><a href="/x/nama-kode/">Nama kode</a>'
                          '</details><p>Realisasi 2024: -, N/A, belum diisi</p>') == []


@pytest.mark.parametrize("username, limit", ROLES.items())
def test_no_developer_text_on_the_pages_of_every_role(whole_demo, username, limit):
    client = Client()
    assert client.login(request=HttpRequest(), username=username, password=PASSWORD)
    pages = walk(client, ["/", *seeds(username, whole_demo)], limit)
    assert len(pages) >= min(limit, 30)  # the walk reached the role's pages
    found = {url: hits for url, page in pages.items() if (hits := developer_text(page))}
    assert found == {}
