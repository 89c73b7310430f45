// The network page: draws /network.json with Cytoscape.js (embedded in the
// binary, no CDN), and wires the search box, the class and pillar filters
// and node clicks (a click opens the entity's page).
(function () {
  'use strict';
  var container = document.getElementById('cy');
  var status = document.getElementById('status');
  var palette = ['#1f5fa8', '#c0392b', '#27ae60', '#8e44ad', '#d68910', '#00a3c4', '#7f8c8d', '#e84393', '#2c3e50', '#6d4c41'];
  function fill(select, values) {
    values.forEach(function (v) {
      var o = document.createElement('option');
      o.value = v; o.textContent = v; select.appendChild(o);
    });
  }
  fetch(container.getAttribute('data-source'), { headers: { Accept: 'application/json' } })
    .then(function (r) { if (!r.ok) { throw new Error(r.status + ' ' + r.statusText); } return r.json(); })
    .then(function (net) {
      var colour = {};
      net.classes.forEach(function (c, i) { colour[c] = palette[i % palette.length]; });
      var maxW = 1;
      net.edges.forEach(function (e) { if (e.weight > maxW) { maxW = e.weight; } });
      var elements = net.nodes.map(function (n) {
        return { group: 'nodes', data: { id: n.id, label: n.label, cls: n['class'], href: n.href || '', passages: n.passages, pillars: n.pillars, colour: colour[n['class']] } };
      }).concat(net.edges.map(function (e, i) {
        return { group: 'edges', data: { id: 'e' + i, source: e.source, target: e.target, weight: e.weight, width: 1 + 5 * e.weight / maxW } };
      }));
      var cy = cytoscape({
        container: container,
        elements: elements,
        wheelSensitivity: 0.3,
        style: [
          { selector: 'node', style: { 'background-color': 'data(colour)', label: '', 'font-size': 9, 'text-wrap': 'ellipsis', 'text-max-width': 120, width: 'mapData(passages, 1, 30, 10, 42)', height: 'mapData(passages, 1, 30, 10, 42)', color: '#1d2330', 'text-valign': 'bottom', 'text-margin-y': 2 } },
          // names of the often named always, of the others when zoomed in
          { selector: 'node[passages >= 3]', style: { label: 'data(label)' } },
          { selector: 'node', style: { 'min-zoomed-font-size': 7 } },
          { selector: 'edge', style: { width: 'data(width)', 'line-color': '#b8c0cc', opacity: 0.6, 'curve-style': 'haystack' } },
          { selector: '.found', style: { 'border-width': 4, 'border-color': '#f1c40f', 'font-size': 13, 'font-weight': 'bold', 'z-index': 10 } },
          { selector: '.hidden', style: { display: 'none' } }
        ],
        layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: function () { return 9000; }, idealEdgeLength: function () { return 60; }, numIter: 1500 }
      });
      window.poakgNetwork = cy;
      cy.on('tap', 'node', function (evt) {
        var href = evt.target.data('href');
        if (href) { window.location.assign(href); }
      });
      var cls = document.getElementById('class'), pillar = document.getElementById('pillar'), search = document.getElementById('search');
      fill(cls, net.classes); fill(pillar, net.pillars);
      function apply() {
        var c = cls.value, p = pillar.value;
        cy.batch(function () {
          cy.nodes().forEach(function (n) {
            var keep = (!c || n.data('cls') === c) && (!p || n.data('pillars').indexOf(p) >= 0);
            n.toggleClass('hidden', !keep);
          });
        });
        var shown = cy.nodes().filter(function (n) { return !n.hasClass('hidden'); }).length;
        status.textContent = shown + ' of ' + net.nodes.length + ' entities shown' +
          (net.entities > net.nodes.length ? ' (the ' + net.nodes.length + ' most named of ' + net.entities + ')' : '') +
          ', ' + net.edges.length + ' links.';
      }
      function find() {
        var q = search.value.trim().toLowerCase();
        cy.nodes().removeClass('found');
        if (!q) { return; }
        var hits = cy.nodes().filter(function (n) { return n.data('label').toLowerCase().indexOf(q) >= 0; });
        hits.addClass('found');
        // one animation at a time: typing must not queue one per keystroke
        cy.stop(true);
        if (hits.nonempty()) { cy.animate({ fit: { eles: hits, padding: 80 } }, { duration: 300 }); }
      }
      cls.onchange = apply; pillar.onchange = apply; search.oninput = find;
      apply();
      var legend = document.getElementById('legend');
      net.classes.forEach(function (c) {
        var s = document.createElement('span'), dot = document.createElement('i');
        dot.style.background = colour[c]; s.appendChild(dot); s.appendChild(document.createTextNode(c)); legend.appendChild(s);
      });
      // a phone turned, a window resized: keep the network in view
      var resizing = null;
      window.addEventListener('resize', function () {
        clearTimeout(resizing);
        container.setAttribute('data-resizing', 'true');
        resizing = setTimeout(function () {
          cy.resize(); cy.fit(cy.nodes(':visible'), 30);
          container.removeAttribute('data-resizing');
        }, 150);
      });
      container.setAttribute('data-ready', 'true');
    })
    .catch(function (e) { status.textContent = 'The network could not be loaded: ' + e.message; });
}());
