/* The home page's search box: sends the reader to the search page with the words after
   '#', which a browser keeps to itself, so a postcode typed here never reaches the web
   server. search.js reads them from there. Without JavaScript the form still works,
   as an ordinary search. */
(function () {
  'use strict';
  var form = document.querySelector('form[data-private-search]');
  if (!form || !window.URLSearchParams) return;
  form.addEventListener('submit', function (event) {
    var q = form.querySelector('input[name="q"]').value;
    event.preventDefault();
    location.href = form.getAttribute('action') + '#' + new URLSearchParams({ q: q }).toString();
  });
})();
