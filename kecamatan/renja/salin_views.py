""""Salin dari Renstra" on the Renja of a year: a confirmation with the counts (GET), then the copy
(POST, at the version the confirmation was shown with) and a summary."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from kecamatan.core.errors import Bentrok
from kecamatan.core.forms import VersiMixin
from kecamatan.core.views import add_service_error
from kecamatan.renja import salin
from kecamatan.renja.views import _editable_or_redirect, _page


@login_required
def renja_salin(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    if (blocked := _editable_or_redirect(request, page)) is not None:
        return blocked
    lengkapi = page.dokumen.rincian_renja.exists()
    form = VersiMixin(request.POST or None, initial={"versi": page.dokumen.versi})
    if request.method == "POST" and form.is_valid():
        try:
            hasil = salin.salin_dari_renstra(dokumen=page.dokumen, by=request.user, versi=form.cleaned_data["versi"])
        except Bentrok as exc:
            form.bentrok = exc
            form.add_error(None, exc.pesan)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            if hasil.kosong:
                messages.info(request, f"Tidak ada yang ditambahkan: Renja {tahun} sudah memuat semua yang "
                                       f"direncanakan Renstra untuk {tahun}.")
            else:
                messages.success(request, f"Disalin dari Renstra: {', '.join(hasil.ringkasan(tahun))}. Isi yang "
                                          "sudah ada tidak diubah. Lengkapi sumber dana setiap sub kegiatan.")
            return redirect(page.url("renja_detail"))
    rencana = salin.rencana_for(page.dokumen)
    return render(request, "kecamatan/renja/salin.html", page.context(
        form=form, lengkapi=lengkapi, rencana=rencana, ringkasan=rencana.ringkasan(tahun)))
