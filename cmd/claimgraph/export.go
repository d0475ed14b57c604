package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"github.com/claimgraph/claimgraph/store/dgraph"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/cmd/claimgraph/internal/export"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
)

func init() { commands["export"] = runExport }

// exportWriter writes the graph in s to w in one format and says what it
// wrote.
type exportWriter func(ctx context.Context, s graph.Store, w io.Writer) (export.Stats, error)

// exportFormats maps each --format name to its writer. A format is one
// more entry here.
var exportFormats = map[string]exportWriter{
	"graphml":       export.WriteGraphML,
	"jsonl":         export.WriteJSONL,
	"rdf":           exportRDF,
	"dgraph-schema": exportDgraphSchema,
}

// exportRDF writes the graph as N-Quads in the Dgraph backend's predicates,
// for dgraph live or bulk with the schema exportDgraphSchema writes. The
// counts are the stored totals.
func exportRDF(ctx context.Context, s graph.Store, w io.Writer) (export.Stats, error) {
	if err := dgraph.WriteRDF(ctx, s, w); err != nil {
		return export.Stats{}, err
	}
	var st export.Stats
	one := graph.Page{First: 1}
	arts, err := s.FindArticles(ctx, graph.ArticleFilter{Page: one})
	if err != nil {
		return st, err
	}
	actors, err := s.FindActors(ctx, graph.ActorFilter{Page: one})
	if err != nil {
		return st, err
	}
	sources, err := s.FindSources(ctx, graph.SourceFilter{Page: one})
	if err != nil {
		return st, err
	}
	claims, err := s.FindClaims(ctx, graph.ClaimFilter{Page: one})
	if err != nil {
		return st, err
	}
	st.Articles, st.Actors, st.Sources, st.Claims = arts.TotalCount, actors.TotalCount, sources.TotalCount, claims.TotalCount
	return st, nil
}

// exportDgraphSchema writes the Dgraph schema the rdf export's predicates
// need (dgraph live -s FILE).
func exportDgraphSchema(_ context.Context, _ graph.Store, w io.Writer) (export.Stats, error) {
	_, err := io.WriteString(w, dgraph.Schema)
	return export.Stats{}, err
}

// exportFormatNames returns the format names, sorted, for messages.
func exportFormatNames() string {
	names := make([]string, 0, len(exportFormats))
	for n := range exportFormats {
		names = append(names, n)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// runExport writes the stored graph in one format to a file or stdout.
func runExport(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("db", defaultDB, "database `dir`ectory")
	format := fs.String("format", "", "output `format`: "+exportFormatNames())
	out := fs.String("out", "", "write to `file` rather than standard output")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimgraph export [--db DIR] --format graphml|jsonl|rdf|dgraph-schema [--out FILE]")
		fmt.Fprintln(stderr)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() != 0 {
		fmt.Fprintf(stderr, "claimgraph export: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return errUsage
	}
	write, ok := exportFormats[*format]
	if !ok {
		if *format == "" {
			fmt.Fprintf(stderr, "claimgraph export: --format is required (%s)\n", exportFormatNames())
		} else {
			fmt.Fprintf(stderr, "claimgraph export: unknown --format %q (want %s)\n", *format, exportFormatNames())
		}
		fs.Usage()
		return errUsage
	}
	// Opening a missing directory would create an empty database.
	if info, err := os.Stat(*dir); err != nil {
		return graph.Errorf(graph.ENOTFOUND, "no database at %s: %v", *dir, errors.Unwrap(err))
	} else if !info.IsDir() {
		return graph.Errorf(graph.EINVALID, "--db %s is not a directory", *dir)
	}
	db, err := store.Open(*dir, store.Options{})
	if err != nil {
		return fmt.Errorf("open database %s: %w", *dir, err)
	}
	defer db.Close()

	w, finish := stdout, func() error { return nil }
	if *out != "" {
		f, err := createOutput(*out)
		if err != nil {
			return err
		}
		w = f
		finish = func() error { return f.commit() }
		defer f.abort()
	}
	st, err := write(ctx, db, w)
	if err != nil {
		return err
	}
	if err := finish(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "exported %s as %s\n", st, *format)
	return nil
}

// outputFile is an export being written next to its destination and
// renamed onto it when complete, so a failed export leaves no partial
// file under the name asked for.
type outputFile struct {
	*os.File
	dest string
	done bool
}

func createOutput(dest string) (*outputFile, error) {
	f, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("create output: %w", err)
	}
	return &outputFile{File: f, dest: dest}, nil
}

// commit closes the file and moves it to its destination.
func (f *outputFile) commit() error {
	if err := f.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", f.dest, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", f.dest, err)
	}
	if err := os.Rename(f.Name(), f.dest); err != nil {
		return fmt.Errorf("write %s: %w", f.dest, err)
	}
	f.done = true
	return nil
}

// abort removes the file unless it was committed.
func (f *outputFile) abort() {
	if !f.done {
		f.Close()
		os.Remove(f.Name())
	}
}
