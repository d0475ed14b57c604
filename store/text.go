package store

import "github.com/claimgraph/claimgraph/graph"

// This file exports the search analysis, so that another backend (Dgraph)
// indexes, ranks and bolds words exactly as this one does.

// SearchTermFreqs returns the search terms of text with their frequencies
// and its length in terms: words folded for case and apostrophes to their
// English stems, stopwords left out.
func SearchTermFreqs(text string) (map[string]int, int) { return termFreqs(text) }

// SearchQueryTerms returns the distinct terms of a search query that are
// looked up (at most 32, in order); none means no searchable word.
func SearchQueryTerms(query string) []string { return parseQuery(query).terms }

// SearchSnippet returns about 200 bytes of text around the first word of
// the query, every word of the query in it wrapped in **.
func SearchSnippet(text, query string) string {
	q := map[string]bool{}
	for _, tok := range tokens(query) {
		if tok.term != "" {
			q[tok.term] = true
		}
	}
	return snippet(text, q)
}

// ClaimSearchText is the text a claim is searched by.
func ClaimSearchText(c *graph.Claim) string { return claimDoc(c) }

// ActorSearchText is the text an actor is searched by: its name and
// aliases.
func ActorSearchText(a *graph.Actor) string { return actorDoc(a) }

// BM25 returns the BM25 weight of a term occurring tf times in a document
// of docLen terms, given the term's idf and the mean document length: the
// weighting Search uses.
func BM25(idf float64, tf, docLen int, avgLen float64) float64 {
	f := float64(tf)
	return idf * f * (bm25K1 + 1) / (f + bm25K1*(1-bm25B+bm25B*float64(docLen)/avgLen))
}
