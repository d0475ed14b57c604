package resolvers_test

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/resolvers"
)

// Publication times of the fixture articles in these tests.
const (
	borderClashDate = "2026-03-01"
	riverTalksDate  = "2026-03-05T09:30:00+01:00"
)

// ingestDated ingests a with a publication time.
func (c *client) ingestDated(a articleSpec, publishedAt string) {
	c.t.Helper()
	c.query(ingestMutation, map[string]any{"in": map[string]any{
		"title": a.title, "publisher": a.publisher, "text": a.text, "publishedAt": publishedAt,
	}}, nil)
}

// datedServer serves a store holding borderClash and riverTalks, dated.
func datedServer(t *testing.T) *client {
	c, _ := newServer(t, mustOpenStore(t), extractor(borderClash, riverTalks), resolvers.HandlerOptions{})
	c.ingestDated(borderClash, borderClashDate)
	c.ingestDated(riverTalks, riverTalksDate)
	return c
}

// claimTexts is the shape of a claim list read by these tests.
type claimTexts struct {
	TotalCount int
	Nodes      []struct{ Text string }
	PageInfo   struct {
		HasNextPage, HasPreviousPage bool
		StartCursor, EndCursor       *string
	}
}

func (l claimTexts) texts() []string {
	out := make([]string, len(l.Nodes))
	for i, n := range l.Nodes {
		out[i] = n.Text
	}
	return out
}

const claimFields = `totalCount nodes { text } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`

// claims runs Query.claims with the given arguments (GraphQL text).
func (c *client) claims(args string, vars map[string]any) claimTexts {
	c.t.Helper()
	var d struct{ Claims claimTexts }
	q := `{ claims(` + args + `) { ` + claimFields + ` } }`
	if len(vars) > 0 {
		var decl []string
		for name := range vars {
			typ := "String"
			if name == "id" {
				typ = "ID"
			}
			decl = append(decl, "$"+name+": "+typ)
		}
		q = `query(` + strings.Join(decl, ", ") + `) { claims(` + args + `) { ` + claimFields + ` } }`
	}
	c.query(q, vars, &d)
	return d.Claims
}

func TestClaimFilters(t *testing.T) {
	c := datedServer(t)
	islamabad, kabul := gid(graph.ActorID("Islamabad")), gid(graph.ActorID("Kabul"))
	tests := []struct {
		name, args string
		vars       map[string]any
		want       []string // texts, in any order
	}{
		{"Target", `filter: {target: $id}`, map[string]any{"id": islamabad},
			[]string{"Islamabad of shelling border villages on Tuesday", "Islamabad of blocking the river talks"}},
		{"TargetOfDenial", `filter: {target: $id}`, map[string]any{"id": kabul}, []string{"the accusations"}},
		{"Publisher", `filter: {publisher: "harbor DAILY"}`, nil,
			[]string{"Islamabad of blocking the river talks", "the talks would resume in spring"}},
		{"PublishedAfter", `filter: {publishedAfter: "2026-03-02"}`, nil,
			[]string{"Islamabad of blocking the river talks", "the talks would resume in spring"}},
		{"PublishedBeforeInstant", `filter: {publishedBefore: "2026-03-05T08:30:00Z"}`, nil,
			[]string{"Islamabad of shelling border villages on Tuesday", "Our forces responded to the attacks within the hour.",
				"the accusations", "the Northern Front of smuggling weapons across the pass"}},
		{"Window", `filter: {publishedAfter: "2026-03-05T08:30:00Z", publishedBefore: "2026-03-06"}`, nil,
			[]string{"Islamabad of blocking the river talks", "the talks would resume in spring"}},
		{"Text", `filter: {text: "River TALK"}`, nil, []string{"Islamabad of blocking the river talks"}},
		{"TextStem", `filter: {text: "shelled"}`, nil, []string{"Islamabad of shelling border villages on Tuesday"}},
		{"TextPhrase", `filter: {text: "\"the talks\""}`, nil, []string{"the talks would resume in spring"}},
		{"TextAndSpeaker", `filter: {text: "talks", speaker: $id}`, map[string]any{"id": kabul},
			[]string{"Islamabad of blocking the river talks"}},
		{"KindAndPublisher", `filter: {kind: ACCUSES, publisher: "The Valley Courier"}`, nil,
			[]string{"Islamabad of shelling border villages on Tuesday", "the Northern Front of smuggling weapons across the pass"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := c.with(t).claims(tt.args, tt.vars)
			got := l.texts()
			if l.TotalCount != len(tt.want) || !sameSet(got, tt.want) {
				t.Errorf("got %d %q, want %q", l.TotalCount, got, tt.want)
			}
		})
	}

	t.Run("Nested", func(t *testing.T) {
		c := c.with(t)
		var d struct {
			Node struct {
				Says claimTexts
			}
		}
		c.query(`query($id: ID!) { node(id: $id) { ... on Actor { says(filter: {kind: ACCUSES, publishedAfter: "2026-03-02"}) { `+claimFields+` } } } }`,
			map[string]any{"id": kabul}, &d)
		if got := d.Node.Says.texts(); !sameSet(got, []string{"Islamabad of blocking the river talks"}) {
			t.Errorf("Kabul's accusations after March 2: got %q", got)
		}
		var a struct {
			Articles struct {
				TotalCount int
				Nodes      []struct {
					Title  string
					Claims claimTexts
				}
			}
		}
		c.query(`{ articles(first: 5, filter: {publishedBefore: "2026-03-02"}) { totalCount nodes { title claims(filter: {text: "forces"}) { `+claimFields+` } } } }`, nil, &a)
		if a.Articles.TotalCount != 1 || a.Articles.Nodes[0].Title != borderClash.title || a.Articles.Nodes[0].Claims.TotalCount != 1 {
			t.Errorf("articles before March 2 and their claims about forces: got %+v", a.Articles)
		}
	})

	t.Run("Errors", func(t *testing.T) {
		for _, tt := range []struct{ name, query, message string }{
			{"BadDate", `{ claims(filter: {publishedAfter: "last Tuesday"}) { totalCount } }`, `publishedAfter "last Tuesday" is not a date`},
			{"BadArticleDate", `{ articles(filter: {publishedBefore: "2026-02-30"}) { totalCount } }`, `publishedBefore "2026-02-30" is not a date`},
			{"NoWord", `{ claims(filter: {text: "the of"}) { totalCount } }`, "has no searchable word"},
			{"TargetNotActor", `{ claims(filter: {target: "` + gid(graph.SourceID("Valley Press Agency")) + `"}) { totalCount } }`, "is not the ID of an actor"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				res := c.with(t).queryErr(tt.query, nil)
				if res.code() != "INVALID" || !strings.Contains(res.Errors[0].Message, tt.message) {
					t.Errorf("got %+v, want INVALID containing %q", res.Errors, tt.message)
				}
			})
		}
	})
}

// sameSet reports whether a and b hold the same strings, in any order.
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	n := map[string]int{}
	for _, s := range a {
		n[s]++
	}
	for _, s := range b {
		if n[s]--; n[s] < 0 {
			return false
		}
	}
	return true
}

func TestOrderBy(t *testing.T) {
	c := datedServer(t)
	roll := rollCall(2) // undated
	c2, _ := newServer(t, mustOpenStore(t), extractor(borderClash, riverTalks, roll), resolvers.HandlerOptions{})
	border := []string{"Islamabad of shelling border villages on Tuesday", "Our forces responded to the attacks within the hour.",
		"the accusations", "the Northern Front of smuggling weapons across the pass"}
	river := []string{"Islamabad of blocking the river talks", "the talks would resume in spring"}

	t.Run("ClaimsByDate", func(t *testing.T) {
		c := c.with(t)
		l := c.claims(`orderBy: {field: PUBLISHED_AT}`, nil).texts()
		if len(l) != 6 || !sameSet(l[:4], border) || !sameSet(l[4:], river) {
			t.Errorf("oldest first: got %q, want the border clash's four claims, then the river talks' two", l)
		}
		l = c.claims(`orderBy: {field: PUBLISHED_AT, direction: DESC}`, nil).texts()
		if len(l) != 6 || !sameSet(l[:2], river) || !sameSet(l[2:], border) {
			t.Errorf("newest first: got %q", l)
		}
		l = c.claims(`orderBy: {field: ID, direction: DESC}`, nil).texts()
		asc := c.claims(`orderBy: {field: ID}`, nil).texts()
		for i := range asc {
			if l[len(l)-1-i] != asc[i] {
				t.Fatalf("ID DESC: got %q, want the reverse of %q", l, asc)
			}
		}
	})

	t.Run("Timeline", func(t *testing.T) {
		c := c.with(t)
		type says struct {
			Node struct{ Says claimTexts }
		}
		q := `query($id: ID!, $after: String) { node(id: $id) { ... on Actor {
  says(orderBy: {field: PUBLISHED_AT, direction: DESC}, first: 1, after: $after) { ` + claimFields + ` } } } }`
		var d says
		kabul := gid(graph.ActorID("Kabul"))
		c.query(q, map[string]any{"id": kabul}, &d)
		p := d.Node.Says
		if p.TotalCount != 3 || len(p.Nodes) != 1 || p.Nodes[0].Text != river[0] || !p.PageInfo.HasNextPage || p.PageInfo.HasPreviousPage {
			t.Fatalf("Kabul's latest claim: got %+v, want %q of 3 with a next page", p, river[0])
		}
		var when struct {
			Node struct {
				Says struct {
					Nodes []struct{ PublishedAt string }
				}
			}
		}
		c.query(`query($id: ID!) { node(id: $id) { ... on Actor { says(orderBy: {field: PUBLISHED_AT}, first: 1) { nodes { publishedAt } } } } }`,
			map[string]any{"id": kabul}, &when)
		if n := when.Node.Says.Nodes; len(n) != 1 || n[0].PublishedAt != borderClashDate {
			t.Errorf("Kabul's first claim: got %+v, want publishedAt %s", n, borderClashDate)
		}
		var rest says
		c.query(strings.Replace(q, "first: 1", "first: 10", 1), map[string]any{"id": kabul, "after": *p.PageInfo.EndCursor}, &rest)
		r := rest.Node.Says
		want := []string{border[0], border[3]}
		if got := r.texts(); !sameSet(got, want) || r.PageInfo.HasNextPage || !r.PageInfo.HasPreviousPage {
			t.Errorf("the rest of Kabul's timeline: got %q %+v, want %q", got, r.PageInfo, want)
		}
	})

	t.Run("Articles", func(t *testing.T) {
		c := c2.with(t)
		c.ingestDated(borderClash, borderClashDate)
		c.ingestDated(riverTalks, riverTalksDate)
		c.ingest(roll)
		var d struct {
			Articles struct {
				Nodes []struct {
					Title       string
					PublishedAt *string
					IngestedAt  *string
					DateSource  *string
				}
			}
		}
		c.query(`{ articles(orderBy: {field: PUBLISHED_AT, direction: DESC}) { nodes { title publishedAt ingestedAt dateSource } } }`, nil, &d)
		var got []string
		for _, n := range d.Articles.Nodes {
			got = append(got, n.Title)
			wantSource := "PUBLISHED"
			if n.Title == roll.title {
				wantSource = "INGESTED"
			}
			if n.DateSource == nil || *n.DateSource != wantSource || n.IngestedAt == nil || graph.DateKey(*n.IngestedAt) == "" {
				t.Errorf("%s: dateSource %v, ingestedAt %v; want %s and a time", n.Title, n.DateSource, n.IngestedAt, wantSource)
			}
		}
		// the undated roll call is ordered by the time it was ingested: now, after March 2026
		if want := []string{roll.title, riverTalks.title, borderClash.title}; strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("articles newest first: got %q, want %q (undated by ingest time)", got, want)
		}
		l := c.claims(`orderBy: {field: PUBLISHED_AT, direction: DESC}, first: 2`, nil)
		if !sameSet(l.texts(), []string{roll.claims[0].content, roll.claims[1].content}) || l.TotalCount != 8 {
			t.Errorf("claims newest first: got %+v, want the undated roll call's two first of 8", l)
		}
	})
}

// connectionAt walks a decoded response along path (field names) to a
// connection object.
func connectionAt(t *testing.T, data map[string]any, path []string) map[string]any {
	t.Helper()
	var v any = data
	for _, f := range path {
		switch x := v.(type) {
		case map[string]any:
			v = x[f]
		case []any: // a list of nodes: take the first
			if len(x) == 0 {
				t.Fatalf("empty list before %s", f)
			}
			v = x[0].(map[string]any)[f]
		}
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("no connection at %v in %v", path, data)
	}
	return m
}

// cursors returns the edge cursors of a connection and its page info.
func cursors(conn map[string]any) (cs []string, next, prev bool, start string) {
	for _, e := range conn["edges"].([]any) {
		cs = append(cs, e.(map[string]any)["cursor"].(string))
	}
	pi := conn["pageInfo"].(map[string]any)
	if s, ok := pi["startCursor"].(string); ok {
		start = s
	}
	return cs, pi["hasNextPage"].(bool), pi["hasPreviousPage"].(bool), start
}

func TestBackwardPages(t *testing.T) {
	c := datedServer(t)
	const page = `edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount`
	kabul, islamabad := gid(graph.ActorID("Kabul")), gid(graph.ActorID("Islamabad"))
	article := gid(graph.ArticleID(borderClash.text))
	vpa := gid(graph.SourceID("Valley Press Agency"))
	lists := []struct {
		name, query string // query holds ARGS where the paging arguments go
		vars        map[string]any
		path        []string
	}{
		{"Actors", `{ actors(ARGS) { ` + page + ` } }`, nil, []string{"actors"}},
		{"Claims", `{ claims(ARGS) { ` + page + ` } }`, nil, []string{"claims"}},
		{"ClaimsByDateDesc", `{ claims(orderBy: {field: PUBLISHED_AT, direction: DESC}, ARGS) { ` + page + ` } }`, nil, []string{"claims"}},
		{"ClaimsFiltered", `{ claims(filter: {kind: SAYS, publishedAfter: "2026-01-01"}, ARGS) { ` + page + ` } }`, nil, []string{"claims"}},
		{"Articles", `{ articles(ARGS) { ` + page + ` } }`, nil, []string{"articles"}},
		{"ArticlesByDate", `{ articles(orderBy: {field: PUBLISHED_AT}, ARGS) { ` + page + ` } }`, nil, []string{"articles"}},
		{"Sources", `{ sources(ARGS) { ` + page + ` } }`, nil, []string{"sources"}},
		{"Search", `{ search(query: "Islamabad talks", ARGS) { ` + page + ` } }`, nil, []string{"search"}},
		{"Says", `query($id: ID!) { node(id: $id) { ... on Actor { says(orderBy: {field: PUBLISHED_AT}, ARGS) { ` + page + ` } } } }`, map[string]any{"id": kabul}, []string{"node", "says"}},
		{"Accusations", `query($id: ID!) { node(id: $id) { ... on Actor { accusations(ARGS) { ` + page + ` } } } }`, map[string]any{"id": kabul}, []string{"node", "accusations"}},
		{"AccusedBy", `query($id: ID!) { node(id: $id) { ... on Actor { accusedBy(ARGS) { ` + page + ` } } } }`, map[string]any{"id": islamabad}, []string{"node", "accusedBy"}},
		{"Denials", `query($id: ID!) { node(id: $id) { ... on Actor { denials(ARGS) { ` + page + ` } } } }`, map[string]any{"id": islamabad}, []string{"node", "denials"}},
		{"ArticleClaims", `query($id: ID!) { node(id: $id) { ... on Article { claims(ARGS) { ` + page + ` } } } }`, map[string]any{"id": article}, []string{"node", "claims"}},
		{"Reports", `query($id: ID!) { node(id: $id) { ... on Source { reports(ARGS) { ` + page + ` } } } }`, map[string]any{"id": vpa}, []string{"node", "reports"}},
	}
	for _, l := range lists {
		t.Run(l.name, func(t *testing.T) {
			c := c.with(t)
			read := func(args string) map[string]any {
				t.Helper()
				var d map[string]any
				c.query(strings.Replace(l.query, "ARGS", args, 1), l.vars, &d)
				return connectionAt(t, d, l.path)
			}
			all, next, _, _ := cursors(read("first: 100"))
			if len(all) == 0 || next {
				t.Fatalf("forward: got %d items (next page %v), want some, all of them", len(all), next)
			}
			// Walk back from the end one at a time.
			var back []string
			before := ""
			for i := 0; ; i++ {
				args := "last: 1"
				if before != "" {
					args += `, before: "` + before + `"`
				}
				conn := read(args)
				cs, next, prev, start := cursors(conn)
				if int(conn["totalCount"].(float64)) != len(all) {
					t.Errorf("page %d: totalCount %v, want %d", i, conn["totalCount"], len(all))
				}
				if next != (before != "") {
					t.Errorf("page %d: hasNextPage %v, want %v", i, next, before != "")
				}
				back = append(cs, back...)
				if !prev || i > len(all) {
					break
				}
				before = start
			}
			if strings.Join(back, " ") != strings.Join(all, " ") {
				t.Errorf("backward: got %q, want %q", back, all)
			}
			// A forward page from a cursor read backward continues it.
			if len(all) > 1 {
				cs, _, prev, _ := cursors(read(`first: 1, after: "` + all[0] + `"`))
				if len(cs) != 1 || cs[0] != all[1] || !prev {
					t.Errorf("after the first: got %q (previous %v), want %q", cs, prev, all[1])
				}
			}
			// last: 0 says whether anything is there.
			cs, next, prev, _ := cursors(read("last: 0"))
			if len(cs) != 0 || !prev || next {
				t.Errorf("last: 0: got %q, next %v, previous %v; want nothing, previous true", cs, next, prev)
			}
		})
	}

	t.Run("Errors", func(t *testing.T) {
		for _, tt := range []struct{ name, args, message string }{
			{"FirstAndLast", `first: 2, last: 2`, "first and last cannot be used together"},
			{"FirstAndBefore", `first: 2, before: "` + encodeTestCursor("clm_x") + `"`, "before pages backward: use it with last, not first"},
			{"LastAndAfter", `last: 2, after: "` + encodeTestCursor("clm_x") + `"`, "after pages forward: use it with first, not last"},
			{"LastOver100", `last: 101`, "last must be at most 100, got 101"},
			{"LastNegative", `last: -1`, "last must not be negative, got -1"},
			{"BadBefore", `last: 1, before: "nonsense"`, "is not a valid cursor"},
			{"BeforeUnknownInTimeline", `orderBy: {field: PUBLISHED_AT}, last: 1, before: "` + encodeTestCursor("clm_000000000000000000000000") + `"`, "cursor names no item of this list"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				res := c.with(t).queryErr(`{ claims(`+tt.args+`) { totalCount } }`, nil)
				if res.code() != "INVALID" || !strings.Contains(res.Errors[0].Message, tt.message) {
					t.Errorf("got %+v, want INVALID containing %q", res.Errors, tt.message)
				}
			})
		}
	})

	t.Run("Complexity", func(t *testing.T) {
		res := c.with(t).queryErr(`{ actors(last: 100) { nodes { says(last: 100) { nodes { text sentence } } } } }`, nil)
		if res.code() != "COMPLEXITY_LIMIT_EXCEEDED" {
			t.Errorf("got %+v, want a complexity error for last: 100 nested", res.Errors)
		}
	})
}

// encodeTestCursor makes a cursor as the API does, for error tests.
func encodeTestCursor(token string) string {
	return base64.RawURLEncoding.EncodeToString([]byte("cursor:" + token))
}

func TestProvenance(t *testing.T) {
	c := datedServer(t)
	type prov struct {
		Sentence, Cue                string
		Start, End, CueStart, CueEnd int
		PublishedAt                  *string
		Article                      *struct{ Title string }
	}
	const fields = `sentence cue start end cueStart cueEnd publishedAt article { title }`
	// check compares p with the claim of spec a whose content is content.
	check := func(t *testing.T, what string, p prov, a articleSpec, date, content string) {
		t.Helper()
		var cs claimSpec
		for _, c := range a.claims {
			if c.content == content {
				cs = c
			}
		}
		start := strings.Index(a.text, cs.sentence) + strings.Index(cs.sentence, content)
		cue := strings.Index(a.text, cs.sentence) + strings.Index(cs.sentence, cs.cue)
		if p.Sentence != cs.sentence || p.Cue != cs.cue || p.Start != start || p.End != start+len(content) ||
			p.CueStart != cue || p.CueEnd != cue+len(cs.cue) || p.PublishedAt == nil || *p.PublishedAt != date ||
			p.Article == nil || p.Article.Title != a.title {
			t.Errorf("%s: got %+v, want the sentence %q, cue %q at %d, content at %d, %s, %q", what, p, cs.sentence, cs.cue, cue, start, date, a.title)
		}
		if a.text[p.Start:p.End] != content || a.text[p.CueStart:p.CueEnd] != cs.cue {
			t.Errorf("%s: offsets %d-%d and %d-%d do not hold %q and %q", what, p.Start, p.End, p.CueStart, p.CueEnd, content, cs.cue)
		}
	}
	var d struct {
		Node struct {
			AccusedBy struct {
				Nodes []struct {
					prov
					Accuser struct{ Name string }
				}
			}
			Denials struct{ Nodes []prov }
		}
	}
	c.query(`query($id: ID!) { node(id: $id) { ... on Actor {
  accusedBy(first: 10) { nodes { accuser { name } `+fields+` } }
  denials(first: 10) { nodes { `+fields+` } } } } }`, map[string]any{"id": gid(graph.ActorID("Islamabad"))}, &d)
	if n := len(d.Node.AccusedBy.Nodes); n != 2 {
		t.Fatalf("got %d accusations of Islamabad, want 2", n)
	}
	for _, a := range d.Node.AccusedBy.Nodes {
		if strings.Contains(a.Sentence, "river talks") {
			check(t, "accusation in the river talks", a.prov, riverTalks, riverTalksDate, "Islamabad of blocking the river talks")
		} else {
			check(t, "accusation in the border clash", a.prov, borderClash, borderClashDate, "Islamabad of shelling border villages on Tuesday")
		}
	}
	if len(d.Node.Denials.Nodes) == 0 {
		t.Fatal("Islamabad has no denials")
	}
	for _, p := range d.Node.Denials.Nodes {
		check(t, "denial", p, borderClash, borderClashDate, "the accusations")
	}

	var r struct {
		Claims struct {
			Nodes []struct {
				Relations []prov
			}
		}
	}
	c.query(`{ claims(filter: {text: "forces"}) { nodes { relations { `+fields+` } } } }`, nil, &r)
	if len(r.Claims.Nodes) != 1 || len(r.Claims.Nodes[0].Relations) == 0 {
		t.Fatalf("got %+v, want one claim with relations", r.Claims)
	}
	check(t, "hop", r.Claims.Nodes[0].Relations[0], borderClash, borderClashDate, "Our forces responded to the attacks within the hour.")
}
