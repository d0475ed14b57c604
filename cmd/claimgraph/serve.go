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
	"os"
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
	storeSpec := fl.String("store", "", storeUsage)
	addr := fl.String("addr", "127.0.0.1:8080", "address to listen on (HOST:PORT)")
	demo := fl.Bool("demo", false, "load the built-in fictional demo articles before serving")
	shutdownTimeout := fl.Duration("shutdown-timeout", 5*time.Second, "on SIGINT or SIGTERM, how long requests in flight may run before the server stops anyway")
	token := fl.String("token", os.Getenv("CLAIMGRAPH_TOKEN"), "bearer `token` every mutation and POST /ingest must send (default $CLAIMGRAPH_TOKEN); without one, mutations are refused unless --addr is a loopback address")
	readOnly := fl.Bool("read-only", false, "refuse every mutation and POST /ingest")
	reqTimeout := fl.Duration("request-timeout", resolvers.DefaultRequestTimeout, "how long one query or mutation may run before it is cancelled")
	readTimeout := fl.Duration("read-timeout", 30*time.Second, "how long a client may take to send a request, body included")
	writeTimeout := fl.Duration("write-timeout", 0, "how long a request may take from its headers to its last response byte (default request-timeout + 15s; subscriptions and POST /ingest streams are exempt)")
	idleTimeout := fl.Duration("idle-timeout", 2*time.Minute, "how long an idle keep-alive connection is kept")
	maxBody := fl.Int64("max-body", resolvers.DefaultMaxBodyBytes, "largest request body to /query, in `bytes` (larger gets 413)")
	maxExpensive := fl.Int("max-expensive", resolvers.DefaultMaxExpensive(), "expensive operations (search, path, filtered lists, mutations) run at once; more wait briefly, then get 503")
	if err := fl.Parse(args); err != nil {
		return errUsage
	}
	if fl.NArg() != 0 {
		fmt.Fprintln(stderr, "usage: claimgraph serve [--db DIR | --store dgraph://HOST:PORT] [--addr HOST:PORT] [--demo] [--token T | --read-only] [--request-timeout D] [--shutdown-timeout D]")
		return errUsage
	}
	if *writeTimeout <= 0 {
		*writeTimeout = *reqTimeout + 15*time.Second
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))

	var db graph.Store
	if *storeSpec != "" {
		dg, err := openDgraph(ctx, *storeSpec)
		if err != nil {
			return err
		}
		db = dg
	} else {
		bdb, err := store.Open(*dir, store.Options{})
		if err != nil {
			return fmt.Errorf("open database %s: %w", *dir, err)
		}
		db = bdb
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

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	opts := resolvers.HandlerOptions{
		Token:          *token,
		ReadOnly:       *readOnly,
		RequestTimeout: *reqTimeout,
		MaxBodyBytes:   *maxBody,
		MaxExpensive:   *maxExpensive,
		Logger:         log,
	}
	loopback := isLoopback(ln.Addr())
	switch {
	case *readOnly:
		log.Info("read-only: every mutation is refused")
	case *token != "":
		log.Info("mutations need Authorization: Bearer with the --token")
	case loopback:
		log.Info("no --token: mutations are open to clients on this machine only (loopback address)")
	default:
		opts.RefuseMutations = true
		log.Warn("no --token and the address is not loopback: mutations are refused; set --token or CLAIMGRAPH_TOKEN to allow them", "addr", ln.Addr().String())
	}
	r := resolvers.New(db, extract.Extract)
	srv := &http.Server{
		Handler:           resolvers.NewHandler(r, opts),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       *readTimeout,
		WriteTimeout:      *writeTimeout,
		IdleTimeout:       *idleTimeout,
	}
	// Requests run under base, which a stop that outlasts the shutdown
	// timeout cancels, so their store work ends too.
	base, cancelBase := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelBase()
	srv.BaseContext = func(net.Listener) context.Context { return base }
	inflight := &requestCount{}
	srv.Handler = inflight.wrap(srv.Handler)
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

// isLoopback reports whether a listens only on a loopback address.
func isLoopback(a net.Addr) bool {
	t, ok := a.(*net.TCPAddr)
	return ok && t.IP.IsLoopback()
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
