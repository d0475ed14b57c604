// Command loadbench measures the latency of claimgraph's GraphQL API over
// real HTTP. It builds (or reuses) a synthetic graph in an on-disk store by
// ingesting generated extractions directly, serves resolvers.NewHandler on
// a loopback port, and sends bounded load from concurrent keep-alive
// clients, printing p50/p90/p99/max latency and throughput per case.
//
// Usage:
//
//	loadbench [-claims 100000] [-store badger|dgraph://HOST:PORT|memory] [-db DIR] [-query page,says,search]
//	          [-clients 1,32] [-requests 20000] [-duration 20s] [-warmup 200] [-rate 0]
//	          [-seed 1] [-cpuprofile FILE]
//
// Query kinds: page is a 1-hop page of 20 claims of one speaker (with
// speakers and reporting sources) through Query.claims; says is the same
// page through an actor's says field; search is a ranked search of one or
// two words. Speakers, pages and words vary from request to request.
//
// Each client sends its next request when the last one is answered (closed
// loop), or, with -rate, when it falls due on a schedule of -rate requests a
// second across all clients (open loop: latency counts from the due time).
// The header line records GOMAXPROCS and the garbage collection target
// (GOGC from the environment). Besides latency, each case reports the CPU
// time the process (server and clients together) spent per request, which
// depends little on other load on the machine.
//
// With -store memory, the same synthetic graph is served from maps in
// memory instead of Badger, so the data layer costs next to nothing and
// the figures are the floor set by gqlgen, net/http and the load generator;
// that store serves the page and says queries, not search.
//
// With -db, the graph is built once and reused by later runs asking for no
// more claims (the generator is deterministic, so an interrupted build
// resumes). Without -db, a temporary store is built and removed.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/resolvers"
	"github.com/claimgraph/claimgraph/store"
	"github.com/claimgraph/claimgraph/store/dgraph"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "loadbench:", err)
		}
		os.Exit(2)
	}
}

// options are loadbench's flags.
type options struct {
	claims     int
	store      string
	db         string
	kinds      []string
	clients    []int
	requests   int
	duration   time.Duration
	warmup     int
	rate       float64
	seed       uint64
	cpuprofile string
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	fs := flag.NewFlagSet("loadbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := &options{}
	var kinds, clients string
	fs.IntVar(&o.claims, "claims", 100000, "claims in the graph (10 per article)")
	fs.StringVar(&o.store, "store", "badger", "store to serve: badger (on disk), dgraph://HOST:PORT (a Dgraph cluster, built once and reused), or memory (maps: the floor of gqlgen, HTTP and the client; page and says only)")
	fs.StringVar(&o.db, "db", "", "store directory, built once and reused; a temporary one when empty (badger only)")
	fs.StringVar(&kinds, "query", "page,search", "query kinds to run, comma-separated: "+strings.Join(queryKinds, ", "))
	fs.StringVar(&clients, "clients", "1,32", "concurrent clients, comma-separated; each count is one case")
	fs.IntVar(&o.requests, "requests", 20000, "most requests per case")
	fs.DurationVar(&o.duration, "duration", 20*time.Second, "longest time per case")
	fs.IntVar(&o.warmup, "warmup", 200, "requests per query kind sent before measuring")
	fs.Float64Var(&o.rate, "rate", 0, "total requests per second to pace the clients to (open loop); 0 sends as fast as answers come")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the graph and of the requests")
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "write a CPU profile of the measured cases to this file")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	switch {
	case o.claims < claimsPerArticle:
		return nil, fmt.Errorf("-claims must be at least %d", claimsPerArticle)
	case o.requests < 1:
		return nil, fmt.Errorf("-requests must be positive")
	case o.duration <= 0:
		return nil, fmt.Errorf("-duration must be positive")
	case o.warmup < 0:
		return nil, fmt.Errorf("-warmup must not be negative")
	case o.rate < 0:
		return nil, fmt.Errorf("-rate must not be negative")
	}
	for _, k := range strings.Split(kinds, ",") {
		if _, ok := queries[k]; !ok {
			return nil, fmt.Errorf("unknown query kind %q (want one of %s)", k, strings.Join(queryKinds, ", "))
		}
		o.kinds = append(o.kinds, k)
	}
	switch {
	case o.store == "badger":
	case strings.HasPrefix(o.store, "dgraph://"):
		if o.db != "" {
			return nil, fmt.Errorf("-db is for -store badger; a Dgraph cluster keeps its graph")
		}
	case o.store == "memory":
		if o.db != "" {
			return nil, fmt.Errorf("-db is for -store badger; -store memory builds its graph in memory")
		}
		if slices.Contains(o.kinds, "search") {
			return nil, fmt.Errorf("-store memory serves page and says, not search")
		}
	default:
		return nil, fmt.Errorf("unknown -store %q (want badger, dgraph://HOST:PORT or memory)", o.store)
	}
	for _, c := range strings.Split(clients, ",") {
		n, err := strconv.Atoi(c)
		if err != nil || n < 1 || n > 1024 {
			return nil, fmt.Errorf("bad -clients value %q: want 1 to 1024", c)
		}
		o.clients = append(o.clients, n)
	}
	return o, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	_, err := runBench(ctx, args, stdout, stderr)
	return err
}

// runBench does the work of run and returns the results, for tests.
func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) ([]*result, error) {
	o, err := parseFlags(args, stderr)
	if err != nil {
		return nil, err
	}
	w := newWorld(o.seed)
	var s graph.Store
	if o.store == "memory" {
		m := newMemStore()
		if err := buildMemory(ctx, m, w, o.claims/claimsPerArticle, stdout); err != nil {
			return nil, err
		}
		s = m
	} else if addr, ok := strings.CutPrefix(o.store, "dgraph://"); ok {
		octx, cancel := context.WithTimeout(ctx, 30*time.Second)
		db, err := dgraph.Open(octx, addr)
		cancel()
		if err != nil {
			return nil, err
		}
		defer db.Close()
		if err := build(ctx, db, w, o.claims/claimsPerArticle, stdout); err != nil {
			return nil, err
		}
		s = db
	} else {
		dir := o.db
		if dir == "" {
			if dir, err = os.MkdirTemp("", "loadbench-"); err != nil {
				return nil, err
			}
			defer os.RemoveAll(dir)
		}
		db, err := store.Open(dir, store.Options{})
		if err != nil {
			return nil, err
		}
		defer db.Close()
		if err := build(ctx, db, w, o.claims/claimsPerArticle, stdout); err != nil {
			return nil, err
		}
		s = db
	}
	for _, a := range w.actors {
		switch _, err := s.FindActorByID(ctx, a.ID); graph.ErrorCode(err) {
		case "":
			w.stored = append(w.stored, a)
		case graph.ENOTFOUND:
		default:
			return nil, err
		}
	}
	if len(w.stored) == 0 {
		return nil, fmt.Errorf("the store holds none of the synthetic actors (another -seed?)")
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	srv := &http.Server{
		Handler:           resolvers.NewHandler(resolvers.New(s, nil), resolvers.HandlerOptions{Logger: logger}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	go func() { _ = srv.Serve(ln) }()
	defer func() {
		// Let handlers finish before the store closes.
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	url := "http://" + ln.Addr().String() + "/query"

	maxClients := 0
	for _, c := range o.clients {
		maxClients = max(maxClients, c)
	}
	client := &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			MaxIdleConns:        maxClients,
			MaxIdleConnsPerHost: maxClients,
			MaxConnsPerHost:     maxClients,
			IdleConnTimeout:     time.Minute,
			DisableCompression:  true,
		},
	}
	defer client.CloseIdleConnections()

	for _, k := range o.kinds {
		if o.warmup == 0 {
			break
		}
		res, err := runLoad(ctx, client, w, loadConfig{url: url, kind: k, clients: 1, requests: o.warmup, duration: o.duration, seed: o.seed + 1000})
		if err != nil {
			return nil, fmt.Errorf("warm-up: %w", err)
		}
		if res.Errors > 0 {
			return nil, fmt.Errorf("warm-up of %s: %d of %d requests failed; first: %s", k, res.Errors, res.Requests, res.FirstError)
		}
	}

	if o.cpuprofile != "" {
		f, err := os.Create(o.cpuprofile)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return nil, err
		}
		defer pprof.StopCPUProfile()
	}

	pacing := "closed loop"
	if o.rate > 0 {
		pacing = fmt.Sprintf("paced to %g req/s", o.rate)
	}
	gcp := debug.SetGCPercent(-1) // read the setting (GOGC) back
	debug.SetGCPercent(gcp)
	fmt.Fprintf(stdout, "load: %s, %s store, GOMAXPROCS %d, GOGC %d, up to %d requests or %v per case, %s\n", url, o.store, runtime.GOMAXPROCS(0), gcp, o.requests, o.duration, pacing)
	const row = "%-7s %7s %8s %6s %6s %8s %8s %8s %8s %8s %10s\n"
	fmt.Fprintf(stdout, row, "query", "clients", "requests", "errors", "empty", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "cpu ms/req")
	var results []*result
	for _, k := range o.kinds {
		for _, c := range o.clients {
			res, err := runLoad(ctx, client, w, loadConfig{url: url, kind: k, clients: c, requests: o.requests, duration: o.duration, rate: o.rate, seed: o.seed})
			if err != nil {
				return nil, err
			}
			results = append(results, res)
			fmt.Fprintf(stdout, row, res.Kind, strconv.Itoa(res.Clients), strconv.Itoa(res.Requests), strconv.Itoa(res.Errors), strconv.Itoa(res.Empty),
				strconv.FormatFloat(res.RPS, 'f', 0, 64), ms(res.P50), ms(res.P90), ms(res.P99), ms(res.Max), ms(res.CPU))
		}
	}
	for _, res := range results {
		if res.Errors > 0 {
			fmt.Fprintf(stderr, "%s with %d clients: %d errors; first: %s\n", res.Kind, res.Clients, res.Errors, res.FirstError)
		}
	}
	return results, nil
}

func ms(d time.Duration) string { return strconv.FormatFloat(float64(d)/1e6, 'f', 3, 64) }

// build ingests the first n synthetic articles that the store does not hold
// yet. Articles are generated by index, so a store already holding the
// first k of them (an earlier run) only gets the rest; ingesting an article
// twice writes nothing anyway.
func build(ctx context.Context, db graph.Store, w *world, n int, stdout io.Writer) error {
	have, err := db.FindArticles(ctx, graph.ArticleFilter{Page: graph.Page{First: 1}})
	if err != nil {
		return err
	}
	if have.TotalCount >= n {
		fmt.Fprintf(stdout, "graph: reused %d articles (%d claims asked for)\n", have.TotalCount, n*claimsPerArticle)
		return nil
	}
	from := have.TotalCount
	// Generate on another goroutine while the store writes.
	xs := make(chan *graph.Extraction, 256)
	gctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(xs)
		for i := from; i < n; i++ {
			select {
			case xs <- w.article(i):
			case <-gctx.Done():
				return
			}
		}
	}()
	start := time.Now()
	claims := 0
	for x := range xs {
		if _, err := db.Ingest(ctx, x); err != nil {
			return fmt.Errorf("ingest synthetic article: %w", err)
		}
		claims += len(x.Claims)
	}
	el := time.Since(start)
	total, err := db.FindClaims(ctx, graph.ClaimFilter{Page: graph.Page{First: 1}})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "graph: built %d articles, %d claims in %.1fs (%.0f claims/s); store holds %d claims\n",
		n-from, claims, el.Seconds(), float64(claims)/el.Seconds(), total.TotalCount)
	return nil
}

// buildMemory ingests the first n synthetic articles into the memory store.
func buildMemory(ctx context.Context, m *memStore, w *world, n int, stdout io.Writer) error {
	start := time.Now()
	claims := 0
	for i := range n {
		x := w.article(i)
		if _, err := m.Ingest(ctx, x); err != nil {
			return fmt.Errorf("ingest synthetic article: %w", err)
		}
		claims += len(x.Claims)
	}
	fmt.Fprintf(stdout, "graph: built %d articles, %d claims in memory in %.1fs\n", n, claims, time.Since(start).Seconds())
	return nil
}
