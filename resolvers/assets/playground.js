// Starts GraphiQL against this server's /query endpoint (HTTP for queries and
// mutations, a websocket for subscriptions), with example queries in tabs.
(function () {
  var url = new URL('query', location.href).href;
  var fetcher = GraphiQL.createFetcher({
    url: url,
    subscriptionUrl: url.replace(/^http/, 'ws'),
  });
  var tabs = [
    {
      query: '# Whom does Kabul accuse, of what, and who reported it?\n' +
        'query WhomDoesKabulAccuse {\n' +
        '  actors(filter: {name: "Kabul"}, first: 5) {\n' +
        '    nodes {\n' +
        '      name kind aliases\n' +
        '      accusationCounts { accused { name } count }\n' +
        '      accusations(first: 20) {\n' +
        '        nodes {\n' +
        '          accused { name kind }\n' +
        '          claim { text sentence cue reportedBy { name } article { title } }\n' +
        '        }\n' +
        '      }\n' +
        '    }\n' +
        '  }\n' +
        '}\n',
    },
    {
      query: '# Who accused Islamabad, and who denied what?\n' +
        'query AccusedBy {\n' +
        '  actors(filter: {name: "Islamabad"}, first: 1) {\n' +
        '    nodes {\n' +
        '      name\n' +
        '      accusedBy(first: 20) { totalCount nodes { accuser { name } claim { sentence } } }\n' +
        '      denials(first: 20) { nodes { claim { sentence } accuser { name } deniedClaim { text } } }\n' +
        '    }\n' +
        '  }\n' +
        '}\n',
    },
    {
      query: '# Who denied Kabul\'s accusations, and how?\n' +
        'query WhoDeniedKabul {\n' +
        '  actors(filter: {name: "Kabul"}, first: 1) {\n' +
        '    nodes {\n' +
        '      name\n' +
        '      accusations(first: 20) {\n' +
        '        nodes {\n' +
        '          accused { name }\n' +
        '          claim { text }\n' +
        '          denials { denier { name } claim { sentence } deniedClaim { text } }\n' +
        '        }\n' +
        '      }\n' +
        '    }\n' +
        '  }\n' +
        '}\n',
    },
    {
      query: '# Recent claims with their speakers, sources and denials; page with after: endCursor.\n' +
        'query Claims($after: String) {\n' +
        '  claims(first: 20, after: $after) {\n' +
        '    totalCount\n' +
        '    pageInfo { hasNextPage endCursor }\n' +
        '    nodes { text cue direct speaker { name title } reportedBy { name } deniedBy { name } }\n' +
        '  }\n' +
        '}\n',
    },
    {
      query: '# Kabul\'s timeline: what it said and whom it accused, newest first, in March 2026.\n' +
        'query Timeline {\n' +
        '  actors(filter: {name: "Kabul"}, first: 1) {\n' +
        '    nodes {\n' +
        '      name\n' +
        '      says(orderBy: {field: PUBLISHED_AT, direction: DESC}, filter: {publishedAfter: "2026-03-01", publishedBefore: "2026-04-01"}, first: 20) {\n' +
        '        totalCount\n' +
        '        pageInfo { hasNextPage endCursor }\n' +
        '        nodes { text cue targets { name } article { title publishedAt publisher } }\n' +
        '      }\n' +
        '    }\n' +
        '  }\n' +
        '}\n',
    },
    {
      query: '# Full-text search over claims and actors.\n' +
        'query Search {\n' +
        '  search(query: "border attack", first: 10) {\n' +
        '    totalCount\n' +
        '    nodes { kind score snippet node { ... on Claim { sentence speaker { name } } ... on Actor { name kind } } }\n' +
        '  }\n' +
        '}\n',
    },
    {
      query: '# Search by stem ("shelled" finds "shelling") and "phrases", narrowed by kind and date;\n' +
        '# then the most accusing actors whose name holds "kabul", and how the text names whom they accuse.\n' +
        'query Narrow {\n' +
        '  search(query: "shelled \\"border villages\\"", filter: {kind: ACCUSES, publishedAfter: "2000-01-01"}) {\n' +
        '    totalCount\n' +
        '    nodes { snippet node { ... on Claim { speakerText publishedAt article { title dateSource } } } }\n' +
        '  }\n' +
        '  actors(filter: {nameContains: "kabul"}, orderBy: {field: ACCUSATIONS}, first: 5) {\n' +
        '    nodes { name accusations(filter: {publishedAfter: "2000-01-01"}) { totalCount nodes { accuserText accusedText accused { name } } } }\n' +
        '  }\n' +
        '}\n',
    },
    {
      query: '# Trace a statement: the claims of other outlets carrying it, where it first appeared, who denied it.\n' +
        'query TraceStatement {\n' +
        '  clusters(orderBy: {field: SIZE}, first: 5) {\n' +
        '    totalCount\n' +
        '    nodes {\n' +
        '      totalCount firstSeen lastSeen\n' +
        '      firstAppearance { text article { title publisher publishedAt } }\n' +
        '      speakers { name }\n' +
        '      articles { title publisher publishedAt }\n' +
        '      sources { name }\n' +
        '      denials { denier { name } claim { sentence } }\n' +
        '      claims(first: 20) { nodes { text publishedAt article { publisher } speaker { name } } }\n' +
        '    }\n' +
        '  }\n' +
        '}\n',
    },
    {
      query: '# How are two actors linked? Put two actor IDs in the variables.\n' +
        'query Path($from: ID!, $to: ID!) {\n' +
        '  path(from: $from, to: $to, maxHops: 4) {\n' +
        '    length\n' +
        '    hops { kind reversed from { id ... on Actor { name } ... on Source { name } } to { id ... on Actor { name } ... on Claim { text } } claim { sentence } }\n' +
        '  }\n' +
        '}\n',
      variables: '{"from": "", "to": ""}',
    },
    {
      query: '# Ingest an article: its claims are extracted and stored.\n' +
        'mutation Ingest {\n' +
        '  ingestArticle(input: {title: "Example", text: "Officials in Kabul accused Islamabad of shelling border villages, the Valley Press Agency reported."}) {\n' +
        '    created article { id title } claims { text cue } actors { name kind } sources { name }\n' +
        '  }\n' +
        '}\n',
    },
    {
      query: '# Live: every claim stored from now on (ingest in another tab).\n' +
        'subscription ClaimAdded {\n' +
        '  claimAdded { text sentence speaker { name } article { title } }\n' +
        '}\n',
    },
  ];
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultTabs: tabs,
    defaultEditorToolsVisibility: true,
  }));
})();
