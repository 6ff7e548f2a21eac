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
