package resolvers_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/resolvers"
)

// BenchmarkRefusal measures how long the server takes to refuse abusive
// operations over real HTTP (request to answer), each refused before any
// resolver runs.
func BenchmarkRefusal(b *testing.B) {
	c, _ := newServer(b, mustOpenStore(b), extractor(borderClash), resolvers.HandlerOptions{})
	c.ingest(borderClash)
	const search = `search(query: "said minister", first: 1) { totalCount }`
	cases := []struct{ name, query, code string }{
		{"5000SearchAliases", aliased(5000, search), "QUERY_TOO_LARGE"},
		{"1000SearchAliases", strings.ReplaceAll(aliased(1000, `search(query:"a",first:1){totalCount}`), " ", ""), "ALIAS_LIMIT_EXCEEDED"},
		{"20Searches", aliased(20, search), "COMPLEXITY_LIMIT_EXCEEDED"},
		{"6Paths", aliased(6, `path(from: "a", to: "b") { hops { kind } }`), "COMPLEXITY_LIMIT_EXCEEDED"},
	}
	for _, tc := range cases {
		body, _ := json.Marshal(map[string]any{"query": tc.query})
		b.Run(tc.name, func(b *testing.B) {
			c := c.with(b)
			for b.Loop() {
				res, err := http.Post(c.srv.URL+"/query", "application/json", strings.NewReader(string(body)))
				if err != nil {
					b.Fatal(err)
				}
				out := c.decode(res)
				res.Body.Close()
				if out.code() != tc.code {
					b.Fatalf("got %+v, want %s", out.Errors, tc.code)
				}
			}
			b.ReportMetric(float64(len(body)), "body-bytes")
		})
	}
}
