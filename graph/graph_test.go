package graph_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

func TestNameKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"The Saudi Foreign Ministry's", "saudi foreign ministry"},
		{"  saudi   foreign\tministry ", "saudi foreign ministry"},
		{"Agence France-Presse", "agence france presse"},
		{"U.S.", "u s"},
		{"Pakistan\u2019s", "pakistan"},
		{"Theodore", "theodore"},
		{"", ""},
	} {
		if got := graph.NameKey(tc.in); got != tc.want {
			t.Errorf("NameKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIDs(t *testing.T) {
	if graph.ActorID("The Kremlin") != graph.ActorID("kremlin") {
		t.Error("actor IDs differ for names with the same key")
	}
	if graph.ActorID("Pakistani Taliban") == graph.ActorID("Taliban") {
		t.Error("look-alike names share an actor ID")
	}
	if a, b := graph.ArticleID("one"), graph.ArticleID("one"); a != b || !strings.HasPrefix(a, graph.PrefixArticle) {
		t.Errorf("ArticleID not stable or unprefixed: %q %q", a, b)
	}
	if graph.ClaimID("a", 1, 2, 3) == graph.ClaimID("a", 1, 2, 4) {
		t.Error("claims at different cues share an ID")
	}
}

func TestValidateText(t *testing.T) {
	for _, tc := range []struct {
		name, text, code string
	}{
		{"OK", "Title\n\nThe mayor said it rained.", ""},
		{"Empty", "", graph.EINVALID},
		{"Blank", " \n\t\n", graph.EINVALID},
		{"Binary", "abc\x00def", graph.EINVALID},
		{"BadUTF8", "caf\xe9 au lait", graph.EINVALID},
		{"TooLarge", strings.Repeat("a", graph.MaxArticleBytes+1), graph.ETOOLARGE},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := graph.ValidateText(tc.text)
			if got := graph.ErrorCode(err); got != tc.code {
				t.Fatalf("code = %q, want %q (err %v)", got, tc.code, err)
			}
		})
	}
}

func TestErrorCode(t *testing.T) {
	wrapped := fmt.Errorf("loading: %w", graph.Errorf(graph.ENOTFOUND, "actor %s not found", "x"))
	if got := graph.ErrorCode(wrapped); got != graph.ENOTFOUND {
		t.Errorf("ErrorCode = %q, want %q", got, graph.ENOTFOUND)
	}
	if got := graph.ErrorMessage(wrapped); got != "actor x not found" {
		t.Errorf("ErrorMessage = %q", got)
	}
	plain := errors.New("disk on fire")
	if graph.ErrorCode(plain) != graph.EINTERNAL || graph.ErrorMessage(plain) != "internal error" {
		t.Error("plain errors must be internal with a hidden message")
	}
	if graph.ErrorCode(nil) != "" {
		t.Error("nil error has a code")
	}
}

// sample builds a small valid extraction: Lunaria's ministry accuses Borduria.
func sample() *graph.Extraction {
	text := "Lunaria accuses Borduria of shelling the port, the ministry said."
	art := graph.Article{ID: graph.ArticleID(text), Text: text}
	lun := &graph.Actor{ID: graph.ActorID("Lunaria"), Name: "Lunaria", Kind: graph.ActorGovernment, Aliases: []string{"Selva"}}
	bor := &graph.Actor{ID: graph.ActorID("Borduria"), Name: "Borduria", Kind: graph.ActorGovernment}
	c := &graph.Claim{ID: graph.ClaimID(art.ID, 16, 46, 8), Article: art.ID, Speaker: lun.ID,
		Text: text[16:46], Start: 16, End: 46, Sentence: text, Cue: "accuses", CueStart: 8, CueEnd: 15}
	return &graph.Extraction{
		Article: art,
		Actors:  []*graph.Actor{lun, bor},
		Claims:  []*graph.Claim{c},
		Edges: []*graph.Edge{
			{Kind: graph.EdgeSays, From: lun.ID, To: c.ID, Claim: c.ID, Article: art.ID},
			{Kind: graph.EdgeAccuses, From: lun.ID, To: bor.ID, Claim: c.ID, Article: art.ID},
		},
	}
}

func TestValidate(t *testing.T) {
	if err := sample().Validate(); err != nil {
		t.Fatalf("valid extraction rejected: %v", err)
	}
	for _, tc := range []struct {
		name   string
		break_ func(x *graph.Extraction)
	}{
		{"WrongArticleID", func(x *graph.Extraction) { x.Article.ID = "art_x" }},
		{"UnknownActorKind", func(x *graph.Extraction) { x.Actors[0].Kind = "ALIEN" }},
		{"OffsetsOutside", func(x *graph.Extraction) { x.Claims[0].End = 999 }},
		{"DanglingEdge", func(x *graph.Extraction) { x.Edges[1].To = "act_missing" }},
		{"AccusesClaim", func(x *graph.Extraction) { x.Edges[1].To = x.Claims[0].ID }},
		{"UnknownEdgeKind", func(x *graph.Extraction) { x.Edges[0].Kind = "likes" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := sample()
			tc.break_(x)
			if code := graph.ErrorCode(x.Validate()); code != graph.EINVALID {
				t.Fatalf("code = %q, want %q", code, graph.EINVALID)
			}
		})
	}
}

// sampleDenial is sample with Borduria's denial of the accusation: a
// second claim whose denies edge goes to the accuser and names the
// accusation as the denied claim.
func sampleDenial() *graph.Extraction {
	x := sample()
	x.Article.Text += " Borduria denied it."
	x.Article.ID = graph.ArticleID(x.Article.Text)
	for _, c := range x.Claims {
		c.Article = x.Article.ID
	}
	for _, e := range x.Edges {
		e.Article = x.Article.ID
	}
	bor, lun, acc := x.Actors[1], x.Actors[0], x.Claims[0]
	d := &graph.Claim{ID: graph.ClaimID(x.Article.ID, 82, 84, 75), Article: x.Article.ID, Speaker: bor.ID,
		Text: "it", Start: 82, End: 84, Sentence: "Borduria denied it.", Cue: "denied", CueStart: 75, CueEnd: 81}
	x.Claims = append(x.Claims, d)
	x.Edges = append(x.Edges,
		&graph.Edge{Kind: graph.EdgeSays, From: bor.ID, To: d.ID, Claim: d.ID, Article: x.Article.ID},
		&graph.Edge{Kind: graph.EdgeDenies, From: bor.ID, To: lun.ID, Claim: d.ID, Article: x.Article.ID, Denied: acc.ID})
	return x
}

func TestValidateDenied(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(x *graph.Extraction)
		// want is the error code; "" for a valid extraction.
		want string
	}{
		{"ToActorDeniedClaim", func(x *graph.Extraction) {}, ""},
		{"ToClaimDeniedClaim", func(x *graph.Extraction) { x.Edges[3].To = x.Claims[0].ID }, ""},
		{"NoDenied", func(x *graph.Extraction) { x.Edges[3].Denied = "" }, ""},
		{"DeniedUnknownClaim", func(x *graph.Extraction) { x.Edges[3].Denied = "clm_missing" }, graph.EINVALID},
		{"DeniedNamesActor", func(x *graph.Extraction) { x.Edges[3].Denied = x.Actors[0].ID }, graph.EINVALID},
		{"DeniedOnAccuses", func(x *graph.Extraction) { x.Edges[1].Denied = x.Claims[0].ID }, graph.EINVALID},
		{"DeniedOnSays", func(x *graph.Extraction) { x.Edges[2].Denied = x.Claims[0].ID }, graph.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := sampleDenial()
			tc.change(x)
			err := x.Validate()
			if code := graph.ErrorCode(err); code != tc.want {
				t.Fatalf("got code %q (%v), want %q", code, err, tc.want)
			}
		})
	}
}

func TestDeniedClaimAndAnswers(t *testing.T) {
	x := sampleDenial()
	acc, den := x.Edges[1], x.Edges[3]
	for _, tc := range []struct {
		name        string
		change      func(e *graph.Edge)
		wantClaim   string
		wantAnswers bool
	}{
		{"Denied", func(e *graph.Edge) {}, x.Claims[0].ID, true},
		{"ToClaim", func(e *graph.Edge) { e.Denied, e.To = "", x.Claims[0].ID }, x.Claims[0].ID, true},
		{"DeniedWins", func(e *graph.Edge) { e.To = "clm_other" }, x.Claims[0].ID, true},
		{"SameArticleActors", func(e *graph.Edge) { e.Denied = "" }, "", true},
		{"OtherArticle", func(e *graph.Edge) { e.Denied, e.Article = "", "art_other" }, "", false},
		{"OtherAccuser", func(e *graph.Edge) { e.Denied, e.To = "", graph.ActorID("Syldavia") }, "", false},
		{"OtherClaim", func(e *graph.Edge) { e.Denied, e.To = "clm_other", "" }, "clm_other", false},
		{"OtherClaimSameActors", func(e *graph.Edge) { e.Denied = "clm_other" }, "clm_other", false},
		{"NotADenial", func(e *graph.Edge) { e.Kind = graph.EdgeAccuses }, "", false},
		{"ToOwnClaim", func(e *graph.Edge) { e.Denied, e.To = "", e.Claim }, "", false},
		{"DeniedOwnClaim", func(e *graph.Edge) { e.Denied = e.Claim }, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := *den
			tc.change(&e)
			if got := e.DeniedClaim(); got != tc.wantClaim {
				t.Errorf("DeniedClaim() = %q, want %q", got, tc.wantClaim)
			}
			if got := e.Answers(acc); got != tc.wantAnswers {
				t.Errorf("Answers() = %v, want %v", got, tc.wantAnswers)
			}
		})
	}
}

// actorsBy returns an ActorLookup that finds the actor f names (by its
// name) and knows no actor's names.
func actorsBy(f func(key string) string) graph.ActorLookup {
	return graph.ActorLookup{Find: func(k string) ([]string, bool) {
		if id := f(k); id != "" {
			return []string{id}, true
		}
		return nil, false
	}}
}

func TestResolve(t *testing.T) {
	x := sample()
	// A stored actor already answers to "Selva", an alias of Lunaria here.
	stored := map[string]string{graph.NameKey("Selva"): "act_stored"}
	remap := graph.Resolve(x, actorsBy(func(k string) string { return stored[k] }), func(string) string { return "" })
	if remap[graph.ActorID("Lunaria")] != "act_stored" {
		t.Fatalf("remap = %v, want Lunaria mapped to act_stored", remap)
	}
	if x.Actors[0].ID != "act_stored" || x.Claims[0].Speaker != "act_stored" {
		t.Errorf("actor or claim speaker not rewritten: %+v %+v", x.Actors[0], x.Claims[0])
	}
	for _, e := range x.Edges {
		if e.From != "act_stored" {
			t.Errorf("%s edge from %q, want act_stored", e.Kind, e.From)
		}
	}
	if x.Edges[1].To != graph.ActorID("Borduria") {
		t.Errorf("accused rewritten to %q", x.Edges[1].To)
	}
	if err := x.Validate(); err != nil {
		t.Errorf("resolved extraction invalid: %v", err)
	}
}

func TestResolveKeepsAnonymousApart(t *testing.T) {
	x := sample()
	x.Actors[0].Kind = graph.ActorAnonymous
	remap := graph.Resolve(x, actorsBy(func(string) string { return "act_other" }), func(string) string { return "" })
	if _, ok := remap[x.Actors[0].ID]; ok {
		t.Error("anonymous actor merged across articles")
	}
}

func TestResolveMergesActorsThatMeet(t *testing.T) {
	x := sample()
	stored := map[string]string{"lunaria": "act_one", "borduria": "act_one"}
	graph.Resolve(x, actorsBy(func(k string) string { return stored[k] }), func(string) string { return "" })
	if len(x.Actors) != 1 {
		t.Fatalf("got %d actors, want 1", len(x.Actors))
	}
	if got := strings.Join(x.Actors[0].Aliases, ","); got != "Borduria,Selva" {
		t.Errorf("aliases = %q, want Borduria,Selva", got)
	}
}

func TestGenericName(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"report", true},
		{"the report", true},
		{"The report", true},
		{"Report", true},
		{"emails", true},
		{"Emails", true},
		{"a statement", true},
		{"statement from the ministry", true},
		{"the lawsuit", true},
		{"court documents", true},
		{"UN report", false},
		{"the UN report", false},
		{"a Pentagon report", false},
		{"report by the State Audit Office", false},
		{"the Mueller report", false},
		{"the 2016 report", false},
		{"AFP", false},
		{"Reuters", false},
		{"", false},
		{"the", false},
	} {
		if got := graph.GenericName(tc.name); got != tc.want {
			t.Errorf("GenericName(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
	if graph.GenericSource(&graph.Source{Name: "Reuters", Kind: graph.SourceAgency}) {
		t.Error("an agency is generic")
	}
}

// TestResolveScopesGenericSources checks that a generic source takes the
// ID of its article's, never a stored source's, while a named one still
// resolves by name, and not by a generic alias.
func TestResolveScopesGenericSources(t *testing.T) {
	x := sample()
	report := &graph.Source{ID: graph.SourceID("report"), Name: "report", Kind: graph.SourceDocument}
	un := &graph.Source{ID: graph.SourceID("UN report"), Name: "UN report", Kind: graph.SourceDocument, Aliases: []string{"the report"}}
	memo := &graph.Source{ID: graph.SourceID("Audit Office memo"), Name: "Audit Office memo", Kind: graph.SourceDocument, Aliases: []string{"memo"}}
	x.Sources = []*graph.Source{report, un, memo}
	c := x.Claims[0]
	x.Edges = append(x.Edges,
		&graph.Edge{Kind: graph.EdgeReports, From: report.ID, To: c.ID, Claim: c.ID},
		&graph.Edge{Kind: graph.EdgeReports, From: un.ID, To: c.ID, Claim: c.ID})
	stored := map[string]string{"report": "src_other_report", "un report": "src_stored_un", "memo": "src_other_memo"}
	graph.Resolve(x, actorsBy(func(string) string { return "" }), func(k string) string { return stored[k] })
	if want := graph.ArticleSourceID("report", x.Article.ID); report.ID != want || x.Edges[2].From != want {
		t.Errorf("generic source: id %s, edge from %s; want both %s", report.ID, x.Edges[2].From, want)
	}
	if report.ID == graph.ArticleSourceID("report", graph.ArticleID("another text")) {
		t.Error("generic sources of two articles share an ID")
	}
	if un.ID != "src_stored_un" || x.Edges[3].From != "src_stored_un" {
		t.Errorf("named source: id %s, edge from %s; want src_stored_un", un.ID, x.Edges[3].From)
	}
	if memo.ID != graph.SourceID("Audit Office memo") {
		t.Errorf("named source resolved by its generic alias: id %s", memo.ID)
	}
}

func TestMergeNames(t *testing.T) {
	for _, tc := range []struct {
		name          string
		aliases, more []string
		want          []string
	}{
		{"Kabul", nil, nil, nil},
		{"Kabul", []string{"the Taliban government"}, []string{"Kabul", "Islamic Emirate"},
			[]string{"Islamic Emirate", "the Taliban government"}},
		// Same key as the name or as an earlier alias: dropped.
		{"Pakistan", []string{"Islamabad", "islamabad"}, []string{"PAKISTAN", "Pakistan's"},
			[]string{"Islamabad"}},
		// Names with an empty key carry nothing to resolve on.
		{"Kabul", []string{"", "  "}, []string{"..."}, nil},
	} {
		got := graph.MergeNames(tc.name, tc.aliases, tc.more)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("MergeNames(%q, %q, %q) = %q, want %q", tc.name, tc.aliases, tc.more, got, tc.want)
		}
	}
	// The key decides what counts as the same name.
	byLength := func(s string) string { return fmt.Sprint(len(s)) }
	got := graph.MergeNamesBy(byLength, "abc", []string{"xyz", "ab"}, "cd", "efgh")
	if want := "[ab efgh]"; fmt.Sprint(got) != want {
		t.Errorf("MergeNamesBy(length) = %q, want %s", got, want)
	}
}

// TestIDValues pins IDs to their definition (the first 12 bytes of the
// SHA-256 of the parts, each followed by a NUL byte, in hex; values computed
// with Python's hashlib): stored databases name their nodes by them.
func TestIDValues(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{graph.ArticleID("Kabul denies.\n"), "art_8b0802e544cee8b06bc48e7c"},
		{graph.ActorID("The Saudi Foreign Ministry's"), "act_2085c1f78f66cc67888db60c"},
		{graph.SourceID("Agence France-Presse"), "src_8201f0fc9a122516a8c0c3cd"},
		{graph.ClaimID("art_0123", 1200, 1400, 1190), "clm_c3825d1424f20dfaf5cdb1f1"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %s, want %s", tc.got, tc.want)
		}
	}
}

func TestClaimSpan(t *testing.T) {
	art := "Intro. Defense spokesman Omar Haidari said, \"Our forces responded.\" More."
	sent := "Defense spokesman Omar Haidari said, \"Our forces responded.\""
	content := "Our forces responded."
	start := strings.Index(art, content)
	cue := strings.Index(art, "said")
	sp := strings.Index(art, "Omar Haidari")
	c := &graph.Claim{Text: content, Sentence: sent, Start: start, End: start + len(content), Cue: "said", CueStart: cue, CueEnd: cue + 4}
	for _, tt := range []struct {
		name       string
		c          *graph.Claim
		start, end int
		want       string
		ok         bool
	}{
		{"Speaker", c, sp, sp + len("Omar Haidari"), "Omar Haidari", true},
		{"Content", c, start, start + len(content), content, true},
		{"BeforeSentence", c, 0, 5, "", false},
		{"CueMismatch", &graph.Claim{Text: content, Sentence: sent, Start: start, Cue: "added", CueStart: cue, CueEnd: cue + 5}, sp, sp + 4, "", false},
		{"ContentNotInSentence", &graph.Claim{Text: "elsewhere", Sentence: sent, Start: start}, sp, sp + 4, "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.c.Span(tt.start, tt.end)
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %q, %v; want %q, %v", got, ok, tt.want, tt.ok)
			}
			if ok && got != graph.ArticleSpan(art, tt.start, tt.end) {
				t.Errorf("span %q differs from the article's %q", got, graph.ArticleSpan(art, tt.start, tt.end))
			}
		})
	}
}

func TestMention(t *testing.T) {
	pak := &graph.Actor{Name: "Pakistani government", Aliases: []string{"Islamabad", "Pakistan"}}
	for _, tt := range []struct {
		text string
		a    *graph.Actor
		want string
	}{
		{"Kabul accused ISLAMABAD of shelling.", pak, "ISLAMABAD"},
		{"Kabul accused the Pakistani government and Islamabad.", pak, "Pakistani government"},
		{"Kabul accused Pakistanis of shelling.", pak, ""},
		{"Kabul accused them of shelling.", pak, ""},
		{"Kabul accused them.", nil, ""},
	} {
		if got := graph.Mention(tt.text, tt.a); got != tt.want {
			t.Errorf("Mention(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
