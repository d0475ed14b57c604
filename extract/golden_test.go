package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current output")

// TestGolden extracts every testdata/<case>.txt and compares the result with
// testdata/<case>.golden.json (the article text left out).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.txt cases")
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			x := mustExtract(t, string(data))
			x.Article.Text = ""
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(x); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("output differs from %s (run go test ./extract -update and review the diff):\n%s", golden, firstDiff(buf.String(), string(want)))
			}
		})
	}
}

// firstDiff shows the first differing line of got and want.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n got  " + a + "\n want " + b
		}
	}
	return ""
}

// FuzzExtract checks that no input panics and that every offset of a valid
// article lies inside the text and matches the claim's fields.
func FuzzExtract(f *testing.F) {
	f.Add(sampleArticle)
	f.Add(`"Split," he said, "quote."`)
	f.Add("\u201cUnclosed quote\n\n\u201cnext paragraph")
	f.Add("''Double,'' said Mr. Smith (D-N.Y.), a senator.")
	f.Add("X: \u2015 \"\" according to , said")
	// the project's own articles: the golden cases and the demo
	seeds, _ := filepath.Glob("testdata/*.txt")
	demo, _ := filepath.Glob("../cmd/claimgraph/demo/*.txt")
	for _, name := range append(seeds, demo...) {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, text string) {
		x, err := Extract(graph.Article{Text: text})
		if err != nil {
			if graph.ValidateText(text) == nil {
				t.Fatalf("Extract failed on valid text: %v", err)
			}
			return
		}
		if err := x.Validate(); err != nil {
			t.Fatalf("Validate: %v", err)
		}
		n := len(text)
		for _, c := range x.Claims {
			if c.Start < 0 || c.End < c.Start || c.End > n || c.CueStart < 0 || c.CueEnd < c.CueStart || c.CueEnd > n {
				t.Fatalf("claim offsets out of range: %+v", c)
			}
			if text[c.Start:c.End] != c.Text {
				t.Fatalf("text[start:end] = %q, claim text %q", text[c.Start:c.End], c.Text)
			}
			if text[c.CueStart:c.CueEnd] != c.Cue {
				t.Fatalf("text[cueStart:cueEnd] = %q, cue %q", text[c.CueStart:c.CueEnd], c.Cue)
			}
			if (c.SpeakerStart == nil) != (c.SpeakerEnd == nil) {
				t.Fatalf("one speaker offset without the other")
			}
			if c.SpeakerStart != nil && (*c.SpeakerStart < 0 || *c.SpeakerEnd < *c.SpeakerStart || *c.SpeakerEnd > n) {
				t.Fatalf("speaker offsets out of range: %d %d", *c.SpeakerStart, *c.SpeakerEnd)
			}
			if !utf8.ValidString(c.Text) || !strings.Contains(text, c.Sentence) {
				t.Fatalf("claim sentence is not part of the text")
			}
		}
	})
}
