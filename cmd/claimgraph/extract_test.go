package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// runCLI runs the claimgraph command line in process.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestExtractCommandJSON(t *testing.T) {
	text := "Harbour Talks Stall\n\nForeign Minister Elena Marsh said, \"We will not accept a blockade.\"\n"
	code, out, errs := runCLI(t, "extract", "--format", "json", writeFile(t, "a.txt", []byte(text)))
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var x graph.Extraction
	if err := json.Unmarshal([]byte(out), &x); err != nil {
		t.Fatalf("output is not the extraction JSON: %v\n%s", err, out)
	}
	if x.Article.Title != "Harbour Talks Stall" || x.Article.ID != graph.ArticleID(text) {
		t.Errorf("article = %+v, want the title line and the content ID", x.Article)
	}
	// The contract requires every key, even when a list is empty.
	var raw map[string]json.RawMessage
	json.Unmarshal([]byte(out), &raw)
	for _, k := range []string{"article", "actors", "sources", "claims", "edges"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("output lacks %q", k)
		}
	}
	if len(x.Claims) == 0 {
		t.Fatal("no claim extracted from a direct quote")
	}
	c := x.Claims[0]
	if got := text[c.Start:c.End]; got != c.Text || !strings.Contains(got, "We will not accept a blockade") {
		t.Errorf("claim text %q at [%d,%d) = %q", c.Text, c.Start, c.End, got)
	}
	if text[c.CueStart:c.CueEnd] != "said" {
		t.Errorf("cue offsets point at %q, want said", text[c.CueStart:c.CueEnd])
	}
	if c.SpeakerStart == nil || !strings.Contains(text[*c.SpeakerStart:*c.SpeakerEnd], "Elena Marsh") {
		t.Errorf("speaker offsets do not point at Elena Marsh: %v %v", c.SpeakerStart, c.SpeakerEnd)
	}
}

func TestExtractCommandBadInput(t *testing.T) {
	big := bytes.Repeat([]byte("The minister said nothing at all. "), 50<<20/34+1) // about 50 MB
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"Empty", nil, "empty"},
		{"Blank", []byte("\n \n"), "empty"},
		{"Binary", []byte("GIF89a\x00\x01\x02\x03"), "binary"},
		{"InvalidUTF8", []byte("Title\n\nThe mayor said caf\xe9 was closed."), "UTF-8"},
		{"FiftyMB", big, "limit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, "extract", writeFile(t, "bad.txt", tc.data))
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if out != "" {
				t.Errorf("printed output for bad input: %.200s", out)
			}
			if !strings.Contains(errs, tc.want) || strings.Contains(errs, "panic") {
				t.Errorf("stderr %q does not mention %q", errs, tc.want)
			}
		})
	}
}

func TestExtractCommandUsage(t *testing.T) {
	if code, _, _ := runCLI(t, "extract"); code != 2 {
		t.Errorf("no file: exit %d, want 2", code)
	}
	if code, _, errs := runCLI(t, "extract", "--format", "xml", writeFile(t, "a.txt", []byte("x said y"))); code != 1 || !strings.Contains(errs, "format") {
		t.Errorf("bad format: exit %d, stderr %q", code, errs)
	}
	if code, _, errs := runCLI(t, "extract", filepath.Join(t.TempDir(), "missing.txt")); code != 1 || !strings.Contains(errs, "no such file") {
		t.Errorf("missing file: exit %d, stderr %q", code, errs)
	}
	if code, _, _ := runCLI(t, "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}
