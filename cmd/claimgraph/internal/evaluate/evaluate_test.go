package evaluate

import (
	"context"
	"github.com/claimgraph/claimgraph/graph"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ name, in, fold, foldName string }{
		{"quotes and space", "  \u201cHe\u2019s\tGONE\u201d \n", `"he's gone"`, `he's gone`},
		{"leading the", "The Port Authority", "the port authority", "port authority"},
		{"possessive", "The Saudi Foreign Ministry\u2019s", "the saudi foreign ministry's", "saudi foreign ministry"},
		{"trailing punctuation", "Mr. Reyl.", "mr. reyl.", "mr. reyl"},
		{"the only once", "the the band", "the the band", "the band"},
		{"unicode white space", "a\u00a0\u2003b\x1cc", "a b c", "a b c"},
		{"dotted capital I", "\u0130stanbul", "i\u0307stanbul", "i\u0307stanbul"},
		{"final sigma", "\u039f\u0394\u039f\u03a3 \u039f\u0394\u039f\u03a3.", "\u03bf\u03b4\u03bf\u03c2 \u03bf\u03b4\u03bf\u03c2.", "\u03bf\u03b4\u03bf\u03c2 \u03bf\u03b4\u03bf\u03c2"},
		{"lone sigma", "\u03a3", "\u03c3", "\u03c3"},
		{"empty", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Fold(tc.in); got != tc.fold {
				t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.fold)
			}
			if got := FoldName(tc.in); got != tc.foldName {
				t.Errorf("FoldName(%q) = %q, want %q", tc.in, got, tc.foldName)
			}
		})
	}
}

func TestPyRepr(t *testing.T) {
	for in, want := range map[string]string{
		"plain":         `'plain'`,
		"it's":          `"it's"`,
		`say "it's"`:    `'say "it\'s"'`,
		"a\tb\\c\n":     `'a\tb\\c\n'`,
		"\u201cq\u201d": "'\u201cq\u201d'",
		"nb\u00a0sp":    `'nb\xa0sp'`,
		"\x7f\u200b":    `'\x7f\u200b'`,
	} {
		if got := pyRepr(in); got != want {
			t.Errorf("pyRepr(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestRound3(t *testing.T) {
	for in, want := range map[float64]float64{0.1875: 0.188, 0.0625: 0.062, 0.0015: 0.002, 0.9995: 1, 10.0 / 13: 0.769, 6.0 / 13: 0.462} {
		if got := Round3(in); got != want {
			t.Errorf("Round3(%v) = %v, want %v", in, got, want)
		}
	}
}

func TestTokens(t *testing.T) {
	// \w is letters, numbers and underscore; a combining mark ends a word.
	text := NewText("Zo\u00eb said x\u0301y snake_case 42\u00bd!")
	for _, tc := range []struct {
		name  string
		spans []Span
		want  []int
	}{
		{"all", []Span{{0, text.Len()}}, []int{0, 4, 9, 11, 13, 24}},
		{"cut inside a word", []Span{{1, 6}}, []int{1, 4}},
		{"two spans", []Span{{0, 3}, {9, 12}}, []int{0, 9, 11}},
		{"clamped", []Span{{-5, 2}, {24, 100}}, []int{0, 24}},
		{"reversed", []Span{{6, 2}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := text.tokens(tc.spans)
			want := tokens{}
			for _, k := range tc.want {
				want[k] = struct{}{}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

func TestCharOffset(t *testing.T) {
	// Z o ë(2 bytes) “(3 bytes) a; bytes 0 1 2-3 4-6 7; length 8.
	text := NewText("Zo\u00eb\u201ca")
	for in, want := range map[int]int{-1: 0, 0: 0, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 4, 8: 5, 99: 5} {
		if got := text.CharOffset(in); got != want {
			t.Errorf("CharOffset(%d) = %d, want %d", in, got, want)
		}
	}
	// Python reads text files with universal newlines.
	if got := NewText("a\r\nb\rc").Slice(0, 10); got != "a\nb\nc" {
		t.Errorf("newlines: got %q", got)
	}
}

func TestDice(t *testing.T) {
	a, b := tokens{1: {}, 2: {}, 3: {}}, tokens{3: {}}
	if got := dice(a, b); got != 0.5 {
		t.Errorf("dice = %v, want 0.5", got)
	}
	if got := dice(tokens{}, tokens{}); got != 1 {
		t.Errorf("dice of empty sets = %v, want 1", got)
	}
}

func TestParseAnn(t *testing.T) {
	ann := "T1\tSource 10 17\tcritics\n" +
		"T2\tCue 18 24\targued\r\n" +
		"T3\tContent 0 8;26 39\tThe plan fails on cost\n" +
		"#1\tAnnotatorNotes T3\tignored\n" +
		"E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n" +
		"E2\tAttribution:T9 Cue:T2 Content2:T3 Source1:T1\n"
	got, err := ParseAnn(strings.NewReader(ann))
	if err != nil {
		t.Fatal(err)
	}
	e1 := Attribution{Cue: []Span{{18, 24}}, Source: []Span{{10, 17}}, Content: []Span{{0, 8}, {26, 39}}}
	if want := []Attribution{e1, e1}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if _, err := ParseAnn(strings.NewReader("E1\tCue:T1:x\n")); err == nil {
		t.Error("bad argument: got no error")
	}
}

func TestMatch(t *testing.T) {
	// Words at character offsets: alpha 0, beta 6, gamma 11, delta 17,
	// eps 23, zeta 27.
	text := NewText("alpha beta gamma delta eps zeta")
	sp := func(a, b int) []Span { return []Span{{a, b}} }
	gold := []Attribution{
		{Cue: sp(6, 10), Source: sp(0, 5), Content: sp(11, 31)},    // cue beta, content gamma..zeta
		{Cue: sp(23, 26), Source: nil, Content: sp(27, 31)},        // cue eps, content zeta
		{Cue: sp(100, 100), Source: sp(0, 5), Content: sp(17, 26)}, // no cue; delta eps
	}
	pred := []Attribution{
		{Cue: sp(6, 10), Source: sp(0, 3), Content: sp(27, 31)},    // same cue, poor content
		{Cue: sp(6, 10), Source: sp(0, 5), Content: sp(11, 26)},    // same cue: loses the tie to 0; wins gold 2 by content
		{Cue: sp(0, 0), Source: nil, Content: sp(17, 31)},          // content ties with 1 for gold 2 and loses
		{Cue: sp(23, 26), Source: sp(17, 22), Content: sp(27, 31)}, // cue eps
	}
	m := Match(gold, pred, text)
	// Pairs: gold 0 with pred 0 (source overlaps, content Dice 0.4), gold 1
	// with pred 3 (pred has a source, gold none; content equal), gold 2 with
	// pred 1 (source and content, Dice 0.8).
	want := Counts{Gold: 3, Predicted: 4, Attribution: 3, Source: 2, Content: 2, Triple: 1}
	if m.Counts != want {
		t.Errorf("counts: got %+v, want %+v", m.Counts, want)
	}
	if wantPairs := [][2]int{{0, 0}, {1, 3}, {2, 1}}; !reflect.DeepEqual(m.Pairs, wantPairs) {
		t.Errorf("pairs: got %v, want %v", m.Pairs, wantPairs)
	}
}

func TestSplitCommand(t *testing.T) {
	for in, want := range map[string][]string{
		"./claimgraph extract --format json": {"./claimgraph", "extract", "--format", "json"},
		`'/tmp/my dir/x' "a \"b\" \c" d\ e`:  {"/tmp/my dir/x", `a "b" \c`, "d e"},
		`a"b c"d ''`:                         {"ab cd", ""},
		"  ":                                 nil,
	} {
		got, err := SplitCommand(in)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("SplitCommand(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{`"open`, `'open`, `end\`} {
		if _, err := SplitCommand(in); err == nil {
			t.Errorf("SplitCommand(%q): got no error", in)
		}
	}
}

// TestCommandArgs checks that the arguments built for one article do not
// share memory with another's: Command's extractor runs on several
// goroutines, and appending to a command line with spare capacity made
// them write the same element (a data race that could run the command
// on another goroutine's article).
func TestCommandArgs(t *testing.T) {
	argv, err := SplitCommand("sh -c 'cat \"$0\"'")
	if err != nil {
		t.Fatal(err)
	}
	argv = slices.Grow(argv, 4) // spare capacity, as append leaves
	a := commandArgs(argv, "a.txt")
	b := commandArgs(argv, "b.txt")
	if want := []string{"-c", `cat "$0"`, "a.txt"}; !reflect.DeepEqual(a, want) {
		t.Errorf("arguments for a.txt after building b.txt's: %q, want %q", a, want)
	}
	if want := []string{"-c", `cat "$0"`, "b.txt"}; !reflect.DeepEqual(b, want) {
		t.Errorf("arguments for b.txt: %q, want %q", b, want)
	}
}

func TestDecodeExtraction(t *testing.T) {
	x, err := DecodeExtraction([]byte(`{"claims": [
		{"id": "a", "start": 1.9, "end": "7", "cueStart": 2, "speakerStart": 3, "speakerEnd": null},
		{"id": "b", "start": 4, "end": 9, "cueStart": 0, "cueEnd": 3, "speakerStart": 5, "speakerEnd": 6}]}`))
	if err != nil {
		t.Fatal(err)
	}
	a, b := x.Claims[0], x.Claims[1]
	if a.Start != 1 || a.End != 7 || a.CueStart != 0 || a.CueEnd != 0 || a.SpeakerStart != nil {
		t.Errorf("claim a: got %+v", a)
	}
	if b.CueEnd != 3 || b.SpeakerStart == nil || *b.SpeakerStart != 5 || *b.SpeakerEnd != 6 {
		t.Errorf("claim b: got %+v", b)
	}
	if _, err := DecodeExtraction([]byte(`{"claims": [{"start": "x"}]}`)); err == nil {
		t.Error("bad offset: got no error")
	}
}

// The fixtures under testdata are fictional articles with hand-written
// annotations and extractions (FILE.extraction.json); the expected numbers
// were worked out by hand, see testdata/README.
func TestRunGold(t *testing.T) {
	r, err := RunGold(context.Background(), "testdata/gold", fixtureExtractor, Options{Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if r.Required != 5 || r.Found != 4 || r.Predicted != 8 || r.Good != 5 || r.Checks != 5 || r.FailedChecks != 4 {
		t.Errorf("totals: got %+v", r)
	}
	var b strings.Builder
	if err := r.WriteText(&b, false); err != nil {
		t.Fatal(err)
	}
	want := `council.txt: recall 1/1 precision 1/2 entity checks -1/2
    entity check failed: distinct: Reyl / council / mayor's office
    entity check failed: distinct: Reyl / council / mayor's office
    entity check failed: distinct: Reyl / council / mayor's office
harbour.txt: recall 3/4 precision 4/6 entity checks 2/3
    entity check failed: distinct: Corvia / Velmora
micro precision 0.625 recall 0.800 F1 0.702; entity checks 1/5
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	r.WriteText(&b, true)
	for _, line := range []string{
		"harbour.gold.json\n    missed  denies   'Corvia' -> '-'  [Corvia denied the accusation]\n",
		"    extra   says     'City Council' -> 'the mayor of hiding debts'  [The council accused the mayor of hiding debts.]\n",
	} {
		if !strings.Contains(b.String(), line) {
			t.Errorf("--show output lacks %q:\n%s", line, b.String())
		}
	}
}

func TestRunGoldExtractFails(t *testing.T) {
	fail := func(_ context.Context, path string) (*graph.Extraction, error) {
		return nil, &ExtractError{Path: path, Message: "boom"}
	}
	_, err := RunGold(context.Background(), "testdata/gold", fail, Options{})
	if err == nil || !strings.Contains(err.Error(), "extract failed on testdata/gold/council.txt: boom") {
		t.Errorf("got %v, want the first article's failure", err)
	}
}

func TestRunPolNeAR(t *testing.T) {
	r, err := RunPolNeAR(context.Background(), "testdata/polnear", fixtureExtractor, Options{Jobs: 3})
	if err != nil {
		t.Fatal(err)
	}
	want := Counts{Gold: 6, Predicted: 7, Attribution: 5, Source: 3, Content: 5, Triple: 3}
	if r.Total != want || r.Documents != 3 || r.Failed != 1 {
		t.Errorf("got %+v, %d documents, %d failed; want %+v, 3, 1", r.Total, r.Documents, r.Failed, want)
	}
	if r.Docs[0].Annotation != "testdata/polnear/attributions/doc-a_1a2b.ann" {
		t.Errorf("doc-a scored against %s, want the first annotator's file", r.Docs[0].Annotation)
	}
	// doc-a: 3 gold, 5 predicted, all gold matched; one prediction
	// without a speaker.
	if got, want := r.Docs[0].Counts, (Counts{Gold: 3, Predicted: 5, Attribution: 3, Source: 2, Content: 3, Triple: 2}); got != want {
		t.Errorf("doc-a: got %+v, want %+v", got, want)
	}
	var b strings.Builder
	r.WriteText(&b, 5)
	wantText := `doc-c: extract failed: no extraction fixture for doc-c.txt
3 documents, 6 gold and 7 predicted attributions, 1 failed
F1  attribution 0.769  source 0.462  content 0.769  triple 0.462
`
	if b.String() != wantText {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), wantText)
	}
}

func TestDetect(t *testing.T) {
	if !IsGoldDir("testdata/gold") || IsPolNeARDir("testdata/gold") {
		t.Error("testdata/gold: want a gold folder only")
	}
	if !IsPolNeARDir("testdata/polnear") || IsGoldDir("testdata/polnear") {
		t.Error("testdata/polnear: want a PolNeAR folder only")
	}
}

func FuzzParseAnn(f *testing.F) {
	f.Add("T1\tSource 0 5\tabcde\nE1\tCue:T1 Source:T1\n")
	f.Add("T1\tCue 3 1;2\tx\n")
	f.Fuzz(func(t *testing.T, ann string) {
		as, err := ParseAnn(strings.NewReader(ann))
		if err != nil {
			return
		}
		// Whatever the spans, matching against any text must not panic.
		text := NewText("a short text")
		Match(as, as, text)
	})
}

func FuzzSplitCommand(f *testing.F) {
	f.Add(`a 'b c' "d \" e" f\ g`)
	f.Fuzz(func(t *testing.T, s string) {
		SplitCommand(s)
	})
}
