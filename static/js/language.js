// The language switch in the page header (templates/base.html): with JavaScript, choosing a language
// sends the form at once and its "Change" button is hidden; without, it stays a plain form with its button.
(function () {
  "use strict";
  var form = document.querySelector("form.lang");
  if (!form) return;
  var button = form.querySelector("button[type=submit]");
  if (button) button.hidden = true;
  form.addEventListener("change", function (event) {
    if (event.target.name === "language") form.submit();
  });
})();
