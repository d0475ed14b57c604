package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/ristretto/v2/z"
	"google.golang.org/protobuf/encoding/protowire"

	"github.com/claimgraph/claimgraph/graph"
)

// A Loader bulk-loads articles into an empty database. It resolves and
// encodes them exactly as IngestBatch does, in the same transactions, but
// of the keys it writes only those a later article's resolution reads
// (actors, sources, their name, kind and affiliation indexes: see
// keptKey, a few per article; and an empty value for each article, which
// resolution checks for) go to Badger then. The rest (claims,
// edges, their indexes, postings, counter deltas) go to a sorter: memory,
// then sorted runs on disk. Finish writes everything at once, sorted, as
// the tables of the LSM tree's last level (Badger's StreamWriter): most
// keys never pass through a memtable or a compaction, so the cost of an
// article does not grow with the corpus, and memory is bounded by the
// sorter's and Badger's.
//
// Claims and articles are not readable before Finish (actors and sources
// are, as their transactions commit; a re-read article is known). Finish lands
// every article loaded, whole; Abort lands none. A load that stops before Finish ends (a crash,
// a kill) leaves a marker file: the next Open empties the database again,
// as it was before the load.
type Loader struct {
	db   *DB
	tmp  string // the directory of the sort runs
	sort *sorter
	// err, once set, fails every later call.
	err  error
	done bool
	// streamed and toStream count the bytes of keys and values Finish
	// has written and about how many it will (Progress).
	streamed, toStream atomic.Int64
	// clusters is the claim cluster index of the articles loaded so far
	// (cluster.go): bucket records, about 100 bytes a clusterable claim,
	// and cluster nodes, which Finish writes (writeClusters) once they
	// are final rather than once a transaction. A load clusters its
	// claims on a goroutine of its own (clusterLoop), in the order
	// IngestBatch would, off the goroutine that resolves articles: no
	// read of the load depends on clusters.
	clusters *clusterOverlay
	// jobs takes the clusterable claims of each committed transaction,
	// in order, to the goroutine that clusters them (clusterLoop), which
	// says on clustered that it is done; nil until the first.
	jobs      chan []clusterJob
	clustered chan error
}

// loadMarker is the file in the database directory that says a bulk load
// is under way; loadTmp the directory of its sort runs.
const (
	loadMarker = "CLAIMGRAPH-LOADING"
	loadTmp    = "claimgraph-load"
)

// sortMemory is the default size of the writes a Loader buffers before it
// spills a sorted run to disk (one more such buffer is being spilled
// meanwhile).
const sortMemory = 128 << 20

// ErrNotEmpty is returned by NewLoader for a database that already holds
// articles, actors or sources: those are loaded with IngestBatch.
var ErrNotEmpty = graph.Errorf(graph.ECONFLICT, "the database is not empty; a bulk load needs an empty one")

// NewLoader starts a bulk load into db, which must hold no node (a new
// database); it returns ErrNotEmpty otherwise. Until Finish or Abort the
// database is the load's: nothing else may write to it, and reads see the
// articles and actors loaded but none of their claims. Not for in-memory
// stores.
func (db *DB) NewLoader() (*Loader, error) {
	return db.newLoader(sortMemory)
}

func (db *DB) newLoader(memory int) (*Loader, error) {
	if db.bdb.Opts().InMemory {
		return nil, graph.Errorf(graph.EINVALID, "an in-memory store cannot be bulk-loaded")
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	empty := false
	err := db.view(context.Background(), func(t *tx) error {
		k, err := t.firstKey([]byte(pNode))
		empty = k == nil
		return err
	})
	if err != nil {
		return nil, err
	} else if !empty {
		return nil, ErrNotEmpty
	}
	dir := db.bdb.Opts().Dir
	tmp := filepath.Join(dir, loadTmp)
	if err := os.RemoveAll(tmp); err != nil {
		return nil, fmt.Errorf("bulk load: clear %s: %w", tmp, err)
	}
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return nil, fmt.Errorf("bulk load: %w", err)
	}
	if err := writeSynced(filepath.Join(dir, loadMarker), []byte("a bulk load is under way; if it did not finish, the next Open empties the database\n")); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("bulk load: %w", err)
	}
	return &Loader{db: db, tmp: tmp, sort: newSorter(tmp, memory), clusters: newClusterOverlay()}, nil
}

// writeSynced writes a file and syncs it and its directory, so that it
// is there after a crash.
func writeSynced(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	d, err := os.Open(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// IngestBatch loads xs as DB.IngestBatch would store them; the results are
// the same but for an article already loaded, whose Extraction is the one
// given. The articles land when Finish returns. Claims must have the IDs
// graph.ClaimID derives from their article (as the extractor gives them):
// an article with another claim ID is EINVALID.
func (l *Loader) IngestBatch(ctx context.Context, xs []*graph.Extraction) ([]*graph.IngestResult, error) {
	res := make([]*graph.IngestResult, len(xs))
	for i, x := range xs {
		switch {
		case x == nil:
			res[i] = &graph.IngestResult{Err: graph.Errorf(graph.EINVALID, "no extraction")}
		default:
			if err := x.Validate(); err != nil {
				res[i] = &graph.IngestResult{Err: err}
			} else if err := derivedClaims(x); err != nil {
				res[i] = &graph.IngestResult{Err: err}
			}
		}
	}
	db := l.db
	db.mu.Lock()
	defer db.mu.Unlock()
	if err := l.usable(); err != nil {
		return res, err
	}
	for i := 0; i < len(xs); {
		next, err := db.ingestRun(ctx, xs, res, i, len(xs), l, nil)
		if err != nil {
			return res, err
		}
		if err := l.sort.maybeSpill(); err != nil {
			l.err = err
			return res, err
		}
		i = next
	}
	return res, nil
}

// derivedClaims checks that x's claims have the IDs graph.ClaimID gives.
func derivedClaims(x *graph.Extraction) error {
	for _, c := range x.Claims {
		if c.ID != graph.ClaimID(x.Article.ID, c.Start, c.End, c.CueStart) {
			return graph.Errorf(graph.EINVALID, "claim %s of article %s does not have the ID derived from its article and offsets; a bulk load takes only those", c.ID, x.Article.ID)
		}
	}
	return nil
}

func (l *Loader) usable() error {
	switch {
	case l.err != nil:
		return l.err
	case l.done:
		return graph.Errorf(graph.EINVALID, "the bulk load is over")
	}
	return nil
}

// keptKey reports whether a loader writes key k to Badger as it goes,
// rather than to its sorter: the keys the resolution of a later article
// reads (actors, sources; name, kind and affiliation indexes; curation
// markers). Articles are only checked for (markedKey).
func keptKey(k []byte) bool {
	if len(k) < 3 {
		return false
	}
	switch string(k[:3]) {
	case pActorName, pSourceName, pActorKind, pSourceKind, pAffiliation, pMerged, pSplit, pPendingSplit:
		return true
	}
	if len(k) < len(pNode)+len(graph.PrefixActor) || string(k[:len(pNode)]) != pNode {
		return false
	}
	switch string(k[len(pNode) : len(pNode)+len(graph.PrefixActor)]) {
	case graph.PrefixActor, graph.PrefixSource:
		return true
	}
	return false
}

// markedKey reports whether a loader writes key k to its sorter and an
// empty value under k to Badger as it goes: the nodes of articles, whose
// existence resolution checks (has) but whose text it never reads. The
// empty value never reaches the database: Finish reads Badger's keys
// back as its oldest run, which the sorter's value replaces.
func markedKey(k []byte) bool {
	return len(k) > len(pNode)+len(graph.PrefixArticle) && string(k[:len(pNode)]) == pNode &&
		string(k[len(pNode):len(pNode)+len(graph.PrefixArticle)]) == graph.PrefixArticle
}

// runClaimJobs writes the claims of the articles t resolved (writeClaims)
// on as many goroutines as there are CPUs, each into a buffer of its own
// with counters and postings of its own: the claims' keys end in the
// claims' IDs, new and distinct, so no key is written by two of them, and
// counter deltas add up. It adds the counter deltas to t's and returns
// the buffers, for the sorter once t commits.
func (t *tx) runClaimJobs() ([]*sortBuf, error) {
	jobs := t.claimJobs
	t.claimJobs = nil
	n := min(len(jobs), runtime.GOMAXPROCS(0))
	writers := make([]*tx, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for w := range n {
		ct := &tx{ld: t.ld, ctx: t.ctx, counts: map[string]int64{}, maxValue: t.maxValue,
			fresh: map[string]bool{}, set1: map[string]bool{}, dates: map[string]string{},
			out: &sortBuf{}, noMerged: true, noSplits: true}
		writers[w] = ct
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(jobs); i += n {
				j := jobs[i]
				// the keys a claim writer dedupes all end in a claim of
				// the article: the maps need hold one article's
				clear(ct.fresh)
				clear(ct.set1)
				ct.dates[j.x.Article.ID] = j.date
				if err := ct.writeClaims(j.x, j.date); err != nil {
					errs[w] = fmt.Errorf("article %s: %w", j.x.Article.ID, err)
					return
				}
			}
			errs[w] = ct.flushSegments()
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	bufs := make([]*sortBuf, n)
	for w, ct := range writers {
		for name, d := range ct.counts {
			t.counts[name] += d
		}
		bufs[w] = ct.out
	}
	return bufs, nil
}

// errUnread is the error of a read, in a loader's transaction, of a key
// the loader does not keep in Badger, or of any key by a claim writer: a
// bug, never a silent miss.
func errUnread(k []byte) error {
	return fmt.Errorf("bulk load: key %q is in the sorter and cannot be read", k)
}

// streamChunk is the size of the buffers handed to the StreamWriter, and
// streamSpan the data after which a new stream (whose tables Badger builds
// in parallel with the others') begins.
const (
	streamChunk = 4 << 20
	streamSpan  = 64 << 20
)

// Finish writes everything loaded into the database and ends the load;
// the articles are readable when it returns. ctx can stop it before the
// stream begins, not after.
func (l *Loader) Finish(ctx context.Context) error {
	db := l.db
	db.mu.Lock()
	defer db.mu.Unlock()
	if err := l.usable(); err != nil {
		return err
	}
	l.done = true
	defer os.RemoveAll(l.tmp)
	if err := ctx.Err(); err != nil {
		l.sort.removeRuns()
		return err
	}
	if err := l.endClustering(); err != nil {
		l.sort.removeRuns()
		return err
	}
	if err := l.writeClusters(); err != nil {
		l.sort.removeRuns()
		return err
	}
	// The stream replaces the whole database: what the transactions wrote
	// joins the sort as its oldest run, read while the sort ends.
	path := filepath.Join(l.tmp, "run-badger")
	var version uint64
	var kept int64
	readBack := func() error {
		err := db.bdb.View(func(txn *badger.Txn) error {
			version = txn.ReadTs() + 1
			it := txn.NewIterator(badger.IteratorOptions{})
			defer it.Close()
			it.Rewind()
			r := &badgerRun{it: it}
			err := writeRun(path, l.sort.bounds, r)
			kept = r.size
			return err
		})
		if err != nil {
			return fmt.Errorf("bulk load: read back the transactions: %w", err)
		}
		return nil
	}
	if err := l.sort.finish(readBack); err != nil {
		return err
	}
	l.sort.addRun(path)
	l.toStream.Store(l.sort.total + kept)
	sw := db.bdb.NewStreamWriter()
	if err := sw.Prepare(); err != nil {
		// Prepare stops Badger's writes and memtable flushes before it
		// empties the database, and only Cancel (or Flush) resumes them:
		// without it, Close would panic.
		sw.Cancel()
		return fmt.Errorf("bulk load: prepare the stream: %w", err)
	}
	if err := l.stream(sw, version); err != nil {
		sw.Cancel()
		return err
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("bulk load: finish the stream: %w", err)
	}
	if err := l.sort.removeRuns(); err != nil {
		return fmt.Errorf("bulk load: %w", err)
	}
	if err := os.Remove(filepath.Join(db.bdb.Opts().Dir, loadMarker)); err != nil {
		return fmt.Errorf("bulk load: %w", err)
	}
	// caches of the database as it was
	db.counters, db.actors, db.clusters = nil, nil, nil
	db.dropClusterOrder()
	db.reads.reset()
	return nil
}

// clusterJob is a clusterable claim of a loaded article, for
// clusterLoop: the arguments of tx.clusterClaim.
type clusterJob struct {
	claim, article, date string
	pdate                []byte
	text, speaker, kind  string
}

// cluster hands the clusterable claims of a committed transaction to
// clusterLoop, starting it with the first.
func (l *Loader) cluster(jobs []clusterJob) {
	if l.jobs == nil {
		l.jobs, l.clustered = make(chan []clusterJob, 4), make(chan error, 1)
		go l.clusterLoop()
	}
	l.jobs <- jobs
}

// clusterLoop clusters the claims sent on l.jobs, in order, into
// l.clusters; its other writes (members, clusters by speaker) go to a
// buffer of its own and its counter deltas to a transaction of its own,
// both handed to the sorter when l.jobs is closed. That is after every
// claim's own writes, and the sorter keeps the last write to a key, so
// the cluster it sets in a claim's ca/ value replaces the empty one
// writeClaims set. It reports on l.clustered.
func (l *Loader) clusterLoop() {
	ct := &tx{ld: l, ctx: context.Background(), counts: map[string]int64{}, maxValue: l.db.maxValue,
		out: &sortBuf{}, clu: l.clusters, clustering: true}
	var err error
	for jobs := range l.jobs {
		for _, j := range jobs {
			if err == nil {
				err = ct.clusterClaim(j.claim, j.article, j.date, j.pdate, j.text, j.speaker, j.kind)
			}
		}
	}
	if err == nil {
		l.sort.absorb(ct.out)
		for name, d := range ct.counts {
			if d != 0 {
				if err = l.sort.add(opAdd, countKey(name), encodeCount(d)); err != nil {
					break
				}
			}
		}
	}
	l.clustered <- err
}

// endClustering waits for clusterLoop to cluster every claim sent.
func (l *Loader) endClustering() error {
	if l.jobs == nil {
		return nil
	}
	close(l.jobs)
	err := <-l.clustered
	l.jobs = nil
	if err != nil {
		return fmt.Errorf("bulk load: cluster claims: %w", err)
	}
	return nil
}

// writeClusters adds the bucket records and the cluster nodes and order
// keys of the load to the sorter. The other cluster keys (members,
// clusters by speaker, counters) went there as claims joined.
func (l *Loader) writeClusters() error {
	for b, v := range l.clusters.bands {
		if err := l.sort.add(opSet, key(pBand, bandHex(b)), v); err != nil {
			return fmt.Errorf("bulk load: write cluster buckets: %w", err)
		}
	}
	for id, cl := range l.clusters.clusters {
		node, err := json.Marshal(cl)
		if err != nil {
			return fmt.Errorf("encode node %s: %w", id, err)
		}
		if err := l.sort.add(opSet, nodeKey(id), node); err != nil {
			return fmt.Errorf("bulk load: write clusters: %w", err)
		}
	}
	l.clusters = newClusterOverlay()
	return nil
}

// badgerRun is a run of every key a Badger iterator sees, as sets.
type badgerRun struct {
	it *badger.Iterator
	v  []byte
	// size counts the bytes of the keys and values read.
	size int64
}

func (r *badgerRun) next() (sortOp, []byte, []byte, bool, error) {
	if !r.it.Valid() {
		return 0, nil, nil, false, nil
	}
	item := r.it.Item()
	var err error
	if r.v, err = item.ValueCopy(r.v[:0]); err != nil {
		return 0, nil, nil, false, err
	}
	k := item.KeyCopy(nil)
	r.it.Next()
	r.size += int64(len(k) + len(r.v))
	return opSet, k, r.v, true, nil
}

// stream writes the sorter's keys to sw: its partitions at once, as
// many as there are CPUs, each into streams of its own.
func (l *Loader) stream(sw *badger.StreamWriter, version uint64) error {
	n := l.sort.partitions()
	parts := make(chan int, n)
	for p := range n {
		parts <- p
	}
	close(parts)
	errs := make(chan error, n)
	for range min(n, runtime.GOMAXPROCS(0)) {
		go func() {
			for p := range parts {
				if err := l.streamPart(sw, version, p); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	var err error
	for range min(n, runtime.GOMAXPROCS(0)) {
		if e := <-errs; e != nil && err == nil {
			err = e
		}
	}
	return err
}

// streamPart writes partition p of the sorter to sw, in streams numbered
// p<<24 and up.
func (l *Loader) streamPart(sw *badger.StreamWriter, version uint64, p int) error {
	buf := z.NewBuffer(2*streamChunk, "claimgraph.load")
	defer buf.Release()
	stream, span := uint32(p)<<24+1, 0
	send := func() error {
		if buf.LenNoPadding() == 0 {
			return nil
		}
		if err := sw.Write(buf); err != nil {
			return fmt.Errorf("bulk load: write the stream: %w", err)
		}
		buf.Reset() // Write copied what it keeps
		return nil
	}
	err := l.sort.merge(p, func(k, v []byte) error {
		if span >= streamSpan {
			appendKV(buf, nil, nil, 0, stream, true)
			stream, span = stream+1, 0
		}
		appendKV(buf, k, v, version, stream, false)
		span += len(k) + len(v)
		l.streamed.Add(int64(len(k) + len(v)))
		if buf.LenNoPadding() >= streamChunk {
			return send()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return send()
}

// appendKV appends to buf the record of one key for Badger's
// StreamWriter: a pb.KV in protocol buffer encoding, written field by
// field as proto.Marshal would (fields in number order, zero values left
// out), which is what badger.KVToBuffer does at several times the cost.
func appendKV(buf *z.Buffer, k, v []byte, version uint64, stream uint32, done bool) {
	n := 0
	if len(k) > 0 {
		n += 1 + protowire.SizeBytes(len(k))
	}
	if len(v) > 0 {
		n += 1 + protowire.SizeBytes(len(v))
	}
	if version != 0 {
		n += 1 + protowire.SizeVarint(version)
	}
	if stream != 0 {
		n += 1 + protowire.SizeVarint(uint64(stream))
	}
	if done {
		n += 2
	}
	b := buf.SliceAllocate(n)[:0]
	if len(k) > 0 {
		b = protowire.AppendTag(b, kvKey, protowire.BytesType)
		b = protowire.AppendBytes(b, k)
	}
	if len(v) > 0 {
		b = protowire.AppendTag(b, kvValue, protowire.BytesType)
		b = protowire.AppendBytes(b, v)
	}
	if version != 0 {
		b = protowire.AppendTag(b, kvVersion, protowire.VarintType)
		b = protowire.AppendVarint(b, version)
	}
	if stream != 0 {
		b = protowire.AppendTag(b, kvStreamID, protowire.VarintType)
		b = protowire.AppendVarint(b, uint64(stream))
	}
	if done {
		b = protowire.AppendTag(b, kvStreamDone, protowire.VarintType)
		b = protowire.AppendVarint(b, 1)
	}
	_ = b
}

// Field numbers of Badger's pb.KV.
const (
	kvKey        protowire.Number = 1
	kvValue      protowire.Number = 2
	kvVersion    protowire.Number = 4
	kvStreamID   protowire.Number = 10
	kvStreamDone protowire.Number = 11
)

// Progress reports how far Finish is: the bytes of keys and values it has
// written to the database, and about how many it will (more than it will:
// a key written several times counts each time). Safe to call while
// Finish runs; 0, 0 before.
func (l *Loader) Progress() (written, total int64) {
	return l.streamed.Load(), l.toStream.Load()
}

// Abort ends the load, leaving the database as it was before it.
func (l *Loader) Abort() {
	db := l.db
	db.mu.Lock()
	defer db.mu.Unlock()
	if l.done {
		return
	}
	l.done = true
	l.endClustering()
	l.sort.removeRuns()
	os.RemoveAll(l.tmp)
	if err := db.bdb.DropAll(); err != nil {
		// the marker stays: the next Open empties the database
		return
	}
	err := db.bdb.Update(func(txn *badger.Txn) error {
		return txn.Set(countKey(cntFormat), encodeCount(formatVersion))
	})
	if err == nil {
		os.Remove(filepath.Join(db.bdb.Opts().Dir, loadMarker))
	}
	db.counters, db.actors, db.clusters = nil, nil, nil
	db.dropClusterOrder()
	db.reads.reset()
}

// recoverLoad empties a database whose bulk load stopped while writing
// (its marker is there), and removes a load's leftover sort runs.
func recoverLoad(bdb *badger.DB) error {
	dir := bdb.Opts().Dir
	if bdb.Opts().InMemory {
		return nil
	}
	marker := filepath.Join(dir, loadMarker)
	if _, err := os.Stat(marker); err == nil {
		if err := bdb.DropAll(); err != nil {
			return fmt.Errorf("empty the database of an unfinished bulk load: %w", err)
		}
		if err := os.Remove(marker); err != nil {
			return err
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return os.RemoveAll(filepath.Join(dir, loadTmp))
}
