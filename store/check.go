package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

// CheckReport is what Check found: the nodes and edges it read and the
// problems, if any.
type CheckReport struct {
	// Articles, Claims, Actors, Sources and Edges count the nodes and
	// edges read.
	Articles, Claims, Actors, Sources, Edges int
	// Problems lists what is wrong, one sentence each, the first
	// maxProblems of them; More counts those left out.
	Problems []string
	More     int
}

// OK reports whether the check found no problem.
func (r *CheckReport) OK() bool { return len(r.Problems) == 0 }

// String renders the report's first line: the counts and the number of
// problems.
func (r *CheckReport) String() string {
	return fmt.Sprintf("%d articles, %d claims, %d actors, %d sources, %d edges; %d problems",
		r.Articles, r.Claims, r.Actors, r.Sources, r.Edges, len(r.Problems)+r.More)
}

// maxProblems bounds CheckReport.Problems.
const maxProblems = 1000

// Check reads the whole database in one snapshot and reports whether it
// holds together:
//   - every article is whole: each claim listed under it (ca/) exists and
//     names it, each claim's article lists it, and the node counters
//     agree with the nodes;
//   - no edge dangles: its start, end, claim and article exist;
//   - indexes agree with data both ways: every index key points at
//     existing nodes or edges (e/ for r/, ec/, dd/, da/), every node and
//     edge has the index keys its write adds (see the package comment),
//     and every group counter equals the keys of its group.
//
// Problems go in the report; the error is for a failure to read.
func (db *DB) Check(ctx context.Context) (*CheckReport, error) {
	c := &checker{
		rep:       &CheckReport{},
		nodes:     map[string]byte{},
		articles:  map[string]checkArticle{},
		merged:    map[string]bool{},
		counters:  map[string]int64{},
		groups:    map[string]int64{},
		claimArts: map[string]string{},
	}
	err := db.bdb.View(func(txn *badger.Txn) error {
		c.txn = txn
		if err := c.readNodes(ctx); err != nil {
			return err
		}
		return c.readKeys(ctx)
	})
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	c.compareCounters()
	return c.rep, nil
}

// checkArticle is what Check keeps of an article for the index checks:
// date is its graph.Article.TimeKey, the date key every date index (at/,
// ad/, cd/, ct/) files it and its claims under, which is that of its
// ingestedAt when it has no readable publishedAt.
type checkArticle struct {
	date, publisher string
}

type checker struct {
	txn *badger.Txn
	rep *CheckReport
	// nodes maps every node ID to its node type's first letter (a, c, s
	// for actors and sources, l for claims).
	nodes     map[string]byte
	articles  map[string]checkArticle
	claimArts map[string]string // claim → its article
	merged    map[string]bool   // actors merged away (mg/)
	counters  map[string]int64  // k/ counters as stored, by name
	groups    map[string]int64  // group counters as counted from the keys
}

// problem records one problem.
func (c *checker) problem(format string, args ...any) {
	if len(c.rep.Problems) >= maxProblems {
		c.rep.More++
		return
	}
	c.rep.Problems = append(c.rep.Problems, fmt.Sprintf(format, args...))
}

// showKey renders a key for a message, its separators as "|".
func showKey(k []byte) string { return strings.ReplaceAll(string(k), sep, "|") }

// readNodes reads every node, the merged-away actors and the counters.
func (c *checker) readNodes(ctx context.Context) error {
	for _, p := range []string{pNode, pMerged, pCount} {
		it := c.txn.NewIterator(badger.IteratorOptions{Prefix: []byte(p), PrefetchValues: p != pMerged})
		for it.Seek([]byte(p)); it.ValidForPrefix([]byte(p)); it.Next() {
			item := it.Item()
			k := item.Key()
			id := string(k[len(p):])
			switch p {
			case pMerged:
				c.merged[id] = true
				continue
			case pCount:
				v, err := item.ValueCopy(nil)
				if err != nil {
					it.Close()
					return err
				}
				c.counters[id] = decodeCount(v)
				continue
			}
			if err := c.readNode(id, item); err != nil {
				it.Close()
				return err
			}
			if len(c.nodes)%4096 == 0 {
				if err := ctx.Err(); err != nil {
					it.Close()
					return err
				}
			}
		}
		it.Close()
	}
	return nil
}

// readNode reads one node.
func (c *checker) readNode(id string, item *badger.Item) error {
	decode := func(v any) bool {
		err := item.Value(func(b []byte) error { return json.Unmarshal(b, v) })
		if err != nil {
			c.problem("node %s does not decode: %v", id, err)
			return false
		}
		return true
	}
	switch {
	case strings.HasPrefix(id, graph.PrefixArticle):
		var a graph.Article
		if !decode(&a) {
			return nil
		}
		c.nodes[id] = 'a'
		c.rep.Articles++
		c.articles[id] = checkArticle{date: a.TimeKey(), publisher: a.Publisher}
	case strings.HasPrefix(id, graph.PrefixClaim):
		var cl graph.Claim
		if !decode(&cl) {
			return nil
		}
		c.nodes[id] = 'l'
		c.rep.Claims++
		c.claimArts[id] = cl.Article
		if cl.Speaker != "" {
			// checked once every node is known (checkClaims)
			c.claimArts[id] += sep + cl.Speaker
		}
	case strings.HasPrefix(id, graph.PrefixActor):
		var a graph.Actor
		if !decode(&a) {
			return nil
		}
		c.nodes[id] = 'c'
		c.rep.Actors++
		c.want(actorKindKey(a.Kind, id), "actor %s", id)
		if a.Affiliation != "" {
			c.want(affiliationKey(a.Affiliation, id), "actor %s", id)
		}
		for name := range actorNames(&a) {
			c.want(actorNameKey(name, id), "actor %s", id)
		}
	case strings.HasPrefix(id, graph.PrefixSource):
		var s graph.Source
		if !decode(&s) {
			return nil
		}
		c.nodes[id] = 's'
		c.rep.Sources++
		c.want(sourceKindKey(s.Kind, id), "source %s", id)
	case strings.HasPrefix(id, graph.PrefixCluster):
		var cl graph.Cluster
		if !decode(&cl) {
			return nil
		}
		c.nodes[id] = 'u'
		c.want(key(pClusterSpeaker, cl.Speaker, id), "cluster %s", id)
	default:
		c.problem("node key n/%s has no known ID prefix", id)
	}
	return nil
}

// want records a problem when key k is missing; what names the datum
// that needs it.
func (c *checker) want(k []byte, what string, args ...any) {
	_, err := c.txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		c.problem("%s has no index key %s", fmt.Sprintf(what, args...), showKey(k))
	} else if err != nil {
		c.problem("read %s: %v", showKey(k), err)
	}
}

// node reports whether a node with that ID exists.
func (c *checker) node(id string) bool {
	_, ok := c.nodes[id]
	return ok
}

// readKeys walks every key but nodes and counters, checking each against
// the nodes, then checks the claims and articles against their indexes.
func (c *checker) readKeys(ctx context.Context) error {
	it := c.txn.NewIterator(badger.IteratorOptions{})
	defer it.Close()
	n := 0
	for it.Rewind(); it.Valid(); it.Next() {
		if n++; n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		item := it.Item()
		k := item.KeyCopy(nil)
		if err := c.checkKey(k, item); err != nil {
			return err
		}
	}
	c.checkClaims()
	c.checkArticles()
	return nil
}

// prefixOfKey returns the prefix of k ("e/", "ca/", …) or "".
func prefixOfKey(k []byte) string {
	if i := bytes.IndexByte(k, '/'); i >= 0 {
		return string(k[:i+1])
	}
	return ""
}

// checkKey checks one key.
func (c *checker) checkKey(k []byte, item *badger.Item) error {
	p := prefixOfKey(k)
	rest := string(k[len(p):])
	parts := strings.Split(rest, sep)
	last := parts[len(parts)-1]
	for _, cp := range countedIndexes {
		if p == cp && len(parts) > 1 {
			c.groups[indexGroup(k)]++
		}
	}
	needNode := func(id, what string) {
		if !c.node(id) {
			c.problem("%s key %s points at %s %s, which does not exist", p, showKey(k), what, id)
		}
	}
	switch p {
	case pNode, pCount, pMerged, pSplit, pPendingSplit:
		return nil
	case pEdge, pRev, pEdgeClaim, pDenied, pDenialArt:
		e, ok := edgeFromKey(k)
		if !ok {
			c.problem("edge key %s does not parse", showKey(k))
			return nil
		}
		v, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		setEdgeValue(e, v)
		if p == pEdge {
			c.checkEdge(k, e)
		} else {
			c.want(edgeKey(e), "index key %s", showKey(k))
		}
	case pClaimArticle:
		needNode(parts[0], "article")
		needNode(last, "claim")
		if art, _, _ := strings.Cut(c.claimArts[last], sep); c.node(last) && art != parts[0] {
			c.problem("ca/ key %s lists claim %s under article %s, but the claim names article %q", showKey(k), last, parts[0], art)
		}
		if item.ValueSize() == 0 {
			return nil
		}
		// a clustered claim's: cluster|date, the cluster exists and
		// lists the claim
		v, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		if cid, date, ok := strings.Cut(string(v), sep); !ok || !strings.HasPrefix(cid, graph.PrefixCluster) {
			c.problem("ca/ key %s has value %q, not cluster|date", showKey(k), v)
		} else {
			needNode(cid, "cluster")
			c.want(key(pClusterMember, cid, date, last), "ca/ key %s", showKey(k))
		}
	case pClaimSpeaker, pClaimSource, pClaimKind, pClaimTarget, pClaimPub, pClaimDate, pTimeline:
		needNode(last, "claim")
	case pArticleDate, pArticleWhen, pPublisher:
		needNode(last, "article")
	case pActorKind, pAffiliation:
		needNode(last, "actor")
	case pActorName:
		if !c.merged[last] {
			needNode(last, "actor")
		}
	case pSourceKind, pSourceName:
		needNode(last, "source")
	case pPosting:
		needNode(last, "document")
	case pClusterOf:
		c.problem("cm/ key %s is left from format 11, which kept a claim's cluster there (format 12 keeps it in the ca/ value)", showKey(k))
	case pClusterMember:
		needNode(parts[0], "cluster")
		needNode(last, "claim")
	case pClusterSize, pClusterFirst, pClusterLast:
		c.problem("order key %s is left from format 11, which kept the order of clusters in Badger (format 12 keeps it in memory)", showKey(k))
	case pClusterSpeaker:
		needNode(last, "cluster")
	case pBand, pClusterUpgrade:
		// candidate buckets and upgrade progress: hints, not data
	case pSegment:
		v, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		parseSegment(v, func(doc []byte, _, _ int) { needNode(string(doc), "claim") })
	default:
		c.problem("key %s has no known prefix", showKey(k))
	}
	return nil
}

// checkEdge checks one edge (its e/ key): its ends, claim and article
// exist, and it has every key and index its write adds.
func (c *checker) checkEdge(k []byte, e *graph.Edge) {
	c.rep.Edges++
	for _, g := range edgeGroups(e) {
		c.groups[g]++
	}
	for _, end := range []struct{ id, what string }{{e.From, "start"}, {e.To, "end"}, {e.Claim, "claim"}, {e.Article, "article"}} {
		if !c.node(end.id) {
			c.problem("edge %s dangles: its %s %s does not exist", showKey(k), end.what, end.id)
		}
	}
	what := "edge " + showKey(k)
	if hasRevKey(e) {
		c.want(revKey(e), "%s", what)
	}
	c.want(edgeClaimKey(e), "%s", what)
	if e.Kind == graph.EdgeDenies {
		if e.Denied != "" {
			c.want(deniedKey(e), "%s", what)
		}
		c.want(denialArticleKey(e), "%s", what)
	}
	c.want(claimKindKey(e.Kind, e.Claim), "%s", what)
	if isTargetEdge(e) {
		c.want(claimTargetKey(e.To, e.Claim), "%s", what)
	}
	switch e.Kind {
	case graph.EdgeSays:
		c.want(claimSpeakerKey(e.From, e.Claim), "%s", what)
	case graph.EdgeReports:
		c.want(claimSourceKey(e.From, e.Claim), "%s", what)
	}
}

// checkClaims checks every claim against its article and indexes.
func (c *checker) checkClaims() {
	for id, v := range c.claimArts {
		art, speaker, _ := strings.Cut(v, sep)
		a, ok := c.articles[art]
		if !ok {
			c.problem("claim %s names article %q, which does not exist", id, art)
			continue
		}
		c.want(claimArticleKey(art, id), "claim %s", id)
		c.want(claimDateKey(a.date, id), "claim %s", id)
		if a.publisher != "" && graph.NameKey(a.publisher) != "" {
			c.want(claimPubKey(a.publisher, id), "claim %s", id)
		}
		if speaker != "" {
			if !c.node(speaker) {
				c.problem("claim %s names speaker %s, which does not exist", id, speaker)
			}
			c.want(claimSpeakerKey(speaker, id), "claim %s", id)
			c.want(timelineKey(speaker, a.date, id), "claim %s", id)
		}
	}
}

// checkArticles checks every article against its indexes.
func (c *checker) checkArticles() {
	for id, a := range c.articles {
		c.want(articleDateKey(a.date, id), "article %s", id)
		if a.date != "" {
			c.want(articleWhenKey(id), "article %s", id)
		}
		if a.publisher != "" {
			c.want(publisherKey(a.publisher, id), "article %s", id)
		}
	}
}

// compareCounters compares the node and group counters with what the
// keys hold.
func (c *checker) compareCounters() {
	for _, n := range []struct {
		name string
		have int
	}{{cntArticles, c.rep.Articles}, {cntClaims, c.rep.Claims}, {cntActors, c.rep.Actors}, {cntSources, c.rep.Sources}} {
		if got := c.counters[n.name]; got != int64(n.have) {
			c.problem("counter %s says %d, the database holds %d", n.name, got, n.have)
		}
	}
	var names []string
	for name := range c.groups {
		names = append(names, name)
	}
	for name, v := range c.counters {
		if strings.HasPrefix(name, "#") && v != 0 {
			if _, ok := c.groups[name]; !ok {
				names = append(names, name)
			}
		}
	}
	sort.Strings(names)
	for _, name := range names {
		if got, want := c.counters[name], c.groups[name]; got != want {
			c.problem("counter %s says %d, its group holds %d keys", showKey([]byte(name)), got, want)
		}
	}
}
