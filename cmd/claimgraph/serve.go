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
	if err := fl.Parse(args); err != nil {
		return errUsage
	}
	if fl.NArg() != 0 {
		fmt.Fprintln(stderr, "usage: claimgraph serve [--db DIR | --store dgraph://HOST:PORT] [--addr HOST:PORT] [--demo]")
		return errUsage
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
	defer db.Close()
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
		log.Info("shutting down")
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(shut); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
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
