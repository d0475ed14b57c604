package resolvers_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/resolvers"
	"github.com/claimgraph/claimgraph/store"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// panicCounter is a slog handler that counts the resolver panics the
// handler logs.
type panicCounter struct{ n *atomic.Int64 }

func (h panicCounter) Enabled(context.Context, slog.Level) bool { return true }
func (h panicCounter) Handle(_ context.Context, r slog.Record) error {
	if strings.Contains(r.Message, "panic") {
		h.n.Add(1)
	}
	return nil
}
func (h panicCounter) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h panicCounter) WithGroup(string) slog.Handler      { return h }

// FuzzQuery sends arbitrary GraphQL documents (and variables) through the
// real handler over a small in-memory graph: parsing, validation, the
// cost and depth limits and the resolvers must answer every one with a
// JSON GraphQL response, never a panic.
func FuzzQuery(f *testing.F) {
	db, err := store.Open("", store.Options{InMemory: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	a := storetest.NewArticle("Border", "Wire", "Kabul said Islamabad shelled the border. Islamabad denied it.")
	k, i := a.Actor("Kabul", graph.ActorGovernment), a.Actor("Islamabad", graph.ActorGovernment)
	c := a.Says(k, "Kabul", "said", "Islamabad shelled the border")
	a.Accuses(k, i, c)
	if _, err := db.Ingest(context.Background(), a.Extraction()); err != nil {
		f.Fatal(err)
	}
	var panics atomic.Int64
	h := resolvers.NewHandler(resolvers.New(db, nil), resolvers.HandlerOptions{Logger: slog.New(panicCounter{&panics})})

	f.Add(`{ actors(first: 5) { totalCount edges { cursor node { id name kind aliases accusations(first: 2) { edges { node { id } } } } } } }`, `{}`)
	f.Add(`query($q: String!) { search(query: $q, first: 3) { totalCount edges { node { text speaker { name } article { title } } } } }`, `{"q":"border"}`)
	f.Add(`query($id: ID!) { node(id: $id) { id ... on Actor { name } } }`, `{"id":"QWN0b3I6YWN0X3g"}`)
	f.Add(`{ claims(first: 2, after: "clm_") { pageInfo { hasNextPage endCursor } } }`, `null`)
	f.Add(`{ path(from: "act_a", to: "act_b") { length } }`, `{}`)
	f.Add(`mutation { mergeActors(ids: ["a", "b"]) { actor { id } } }`, `{}`)
	f.Add(`{ __schema { types { name } } }`, `{}`)
	f.Add(`{ a: actors { totalCount } b: actors(first: -1) { totalCount } }`, `{"x":[1,{"y":null}]}`)
	f.Fuzz(func(t *testing.T, query, vars string) {
		body := map[string]any{"query": query}
		var v any
		if json.Unmarshal([]byte(vars), &v) == nil {
			body["variables"] = v
		}
		b, err := json.Marshal(body)
		if err != nil {
			return // invalid UTF-8 is replaced, not refused; nothing to send
		}
		before := panics.Load()
		req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(string(b)))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if panics.Load() != before {
			t.Fatalf("a resolver panicked on %q with variables %s", query, vars)
		}
		var res struct {
			Data   json.RawMessage   `json:"data"`
			Errors []json.RawMessage `json:"errors"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
			t.Fatalf("status %d, body is not JSON (%v): %q", rec.Code, err, rec.Body.String())
		}
		if res.Data == nil && len(res.Errors) == 0 {
			t.Fatalf("status %d, neither data nor errors: %q", rec.Code, rec.Body.String())
		}
	})
}
