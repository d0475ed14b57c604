package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"github.com/dgraph-io/ristretto/v2/z"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// TestLoader checks that a bulk load stores exactly what IngestBatch
// stores, key for key and counter for counter, with the same results:
// whether its writes stay in memory or spill to many sorted runs, and
// with the articles of one batch resolving against earlier batches
// (aliases, anonymous actors, a repeated article, an invalid one), and
// when transactions fill up and an article too large for one fails after
// others (its run is taken back from the sort and written again).
func TestLoader(t *testing.T) {
	ctx := context.Background()
	xs := batchArticles(240)
	withHuge := append(append(xs[:60:60], storetest.ManySpeakers(3000)), xs[60:]...)
	for _, tt := range []struct {
		name   string
		memory int
		batch  int
		xs     []*graph.Extraction
		opts   Options
	}{
		{"InMemory", sortMemory, 64, xs, Options{}},
		{"SpilledRuns", 2 << 10, 7, xs, Options{}},
		{"OneBatch", 1 << 20, len(xs), xs, Options{}},
		{"FullTransactions", 1 << 20, len(withHuge), withHuge, Options{MemTableMB: 1}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			xs := tt.xs
			want, wantRes := ingestAll(t, xs, tt.opts)
			opts := tt.opts
			opts.BulkLoad = true
			dir := t.TempDir()
			db, err := Open(dir, opts)
			if err != nil {
				t.Fatal(err)
			}
			l, err := db.newLoader(tt.memory)
			if err != nil {
				t.Fatal(err)
			}
			var got []*graph.IngestResult
			for i := 0; i < len(xs); i += tt.batch {
				rs, err := l.IngestBatch(ctx, xs[i:min(i+tt.batch, len(xs))])
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, rs...)
			}
			if tt.memory < 1<<20 && len(l.sort.runs) < 5 {
				t.Errorf("%d sorted runs spilled; the test wants many", len(l.sort.runs))
			}
			if n, err := db.FindClaims(ctx, graph.ClaimFilter{}); err != nil || n.TotalCount != 0 {
				t.Errorf("claims visible before Finish: %+v, %v", n, err)
			}
			if w, tot := l.Progress(); w != 0 || tot != 0 {
				t.Errorf("progress before Finish: %d of %d bytes, want 0 of 0", w, tot)
			}
			if err := l.Finish(ctx); err != nil {
				t.Fatal(err)
			}
			if w, tot := l.Progress(); w <= 0 || w > tot {
				t.Errorf("progress after Finish: %d of %d bytes, want all written, at most the total", w, tot)
			}
			for i := range wantRes {
				w, g := wantRes[i], got[i]
				if graph.ErrorCode(w.Err) != graph.ErrorCode(g.Err) || (w.Err == nil) != (g.Err == nil) {
					t.Fatalf("article %d: error %v, want %v", i, g.Err, w.Err)
				}
				if w.Err == nil && g.Created != w.Created {
					t.Errorf("article %d: created %v, want %v", i, g.Created, w.Created)
				}
				if w.Err == nil && w.Created && fmt.Sprint(ids(g.Extraction)) != fmt.Sprint(ids(w.Extraction)) {
					t.Errorf("article %d: records %v, want %v", i, ids(g.Extraction), ids(w.Extraction))
				}
			}
			sameKeys(t, dump(t, want), dump(t, db))
			checkCounters(t, db)
			if ents, _ := os.ReadDir(filepath.Join(dir, loadTmp)); len(ents) > 0 {
				t.Errorf("sort runs left behind: %d", len(ents))
			}
			if len(xs) == len(withHuge) && graph.ErrorCode(got[60].Err) != graph.ETOOLARGE {
				t.Errorf("the huge article: %v, want ETOOLARGE", got[60].Err)
			}
			// the loaded database takes ordinary writes and reopens
			more := batchArticles(260)[240:]
			if _, err := db.IngestBatch(ctx, more); err != nil {
				t.Fatal(err)
			}
			if _, err := want.IngestBatch(ctx, more); err != nil {
				t.Fatal(err)
			}
			db = reopen(t, db, dir)
			defer db.Close()
			sameKeys(t, dump(t, want), dump(t, db))
			c, err := db.FindClaims(ctx, graph.ClaimFilter{Page: graph.Page{First: 5}})
			if err != nil || c.TotalCount == 0 || len(c.Claims) != 5 {
				t.Errorf("claims after reopening: %+v, %v", c, err)
			}
		})
	}
}

// ingestAll stores xs with IngestBatch, 50 at a time, in a new database
// opened with opts.
func ingestAll(t *testing.T, xs []*graph.Extraction, opts Options) (*DB, []*graph.IngestResult) {
	t.Helper()
	db, err := Open(t.TempDir(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	var res []*graph.IngestResult
	for i := 0; i < len(xs); i += 50 {
		rs, err := db.IngestBatch(context.Background(), xs[i:min(i+50, len(xs))])
		if err != nil {
			t.Fatal(err)
		}
		res = append(res, rs...)
	}
	return db, res
}

// sameKeys reports every difference between two dumps: want, as the
// reference path (an ingest, the data before an upgrade) left it, and
// got, as the path under test left it.
func sameKeys(t *testing.T, want, got map[string]string) {
	t.Helper()
	n := 0
	for k, v := range want {
		if gv, ok := got[k]; !ok {
			t.Errorf("key %q missing from the dump under test", k)
			n++
		} else if gv != v {
			t.Errorf("key %q: %q in the dump under test, want %q", k, gv, v)
			n++
		}
		if n > 10 {
			t.Fatal("too many differences")
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("key %q only in the dump under test", k)
		}
	}
}

// TestLoaderRefusesNonEmpty checks that a database with articles is not
// bulk-loaded, and that one with nothing but its format is.
func TestLoaderRefusesNonEmpty(t *testing.T) {
	ctx := context.Background()
	db := openDir(t, t.TempDir())
	l, err := db.NewLoader()
	if err != nil {
		t.Fatalf("new database: %v", err)
	}
	l.Abort()
	if _, err := db.Ingest(ctx, batchArticles(1)[1]); err != nil {
		t.Fatal(err)
	}
	if _, err := db.NewLoader(); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("NewLoader on a database with an article: %v, want ErrNotEmpty", err)
	}
	if _, err := memory(t).NewLoader(); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("NewLoader in memory: %v, want EINVALID", err)
	}
}

// TestLoaderAbort checks that an aborted load writes nothing and leaves
// no files, and that claims without derived IDs are refused one by one.
func TestLoaderAbort(t *testing.T) {
	ctx, dir := context.Background(), t.TempDir()
	db := openDir(t, dir)
	l, err := db.newLoader(1 << 10)
	if err != nil {
		t.Fatal(err)
	}
	xs := batchArticles(40)
	odd := storetest.NewArticle("Odd", "P", "Ana Ruiz said the dam is safe.\n")
	c := odd.Says(odd.Actor("Ana Ruiz", graph.ActorPerson), "Ana Ruiz", "said", "the dam is safe")
	c.ID = graph.ClaimID("elsewhere", 1, 2, 3)
	odd.Extraction().Edges[0].To, odd.Extraction().Edges[0].Claim = c.ID, c.ID
	rs, err := l.IngestBatch(ctx, append(xs, odd.Extraction()))
	if err != nil {
		t.Fatal(err)
	}
	if r := rs[len(rs)-1]; graph.ErrorCode(r.Err) != graph.EINVALID {
		t.Errorf("claim with a foreign ID: %v, want EINVALID", r.Err)
	}
	l.Abort()
	if _, err := l.IngestBatch(ctx, xs[:1]); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("IngestBatch after Abort: %v, want EINVALID", err)
	}
	if got := dump(t, db); len(got) != 1 {
		t.Errorf("keys after Abort: %v, want the format only", got)
	}
	if _, err := os.Stat(filepath.Join(dir, loadTmp)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("sort runs after Abort: %v", err)
	}
}

// TestLoaderInterrupted checks that a database whose load stopped before
// it ended (killed while loading, or while Finish wrote the stream: the
// marker is there either way; or Finish failed to begin the stream, here
// because Badger's value log file was deleted from under it, as a disk
// fault or another program could) opens empty, as before the load, and
// takes a new load. A failed Finish returns its error and leaves a
// database that closes: before that was fixed, Close panicked, as
// Badger's writes were left stopped.
func TestLoaderInterrupted(t *testing.T) {
	ctx := context.Background()
	xs := batchArticles(30)
	for _, stage := range []string{"Loading", "Finishing", "StreamFails"} {
		t.Run(stage, func(t *testing.T) {
			dir := t.TempDir()
			db, err := Open(dir, Options{BulkLoad: stage == "StreamFails"})
			if err != nil {
				t.Fatal(err)
			}
			l, err := db.NewLoader()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := l.IngestBatch(ctx, xs); err != nil {
				t.Fatal(err)
			}
			switch stage {
			case "StreamFails":
				logs, _ := filepath.Glob(filepath.Join(dir, "*.vlog"))
				if len(logs) == 0 {
					t.Fatal("no value log file to remove")
				}
				for _, f := range logs {
					if err := os.Remove(f); err != nil {
						t.Fatal(err)
					}
				}
				if err := l.Finish(ctx); err == nil || !strings.Contains(err.Error(), "prepare the stream") {
					t.Fatalf("Finish with its value log gone: %v, want the stream's preparation to fail", err)
				}
			case "Finishing":
				if err := l.Finish(ctx); err != nil {
					t.Fatal(err)
				}
				// what a crash halfway through the stream leaves: tables,
				// the marker and sort runs
				if err := os.WriteFile(filepath.Join(dir, loadMarker), nil, 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.MkdirAll(filepath.Join(dir, loadTmp), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			// the actors and articles the transactions wrote are in Badger
			if err := db.Close(); err != nil {
				if stage != "StreamFails" {
					t.Fatal(err)
				}
				t.Logf("Close after a failed Finish (the value log is gone): %v", err)
			}
			db = openDir(t, dir)
			if n, err := db.FindArticles(ctx, graph.ArticleFilter{}); err != nil || n.TotalCount != 0 {
				t.Fatalf("articles after an interrupted load: %+v, %v; want none", n, err)
			}
			if got := dump(t, db); len(got) != 1 {
				t.Errorf("%d keys after an interrupted load, want the format only", len(got))
			}
			for _, f := range []string{loadMarker, loadTmp} {
				if _, err := os.Stat(filepath.Join(dir, f)); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("%s after reopening: %v", f, err)
				}
			}
			l, err = db.NewLoader()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := l.IngestBatch(ctx, xs); err != nil {
				t.Fatal(err)
			}
			if err := l.Finish(ctx); err != nil {
				t.Fatal(err)
			}
			sameKeys(t, dump(t, func() *DB { db, _ := ingestAll(t, xs, Options{}); return db }()), dump(t, db))
		})
	}
}

// TestSorter checks the sorter against a map: random sets, deletes and
// counter adds over few keys (counters get adds only, as in a load), spilled to runs of every size.
func TestSorter(t *testing.T) {
	for _, limit := range []int{1, 64, 1 << 10, 1 << 20} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(limit), 7))
			s := newSorter(t.TempDir(), limit)
			model := map[string][]byte{}
			for i := range 3000 {
				if i%50 == 0 {
					if err := s.maybeSpill(); err != nil {
						t.Fatal(err)
					}
				}
				n := rng.IntN(150)
				k := fmt.Appendf(nil, "k/%03d", n)
				switch rng.IntN(4) {
				case 0:
					v := fmt.Appendf(nil, "v%d", rng.IntN(1000))
					if rng.IntN(5) == 0 {
						v = nil
					}
					model[string(k)] = v
					s.add(opSet, k, v)
				case 1:
					delete(model, string(k))
					s.add(opDel, k, nil)
				default: // counters, as a loader writes them: only adds
					c := fmt.Appendf(nil, "c/%03d", n)
					d := int64(rng.IntN(7) - 3)
					model[string(c)] = encodeCount(decodeCount(model[string(c)]) + d)
					s.add(opAdd, c, encodeCount(d))
				}
			}
			for k, v := range model {
				if k[0] == 'c' && decodeCount(v) == 0 {
					delete(model, k) // a zero counter is no key
				}
			}
			var keys [][]byte
			got := map[string][]byte{}
			if err := s.finish(nil); err != nil {
				t.Fatal(err)
			}
			if limit <= 64 && (len(s.runs) < 10 || s.partitions() < 2) {
				t.Errorf("%d runs of %d partitions; the test wants many of several", len(s.runs), s.partitions())
			}
			for p := range s.partitions() {
				err := s.merge(p, func(k, v []byte) error {
					keys = append(keys, slices.Clone(k))
					got[string(k)] = slices.Clone(v)
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			if err := s.removeRuns(); err != nil {
				t.Fatal(err)
			}
			if !slices.IsSortedFunc(keys, bytes.Compare) || len(keys) != len(got) {
				t.Errorf("keys not sorted or repeated: %q", keys)
			}
			if len(got) != len(model) {
				t.Errorf("%d keys, want %d", len(got), len(model))
			}
			for k, v := range model {
				if !bytes.Equal(got[k], v) {
					t.Errorf("key %s: %q, want %q", k, got[k], v)
				}
			}
			if ents, _ := os.ReadDir(s.dir); len(ents) > 0 {
				t.Errorf("%d runs left after merge", len(ents))
			}
		})
	}
}

// openDir opens the database in dir, closed when the test ends.
func openDir(t *testing.T, dir string) *DB {
	t.Helper()
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// memory opens an in-memory database, closed when the test ends.
func memory(t *testing.T) *DB {
	t.Helper()
	db, err := Open("", Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestSortEnts checks the sorter's own sort against slices.SortFunc, on
// keys that share 16-byte prefixes (so the first 16 bytes tie), keys
// shorter than 16 bytes, and repeated keys (which keep their order), with
// quicksort and with its heapsort fallback.
func TestSortEnts(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	s := newSorter(t.TempDir(), 1<<30)
	b := &sortBuf{}
	for range 5000 {
		var k []byte
		switch rng.IntN(3) {
		case 0:
			k = fmt.Appendf(nil, "cs/act_0123456789\x00clm_%02x", rng.IntN(200))
		case 1:
			k = fmt.Appendf(nil, "k/%d", rng.IntN(50))
		default:
			k = fmt.Appendf(nil, "n/clm_%04x%x", rng.IntN(1<<16), rng.IntN(1<<20))
		}
		s.addTo(b, opSet, k, nil)
	}
	want := slices.Clone(b.ents)
	slices.SortStableFunc(want, func(x, y sortEnt) int { return bytes.Compare(b.key(x), b.key(y)) })
	for _, depth := range []int{64, 0, 3} {
		got := slices.Clone(b.ents)
		b.quickSort(got, depth)
		if !slices.Equal(got, want) {
			t.Errorf("depth %d: sorted differently from slices.SortStableFunc", depth)
		}
	}
}

// TestAppendKV checks that appendKV writes the bytes badger.KVToBuffer
// writes, for keys with and without values, large and small numbers, and
// the record that ends a stream.
func TestAppendKV(t *testing.T) {
	long := bytes.Repeat([]byte("v"), 300)
	for _, kv := range []*pb.KV{
		{Key: []byte("n/clm_1"), Value: []byte(`{"id":"clm_1"}`), Version: 7, StreamId: 1},
		{Key: []byte("ca/art_1\x00clm_1"), Version: 1 << 40, StreamId: 3<<24 + 1},
		{Key: []byte("tb/word"), Value: long, Version: 300, StreamId: 200},
		{StreamId: 5, StreamDone: true},
	} {
		want, got := z.NewBuffer(1<<10, "test"), z.NewBuffer(1<<10, "test")
		badger.KVToBuffer(kv, want)
		appendKV(got, kv.Key, kv.Value, kv.Version, kv.StreamId, kv.StreamDone)
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%v: appendKV wrote %x, KVToBuffer %x", kv, got.Bytes(), want.Bytes())
		}
		want.Release()
		got.Release()
	}
}
