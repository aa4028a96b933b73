// Suggestions while typing, for a text input whose <datalist> names an endpoint:
//   <input list="organisation-names"> … <datalist id="organisation-names" data-suggest-url="…"></datalist>
// The endpoint answers GET ?q=… with {"results": [{"name": …, "acronym": …}]}; the datalist gets those
// names. Without JavaScript the input stays a plain text box, and the server matches what is typed.
// One listener on the document, so inputs that htmx swaps in later are served too.
(function () {
  "use strict";
  var DELAY_MS = 200;
  var state = new WeakMap(); // datalist -> {timer, query, controller}

  function suggest(input, list) {
    var url = list.dataset.suggestUrl;
    var current = state.get(list) || {};
    state.set(list, current);
    window.clearTimeout(current.timer);
    current.timer = window.setTimeout(function () {
      var query = input.value.trim();
      if (query === current.query) return;
      current.query = query;
      if (current.controller) current.controller.abort();
      if (!query) {
        list.replaceChildren();
        return;
      }
      current.controller = new AbortController();
      fetch(url + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: current.controller.signal,
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          list.replaceChildren.apply(
            list,
            data.results.map(function (row) {
              var option = document.createElement("option");
              option.value = row.name;
              if (row.acronym) option.label = row.acronym;
              return option;
            })
          );
        })
        .catch(function () {}); // aborted or offline: the field still takes what is typed
    }, DELAY_MS);
  }

  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.list) return;
    if (input.list.dataset.suggestUrl) suggest(input, input.list);
  });
})();
