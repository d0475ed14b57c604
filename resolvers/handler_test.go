package resolvers_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/resolvers"
	"github.com/claimgraph/claimgraph/store"
)

// response is a GraphQL response as a client reads it.
type response struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// code returns the extensions.code of the first error, "" when none.
func (r *response) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// client talks to one test server.
type client struct {
	t   testing.TB
	srv *httptest.Server
}

// mustOpenStore opens a real Badger store in a temp dir, closed at cleanup.
func mustOpenStore(tb testing.TB) *store.DB {
	tb.Helper()
	db, err := store.Open(tb.TempDir(), store.Options{})
	if err != nil {
		tb.Fatalf("open store: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// newServer serves a Resolver over s through the real handler.
func newServer(tb testing.TB, s graph.Store, x resolvers.Extractor, opts resolvers.HandlerOptions) (*client, *resolvers.Resolver) {
	tb.Helper()
	r := resolvers.New(s, x)
	srv := httptest.NewServer(resolvers.NewHandler(r, opts))
	tb.Cleanup(srv.Close)
	return &client{t: tb, srv: srv}, r
}

// post sends a GraphQL request body and decodes the response.
func (c *client) post(body map[string]any) *response {
	c.t.Helper()
	b, _ := json.Marshal(body)
	res, err := http.Post(c.srv.URL+"/query", "application/json", bytes.NewReader(b))
	if err != nil {
		c.t.Fatalf("post: %v", err)
	}
	defer res.Body.Close()
	return c.decode(res)
}

func (c *client) decode(res *http.Response) *response {
	c.t.Helper()
	raw, _ := io.ReadAll(res.Body)
	var out response
	if err := json.Unmarshal(raw, &out); err != nil {
		c.t.Fatalf("status %d, body %s: %v", res.StatusCode, raw, err)
	}
	return &out
}

// query runs a query and fails the test on any error.
func (c *client) query(q string, vars map[string]any, into any) {
	c.t.Helper()
	res := c.post(map[string]any{"query": q, "variables": vars})
	if len(res.Errors) > 0 {
		c.t.Fatalf("query %s: errors %+v", firstLine(q), res.Errors)
	}
	if into != nil {
		if err := json.Unmarshal(res.Data, into); err != nil {
			c.t.Fatalf("decode %s: %v", res.Data, err)
		}
	}
}

// queryErr runs a query that must fail and returns the response.
func (c *client) queryErr(q string, vars map[string]any) *response {
	c.t.Helper()
	res := c.post(map[string]any{"query": q, "variables": vars})
	if len(res.Errors) == 0 {
		c.t.Fatalf("query %s: got data %s, want an error", firstLine(q), res.Data)
	}
	return res
}

// with returns a client reporting to t, for subtests.
func (c *client) with(t testing.TB) *client { return &client{t: t, srv: c.srv} }

func firstLine(s string) string { return strings.SplitN(strings.TrimSpace(s), "\n", 2)[0] }

const ingestMutation = `mutation($in: IngestArticleInput!) {
  ingestArticle(input: $in) { created article { id title publisher } claims { id text } actors { id name } sources { name } }
}`

type ingestData struct {
	IngestArticle struct {
		Created bool
		Article struct{ ID, Title, Publisher string }
		Claims  []struct{ ID, Text string }
		Actors  []struct{ ID, Name string }
		Sources []struct{ Name string }
	}
}

func (c *client) ingest(a articleSpec) ingestData {
	c.t.Helper()
	var d ingestData
	c.query(ingestMutation, map[string]any{"in": map[string]any{"title": a.title, "publisher": a.publisher, "text": a.text}}, &d)
	return d
}

// gid returns the global ID the API gives the node with domain ID id.
func gid(id string) string {
	typ := map[string]string{"act_": "Actor", "art_": "Article", "clm_": "Claim", "src_": "Source"}[id[:4]]
	return base64.RawURLEncoding.EncodeToString([]byte(typ + ":" + id))
}

func TestIngestAndRead(t *testing.T) {
	c, _ := newServer(t, mustOpenStore(t), extractor(borderClash, riverTalks), resolvers.HandlerOptions{})

	t.Run("Ingest", func(t *testing.T) {
		c := c.with(t)
		d := c.ingest(borderClash)
		in := d.IngestArticle
		if !in.Created || in.Article.Title != borderClash.title || in.Article.Publisher != borderClash.publisher {
			t.Fatalf("got %+v, want a created article titled %q", in, borderClash.title)
		}
		if len(in.Claims) != 4 || len(in.Actors) != 4 || len(in.Sources) != 1 {
			t.Fatalf("got %d claims, %d actors, %d sources; want 4, 4, 1", len(in.Claims), len(in.Actors), len(in.Sources))
		}
		again := c.ingest(borderClash).IngestArticle
		if again.Created || len(again.Claims) != 4 || again.Article.ID != in.Article.ID {
			t.Fatalf("re-ingest: got created=%v, %d claims, id %s; want false, 4, %s", again.Created, len(again.Claims), again.Article.ID, in.Article.ID)
		}
		c.ingest(riverTalks)
	})

	t.Run("Accusations", func(t *testing.T) {
		c := c.with(t)
		var d struct {
			Actors struct {
				TotalCount int
				Nodes      []struct {
					Name             string
					Kind             string
					Aliases          []string
					AccusationCounts []struct {
						Accused struct{ Name string }
						Count   int
					}
					Accusations struct {
						TotalCount int
						Nodes      []struct {
							Accuser struct{ Name string }
							Accused struct{ Name string }
							Claim   struct {
								Sentence   string
								ReportedBy []struct{ Name string }
								Article    struct{ Title string }
							}
						}
					}
				}
			}
		}
		c.query(`{
  actors(filter: {name: "kabul"}) {
    totalCount
    nodes {
      name kind aliases
      accusationCounts { accused { name } count }
      accusations(first: 10) { totalCount nodes { accuser { name } accused { name } claim { sentence reportedBy { name } article { title } } } }
    }
  }
}`, nil, &d)
		if d.Actors.TotalCount != 1 || len(d.Actors.Nodes) != 1 {
			t.Fatalf("got %d actors named Kabul, want 1", d.Actors.TotalCount)
		}
		k := d.Actors.Nodes[0]
		if k.Name != "Kabul" || k.Kind != "GOVERNMENT" {
			t.Fatalf("got %s %s, want Kabul GOVERNMENT", k.Name, k.Kind)
		}
		// The second article's "Afghan government" resolves to Kabul by alias.
		if k.Accusations.TotalCount != 3 {
			t.Fatalf("got %d accusations, want 3 (two of Islamabad, one of the Northern Front)", k.Accusations.TotalCount)
		}
		if len(k.AccusationCounts) != 2 || k.AccusationCounts[0].Accused.Name != "Islamabad" || k.AccusationCounts[0].Count != 2 {
			t.Fatalf("got accusation counts %+v, want Islamabad ×2 first", k.AccusationCounts)
		}
		found := false
		for _, a := range k.Accusations.Nodes {
			if a.Accuser.Name != "Kabul" {
				t.Errorf("got accuser %q, want Kabul", a.Accuser.Name)
			}
			if a.Accused.Name == "Islamabad" && strings.HasPrefix(a.Claim.Sentence, "Officials in Kabul accused Islamabad") {
				found = true
				if len(a.Claim.ReportedBy) != 1 || a.Claim.ReportedBy[0].Name != "Valley Press Agency" {
					t.Errorf("got reportedBy %+v, want the Valley Press Agency", a.Claim.ReportedBy)
				}
				if a.Claim.Article.Title != borderClash.title {
					t.Errorf("got article %q, want %q", a.Claim.Article.Title, borderClash.title)
				}
			}
		}
		if !found {
			t.Fatalf("no accusation of Islamabad with its sentence in %+v", k.Accusations.Nodes)
		}
	})

	t.Run("DenialsAndTraversal", func(t *testing.T) {
		c := c.with(t)
		var d struct {
			Actors struct {
				Nodes []struct {
					Name      string
					AccusedBy struct{ TotalCount int }
					Denials   struct {
						Nodes []struct {
							Denier struct{ Name string }
							Claim  struct{ Sentence string }
							Target struct {
								Typename string `json:"__typename"`
								Name     string
								Text     string
								DeniedBy []struct{ Name string }
							}
						}
					}
				}
			}
		}
		c.query(`{
  actors(filter: {name: "Islamabad"}) {
    nodes {
      name
      accusedBy { totalCount }
      denials { nodes { denier { name } claim { sentence } target { __typename ... on Actor { name } ... on Claim { text deniedBy { name } } } } }
    }
  }
}`, nil, &d)
		isb := d.Actors.Nodes[0]
		if isb.AccusedBy.TotalCount != 2 {
			t.Errorf("got Islamabad accused %d times, want 2", isb.AccusedBy.TotalCount)
		}
		if len(isb.Denials.Nodes) != 2 {
			t.Fatalf("got %d denials, want 2 (of Kabul and of its claim)", len(isb.Denials.Nodes))
		}
		kinds := map[string]bool{}
		for _, n := range isb.Denials.Nodes {
			kinds[n.Target.Typename] = true
			if n.Claim.Sentence != "Islamabad denied the accusations and called them baseless." {
				t.Errorf("got denial sentence %q", n.Claim.Sentence)
			}
			if n.Target.Typename == "Claim" && (len(n.Target.DeniedBy) != 1 || n.Target.DeniedBy[0].Name != "Islamabad") {
				t.Errorf("got deniedBy %+v, want Islamabad", n.Target.DeniedBy)
			}
		}
		if !kinds["Actor"] || !kinds["Claim"] {
			t.Errorf("got denial targets %v, want an Actor and a Claim", kinds)
		}

		var cd struct {
			Claims struct {
				Nodes []struct {
					Text, Cue            string
					Direct               bool
					Start, End, CueStart int
					SpeakerStart         *int
					Speaker              struct {
						Name, Title string
						Affiliation struct{ Name string }
					}
					Targets   []struct{ Name string }
					Relations []struct{ Kind string }
				}
			}
		}
		c.query(`{ claims(filter: {kind: SAYS}, first: 100) { nodes { text cue direct start end cueStart speakerStart speaker { name title affiliation { name } } targets { name } relations { kind } } } }`, nil, &cd)
		var quoted int
		for _, n := range cd.Claims.Nodes {
			if n.Direct {
				quoted++
				if n.Speaker.Name != "Omar Haidari" || n.Speaker.Title != "Defense spokesman" || n.Speaker.Affiliation.Name != "Kabul" {
					t.Errorf("got speaker %+v, want Omar Haidari, Defense spokesman of Kabul", n.Speaker)
				}
				if got := borderClash.text[n.Start:n.End]; got != n.Text {
					t.Errorf("offsets give %q, want %q", got, n.Text)
				}
				if n.SpeakerStart != nil {
					t.Errorf("got speakerStart %d, want null", *n.SpeakerStart)
				}
			}
		}
		if quoted != 1 {
			t.Errorf("got %d quoted claims, want 1", quoted)
		}
	})

	t.Run("Pagination", func(t *testing.T) {
		c := c.with(t)
		type page struct {
			Actors struct {
				TotalCount int
				Edges      []struct {
					Cursor string
					Node   struct{ ID, Name string }
				}
				PageInfo struct {
					HasNextPage, HasPreviousPage bool
					StartCursor, EndCursor       *string
				}
			}
		}
		seen := map[string]bool{}
		var after *string
		total, pages := -1, 0
		for {
			var p page
			c.query(`query($after: String) { actors(first: 2, after: $after) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
				map[string]any{"after": after}, &p)
			pages++
			total = p.Actors.TotalCount
			if got := p.Actors.PageInfo.HasPreviousPage; got != (after != nil) {
				t.Errorf("page %d: got hasPreviousPage %v", pages, got)
			}
			for _, e := range p.Actors.Edges {
				if seen[e.Node.ID] {
					t.Fatalf("actor %s on two pages", e.Node.Name)
				}
				seen[e.Node.ID] = true
			}
			if n := len(p.Actors.Edges); n > 0 && *p.Actors.PageInfo.EndCursor != p.Actors.Edges[n-1].Cursor {
				t.Errorf("endCursor is not the last edge's cursor")
			}
			if !p.Actors.PageInfo.HasNextPage {
				break
			}
			if pages > 10 {
				t.Fatal("pagination does not end")
			}
			after = p.Actors.PageInfo.EndCursor
		}
		// Kabul (with its alias), Islamabad, Haidari, Northern Front, Tehran.
		if total != 5 || len(seen) != 5 || pages != 3 {
			t.Fatalf("got totalCount %d, %d actors over %d pages; want 5 over 3", total, len(seen), pages)
		}

		var cl struct {
			Claims struct {
				TotalCount int
				Nodes      []struct{ ID string }
				PageInfo   struct{ HasNextPage bool }
			}
		}
		c.query(`{ claims(first: 4) { totalCount nodes { id } pageInfo { hasNextPage } } }`, nil, &cl)
		if cl.Claims.TotalCount != 6 || len(cl.Claims.Nodes) != 4 || !cl.Claims.PageInfo.HasNextPage {
			t.Errorf("got %d of %d claims, next %v; want 4 of 6, true", len(cl.Claims.Nodes), cl.Claims.TotalCount, cl.Claims.PageInfo.HasNextPage)
		}

		// Edge connections page by edge cursors.
		kabul := gid(graph.ActorID("Kabul"))
		accused := map[string]int{}
		var after2 *string
		for i := 0; i < 5; i++ {
			var ac struct {
				Node struct {
					Accusations struct {
						TotalCount int
						Edges      []struct {
							Cursor string
							Node   struct{ Claim struct{ ID string } }
						}
						PageInfo struct {
							HasNextPage bool
							EndCursor   *string
						}
					}
				}
			}
			c.query(`query($id: ID!, $after: String) { node(id: $id) { ... on Actor { accusations(first: 1, after: $after) {
  totalCount edges { cursor node { claim { id } } } pageInfo { hasNextPage endCursor } } } } }`,
				map[string]any{"id": kabul, "after": after2}, &ac)
			a := ac.Node.Accusations
			if a.TotalCount != 3 || len(a.Edges) != 1 {
				t.Fatalf("got %d edges of %d, want 1 of 3", len(a.Edges), a.TotalCount)
			}
			accused[a.Edges[0].Node.Claim.ID]++
			if !a.PageInfo.HasNextPage {
				break
			}
			after2 = a.PageInfo.EndCursor
		}
		if len(accused) != 3 {
			t.Errorf("paging accusations one by one gave claims %v, want 3 different", accused)
		}
		var zero struct {
			Claims struct {
				TotalCount int
				Nodes      []struct{ ID string }
				PageInfo   struct{ HasNextPage bool }
			}
		}
		c.query(`{ claims(first: 0) { totalCount nodes { id } pageInfo { hasNextPage } } }`, nil, &zero)
		if zero.Claims.TotalCount != 6 || len(zero.Claims.Nodes) != 0 || !zero.Claims.PageInfo.HasNextPage {
			t.Errorf("first: 0 gave %+v, want no nodes, total 6, hasNextPage", zero.Claims)
		}

		var sc struct {
			Sources struct {
				TotalCount int
				Nodes      []struct {
					ID, Name, Kind string
					Aliases        []string
					Reports        struct{ TotalCount int }
				}
			}
		}
		c.query(`{ sources(filter: {kind: AGENCY}) { totalCount nodes { id name kind aliases reports { totalCount } } } }`, nil, &sc)
		if sc.Sources.TotalCount != 1 || sc.Sources.Nodes[0].Name != "Valley Press Agency" || sc.Sources.Nodes[0].Reports.TotalCount != 1 {
			t.Errorf("got sources %+v, want the Valley Press Agency reporting 1 claim", sc.Sources)
		}
		var ar struct {
			Articles struct {
				TotalCount int
				Nodes      []struct {
					Title  string
					Claims struct{ TotalCount int }
				}
			}
		}
		c.query(`{ articles(filter: {publisher: "The Valley Courier"}) { totalCount nodes { title claims(first: 1) { totalCount } } } }`, nil, &ar)
		if ar.Articles.TotalCount != 1 || ar.Articles.Nodes[0].Claims.TotalCount != 4 {
			t.Errorf("got articles %+v, want one with 4 claims", ar.Articles)
		}
	})

	t.Run("NodeRoundTrip", func(t *testing.T) {
		c := c.with(t)
		var list struct {
			Actors   struct{ Nodes []struct{ ID, Name string } }
			Claims   struct{ Nodes []struct{ ID, Text string } }
			Sources  struct{ Nodes []struct{ ID, Name string } }
			Articles struct{ Nodes []struct{ ID, Title string } }
		}
		c.query(`{ actors(first: 1) { nodes { id name } } claims(first: 1) { nodes { id text } }
  sources(first: 1) { nodes { id name } } articles(first: 1) { nodes { id title } } }`, nil, &list)
		ids := map[string]string{
			list.Actors.Nodes[0].ID:   "Actor",
			list.Claims.Nodes[0].ID:   "Claim",
			list.Sources.Nodes[0].ID:  "Source",
			list.Articles.Nodes[0].ID: "Article",
		}
		for id, typ := range ids {
			if strings.Contains(id, "_") {
				t.Errorf("id %q is not opaque", id)
			}
			var d struct {
				Node struct {
					Typename string `json:"__typename"`
					ID       string
				}
			}
			c.query(`query($id: ID!) { node(id: $id) { __typename id } }`, map[string]any{"id": id}, &d)
			if d.Node.Typename != typ || d.Node.ID != id {
				t.Errorf("node(%s): got %s %s, want %s %s", id, d.Node.Typename, d.Node.ID, typ, id)
			}
		}
	})

	t.Run("Search", func(t *testing.T) {
		c := c.with(t)
		var d struct {
			Search struct {
				TotalCount int
				Nodes      []struct {
					Kind    string
					Score   float64
					Snippet string
					Node    struct {
						Typename string `json:"__typename"`
						Sentence string
					}
				}
			}
		}
		c.query(`{ search(query: "smuggling weapons") { totalCount nodes { kind score snippet node { __typename ... on Claim { sentence } ... on Actor { name } } } } }`, nil, &d)
		if d.Search.TotalCount < 1 {
			t.Fatal("got no hits for \"smuggling weapons\"")
		}
		top := d.Search.Nodes[0]
		if top.Kind != "CLAIM" || top.Node.Typename != "Claim" || !strings.Contains(top.Node.Sentence, "smuggling weapons") || !strings.Contains(top.Snippet, "**") {
			t.Errorf("got top hit %+v, want the smuggling claim with a bold snippet", top)
		}
	})

	t.Run("Path", func(t *testing.T) {
		c := c.with(t)
		ids := actorIDs(t, c)
		var d struct {
			Path []struct {
				Length int
				Hops   []struct {
					Kind     string
					Reversed bool
					From     struct{ Name string }
					To       struct{ Name string }
					Claim    struct{ Sentence string }
				}
			}
		}
		q := `query($from: ID!, $to: ID!) { path(from: $from, to: $to) { length hops { kind reversed from { ... on Actor { name } } to { ... on Actor { name } } claim { sentence } } } }`
		c.query(q, map[string]any{"from": ids["Islamabad"], "to": ids["Northern Front"]}, &d)
		if len(d.Path) == 0 {
			t.Fatal("got no path from Islamabad to the Northern Front")
		}
		for _, p := range d.Path {
			if p.Length != 2 || len(p.Hops) != 2 {
				t.Fatalf("got a path of %d hops, want 2", p.Length)
			}
			last := p.Hops[1]
			if last.Kind != "ACCUSES" || last.From.Name != "Kabul" || last.To.Name != "Northern Front" || last.Reversed {
				t.Errorf("got last hop %+v, want Kabul accuses the Northern Front", last)
			}
			if !strings.Contains(last.Claim.Sentence, "smuggling weapons") {
				t.Errorf("got claim sentence %q", last.Claim.Sentence)
			}
		}
		c.query(q, map[string]any{"from": ids["Kabul"], "to": ids["Islamabad"]}, &d)
		kinds := map[string]bool{}
		for _, p := range d.Path {
			if p.Length != 1 {
				t.Fatalf("got a path of %d hops from Kabul to Islamabad, want 1", p.Length)
			}
			kinds[p.Hops[0].Kind+map[bool]string{true: " reversed"}[p.Hops[0].Reversed]] = true
		}
		if !kinds["ACCUSES"] || !kinds["DENIES reversed"] {
			t.Errorf("got hops %v, want ACCUSES and DENIES reversed", kinds)
		}
		var none struct{ Path []struct{ Length int } }
		c.query(q, map[string]any{"from": ids["Tehran"], "to": ids["Northern Front"]}, &none)
		if len(none.Path) != 0 {
			t.Errorf("got %d paths from Tehran, want none", len(none.Path))
		}
	})

	t.Run("SplitAndMerge", func(t *testing.T) {
		c := c.with(t)
		ids := actorIDs(t, c)
		var s struct {
			SplitAlias struct {
				Actor struct {
					ID      string
					Aliases []string
				}
				Split struct{ ID, Name string }
			}
		}
		c.query(`mutation($a: ID!) { splitAlias(actor: $a, alias: "Afghan government") { actor { id aliases } split { id name } } }`, map[string]any{"a": ids["Kabul"]}, &s)
		if s.SplitAlias.Split.Name != "Afghan government" || s.SplitAlias.Actor.ID != ids["Kabul"] {
			t.Fatalf("got %+v, want Afghan government split from Kabul", s.SplitAlias)
		}
		var m struct {
			MergeActors struct {
				ID      string
				Aliases []string
			}
		}
		c.query(`mutation($ids: [ID!]!) { mergeActors(ids: $ids) { id aliases } }`, map[string]any{"ids": []string{ids["Kabul"], s.SplitAlias.Split.ID}}, &m)
		if m.MergeActors.ID != ids["Kabul"] || !contains(m.MergeActors.Aliases, "Afghan government") {
			t.Fatalf("got %+v, want Kabul with the alias back", m.MergeActors)
		}
	})
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// actorIDs maps actor names to global IDs.
func actorIDs(t *testing.T, c *client) map[string]string {
	t.Helper()
	var d struct {
		Actors struct{ Nodes []struct{ ID, Name string } }
	}
	c.query(`{ actors(first: 100) { nodes { id name } } }`, nil, &d)
	out := map[string]string{}
	for _, n := range d.Actors.Nodes {
		out[n.Name] = n.ID
	}
	return out
}

func TestErrors(t *testing.T) {
	c, _ := newServer(t, mustOpenStore(t), extractor(borderClash), resolvers.HandlerOptions{})
	c.ingest(borderClash)

	tests := []struct {
		name, query, code, message string
		vars                       map[string]any
	}{
		{"FirstOver100", `{ actors(first: 101) { totalCount } }`, "INVALID", "first must be at most 100, got 101", nil},
		{"FirstOver100Nested", `{ actors(first: 1) { nodes { says(first: 500) { totalCount } } } }`, "INVALID", "first must be at most 100, got 500", nil},
		{"BadCursor", `{ claims(after: "nonsense") { totalCount } }`, "INVALID", "is not a valid cursor", nil},
		{"UnknownID", `query($id: ID!) { node(id: $id) { id } }`, "NOT_FOUND", "", map[string]any{"id": gid("act_000000000000000000000000")}},
		{"GarbageID", `{ node(id: "???") { id } }`, "NOT_FOUND", "", nil},
		{"WrongIDType", `query($id: ID!) { claims(filter: {speaker: $id}) { totalCount } }`, "INVALID", "is not the ID of an actor", map[string]any{"id": gid("src_000000000000000000000000")}},
		{"BlankText", `mutation { ingestArticle(input: {text: "  \n "}) { created } }`, "INVALID", "article text is empty", nil},
		{"BinaryText", `mutation($t: String!) { ingestArticle(input: {text: $t}) { created } }`, "INVALID", "NUL byte", map[string]any{"t": "abc\x00def"}},
		{"EmptySearch", `{ search(query: "the of") { totalCount } }`, "INVALID", "", nil},
		{"MergeOne", `mutation($id: ID!) { mergeActors(ids: [$id]) { id } }`, "INVALID", "", map[string]any{"id": gid(graph.ActorID("Kabul"))}},
		{"SplitUnknownAlias", `mutation($id: ID!) { splitAlias(actor: $id, alias: "Nowhere") { split { id } } }`, "INVALID", "", map[string]any{"id": gid(graph.ActorID("Kabul"))}},
		{"PathTooLong", `query($id: ID!) { path(from: $id, to: $id, maxHops: 9) { length } }`, "INVALID", "maxHops must be between 1 and 6", map[string]any{"id": gid(graph.ActorID("Kabul"))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := c.with(t)
			res := c.queryErr(tt.query, tt.vars)
			if res.code() != tt.code {
				t.Errorf("got code %q (%+v), want %q", res.code(), res.Errors, tt.code)
			}
			if !strings.Contains(res.Errors[0].Message, tt.message) {
				t.Errorf("got message %q, want it to contain %q", res.Errors[0].Message, tt.message)
			}
		})
	}

	t.Run("TooLarge", func(t *testing.T) {
		res := c.with(t).queryErr(`mutation($t: String!) { ingestArticle(input: {text: $t}) { created } }`,
			map[string]any{"t": strings.Repeat("a", graph.MaxArticleBytes+1)})
		if res.code() != "TOO_LARGE" {
			t.Errorf("got %+v, want code TOO_LARGE", res.Errors)
		}
	})

	t.Run("BodyLimit", func(t *testing.T) {
		c, _ := newServer(t, mustOpenStore(t), nil, resolvers.HandlerOptions{MaxBodyBytes: 1000})
		b, _ := json.Marshal(map[string]any{"query": "{ __typename }", "variables": map[string]any{"pad": strings.Repeat("x", 2000)}})
		res, err := http.Post(c.srv.URL+"/query", "application/json", bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		if out := c.decode(res); res.StatusCode != http.StatusRequestEntityTooLarge || out.code() != "TOO_LARGE" {
			t.Errorf("got %d %s %+v, want 413 and TOO_LARGE", res.StatusCode, out.Data, out.Errors)
		}
	})

	t.Run("InternalHidden", func(t *testing.T) {
		failing := failingStore{Store: mustOpenStore(t), err: errors.New("badger: value log corrupt at /secret/path")}
		c, _ := newServer(t, failing, nil, resolvers.HandlerOptions{Logger: slog.New(slog.DiscardHandler)})
		res := c.queryErr(`{ actors { totalCount } }`, nil)
		if res.code() != "INTERNAL" || res.Errors[0].Message != "internal error" {
			t.Errorf("got %+v, want code INTERNAL and message \"internal error\"", res.Errors)
		}
		if raw, _ := json.Marshal(res); strings.Contains(string(raw), "secret") {
			t.Errorf("internal text leaked: %s", raw)
		}
	})
}

// failingStore fails every FindActors call with err.
type failingStore struct {
	graph.Store
	err error
}

func (s failingStore) FindActors(context.Context, graph.ActorFilter) (*graph.ActorList, error) {
	return nil, s.err
}

func TestLimits(t *testing.T) {
	c, _ := newServer(t, mustOpenStore(t), extractor(borderClash), resolvers.HandlerOptions{})
	c.ingest(borderClash)

	t.Run("Complexity", func(t *testing.T) {
		c := c.with(t)
		res := c.queryErr(`{ actors(first: 100) { nodes { says(first: 100) { nodes { text sentence } } } } }`, nil)
		if res.code() != "COMPLEXITY_LIMIT_EXCEEDED" || !strings.Contains(res.Errors[0].Message, "exceeds the limit of 10000") {
			t.Errorf("got %+v, want a complexity error", res.Errors)
		}
	})
	t.Run("Depth", func(t *testing.T) {
		c := c.with(t)
		q := `{ actors { nodes { ` + strings.Repeat("affiliation { ", 12) + "name" + strings.Repeat(" }", 12) + ` } } }`
		res := c.queryErr(q, nil)
		if res.code() != "DEPTH_LIMIT_EXCEEDED" || !strings.Contains(res.Errors[0].Message, "exceeds the limit of 12") {
			t.Errorf("got %+v, want a depth error", res.Errors)
		}
	})
	t.Run("IntrospectionPasses", func(t *testing.T) {
		c := c.with(t)
		// The type-reference nesting of GraphiQL's schema query.
		q := `{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name ofType { name ofType { name ofType { name ofType { name } } } } } } } } } } } }`
		c.query(q, nil, nil)
	})
	t.Run("GraphViewQuery", func(t *testing.T) {
		c := c.with(t)
		// The page query of assets/graph.js must fit the default limits.
		js := mustGet(t, c.srv.URL+"/assets/graph.js")
		m := regexp.MustCompile(`(?s)var pageQuery = (.*?);\n`).FindStringSubmatch(js)
		if m == nil {
			t.Fatal("no pageQuery in graph.js")
		}
		var d struct {
			Claims struct {
				Nodes []struct {
					Relations []struct{ Kind string }
				}
			}
		}
		c.query(jsStrings(m[1]), map[string]any{"after": nil}, &d)
		if len(d.Claims.Nodes) != 4 || len(d.Claims.Nodes[0].Relations) == 0 {
			t.Errorf("got %+v, want 4 claims with relations", d.Claims.Nodes)
		}
	})
}

func TestPersistedQuery(t *testing.T) {
	c, _ := newServer(t, mustOpenStore(t), extractor(borderClash), resolvers.HandlerOptions{})
	c.ingest(borderClash)
	q := `{ actors { totalCount } }`
	sum := sha256.Sum256([]byte(q))
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}

	res := c.post(map[string]any{"extensions": ext})
	if res.code() != "PERSISTED_QUERY_NOT_FOUND" {
		t.Fatalf("hash only, first time: got %+v, want PERSISTED_QUERY_NOT_FOUND", res.Errors)
	}
	res = c.post(map[string]any{"query": q, "extensions": ext})
	if len(res.Errors) > 0 || !strings.Contains(string(res.Data), `"totalCount":4`) {
		t.Fatalf("query with hash: got %s %+v", res.Data, res.Errors)
	}
	res = c.post(map[string]any{"extensions": ext})
	if len(res.Errors) > 0 || !strings.Contains(string(res.Data), `"totalCount":4`) {
		t.Fatalf("hash only, registered: got %s %+v", res.Data, res.Errors)
	}
	// The same over GET, as CDNs cache it.
	b, _ := json.Marshal(ext)
	get, err := http.Get(c.srv.URL + "/query?extensions=" + url.QueryEscape(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	defer get.Body.Close()
	if res := c.decode(get); len(res.Errors) > 0 || !strings.Contains(string(res.Data), `"totalCount":4`) {
		t.Fatalf("GET hash only: got %s %+v", res.Data, res.Errors)
	}
	res = c.post(map[string]any{"query": `{ actors { totalCount } __typename }`, "extensions": ext})
	if len(res.Errors) == 0 || !strings.Contains(res.Errors[0].Message, "hash does not match") {
		t.Fatalf("query not matching its hash: got %s %+v, want an error", res.Data, res.Errors)
	}
}

// countingStore counts the single-node reads that reach the store.
type countingStore struct {
	graph.Store
	actors, claims atomic.Int64
}

func (s *countingStore) FindActorByID(ctx context.Context, id string) (*graph.Actor, error) {
	s.actors.Add(1)
	return s.Store.FindActorByID(ctx, id)
}

func (s *countingStore) FindClaimByID(ctx context.Context, id string) (*graph.Claim, error) {
	s.claims.Add(1)
	return s.Store.FindClaimByID(ctx, id)
}

func TestBatching(t *testing.T) {
	roll := rollCall(100)
	s := &countingStore{Store: mustOpenStore(t)}
	c, _ := newServer(t, s, extractor(roll), resolvers.HandlerOptions{})
	c.ingest(roll)
	s.actors.Store(0)
	var d struct {
		Claims struct {
			Nodes []struct {
				Speaker struct {
					Name        string
					Affiliation *struct{ Name string }
				}
			}
		}
	}
	c.query(`{ claims(first: 100) { nodes { speaker { name affiliation { name } } } } }`, nil, &d)
	if len(d.Claims.Nodes) != 100 {
		t.Fatalf("got %d claims, want 100", len(d.Claims.Nodes))
	}
	for _, n := range d.Claims.Nodes {
		if n.Speaker.Name == "" {
			t.Fatal("a claim has no speaker")
		}
	}
	if got := s.actors.Load(); got != 3 {
		t.Errorf("100 claims by 3 speakers read %d actors, want 3", got)
	}
	if got := s.claims.Load(); got != 0 {
		t.Errorf("got %d claim reads, want 0", got)
	}
}

func TestSubscription(t *testing.T) {
	var arts []articleSpec
	for i := 0; i < 20; i++ {
		a := rollCall(1)
		a.text = strings.Replace(a.text, "mark 0", "mark "+strings.Repeat("I", i+1), 1)
		a.claims[0].content = strings.Replace(a.claims[0].content, "mark 0", "mark "+strings.Repeat("I", i+1), 1)
		a.claims[0].sentence = strings.Replace(a.claims[0].sentence, "mark 0", "mark "+strings.Repeat("I", i+1), 1)
		arts = append(arts, a)
	}
	c, _ := newServer(t, mustOpenStore(t), extractor(arts...), resolvers.HandlerOptions{})

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(c.srv.URL, "http")+"/query", &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	defer ws.CloseNow()
	send := func(v any) {
		b, _ := json.Marshal(v)
		if err := ws.Write(ctx, websocket.MessageText, b); err != nil {
			t.Fatalf("write: %v", err)
		}
	}
	type message struct {
		Type    string          `json:"type"`
		ID      string          `json:"id"`
		Payload json.RawMessage `json:"payload"`
	}
	msgs := make(chan message, 16)
	go func() {
		defer close(msgs)
		for {
			_, b, err := ws.Read(ctx)
			if err != nil {
				return
			}
			var m message
			if json.Unmarshal(b, &m) == nil {
				msgs <- m
			}
		}
	}()
	next := func(timeout time.Duration) (message, bool) {
		select {
		case m, ok := <-msgs:
			return m, ok
		case <-time.After(timeout):
			return message{}, false
		}
	}
	send(map[string]any{"type": "connection_init"})
	if m, ok := next(5 * time.Second); !ok || m.Type != "connection_ack" {
		t.Fatalf("got %+v, want connection_ack", m)
	}
	send(map[string]any{"type": "subscribe", "id": "1", "payload": map[string]any{
		"query": `subscription { claimAdded { text sentence speaker { name } article { title } } }`,
	}})
	// The subscription starts asynchronously: ingest new articles until
	// one's claim arrives.
	for i, a := range arts {
		c.ingest(a)
		m, ok := next(250 * time.Millisecond)
		for ok && m.Type == "ping" {
			m, ok = next(250 * time.Millisecond)
		}
		if !ok {
			continue
		}
		if m.Type != "next" || m.ID != "1" {
			t.Fatalf("got %s %s, want next", m.Type, m.Payload)
		}
		var p struct {
			Data struct {
				ClaimAdded struct {
					Text, Sentence string
					Speaker        struct{ Name string }
					Article        struct{ Title string }
				}
			}
		}
		if err := json.Unmarshal(m.Payload, &p); err != nil {
			t.Fatal(err)
		}
		got := p.Data.ClaimAdded
		want := arts[i].claims[0]
		if got.Text != want.content || got.Speaker.Name != want.speaker || got.Article.Title != "Roll call" {
			t.Fatalf("got %+v, want %q by %s", got, want.content, want.speaker)
		}
		return
	}
	t.Fatal("no claimAdded message after 20 ingests")
}

func mustGet(t *testing.T, u string) string {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", u, res.StatusCode)
	}
	return string(b)
}

func TestPages(t *testing.T) {
	c, _ := newServer(t, mustOpenStore(t), nil, resolvers.HandlerOptions{})
	external := regexp.MustCompile(`(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}`)
	for _, p := range []struct{ path, want string }{{"/", "graphiql"}, {"/graph", "cytoscape"}} {
		t.Run(p.path, func(t *testing.T) {
			html := mustGet(t, c.srv.URL+p.path)
			if m := external.FindString(html); m != "" {
				t.Errorf("page names an external URL: %s", m)
			}
			refs := regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(html, -1)
			loaded := false
			for _, r := range refs {
				if !strings.HasPrefix(r[1], "assets/") {
					continue
				}
				body := mustGet(t, c.srv.URL+"/"+r[1])
				if len(body) == 0 {
					t.Errorf("%s is empty", r[1])
				}
				if strings.HasSuffix(r[1], ".js") && strings.Contains(r[1], p.want) {
					loaded = true
				}
				if r[1] == "assets/playground.js" || r[1] == "assets/graph.js" {
					if m := external.FindString(body); m != "" {
						t.Errorf("%s names an external URL: %s", r[1], m)
					}
				}
			}
			if !loaded {
				t.Errorf("page loads no %s bundle from assets/", p.want)
			}
		})
	}
	if html := mustGet(t, c.srv.URL+"/"); !strings.Contains(html, "playground.js") {
		t.Error("the playground page does not load playground.js")
	}
	if js := mustGet(t, c.srv.URL+"/assets/playground.js"); !strings.Contains(js, "Kabul") {
		t.Error("the playground has no Kabul example query")
	}
	res, err := http.Get(c.srv.URL + "/assets/nope.js")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("missing asset: got status %d, want 404", res.StatusCode)
	}
}

// jsStrings joins the single-quoted JavaScript string literals in src, as
// the pages build their queries.
func jsStrings(src string) string {
	var b strings.Builder
	for _, s := range regexp.MustCompile(`'((?:[^'\\]|\\.)*)'`).FindAllStringSubmatch(src, -1) {
		b.WriteString(strings.NewReplacer(`\n`, "\n", `\'`, "'", `\\`, `\`).Replace(s[1]))
	}
	return b.String()
}

func TestPlaygroundExamples(t *testing.T) {
	c, _ := newServer(t, mustOpenStore(t), extractor(borderClash), resolvers.HandlerOptions{})
	c.ingest(borderClash)
	js := mustGet(t, c.srv.URL+"/assets/playground.js")
	tabs := regexp.MustCompile(`(?s)query: ('.*?'),\n\s*(?:variables|\})`).FindAllStringSubmatch(js, -1)
	if len(tabs) < 5 {
		t.Fatalf("found %d example queries in playground.js, want at least 5", len(tabs))
	}
	for _, tab := range tabs {
		q := jsStrings(tab[1])
		name := firstLine(strings.SplitN(q, "\n", 2)[1])
		t.Run(name, func(t *testing.T) {
			if strings.HasPrefix(name, "subscription") {
				t.Skip("subscriptions run over the websocket (TestSubscription)")
			}
			vars := map[string]any{}
			if strings.Contains(q, "$from") {
				vars = map[string]any{"from": gid(graph.ActorID("Islamabad")), "to": gid(graph.ActorID("Northern Front"))}
			}
			res := c.post(map[string]any{"query": q, "variables": vars})
			switch code := res.code(); code {
			case "", "INVALID", "NOT_FOUND":
			default:
				t.Errorf("got %s: %+v", code, res.Errors)
			}
		})
	}
}
