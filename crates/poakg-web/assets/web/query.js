// The query page: runs the query by the SPARQL protocol, shows SELECT
// results as a table in which IRIs read as their labels and link to their
// pages (data IRIs to this server's pages, other http(s) IRIs as they are,
// any other scheme not at all), and offers the results in each format.
(function () {
  'use strict';
  var ID = 'https://w3id.org/poakg/id/';
  var q = document.getElementById('query');
  var status = document.getElementById('status');
  var out = document.getElementById('results');
  var downloads = document.getElementById('downloads');
  document.getElementById('shipped').onchange = function (e) { if (e.target.value) { q.value = e.target.value; } };
  function href(iri) {
    if (iri.indexOf(ID) === 0) { return '/id/' + iri.slice(ID.length); }
    return /^https?:\/\//i.test(iri) ? iri : null;
  }
  function post(text, accept) {
    return fetch('/sparql', { method: 'POST', headers: { 'Content-Type': 'application/sparql-query', Accept: accept }, body: text });
  }
  // labels of IRIs, 200 per query
  function labels(iris) {
    var chunks = [];
    for (var i = 0; i < iris.length; i += 200) { chunks.push(iris.slice(i, i + 200)); }
    return Promise.all(chunks.map(function (chunk) {
      var values = chunk.map(function (i) { return '<' + i + '>'; }).join(' ');
      var text = 'SELECT ?s (SAMPLE(?l) AS ?label) WHERE { VALUES ?s { ' + values + ' } { ?s skos:prefLabel ?l } UNION { ?s dcterms:title ?l } UNION { ?s rdfs:label ?l } } GROUP BY ?s';
      return post(text, 'application/sparql-results+json').then(function (r) { return r.ok ? r.json() : { results: { bindings: [] } }; });
    })).then(function (answers) {
      var names = {};
      answers.forEach(function (a) { a.results.bindings.forEach(function (b) { if (b.s && b.label) { names[b.s.value] = b.label.value; } }); });
      return names;
    });
  }
  function cell(td, term, names) {
    if (!term) { return; }
    if (term.type === 'uri') {
      var link = href(term.value);
      var shown = names[term.value] || term.value;
      if (link) {
        var a = document.createElement('a');
        a.href = link; a.textContent = shown; a.title = term.value; td.appendChild(a);
      } else {
        td.textContent = shown; td.title = term.value;
      }
    } else {
      td.textContent = term.value;
    }
  }
  document.getElementById('form').onsubmit = function (e) {
    e.preventDefault();
    status.textContent = 'running…'; out.innerHTML = '';
    var text = q.value;
    downloads.hidden = false;
    Array.prototype.forEach.call(downloads.querySelectorAll('a'), function (a) {
      a.href = '/sparql?query=' + encodeURIComponent(text) + '&format=' + a.getAttribute('data-format');
    });
    post(text, 'application/sparql-results+json, text/turtle;q=0.9').then(function (r) {
      var type = r.headers.get('content-type') || '';
      if (!r.ok || type.indexOf('json') < 0) {
        return r.text().then(function (body) {
          status.textContent = r.ok ? 'graph result' : r.status + ' ' + r.statusText;
          var pre = document.createElement('pre'); pre.textContent = body; out.appendChild(pre);
        });
      }
      return r.json().then(function (data) {
        if ('boolean' in data) { status.textContent = 'ASK: ' + data['boolean']; return; }
        var vars = data.head.vars, rows = data.results.bindings, iris = {};
        rows.forEach(function (b) { vars.forEach(function (v) { if (b[v] && b[v].type === 'uri') { iris[b[v].value] = true; } }); });
        return labels(Object.keys(iris)).then(function (names) {
          status.textContent = rows.length + ' row' + (rows.length === 1 ? '' : 's');
          var table = document.createElement('table'), head = table.createTHead().insertRow(), body = table.createTBody();
          vars.forEach(function (v) { var th = document.createElement('th'); th.textContent = v; head.appendChild(th); });
          rows.forEach(function (b) { var tr = body.insertRow(); vars.forEach(function (v) { cell(tr.insertCell(), b[v], names); }); });
          out.appendChild(table);
        });
      });
    }).catch(function (err) { status.textContent = 'failed: ' + err.message; });
  };
}());
