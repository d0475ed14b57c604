package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/resolvers"
	"github.com/claimgraph/claimgraph/store"
	"github.com/claimgraph/claimgraph/store/dgraph/dgraphtest"
)

// sameAnswers are GraphQL questions whose answers must not depend on the
// backend: lists and their order, counts, traversals, date timelines and
// windows, and ranked search.
var sameAnswers = []struct{ name, query string }{
	{"Actors", `{ actors(first: 100) { totalCount pageInfo { hasNextPage } nodes { id name kind aliases title affiliation { id } } } }`},
	{"Claims", `{ claims(first: 100) { totalCount nodes { id text cue direct start end speaker { id name } reportedBy { id name } targets { id } deniedBy { id } article { id title } } } }`},
	{"Timeline", `{ claims(first: 100, orderBy: {field: PUBLISHED_AT, direction: DESC}) { nodes { id publishedAt } } }`},
	{"Accusations", `{ actors(first: 40) { nodes { id accusations(first: 10) { totalCount nodes { accused { id } claim { id } } } accusedBy(first: 10) { totalCount nodes { accuser { id } } } denials(first: 10) { totalCount nodes { claim { id } } } says(first: 10) { totalCount nodes { id } } } } }`},
	{"Sources", `{ sources(first: 100) { totalCount nodes { id name kind aliases } } }`},
	{"Articles", `{ articles(first: 100) { totalCount nodes { id title publisher publishedAt } } }`},
	{"Search", `{ search(query: "government said", first: 20) { totalCount nodes { kind score snippet } } }`},
	// the demo articles give no publication time: both backends date them
	// by their ingest time
	{"IngestDated", `{ articles(first: 100, filter: {publishedAfter: "2000-01-01"}) { totalCount nodes { id dateSource } } claims(first: 100, filter: {publishedAfter: "2000-01-01"}) { totalCount nodes { id } } actors(first: 40) { nodes { id accusations(first: 10, filter: {publishedAfter: "2000-01-01"}) { totalCount } } } }`},
}

// TestDgraphSameAnswers ingests the demo articles through "claimgraph
// ingest" into a Badger database and into a Dgraph cluster
// (--store dgraph://…, at CLAIMGRAPH_DGRAPH) and asks both, through the
// GraphQL API, the same questions: the answers must be the same.
func TestDgraphSameAnswers(t *testing.T) {
	dg := dgraphtest.Open(t)
	addr := os.Getenv(dgraphtest.EnvAddr)

	corpus := t.TempDir()
	texts, _ := filepath.Glob("demo/*.txt")
	for _, p := range texts {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(corpus, filepath.Base(p)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if len(texts) == 0 {
		t.Fatal("no demo articles")
	}
	dir := filepath.Join(t.TempDir(), "db")
	for _, args := range [][]string{{"--db", dir}, {"--store", "dgraph://" + addr}} {
		code, out, errs := ingestCmd(t, "", append(args, "--workers", "2", "--progress", "none", corpus)...)
		if code != 0 {
			t.Fatalf("ingest %v: exit code %d; stderr:\n%s", args, code, errs)
		}
		if _, created, _, _, claims := summary(t, out); created != len(texts) || claims == 0 {
			t.Fatalf("ingest %v: %d new articles and %d claims, want %d and some", args, created, claims, len(texts))
		}
	}
	bdb, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()

	badger, dgr := graphqlServer(t, bdb), graphqlServer(t, dg)
	for _, q := range sameAnswers {
		t.Run(q.name, func(t *testing.T) {
			want, got := ask(t, badger, q.query), ask(t, dgr, q.query)
			if !bytes.Equal(got, want) {
				t.Errorf("Dgraph answers\n%s\nBadger answers\n%s", got, want)
			}
			if !bytes.Contains(want, []byte(`"id"`)) && !bytes.Contains(want, []byte(`"snippet"`)) {
				t.Errorf("Badger's answer holds nothing to compare:\n%s", want)
			}
		})
	}
}

// graphqlServer serves the GraphQL API over s.
func graphqlServer(t *testing.T, s graph.Store) *httptest.Server {
	srv := httptest.NewServer(resolvers.NewHandler(resolvers.New(s, extract.Extract), resolvers.HandlerOptions{}))
	t.Cleanup(srv.Close)
	return srv
}

// ask posts a GraphQL query and returns its answer's data, failing on
// errors.
func ask(t *testing.T, srv *httptest.Server, query string) []byte {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	resp, err := http.Post(srv.URL+"/query", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Data   json.RawMessage
		Errors []any
	}
	if err := json.Unmarshal(b, &out); err != nil || len(out.Errors) > 0 || resp.StatusCode != http.StatusOK {
		t.Fatalf("query %s: status %d, %s", strings.Join(strings.Fields(query), " "), resp.StatusCode, b)
	}
	return out.Data
}

// TestStoreFlagRejectsOtherStores: --store takes dgraph://HOST:PORT only.
func TestStoreFlagRejectsOtherStores(t *testing.T) {
	for _, spec := range []string{"postgres://127.0.0.1:5432", "dgraph://", "dgraph://host:1/db"} {
		code, _, errs := ingestCmd(t, "", "--store", spec, "--progress", "none", "demo")
		if code == 0 || !strings.Contains(errs, "want dgraph://HOST:PORT") {
			t.Errorf("ingest --store %s: exit code %d, stderr %q; want a failure naming dgraph://HOST:PORT", spec, code, errs)
		}
	}
}
