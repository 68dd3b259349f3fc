// Keyboard shortcuts of the review queue (/review): a accept, r reject, e edit, j/k next/previous event.
// Mawgun's own code; keys are ignored while typing in a field.
(function () {
  "use strict";
  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }
  function move(step) {
    var rows = Array.prototype.slice.call(document.querySelectorAll("#review-queue tr.queue-row"));
    if (!rows.length) { return; }
    var at = rows.findIndex(function (row) { return row.classList.contains("selected"); });
    var next = rows[Math.min(rows.length - 1, Math.max(0, at + step))];
    var link = next && next.querySelector("a.queue-link");
    if (link && next !== rows[at]) { window.location.assign(link.href); }
  }
  function open(id) {
    var panel = document.getElementById(id);
    if (panel) { panel.open = true; }
    return panel;
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var key = event.key;
    if (key === "j") { move(1); }
    else if (key === "k") { move(-1); }
    else if (key === "a") {
      var accept = document.getElementById("accept-form");
      if (accept) { accept.requestSubmit(); }
    } else if (key === "r") {
      var reason = document.getElementById("reject-reason");
      if (reason) { reason.focus(); event.preventDefault(); }
    } else if (key === "e") {
      if (open("edit-panel")) {
        var first = document.querySelector("#edit-form input[type=text]");
        if (first) { first.focus(); event.preventDefault(); }
      }
    }
  });
}());
