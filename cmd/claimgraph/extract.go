package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph/cmd/claimgraph/internal/input"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

// errUsage is returned after a flag error has already been printed.
var errUsage = errors.New("usage")

// describe renders an error for the terminal: the message of a coded
// graph.Error, or the full chain otherwise.
func describe(err error) string {
	var e *graph.Error
	if errors.As(err, &e) {
		if msg := err.Error(); !strings.HasPrefix(msg, "claimgraph error:") {
			return strings.TrimSuffix(msg, e.Error()) + e.Message
		}
		return e.Message
	}
	return err.Error()
}

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "output format (json)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimgraph extract [--format json] FILE")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	if *format != "json" {
		return graph.Errorf(graph.EINVALID, "unknown format %q (want json)", *format)
	}
	path := fs.Arg(0)
	data, err := readArticleFile(path)
	if err != nil {
		return err
	}
	art := articleFromText(data)
	x, err := extract.Extract(art)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(x)
}

// readArticleFile reads a text file, refusing a directory or a file over
// graph.MaxArticleBytes before reading it.
func readArticleFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", err
	}
	if st.IsDir() {
		return "", graph.Errorf(graph.EINVALID, "%s is a directory, not an article file", path)
	}
	if st.Size() > graph.MaxArticleBytes {
		return "", graph.Errorf(graph.ETOOLARGE, "%s is %d bytes; the limit for one article is %d bytes", path, st.Size(), graph.MaxArticleBytes)
	}
	data, err := io.ReadAll(io.LimitReader(f, graph.MaxArticleBytes+1))
	return string(data), err
}

// articleFromText makes an article from a plain-text file; the rule (first
// non-empty line is the title) lives in package input, shared with ingest.
func articleFromText(text string) graph.Article { return input.FromText(text) }
