// Package dgraph is claimgraph's second graph.Store: the graph kept in a
// Dgraph cluster (github.com/dgraph-io/dgraph, v24) through its official Go
// client dgo, for archives that outgrow one machine. It belongs to the
// store layer and imports graph, the Badger store's text analysis (so a
// search ranks and bolds words the same on both backends) and dgo.
//
// Every node is a Dgraph node keyed by its claimgraph ID in the predicate
// cg.id (exact index, @upsert), so writes are idempotent upserts: several
// ingest workers, on one machine or many, may write to one cluster, and
// Dgraph aborts one of two transactions that touch the same IDs or names
// (Ingest retries it). Each node keeps its record as JSON (cg.json) and the
// predicates its lists are selected and ordered by, each with an exact
// index: lists page with orderasc/orderdesc on an indexed key and a
// gt/lt cursor filter, never by sorting in Go. Articles, claims and
// edges carry the date their lists are ordered and windowed by: the
// article's graph.Article.TimeKey, as on the Badger store. Edges are nodes
// of type Edge with their two sort keys (edge.fkey, edge.tkey). Schema
// holds the whole schema; WriteRDF writes a graph as N-Quads in it, for
// dgraph live or dgraph bulk.
package dgraph
