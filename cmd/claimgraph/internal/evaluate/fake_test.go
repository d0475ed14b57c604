package evaluate

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// fakeEnv turns the test binary into a fake extract command. Set to
// "1", it prints fakeExtract's JSON for the file named by its argument; set
// to "fixture", it prints the hand-written FILE.extraction.json beside the
// file, failing when there is none. The parity tests hand the test binary to
// the Python scorers this way, so they do not depend on the real extractor.
const fakeEnv = "CLAIMGRAPH_EVALUATE_FAKE_EXTRACT"

func TestMain(m *testing.M) {
	switch os.Getenv(fakeEnv) {
	case "1":
		os.Exit(fakeMain(os.Args[1:]))
	case "fixture":
		os.Exit(fixtureMain(os.Args[1:]))
	}
	os.Exit(m.Run())
}

func fixtureMain(args []string) int {
	if len(args) != 1 {
		fmt.Fprintln(os.Stderr, "usage: fixture FILE")
		return 2
	}
	data, err := os.ReadFile(args[0] + ".extraction.json")
	if err != nil {
		fmt.Fprintf(os.Stderr, "  no extraction fixture for %s\n", filepath.Base(args[0]))
		return 3
	}
	os.Stdout.Write(data)
	return 0
}

// fixtureExtractor is fixtureMain as an in-process Extractor.
func fixtureExtractor(_ context.Context, path string) (*graph.Extraction, error) {
	data, err := os.ReadFile(path + ".extraction.json")
	if err != nil {
		return nil, &ExtractError{Path: path, Message: "no extraction fixture for " + filepath.Base(path)}
	}
	return DecodeExtraction(data)
}

func fakeMain(args []string) int {
	if len(args) != 1 {
		fmt.Fprintln(os.Stderr, "usage: fake FILE")
		return 2
	}
	data, err := os.ReadFile(args[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if strings.Contains(string(data), "FAKE-FAIL") {
		fmt.Fprintln(os.Stderr, "  fake failure requested  ")
		return 3
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(fakeExtract(string(data))); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// fakeExtractor is fakeExtract as an in-process Extractor.
func fakeExtractor(_ context.Context, path string) (*graph.Extraction, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if strings.Contains(string(data), "FAKE-FAIL") {
		return nil, &ExtractError{Path: path, Message: "fake failure requested"}
	}
	// Round-trip through JSON, as the command does.
	b, err := json.Marshal(fakeExtract(string(data)))
	if err != nil {
		return nil, err
	}
	return DecodeExtraction(b)
}

var fakeCues = []string{" said", " says", " told", " according to", " reported", " accused", " denied", " added", " believes", " announced", " claimed", " warned"}

var fakePronouns = map[string]bool{"He": true, "She": true, "They": true, "he": true, "she": true, "they": true}

// fakeExtract is a deterministic, deliberately crude extractor: one claim
// per sentence with a cue word, the capitalised words before the cue as
// speaker, quoted text (or the rest of the sentence) as content. Some
// offsets fall inside multi-byte characters and some claims have no
// speaker, so the scorers' byte-to-character conversion and empty spans
// are exercised.
func fakeExtract(text string) *graph.Extraction {
	x := &graph.Extraction{
		Article: graph.Article{ID: graph.ArticleID(text)},
		Actors:  []*graph.Actor{}, Sources: []*graph.Source{}, Claims: []*graph.Claim{}, Edges: []*graph.Edge{},
	}
	actors := map[string]*graph.Actor{}
	actor := func(name string, kind graph.ActorKind) *graph.Actor {
		id := graph.ActorID(name)
		if a, ok := actors[id]; ok {
			return a
		}
		a := &graph.Actor{ID: id, Name: name, Kind: kind}
		if f := strings.Fields(name); len(f) > 1 {
			a.Aliases = []string{f[len(f)-1]}
		}
		actors[id] = a
		x.Actors = append(x.Actors, a)
		return a
	}
	var last *graph.Actor
	var agency *graph.Source
	for _, sent := range fakeSentences(text) {
		s, e := sent[0], sent[1]
		sentence := text[s:e]
		cue, at := "", -1
		for _, c := range fakeCues {
			if i := strings.Index(sentence, c); i >= 0 && (at < 0 || i < at) {
				cue, at = c, i
			}
		}
		if at < 0 {
			continue
		}
		n := len(x.Claims)
		cueStart := s + at + 1
		cueEnd := cueStart + len(cue) - 1
		// Speaker: capitalised words right before the cue.
		spStart, spEnd := -1, -1
		i := cueStart - 1
		for i > s {
			j := strings.LastIndexAny(text[s:i], " ,\n") + s + 1
			if j <= s {
				j = s
			}
			w := text[j:i]
			r, _ := utf8.DecodeRuneInString(w)
			if w == "" || !unicode.IsUpper(r) || (spStart >= 0 && fakePronouns[w]) {
				break
			}
			if spEnd < 0 {
				spEnd = i
			}
			spStart = j
			if fakePronouns[w] || j == s || text[j-1] != ' ' {
				break
			}
			i = j - 1
		}
		var speaker *graph.Actor
		switch {
		case spStart < 0:
			speaker = actor("unnamed source", graph.ActorAnonymous)
		case fakePronouns[text[spStart:spEnd]] && last != nil:
			speaker = last
		default:
			speaker = actor(text[spStart:spEnd], graph.ActorPerson)
			last = speaker
		}
		// Content: the first quotation after the cue, else the rest.
		start, end := cueEnd, e
		rest := text[cueEnd:e]
		if q := strings.IndexAny(rest, "\"\u201c"); q >= 0 {
			start = cueEnd + q
			_, size := utf8.DecodeRuneInString(text[start:])
			if c := strings.IndexAny(text[start+size:e], "\"\u201d"); c >= 0 {
				end = start + size + c
			}
			if n%4 == 3 {
				start++ // inside the quote character when it is multi-byte
			} else {
				start += size
			}
		} else {
			start += len(strings.TrimRight(rest, " ,.:;")) - len(strings.TrimLeft(strings.TrimRight(rest, " ,.:;"), " ,:"))
			if strings.HasPrefix(text[start:], "that ") {
				start += len("that ")
			}
		}
		if strings.TrimSpace(text[start:end]) == "" && spStart > s {
			start, end = s, spStart
		}
		c := &graph.Claim{
			ID: graph.ClaimID(x.Article.ID, start, end, cueStart), Article: x.Article.ID, Speaker: speaker.ID,
			Text: text[start:end], Start: start, End: end, Sentence: sentence,
			Cue: text[cueStart:cueEnd], CueStart: cueStart, CueEnd: cueEnd, Direct: start != cueEnd,
		}
		if spStart >= 0 && n%5 != 4 {
			a, b := spStart, spEnd
			c.SpeakerStart, c.SpeakerEnd = &a, &b
		}
		x.Claims = append(x.Claims, c)
		x.Edges = append(x.Edges, &graph.Edge{Kind: graph.EdgeSays, From: speaker.ID, To: c.ID, Claim: c.ID})
		switch strings.TrimSpace(cue) {
		case "accused":
			if f := strings.Fields(text[cueEnd:e]); len(f) > 0 {
				target := actor(strings.Trim(f[0], ",.;:"), graph.ActorGovernment)
				x.Edges = append(x.Edges, &graph.Edge{Kind: graph.EdgeAccuses, From: speaker.ID, To: target.ID, Claim: c.ID})
			}
		case "denied":
			x.Edges = append(x.Edges, &graph.Edge{Kind: graph.EdgeDenies, From: speaker.ID, To: c.ID, Claim: c.ID})
		}
		if strings.Contains(sentence, "News Agency") || strings.Contains(sentence, "AFP") || strings.Contains(sentence, "Reuters") {
			if agency == nil {
				agency = &graph.Source{ID: graph.SourceID("French News Agency"), Name: "French News Agency", Kind: graph.SourceAgency, Aliases: []string{"AFP"}}
				x.Sources = append(x.Sources, agency)
			}
			x.Edges = append(x.Edges, &graph.Edge{Kind: graph.EdgeReports, From: agency.ID, To: c.ID, Claim: c.ID})
		}
	}
	return x
}

// fakeSentences splits text at ". ", "? ", "! " and line ends, returning
// byte ranges without the final white space.
func fakeSentences(text string) [][2]int {
	var out [][2]int
	s := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		end := -1
		switch {
		case c == '\n':
			end = i
		case (c == '.' || c == '?' || c == '!') && (i+1 == len(text) || text[i+1] == ' '):
			end = i + 1
		}
		if end < 0 && i+1 < len(text) {
			continue
		}
		if end < 0 {
			end = len(text)
		}
		for s < end && text[s] == ' ' {
			s++
		}
		if end > s {
			out = append(out, [2]int{s, end})
		}
		s = end + 1
		if c == '.' || c == '?' || c == '!' {
			s = end
		}
	}
	return out
}
