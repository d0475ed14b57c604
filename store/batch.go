package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/skl"

	"github.com/claimgraph/claimgraph/graph"
)

var _ graph.BatchIngester = (*DB)(nil)

// entryOverhead is what Badger adds to a key and value when it sizes a
// transaction (meta bytes and the version).
const entryOverhead = 12

// batchFill is the share of Badger's transaction limits a batch fills
// before it commits and starts another transaction: the article that
// crosses it must still fit. A quarter, not a half: runs of half the
// size ingest 10k articles into a 10k-article database 3-5% faster
// (alternated runs, BENCHMARKS.md; the CPU is about the same, so more of
// it runs in parallel, why was not isolated); a bulk load is unchanged,
// and 0.8 was no faster than 0.5.
const batchFill = 0.25

// IngestBatch ingests xs as Ingest would, one after another, in as few
// Badger transactions as fit (each filled to about a quarter of Badger's limit,
// see Options.MemTableMB): an article is written whole into one of them or
// not at all. While Badger applies one transaction, the next is already
// being resolved and written (pipeline), so large batches go faster.
// Articles resolve against the stored graph and the earlier articles of
// xs. An invalid article has EINVALID in its result's Err; one
// that does not fit an empty transaction ETOOLARGE; neither stops the
// others. When an article fails halfway through a transaction, the
// transaction is dropped and the articles before it are written again
// without it. The error is for the batch: a cancelled context or a failed
// commit; articles committed before it have results, the rest nil.
func (db *DB) IngestBatch(ctx context.Context, xs []*graph.Extraction) ([]*graph.IngestResult, error) {
	res := make([]*graph.IngestResult, len(xs))
	for i, x := range xs {
		if x == nil {
			res[i] = &graph.IngestResult{Err: graph.Errorf(graph.EINVALID, "no extraction")}
		} else if err := x.Validate(); err != nil {
			res[i] = &graph.IngestResult{Err: err}
		}
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	p := &pipeline{words: clusterWordsOf(xs)}
	defer p.discard()
	for i := 0; i < len(xs); {
		next, err := db.ingestRun(ctx, xs, res, i, len(xs), nil, p)
		if err != nil {
			if werr := p.wait(db, res); werr != nil {
				return res, werr
			}
			return res, err
		}
		i = next
	}
	return res, p.wait(db, res)
}

// pipeline lets the runs (transactions) of one IngestBatch overlap with
// Badger's writes: a run's commit is handed to Badger (CommitWith), and
// the next run resolves and writes its articles while Badger applies it,
// on Badger's own goroutine. The next run's transactions begin before
// that commit, so their snapshot does not hold it: the run reads what the
// run in flight wrote from its tx (tx.prev), after its own writes and
// before the snapshot, and its counters from the values that run wrote
// (tx.flushed). A run writes all its keys while the commit in flight is
// applied, waits for that commit only before its own, and fails with it;
// results are set once their run's commit is applied.
type pipeline struct {
	// next and nextSnap are the transactions of the next run, begun
	// before the commit in flight was sent.
	next, nextSnap *badger.Txn
	// flight is the run Badger is applying, nil when none.
	flight *flight
	// writes is how many keys the last run wrote: the next one's
	// tx.own is sized for as many, as runs fill alike.
	writes int
	// words holds the word sets of the batch's claims (tx.words).
	words map[string]wordSets
}

// flight is a run whose commit was sent: its tx (its writes, the
// overlay of the next run), its results by index, and the commit's
// outcome, delivered once.
type flight struct {
	t    *tx
	done map[int]*graph.IngestResult
	err  chan error
}

// txns returns the transactions for a run: those begun for it before the
// last commit was sent, else new ones (whose snapshot then waits for
// that commit, which Badger does for any new transaction).
func (p *pipeline) txns(db *DB) (txn, snap *badger.Txn) {
	if p != nil && p.next != nil {
		txn, snap, p.next, p.nextSnap = p.next, p.nextSnap, nil, nil
		return txn, snap
	}
	return db.bdb.NewTransaction(true), db.bdb.NewTransaction(false)
}

// wait waits for the commit in flight; once applied, its results are
// set in res and its writes cached. db.mu must be held.
func (p *pipeline) wait(db *DB, res []*graph.IngestResult) error {
	if p == nil || p.flight == nil {
		return nil
	}
	f := p.flight
	p.flight = nil
	if err := <-f.err; err != nil {
		// what was cached from reads through the failed run may be
		// wrong: forget it all
		db.counters, db.actors, db.clusters = nil, nil, nil
		db.dropClusterOrder()
		return fmt.Errorf("commit %d articles: %w", len(f.done), err)
	}
	db.cacheWrites(f.t)
	for j, r := range f.done {
		res[j] = r
	}
	return nil
}

// discard drops the transactions begun for a next run that will not come.
func (p *pipeline) discard() {
	if p.next != nil {
		p.next.Discard()
		p.nextSnap.Discard()
		p.next, p.nextSnap = nil, nil
	}
}

// ingestRun writes the articles of xs from start (those without a result
// yet) in one transaction, until end or until the transaction is full, and
// returns where the next run starts. An article that fails alone in the
// transaction gets its error as result; one that fails after others makes
// the run start over and stop before it. In a bulk load (ld), the
// writes ld keeps in its sorter are taken back with the transaction.
// With a pipeline (p, IngestBatch), the run's commit is left in flight
// and its results are set when it is applied (pipeline.wait).
// db.mu must be held.
func (db *DB) ingestRun(ctx context.Context, xs []*graph.Extraction, res []*graph.IngestResult, start, end int, ld *Loader, p *pipeline) (int, error) {
	if err := ctx.Err(); err != nil {
		return start, err
	}
	txn, snap := p.txns(db)
	defer txn.Discard()
	defer snap.Discard()
	t := db.newTx(ctx, txn)
	t.snap, t.names = snap, map[string]map[string]byte{}
	if p != nil {
		t.words = p.words
		t.own = make(map[string]ownWrite, p.writes)
		if p.flight != nil {
			t.prev = p.flight.t
			t.noMerged = t.noMerged && t.prev.noMerged
			t.noSplits = t.noSplits && t.prev.noSplits
		}
	}
	// undo takes back what a bulk load's sorter got from this run
	undo := func() {}
	if ld != nil {
		t.ld = ld
		mark := ld.sort.mark()
		undo = func() { ld.sort.rewind(mark) }
	}
	done := map[int]*graph.IngestResult{}
	i := start
	for ; i < end; i++ {
		if res[i] != nil {
			continue
		}
		if len(done) > 0 && db.full(t) {
			break
		}
		if t.prev != nil && t.prev.wrote(nodeKey(xs[i].Article.ID)) {
			// an article the run in flight wrote: what is stored for
			// it is read with iterators, which see only the snapshot,
			// so it waits for that run to be applied
			if len(done) > 0 {
				break
			}
			if err := p.wait(db, res); err != nil {
				return start, err
			}
			txn.Discard()
			return db.ingestRun(ctx, xs, res, start, end, ld, p)
		}
		r, err := t.ingest(xs[i])
		if err != nil {
			undo()
			if cerr := ctx.Err(); cerr != nil {
				return start, cerr
			}
			txn.Discard()
			if len(done) > 0 {
				return db.ingestRun(ctx, xs, res, start, i, ld, p)
			}
			res[i] = &graph.IngestResult{Err: tooLarge(err, xs[i].Article.ID)}
			return i + 1, nil
		}
		done[i] = r
	}
	// a bulk load's claims, written on all CPUs; they join the sort
	// once the transaction commits
	var claimBufs []*sortBuf
	if len(t.claimJobs) > 0 {
		var cerr error
		if claimBufs, cerr = t.runClaimJobs(); cerr != nil {
			undo()
			return start, fmt.Errorf("bulk load: write claims: %w", cerr)
		}
	}
	// the run's last writes, made while Badger still applies the run in
	// flight: counters take their values from it (tx.prev) where it wrote
	// them, so that nothing here waits for it
	err := t.flushClusters()
	if err == nil {
		err = t.flushSegments()
	}
	if err == nil {
		err = t.flushCounts()
	}
	if err != nil {
		undo()
	}
	if errors.Is(err, badger.ErrTxnTooBig) {
		// the postings and counters of the articles did not fit after
		// them: leave the last one to the next transaction
		txn.Discard()
		last := start
		for j := range done {
			last = max(last, j)
		}
		if len(done) > 1 {
			return db.ingestRun(ctx, xs, res, start, last, ld, p)
		}
		res[last] = &graph.IngestResult{Err: tooLarge(err, xs[last].Article.ID)}
		return last + 1, nil
	}
	if err != nil {
		return start, fmt.Errorf("write postings and counters: %w", err)
	}
	// a run commits once the run before it is applied: the next run's
	// snapshot must hold all but the run it reads from tx.prev
	if err := p.wait(db, res); err != nil {
		undo()
		return start, err
	}
	if p != nil {
		// the next run's transactions begin before this commit is
		// sent, so that they need not wait for Badger to apply it
		p.next, p.nextSnap = db.bdb.NewTransaction(true), db.bdb.NewTransaction(false)
		f := &flight{t: t, done: done, err: make(chan error, 1)}
		txn.CommitWith(func(err error) { f.err <- err })
		t.prev = nil // the next run reads this one, not the one before
		p.flight, p.writes = f, len(t.own)
		return i, nil
	}
	if err := txn.Commit(); err != nil {
		undo()
		return start, fmt.Errorf("commit %d articles: %w", len(done), err)
	}
	for _, b := range claimBufs {
		ld.sort.absorb(b)
	}
	if ld != nil && len(t.clusterJobs) > 0 {
		ld.cluster(t.clusterJobs)
	}
	db.cacheWrites(t)
	for j, r := range done {
		res[j] = r
	}
	return i, nil
}

// full reports whether t has used its share (batchFill) of Badger's
// transaction limits.
func (db *DB) full(t *tx) bool {
	maxSize := 15 * db.memTable / 100
	maxCount := maxSize / int64(skl.MaxNodeSize)
	n, size := t.nEntries+int64(len(t.segs)), t.nBytes+t.segBytes
	if t.ld != nil { // postings go to the loader's sorter
		n, size = t.nEntries, t.nBytes
	}
	return float64(size) >= batchFill*float64(maxSize) || float64(n) >= batchFill*float64(maxCount)
}

// tooLarge turns Badger's ErrTxnTooBig into ETOOLARGE.
func tooLarge(err error, article string) error {
	if errors.Is(err, badger.ErrTxnTooBig) {
		return graph.Errorf(graph.ETOOLARGE, "article %s is too large for one transaction; nothing was written", article)
	}
	return err
}

// noteName records a write of k in t.names when k is a name index key.
func (t *tx) noteName(k []byte, f byte) {
	if !bytes.HasPrefix(k, []byte(pActorName)) && !bytes.HasPrefix(k, []byte(pSourceName)) {
		return
	}
	i := bytes.LastIndexByte(k, 0)
	if i < 0 {
		return
	}
	g := string(k[:i+1])
	m := t.names[g]
	if m == nil {
		m = map[string]byte{}
		t.names[g] = m
	}
	m[string(k[i+1:])] = f
}

// batchNames returns the name index entries under prefix p (a group:
// prefix, name key, separator) as txn sees them: those in the snapshot
// with this transaction's changes applied, in key order.
func (t *tx) batchNames(p []byte) (ks, vs [][]byte, err error) {
	it := t.snap.NewIterator(badger.IteratorOptions{Prefix: p})
	got := map[string]byte{}
	for it.Seek(p); it.ValidForPrefix(p); it.Next() {
		item := it.Item()
		var f byte
		if err := item.Value(func(v []byte) error { f = flag(v); return nil }); err != nil {
			it.Close()
			return nil, nil, fmt.Errorf("read %q: %w", item.Key(), err)
		}
		got[string(item.Key()[len(p):])] = f
	}
	it.Close()
	if t.prev != nil {
		for id, f := range t.prev.names[string(p)] {
			if f == 0 {
				delete(got, id)
			} else {
				got[id] = f
			}
		}
	}
	for id, f := range t.names[string(p)] {
		if f == 0 {
			delete(got, id)
		} else {
			got[id] = f
		}
	}
	ids := make([]string, 0, len(got))
	for id := range got {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		ks = append(ks, append(slices.Clip(p), id...))
		vs = append(vs, []byte{got[id]})
	}
	return ks, vs, t.ctx.Err()
}
