/* sakip-kecamatan: small progressive enhancements, no library.
   1. Entry grids (.grid-isian): Enter and the up/down arrows move to the same column of the
      next/previous row, so a whole triwulan can be typed from the keyboard; Tab works as usual.
   2. Catalog selects (select[data-cari]): a search box above the select filters its options.
   3. Error summary (#ringkasan-galat): focus the first field with an error, or the one a link names.
   base.html loads this file on every page; the flag keeps a second <script> from binding twice. */
(function () {
  "use strict";
  if (window.sakipApp) { return; }
  window.sakipApp = true;

  function sameColumn(input, step) {
    var table = input.closest("table");
    var kolom = input.getAttribute("data-kolom");
    var all = Array.prototype.slice.call(table.querySelectorAll('input[data-kolom="' + kolom + '"]'));
    var next = all[all.indexOf(input) + step];
    if (next) { next.focus(); next.select(); }
  }

  document.querySelectorAll(".grid-isian").forEach(function (table) {
    table.addEventListener("keydown", function (event) {
      var input = event.target;
      if (!input.matches || !input.matches("input[data-kolom]")) { return; }
      if (event.key === "Enter" || event.key === "ArrowDown") {
        event.preventDefault();
        sameColumn(input, 1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        sameColumn(input, -1);
      }
    });
  });

  document.querySelectorAll("select[data-cari]").forEach(function (select) {
    var box = document.createElement("input");
    box.type = "search";
    box.className = "form-control form-control-sm mb-1";
    box.placeholder = "Cari kode atau nama…";
    box.setAttribute("aria-label", "Cari di nomenklatur");
    box.setAttribute("data-cari-untuk", select.id);
    select.parentNode.insertBefore(box, select);
    select.size = Math.min(10, select.options.length);
    box.addEventListener("input", function () {
      var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
      var first = null;
      Array.prototype.forEach.call(select.options, function (option) {
        var text = option.text.toLowerCase();
        var show = !option.value || words.every(function (w) { return text.indexOf(w) !== -1; });
        option.hidden = !show;
        if (show && option.value && first === null) { first = option; }
      });
      var current = select.options[select.selectedIndex];
      if (first && (!current || !current.value || current.hidden)) { first.selected = true; }  // Enter then saves the match
    });
  });

  /* --- 3. error summary (templates/kecamatan/_ringkasan_galat.html), issue 19 --------------------
     Its links are plain anchors (they work without this script); here the field is scrolled to the
     middle of the screen, clear of the sticky table header and first column, and focused. */
  function tuju(field) {
    field.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });  // not Bootstrap's smooth scroll
    field.focus({ preventScroll: true });
  }

  var ringkasan = document.getElementById("ringkasan-galat");
  if (ringkasan) {
    var fields = Array.prototype.map.call(ringkasan.querySelectorAll("a[data-galat]"), function (link) {
      return document.getElementById(link.getAttribute("data-galat"));
    }).filter(Boolean);
    fields.sort(function (a, b) {  // the first on the page, whatever order the form lists them in
      return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    if (fields.length) { tuju(fields[0]); }
    ringkasan.addEventListener("click", function (event) {
      var link = event.target.closest("a[data-galat]");
      var field = link && document.getElementById(link.getAttribute("data-galat"));
      if (!field) { return; }
      event.preventDefault();
      tuju(field);
    });
  }
})();
