package resolvers_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/resolvers"
)

// plainStore hides the graph.BatchReader of a store, so the resolvers read
// it one key at a time.
type plainStore struct{ graph.Store }

// TestBatchReaderSameAnswers asks the same lists of claims, with the fields
// the batch resolvers and loaders read, of one store with and without its
// graph.BatchReader: the answers must be equal.
func TestBatchReaderSameAnswers(t *testing.T) {
	db := mustOpenStore(t)
	batched, _ := newServer(t, db, extractor(borderClash, riverTalks), resolvers.HandlerOptions{})
	batched.ingestDated(borderClash, borderClashDate)
	batched.ingestDated(riverTalks, riverTalksDate)
	plain, _ := newServer(t, plainStore{db}, nil, resolvers.HandlerOptions{})
	for _, q := range []string{
		`{ claims(first: 50) { totalCount nodes { id text sentence speaker { id name title } speakerSource { name } reportedBy { id name } deniedBy { name } targets { name } article { title } } } }`,
		`{ actors(first: 10) { nodes { name says(first: 10) { nodes { text speaker { name } reportedBy { name } relations { kind } } } } } }`,
		`{ search(query: "border talks", first: 20) { totalCount nodes { kind score snippet node { ... on Claim { text speaker { name } reportedBy { name } } ... on Actor { name } } } } }`,
	} {
		a, b := batched.post(map[string]any{"query": q}), plain.post(map[string]any{"query": q})
		if len(a.Errors) > 0 || len(b.Errors) > 0 {
			t.Fatalf("query %s: errors %+v, %+v", firstLine(q), a.Errors, b.Errors)
		}
		var ca, cb bytes.Buffer
		json.Compact(&ca, a.Data)
		json.Compact(&cb, b.Data)
		if ca.String() != cb.String() {
			t.Errorf("query %s:\ngot  %s\nwant %s", firstLine(q), ca.String(), cb.String())
		}
		if bytes.Count(ca.Bytes(), []byte(`"name"`)) < 3 {
			t.Errorf("query %s: too few names to compare: %s", firstLine(q), ca.String())
		}
	}
}
