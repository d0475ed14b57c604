package input_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/cmd/claimgraph/internal/input"
	"github.com/claimgraph/claimgraph/graph"
)

// FuzzWalk feeds arbitrary bytes to the walker as standard input, where
// the format is told by content (text, Markdown, HTML, JSON Lines, RSS or
// Atom, any of them gzip-compressed). No input may panic or stop the walk
// with an error, and every item is either an error or an article whose
// text passes graph.ValidateText, located at "-".
func FuzzWalk(f *testing.F) {
	files, err := filepath.Glob("testdata/*")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`{"text":"Kabul said the road was shut.","publishedAt":"2024-05-01"}` + "\n"))
	zw.Close()
	f.Add(gz.Bytes())
	f.Add([]byte("# Title\n\nThe minister said \"no\".\n"))
	f.Add([]byte(`{"text":""}` + "\n{bad\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		w := &input.Walker{Stdin: bytes.NewReader(data)}
		n := 0
		err := w.Walk(context.Background(), []string{"-"}, func(it input.Item) error {
			n++
			if it.Loc == "" || it.Loc[0] != '-' {
				t.Fatalf("item %d located at %q, want \"-\"…", n, it.Loc)
			}
			if it.Err == nil {
				if err := graph.ValidateText(it.Article.Text); err != nil {
					t.Fatalf("item %s has no error but its text is invalid: %v", it.Loc, err)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("Walk: %v", err)
		}
	})
}
