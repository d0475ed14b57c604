package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// corpus generates synthetic articles: claimsPer claims each, spoken by
// actors drawn from a fixed pool, with words drawn from a Zipf-distributed
// vocabulary so search sees realistic posting-list lengths.
type corpus struct {
	rng    *rand.Rand
	zipf   *rand.Zipf
	words  []string
	actors []string
}

const (
	claimsPer  = 10
	actorPool  = 200
	vocabulary = 5000
)

func newCorpus(seed uint64) *corpus {
	rng := rand.New(rand.NewPCG(seed, 1))
	c := &corpus{rng: rng, zipf: rand.NewZipf(rng, 1.1, 1, vocabulary-1)}
	syll := []string{"ka", "ro", "mi", "tan", "es", "bul", "dor", "ne", "sa", "li", "vo", "gra", "pe", "un", "ti"}
	for i := 0; len(c.words) < vocabulary; i++ {
		n, w := i, ""
		for {
			w += syll[n%len(syll)]
			n /= len(syll)
			if n == 0 {
				break
			}
		}
		c.words = append(c.words, w+"x") // never a stopword
	}
	for i := range actorPool {
		c.actors = append(c.actors, fmt.Sprintf("Minister Number %03d", i))
	}
	return c
}

func (c *corpus) sentence(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = c.words[c.zipf.Uint64()]
	}
	return strings.Join(w, " ")
}

// article returns the i-th synthetic article.
func (c *corpus) article(i int) *graph.Extraction {
	var b strings.Builder
	fmt.Fprintf(&b, "Report %d\n", i)
	type line struct{ speaker, content string }
	lines := make([]line, claimsPer)
	for j := range lines {
		lines[j] = line{c.actors[c.rng.IntN(len(c.actors))], fmt.Sprintf("%d-%d %s", i, j, c.sentence(8+c.rng.IntN(12)))}
		fmt.Fprintf(&b, "%s said \"%s.\"\n", lines[j].speaker, lines[j].content)
	}
	a := storetest.NewArticle(fmt.Sprintf("Report %d", i), "Bench Wire", b.String())
	src := a.Source("Bench Wire Agency", graph.SourceAgency, "BWA")
	for _, l := range lines {
		sp := a.Actor(l.speaker, graph.ActorPerson, strings.TrimPrefix(l.speaker, "Minister "))
		a.Reports(src, a.Says(sp, l.speaker, "said", l.content))
	}
	return a.Extraction()
}

// benchArticlesN returns the first n articles of the benchmark corpus.
func benchArticlesN(n int) []*graph.Extraction {
	c := newCorpus(1)
	arts := make([]*graph.Extraction, n)
	for i := range arts {
		arts[i] = c.article(i)
	}
	return arts
}

// ingestInBatches feeds arts to ingest 256 at a time, failing on any
// error, of the call or of an article.
func ingestInBatches(b *testing.B, ingest func(context.Context, []*graph.Extraction) ([]*graph.IngestResult, error), arts []*graph.Extraction) {
	b.Helper()
	for i := 0; i < len(arts); i += 256 {
		res, err := ingest(context.Background(), arts[i:min(i+256, len(arts))])
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range res {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
		}
	}
}

// reportRate stops the timer and reports articles and claims per second.
func reportRate(b *testing.B) {
	b.StopTimer()
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N)/sec, "articles/s")
	b.ReportMetric(float64(b.N*claimsPer)/sec, "claims/s")
}

func benchmarkIngest(b *testing.B, db *store.DB) {
	ctx, arts := context.Background(), benchArticlesN(b.N)
	b.ResetTimer()
	for i := range b.N {
		if _, err := db.Ingest(ctx, arts[i]); err != nil {
			b.Fatal(err)
		}
	}
	reportRate(b)
}

// BenchmarkIngest measures ingesting articles of 10 claims each, one
// transaction per article.
func BenchmarkIngest(b *testing.B) {
	b.Run("Memory", func(b *testing.B) { benchmarkIngest(b, MustOpenMemory(b)) })
	b.Run("Disk", func(b *testing.B) { benchmarkIngest(b, MustOpen(b)) })
}

// BenchmarkIngestBatch measures ingesting articles of 10 claims each with
// IngestBatch, 256 articles a call, on disk.
func BenchmarkIngestBatch(b *testing.B) {
	db, arts := MustOpen(b), benchArticlesN(b.N)
	b.ResetTimer()
	ingestInBatches(b, db.IngestBatch, arts)
	reportRate(b)
}

// BenchmarkLoader measures bulk-loading articles of 10 claims each into
// a new database on disk, the path ingest takes into an empty one: a
// Loader fed 256 articles a call, then Finish, which writes them all.
func BenchmarkLoader(b *testing.B) {
	arts := benchArticlesN(b.N)
	db, err := store.Open(b.TempDir(), store.Options{BulkLoad: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	b.ResetTimer()
	ld, err := db.NewLoader()
	if err != nil {
		b.Fatal(err)
	}
	defer ld.Abort()
	ingestInBatches(b, ld.IngestBatch, arts)
	if err := ld.Finish(context.Background()); err != nil {
		b.Fatal(err)
	}
	reportRate(b)
}

// benchStore is a store shared by the read benchmarks, loaded once.
var benchStore struct {
	once sync.Once
	db   *store.DB
	err  error
}

const benchArticles = 5000

func loadedStore(b *testing.B) *store.DB {
	b.Helper()
	benchStore.once.Do(func() {
		db, err := store.Open("", store.Options{InMemory: true})
		if err != nil {
			benchStore.err = err
			return
		}
		ctx, c := context.Background(), newCorpus(2)
		for i := range benchArticles {
			if _, err := db.Ingest(ctx, c.article(i)); err != nil {
				benchStore.err = err
				return
			}
		}
		benchStore.db = db
	})
	if benchStore.err != nil {
		b.Fatal(benchStore.err)
	}
	return benchStore.db
}

// BenchmarkFindClaimsBySpeaker measures one page (20) of a speaker's claims
// with its total count, on a store of 50,000 claims by 200 speakers.
func BenchmarkFindClaimsBySpeaker(b *testing.B) {
	db, ctx := loadedStore(b), context.Background()
	c := newCorpus(3)
	total := 0
	b.ResetTimer()
	for i := range b.N {
		speaker := graph.ActorID(c.actors[i%len(c.actors)])
		l, err := db.FindClaims(ctx, graph.ClaimFilter{Speaker: speaker, Page: graph.Page{First: 20}})
		if err != nil {
			b.Fatal(err)
		}
		if len(l.Claims) != 20 {
			b.Fatalf("speaker %s: %d claims, want 20", speaker, len(l.Claims))
		}
		total += l.TotalCount
	}
	b.ReportMetric(float64(total)/float64(b.N), "speaker-claims/op")
}

// BenchmarkSearch measures a ranked two-word search with snippets for the
// first page, on a store of 50,000 claims.
func BenchmarkSearch(b *testing.B) {
	db, ctx := loadedStore(b), context.Background()
	c := newCorpus(4)
	queries := make([]string, 256)
	for i := range queries {
		queries[i] = c.sentence(2)
	}
	hits := 0
	b.ResetTimer()
	for i := range b.N {
		res, err := db.Search(ctx, queries[i%len(queries)], graph.Page{})
		if err != nil {
			b.Fatal(err)
		}
		hits += res.TotalCount
	}
	b.ReportMetric(float64(hits)/float64(b.N), "hits/op")
}
