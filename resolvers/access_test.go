package resolvers_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/resolvers"
)

// postAuth sends a GraphQL request with an Authorization header (none when
// auth is "") and decodes the answer.
func (c *client) postAuth(auth string, body map[string]any) (*response, int) {
	c.t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPost, c.srv.URL+"/query", bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatalf("post: %v", err)
	}
	defer res.Body.Close()
	return c.decode(res), res.StatusCode
}

// graphState is what a refused mutation must leave unchanged.
type graphState struct {
	Articles struct{ TotalCount int }
	Actors   struct {
		TotalCount int
		Nodes      []struct {
			Name    string
			Aliases []string
		}
	}
}

func (c *client) state() string {
	c.t.Helper()
	var s graphState
	c.query(`{ articles { totalCount } actors(first: 100) { totalCount nodes { name aliases } } }`, nil, &s)
	b, _ := json.Marshal(s)
	return string(b)
}

// TestAccess runs every mutation against servers with each access rule,
// with and without the right bearer token, and checks that a refused one
// answers UNAUTHORIZED and changes nothing in the store.
func TestAccess(t *testing.T) {
	const token = "s3cret-token"
	mutations := []struct {
		name, query string
		vars        func(ids map[string]string) map[string]any
	}{
		{"IngestArticle", ingestMutation, func(map[string]string) map[string]any {
			return map[string]any{"in": map[string]any{"title": riverTalks.title, "publisher": riverTalks.publisher, "text": riverTalks.text}}
		}},
		{"MergeActors", `mutation($ids: [ID!]!) { mergeActors(ids: $ids) { id } }`, func(ids map[string]string) map[string]any {
			return map[string]any{"ids": []string{ids["Kabul"], ids["Islamabad"]}}
		}},
		{"SplitAlias", `mutation($a: ID!) { splitAlias(actor: $a, alias: "Haidari") { split { id } } }`, func(ids map[string]string) map[string]any {
			return map[string]any{"a": ids["Omar Haidari"]}
		}},
	}
	cases := []struct {
		name  string
		opts  resolvers.HandlerOptions
		auth  string
		allow bool
	}{
		{"TokenRight", resolvers.HandlerOptions{Token: token}, "Bearer " + token, true},
		{"TokenSchemeCase", resolvers.HandlerOptions{Token: token}, "bearer " + token, true},
		{"TokenMissing", resolvers.HandlerOptions{Token: token}, "", false},
		{"TokenWrong", resolvers.HandlerOptions{Token: token}, "Bearer s3cret-tokeN", false},
		{"TokenPrefix", resolvers.HandlerOptions{Token: token}, "Bearer s3cret", false},
		{"TokenNotBearer", resolvers.HandlerOptions{Token: token}, "Basic " + token, false},
		{"ReadOnly", resolvers.HandlerOptions{ReadOnly: true}, "", false},
		{"ReadOnlyWithToken", resolvers.HandlerOptions{ReadOnly: true, Token: token}, "Bearer " + token, false},
		{"RefusedWithoutToken", resolvers.HandlerOptions{RefuseMutations: true}, "Bearer " + token, false},
		{"Open", resolvers.HandlerOptions{}, "", true},
	}
	for _, tc := range cases {
		for _, m := range mutations {
			t.Run(tc.name+"/"+m.name, func(t *testing.T) {
				db := mustOpenStore(t)
				if _, err := db.Ingest(t.Context(), borderClash.extraction(graph.Article{ID: graph.ArticleID(borderClash.text), Title: borderClash.title, Text: borderClash.text})); err != nil {
					t.Fatal(err)
				}
				c, _ := newServer(t, db, extractor(borderClash, riverTalks), tc.opts)
				c = c.with(t)
				ids := actorIDs(t, c)
				before := c.state()
				res, status := c.postAuth(tc.auth, map[string]any{"query": m.query, "variables": m.vars(ids)})
				after := c.state()
				if tc.allow {
					if len(res.Errors) > 0 {
						t.Fatalf("got errors %+v, want the mutation to run", res.Errors)
					}
					if after == before {
						t.Fatalf("the allowed mutation changed nothing: %s", after)
					}
					return
				}
				if res.code() != "UNAUTHORIZED" || string(res.Data) != "null" || status != http.StatusOK {
					t.Fatalf("got %d %s %+v, want UNAUTHORIZED and no data", status, res.Data, res.Errors)
				}
				if after != before {
					t.Fatalf("a refused mutation changed the store:\nbefore %s\nafter  %s", before, after)
				}
			})
		}
	}
	t.Run("QueriesNeedNoToken", func(t *testing.T) {
		c, _ := newServer(t, mustOpenStore(t), nil, resolvers.HandlerOptions{Token: token})
		c = c.with(t)
		if res, _ := c.postAuth("", map[string]any{"query": `{ actors { totalCount } }`}); len(res.Errors) > 0 {
			t.Fatalf("got %+v, want a query to pass without a token", res.Errors)
		}
	})
}
