package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/claimgraph/claimgraph/cmd/claimgraph/internal/input"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
)

func init() { commands["ingest"] = runIngest }

// progressEvery is how often plain progress lines are printed.
var progressEvery = 5 * time.Second

// runIngest reads articles from paths, extracts them in parallel and writes
// them to the store in batches (IngestBatch), in the order read, each
// article whole or not at all.
func runIngest(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("db", "claimgraph-data", "database `dir`ectory")
	storeSpec := fs.String("store", "", storeUsage)
	workers := fs.Int("workers", runtime.NumCPU(), "number of articles extracted at once")
	progress := fs.String("progress", "auto", "progress display: auto (bar on a terminal, lines otherwise), bar, lines or none")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to `file` (for go tool pprof)")
	published := fs.String("published", "", "publication `date` (2026-03-01 or RFC 3339) of every article that gives none of its own; articles left without one are ordered by the time they were ingested")
	memprofile := fs.String("memprofile", "", "write a heap profile to `file` when the articles are stored, before the database closes (for go tool pprof)")
	server := fs.String("server", "", "send the articles to a running claimgraph serve at this `URL` (POST /ingest) instead of opening --db")
	token := fs.String("token", os.Getenv("CLAIMGRAPH_TOKEN"), "with --server, the server's bearer `token` (default $CLAIMGRAPH_TOKEN)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimgraph ingest [--db DIR | --store dgraph://HOST:PORT] [--workers N] [--progress auto|bar|lines|none] [--published DATE] PATH...")
		fmt.Fprintln(stderr, "       claimgraph ingest --server URL [--token T] PATH...")
		fmt.Fprintln(stderr, "\nPATH is a file (.txt .md .html .jsonl .rss .atom .xml, any of them .gz), a directory")
		fmt.Fprintln(stderr, "read recursively, or - for standard input. JSON lines hold an article each, or an")
		fmt.Fprintln(stderr, "article with its extraction as \"claimgraph export --format jsonl\" writes them.")
		fmt.Fprintln(stderr, "A text or Markdown file may start with front matter (--- lines around published:,")
		fmt.Fprintln(stderr, "title:, url: or source:, publisher:); FILE.json or FILE.meta beside any")
		fmt.Fprintln(stderr, "single-article FILE says the same.")
		fmt.Fprintln(stderr)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	if *published != "" {
		if _, err := graph.ParseDate("--published", *published); err != nil {
			fmt.Fprintf(stderr, "claimgraph ingest: %v\n", err)
			return errUsage
		}
	}
	if *workers < 1 {
		fmt.Fprintf(stderr, "claimgraph ingest: --workers must be at least 1, got %d\n", *workers)
		return errUsage
	}
	mode := *progress
	switch mode {
	case "auto":
		mode = "lines"
		if isTerminal(stderr) {
			mode = "bar"
		}
	case "bar", "lines", "none":
	default:
		fmt.Fprintf(stderr, "claimgraph ingest: unknown --progress %q (want auto, bar, lines or none)\n", mode)
		return errUsage
	}

	if *server != "" {
		ri := &remoteIngest{server: *server, token: *token, published: *published, quiet: mode == "none", stderr: stderr}
		return ri.run(ctx, fs.Args(), stdin, stdout)
	}

	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	ing := &ingester{
		extract:   extract.Extract,
		workers:   *workers,
		progress:  mode,
		stderr:    stderr,
		published: *published,
		now:       time.Now,
	}
	var db graph.Store
	if *storeSpec != "" {
		// A Dgraph cluster takes the articles one transaction each.
		dg, err := openDgraph(ctx, *storeSpec)
		if err != nil {
			return err
		}
		db = dg
	} else {
		bdb, err := openStore(*dir, store.Options{BulkLoad: true})
		if err != nil {
			return err
		}
		db = bdb
		// A new database is bulk-loaded: the articles are written sorted, at
		// the end, bypassing Badger's memtables and compactions.
		if ld, err := bdb.NewLoader(); err == nil {
			defer ld.Abort()
			ing.batches, ing.finish, ing.finishing = ld, ld.Finish, ld.Progress
		} else if !errors.Is(err, store.ErrNotEmpty) {
			bdb.Close()
			return err
		}
	}
	ing.store = db
	sum, err := ing.run(ctx, fs.Args(), stdin)
	if err != nil && ctx.Err() != nil && errors.Is(err, context.Cause(ctx)) {
		err = &errInterrupted{Message: fmt.Sprintf("stopped early; the %d articles read are stored (%d new, %d already present, %d failed); run the same command again to resume: stored articles are skipped",
			sum.New+sum.Present, sum.New, sum.Present, sum.Failed)}
	}
	if *memprofile != "" {
		if perr := writeHeapProfile(*memprofile); err == nil {
			err = perr
		}
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	fmt.Fprintln(stdout, sum)
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%d of %d articles failed", sum.Failed, sum.Articles())
	}
	return nil
}

// writeHeapProfile writes the live heap to path.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("write heap profile: %w", err)
	}
	return f.Close()
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// ingester runs the ingest pipeline: one reader, workers that check and
// extract, one goroutine that puts the extractions back in input order,
// one writer that stores them in batches (or the ordering goroutine
// stores them one by one, when the store takes no batches), and one
// collector that reports.
type ingester struct {
	store    graph.Store
	extract  func(graph.Article) (*graph.Extraction, error)
	workers  int
	progress string // bar, lines or none
	stderr   io.Writer
	// batches, when set, takes the extractions instead of store (a bulk
	// load); finish is then called once they are all in, to write them,
	// and finishing reports its progress in bytes: done, about the total.
	batches   graph.BatchIngester
	finish    func(context.Context) error
	finishing func() (done, total int64)
	// maxBatch, when above 0, caps the articles of one batch (tests);
	// otherwise batchArticles does.
	maxBatch int
	// published dates the articles that give no publication time of their
	// own (--published); "" leaves them undated.
	published string
	// now gives the ingest time recorded on every article; nil records
	// none.
	now func() time.Time
}

// ingestSummary counts what one ingest did.
type ingestSummary struct {
	New, Present, Failed int
	// Claims counts the claims of new articles; Actors the actors the
	// store holds now and did not before (read from its counts, so the
	// ingest keeps no set of actors that grows with the corpus).
	Claims, Actors int
	// TextBytes is the size of all article texts read.
	TextBytes int64
	Elapsed   time.Duration
}

// Articles returns the number of articles read, failed ones included.
func (s ingestSummary) Articles() int { return s.New + s.Present + s.Failed }

// String renders the summary line.
func (s ingestSummary) String() string {
	secs := s.Elapsed.Seconds()
	rate, mbs := 0.0, 0.0
	if secs > 0 {
		rate = float64(s.Articles()) / secs
		mbs = float64(s.TextBytes) / 1e6 / secs
	}
	return fmt.Sprintf("ingested %d articles: %d new, %d already present, %d failed; %d claims, %d new actors; %s, %.0f articles/s, %.1f MB/s",
		s.Articles(), s.New, s.Present, s.Failed, s.Claims, s.Actors, s.Elapsed.Round(time.Millisecond), rate, mbs)
}

// outcome is what became of one item.
type outcome struct {
	loc     string
	err     error
	created bool
	bytes   int64
	x       *graph.Extraction // stored records of a new article
}

func (ing *ingester) run(ctx context.Context, paths []string, stdin io.Reader) (ingestSummary, error) {
	start := time.Now()
	actorsBefore, err := ing.actorCount(ctx)
	if err != nil {
		return ingestSummary{}, err
	}
	// ctx stops the reading only (a signal): what was read by then is
	// still extracted and stored, under work, which only the return of
	// run cancels.
	work, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()

	var read atomic.Int64
	walker := &input.Walker{Stdin: stdin, OnRead: func(n int) { read.Add(int64(n)) }}
	walked := make(chan numbered)
	items := make(chan numbered, 4*ing.workers)
	ready := make(chan extracted, 4*ing.workers)
	outcomes := make(chan outcome, 4*ing.workers)
	// window bounds the items between the reader and the writer, so that
	// one slow article holds back at most that many extracted ones.
	window := make(chan struct{}, 8*ing.workers)

	// The walker may block in a read (standard input) when ctx ends; the
	// pipeline does not wait for it: the forwarder below stops taking its
	// items and closes items. walkErr and complete are read only once
	// items is closed by a walk that ended.
	var walkErr error
	complete := false
	go func() {
		defer close(walked)
		seq := 0
		walkErr = walker.Walk(ctx, paths, func(it input.Item) error {
			select {
			case walked <- numbered{seq: seq, it: it}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	go func() {
		defer close(items)
		for {
			var n numbered
			var ok bool
			select {
			case n, ok = <-walked:
			case <-ctx.Done():
				return
			}
			if !ok {
				complete = true
				return
			}
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			items <- n
		}
	}()
	var wg sync.WaitGroup
	for range ing.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range items {
				e := ing.extractOne(work, n.it)
				e.seq = n.seq
				ready <- e
			}
		}()
	}
	go func() {
		wg.Wait()
		close(ready)
	}()
	// The store gets the articles in the order they were read, whatever
	// order the workers finish them in: resolution reads the articles
	// stored before, so the same input always makes the same graph. A
	// store that ingests in batches gets them from one writer goroutine;
	// any other, one article at a time from the goroutine that orders
	// them.
	bi, batched := ing.store.(graph.BatchIngester)
	if ing.batches != nil {
		bi, batched = ing.batches, true
	}
	var toWrite chan extracted
	if batched {
		toWrite = make(chan extracted, 2*batchArticles)
		go func() {
			ing.writeBatches(work, bi, toWrite, outcomes)
			close(outcomes)
		}()
	}
	go func() {
		inOrder(ready, window, func(e extracted) {
			switch {
			case e.x == nil:
				outcomes <- e.o
			case batched:
				toWrite <- e
			default:
				outcomes <- ing.store1(work, e)
			}
		})
		if batched {
			close(toWrite)
		} else {
			close(outcomes)
		}
	}()

	total, known := input.TotalSize(paths)
	rep := newReporter(ing.progress, ing.stderr, total, known, &read, start)
	var sum ingestSummary
	for {
		select {
		case o, ok := <-outcomes:
			if !ok {
				if ing.finish != nil {
					if err := ing.runFinish(work, rep, sum); err != nil {
						sum.Elapsed = time.Since(start)
						rep.finish(sum)
						return sum, err
					}
				}
				if n, err := ing.actorCount(work); err == nil {
					sum.Actors = n - actorsBefore
				} else {
					rep.printf("%s\n", describe(err))
				}
				sum.Elapsed = time.Since(start)
				rep.finish(sum)
				if !complete {
					return sum, context.Cause(ctx)
				}
				return sum, walkErr
			}
			sum.TextBytes += o.bytes
			switch {
			case o.err != nil && work.Err() != nil && errors.Is(o.err, work.Err()):
				// stopped: neither stored nor failed
			case o.err != nil:
				sum.Failed++
				rep.printf("%s: %s\n", o.loc, describe(o.err))
			case o.created:
				sum.New++
				if o.x != nil {
					sum.Claims += len(o.x.Claims)
				}
			default:
				sum.Present++
			}
		case <-rep.tick():
			rep.update(sum)
		}
	}
}

// runFinish runs ing.finish, reporting its progress. An interrupted load
// still lands what it read.
func (ing *ingester) runFinish(ctx context.Context, rep *reporter, sum ingestSummary) error {
	rep.note("writing %d new articles to the database\n", sum.New)
	done := make(chan error, 1)
	go func() { done <- ing.finish(context.WithoutCancel(ctx)) }()
	for {
		select {
		case err := <-done:
			return err
		case <-rep.tick():
			if ing.finishing != nil {
				rep.writing(ing.finishing())
			}
		}
	}
}

// actorCount returns the number of actors in the store.
func (ing *ingester) actorCount(ctx context.Context) (int, error) {
	l, err := ing.store.FindActors(ctx, graph.ActorFilter{Page: graph.Page{First: 1}})
	if err != nil {
		return 0, fmt.Errorf("count the actors in the store: %w", err)
	}
	return l.TotalCount, nil
}

// Batches handed to a graph.BatchIngester: up to batchArticles articles or
// batchBytes of text, or what arrived within batchWait of the first. A
// database that already holds articles (no bulk load) takes batches four
// times larger: its IngestBatch overlaps each transaction's commit with
// the work of the next one, all but the last of a batch (measured: 10k
// articles into a 10k database at 930 rather than 740 articles/s), while
// a bulk load runs a little faster with the smaller ones.
const (
	batchArticles = 256
	batchBytes    = 8 << 20
	batchWait     = 50 * time.Millisecond
	// txnBatches multiplies both limits for transactional ingest.
	txnBatches = 4
)

// extracted is an item checked and extracted, to be stored; x is nil when
// there is nothing to store and o says why. seq is the item's place in
// the input.
type extracted struct {
	o   outcome
	x   *graph.Extraction
	seq int
}

// numbered is an item read and its place in the input, counted from 0.
type numbered struct {
	seq int
	it  input.Item
}

// inOrder calls emit with each extraction from in in the order of seq
// (0, 1, 2, …, as the reader numbered them), holding back those that
// arrive early, and frees one slot of window for each it emits. It
// returns when in is closed.
func inOrder(in <-chan extracted, window <-chan struct{}, emit func(extracted)) {
	held := map[int]extracted{}
	next := 0
	for e := range in {
		held[e.seq] = e
		for {
			h, ok := held[next]
			if !ok {
				break
			}
			delete(held, next)
			next++
			emit(h)
			<-window
		}
	}
}

// extractOne checks and extracts one item. An article already stored is
// recognised by its ID before extraction, so a re-run costs a hash and a
// lookup per article. An item that carries its extraction (an exported
// JSON line) is not extracted again.
func (ing *ingester) extractOne(ctx context.Context, it input.Item) extracted {
	o := outcome{loc: it.Loc, err: it.Err, bytes: int64(len(it.Article.Text))}
	if o.err != nil {
		return extracted{o: o}
	}
	if err := ctx.Err(); err != nil {
		o.err = err
		return extracted{o: o}
	}
	art := it.Article
	art.ID = graph.ArticleID(art.Text)
	if ing.published != "" && graph.DateKey(art.PublishedAt) == "" {
		art.PublishedAt = ing.published
	}
	if ing.now != nil {
		art.IngestedAt = ing.now().UTC().Format(time.RFC3339)
	}
	if _, err := ing.store.FindArticleByID(ctx, art.ID); err == nil {
		return extracted{o: o}
	} else if graph.ErrorCode(err) != graph.ENOTFOUND {
		o.err = err
		return extracted{o: o}
	}
	if it.Extraction != nil {
		// An exported extraction is not extracted again. Loaded into a
		// new database it keeps the IDs it was exported with, so the
		// database holds the graph that was exported; into one that
		// holds articles, its actors resolve against the stored ones as
		// any article's do.
		x := it.Extraction
		x.Resolved = ing.finish != nil
		return extracted{o: o, x: x}
	}
	x, err := ing.extract(art)
	if err != nil {
		o.err = fmt.Errorf("extract: %w", err)
		return extracted{o: o}
	}
	if x != nil {
		x.Article.PublishedAt, x.Article.IngestedAt = art.PublishedAt, art.IngestedAt
	}
	return extracted{o: o, x: x}
}

// store1 stores one extracted article in its own transaction.
func (ing *ingester) store1(ctx context.Context, e extracted) outcome {
	o := e.o
	res, err := ing.store.Ingest(ctx, e.x)
	if err != nil {
		o.err = fmt.Errorf("store: %w", err)
		return o
	}
	o.created = res.Created
	if res.Created {
		o.x = res.Extraction
	}
	return o
}

// writeBatches stores what arrives on in, in batches, and reports each
// article's outcome on out, until in is closed.
func (ing *ingester) writeBatches(ctx context.Context, bi graph.BatchIngester, in <-chan extracted, out chan<- outcome) {
	var batch []extracted
	var xs []*graph.Extraction
	maxArticles, maxBytes := batchArticles, batchBytes
	if ing.finish == nil {
		maxArticles, maxBytes = txnBatches*batchArticles, txnBatches*batchBytes
	}
	if ing.maxBatch > 0 {
		maxArticles = ing.maxBatch
	}
	for {
		e, ok := <-in
		if !ok {
			return
		}
		batch, xs = append(batch[:0], e), append(xs[:0], e.x)
		size := len(e.x.Article.Text)
		wait := time.NewTimer(batchWait)
	fill:
		for len(batch) < maxArticles && size < maxBytes {
			select {
			case e, ok := <-in:
				if !ok {
					break fill
				}
				batch, xs = append(batch, e), append(xs, e.x)
				size += len(e.x.Article.Text)
			case <-wait.C:
				break fill
			}
		}
		wait.Stop()
		res, err := bi.IngestBatch(ctx, xs)
		for i, e := range batch {
			o := e.o
			switch {
			case i >= len(res) || res[i] == nil:
				if err == nil {
					err = errors.New("not stored")
				}
				o.err = fmt.Errorf("store: %w", err)
			case res[i].Err != nil:
				o.err = fmt.Errorf("store: %w", res[i].Err)
			default:
				o.created = res[i].Created
				if o.created {
					o.x = res[i].Extraction
				}
			}
			out <- o
		}
		clear(xs)
		clear(batch)
	}
}

// reporter shows progress on stderr: a bar, periodic lines, or nothing.
// Only the collector goroutine calls it.
type reporter struct {
	mode   string
	w      io.Writer
	bar    *progressbar.ProgressBar
	ticker *time.Ticker
	total  int64
	known  bool
	read   *atomic.Int64
	start  time.Time
}

func newReporter(mode string, w io.Writer, total int64, known bool, read *atomic.Int64, start time.Time) *reporter {
	r := &reporter{mode: mode, w: w, total: total, known: known, read: read, start: start}
	switch mode {
	case "bar":
		max := total
		if !known {
			max = -1
		}
		r.bar = progressbar.NewOptions64(max,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionShowElapsedTimeOnFinish(),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionUseANSICodes(true),
		)
		r.ticker = time.NewTicker(200 * time.Millisecond)
	case "lines":
		r.ticker = time.NewTicker(progressEvery)
	}
	return r
}

// tick returns the channel that says when to update the display; nil (never)
// when there is no display.
func (r *reporter) tick() <-chan time.Time {
	if r.ticker == nil {
		return nil
	}
	return r.ticker.C
}

// printf prints a message without tearing the bar.
func (r *reporter) printf(format string, args ...any) {
	if r.bar != nil {
		r.bar.Clear()
	}
	fmt.Fprintf(r.w, format, args...)
}

// writing shows the progress of writing the database: done of about
// total bytes.
func (r *reporter) writing(done, total int64) {
	pct := 0.0
	if total > 0 {
		pct = min(100, 100*float64(done)/float64(total))
	}
	switch r.mode {
	case "bar":
		r.bar.Describe(fmt.Sprintf("writing the database (%.0f%%)", pct))
	case "lines":
		fmt.Fprintf(r.w, "ingest: writing the database: %.0f%% (%.1f MB)\n", pct, float64(done)/1e6)
	}
}

// note prints a progress message, unless progress is off.
func (r *reporter) note(format string, args ...any) {
	if r.mode != "none" {
		r.printf(format, args...)
	}
}

func (r *reporter) update(s ingestSummary) {
	n := r.read.Load()
	switch r.mode {
	case "bar":
		r.bar.Describe(fmt.Sprintf("%d articles (%d new, %d failed)", s.Articles(), s.New, s.Failed))
		r.bar.Set64(n)
	case "lines":
		secs := time.Since(r.start).Seconds()
		pct := ""
		if r.known && r.total > 0 {
			pct = fmt.Sprintf(" of %.1f MB (%.0f%%)", float64(r.total)/1e6, 100*float64(n)/float64(r.total))
		}
		fmt.Fprintf(r.w, "ingest: %d articles (%d new, %d already present, %d failed), %.1f MB read%s, %.0f articles/s\n",
			s.Articles(), s.New, s.Present, s.Failed, float64(n)/1e6, pct, float64(s.Articles())/secs)
	}
}

func (r *reporter) finish(s ingestSummary) {
	if r.ticker != nil {
		r.ticker.Stop()
	}
	if r.bar != nil {
		r.bar.Finish()
	}
}
