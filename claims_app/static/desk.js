// Every htmx request from the claim workspace carries the claim version the page
// shows (#claim-status, kept current by each panel's answer), so a write is
// always based on what the reviewer last saw. Done here rather than with
// hx-vals="js:...", which would need eval and so a weaker Content-Security-Policy.
document.addEventListener("htmx:configRequest", function (event) {
  "use strict";
  var status = document.getElementById("claim-status");
  if (status && event.detail.elt.closest(".workspace")) {
    event.detail.parameters.version = status.dataset.version;
  }
});

// A text field with a limit shows how much of it is used ("120 of 10,000
// characters"); the counter is the field's description, so a screen reader
// reads it on focus rather than on every keystroke.
document.addEventListener("input", function (event) {
  "use strict";
  var field = event.target;
  if (!field.id) {
    return;
  }
  var counter = document.querySelector('[data-counter-of="' + field.id + '"]');
  if (counter) {
    var limit = Number(counter.dataset.limit);
    counter.textContent = field.value.length.toLocaleString("en") + " of " +
      limit.toLocaleString("en") + " characters";
  }
});

// "Select all on this page" in the queue: every row's box follows it, rows loaded
// later ("Load more") included when it is ticked again.
document.addEventListener("change", function (event) {
  "use strict";
  if (event.target.id !== "select-all") {
    return;
  }
  document.querySelectorAll('input[name="claim_ids"]').forEach(function (box) {
    box.checked = event.target.checked;
  });
});

// An htmx request the server could not answer (503: the database is unavailable;
// 500): htmx swaps nothing, so every field keeps what was typed, and this says why,
// in the words of the server's error page.
document.addEventListener("htmx:responseError", function (event) {
  "use strict";
  var box = document.getElementById("request-failed");
  var xhr = event.detail.xhr;
  if (!box || !xhr || xhr.status < 500) {
    return;
  }
  var page = new DOMParser().parseFromString(xhr.responseText || "", "text/html");
  var said = page.querySelector("main [role=alert]:not(#request-failed)");
  box.textContent = said ? said.textContent.trim()
    : "The server could not answer (" + xhr.status + "); nothing was saved. Try again.";
  box.hidden = false;
});
document.addEventListener("htmx:afterRequest", function (event) {
  "use strict";
  var box = document.getElementById("request-failed");
  if (box && event.detail.successful) {
    box.hidden = true;  // the next request went through
  }
});
