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
		fmt.Fprintln(stderr, "usage: claimgraph serve [--db DIR] [--addr HOST:PORT] [--demo] [--token T | --read-only] [--request-timeout D]")
		return errUsage
	}
	if *writeTimeout <= 0 {
		*writeTimeout = *reqTimeout + 15*time.Second
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))

	db, err := store.Open(*dir, store.Options{})
	if err != nil {
		return fmt.Errorf("open database %s: %w", *dir, err)
	}
	defer db.Close()
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
	fmt.Fprintf(stdout, "claimgraph: playground at http://%s/ , GraphQL at http://%s/query , graph view at http://%s/graph\n", ln.Addr(), ln.Addr(), ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		log.Info("shutting down")
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(shut); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
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
