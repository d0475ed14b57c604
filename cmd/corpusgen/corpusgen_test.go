package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

func TestGenerate_TxtAndJSONLAgree(t *testing.T) {
	dir := t.TempDir()
	const n = 300
	if err := run([]string{"-n", "300", "-seed", "7", "-out", filepath.Join(dir, "txt"), "-gold", filepath.Join(dir, "gold.jsonl")}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"-n", "300", "-seed", "7", "-format", "jsonl", "-out", filepath.Join(dir, "c.jsonl")}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, "c.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	var total int
	titles := map[string]bool{}
	for i := 0; sc.Scan(); i++ {
		var a jsonArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		txt, err := os.ReadFile(filepath.Join(dir, "txt", "0000", fmt.Sprintf("%07d.txt", i)))
		if err != nil {
			t.Fatal(err)
		}
		if a.Text != string(txt) {
			t.Fatalf("article %d: jsonl text differs from the .txt file", i)
		}
		if first, _, _ := strings.Cut(a.Text, "\n"); first != a.Title {
			t.Errorf("article %d: title %q is not the first line %q", i, a.Title, first)
		}
		if a.URL == "" || a.Publisher == "" || a.PublishedAt == "" {
			t.Errorf("article %d: missing metadata %+v", i, a)
		}
		total += len(a.Text)
		titles[a.Title] = true
	}
	if avg := total / n; avg < 3200 || avg > 4800 {
		t.Errorf("average size: got %d bytes, want about 4096", avg)
	}
	if len(titles) < n*9/10 {
		t.Errorf("got %d distinct titles in %d articles, want variety", len(titles), n)
	}
}

func TestGenerate_Deterministic(t *testing.T) {
	var a, b, c bytes.Buffer
	for _, tc := range []struct {
		seed string
		out  *bytes.Buffer
	}{{"3", &a}, {"3", &b}, {"4", &c}} {
		if err := run([]string{"-n", "50", "-seed", tc.seed, "-format", "jsonl", "-out", "-"}, tc.out, io.Discard); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("same seed gave different corpora")
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("different seeds gave the same corpus")
	}
}

func TestGold(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.jsonl")
	if err := run([]string{"-n", "200", "-out", filepath.Join(dir, "txt"), "-gold", gold}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(gold)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	kinds := map[string]int{}
	cues := map[string]bool{}
	direct := 0
	articles := 0
	for sc.Scan() {
		var g goldLine
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		articles++
		text, err := os.ReadFile(g.Article)
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Attributions) < 2 {
			t.Errorf("%s: %d attributions, want at least the lead's 2", g.Article, len(g.Attributions))
		}
		if !strings.HasPrefix(g.ID, "art_") {
			t.Errorf("%s: id %q", g.Article, g.ID)
		}
		for _, a := range g.Attributions {
			if got := string(text[a.Start:a.End]); got != a.Content {
				t.Fatalf("%s: text[%d:%d] is %q, want content %q", g.Article, a.Start, a.End, got, a.Content)
			}
			if a.Speaker == "" || a.Mention == "" || a.Cue == "" {
				t.Errorf("%s: incomplete attribution %+v", g.Article, a)
			}
			if a.Kind == "accuses" && a.Target == "" {
				t.Errorf("%s: accusation without target %+v", g.Article, a)
			}
			kinds[a.Kind]++
			cues[a.Cue] = true
			if a.Direct {
				direct++
			}
		}
	}
	if articles != 200 {
		t.Errorf("got %d gold lines, want 200", articles)
	}
	for _, k := range []string{"says", "accuses", "denies"} {
		if kinds[k] == 0 {
			t.Errorf("no %s attributions in 200 articles", k)
		}
	}
	for _, c := range []string{"said", "according to", "accused", "denied", "told", "reported", "added"} {
		if !cues[c] {
			t.Errorf("cue %q never used", c)
		}
	}
	if direct == 0 {
		t.Error("no direct quotes")
	}
}

// TestDensity checks -attributions: the default gives about as many
// extracted claims per 4 KB as real news (see the package comment), 0 only
// the two of the lead, and the old dense mix about twice the default.
func TestDensity(t *testing.T) {
	const n = 100
	perArticle := func(args ...string) (gold, claimsPer4K float64) {
		t.Helper()
		var out bytes.Buffer
		goldFile := filepath.Join(t.TempDir(), "gold.jsonl")
		args = append([]string{"-n", fmt.Sprint(n), "-format", "jsonl", "-out", "-", "-gold", goldFile}, args...)
		if err := run(args, &out, io.Discard); err != nil {
			t.Fatal(err)
		}
		var attrs, claims, size int
		sc := bufio.NewScanner(&out)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var a jsonArticle
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				t.Fatal(err)
			}
			x, err := extract.Extract(graph.Article{ID: graph.ArticleID(a.Text), Title: a.Title, Text: a.Text})
			if err != nil {
				t.Fatal(err)
			}
			claims += len(x.Claims)
			size += len(a.Text)
		}
		b, err := os.ReadFile(goldFile)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
			var g goldLine
			if err := json.Unmarshal(line, &g); err != nil {
				t.Fatal(err)
			}
			attrs += len(g.Attributions)
		}
		return float64(attrs) / n, float64(claims) / float64(size) * 4096
	}
	gold, dens := perArticle()
	if dens < 18 || dens > 26 {
		t.Errorf("default: got %.1f extracted claims per 4 KB, want 18 to 26 (real news)", dens)
	}
	if gold < 8 || gold > 18 {
		t.Errorf("default: got %.1f attributions per article, want 8 to 18", gold)
	}
	if gold, _ := perArticle("-attributions", "0"); gold != 2 {
		t.Errorf("-attributions 0: got %.1f attributions per article, want the lead's 2", gold)
	}
	if _, dense := perArticle("-attributions", "0.8125"); dense < 1.6*dens {
		t.Errorf("-attributions 0.8125: got %.1f claims per 4 KB, want about twice the default's %.1f", dense, dens)
	}
	if err := run([]string{"-n", "1", "-attributions", "1.5", "-out", "-", "-format", "jsonl"}, io.Discard, io.Discard); err == nil {
		t.Error("-attributions 1.5: got no error")
	}
}
