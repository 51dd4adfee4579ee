"""The rule of "Salin dari Renstra", on plain data (no database): what joins the Renja, which
money and targets are copied, and that nothing the Renja holds is overwritten."""

from decimal import Decimal as D

from kecamatan.core.formatting import Nilai
from kecamatan.renja.salin_rencana import IndikatorSalin, SalinData, SubSalin, rencana_salin

N = 2025


def ind(i, sub=None, subs=None, n=Nilai(D(2)), n1=Nilai(D(3)), **kw):
    return IndikatorSalin(i, frozenset(subs if subs is not None else ([sub] if sub else [])) if (sub or subs) else None,
                          n, n1, subkegiatan_id=sub, **kw)


def test_a_subkegiatan_joins_when_the_renstra_plans_money_or_a_target_for_year_n():
    data = SalinData(N, subs=(
        SubSalin(1, "a", pagu_n=D(1000), pagu_n1=D(1100)),  # money and a target
        SubSalin(2, "b", pagu_n=D(0)),  # Rp - but a target of n: joins, with its 0 dana
        SubSalin(3, "c", pagu_n=D(0), pagu_n1=D(500)),  # nothing for n ("-" target, Rp -): stays out
        SubSalin(4, "d", pagu_n=D(700)),  # money, no indicator at all
    ), indikator=(
        ind(11, sub=1), ind(12, sub=2, n1=Nilai()), ind(13, sub=3, n=Nilai(None, "-")),
        ind(20, subs=[1, 2, 3]),  # the kegiatan of all three
        ind(30, subs=[3]),  # a kegiatan whose only sub-kegiatan stays out
        ind(40),  # a sasaran indicator: always in a Renja with content
    ))
    plan = rencana_salin(data)
    assert plan.rincian == (1, 2, 4)
    assert plan.pagu == ((1, N, "renja", D(1000)), (1, N + 1, "prakiraan", D(1100)), (2, N, "renja", D(0)),
                         (4, N, "renja", D(700)))
    assert [(i, t, tahap) for i, t, tahap, _ in plan.target] == [
        (11, N, "renja"), (11, N + 1, "prakiraan"), (12, N, "renja"), (20, N, "renja"), (20, N + 1, "prakiraan"),
        (40, N, "renja"), (40, N + 1, "prakiraan")]
    assert plan.ringkasan(N) == ["3 sub kegiatan masuk Renja 2025", "3 kebutuhan dana 2025",
                                 "1 prakiraan maju 2026", "4 target 2025", "3 target prakiraan maju 2026"]


def test_lengkapi_never_overwrites_and_respects_aktivitas():
    data = SalinData(N, subs=(
        SubSalin(1, "a", pagu_n=D(1000), pagu_n1=D(1100), in_renja=True, has_dana=True, has_prakiraan=True),
        SubSalin(2, "b", pagu_n=D(1000), pagu_n1=D(1100), in_renja=True, has_aktivitas=True),
        SubSalin(3, "c", pagu_n=D(1000), pagu_n1=D(1100), in_renja=True, has_aktivitas=True,
                 aktivitas_prakiraan=True),
        SubSalin(4, "d", in_renja=True),  # in the Renja though the Renstra plans nothing: kept, nothing to add
    ), indikator=(ind(11, sub=1, has_target_n=True, has_target_n1=True), ind(12, sub=2, has_target_n=True)))
    plan = rencana_salin(data)
    assert plan.rincian == ()
    # 2: its dana is the sum of its aktivitas, its prakiraan still the Renstra's; 3: both from aktivitas
    assert plan.pagu == ((2, N + 1, "prakiraan", D(1100)),)
    assert plan.target == ((12, N + 1, "prakiraan", Nilai(D(3))),)
    assert rencana_salin(SalinData(N, subs=(SubSalin(1, "a", in_renja=True, has_dana=True),))).kosong


def test_nothing_in_the_renstra_for_year_n_gives_an_empty_plan():
    data = SalinData(N, subs=(SubSalin(1, "a"),), indikator=(ind(11, sub=1, n=Nilai()), ind(40)))
    assert rencana_salin(data).kosong  # the sasaran target alone does not start a Renja
