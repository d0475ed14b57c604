package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/dgraph-io/ristretto/v2/z"

	"github.com/claimgraph/claimgraph/graph"
)

// Options tune a DB. The zero value opens an on-disk database that logs
// nothing.
type Options struct {
	// InMemory keeps everything in memory (Badger's in-memory mode); dir
	// must then be "". Meant for tests and benchmarks. Without a value log
	// no record may exceed 1 MiB, so larger articles fail with ETOOLARGE.
	InMemory bool
	// Logger receives Badger's warnings and errors (its chatty info and
	// debug messages go to the Debug level). Nil logs nothing.
	Logger *slog.Logger
	// SyncWrites makes every commit wait for an fsync: slower, but nothing
	// acknowledged is lost on a power cut (a crash of the process alone
	// loses nothing either way).
	SyncWrites bool
	// CacheMB is the size of Badger's block cache in MiB; 0 means 64.
	CacheMB int
	// MemTableMB is the size of one memtable in MiB; 0 means 64. A write
	// transaction may hold at most about 15% of it, which bounds the size
	// of one ingested article (larger ones fail with ETOOLARGE).
	MemTableMB int
	// BulkLoad tunes Badger for writing much and reading little, as a bulk
	// ingest does: values of more than bulkValueThreshold bytes (nodes)
	// go to the value log, written once, rather than through the LSM tree,
	// whose memtables, flushes and compactions then carry keys and small
	// values only; the block cache is bulkCacheMB unless CacheMB is set;
	// the indexes and Bloom filters of tables are kept in a cache of
	// bulkIndexCacheMB rather than all in memory, so memory does not grow
	// with the database; and tables are not compressed, which spares the
	// buffers of compressed blocks that flushes and compactions hold
	// (hundreds of MB) at the cost of a larger database. Tables are
	// smaller (bulkBaseTableKB at the first level, 32 times that at the
	// last, where a Loader writes): Badger builds each table in memory, in
	// a buffer of twice its size, and keeps a few such buffers for reuse.
	// Level 0 holds bulkL0Tables flushed memtables before they are
	// compacted, rather than 5. A database written so opens and reads as
	// any other.
	BulkLoad bool
}

// Badger settings of Options.BulkLoad.
const (
	bulkValueThreshold = 128
	bulkCacheMB        = 16
	bulkIndexCacheMB   = 64
	bulkBaseTableKB    = 512
	// bulkL0Tables is how many flushed memtables level 0 holds before
	// Badger compacts them into the tree (5 by default): a transactional
	// ingest into a large database writes keys all over the key space, so
	// each compaction rewrites most of the level below, and fewer, larger
	// ones cost less (30k articles into a 100k database: 596 → 798/s).
	bulkL0Tables = 12
)

// DB is a graph.Store kept in a Badger database. It is safe for concurrent
// use; writes are serialised.
type DB struct {
	bdb *badger.DB
	// maxValue is the largest value Badger takes in this mode.
	maxValue int64
	// memTable is Badger's memtable size, which bounds a transaction.
	memTable int64
	// mu serialises writes so read-modify-write of indexes and counters
	// never conflicts.
	mu sync.Mutex
	// reads caches decoded nodes and edge lists for readers (readcache.go).
	reads readCache
	// counters caches committed counter values for writers (guarded by mu),
	// sparing a read of each counter an update changes.
	counters map[string]int64
	// actors caches committed actor nodes for writers (guarded by mu),
	// sparing the read and decoding of each known actor an ingested
	// article names. Only saveActor writes actor nodes; a transaction's
	// are added once it commits.
	actors map[string]graph.Actor
	// clusters caches committed bucket records and cluster nodes for
	// writers (guarded by mu, see clusterCache); nil until a write.
	clusters *clusterCache
	// order is the in-memory order index of clusters (clusterOrder),
	// nil until a query builds it; updated under mu, read and replaced
	// under orderMu.
	order   *clusterOrder
	orderMu sync.Mutex
}

// actorCache bounds DB.actors; past it the cache starts over.
const actorCache = 1 << 17

// counterCache bounds DB.counters; past it the cache starts over.
const counterCache = 1 << 16

var _ graph.Store = (*DB)(nil)

// Open opens (creating if needed) the database in dir. With
// opts.InMemory, dir must be "" and nothing touches the disk. When another
// process has dir open, the error wraps ErrLocked and names that process.
func Open(dir string, opts Options) (*DB, error) {
	if opts.InMemory && dir != "" {
		return nil, graph.Errorf(graph.EINVALID, "an in-memory store takes no directory")
	}
	if !opts.InMemory && dir == "" {
		return nil, graph.Errorf(graph.EINVALID, "store directory is required")
	}
	bo := BadgerOptions(dir, opts)
	bdb, err := badger.Open(bo)
	if err != nil && killedAtLogCreation(err) {
		// A process killed between creating a log file (a memtable's,
		// or the value log each Open starts) and sizing it leaves an
		// empty file, which Badger's Open fails on (z.NewFile) after
		// sizing it and writing its header. The log holds nothing, and
		// the second Open reads it as an empty one.
		bdb, err = badger.Open(bo)
	}
	if err != nil {
		// Badger's error hides the flock error from errors.Is (y.Wrapf
		// formats it), so its words are the only sign.
		if strings.Contains(err.Error(), "Cannot acquire directory lock") {
			return nil, lockedError(dir)
		}
		return nil, fmt.Errorf("open badger database in %q: %w", dir, err)
	}
	if err := recoverLoad(bdb); err != nil {
		bdb.Close()
		return nil, err
	}
	maxValue := bo.ValueLogFileSize
	if opts.InMemory {
		// without a value log every value must fit in the LSM tree
		maxValue = bo.ValueThreshold
	}
	db := &DB{bdb: bdb, maxValue: maxValue, memTable: bo.MemTableSize}
	if err := db.upgrade(); err != nil {
		bdb.Close()
		return nil, err
	}
	if err := db.finishCuration(context.Background()); err != nil {
		bdb.Close()
		return nil, fmt.Errorf("finish interrupted merges and splits: %w", err)
	}
	return db, nil
}

// killedAtLogCreation reports whether err is Badger's Open failing on an
// empty memtable or value log file, which a process killed right after
// creating the file leaves behind.
func killedAtLogCreation(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, z.NewFile.Error()) &&
		(strings.Contains(msg, "while opening memtables") || strings.Contains(msg, "During db.vlog.open"))
}

// BadgerOptions returns the Badger settings Open uses for a database in dir
// opened with opts, for tools that work on Badger's files directly (a
// benchmark of Badger's own write, storebench).
func BadgerOptions(dir string, opts Options) badger.Options {
	bo := badger.DefaultOptions(dir).
		WithInMemory(opts.InMemory).
		WithLogger(badgerLogger{opts.Logger}).
		WithSyncWrites(opts.SyncWrites).
		WithMetricsEnabled(false).
		// Writes are serialised by DB.mu, so Badger need not track
		// read sets for conflict detection.
		WithDetectConflicts(false)
	if opts.BulkLoad && !opts.InMemory {
		bo = bo.WithValueThreshold(bulkValueThreshold).WithBlockCacheSize(bulkCacheMB << 20).
			WithIndexCacheSize(bulkIndexCacheMB << 20).WithCompression(options.None).
			WithBaseTableSize(bulkBaseTableKB << 10).
			WithNumLevelZeroTables(bulkL0Tables).WithNumLevelZeroTablesStall(bulkL0Tables + 10)
	}
	if opts.CacheMB > 0 {
		bo = bo.WithBlockCacheSize(int64(opts.CacheMB) << 20)
	}
	if opts.MemTableMB > 0 {
		mt := int64(opts.MemTableMB) << 20
		// Values above the threshold go to the value log; it must stay
		// below the largest batch (15% of a memtable).
		bo = bo.WithMemTableSize(mt).WithValueThreshold(min(bo.ValueThreshold, mt/10))
	}
	return bo
}

// Close flushes and releases the database.
func (db *DB) Close() error {
	if err := db.bdb.Close(); err != nil {
		return fmt.Errorf("close badger database: %w", err)
	}
	return nil
}

// view runs fn in a read-only transaction.
func (db *DB) view(ctx context.Context, fn func(t *tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return db.bdb.View(func(txn *badger.Txn) error {
		return fn(&tx{txn: txn, ctx: ctx, maxValue: db.maxValue})
	})
}

// update runs fn in one read-write transaction, serialised with every other
// write. Nothing is written unless fn returns nil; a transaction too large
// for Badger becomes ETOOLARGE.
func (db *DB) update(ctx context.Context, what string, fn func(t *tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	var t *tx
	err := db.bdb.Update(func(txn *badger.Txn) error {
		t = db.newTx(ctx, txn)
		if err := fn(t); err != nil {
			return err
		}
		if err := t.flushClusters(); err != nil {
			return err
		}
		if err := t.flushSegments(); err != nil {
			return err
		}
		return t.flushCounts()
	})
	if errors.Is(err, badger.ErrTxnTooBig) {
		return graph.Errorf(graph.ETOOLARGE, "%s is too large for one transaction; nothing was written", what)
	}
	if err != nil {
		return err
	}
	db.cacheWrites(t)
	return nil
}

// newTx wraps the read-write transaction txn; db.mu must be held.
func (db *DB) newTx(ctx context.Context, txn *badger.Txn) *tx {
	if db.counters == nil {
		db.counters = map[string]int64{}
		db.actors = map[string]graph.Actor{}
	}
	if db.clusters == nil {
		db.clusters = newClusterCache()
	}
	t := &tx{txn: txn, ctx: ctx, counts: map[string]int64{}, maxValue: db.maxValue,
		fresh: map[string]bool{}, set1: map[string]bool{}, cache: db.counters,
		actorCache: db.actors, actors: map[string]*graph.Actor{}, cc: db.clusters}
	// txn has no writes yet, so its iterators are cheap; an error just
	// leaves the flags false.
	if k, err := t.firstKey([]byte(pMerged)); err == nil && k == nil {
		t.noMerged = true
	}
	if k, err := t.firstKey([]byte(pSplit)); err == nil && k == nil {
		t.noSplits = true
	}
	return t
}

// cacheWrites remembers the counter values and actors t wrote, once it
// committed; db.mu must be held.
func (db *DB) cacheWrites(t *tx) {
	db.cacheCounters(t)
	if t.clu != nil && t.ld == nil && db.clusters != nil {
		db.clusters.absorb(t.clu)
	}
	if t.clu != nil && len(t.clu.changes) > 0 {
		db.orderMu.Lock()
		o := db.order
		db.orderMu.Unlock()
		if o != nil {
			o.apply(t.clu.changes)
		}
		t.clu.changes = nil
	}
	if len(db.actors)+len(t.actors) > actorCache {
		clear(db.actors)
	}
	for id, a := range t.actors {
		if a == nil {
			delete(db.actors, id)
		} else {
			db.actors[id] = ownedActor(a)
		}
	}
}

// cloneActor copies a, its aliases too.
func cloneActor(a *graph.Actor) graph.Actor {
	b := *a
	b.Aliases = slices.Clone(a.Aliases)
	return b
}

// ownedActor copies a for a cache that outlives it: its strings too, for
// names cut from an article's text would keep the whole text alive.
func ownedActor(a *graph.Actor) graph.Actor {
	b := cloneActor(a)
	b.ID, b.Name, b.Title, b.Affiliation = strings.Clone(b.ID), strings.Clone(b.Name), strings.Clone(b.Title), strings.Clone(b.Affiliation)
	for i, n := range b.Aliases {
		b.Aliases[i] = strings.Clone(n)
	}
	return b
}

// cacheCounters remembers the counter values t wrote, once it committed;
// db.mu must be held.
func (db *DB) cacheCounters(t *tx) {
	if len(db.counters)+len(t.flushed) > counterCache {
		clear(db.counters)
	}
	for name, n := range t.flushed {
		db.counters[name] = n
	}
}

// tx wraps a Badger transaction with the small helpers the store needs.
type tx struct {
	txn    *badger.Txn
	ctx    context.Context
	counts map[string]int64 // counter deltas, written at the end of an update
	// fresh holds the IDs of nodes created in this transaction: no index
	// key ending in one of them was stored before, so setIndex need not
	// look; set records the index keys written for them.
	fresh map[string]bool
	set1  map[string]bool
	// cache holds committed counter values known to the DB; flushed the
	// values this update writes, cached once it commits.
	cache, flushed map[string]int64
	// maxValue is the largest value Badger takes; larger ones are ETOOLARGE.
	maxValue int64
	// dates caches article date keys read or written (articleDate).
	dates map[string]string
	// nEntries and nBytes estimate the writes queued in txn as Badger
	// counts them against its transaction limits.
	nEntries, nBytes int64
	// snap, in a batch (IngestBatch), reads the database as it was when
	// txn began, and names holds the name index entries txn changed
	// (group prefix → ID → flag, 0 when deleted): name lookups read both
	// rather than iterate txn, which would sort all its pending writes.
	snap  *badger.Txn
	names map[string]map[string]byte
	// segs collects the search postings of the claims txn adds, by term
	// (indexClaim, flushSegments).
	segs     map[string]*termSegment
	segBytes int64 // the size of segs as Badger will count it
	// actorCache holds committed actor nodes (DB.actors), nil in read
	// transactions; actors the actor nodes this transaction wrote (nil
	// when deleted), by ID.
	actorCache map[string]graph.Actor
	actors     map[string]*graph.Actor
	// noMerged and noSplits say that no merge redirect (mg/) or split
	// marker (sp/) exists, checked when a write transaction begins and
	// cleared when one is written: canonical and the split lookups then
	// read nothing. False (look) in read transactions.
	noMerged, noSplits bool
	// ld, when set, is the bulk load t belongs to: only the keys it keeps
	// (keptKey) are written to txn, the others to its sorter (or to out,
	// for a claim writer, runClaimJobs), counters as deltas; claimJobs
	// are the claims of the articles t resolved, to write.
	ld        *Loader
	out       *sortBuf
	claimJobs []claimJob
	// terms folds the words of the claims t indexes (indexClaim).
	terms termCounter
	// own records every write of t, in a pipelined IngestBatch, for the
	// run after it; prev is the run before, whose commit Badger may
	// still be applying: t's snapshot does not hold it, so reads see its
	// writes after t's own (pipeline).
	own  map[string]ownWrite
	prev *tx
	// clu holds the clustering writes of t (clusterOverlay), nil until
	// it clusters a claim; cc is the writers' cache of committed bucket
	// records and clusters (DB.clusters), nil in read transactions.
	clu *clusterOverlay
	cc  *clusterCache
	// words holds the word sets of the claims of the batch t writes,
	// folded beforehand on all CPUs (clusterWordsOf); nil outside batches.
	words map[string]wordSets
	// clusterJobs, in a bulk load, are the clusterable claims of the
	// articles t wrote, for the load's clustering goroutine once t
	// commits; clustering marks that goroutine's tx, which clusters them.
	clusterJobs []clusterJob
	clustering  bool
}

// ownWrite is one write recorded in tx.own: a value, or a deletion.
type ownWrite struct {
	v   []byte
	del bool
}

// wrote reports whether t wrote or deleted k.
func (t *tx) wrote(k []byte) bool {
	_, ok := t.own[string(k)]
	return ok
}

// overlaid returns what t or the run before it (prev) wrote at k, the
// writes t's snapshot lacks; found=false when neither did.
func (t *tx) overlaid(k []byte) (w ownWrite, found bool) {
	if w, found = t.own[string(k)]; !found {
		w, found = t.prev.own[string(k)]
	}
	return w, found
}

// get returns the value at k, or ok=false when there is none.
func (t *tx) get(k []byte) (v []byte, ok bool, err error) {
	if t.ld != nil && (t.txn == nil || !keptKey(k)) {
		return nil, false, errUnread(k)
	}
	if t.prev != nil {
		if w, found := t.overlaid(k); found {
			return w.v, !w.del, nil
		}
	}
	item, err := t.txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, false, nil
	} else if err != nil {
		return nil, false, fmt.Errorf("get %q: %w", k, err)
	}
	v, err = item.ValueCopy(nil)
	if err != nil {
		return nil, false, fmt.Errorf("read %q: %w", k, err)
	}
	return v, true, nil
}

// has reports whether k is set.
func (t *tx) has(k []byte) (bool, error) {
	if t.ld != nil && (t.txn == nil || !(keptKey(k) || markedKey(k))) {
		return false, errUnread(k)
	}
	if t.prev != nil {
		if w, found := t.overlaid(k); found {
			return !w.del, nil
		}
	}
	_, err := t.txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	} else if err != nil {
		return false, fmt.Errorf("get %q: %w", k, err)
	}
	return true, nil
}

func (t *tx) set(k, v []byte) error {
	if int64(len(v)) > t.maxValue {
		return graph.Errorf(graph.ETOOLARGE, "a %d-byte record exceeds the store's limit of %d bytes; nothing was written", len(v), t.maxValue)
	}
	if t.ld != nil && !keptKey(k) {
		if t.out != nil {
			return t.ld.sort.addTo(t.out, opSet, k, v)
		}
		if err := t.ld.sort.add(opSet, k, v); err != nil || !markedKey(k) {
			return err
		}
		v = nil // the marker
	}
	if err := t.txn.Set(k, v); err != nil {
		return fmt.Errorf("set %q: %w", k, err)
	}
	if t.own != nil && !clusterKey(k) {
		t.own[string(k)] = ownWrite{v: v}
	}
	t.noteCuration(k)
	t.nEntries++
	t.nBytes += int64(len(k)+len(v)) + entryOverhead
	if t.names != nil {
		t.noteName(k, flag(v))
	}
	return nil
}

func (t *tx) del(k []byte) error {
	if t.ld != nil && !keptKey(k) {
		if t.out != nil {
			return t.ld.sort.addTo(t.out, opDel, k, nil)
		}
		if err := t.ld.sort.add(opDel, k, nil); err != nil || !markedKey(k) {
			return err
		}
	}
	if err := t.txn.Delete(k); err != nil {
		return fmt.Errorf("delete %q: %w", k, err)
	}
	if t.own != nil && !clusterKey(k) {
		t.own[string(k)] = ownWrite{del: true}
	}
	t.nEntries++
	t.nBytes += int64(len(k)) + entryOverhead
	if t.names != nil {
		t.noteName(k, 0)
	}
	return nil
}

// noteCuration clears noMerged or noSplits when k is a merge redirect or a
// split marker.
func (t *tx) noteCuration(k []byte) {
	if len(k) < 3 || k[2] != '/' {
		return
	}
	switch string(k[:3]) {
	case pMerged:
		t.noMerged = false
	case pSplit:
		t.noSplits = false
	}
}

// getNode decodes the node with id into v; ok=false when there is none.
func (t *tx) getNode(id string, v any) (ok bool, err error) {
	b, ok, err := t.get(nodeKey(id))
	if err != nil || !ok {
		return false, err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return false, fmt.Errorf("decode node %s: %w", id, err)
	}
	return true, nil
}

// putNode stores v as the node with id.
func (t *tx) putNode(id string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode node %s: %w", id, err)
	}
	return t.set(nodeKey(id), b)
}

// mustNode loads the node with id of the type named by prefix into v,
// returning ENOTFOUND when there is none.
func (t *tx) mustNode(prefix, what, id string, v any) error {
	if len(id) <= len(prefix) || id[:len(prefix)] != prefix {
		return graph.Errorf(graph.ENOTFOUND, "%s %q not found", what, id)
	}
	ok, err := t.getNode(id, v)
	if err != nil {
		return err
	} else if !ok {
		return graph.Errorf(graph.ENOTFOUND, "%s %q not found", what, id)
	}
	return nil
}

// setIndex sets the index key k, counting it in its group (see
// indexGroup) when it is new.
func (t *tx) setIndex(k, v []byte) error {
	return t.setCounted(k, v, indexGroup(k))
}

// delIndex deletes the index key k, if set, and uncounts it.
func (t *tx) delIndex(k []byte) error {
	return t.delCounted(k, indexGroup(k))
}

// setCounted sets k and, when it is new, adds one to each of the counters
// groups.
func (t *tx) setCounted(k, v []byte, groups ...string) error {
	_, err := t.setCountedNew(k, v, groups...)
	return err
}

// setCountedNew is setCounted that also reports whether k is new. A key
// without value that this transaction already set for a new node is not
// set again.
func (t *tx) setCountedNew(k, v []byte, groups ...string) (bool, error) {
	isNew := false
	if t.fresh[string(lastID(k))] {
		if t.set1[string(k)] {
			if len(v) == 0 {
				return false, nil
			}
		} else {
			isNew = true
			t.set1[string(k)] = true
		}
	} else {
		had, err := t.has(k)
		if err != nil {
			return false, err
		}
		isNew = !had
	}
	if isNew {
		for _, g := range groups {
			t.add(g, 1)
		}
	}
	return isNew, t.set(k, v)
}

// delCounted deletes k, if set, and takes one from each of the counters
// groups.
func (t *tx) delCounted(k []byte, groups ...string) error {
	if t.fresh[string(lastID(k))] {
		// only written, if at all, in this transaction
		if !t.set1[string(k)] {
			return nil
		}
		delete(t.set1, string(k))
	} else if had, err := t.has(k); err != nil || !had {
		return err
	}
	for _, g := range groups {
		t.add(g, -1)
	}
	return t.del(k)
}

// count returns a counter's stored value plus pending deltas.
func (t *tx) count(name string) (int64, error) {
	v, _, err := t.get(countKey(name))
	if err != nil {
		return 0, err
	}
	return decodeCount(v) + t.counts[name], nil
}

// add records a counter delta, written by flushCounts.
func (t *tx) add(name string, delta int64) { t.counts[name] += delta }

func (t *tx) flushCounts() error {
	if t.ld != nil {
		for name, d := range t.counts {
			if d != 0 {
				if err := t.ld.sort.add(opAdd, countKey(name), encodeCount(d)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	t.flushed = make(map[string]int64, len(t.counts))
	for name, d := range t.counts {
		if d == 0 {
			continue
		}
		// the run in flight's value first: the cache holds it only
		// once that run is applied
		base, ok := int64(0), false
		if t.prev != nil {
			base, ok = t.prev.flushed[name]
		}
		if !ok {
			base, ok = t.cache[name]
		}
		if !ok {
			v, _, err := t.get(countKey(name))
			if err != nil {
				return err
			}
			base = decodeCount(v)
		}
		n := base + d
		t.flushed[name] = n
		if n != 0 {
			if err := t.set(countKey(name), encodeCount(n)); err != nil {
				return err
			}
		} else if err := t.del(countKey(name)); err != nil {
			return err
		}
	}
	return nil
}

// keys returns every key under prefix, in order, without loading values.
func (t *tx) keys(prefix []byte) ([][]byte, error) {
	it := t.txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	var out [][]byte
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		if len(out)%1024 == 1023 {
			if err := t.ctx.Err(); err != nil {
				return nil, err
			}
		}
		out = append(out, it.Item().KeyCopy(nil))
	}
	return out, t.ctx.Err()
}

// keysN returns up to n keys under prefix, in order.
func (t *tx) keysN(prefix []byte, n int) ([][]byte, error) {
	it := t.txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	var out [][]byte
	for it.Seek(prefix); it.ValidForPrefix(prefix) && len(out) < n; it.Next() {
		out = append(out, it.Item().KeyCopy(nil))
	}
	return out, t.ctx.Err()
}

// entriesN returns up to n keys and values under prefix, in order.
func (t *tx) entriesN(prefix []byte, n int) (ks, vs [][]byte, err error) {
	it := t.txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	for it.Seek(prefix); it.ValidForPrefix(prefix) && len(ks) < n; it.Next() {
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return nil, nil, fmt.Errorf("read %q: %w", it.Item().Key(), err)
		}
		ks = append(ks, it.Item().KeyCopy(nil))
		vs = append(vs, v)
	}
	return ks, vs, t.ctx.Err()
}

// entries returns every key and value under prefix, in order.
func (t *tx) entries(prefix []byte) (ks, vs [][]byte, err error) {
	it := t.txn.NewIterator(badger.IteratorOptions{Prefix: prefix}) // values are small and inline: no prefetch
	defer it.Close()
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		if len(ks)%1024 == 1023 {
			if err := t.ctx.Err(); err != nil {
				return nil, nil, err
			}
		}
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return nil, nil, fmt.Errorf("read %q: %w", it.Item().Key(), err)
		}
		ks = append(ks, it.Item().KeyCopy(nil))
		vs = append(vs, v)
	}
	return ks, vs, t.ctx.Err()
}

// badgerLogger adapts a *slog.Logger to badger.Logger; a nil logger
// discards everything.
type badgerLogger struct{ l *slog.Logger }

func (b badgerLogger) log(level slog.Level, format string, args ...any) {
	if b.l == nil {
		return
	}
	b.l.Log(context.Background(), level, strings.TrimSpace(fmt.Sprintf(format, args...)), "component", "badger")
}

func (b badgerLogger) Errorf(f string, a ...any)   { b.log(slog.LevelError, f, a...) }
func (b badgerLogger) Warningf(f string, a ...any) { b.log(slog.LevelWarn, f, a...) }
func (b badgerLogger) Infof(f string, a ...any)    { b.log(slog.LevelDebug, f, a...) }
func (b badgerLogger) Debugf(f string, a ...any)   { b.log(slog.LevelDebug, f, a...) }
