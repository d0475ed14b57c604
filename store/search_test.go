package store

import (
	"fmt"
	"maps"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

func TestTokens(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Pakistan's accusations", []string{"pakistan", "accus"}},
		{"Pakistan accused", []string{"pakistan", "accus"}},
		{"the policies of the Taliban", []string{"", "polici", "", "", "taliban"}},
		{"a policy", []string{"", "polici"}},
		{"rigged rigging rigs RIG", []string{"rig", "rig", "rig", "rig"}},
		{"elections, elected", []string{"elect", "elect"}},
		{"Don’t say “militias”!", []string{"dont", "say", "militia"}},
		{"Kabul, 2024: 12 killed", []string{"kabul", "2024", "12", "kill"}},
		{"glass bus status", []string{"glass", "bus", "status"}},
		{"ذبیح‌الله مجاهد", []string{"ذبیح", "الله", "مجاهد"}},
		{"", nil},
	} {
		var got []string
		for _, tok := range tokens(tt.text) {
			got = append(got, tok.term)
			if tok.start < 0 || tok.end > len(tt.text) || tok.start >= tok.end {
				t.Errorf("tokens(%q): bad offsets %d..%d", tt.text, tok.start, tok.end)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("tokens(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestTermCounter checks that a termCounter, reused across texts, counts
// as termFreqs does: short texts (scanned), one with more distinct terms
// than termScan (looked up in a map), repeats, stopwords and apostrophes.
func TestTermCounter(t *testing.T) {
	var many strings.Builder
	for i := range 3 * termScan {
		fmt.Fprintf(&many, "word%d the Word%d's ", i%(2*termScan), i)
	}
	var c termCounter
	for _, text := range []string{
		"Pakistan's accusations and the policies of the Taliban",
		"the of and",
		"",
		many.String(),
		"Don’t say “militias”! Militias, militia; MILITIAS.",
		many.String()[:200],
	} {
		want, wantN := termFreqs(text)
		tf, n := c.count(text)
		got := map[string]int{}
		for _, x := range tf {
			if _, dup := got[x.term]; dup {
				t.Errorf("%.30q: term %q counted twice", text, x.term)
			}
			got[x.term] = x.n
		}
		if n != wantN || !maps.Equal(got, want) {
			t.Errorf("%.30q: counted %v (%d), want %v (%d)", text, got, n, want, wantN)
		}
	}
}

func TestSnippet(t *testing.T) {
	q := map[string]bool{term("border"): true, term("closes"): true}
	if got, want := snippet("Asif said the border would stay closed.", q), "Asif said the **border** would stay **closed**."; got != want {
		t.Errorf("short snippet: got %q, want %q", got, want)
	}
	long := strings.Repeat("Officials spoke at length about many things. ", 10) +
		"Then the border was closed for the night. " + strings.Repeat("Nothing else happened there. ", 10)
	got := snippet(long, q)
	if !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("long snippet %q: want … at both ends", got)
	}
	if !strings.Contains(got, "the **border** was **closed** for") {
		t.Errorf("long snippet %q: want the match in bold", got)
	}
	if n := len(got); n > snippetBytes+20 {
		t.Errorf("long snippet is %d bytes, want about %d", n, snippetBytes)
	}
	// Cut at words, never inside a rune.
	multi := strings.Repeat("ملی ", 100) + "border " + strings.Repeat("ملی ", 100)
	if got := snippet(multi, q); !strings.Contains(got, "**border**") || !strings.HasPrefix(got, "…ملی") {
		t.Errorf("snippet of non-Latin text: %q", got)
	}
	if got := snippet("no match here", q); got != "no match here" {
		t.Errorf("snippet without a match: %q", got)
	}
}

func TestTopHits(t *testing.T) {
	scores := map[string]float64{"clm_a": 1, "clm_b": 3, "act_c": 2, "clm_d": 2, "clm_e": 0.5}
	var all []string
	after, score := "", 0.0
	for range 5 {
		hits, more := topHits(maps.All(scores), 2, after, score)
		for _, h := range hits {
			all = append(all, h.ID)
		}
		if len(hits) == 0 || !more {
			break
		}
		after, score = hits[len(hits)-1].ID, hits[len(hits)-1].Score
	}
	if want := []string{"clm_b", "act_c", "clm_d", "clm_a", "clm_e"}; !reflect.DeepEqual(all, want) {
		t.Errorf("paged hits %v, want %v", all, want)
	}
	hits, _ := topHits(maps.All(scores), 1, "", 0)
	if hits[0].Kind != "claim" {
		t.Errorf("kind of %s: %s", hits[0].ID, hits[0].Kind)
	}
	hits, _ = topHits(maps.All(scores), 5, "clm_b", 3)
	if hits[0].Kind != "actor" {
		t.Errorf("kind of %s: %s", hits[0].ID, hits[0].Kind)
	}
}

func TestEdgeKeys(t *testing.T) {
	e := &graph.Edge{Kind: graph.EdgeAccuses, From: "act_1", To: "act_2", Claim: "clm_3"}
	for _, k := range [][]byte{edgeKey(e), revKey(e), edgeClaimKey(e)} {
		got, ok := edgeFromKey(k)
		if !ok || !reflect.DeepEqual(got, e) {
			t.Errorf("edgeFromKey(%q) = %v, %v; want %v", k, got, ok, e)
		}
	}
	if _, ok := edgeFromKey(nodeKey("act_1")); ok {
		t.Error("edgeFromKey decoded a node key")
	}
	tf, dl := parsePosting(posting(3, 17))
	if tf != 3 || dl != 17 {
		t.Errorf("posting round trip: %d, %d", tf, dl)
	}
}

func FuzzSnippet(f *testing.F) {
	f.Add("Asif said the border would stay closed.", "border")
	f.Add(strings.Repeat("ملی ", 100)+"border", "border")
	f.Add("Pakistan’s accusations", "accusation")
	f.Fuzz(func(t *testing.T, text, query string) {
		if !utf8.ValidString(text) {
			return
		}
		q := map[string]bool{}
		for _, tok := range tokens(query) {
			if tok.term != "" {
				q[tok.term] = true
			}
		}
		for _, tok := range tokens(text) {
			if tok.start < 0 || tok.end > len(text) || tok.start >= tok.end {
				t.Fatalf("token %q: bad offsets %d..%d", tok.term, tok.start, tok.end)
			}
		}
		s := snippet(text, q)
		if !utf8.ValidString(s) {
			t.Fatalf("snippet %q of %q is not valid UTF-8", s, text)
		}
		plain := strings.TrimSuffix(strings.TrimPrefix(strings.ReplaceAll(s, "**", ""), "…"), "…")
		if !strings.Contains(text, strings.TrimSpace(plain)) && !strings.Contains(text, "**") && !strings.Contains(text, "…") {
			t.Fatalf("snippet %q is not a piece of %q", s, text)
		}
	})
}

// BenchmarkTermCounter compares folding a claim's words afresh (termFreqs)
// with a termCounter that remembers them, as indexClaim uses.
func BenchmarkTermCounter(b *testing.B) {
	texts := []string{
		"that prices had risen by 33 percent since January",
		"Pellanaria of hiding the scale of the outbreak in Sarordal",
		"Nobody in this government was informed in advance, there is no military solution to this dispute",
	}
	b.Run("termFreqs", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			termFreqs(texts[i%len(texts)])
		}
	})
	b.Run("termCounter", func(b *testing.B) {
		var c termCounter
		for i := 0; b.Loop(); i++ {
			c.count(texts[i%len(texts)])
		}
	})
}

func TestParseQuery(t *testing.T) {
	for _, tt := range []struct {
		query   string
		terms   []string
		phrases [][]string
	}{
		{"rigged election", []string{"rig", "elect"}, nil},
		{`"rigged election"`, []string{"rig", "elect"}, [][]string{{"rig", "elect"}}},
		{`Trump “rigged the election” polls`, []string{"trump", "rig", "elect", "poll"}, [][]string{{"rig", "=the", "elect"}}},
		{`"rigged`, []string{"rig"}, nil},
		{`"rigged election`, []string{"rig", "elect"}, [][]string{{"rig", "elect"}}},
		{`"the of" border`, []string{"border"}, nil},
		{`""`, nil, nil},
	} {
		q := parseQuery(tt.query)
		if !reflect.DeepEqual(q.terms, tt.terms) || !reflect.DeepEqual(q.phrases, tt.phrases) {
			t.Errorf("parseQuery(%q) = %q, %q; want %q, %q", tt.query, q.terms, q.phrases, tt.terms, tt.phrases)
		}
	}
}

func TestHasPhrase(t *testing.T) {
	for _, tt := range []struct {
		text, phrase string
		want         bool
	}{
		{"He said the election was rigged.", "election was rigged", true},
		{"He said the election was rigged.", "rigged election", false},
		{"a rigged election, he said", "rigged election", true},
		{"Rigging elections is a crime", "rigged election", true},
		{"rigged, election", "rigged election", true},
		{"the rigged and stolen election", "rigged election", false},
		{"rigged the election", "rigged a election", false},
		{"rigged the election", "rigged the election", true},
		{"rigged", "rigged election", false},
	} {
		q := parseQuery(`"` + tt.phrase + `"`)
		if got := q.hasPhrases(tt.text); got != tt.want {
			t.Errorf("%q has phrase %q: got %v, want %v", tt.text, tt.phrase, got, tt.want)
		}
	}
}
