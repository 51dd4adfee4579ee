/* sakip-kecamatan: small progressive enhancements, no library.
   1. Entry grids (.grid-isian): Enter and the up/down arrows move to the same column of the
      next/previous row, so a whole triwulan can be typed from the keyboard; Tab works as usual.
   2. Catalog selects (select[data-cari]): a search box above the select filters its options. */
(function () {
  "use strict";

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
})();
