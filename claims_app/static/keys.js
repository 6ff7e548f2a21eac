// Keyboard shortcuts. Ignored while typing in a field, so j/k/n/s/v never
// steal a letter from a form.
(function () {
  "use strict";
  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable]") !== null;
  }
  function rows() {
    return Array.from(document.querySelectorAll("tr.claim-row"));
  }
  function select(index) {
    var all = rows();
    if (!all.length) return;
    index = Math.max(0, Math.min(all.length - 1, index));
    all.forEach(function (r) { r.removeAttribute("aria-selected"); });
    var row = all[index];
    row.setAttribute("aria-selected", "true");
    var link = row.querySelector("a");
    if (link) link.focus();
  }
  function current() {
    return rows().findIndex(function (r) { return r.getAttribute("aria-selected") === "true"; });
  }
  function focusField(id) {
    var el = document.getElementById(id);
    if (el) { el.scrollIntoView({ block: "center" }); el.focus(); }
  }
  function toggleHelp(show) {
    var help = document.getElementById("keys-help");
    if (!help) return;
    help.hidden = show === undefined ? !help.hidden : !show;
    if (!help.hidden) help.querySelector("button").focus();
  }
  document.addEventListener("click", function (e) {
    if (e.target.closest("[data-close-keys]")) toggleHelp(false);
  });
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    var i = current();
    switch (e.key) {
      case "j": select(i + 1); break;
      case "k": select(i < 0 ? 0 : i - 1); break;
      case "Enter":
        if (i >= 0 && !e.target.closest("a, button")) window.location = rows()[i].dataset.href;
        return;
      case "n":
        var take = document.getElementById("take-next-form");
        if (take) take.submit();
        break;
      case "s": focusField("source-url"); break;
      case "v": focusField("verdict-rating"); break;
      case "?": toggleHelp(); break;
      case "Escape": toggleHelp(false); return;
      default: return;
    }
    e.preventDefault();
  });
})();
