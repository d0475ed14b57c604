package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

// upgrade brings a database written with an older key layout to
// formatVersion: versions 1 and 2 lacked some group counters, which are all
// counted afresh; versions before 6 lacked the indexes buildIndexes6
// writes; versions before 7 kept edges to their own claim in r/ too, which
// dropOwnClaimRevs deletes; versions before 8 lacked the denial index by
// article, which buildDenialIndexes writes (their edge values, the article
// alone, read as they are); versions before 9 had no claim clusters, which
// clusterStored forms. Versions before 10 folded search terms otherwise
// (plurals only): reindexSearch rebuilds the postings with stemmed terms.
// Versions 9 and 10 kept cluster bucket records unpacked: packBuckets
// packs them. Versions 9 to 11 kept a clustered claim's cluster in cm/:
// moveClusterOf moves it into the value of the claim's ca/ key; they kept
// the order of clusters in cz/, cf/ and cv/, which are dropped (format 12
// keeps it in memory, clusterOrder). A new database is only stamped.
func (db *DB) upgrade() error {
	var version int64
	var empty bool
	err := db.view(context.Background(), func(t *tx) error {
		var err error
		if version, err = t.count(cntFormat); err != nil {
			return err
		}
		ks, err := t.firstKey([]byte(pNode))
		empty = ks == nil
		return err
	})
	if err != nil {
		return err
	}
	switch {
	case version == formatVersion:
		return nil
	case version > formatVersion:
		return graph.Errorf(graph.EINVALID, "the database has format %d, newer than this claimgraph's %d", version, formatVersion)
	}
	if !empty && version < 6 {
		if err := db.buildIndexes6(); err != nil {
			return fmt.Errorf("build the date, timeline, target and publisher indexes: %w", err)
		}
	}
	if !empty && version < 7 {
		if err := db.dropOwnClaimRevs(); err != nil {
			return fmt.Errorf("drop reverse keys of edges to their own claim: %w", err)
		}
	}
	if !empty && version < 8 {
		if err := db.buildDenialIndexes(); err != nil {
			return fmt.Errorf("build the denial indexes: %w", err)
		}
	}
	if !empty && version < 11 {
		// before clusterStored, which would add packed entries to the
		// records an upgrade from 8 that a crash cut short left
		if err := db.packBuckets(); err != nil {
			return fmt.Errorf("pack the cluster buckets: %w", err)
		}
	}
	if !empty && version < 9 {
		if err := db.clusterStored(); err != nil {
			return fmt.Errorf("cluster the stored claims: %w", err)
		}
	}
	if !empty && version < 10 {
		if err := db.reindexSearch(); err != nil {
			return fmt.Errorf("rebuild the search index with stemmed terms: %w", err)
		}
	}
	if !empty && version < 12 {
		// after packBuckets, which reads cm/, and clusterStored, whose
		// run cut short by a crash under a binary of format 11 or
		// before may have left cm/ keys
		if err := db.moveClusterOf(); err != nil {
			return fmt.Errorf("move the clusters of claims from cm/ to ca/: %w", err)
		}
		// the order of clusters is kept in memory (clusterOrder)
		if err := db.bdb.DropPrefix([]byte(pClusterSize), []byte(pClusterFirst), []byte(pClusterLast)); err != nil {
			return fmt.Errorf("drop the order keys of clusters: %w", err)
		}
	}
	wb := db.bdb.NewWriteBatch()
	defer wb.Cancel()
	// version 6 differs only in claim postings, which are still read,
	// and in r/ keys, dropped above
	if !empty && version < 6 {
		if err := db.recountIndexes(wb); err != nil {
			return err
		}
	}
	if err := wb.Set(countKey(cntFormat), encodeCount(formatVersion)); err != nil {
		return fmt.Errorf("stamp format version: %w", err)
	}
	if err := wb.Flush(); err != nil {
		return fmt.Errorf("upgrade database: %w", err)
	}
	return nil
}

// recountIndexes counts every counted index group and edge group and
// queues the counters, replacing any stored ones, on wb.
func (db *DB) recountIndexes(wb *badger.WriteBatch) error {
	counts := map[string]int64{}
	var stale [][]byte
	err := db.view(context.Background(), func(t *tx) error {
		for _, p := range countedIndexes {
			it := t.txn.NewIterator(badger.IteratorOptions{Prefix: []byte(p)})
			for it.Seek([]byte(p)); it.ValidForPrefix([]byte(p)); it.Next() {
				if k := it.Item().Key(); bytes.IndexByte(k, 0) >= 0 {
					counts[indexGroup(k)]++
				}
			}
			it.Close()
		}
		for _, p := range []string{pEdge, pRev} {
			it := t.txn.NewIterator(badger.IteratorOptions{Prefix: []byte(p)})
			for it.Seek([]byte(p)); it.ValidForPrefix([]byte(p)); it.Next() {
				if e, ok := edgeFromKey(it.Item().Key()); ok {
					g := edgeFromGroups(e)
					if p == pRev {
						g = edgeToGroups(e)
					}
					for _, name := range g {
						counts[name]++
					}
				}
			}
			it.Close()
		}
		old, err := t.keys(countKey("#"))
		stale = old
		return err
	})
	if err != nil {
		return err
	}
	for _, k := range stale {
		if err := wb.Delete(k); err != nil {
			return fmt.Errorf("drop stale counter: %w", err)
		}
	}
	for name, n := range counts {
		if err := wb.Set(countKey(name), encodeCount(n)); err != nil {
			return fmt.Errorf("write counter: %w", err)
		}
	}
	return nil
}

// dropOwnClaimRevs deletes the reverse keys (r/) of edges whose end is
// their own claim, which format 7 keeps in ec/ only (see hasRevKey). No
// counter counts them. It writes no delete markers: a reader seeking into
// a run of markers steps over the whole run before it finds a live key,
// and with every claim's r/ keys deleted each read of the edges to a claim
// stepped over all of them (about a second a page on 100k claims) until
// compaction dropped them. Instead the r/ keys under claims that stay
// (edges to a claim other than their own, e.g. denials) are made from the
// edges of every claim (ec/, which lists all edges, so a run that a crash
// cut short after the drop makes them again), Badger drops every key under
// the prefix from its tables, and the kept ones are written back.
func (db *DB) dropOwnClaimRevs() error {
	p := []byte(pRev + graph.PrefixClaim)
	var keep, vals [][]byte
	err := db.view(context.Background(), func(t *tx) error {
		ec := []byte(pEdgeClaim)
		it := t.txn.NewIterator(badger.IteratorOptions{Prefix: ec})
		defer it.Close()
		for it.Seek(ec); it.ValidForPrefix(ec); it.Next() {
			e, ok := edgeFromKey(it.Item().Key())
			if !ok || !strings.HasPrefix(e.To, graph.PrefixClaim) || !hasRevKey(e) {
				continue
			}
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return fmt.Errorf("read %q: %w", it.Item().Key(), err)
			}
			keep, vals = append(keep, revKey(e)), append(vals, v)
		}
		return t.ctx.Err()
	})
	if err != nil {
		return err
	}
	if err := db.bdb.DropPrefix(p); err != nil {
		return fmt.Errorf("drop the %q keys: %w", p, err)
	}
	wb := db.bdb.NewWriteBatch()
	defer wb.Cancel()
	for i, k := range keep {
		if err := wb.Set(k, vals[i]); err != nil {
			return fmt.Errorf("keep %q: %w", k, err)
		}
	}
	return wb.Flush()
}

// buildDenialIndexes writes the denial index keys (da/, and dd/ for an
// edge naming its denied claim) of every denies edge, found through the
// claims that carry one (ck/denies) and their edges (ec/). It holds those
// keys in memory while it runs.
func (db *DB) buildDenialIndexes() error {
	var ks, vs [][]byte
	err := db.view(context.Background(), func(t *tx) error {
		p := prefixOf(pClaimKind, string(graph.EdgeDenies))
		claims, err := t.keys(p)
		if err != nil {
			return err
		}
		for _, c := range claims {
			eks, evs, err := t.entries(prefixOf(pEdgeClaim, string(c[len(p):])))
			if err != nil {
				return err
			}
			for i, ek := range eks {
				e, ok := edgeFromKey(ek)
				if !ok || e.Kind != graph.EdgeDenies {
					continue
				}
				setEdgeValue(e, evs[i])
				if e.Denied != "" {
					ks, vs = append(ks, deniedKey(e)), append(vs, evs[i])
				}
				ks, vs = append(ks, denialArticleKey(e)), append(vs, evs[i])
			}
		}
		return t.ctx.Err()
	})
	if err != nil {
		return err
	}
	wb := db.bdb.NewWriteBatch()
	defer wb.Cancel()
	for i, k := range ks {
		if err := wb.Set(k, vs[i]); err != nil {
			return fmt.Errorf("write %q: %w", k, err)
		}
	}
	return wb.Flush()
}

// firstKey returns the first key under prefix, or nil.
func (t *tx) firstKey(prefix []byte) ([]byte, error) {
	it := t.txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	it.Seek(prefix)
	if !it.ValidForPrefix(prefix) {
		return nil, nil
	}
	return it.Item().KeyCopy(nil), nil
}

// buildIndexes6 writes the indexes format 6 added, from the stored data:
// article dates (at/, ad/), claims by date (cd/) and publisher (cp/), the
// speaker timelines (ct/, from cs/) and claims by target (cg/, from the
// reverse edges). Their counters are left to recountIndexes. It holds the
// date of every dated claim in memory while it runs.
func (db *DB) buildIndexes6() error {
	wb := db.bdb.NewWriteBatch()
	defer wb.Cancel()
	set := func(k, v []byte) error {
		if err := wb.Set(k, v); err != nil {
			return fmt.Errorf("write index: %w", err)
		}
		return nil
	}
	type meta struct{ date, publisher string }
	arts := map[string]meta{}
	claims := map[string]string{} // dated claims only
	err := db.view(context.Background(), func(t *tx) error {
		p := nodeTypePrefix(graph.PrefixArticle)
		it := t.txn.NewIterator(badger.IteratorOptions{Prefix: p})
		for it.Seek(p); it.ValidForPrefix(p); it.Next() {
			var a graph.Article
			err := it.Item().Value(func(v []byte) error { return json.Unmarshal(v, &a) })
			if err != nil {
				it.Close()
				return fmt.Errorf("decode article: %w", err)
			}
			m := meta{a.TimeKey(), a.Publisher}
			arts[a.ID] = m
			if m.date != "" {
				if err := set(articleWhenKey(a.ID), []byte(m.date)); err != nil {
					it.Close()
					return err
				}
			}
			if err := set(articleDateKey(m.date, a.ID), nil); err != nil {
				it.Close()
				return err
			}
		}
		it.Close()
		walk := func(prefix string, fn func(parts []string) error) error {
			it := t.txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefix)})
			defer it.Close()
			for it.Seek([]byte(prefix)); it.ValidForPrefix([]byte(prefix)); it.Next() {
				if err := fn(strings.Split(string(it.Item().Key()[len(prefix):]), sep)); err != nil {
					return err
				}
			}
			return t.ctx.Err()
		}
		err := walk(pClaimArticle, func(f []string) error {
			if len(f) != 2 {
				return nil
			}
			m := arts[f[0]]
			if m.date != "" {
				claims[f[1]] = m.date
			}
			if err := set(claimDateKey(m.date, f[1]), nil); err != nil {
				return err
			}
			if m.publisher != "" && graph.NameKey(m.publisher) != "" {
				return set(claimPubKey(m.publisher, f[1]), nil)
			}
			return nil
		})
		if err != nil {
			return err
		}
		err = walk(pClaimSpeaker, func(f []string) error {
			if len(f) != 2 {
				return nil
			}
			return set(timelineKey(f[0], claims[f[1]], f[1]), nil)
		})
		if err != nil {
			return err
		}
		return walk(pRev, func(f []string) error {
			if len(f) != 4 {
				return nil
			}
			e := &graph.Edge{To: f[0], Kind: graph.EdgeKind(f[1]), From: f[2], Claim: f[3]}
			if !isTargetEdge(e) {
				return nil
			}
			return set(claimTargetKey(e.To, e.Claim), nil)
		})
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}

// clusterStored clusters the claims of a format-8 database, as ingest
// would have, walking them in publication order (cd/) in transactions of
// upgradeClusterRun claims, so that the earliest claim of a statement
// founds its cluster. A run that a crash interrupts is redone whole by the
// next Open from the last claim a committed run clustered, which each
// run records (cu/, dropped at the end) with its writes, so no claim is
// counted twice.
func (db *DB) clusterStored() error {
	ctx := context.Background()
	var from []byte
	err := db.view(ctx, func(t *tx) error {
		v, ok, err := t.get(key(pClusterUpgrade))
		if ok {
			from = v
		}
		return err
	})
	if err != nil {
		return err
	}
	for {
		done := false
		err := db.update(ctx, "clustering stored claims", func(t *tx) error {
			p := []byte(pClaimDate)
			it := t.txn.NewIterator(badger.IteratorOptions{Prefix: p})
			var ks [][]byte
			seek := p
			if from != nil {
				seek = from
			}
			for it.Seek(seek); it.ValidForPrefix(p) && len(ks) < upgradeClusterRun; it.Next() {
				if from != nil && bytes.Equal(it.Item().Key(), from) {
					continue
				}
				ks = append(ks, it.Item().KeyCopy(nil))
			}
			it.Close()
			if len(ks) == 0 {
				done = true
				return t.del(key(pClusterUpgrade))
			}
			from = ks[len(ks)-1]
			if err := t.set(key(pClusterUpgrade), from); err != nil {
				return err
			}
			for _, k := range ks {
				parts := strings.Split(string(k[len(p):]), sep)
				if len(parts) != 2 {
					continue
				}
				if err := t.clusterStoredClaim(parts[1], parts[0]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil || done {
			return err
		}
	}
}

// upgradeClusterRun is the number of claims clusterStored clusters a
// transaction.
const upgradeClusterRun = 256

// clusterStoredClaim clusters one stored claim whose article has date key
// date.
func (t *tx) clusterStoredClaim(id, date string) error {
	c := &graph.Claim{}
	if ok, err := t.getNode(id, c); err != nil || !ok {
		return err
	}
	eks, evs, err := t.entries(prefixOf(pEdgeClaim, id))
	if err != nil {
		return err
	}
	var edges []*graph.Edge
	for i, ek := range eks {
		if e, ok := edgeFromKey(ek); ok {
			setEdgeValue(e, evs[i])
			edges = append(edges, e)
		}
	}
	speaker := claimSpeaker(c, edges)
	if strings.HasPrefix(speaker, graph.PrefixActor) {
		a, found, err := t.actor(speaker)
		if err != nil {
			return err
		}
		if found && a.Kind == graph.ActorAnonymous {
			return nil
		}
	}
	return t.clusterClaim(id, c.Article, date, nil, c.Text, speaker, claimKind(id, edges))
}

// packBuckets rewrites the cluster bucket records of formats 9 and 10
// (lh/: per claim its ID and a fingerprint of article, date and 64-bit
// word hashes) in the packed form of format 11 (cluster_record.go), with
// the cluster each claim joined at ingest, read from cm/ (clusterOf11;
// moveClusterOf runs after, for format 12): the one it is
// in unless it founded it. A packed record starts with an entry's flags
// byte (0 or 1), an unpacked one with the length of a claim ID, so the
// records that a run cut short by a crash packed are left as they are
// when the next Open runs it again.
func (db *DB) packBuckets() error {
	wb := db.bdb.NewWriteBatch()
	defer wb.Cancel()
	err := db.view(context.Background(), func(t *tx) error {
		p := []byte(pBand)
		it := t.txn.NewIterator(badger.IteratorOptions{Prefix: p, PrefetchValues: true})
		defer it.Close()
		for it.Seek(p); it.ValidForPrefix(p); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return fmt.Errorf("read %q: %w", it.Item().Key(), err)
			}
			if len(v) == 0 || v[0] <= entryJoined {
				continue
			}
			var packed []byte
			for _, old := range decodeBucket10(v) {
				cluster, err := t.clusterOf11(old.claim)
				if err != nil {
					return err
				}
				f := fingerprint{claim: old.claim, article: old.article, date: old.date,
					words: words32(old.words), names: words32(old.names)}
				if cluster != graph.ClusterID(old.claim) {
					f.cluster = cluster
				}
				f.packed = appendPackedID(nil, graph.PrefixClaim, f.claim)
				f.packed = appendPackedID(f.packed, graph.PrefixArticle, f.article)
				packed = appendEntry(packed, &f)
			}
			if err := wb.Set(it.Item().KeyCopy(nil), packed); err != nil {
				return fmt.Errorf("write %q: %w", it.Item().Key(), err)
			}
		}
		return t.ctx.Err()
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}

// clusterOf11 returns the cluster of a claim as formats 9 to 11 kept it,
// in the value (<cluster>\0<date>) of cm/<claim>; "" when none.
func (t *tx) clusterOf11(claim string) (string, error) {
	v, ok, err := t.get(key(pClusterOf, claim))
	if err != nil || !ok {
		return "", err
	}
	c, _, _ := strings.Cut(string(v), sep)
	return c, nil
}

// moveClusterOf moves the cluster of every clustered claim of formats 9 to
// 11 from its cm/ key into the value of its ca/ key, as format 12 keeps
// it, and deletes the cm/ key (a cm/ key whose claim is gone is deleted
// only). Each claim's ca/ write is queued before its cm/ delete, and
// Badger applies a write batch's transactions in order, so a run that a
// crash cut short leaves the cm/ keys of the claims it did not move, which
// the next Open moves: setting a ca/ value again is harmless.
func (db *DB) moveClusterOf() error {
	wb := db.bdb.NewWriteBatch()
	defer wb.Cancel()
	err := db.view(context.Background(), func(t *tx) error {
		p := []byte(pClusterOf)
		it := t.txn.NewIterator(badger.IteratorOptions{Prefix: p, PrefetchValues: true})
		defer it.Close()
		for it.Seek(p); it.ValidForPrefix(p); it.Next() {
			k := it.Item().KeyCopy(nil)
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return fmt.Errorf("read %q: %w", k, err)
			}
			claim := string(k[len(p):])
			c := &graph.Claim{}
			ok, err := t.getNode(claim, c)
			if err != nil {
				return err
			}
			if ok && c.Article != "" {
				if err := wb.Set(claimArticleKey(c.Article, claim), v); err != nil {
					return fmt.Errorf("write the ca/ value of claim %s: %w", claim, err)
				}
			}
			if err := wb.Delete(k); err != nil {
				return fmt.Errorf("delete %q: %w", k, err)
			}
		}
		return t.ctx.Err()
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}

// fingerprint10 is a claim of an unpacked bucket record (formats 9 and 10).
type fingerprint10 struct {
	claim, article, date string
	words, names         []uint64
}

// decodeBucket10 reads an unpacked bucket record: per claim, uvarint
// length and ID, uvarint length and fingerprint (uvarint length and
// article ID, uvarint length and date key, uvarint count of names, the
// names' and then the words' 64-bit hashes, big-endian). It stops at
// bytes that do not parse.
func decodeBucket10(v []byte) []fingerprint10 {
	var out []fingerprint10
	read := func(v []byte) ([]byte, []byte, bool) {
		n, k := binary.Uvarint(v)
		if k <= 0 || uint64(len(v)-k) < n {
			return nil, nil, false
		}
		return v[k : k+int(n)], v[k+int(n):], true
	}
	for len(v) > 0 {
		id, rest, ok := read(v)
		if !ok {
			break
		}
		fp, rest, ok := read(rest)
		if !ok {
			break
		}
		v = rest
		f := fingerprint10{claim: string(id)}
		art, fp, ok := read(fp)
		if !ok {
			continue
		}
		date, fp, ok := read(fp)
		if !ok {
			continue
		}
		f.article, f.date = string(art), string(date)
		n, k := binary.Uvarint(fp)
		if k <= 0 || uint64(len(fp)-k) < 8*n || (len(fp)-k)%8 != 0 {
			continue
		}
		fp = fp[k:]
		for ; n > 0; fp, n = fp[8:], n-1 {
			f.names = append(f.names, binary.BigEndian.Uint64(fp))
		}
		for ; len(fp) > 0; fp = fp[8:] {
			f.words = append(f.words, binary.BigEndian.Uint64(fp))
		}
		out = append(out, f)
	}
	return out
}
