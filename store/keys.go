package store

import (
	"bytes"
	"encoding/binary"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Key prefixes; the layout is documented in the package comment.
const (
	pNode         = "n/"
	pEdge         = "e/"
	pRev          = "r/"
	pEdgeClaim    = "ec/"
	pDenied       = "dd/"
	pDenialArt    = "da/"
	pClaimArticle = "ca/"
	pClaimSpeaker = "cs/"
	pClaimSource  = "cr/"
	pClaimKind    = "ck/"
	pClaimTarget  = "cg/"
	pClaimPub     = "cp/"
	pClaimDate    = "cd/"
	pTimeline     = "ct/"
	pArticleDate  = "ad/"
	pArticleWhen  = "at/"
	pPublisher    = "ap/"
	pActorKind    = "ak/"
	pSourceKind   = "sk/"
	pActorName    = "an/"
	pSourceName   = "sn/"
	pAffiliation  = "af/"
	pMerged       = "mg/"
	pSplit        = "sp/"
	pPendingSplit = "ps/"
	pPosting      = "ti/"
	pSegment      = "tb/"
	pCount        = "k/"
	// claim clusters (cluster.go)
	pBand           = "lh/"
	pClusterUpgrade = "cu/"
	// pClusterOf held a clustered claim's cluster in formats 9 to 11,
	// which format 12 keeps in the value of its ca/ key (moveClusterOf)
	pClusterOf     = "cm/"
	pClusterMember = "cl/"
	// pClusterSize, pClusterFirst and pClusterLast held the order of
	// clusters in formats 9 to 11 (clusterOrderKeys), which format 12
	// keeps in memory (clusterOrder), with keys of the same form
	pClusterSize    = "cz/"
	pClusterFirst   = "cf/"
	pClusterLast    = "cv/"
	pClusterSpeaker = "cx/"
)

// sep joins the parts of a compound key.
const sep = "\x00"

// Values of name index entries: a name, an alias, or a name of an
// anonymous actor or a generic source, which never resolves.
const (
	nameOfficial  = 'N'
	nameAlias     = 'A'
	nameAnonymous = 'X'
)

// Counter names.
const (
	cntArticles = "articles"
	cntActors   = "actors"
	cntSources  = "sources"
	cntClaims   = "claims"
	cntDocs     = "docs"
	cntDocLen   = "doclen"
	cntClusters = "clusters"
	// cntFormat holds the format version of the database, formatVersion.
	cntFormat = "format"
)

// formatVersion is the version of the key layout. Version 1 had no index
// group counters, version 2 no edge counters, versions 3 and 4 other edge
// counters; Open recounts. Version 5 lacked the date, timeline, target and
// publisher indexes of claims and articles; Open builds them
// (buildIndexes6). Version 6 kept every edge in r/, those to their own
// claim too; Open drops those (dropOwnClaimRevs). Version 7 had no denied
// claim in edge values (they still read as before) and lacked the denial
// indexes dd/ and da/; Open builds them (buildDenialIndexes). A binary of
// version 7 refuses version 8, whose edge values it would misread.
// Version 8 had no claim clusters; Open clusters the stored claims
// (clusterStored). Versions 8 and 9 folded search terms by stripping
// plurals; version 10 indexes English stems (Porter2), so Open rebuilds the
// postings (reindexSearch). Versions 9 and 10 kept the cluster bucket
// records (lh/) unpacked, with 64-bit word hashes and without the cluster
// a claim joined; Open packs them (packBuckets). A binary of version 10
// refuses version 11, whose records it would misread. Versions 9 to 11
// kept a clustered claim's cluster and date under cm/<claim>; version 12
// keeps them in the value of the claim's ca/ key, which saves an entry a
// clustered claim at ingest, and Open moves them (moveClusterOf).
// Versions 9 to 11 kept the order of clusters in cz/, cf/ and cv/;
// version 12 keeps it in memory (clusterOrder), which saves up to six
// writes a cluster a transaction changes, and Open drops them. A binary
// of version 11 refuses version 12, in which it would find no claim in a
// cluster.
const formatVersion = 12

// countedIndexes are the index prefixes whose groups are counted: every key
// prefix + part + sep + id adds one to the counter indexGroup(key), so a
// filtered list knows its size without iterating.
var countedIndexes = []string{
	pPublisher, pActorKind, pSourceKind, pActorName, pSourceName,
	pClaimArticle, pClaimSpeaker, pClaimSource, pClaimKind, pClaimTarget, pClaimPub,
	pClusterSpeaker,
}

// indexGroup names the counter of the group an index key belongs to: "#"
// and the key up to its last separator, e.g. "#cs/act_…" for the claims of
// one speaker.
func indexGroup(k []byte) string {
	return "#" + string(k[:bytes.LastIndexByte(k, 0)])
}

// edgeGroups names the counters an edge counts in: the edges of its kind
// from its start ("#e/<from>\0<kind>") and, unless its end is a claim
// (which has few edges), to its end ("#r/<to>\0<kind>"). FindEdges takes
// its totals from them, summing the kinds when none is asked for.
func edgeGroups(e *graph.Edge) []string {
	return append(edgeFromGroups(e), edgeToGroups(e)...)
}

func edgeFromGroups(e *graph.Edge) []string {
	return []string{edgeGroup(pEdge, e.From, e.Kind)}
}

func edgeToGroups(e *graph.Edge) []string {
	if strings.HasPrefix(e.To, graph.PrefixClaim) {
		return nil
	}
	return []string{edgeGroup(pRev, e.To, e.Kind)}
}

// edgeGroup names the counter of the edges of one kind from (pEdge) or to
// (pRev) a node.
func edgeGroup(prefix, node string, kind graph.EdgeKind) string {
	return "#" + prefix + node + sep + string(kind)
}

// key joins a prefix and parts into a fresh key (one allocation: a load
// builds several per claim).
func key(prefix string, parts ...string) []byte {
	n := len(prefix) + max(len(parts)-1, 0)*len(sep)
	for _, p := range parts {
		n += len(p)
	}
	b := append(make([]byte, 0, n), prefix...)
	for i, p := range parts {
		if i > 0 {
			b = append(b, sep...)
		}
		b = append(b, p...)
	}
	return b
}

// prefixOf returns the key prefix of every key whose leading parts are parts.
func prefixOf(prefix string, parts ...string) []byte {
	return []byte(prefix + strings.Join(parts, sep) + sep)
}

func nodeKey(id string) []byte { return key(pNode, id) }

// nodeTypePrefix is the prefix of all nodes of one type, e.g. "n/act_".
func nodeTypePrefix(idPrefix string) []byte { return []byte(pNode + idPrefix) }

func edgeKey(e *graph.Edge) []byte {
	return key(pEdge, e.From, string(e.Kind), e.To, e.Claim)
}

// hasRevKey reports whether e is kept in the reverse index (r/): every
// edge but those whose end is their own claim (says and reports edges to
// the claim they carry), which the claim's ec/ keys already list.
func hasRevKey(e *graph.Edge) bool { return e.To != e.Claim }

// toOwnClaim reports whether a filter reading the reverse index (To set,
// From not) must also read the ec/ keys of To: when To is a claim, the
// edges ending at it that carry it are kept there only (hasRevKey).
func toOwnClaim(f graph.EdgeFilter) bool {
	return f.From == "" && strings.HasPrefix(f.To, graph.PrefixClaim) && (f.Claim == "" || f.Claim == f.To)
}

func revKey(e *graph.Edge) []byte {
	return key(pRev, e.To, string(e.Kind), e.From, e.Claim)
}

func edgeClaimKey(e *graph.Edge) []byte {
	return key(pEdgeClaim, e.Claim, e.From, string(e.Kind), e.To)
}

// deniedKey is the key of a denies edge in the index of denials by the
// claim they deny (only for an edge whose Denied is set).
func deniedKey(e *graph.Edge) []byte {
	return key(pDenied, e.Denied, e.From, e.To, e.Claim)
}

// denialArticleKey is the key of a denies edge in the index of denials by
// the article they were read from.
func denialArticleKey(e *graph.Edge) []byte {
	return key(pDenialArt, e.Article, e.From, e.To, e.Claim)
}

// edgeValue is the value every key of an edge holds (e/, r/, ec/, dd/,
// da/): its article ID, then, on a denies edge that names its denied
// claim, a separator and that claim's ID. Values written before format 8
// hold the article alone, which reads as an edge without a denied claim.
func edgeValue(e *graph.Edge) []byte {
	if e.Denied == "" {
		return []byte(e.Article)
	}
	return key("", e.Article, e.Denied)
}

// setEdgeValue sets the article and denied claim of e from an edge value
// (see edgeValue).
func setEdgeValue(e *graph.Edge, v []byte) {
	if i := bytes.IndexByte(v, 0); i >= 0 {
		e.Article, e.Denied = string(v[:i]), string(v[i+1:])
		return
	}
	e.Article, e.Denied = string(v), ""
}

// edgeFromKey decodes a key of pEdge, pRev, pEdgeClaim, pDenied or
// pDenialArt into an edge, with only what the key holds: no article
// (but from da/) and no denied claim (but from dd/); setEdgeValue adds
// both from the key's value.
func edgeFromKey(k []byte) (*graph.Edge, bool) {
	s := string(k)
	var prefix string
	for _, p := range []string{pEdge, pRev, pEdgeClaim, pDenied, pDenialArt} {
		if strings.HasPrefix(s, p) {
			prefix = p
		}
	}
	if prefix == "" {
		return nil, false
	}
	f := strings.Split(s[len(prefix):], sep)
	if len(f) != 4 {
		return nil, false
	}
	switch prefix {
	case pEdge:
		return &graph.Edge{From: f[0], Kind: graph.EdgeKind(f[1]), To: f[2], Claim: f[3]}, true
	case pRev:
		return &graph.Edge{To: f[0], Kind: graph.EdgeKind(f[1]), From: f[2], Claim: f[3]}, true
	case pDenied:
		return &graph.Edge{Denied: f[0], Kind: graph.EdgeDenies, From: f[1], To: f[2], Claim: f[3]}, true
	case pDenialArt:
		return &graph.Edge{Article: f[0], Kind: graph.EdgeDenies, From: f[1], To: f[2], Claim: f[3]}, true
	default:
		return &graph.Edge{Claim: f[0], From: f[1], Kind: graph.EdgeKind(f[2]), To: f[3]}, true
	}
}

func claimArticleKey(article, claim string) []byte { return key(pClaimArticle, article, claim) }
func claimSpeakerKey(speaker, claim string) []byte { return key(pClaimSpeaker, speaker, claim) }
func claimSourceKey(source, claim string) []byte   { return key(pClaimSource, source, claim) }
func claimKindKey(kind graph.EdgeKind, claim string) []byte {
	return key(pClaimKind, string(kind), claim)
}
func claimTargetKey(target, claim string) []byte { return key(pClaimTarget, target, claim) }
func claimPubKey(publisher, claim string) []byte {
	return key(pClaimPub, graph.NameKey(publisher), claim)
}
func claimDateKey(date, claim string) []byte         { return key(pClaimDate, date, claim) }
func timelineKey(speaker, date, claim string) []byte { return key(pTimeline, speaker, date, claim) }
func articleDateKey(date, article string) []byte     { return key(pArticleDate, date, article) }
func articleWhenKey(article string) []byte           { return key(pArticleWhen, article) }
func publisherKey(publisher, article string) []byte {
	return key(pPublisher, graph.NameKey(publisher), article)
}
func actorKindKey(kind graph.ActorKind, id string) []byte { return key(pActorKind, string(kind), id) }
func sourceKindKey(kind graph.SourceKind, id string) []byte {
	return key(pSourceKind, string(kind), id)
}
func actorNameKey(nameKey, id string) []byte       { return key(pActorName, nameKey, id) }
func sourceNameKey(nameKey, id string) []byte      { return key(pSourceName, nameKey, id) }
func affiliationKey(affiliation, id string) []byte { return key(pAffiliation, affiliation, id) }
func mergedKey(id string) []byte                   { return key(pMerged, id) }
func splitKey(nameKey string) []byte               { return key(pSplit, nameKey) }
func pendingSplitKey(id string) []byte             { return key(pPendingSplit, id) }
func postingKey(term, doc string) []byte           { return key(pPosting, term, doc) }
func segmentKey(term, first string) []byte         { return key(pSegment, term, first) }
func countKey(name string) []byte                  { return key(pCount, name) }

// lastID is lastPart(k, 0) without a copy: the bytes of k after its last
// separator (all of k when it has none).
func lastID(k []byte) []byte {
	return k[bytes.LastIndexByte(k, 0)+1:]
}

// lastPart returns the part of a compound key after its last separator (or
// after the prefix for a simple key): the ID that index keys end with.
func lastPart(k []byte, prefixLen int) string {
	s := string(k[prefixLen:])
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[i+1:]
	}
	return s
}

// posting encodes a posting value: term frequency and document length.
func posting(tf, docLen int) []byte {
	b := binary.AppendUvarint(nil, uint64(tf))
	return binary.AppendUvarint(b, uint64(docLen))
}

// appendSegment appends one posting of a segment value: the document ID
// (length first), term frequency and document length.
func appendSegment(b []byte, doc string, tf, docLen int) []byte {
	b = binary.AppendUvarint(b, uint64(len(doc)))
	b = append(b, doc...)
	return append(b, posting(tf, docLen)...)
}

// parseSegment calls fn with each posting of a segment value; it stops at
// the first malformed one.
func parseSegment(v []byte, fn func(doc []byte, tf, docLen int)) {
	for len(v) > 0 {
		n, k := binary.Uvarint(v)
		if k <= 0 || uint64(len(v)-k) < n {
			return
		}
		doc := v[k : k+int(n)]
		v = v[k+int(n):]
		tf, k := binary.Uvarint(v)
		if k <= 0 {
			return
		}
		v = v[k:]
		dl, k := binary.Uvarint(v)
		if k <= 0 {
			return
		}
		v = v[k:]
		fn(doc, int(tf), int(dl))
	}
}

// parsePosting decodes a posting value.
func parsePosting(v []byte) (tf, docLen int) {
	t, n := binary.Uvarint(v)
	if n <= 0 {
		return 0, 0
	}
	l, m := binary.Uvarint(v[n:])
	if m <= 0 {
		return int(t), 0
	}
	return int(t), int(l)
}

func encodeCount(n int64) []byte {
	return binary.BigEndian.AppendUint64(nil, uint64(n))
}

func decodeCount(v []byte) int64 {
	if len(v) != 8 {
		return 0
	}
	return int64(binary.BigEndian.Uint64(v))
}
