"""T-C.26 Tujuan, Sasaran, Strategi dan Arah Kebijakan (tables.md §2.6). Pure.

Four text columns. Under each sasaran, strategi and arah kebijakan are two ordered lists with
optional links (an arah kebijakan serves one or more strategi):
- linked strategi and arah kebijakan form groups (connected by their links), printed in the
  order of their first strategi; within a group the shorter side's last cell is merged down,
  so one arah kebijakan spans the strategi it serves and vice versa;
- what is not linked is printed side by side, in order, after the groups, without merging:
  the two lists as typed, claiming no link the data does not have.
The tujuan cell spans its sasaran, a sasaran cell its rows.
"""

from __future__ import annotations

from kecamatan.renstra.data_tabel import ArahKebijakanData, SasaranStrategiData, StrategiArahData, StrategiData
from kecamatan.renstra.tables.common import RowBuffer, filename, kop_of, wilayah
from kecamatan.tables.base import TEXT, Column, Report, numbered


def columns_tc26() -> tuple[Column, ...]:
    """Keys: tujuan, sasaran, strategi, arah."""
    return numbered((
        Column("tujuan", "Tujuan", kind=TEXT, width=22),
        Column("sasaran", "Sasaran", kind=TEXT, width=24),
        Column("strategi", "Strategi", kind=TEXT, width=45),
        Column("arah", "Arah Kebijakan", kind=TEXT, width=36),
    ))


Group = tuple[list[StrategiData], list[ArahKebijakanData], bool]


def groups_of(sasaran: SasaranStrategiData) -> list[Group]:
    """The linked groups of a sasaran (connected components over the links, in strategi order),
    then one last group of the unlinked strategi and unlinked arah kebijakan; the flag says
    whether a group is linked. A link to a strategi of another sasaran is ignored."""
    strategi_ids = [s.id for s in sasaran.strategi]
    by_id = {s.id: s for s in sasaran.strategi}
    # union-find over strategi ids; an arah joins the strategi it links to (same sasaran only)
    parent = {sid: sid for sid in strategi_ids}

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    arah_links: dict[int, list[int]] = {}
    for arah in sasaran.arah_kebijakan:
        linked = [sid for sid in arah.strategi_ids if sid in by_id]
        arah_links[arah.id] = linked
        for other in linked[1:]:
            parent[root(other)] = root(linked[0])
    linked_strategi = {sid for ids in arah_links.values() for sid in ids}
    groups: dict[int, tuple[list[StrategiData], list[ArahKebijakanData]]] = {}
    for sid in strategi_ids:
        if sid in linked_strategi:
            groups.setdefault(root(sid), ([], []))[0].append(by_id[sid])
    for arah in sasaran.arah_kebijakan:
        if arah_links[arah.id]:
            groups[root(arah_links[arah.id][0])][1].append(arah)
    # dicts keep insertion order: groups come in the order of their first strategi
    out: list[Group] = [(strategi, arah, True) for strategi, arah in groups.values()]
    free_strategi = [s for s in sasaran.strategi if s.id not in linked_strategi]
    free_arah = [a for a in sasaran.arah_kebijakan if not arah_links[a.id]]
    if free_strategi or free_arah:
        out.append((free_strategi, free_arah, False))
    return out


def _add_sasaran(buf: RowBuffer, tujuan: str, sasaran: SasaranStrategiData) -> None:
    first = len(buf)
    for strategi, arah, linked in groups_of(sasaran):
        n = max(len(strategi), len(arah), 1)
        start = len(buf)
        for i in range(n):
            buf.add("sasaran", {
                "tujuan": tujuan, "sasaran": sasaran.uraian,
                "strategi": strategi[i].uraian if i < len(strategi) else "",
                "arah": arah[i].uraian if i < len(arah) else "",
            })
        if linked:  # the shorter side's last cell spans the rest of its group
            for column, items in (("strategi", strategi), ("arah", arah)):
                if items and len(items) < n:
                    buf.merge(start + len(items) - 1, column, n - len(items) + 1)
    if len(buf) == first:
        buf.add("sasaran", {"tujuan": tujuan, "sasaran": sasaran.uraian, "strategi": "", "arah": ""})
    buf.merge(first, "sasaran", len(buf) - first)


def build_tc26(data: StrategiArahData) -> Report:
    columns = columns_tc26()
    buf = RowBuffer(columns)
    for tujuan in data.tujuan:
        first = len(buf)
        for sasaran in tujuan.sasaran:
            _add_sasaran(buf, tujuan.uraian, sasaran)
        if len(buf) == first:
            buf.add("tujuan", {"tujuan": tujuan.uraian, "sasaran": "", "strategi": "", "arah": ""})
        buf.merge(first, "tujuan", len(buf) - first)
    return Report(
        code="T-C.26",
        title=("Tabel T-C.26", "Tujuan, Sasaran, Strategi dan Arah Kebijakan", wilayah(data)),
        columns=columns,
        rows=buf.rows(),
        kop=kop_of(data),
        penandatangan=data.penandatangan,
        filename=filename("tc26", data, data.tahun),
    )
