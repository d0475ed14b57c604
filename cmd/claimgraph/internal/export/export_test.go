package export_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/cmd/claimgraph/internal/export"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
)

// articles are short texts written for these tests: shared names across
// articles, accusations, denials, an agency, and characters XML must
// escape or cannot hold (markup, quotes, "]]>", a control character,
// CRLF line ends, emoji).
var articles = []graph.Article{
	{Title: "Prices <up> & away", Publisher: "Velsa \"Tribune\"", PublishedAt: "2026-03-01", URL: "https://news.example/a?x=1&y=<2>",
		Text: "Mayor Ann Lee of <Velsa> & Sons said \"prices & <taxes> ]]> will rise\" on Monday.\r\nThe council accused Mayor Lee of hiding the 'real' figures \x01 from voters.\r\nLee denied the accusations, according to the Velsa Tribune. 🚀 Ünïcode ok."},
	{Title: "Port", Text: "Harbour master Edda Krall said the Velsan port would stay open. The Ostrava council accused the port authority of ignoring safety rules, according to councillor Jan Mirek."},
	{Text: "Krall said on Friday that the port had never been safer. The port authority denied that it ignored the rules, Reuters reported."},
	{Text: "Pakistani Defense Minister Khawaja Muhammad Asif accused Kabul of sheltering militants. Kabul denied the accusations. Asif said the border would stay closed."},
}

// openStore returns a Badger store in a temporary directory holding
// articles, extracted by the real extractor.
func openStore(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, a := range articles {
		a.ID = graph.ArticleID(a.Text)
		x, err := extract.Extract(a)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Ingest(context.Background(), x); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// contractOnly hides every method of a store but those of graph.Store, so
// the export reads it as it would any backend.
type contractOnly struct{ graph.Store }

// The parsed form of a GraphML document, as a reader of it sees it.
type (
	gmlDoc struct {
		XMLName xml.Name `xml:"graphml"`
		Keys    []gmlKey `xml:"key"`
		Graph   gmlGraph `xml:"graph"`
	}
	gmlKey struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	}
	gmlGraph struct {
		EdgeDefault string    `xml:"edgedefault,attr"`
		Nodes       []gmlItem `xml:"node"`
		Edges       []gmlItem `xml:"edge"`
	}
	gmlItem struct {
		ID     string    `xml:"id,attr"`
		Source string    `xml:"source,attr"`
		Target string    `xml:"target,attr"`
		Data   []gmlData `xml:"data"`
	}
	gmlData struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
)

// attrs returns an item's data by key, failing on a key given twice.
func (it gmlItem) attrs(t *testing.T) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, d := range it.Data {
		if _, dup := m[d.Key]; dup {
			t.Errorf("%s: key %q given twice", it.ID, d.Key)
		}
		m[d.Key] = d.Value
	}
	return m
}

// xmlSafe is s as an XML 1.0 document can hold it: characters it cannot
// (control characters but tab, newline and carriage return) replaced by
// U+FFFD, as WriteGraphML documents.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return '\uFFFD'
		}
		return r
	}, s)
}

// allClaims lists the stored claims, page by page.
func allClaims(t *testing.T, s graph.Store) []*graph.Claim {
	t.Helper()
	var out []*graph.Claim
	for after := ""; ; {
		l, err := s.FindClaims(context.Background(), graph.ClaimFilter{Page: graph.Page{First: graph.MaxPage, After: after}})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, l.Claims...)
		if !l.HasNextPage {
			return out
		}
		after = l.Claims[len(l.Claims)-1].ID
	}
}

// edgeLine renders an edge for comparisons.
func edgeLine(kind, from, to, claim, article, denied string) string {
	return strings.Join([]string{kind, from, to, claim, article, denied}, " ")
}

func TestWriteGraphML(t *testing.T) {
	ctx := context.Background()
	db := openStore(t)
	var out bytes.Buffer
	st, err := export.WriteGraphML(ctx, db, &out)
	if err != nil {
		t.Fatal(err)
	}
	var doc gmlDoc
	if err := xml.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("output is not well-formed XML: %v", err)
	}
	if doc.XMLName.Space != export.GraphMLNamespace {
		t.Errorf("got namespace %q, want %q", doc.XMLName.Space, export.GraphMLNamespace)
	}
	if doc.Graph.EdgeDefault != "directed" {
		t.Errorf("got edgedefault %q, want directed", doc.Graph.EdgeDefault)
	}

	// Every key is declared once; every value has a declared key of its
	// element's kind and parses as the key's type.
	keys := map[string]gmlKey{}
	for _, k := range doc.Keys {
		if _, dup := keys[k.ID]; dup {
			t.Errorf("key %q declared twice", k.ID)
		}
		keys[k.ID] = k
	}
	checkData := func(it gmlItem, kind string) {
		for _, d := range it.Data {
			k, ok := keys[d.Key]
			switch {
			case !ok:
				t.Errorf("%s %s: undeclared key %q", kind, it.ID, d.Key)
			case k.For != kind:
				t.Errorf("%s %s: key %q is declared for %s", kind, it.ID, d.Key, k.For)
			case k.Type == "int":
				if _, err := strconv.Atoi(d.Value); err != nil {
					t.Errorf("%s %s: %s = %q is no int", kind, it.ID, d.Key, d.Value)
				}
			case k.Type == "boolean":
				if _, err := strconv.ParseBool(d.Value); err != nil {
					t.Errorf("%s %s: %s = %q is no boolean", kind, it.ID, d.Key, d.Value)
				}
			}
		}
	}

	nodes := map[string]map[string]string{}
	types := map[string]int{}
	for _, n := range doc.Graph.Nodes {
		checkData(n, "node")
		if _, dup := nodes[n.ID]; dup {
			t.Errorf("node %s written twice", n.ID)
		}
		a := n.attrs(t)
		nodes[n.ID] = a
		types[a["type"]]++
	}

	// Counts agree with the store's.
	al, _ := db.FindActors(ctx, graph.ActorFilter{})
	sl, _ := db.FindSources(ctx, graph.SourceFilter{})
	arl, _ := db.FindArticles(ctx, graph.ArticleFilter{})
	claims := allClaims(t, db)
	for _, c := range []struct {
		typ       string
		got, want int
	}{
		{"actor", types["actor"], al.TotalCount},
		{"source", types["source"], sl.TotalCount},
		{"article", types["article"], arl.TotalCount},
		{"claim", types["claim"], len(claims)},
	} {
		if c.got != c.want || c.want == 0 {
			t.Errorf("%s nodes: got %d, want %d (the store's, not 0)", c.typ, c.got, c.want)
		}
	}
	if len(nodes) != types["actor"]+types["source"]+types["article"]+types["claim"] {
		t.Errorf("nodes of unknown type: %v", types)
	}
	if st.Actors != al.TotalCount || st.Claims != len(claims) || st.Edges != len(doc.Graph.Edges) {
		t.Errorf("stats %+v disagree with the document (%d edges)", st, len(doc.Graph.Edges))
	}

	// Attributes agree with the stored records.
	for _, a := range al.Actors {
		got := nodes[a.ID]
		want := map[string]string{"type": "actor", "label": a.Name, "name": a.Name, "kind": string(a.Kind)}
		if len(a.Aliases) > 0 {
			want["aliases"] = strings.Join(a.Aliases, export.AliasSeparator)
		}
		if a.Title != "" {
			want["title"] = a.Title
		}
		if a.Affiliation != "" {
			want["affiliation"] = a.Affiliation
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("actor %s:\ngot  %v\nwant %v", a.ID, got, want)
		}
	}
	for _, art := range arl.Articles {
		got := nodes[art.ID]
		for k, v := range map[string]string{"title": art.Title, "url": art.URL, "publisher": art.Publisher, "publishedAt": art.PublishedAt, "text": xmlSafe(art.Text)} {
			if got[k] != v {
				t.Errorf("article %s: %s = %q, want %q", art.ID, k, got[k], v)
			}
		}
	}
	dates := map[string]string{}
	for _, art := range arl.Articles {
		dates[art.ID] = art.PublishedAt
	}
	byClaim := map[string]*graph.Claim{}
	dated := 0
	for _, c := range claims {
		if got := nodes[c.ID]["publishedAt"]; got != dates[c.Article] {
			t.Errorf("claim %s: publishedAt %q, want its article's %q", c.ID, got, dates[c.Article])
		} else if got != "" {
			dated++
		}
		byClaim[c.ID] = c
		got := nodes[c.ID]
		want := map[string]string{
			"text": xmlSafe(c.Text), "sentence": xmlSafe(c.Sentence), "cue": c.Cue,
			"start": strconv.Itoa(c.Start), "end": strconv.Itoa(c.End),
			"cueStart": strconv.Itoa(c.CueStart), "cueEnd": strconv.Itoa(c.CueEnd),
			"direct": strconv.FormatBool(c.Direct), "speaker": c.Speaker, "article": c.Article,
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("claim %s: %s = %q, want %q", c.ID, k, got[k], v)
			}
		}
	}

	if dated == 0 {
		t.Error("no claim carries a date; the first test article is dated")
	}

	// Edges: the store's, each between declared nodes, with its claim's
	// sentence and offsets.
	var want, got []string
	for _, c := range claims {
		l, err := db.FindEdges(ctx, graph.EdgeFilter{Claim: c.ID, Page: graph.Page{First: graph.MaxPage}})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range l.Edges {
			want = append(want, edgeLine(string(e.Kind), e.From, e.To, e.Claim, e.Article, e.Denied))
		}
	}
	kinds := map[string]bool{}
	for _, e := range doc.Graph.Edges {
		checkData(e, "edge")
		if nodes[e.Source] == nil || nodes[e.Target] == nil {
			t.Errorf("edge %s joins undeclared nodes %s -> %s", e.ID, e.Source, e.Target)
		}
		a := e.attrs(t)
		got = append(got, edgeLine(a["e_kind"], e.Source, e.Target, a["e_claim"], a["e_article"], a["e_denied"]))
		kinds[a["e_kind"]] = true
		c := byClaim[a["e_claim"]]
		if c == nil {
			t.Errorf("edge %s names unknown claim %q", e.ID, a["e_claim"])
			continue
		}
		if a["e_publishedAt"] != dates[c.Article] {
			t.Errorf("edge %s: publishedAt %q, want its article's %q", e.ID, a["e_publishedAt"], dates[c.Article])
		}
		if a["e_sentence"] != xmlSafe(c.Sentence) || a["e_start"] != strconv.Itoa(c.Start) || a["e_end"] != strconv.Itoa(c.End) {
			t.Errorf("edge %s: sentence and offsets %q %s..%s, want its claim's %q %d..%d",
				e.ID, a["e_sentence"], a["e_start"], a["e_end"], c.Sentence, c.Start, c.End)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("edges:\ngot  %q\nwant %q", got, want)
	}
	for _, k := range graph.EdgeKinds {
		if !kinds[string(k)] {
			t.Errorf("no %s edge exported; the test articles should make one", k)
		}
	}
	if !strings.Contains(out.String(), "&lt;taxes&gt; ]]&gt;") {
		t.Error("markup in claim text is not escaped as expected")
	}
}

func TestWriteJSONL(t *testing.T) {
	ctx := context.Background()
	db := openStore(t)
	var out bytes.Buffer
	st, err := export.WriteJSONL(ctx, db, &out)
	if err != nil {
		t.Fatal(err)
	}
	arl, _ := db.FindArticles(ctx, graph.ArticleFilter{})
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<20)
	n, claims := 0, 0
	for sc.Scan() {
		var x graph.Extraction
		if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		if err := x.Validate(); err != nil {
			t.Errorf("line %d does not validate: %v", n+1, err)
		}
		if n >= len(arl.Articles) || x.Article.ID != arl.Articles[n].ID {
			t.Fatalf("line %d is article %s; want the articles in ID order", n+1, x.Article.ID)
		}
		stored, err := db.FindExtraction(ctx, x.Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(x.Claims, stored.Claims) || !reflect.DeepEqual(x.Edges, stored.Edges) || len(x.Claims) == 0 {
			t.Errorf("line %d: claims and edges differ from the stored ones:\ngot  %s\nwant %s", n+1, sc.Bytes(), jsonOf(t, stored))
		}
		for _, a := range x.Actors {
			if sa, err := db.FindActorByID(ctx, a.ID); err != nil || !reflect.DeepEqual(a, sa) {
				t.Errorf("line %d: actor %+v, want the stored %+v (%v)", n+1, a, sa, err)
			}
		}
		if x.Article.Text != arl.Articles[n].Text {
			t.Errorf("line %d: text %q, want %q", n+1, x.Article.Text, arl.Articles[n].Text)
		}
		n++
		claims += len(x.Claims)
	}
	if n != arl.TotalCount || n != len(articles) {
		t.Errorf("got %d lines, want one per article (%d)", n, arl.TotalCount)
	}
	if total := len(allClaims(t, db)); claims != total || st.Claims != total {
		t.Errorf("lines hold %d claims (stats %d), want the store's %d", claims, st.Claims, total)
	}
}

// TestExport_ContractOnly checks that a store read through graph.Store
// alone (page by page, one claim's edges at a time) exports the same
// bytes as store.DB read with its faster methods (FindExtraction,
// FindEdgesBatch).
func TestExport_ContractOnly(t *testing.T) {
	db := openStore(t)
	for _, c := range []struct {
		name  string
		write func(context.Context, graph.Store, *bytes.Buffer) (export.Stats, error)
	}{
		{"GraphML", func(ctx context.Context, s graph.Store, b *bytes.Buffer) (export.Stats, error) {
			return export.WriteGraphML(ctx, s, b)
		}},
		{"JSONL", func(ctx context.Context, s graph.Store, b *bytes.Buffer) (export.Stats, error) {
			return export.WriteJSONL(ctx, s, b)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var fast, slow bytes.Buffer
			fs, err := c.write(context.Background(), db, &fast)
			if err != nil {
				t.Fatal(err)
			}
			ss, err := c.write(context.Background(), contractOnly{db}, &slow)
			if err != nil {
				t.Fatal(err)
			}
			if fs != ss || fs.Edges == 0 {
				t.Errorf("stats: store.DB %+v, contract only %+v", fs, ss)
			}
			if !bytes.Equal(fast.Bytes(), slow.Bytes()) {
				t.Errorf("outputs differ:\nstore.DB:\n%s\ncontract only:\n%s", fast.String(), slow.String())
			}
		})
	}
}

// TestExport_Cancelled checks that a cancelled context stops an export
// with the context's error.
func TestExport_Cancelled(t *testing.T) {
	db := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b bytes.Buffer
	if _, err := export.WriteGraphML(ctx, db, &b); err == nil {
		t.Error("GraphML: got no error from a cancelled export")
	}
	if _, err := export.WriteJSONL(ctx, db, &b); err == nil {
		t.Error("JSONL: got no error from a cancelled export")
	}
}

func jsonOf(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestExport_Empty exports a database without articles: a GraphML
// document with its keys and no nodes or edges, and no JSON lines.
func TestExport_Empty(t *testing.T) {
	db, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var gml, jl bytes.Buffer
	if _, err := export.WriteGraphML(context.Background(), db, &gml); err != nil {
		t.Fatal(err)
	}
	var doc gmlDoc
	if err := xml.Unmarshal(gml.Bytes(), &doc); err != nil {
		t.Fatalf("output is not well-formed XML: %v\n%s", err, gml.String())
	}
	if len(doc.Keys) != len(export.GraphMLKeys) || len(doc.Graph.Nodes) != 0 || len(doc.Graph.Edges) != 0 {
		t.Errorf("got %d keys, %d nodes, %d edges; want %d keys and nothing else", len(doc.Keys), len(doc.Graph.Nodes), len(doc.Graph.Edges), len(export.GraphMLKeys))
	}
	st, err := export.WriteJSONL(context.Background(), db, &jl)
	if err != nil {
		t.Fatal(err)
	}
	if jl.Len() != 0 || st != (export.Stats{}) {
		t.Errorf("got %q (%+v), want nothing", jl.String(), st)
	}
}

// copyByJSONL exports src as JSON lines and ingests them, marked Resolved
// as "claimgraph ingest" marks them for a new database, into a new store.
func copyByJSONL(t *testing.T, src graph.Store) *store.DB {
	t.Helper()
	ctx := context.Background()
	var out bytes.Buffer
	if _, err := export.WriteJSONL(ctx, src, &out); err != nil {
		t.Fatal(err)
	}
	dst, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dst.Close() })
	for i, line := range bytes.Split(bytes.TrimSuffix(out.Bytes(), []byte("\n")), []byte("\n")) {
		var x graph.Extraction
		if err := json.Unmarshal(line, &x); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		x.Resolved = true
		if _, err := dst.Ingest(ctx, &x); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
	}
	return dst
}

// TestWriteJSONL_RoundTrip copies stores through their JSON lines and
// checks that the copy exports the same GraphML (every node with its
// attributes, every edge): as extracted; after an alias that no claim was
// written with is split off, which leaves an actor no claim names; and
// with an actor affiliated to one that speaks nowhere.
func TestWriteJSONL_RoundTrip(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		setup func(t *testing.T, db *store.DB)
		// check says what the case must have made of the store.
		check func(t *testing.T, db *store.DB)
	}{
		{name: "Extracted"},
		{
			name: "SplitUnusedAlias",
			setup: func(t *testing.T, db *store.DB) {
				x := claimByActor("Velsa council", "Velsan City Council")
				if _, err := db.Ingest(ctx, x); err != nil {
					t.Fatal(err)
				}
				if _, _, err := db.SplitAlias(ctx, x.Actors[0].ID, "Velsan City Council"); err != nil {
					t.Fatal(err)
				}
			},
			check: func(t *testing.T, db *store.DB) {
				l, err := db.FindClaims(ctx, graph.ClaimFilter{Speaker: graph.ActorID("Velsan City Council")})
				if err != nil || l.TotalCount != 0 {
					t.Fatalf("the split-off actor speaks %v claims (%v); the case needs none", l, err)
				}
			},
		},
		{
			name: "AffiliatedToSilentActor",
			setup: func(t *testing.T, db *store.DB) {
				x := claimByActor("Edda Krall", "")
				x.Actors[0].Affiliation = graph.ActorID("Velsan Port Authority")
				x.Actors = append(x.Actors, &graph.Actor{ID: graph.ActorID("Velsan Port Authority"), Name: "Velsan Port Authority", Kind: graph.ActorOrganization})
				if _, err := db.Ingest(ctx, x); err != nil {
					t.Fatal(err)
				}
			},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := openStore(t)
			if c.setup != nil {
				c.setup(t, src)
			}
			if c.check != nil {
				c.check(t, src)
			}
			dst := copyByJSONL(t, src)
			var want, got bytes.Buffer
			if _, err := export.WriteGraphML(ctx, src, &want); err != nil {
				t.Fatal(err)
			}
			if _, err := export.WriteGraphML(ctx, dst, &got); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("the copy's GraphML differs:\n%s", lineDiff(want.String(), got.String()))
			}
		})
	}
}

// claimByActor returns the extraction of a one-sentence article in which
// the actor name (with alias, unless "") says something.
func claimByActor(name, alias string) *graph.Extraction {
	text := name + " said the harbour would reopen in May."
	art := graph.Article{ID: graph.ArticleID(text), Text: text}
	cue := len(name) + 1
	start, end := cue+len("said "), len(text)-1
	a := &graph.Actor{ID: graph.ActorID(name), Name: name, Kind: graph.ActorOrganization}
	if alias != "" {
		a.Aliases = []string{alias}
	}
	sp0, sp1 := 0, len(name)
	c := &graph.Claim{ID: graph.ClaimID(art.ID, start, end, cue), Speaker: a.ID, Text: text[start:end], Start: start, End: end,
		Sentence: text, Cue: "said", CueStart: cue, CueEnd: cue + 4, SpeakerStart: &sp0, SpeakerEnd: &sp1}
	return &graph.Extraction{Article: art, Actors: []*graph.Actor{a}, Claims: []*graph.Claim{c},
		Edges: []*graph.Edge{{Kind: graph.EdgeSays, From: a.ID, To: c.ID, Claim: c.ID}}}
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var out []string
	for _, l := range w {
		if !slices.Contains(g, l) {
			out = append(out, "- "+l)
		}
	}
	for _, l := range g {
		if !slices.Contains(w, l) {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}
