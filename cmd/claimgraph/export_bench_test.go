package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/claimgraph/claimgraph/cmd/claimgraph/internal/export"
	"github.com/claimgraph/claimgraph/cmd/internal/cputime"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
)

var exportArticles = flag.Int("export.articles", 3000, "`number` of corpusgen articles BenchmarkExport ingests and exports")

// countWriter counts the bytes written to it and drops them.
type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

// BenchmarkExport ingests -export.articles articles written by corpusgen
// (default mix, about 4 KB each) into a new database once, then times
// whole exports of it in each format, read through store.DB's batch reads
// (FindExtraction, FindEdgesBatch) and through the graph.Store contract
// alone (page by page, one claim's edges at a time). It reports the CPU
// time of the process per export (all threads: the wall clock of a shared
// machine is noisy), articles exported a second and the output's size.
func BenchmarkExport(b *testing.B) {
	dir := b.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	gen := exec.Command("go", "run", "../corpusgen", "-n", strconv.Itoa(*exportArticles), "-format", "jsonl", "-out", corpus)
	if out, err := gen.CombinedOutput(); err != nil {
		b.Fatalf("corpusgen: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "db")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"ingest", "--db", db, "--progress", "none", corpus}, nil, &stdout, &stderr); code != 0 {
		b.Fatalf("ingest: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for _, c := range []struct {
		name  string
		write func(context.Context, graph.Store, io.Writer) (export.Stats, error)
		store graph.Store
	}{
		{"GraphML", export.WriteGraphML, s},
		{"JSONL", export.WriteJSONL, s},
		{"GraphML/ContractOnly", export.WriteGraphML, struct{ graph.Store }{s}},
		{"JSONL/ContractOnly", export.WriteJSONL, struct{ graph.Store }{s}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var w countWriter
			var st export.Stats
			cpu0 := cputime.Process()
			for b.Loop() {
				w.n = 0
				if st, err = c.write(context.Background(), c.store, &w); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric((cputime.Process()-cpu0).Seconds()/float64(b.N), "CPU-s/op")
			b.ReportMetric(float64(st.Articles)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(w.n)/1e6, "MB")
			b.ReportMetric(float64(st.Edges), "edges")
		})
	}
}
