package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"sort"
	"sync"
	"time"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/resolvers"
	"github.com/claimgraph/claimgraph/store"
)

// defaultDB is where the database lives unless --db says otherwise.
const defaultDB = "./claimgraph-data"

//go:embed demo/*.txt
var demoFS embed.FS

func init() { commands["serve"] = runServe }

func runServe(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("db", defaultDB, "database directory")
	addr := fl.String("addr", "127.0.0.1:8080", "address to listen on (HOST:PORT)")
	demo := fl.Bool("demo", false, "load the built-in fictional demo articles before serving")
	shutdownTimeout := fl.Duration("shutdown-timeout", 5*time.Second, "on SIGINT or SIGTERM, how long requests in flight may run before the server stops anyway")
	if err := fl.Parse(args); err != nil {
		return errUsage
	}
	if fl.NArg() != 0 {
		fmt.Fprintln(stderr, "usage: claimgraph serve [--db DIR] [--addr HOST:PORT] [--demo] [--shutdown-timeout D]")
		return errUsage
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))

	db, err := store.Open(*dir, store.Options{})
	if err != nil {
		return fmt.Errorf("open database %s: %w", *dir, err)
	}
	// The database is closed unless requests outlive the shutdown (see
	// shutdown): closing it under them would only make them panic.
	closeDB := true
	defer func() {
		if closeDB {
			db.Close()
		}
	}()
	if *demo {
		n, err := loadDemo(ctx, db)
		if err != nil {
			return fmt.Errorf("load demo articles: %w", err)
		}
		log.Info("demo articles loaded", "new", n)
	}

	r := resolvers.New(db, extract.Extract)
	srv := &http.Server{
		Handler:           resolvers.NewHandler(r, resolvers.HandlerOptions{}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	// Requests run under base, which a stop that outlasts the shutdown
	// timeout cancels, so their store work ends too.
	base, cancelBase := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelBase()
	srv.BaseContext = func(net.Listener) context.Context { return base }
	inflight := &requestCount{}
	srv.Handler = inflight.wrap(srv.Handler)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "claimgraph: playground at http://%s/ , GraphQL at http://%s/query , graph view at http://%s/graph\n", ln.Addr(), ln.Addr(), ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		drained, err := shutdown(srv, cancelBase, inflight, *shutdownTimeout, log)
		closeDB = drained
		return err
	}
}

// requestCount counts the requests being served.
type requestCount struct {
	mu   sync.Mutex
	n    int
	idle chan struct{} // closed when n drops to 0, for wait
}

// wrap returns h counting its requests in c.
func (c *requestCount) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		c.n++
		c.mu.Unlock()
		defer func() {
			c.mu.Lock()
			if c.n--; c.n == 0 && c.idle != nil {
				close(c.idle)
				c.idle = nil
			}
			c.mu.Unlock()
		}()
		h.ServeHTTP(w, r)
	})
}

// wait waits up to d for every request to end and reports whether they
// did.
func (c *requestCount) wait(d time.Duration) bool {
	c.mu.Lock()
	if c.n == 0 {
		c.mu.Unlock()
		return true
	}
	if c.idle == nil {
		c.idle = make(chan struct{})
	}
	idle := c.idle
	c.mu.Unlock()
	select {
	case <-idle:
		return true
	case <-time.After(d):
		return false
	}
}

// cancelGrace is how long requests cancelled at the shutdown timeout have
// to return before the server exits without them.
const cancelGrace = 500 * time.Millisecond

// shutdown stops srv: it stops accepting, lets the requests in flight
// finish for up to timeout, then cancels their context, closes every
// connection left and gives their handlers cancelGrace to return, so the
// server is down within about timeout whatever its clients do. drained
// reports whether every handler returned: only then may the database be
// closed (one left running exits with the process; every commit is whole,
// and the next Open recovers as after a crash).
func shutdown(srv *http.Server, cancelRequests context.CancelFunc, inflight *requestCount, timeout time.Duration, log *slog.Logger) (drained bool, err error) {
	start := time.Now()
	log.Info("shutting down", "timeout", timeout)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	err = srv.Shutdown(ctx)
	drained = true
	if errors.Is(err, context.DeadlineExceeded) {
		cancelRequests()
		err = srv.Close()
		drained = inflight.wait(cancelGrace)
		log.Warn("shutdown timeout reached: requests still running were cancelled and their connections closed", "all returned", drained)
	}
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return drained, err
	}
	log.Info("server stopped", "took", time.Since(start).Round(time.Millisecond))
	return drained, nil
}

// loadDemo ingests the embedded demo articles and returns how many were new.
func loadDemo(ctx context.Context, s graph.Store) (int, error) {
	names, err := fs.Glob(demoFS, "demo/*.txt")
	if err != nil {
		return 0, err
	}
	sort.Strings(names)
	n := 0
	for _, name := range names {
		data, err := demoFS.ReadFile(name)
		if err != nil {
			return n, err
		}
		a := articleFromText(string(data))
		a.Publisher = "claimgraph demo"
		x, err := extract.Extract(a)
		if err != nil {
			return n, fmt.Errorf("%s: %w", name, err)
		}
		res, err := s.Ingest(ctx, x)
		if err != nil {
			return n, fmt.Errorf("%s: %w", name, err)
		}
		if res.Created {
			n++
		}
	}
	return n, nil
}
