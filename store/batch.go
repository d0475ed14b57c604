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
// crosses it must still fit.
const batchFill = 0.5

// IngestBatch ingests xs as Ingest would, one after another, in as few
// Badger transactions as fit (each filled to about half of Badger's limit,
// see Options.MemTableMB): an article is written whole into one of them or
// not at all. Articles resolve against the stored graph and the earlier
// articles of xs. An invalid article has EINVALID in its result's Err; one
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
	for i := 0; i < len(xs); {
		next, err := db.ingestRun(ctx, xs, res, i, len(xs), nil)
		if err != nil {
			return res, err
		}
		i = next
	}
	return res, nil
}

// ingestRun writes the articles of xs from start (those without a result
// yet) in one transaction, until end or until the transaction is full, and
// returns where the next run starts. An article that fails alone in the
// transaction gets its error as result; one that fails after others makes
// the run start over and stop before it. In a bulk load (ld), the
// writes ld keeps in its sorter are taken back with the transaction.
// db.mu must be held.
func (db *DB) ingestRun(ctx context.Context, xs []*graph.Extraction, res []*graph.IngestResult, start, end int, ld *Loader) (int, error) {
	if err := ctx.Err(); err != nil {
		return start, err
	}
	txn := db.bdb.NewTransaction(true)
	defer txn.Discard()
	snap := db.bdb.NewTransaction(false)
	defer snap.Discard()
	t := db.newTx(ctx, txn)
	t.snap, t.names = snap, map[string]map[string]byte{}
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
		r, err := t.ingest(xs[i])
		if err != nil {
			undo()
			if cerr := ctx.Err(); cerr != nil {
				return start, cerr
			}
			txn.Discard()
			if len(done) > 0 {
				return db.ingestRun(ctx, xs, res, start, i, ld)
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
	err := t.flushSegments()
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
			return db.ingestRun(ctx, xs, res, start, last, ld)
		}
		res[last] = &graph.IngestResult{Err: tooLarge(err, xs[last].Article.ID)}
		return last + 1, nil
	}
	if err != nil {
		return start, fmt.Errorf("write postings and counters: %w", err)
	}
	if err := txn.Commit(); err != nil {
		undo()
		return start, fmt.Errorf("commit %d articles: %w", len(done), err)
	}
	for _, b := range claimBufs {
		ld.sort.absorb(b)
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
