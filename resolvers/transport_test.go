package resolvers_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/claimgraph/claimgraph/graph/generated"
	"github.com/claimgraph/claimgraph/resolvers"
)

// TestPOSTLikeGqlgen checks that the handler's POST answers as gqlgen's own
// transport.POST does — same status, content type and JSON — for data,
// resolver errors, bad bodies and invalid queries, and that a client
// asking for application/graphql-response+json still gets it.
func TestPOSTLikeGqlgen(t *testing.T) {
	roll := reportedRollCall(30)
	db := mustOpenStore(t)
	c, r := newServer(t, db, extractor(roll), resolvers.HandlerOptions{})
	c.ingest(roll)
	ref := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: r}))
	ref.AddTransport(transport.POST{})
	refSrv := httptest.NewServer(ref)
	t.Cleanup(refSrv.Close)

	send := func(url, body, accept string) (int, string, []byte) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader([]byte(body)))
		req.Header.Set("Content-Type", "application/json")
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, res.Header.Get("Content-Type"), b
	}
	decode := func(b []byte) map[string]any {
		t.Helper()
		var v map[string]any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatalf("body %s is not JSON: %v", b, err)
		}
		return v
	}
	for _, tc := range []struct {
		name, body string
		sameBody   bool
	}{
		{"Data", `{"query": "{ claims(first: 30) { totalCount nodes { text sentence speaker { name title } reportedBy { name } } } }"}`, true},
		{"Variables", `{"query": "query($n: Int) { actors(first: $n) { nodes { name } } }", "variables": {"n": 2}}`, true},
		{"ResolverError", `{"query": "{ claims(first: 1, after: \"nope\") { totalCount } }"}`, false},
		{"BadJSON", `{"query": `, false},
		{"Invalid", `{"query": "{ nosuchfield }"}`, false},
		{"Unparsable", `{"query": "{ claims( }"}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, accept := range []string{"", "application/json", "*/*", "application/graphql-response+json", "text/html"} {
				gotStatus, gotType, got := send(c.srv.URL+"/query", tc.body, accept)
				wantStatus, wantType, want := send(refSrv.URL, tc.body, accept)
				if gotStatus != wantStatus || gotType != wantType {
					t.Errorf("Accept %q: got status %d, %s; want %d, %s", accept, gotStatus, gotType, wantStatus, wantType)
				}
				g, w := decode(got), decode(want)
				if tc.sameBody && !reflect.DeepEqual(g, w) {
					t.Errorf("Accept %q: got %s, want %s", accept, got, want)
				}
				if _, hasErr := w["errors"]; !tc.sameBody && !hasErr {
					t.Fatalf("reference answered %s, want errors", want)
				}
				if _, hasErr := g["errors"]; hasErr != !tc.sameBody {
					t.Errorf("Accept %q: got %s, want errors only when the reference has them", accept, got)
				}
			}
		})
	}
}
