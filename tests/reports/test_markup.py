"""The narrative markup: what people type, what prints, and that nothing typed is ever HTML."""

from kecamatan.core import markup
from kecamatan.core.markup import ListBlock, Paragraph, TableBlock


def test_every_line_is_a_paragraph_and_blank_lines_are_ignored():
    blocks = markup.parse("Baris pertama.\n\n\nBaris kedua.\r\nBaris ketiga.")
    assert blocks == (Paragraph("Baris pertama."), Paragraph("Baris kedua."), Paragraph("Baris ketiga."))
    assert markup.to_html("Satu\nDua") == "<p>Satu</p><p>Dua</p>"


def test_bullets_numbers_letters_and_nesting():
    text = "Susunan organisasi:\n1. Camat\n2. Sekretariat membawahi :\n  a. Bagian Umum\n  b. Bagian Keuangan\n3. Kasi Pemerintahan\n- satu\n* dua\n• tiga"
    html = markup.to_html(text)
    assert html == (
        "<p>Susunan organisasi:</p>"
        "<ol><li>Camat</li><li>Sekretariat membawahi :<ol type=\"a\"><li>Bagian Umum</li><li>Bagian Keuangan</li></ol>"
        "</li><li>Kasi Pemerintahan</li></ol>"
        "<ul><li>satu</li><li>dua</li><li>tiga</li></ul>"
    )


def test_a_list_may_start_later_and_continues_over_blank_lines():
    blocks = markup.parse("3. tiga\n\n4. empat\nc) huruf")
    assert blocks[0] == ListBlock(ordered=True, style="1", start=3, items=(markup.ListItem("tiga"), markup.ListItem("empat")))
    assert blocks[1].style == "a" and blocks[1].start == 3
    assert markup.to_html("3. tiga") == '<ol start="3"><li>tiga</li></ol>'


def test_an_indented_line_continues_the_item_above():
    assert markup.parse("- Kegiatan rutin\n  yang terjadwal") == (
        ListBlock(ordered=False, items=(markup.ListItem("Kegiatan rutin yang terjadwal"),)),)


def test_bold_and_italic():
    assert markup.inline("hasil **kinerja** dan *outcome* 2 * 3 = 6") == (
        "hasil <strong>kinerja</strong> dan <em>outcome</em> 2 * 3 = 6")
    assert markup.inline("**Tugas Pokok Camat**") == "<strong>Tugas Pokok Camat</strong>"


def test_tables_with_header_caption_and_numbers_right_aligned():
    text = "Tabel: Komposisi Pegawai\n| No | Jabatan | L |\n|---|---|---|\n| 1. | Camat | 1 |\n| 2. | **Sekretaris** |"
    blocks = markup.parse(text)
    assert blocks == (TableBlock(caption="Komposisi Pegawai", header=(("No", "Jabatan", "L"),),
                                 rows=(("1.", "Camat", "1"), ("2.", "**Sekretaris**"))),)
    assert markup.captions(blocks) == ["Komposisi Pegawai"]
    html = markup.render_html(blocks, lambda i: ("Tabel 1.1", "tabel-1-1"))
    assert html.startswith('<div class="judul-tabel-naskah" id="tabel-1-1">Tabel 1.1 Komposisi Pegawai</div>')
    assert "<thead><tr><th>No</th><th>Jabatan</th><th>L</th></tr></thead>" in html
    assert '<td class="angka">1.</td><td>Camat</td><td class="angka">1</td>' in html
    assert "<td><strong>Sekretaris</strong></td><td></td>" in html  # short rows are padded


def test_a_table_without_caption_is_not_numbered():
    blocks = markup.parse("| a | b |\n| c | d |")
    assert blocks == (TableBlock(rows=(("a", "b"), ("c", "d"))),)
    assert markup.captions(blocks) == []
    assert "judul-tabel-naskah" not in markup.render_html(blocks, lambda i: ("Tabel 9.9", "x"))


def test_typed_html_is_printed_as_text_never_as_markup():
    text = ('<script>alert("x")</script>\n- <img src=http://example.invalid/a.png>\n'
            '| <b onclick="x()">sel</b> |\n**<i>tebal</i>** & "kutip"')
    html = markup.to_html(text)
    assert "<script" not in html and "<img" not in html and "<b " not in html and "<i>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;img src=http://example.invalid/a.png&gt;" in html
    assert "&lt;b onclick=&quot;x()&quot;&gt;sel&lt;/b&gt;" in html
    assert "<strong>&lt;i&gt;tebal&lt;/i&gt;</strong> &amp; &quot;kutip&quot;" in html


def test_empty_and_none():
    assert markup.parse(None) == ()
    assert markup.to_html("   \n \n") == ""
