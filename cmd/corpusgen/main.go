// Command corpusgen writes a benchmark corpus for claimgraph: N realistic,
// varied and wholly fictional news articles (invented people, places,
// governments, organisations and news agencies), each about -size bytes, with
// direct quotes before and after the speaker, indirect speech, "according
// to", accusations, denials, anonymous officials, agencies and pronouns. The
// same flags always give the same corpus, so ingest throughput can be
// compared across runs at 10k, 100k or 1M articles.
//
// Usage:
//
//	corpusgen [-n 10000] [-seed 1] [-size 4096] [-attributions 0.2] [-format txt|jsonl] [-gold FILE] -out PATH
//
// # Density
//
// Ingest cost grows with the claims of an article, so the default density
// is that of real news as claimgraph's extractor reads it. Measured with
// "claimgraph extract" at commit 7264ca9 (counts only; no text is copied):
// the 84 PolNeAR dev articles (415 KB) give 15.4 claims per 4 KB (their
// annotators marked 2,193 attributions, about 21 per 4 KB); the 4,096-byte
// dev article gives 25. Every article opens with an accusation and an
// indirect statement; each body sentence then carries an attribution with
// probability -attributions, else it is background. At the default 0.2 an
// article of 4.3 KB holds 13 attributions written on purpose and the
// extractor finds 23 claims (22 per 4 KB, 1.16 edges each, 11 actors) in
// it, for it also reads some background sentences ("residents said") as
// attributions. -attributions 0.8125 gives the mix of corpora made before
// the flag existed: 44 claims per article (43 per 4 KB).
//
// With -format txt, PATH is a directory and article i is written to
// PATH/DDDD/NNNNNNN.txt (1,000 files per folder), its first line the title.
// With -format jsonl, PATH is one file (gzip-compressed when it ends in .gz,
// standard output when "-") with one JSON object per line: text, title,
// url, publisher, publishedAt; the text is the same as the .txt file's. -gold
// writes the known attributions, one JSON object per article and line:
// {"article": loc, "id": article ID, "attributions": [...]} with byte offsets
// of each content in the text.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/claimgraph/claimgraph/graph"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "corpusgen:", err)
		}
		os.Exit(2)
	}
}

// options are corpusgen's flags.
type options struct {
	n      int
	seed   uint64
	size   int
	format string
	out    string
	gold   string
	share  float64
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("corpusgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.IntVar(&o.n, "n", 10000, "number of articles")
	fs.Uint64Var(&o.seed, "seed", 1, "seed; the same seed gives the same corpus")
	fs.IntVar(&o.size, "size", 4096, "average article size in bytes (each is 0.5 to 1.5 times this)")
	fs.StringVar(&o.format, "format", "txt", "txt (one file per article under -out) or jsonl (one file)")
	fs.StringVar(&o.out, "out", "", "output directory (txt) or file (jsonl; .gz compresses, - is standard output)")
	fs.Float64Var(&o.share, "attributions", defaultShare, "share of body sentences that carry an attribution, 0 to 1 (0.8125 is the denser mix of earlier corpora)")
	fs.StringVar(&o.gold, "gold", "", "also write the known attributions to this JSON Lines `file`")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 || o.out == "" || o.n < 0 || o.size < 200 || o.share < 0 || o.share > 1 || (o.format != "txt" && o.format != "jsonl") {
		fs.Usage()
		return errors.New("need -out, -n >= 0, -size >= 200, -attributions between 0 and 1 and -format txt or jsonl")
	}
	if o.format == "txt" && o.out == "-" {
		return errors.New("-format txt writes files; give -out a directory")
	}
	return generate(o, stdout)
}

// jsonArticle is one line of the jsonl output.
type jsonArticle struct {
	Text        string `json:"text"`
	Title       string `json:"title"`
	URL         string `json:"url"`
	Publisher   string `json:"publisher"`
	PublishedAt string `json:"publishedAt"`
}

// goldLine is one line of the -gold output.
type goldLine struct {
	Article      string        `json:"article"`
	ID           string        `json:"id"`
	Attributions []Attribution `json:"attributions"`
}

// generate writes the corpus; articles are made in parallel and written in
// order.
func generate(o options, stdout io.Writer) (err error) {
	w := newWorld(rand.New(rand.NewPCG(o.seed, 0)))

	var jsonl *bufio.Writer
	var closers []io.Closer
	defer func() {
		if jsonl != nil {
			if ferr := jsonl.Flush(); err == nil {
				err = ferr
			}
		}
		for i := len(closers) - 1; i >= 0; i-- {
			if cerr := closers[i].Close(); err == nil {
				err = cerr
			}
		}
	}()
	if o.format == "jsonl" {
		var f io.Writer = stdout
		if o.out != "-" {
			if err := os.MkdirAll(filepath.Dir(o.out), 0o755); err != nil {
				return err
			}
			fh, err := os.Create(o.out)
			if err != nil {
				return err
			}
			closers = append(closers, fh)
			f = fh
			if strings.HasSuffix(o.out, ".gz") {
				zw := gzip.NewWriter(fh)
				closers = append(closers, zw)
				f = zw
			}
		}
		jsonl = bufio.NewWriterSize(f, 1<<20)
	}
	var gold *bufio.Writer
	if o.gold != "" {
		fh, err := os.Create(o.gold)
		if err != nil {
			return err
		}
		closers = append(closers, fh)
		gold = bufio.NewWriterSize(fh, 1<<20)
		defer func() {
			if ferr := gold.Flush(); err == nil {
				err = ferr
			}
		}()
	}

	// Make articles in parallel, in batches, and write each batch in order.
	const batch = 1024
	workers := runtime.GOMAXPROCS(0)
	arts := make([]Article, batch)
	for lo := 0; lo < o.n; lo += batch {
		hi := min(lo+batch, o.n)
		var wg sync.WaitGroup
		for k := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := lo + k; i < hi; i += workers {
					arts[i-lo] = newArticle(w, o.seed, i, o.size, o.share)
				}
			}()
		}
		wg.Wait()
		for i := lo; i < hi; i++ {
			a := &arts[i-lo]
			loc, err := writeArticle(o, jsonl, i, a)
			if err != nil {
				return err
			}
			if gold != nil {
				line, err := json.Marshal(goldLine{Article: loc, ID: graph.ArticleID(a.Text), Attributions: a.Attributions})
				if err != nil {
					return err
				}
				gold.Write(line)
				if err := gold.WriteByte('\n'); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// writeArticle writes article i and returns where it went, as claimgraph's
// input package names it.
func writeArticle(o options, jsonl *bufio.Writer, i int, a *Article) (string, error) {
	if jsonl != nil {
		line, err := json.Marshal(jsonArticle{Text: a.Text, Title: a.Title, URL: a.URL, Publisher: a.Publisher, PublishedAt: a.PublishedAt})
		if err != nil {
			return "", err
		}
		jsonl.Write(line)
		if err := jsonl.WriteByte('\n'); err != nil {
			return "", err
		}
		return fmt.Sprintf("%s:%d", o.out, i+1), nil
	}
	dir := filepath.Join(o.out, fmt.Sprintf("%04d", i/1000))
	if i%1000 == 0 {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
	}
	path := filepath.Join(dir, fmt.Sprintf("%07d.txt", i))
	return path, os.WriteFile(path, []byte(a.Text), 0o644)
}

// defaultShare is the default -attributions: the share of body sentences
// that carry an attribution, calibrated so that claimgraph's extractor
// finds about as many claims per 4 KB in a generated article as in real
// news (see the package comment).
const defaultShare = 0.2
