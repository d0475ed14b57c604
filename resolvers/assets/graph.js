// The graph view: loads every claim's relations through /query and draws
// actors, sources and claims with cytoscape; clicking an edge shows the
// claim and its sentence.
(function () {
  var endpoint = new URL('query', location.href).href;
  var maxClaims = 2000;
  var colours = { SAYS: '#3b6fd4', ACCUSES: '#d43b3b', DENIES: '#e08a00', REPORTS: '#2e9e52' };
  var actorColours = { PERSON: '#6a5acd', ORGANIZATION: '#20a0a0', GOVERNMENT: '#b03060', GROUP: '#8b5a2b', ANONYMOUS: '#999999' };

  function gql(query, variables) {
    return fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: query, variables: variables || {} }),
    }).then(function (r) { return r.json(); }).then(function (res) {
      if (res.errors && res.errors.length) { throw new Error(res.errors[0].message); }
      return res.data;
    });
  }

  var pageQuery = 'query Graph($after: String) {\n' +
    '  claims(first: 50, after: $after) {\n' +
    '    totalCount pageInfo { hasNextPage endCursor }\n' +
    '    nodes { id text relations { kind from { ...End } to { ...End } } }\n' +
    '  }\n' +
    '}\n' +
    'fragment End on Node { id __typename ... on Actor { name actorKind: kind } ... on Source { name } ... on Claim { text } }';

  // A claim's cluster as a timeline: the claims of other outlets carrying
  // the same statement, oldest first.
  var timelineFragment = 'fragment Timeline on ClaimCluster { totalCount firstSeen\n' +
    '  claims(first: 50) { nodes { text publishedAt speaker { name } speakerSource { name } article { title publisher } } }\n' +
    '  denials { denier { name } claim { sentence } } }';

  var claimQuery = 'query Claim($id: ID!) {\n' +
    '  node(id: $id) { ... on Claim { text sentence cue direct speaker { name title } speakerSource { name }\n' +
    '    article { title url publisher publishedAt } reportedBy { name } deniedBy { name } targets { name }\n' +
    '    cluster { ...Timeline } } }\n' +
    '}\n' + timelineFragment;

  var nodeQuery = 'query Node($id: ID!) {\n' +
    '  node(id: $id) {\n' +
    '    ... on Actor { name kind aliases title affiliation { name } accusationCounts { accused { name } count } }\n' +
    '    ... on Source { name kind aliases }\n' +
    '    ... on Claim { text sentence speaker { name } cluster { ...Timeline } }\n' +
    '  }\n' +
    '}\n' + timelineFragment;

  var cy = cytoscape({
    container: document.getElementById('cy'),
    style: [
      { selector: 'node', style: { 'label': 'data(label)', 'font-size': 10, 'text-wrap': 'ellipsis', 'text-max-width': 120, 'background-color': 'data(colour)', 'width': 26, 'height': 26 } },
      { selector: 'node.Source', style: { 'shape': 'round-rectangle' } },
      { selector: 'node.Claim', style: { 'shape': 'diamond', 'width': 10, 'height': 10, 'label': '', 'background-color': '#bbbbbb' } },
      { selector: 'edge', style: { 'width': 2, 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier' } },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#000', 'width': 4 } },
      { selector: '.hidden', style: { 'display': 'none' } },
    ],
  });

  // Exposed for debugging in the console and for the browser tests.
  window.claimgraphView = cy;

  function addNode(n, seen) {
    if (seen[n.id]) { return; }
    seen[n.id] = true;
    var label = n.name || (n.text || '').slice(0, 40);
    cy.add({ group: 'nodes', data: { id: n.id, label: label, colour: actorColours[n.actorKind] || '#2e9e52' }, classes: n.__typename });
  }

  function load() {
    var seen = {}, count = 0, status = document.getElementById('status');
    function page(after) {
      return gql(pageQuery, { after: after }).then(function (d) {
        var els = [];
        d.claims.nodes.forEach(function (c) {
          count++;
          c.relations.forEach(function (r, i) {
            addNode(r.from, seen);
            addNode(r.to, seen);
            els.push({ group: 'edges', data: { id: c.id + ':' + i, source: r.from.id, target: r.to.id, kind: r.kind, claim: c.id, colour: colours[r.kind] } });
          });
        });
        cy.add(els);
        status.textContent = count + ' of ' + d.claims.totalCount + ' claims';
        if (d.claims.pageInfo.hasNextPage && count < maxClaims) { return page(d.claims.pageInfo.endCursor); }
      });
    }
    page(null).then(function () {
      cy.layout({ name: 'cose', animate: false, nodeRepulsion: 8000 }).run();
    }).catch(function (e) { status.textContent = 'error: ' + e.message; });
  }

  var details = document.getElementById('details');
  function show(html) { details.innerHTML = html; }
  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function names(list) { return list && list.length ? list.map(function (x) { return esc(x.name); }).join(', ') : '—'; }

  // timeline renders a claim's cluster: one line per claim by date, with
  // its outlet and speaker, then the denials; '' when it has none.
  function timeline(cl) {
    if (!cl) return '';
    var rows = cl.claims.nodes.map(function (c) {
      var who = c.speaker ? c.speaker.name : (c.speakerSource ? c.speakerSource.name : 'unknown');
      var outlet = c.article.publisher || c.article.title || 'unknown outlet';
      return '<li><span class="when">' + esc((c.publishedAt || 'undated').slice(0, 10)) + '</span> · <b>' + esc(outlet) + '</b> · ' +
        esc(who) + ': ' + esc(c.text) + '</li>';
    }).join('');
    var denials = cl.denials.map(function (d) { return '<li>' + esc(d.denier.name) + ': ' + esc(d.claim.sentence) + '</li>'; }).join('');
    return '<div id="timeline"><h3>Timeline: ' + cl.totalCount + ' articles carry this statement</h3><ol class="timeline">' + rows + '</ol>' +
      (denials ? '<p class="muted">Denied:</p><ul>' + denials + '</ul>' : '') + '</div>';
  }

  cy.on('tap', 'edge', function (ev) {
    var e = ev.target.data();
    show('<p class="muted">loading…</p>');
    gql(claimQuery, { id: e.claim }).then(function (d) {
      var c = d.node, a = c.article || {};
      var who = c.speaker ? c.speaker.name + (c.speaker.title ? ' (' + c.speaker.title + ')' : '') : (c.speakerSource ? c.speakerSource.name : 'unknown');
      show('<h3>' + esc(e.kind.toLowerCase()) + '</h3>' +
        '<p><b>' + esc(who) + '</b> ' + esc(c.cue) + (c.direct ? ' (quoted)' : '') + ':</p>' +
        '<blockquote>' + esc(c.text) + '</blockquote>' +
        '<p class="muted">Sentence:</p><blockquote>' + esc(c.sentence) + '</blockquote>' +
        '<p>Targets: ' + names(c.targets) + '<br>Reported by: ' + names(c.reportedBy) + '<br>Denied by: ' + names(c.deniedBy) + '</p>' +
        '<p class="muted">' + esc(a.title || '') + ' ' + esc(a.publisher || '') + ' ' + esc(a.publishedAt || '') + '</p>' +
        timeline(c.cluster));
    }).catch(function (err) { show('<p>error: ' + esc(err.message) + '</p>'); });
  });

  cy.on('tap', 'node', function (ev) {
    gql(nodeQuery, { id: ev.target.id() }).then(function (d) {
      var n = d.node;
      if (n.text !== undefined) {
        show('<h3>claim</h3><blockquote>' + esc(n.text) + '</blockquote><p class="muted">Sentence:</p><blockquote>' + esc(n.sentence) + '</blockquote>' +
          timeline(n.cluster));
        return;
      }
      var counts = (n.accusationCounts || []).map(function (x) { return esc(x.accused.name) + ' ×' + x.count; }).join(', ');
      show('<h3>' + esc(n.name) + '</h3><p>' + esc(n.kind) + (n.title ? ' · ' + esc(n.title) : '') + '</p>' +
        '<p>Aliases: ' + (n.aliases.length ? n.aliases.map(esc).join(', ') : '—') + '</p>' +
        (n.affiliation ? '<p>Affiliation: ' + esc(n.affiliation.name) + '</p>' : '') +
        (counts ? '<p>Accuses: ' + counts + '</p>' : ''));
    }).catch(function (err) { show('<p>error: ' + esc(err.message) + '</p>'); });
  });

  document.querySelectorAll('input[data-kind]').forEach(function (box) {
    box.addEventListener('change', function () {
      cy.edges('[kind = "' + box.dataset.kind + '"]').toggleClass('hidden', !box.checked);
    });
  });

  load();
})();
