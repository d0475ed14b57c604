package dgraph

// Predicates of the schema. Every node has PredID and PredJSON; the others
// belong to one node type, as Schema declares. Keys named "key" are the
// graph.NameKey of a name; "order" and edge keys are sort keys.
const (
	// PredID holds a node's claimgraph ID (art_…, act_…, src_…, clm_…;
	// edges "edg:" and their FindEdges key; merge and split markers
	// "mrg:" and "spl:").
	PredID = "cg.id"
	// PredJSON holds a node's record as graph's JSON encoding.
	PredJSON = "cg.json"

	// PredArticlePublisher is the NameKey of an article's publisher.
	PredArticlePublisher = "article.publisher"
	// PredArticleDate is an article's graph.Article.TimeKey: the DateKey
	// of its publishedAt, else of its ingestedAt (absent when it has
	// neither).
	PredArticleDate = "article.date"
	// PredArticleOrder sorts articles by date, then ID (orderKey).
	PredArticleOrder = "article.order"

	// PredActorKind is an actor's kind.
	PredActorKind = "actor.kind"
	// PredActorName is the NameKey of an actor's name.
	PredActorName = "actor.name"
	// PredActorAlias holds the NameKeys of an actor's aliases.
	PredActorAlias = "actor.alias"
	// PredActorAffiliation is the ID of the actor an actor belongs to.
	PredActorAffiliation = "actor.affiliation"

	// PredSourceKind is a source's kind.
	PredSourceKind = "source.kind"
	// PredSourceName is the NameKey of a source's name.
	PredSourceName = "source.name"
	// PredSourceAlias holds the NameKeys of a source's aliases.
	PredSourceAlias = "source.alias"

	// PredClaimArticle is the ID of a claim's article.
	PredClaimArticle = "claim.article"
	// PredClaimSpeaker holds the IDs of a claim's speaker and of the
	// actors with a says edge to it.
	PredClaimSpeaker = "claim.speaker"
	// PredClaimKind holds the kinds of the edges read from a claim.
	PredClaimKind = "claim.kind"
	// PredClaimSource holds the IDs of the sources reporting a claim.
	PredClaimSource = "claim.source"
	// PredClaimTarget holds the IDs of the actors a claim accuses or denies.
	PredClaimTarget = "claim.target"
	// PredClaimPublisher is the NameKey of the claim's article's publisher.
	PredClaimPublisher = "claim.publisher"
	// PredClaimDate is the TimeKey of the claim's article (absent when
	// undated).
	PredClaimDate = "claim.date"
	// PredClaimOrder sorts claims by their article's date, then ID.
	PredClaimOrder = "claim.order"

	// PredDocTerm holds the search terms of a claim's text or an actor's
	// names.
	PredDocTerm = "doc.term"
	// PredDocLen is the number of search terms of the text.
	PredDocLen = "doc.len"
	// PredDocTF holds each term's frequency, as a JSON object.
	PredDocTF = "doc.tf"

	// PredEdgeKind is an edge's kind.
	PredEdgeKind = "edge.kind"
	// PredEdgeFrom is the ID of an edge's start.
	PredEdgeFrom = "edge.from"
	// PredEdgeTo is the ID of an edge's end.
	PredEdgeTo = "edge.to"
	// PredEdgeClaim is the ID of the claim an edge was read from.
	PredEdgeClaim = "edge.claim"
	// PredEdgeArticle is the ID of the article an edge was read from.
	PredEdgeArticle = "edge.article"
	// PredEdgeDenied is the claim a denies edge denies (Edge.DeniedClaim).
	PredEdgeDenied = "edge.denied"
	// PredEdgeDate is the TimeKey of the article an edge was read from
	// (absent when undated), for the date window of EdgeFilter.
	PredEdgeDate = "edge.date"
	// PredEdgeFromKey sorts edges by (from, kind, to, claim).
	PredEdgeFromKey = "edge.fkey"
	// PredEdgeToKey sorts edges by (to, kind, from, claim).
	PredEdgeToKey = "edge.tkey"

	// PredRedirect is, on a merge or split marker, the actor ID the merged
	// ID or split name now resolves to.
	PredRedirect = "redirect.to"
)

// Node types (dgraph.type).
const (
	// TypeArticle is the type of article nodes.
	TypeArticle = "Article"
	// TypeActor is the type of actor nodes.
	TypeActor = "Actor"
	// TypeSource is the type of source nodes.
	TypeSource = "Source"
	// TypeClaim is the type of claim nodes.
	TypeClaim = "Claim"
	// TypeEdge is the type of edge nodes.
	TypeEdge = "Edge"
	// TypeRedirect is the type of merge and split markers.
	TypeRedirect = "Redirect"
)

// Schema is the Dgraph schema of a claimgraph graph: predicates with their
// indexes, and node types. Open installs it; give it to dgraph live or
// dgraph bulk (-s) with N-Quads from WriteRDF.
const Schema = `
cg.id: string @index(exact) @upsert .
cg.json: string .
article.publisher: string @index(exact) .
article.date: string @index(exact) .
article.order: string @index(exact) .
actor.kind: string @index(exact) .
actor.name: string @index(exact) @upsert .
actor.alias: [string] @index(exact) @upsert .
actor.affiliation: string @index(exact) .
source.kind: string @index(exact) .
source.name: string @index(exact) @upsert .
source.alias: [string] @index(exact) @upsert .
claim.article: string @index(exact) .
claim.speaker: [string] @index(exact) .
claim.kind: [string] @index(exact) .
claim.source: [string] @index(exact) .
claim.target: [string] @index(exact) .
claim.publisher: string @index(exact) .
claim.date: string @index(exact) .
claim.order: string @index(exact) .
doc.term: [string] @index(exact) .
doc.len: int .
doc.tf: string .
edge.kind: string @index(exact) .
edge.from: string @index(exact) .
edge.to: string @index(exact) .
edge.claim: string @index(exact) .
edge.article: string @index(exact) .
edge.denied: string @index(exact) .
edge.date: string @index(exact) .
edge.fkey: string @index(exact) .
edge.tkey: string @index(exact) .
redirect.to: string .

type Article {
	cg.id
	cg.json
	article.publisher
	article.date
	article.order
}
type Actor {
	cg.id
	cg.json
	actor.kind
	actor.name
	actor.alias
	actor.affiliation
	doc.term
	doc.len
	doc.tf
}
type Source {
	cg.id
	cg.json
	source.kind
	source.name
	source.alias
}
type Claim {
	cg.id
	cg.json
	claim.article
	claim.speaker
	claim.kind
	claim.source
	claim.target
	claim.publisher
	claim.date
	claim.order
	doc.term
	doc.len
	doc.tf
}
type Edge {
	cg.id
	cg.json
	edge.kind
	edge.from
	edge.to
	edge.claim
	edge.article
	edge.denied
	edge.date
	edge.fkey
	edge.tkey
}
type Redirect {
	cg.id
	redirect.to
}
`
