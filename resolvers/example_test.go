package resolvers_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/resolvers"
	"github.com/claimgraph/claimgraph/store"
)

// ExampleNewHandler serves a store over GraphQL, ingests a (fictional)
// article through the API and asks whom Kabul accuses.
func ExampleNewHandler() {
	db, err := store.Open("", store.Options{InMemory: true})
	if err != nil {
		panic(err)
	}
	defer db.Close()
	// The CLI passes extract.Extract; here a hand-made extraction.
	r := resolvers.New(db, func(a graph.Article) (*graph.Extraction, error) {
		return borderClash.extraction(a), nil
	})
	srv := httptest.NewServer(resolvers.NewHandler(r, resolvers.HandlerOptions{}))
	defer srv.Close()

	post := func(query string, vars map[string]any) string {
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		res, err := http.Post(srv.URL+"/query", "application/json", bytes.NewReader(body))
		if err != nil {
			panic(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return string(b)
	}
	fmt.Println(post(`mutation($text: String!) { ingestArticle(input: {text: $text}) { created } }`,
		map[string]any{"text": borderClash.text}))
	fmt.Println(post(`{ actors(filter: {name: "Kabul"}) { nodes { accusationCounts { accused { name } count } } } }`, nil))
	// Output:
	// {"data":{"ingestArticle":{"created":true}}}
	// {"data":{"actors":{"nodes":[{"accusationCounts":[{"accused":{"name":"Islamabad"},"count":1},{"accused":{"name":"Northern Front"},"count":1}]}]}}}
}
