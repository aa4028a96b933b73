/* The activity log entry's form (templates/projects/entries/form.html), where JavaScript runs:
 * - choosing a project fetches the form for it (GET <data-choices-url>?project=<slug>) and puts its
 *   planned activities, sites, target groups, partners and "logged by" in place ([data-project-part]),
 *   keeping the partners ticked that are still on offer; without JavaScript, or if that fails, the
 *   "Show this project's activities" button posts the form back as typed with those choices;
 * - the end date follows the start date while it is empty or earlier (the server does the same for an
 *   empty end date). */
(function () {
  "use strict";
  var form = document.querySelector("form[data-entry-form]");
  if (!form) return;
  var project = form.elements.namedItem("project");
  var choose = form.querySelector("[data-choose]");

  function ticked(name) {
    return Array.prototype.map.call(form.querySelectorAll("input[name=" + name + "]:checked"), function (box) {
      return box.value;
    });
  }

  function swap(html) {
    var fetched = new DOMParser().parseFromString(html, "text/html");
    var partners = ticked("partners");
    form.querySelectorAll("[data-project-part]").forEach(function (part) {
      var fresh = fetched.getElementById(part.id);
      if (fresh) part.replaceWith(document.importNode(fresh, true));
    });
    form.querySelectorAll("input[name=partners]").forEach(function (box) {
      box.checked = partners.indexOf(box.value) !== -1;
    });
  }

  if (project && choose && window.fetch && window.DOMParser) {
    choose.hidden = true;
    project.addEventListener("change", function () {
      var url = form.getAttribute("data-choices-url") + "?project=" + encodeURIComponent(project.value);
      fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.text();
        })
        .then(swap)
        .catch(function () {
          choose.hidden = false;
          choose.click();
        });
    });
  }

  var start = form.elements.namedItem("start_date");
  var end = form.elements.namedItem("end_date");
  if (start && end) {
    start.addEventListener("change", function () {
      if (start.value && (!end.value || end.value < start.value)) end.value = start.value;
    });
  }
})();
