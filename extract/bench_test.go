package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// benchCorpus builds an article of at least size bytes from this package's
// own test texts, renaming people and places in each copy so that the
// resolver sees many distinct entities.
func benchCorpus(tb testing.TB, size int) string {
	tb.Helper()
	parts := []string{sampleArticle}
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		parts = append(parts, string(data))
	}
	names := []string{"Arnaud", "Sorel", "Varga", "Ortiz", "Brandt", "Kalder", "Lind", "Pell", "Kerr", "Dan"}
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		p := parts[i%len(parts)]
		for k, n := range names {
			p = strings.ReplaceAll(p, n, n+string(rune('a'+(i+k)%26))+string(rune('a'+(i/26)%26)))
		}
		b.WriteString(p)
		b.WriteString("\n\n")
	}
	return b.String()
}

// BenchmarkExtract measures extraction speed over a corpus of more than
// 1 MB and reports words per second.
func BenchmarkExtract(b *testing.B) {
	text := benchCorpus(b, 1<<20+1)
	words := len(strings.Fields(text))
	a := graph.Article{Text: text}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Extract(a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
