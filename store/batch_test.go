package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// batchArticles makes n articles whose actors overlap across articles:
// names and aliases that resolve to each other (also within one batch),
// anonymous actors whose IDs collide, accusations, denials (naming the
// denied claim or to it), sources, a repeated article and an invalid one.
func batchArticles(n int) []*graph.Extraction {
	rng := rand.New(rand.NewPCG(9, 9))
	people := []struct{ name, alias string }{
		{"Minister Ana Ruiz", "Ruiz"}, {"Ruiz", ""}, {"Governor Tom Bell", "Bell"},
		{"Bell", "Tom Bell"}, {"Tom Bell", ""}, {"Chief Ola Ade", "Ade"}, {"Ade", ""},
		{"General Kim Park", "Park"}, {"Park", "Kim Park"}, {"Dr Lee Wu", ""},
	}
	var out []*graph.Extraction
	for i := range n {
		var b strings.Builder
		type line struct{ who, alias, content string }
		var lines []line
		for j := range 1 + rng.IntN(4) {
			p := people[rng.IntN(len(people))]
			l := line{p.name, p.alias, fmt.Sprintf("item %d-%d is %s", i, j, []string{"fine", "late", "wrong", "costly"}[rng.IntN(4)])}
			lines = append(lines, l)
			fmt.Fprintf(&b, "%s said %s.\n", l.who, l.content)
		}
		anon := rng.IntN(3) == 0
		if anon {
			fmt.Fprintf(&b, "A senior official said article %d was leaked.\n", i)
		}
		a := storetest.NewArticle(fmt.Sprintf("T%d", i), []string{"Wire", "Daily", ""}[i%3], b.String())
		a.Extraction().Article.PublishedAt = []string{"2024-05-01", "2024-05-02T10:00:00Z", ""}[i%3]
		src := a.Source([]string{"Wire Agency", "Daily Desk"}[i%2], graph.SourceAgency, "WA")
		var prev *graph.Actor
		var prevClaim *graph.Claim
		for _, l := range lines {
			var aliases []string
			if l.alias != "" {
				aliases = []string{l.alias}
			}
			sp := a.Actor(l.who, graph.ActorPerson, aliases...)
			c := a.Says(sp, l.who, "said", l.content)
			a.Reports(src, c)
			if prev != nil && prev != sp {
				a.Accuses(sp, prev, c)
				// and, in some articles, denies what prev said
				switch i % 4 {
				case 1:
					a.Denies(sp, prev.ID, prevClaim, c)
				case 2:
					a.Denies(sp, prevClaim.ID, nil, c)
				}
			}
			prev, prevClaim = sp, c
		}
		if anon {
			o := a.Actor("a senior official", graph.ActorAnonymous)
			a.Says(o, "A senior official", "said", fmt.Sprintf("article %d was leaked", i))
		}
		out = append(out, a.Extraction())
		if i%17 == 5 {
			out = append(out, a.Extraction()) // the same article again
		}
	}
	bad := storetest.NewArticle("Bad", "P", "Nobody said anything.\n").Extraction()
	bad.Article.ID = graph.ArticleID("another text")
	return append(out[:n/2:n/2], append([]*graph.Extraction{bad}, out[n/2:]...)...)
}

// dump returns every key and value of db, search postings as one entry
// per term and document whichever way they are stored (segments depend on
// how articles were grouped in transactions).
func dump(t *testing.T, db *DB) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := db.bdb.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			k := string(it.Item().Key())
			if strings.HasPrefix(k, pSegment) {
				term := k[len(pSegment):strings.IndexByte(k, 0)]
				parseSegment(v, func(doc []byte, tf, dl int) {
					out[string(postingKey(term, string(doc)))] = string(posting(tf, dl))
				})
				continue
			}
			out[k] = string(v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestIngestBatch checks that IngestBatch stores exactly what Ingest one
// article at a time stores, with the same results, also when transactions
// fill up and when an article is too large for one.
func TestIngestBatch(t *testing.T) {
	ctx := context.Background()
	xs := batchArticles(120)
	huge := storetest.ManySpeakers(3000)
	// one actor gains an alias in every article: each transaction
	// changes what the one before it wrote, which a pipelined batch
	// reads while Badger may still be applying it
	growing := slices.Clone(xs)
	for i := range 80 {
		a := storetest.NewArticle(fmt.Sprint("Ruiz ", i), "Wire", fmt.Sprintf("Ana Ruiz said item %d is late.\n", i))
		sp := a.Actor("Ana Ruiz", graph.ActorPerson, fmt.Sprint("Ruiz the ", i))
		a.Says(sp, "Ana Ruiz", "said", fmt.Sprintf("item %d is late", i))
		growing = append(growing, a.Extraction())
		if i >= 5 {
			// an article of some transactions back, again
			growing = append(growing, growing[len(growing)-6])
		}
	}
	for _, tt := range []struct {
		name     string
		opts     Options
		xs       []*graph.Extraction
		batch    int
		tooLarge int
	}{
		{"OneTransaction", Options{InMemory: true}, xs, len(xs), 0},
		{"SmallBatches", Options{InMemory: true}, xs, 7, 0},
		{"FullTransactions", Options{MemTableMB: 1}, append(append(xs[:60:60], huge), xs[60:]...), len(xs) + 1, 1},
		{"GrowingActor", Options{MemTableMB: 1}, growing, len(growing), 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := func() string {
				if tt.opts.InMemory {
					return ""
				}
				return t.TempDir()
			}
			one, err := Open(dir(), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			defer one.Close()
			many, err := Open(dir(), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			defer many.Close()
			var want []*graph.IngestResult
			for _, x := range tt.xs {
				r, err := one.Ingest(ctx, x)
				if err != nil {
					r = &graph.IngestResult{Err: err}
				}
				want = append(want, r)
			}
			var got []*graph.IngestResult
			for i := 0; i < len(tt.xs); i += tt.batch {
				rs, err := many.IngestBatch(ctx, tt.xs[i:min(i+tt.batch, len(tt.xs))])
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, rs...)
			}
			for i := range want {
				w, g := want[i], got[i]
				if graph.ErrorCode(w.Err) != graph.ErrorCode(g.Err) || (w.Err == nil) != (g.Err == nil) {
					t.Fatalf("article %d: error %v, want %v", i, g.Err, w.Err)
				}
				if w.Err != nil {
					continue
				}
				if g.Created != w.Created || fmt.Sprint(ids(g.Extraction)) != fmt.Sprint(ids(w.Extraction)) {
					t.Errorf("article %d: created %v, records %v; want %v, %v", i, g.Created, ids(g.Extraction), w.Created, ids(w.Extraction))
				}
			}
			codes := map[string]int{}
			for _, r := range got {
				codes[graph.ErrorCode(r.Err)]++
			}
			if codes[graph.EINVALID] != 1 || codes[graph.ETOOLARGE] != tt.tooLarge {
				t.Errorf("error codes of the results: %v, want one EINVALID and %d ETOOLARGE", codes, tt.tooLarge)
			}
			a, b := dump(t, one), dump(t, many)
			for k, v := range a {
				if bv, ok := b[k]; !ok {
					t.Errorf("key %q missing after IngestBatch", k)
				} else if bv != v {
					t.Errorf("key %q: %q after IngestBatch, want %q", k, bv, v)
				}
			}
			for k := range b {
				if _, ok := a[k]; !ok {
					t.Errorf("key %q only after IngestBatch", k)
				}
			}
			checkCounters(t, many)
		})
	}
}

// ids lists the IDs of the records of an ingest result.
func ids(x *graph.Extraction) []string {
	var out []string
	for _, a := range x.Actors {
		out = append(out, a.ID+":"+strings.Join(a.Aliases, "|"))
	}
	for _, s := range x.Sources {
		out = append(out, s.ID)
	}
	for _, c := range x.Claims {
		out = append(out, c.ID+"<"+c.Speaker)
	}
	for _, e := range x.Edges {
		out = append(out, string(e.Kind)+e.From+e.To)
	}
	return out
}
