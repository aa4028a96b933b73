/* Turns each <select data-autocomplete> into alphagov's accessible autocomplete (vendored in
   static/vendor/accessible-autocomplete/). The select stays in the form and is what is sent: without
   JavaScript, or before this runs, people use the select itself. The interface's words come translated
   from the data- attributes of this script's own tag (templates/includes/autocomplete.html).
   htmx-swapped content is enhanced too (htmx:load). No inline script: the CSP allows none. */
(function () {
  "use strict";
  var script = document.currentScript;
  var words = (script && script.dataset) || {};

  function say(template, values) {
    return (template || "").replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function enhance(select) {
    if (select.dataset.autocompleteDone || select.multiple || !window.accessibleAutocomplete) return;
    select.dataset.autocompleteDone = "1";
    var id = select.id;
    var described = select.getAttribute("aria-describedby");
    var invalid = select.getAttribute("aria-invalid");
    // An empty choice that is an answer ("a new organisation") stays on offer; "---------" is an empty box.
    var emptyIsAnswer = select.hasAttribute("data-autocomplete-empty-choice");
    window.accessibleAutocomplete.enhanceSelectElement({
      selectElement: select,
      defaultValue: emptyIsAnswer ? undefined : "",
      preserveNullOptions: emptyIsAnswer,
      showAllValues: true, // a click opens the whole list, as the select did
      tNoResults: function () { return words.noResults; },
      tStatusQueryTooShort: function (n) { return say(words.tooShort, { n: n }); },
      tStatusNoResults: function () { return words.noResults; },
      tStatusSelectedOption: function (option, count, index) {
        return say(words.selected, { option: option, index: index + 1, count: count });
      },
      tStatusResults: function (count, selected) { return say(words.results, { count: count }) + " " + selected; },
      tAssistiveHint: function () { return words.hint; }
    });
    var input = document.getElementById(id);
    if (!input) return;
    // The field's hint and error still describe what is typed in, and its error state carries over.
    if (described) {
      input.setAttribute("aria-describedby", (input.getAttribute("aria-describedby") || "") + " " + described);
    }
    if (invalid) input.setAttribute("aria-invalid", invalid);
    // Emptying the box empties the choice (the library would keep the last one confirmed).
    input.addEventListener("change", function () {
      if (!input.value.trim()) select.value = "";
    });
    input.addEventListener("blur", function () {
      if (!input.value.trim()) select.value = "";
    });
  }

  function enhanceWithin(root) {
    if (root.matches && root.matches("select[data-autocomplete]")) enhance(root);
    if (root.querySelectorAll) root.querySelectorAll("select[data-autocomplete]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { enhanceWithin(document); });
  } else {
    enhanceWithin(document);
  }
  document.addEventListener("htmx:load", function (event) { enhanceWithin(event.target); });
})();
