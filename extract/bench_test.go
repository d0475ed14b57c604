package extract

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// benchCorpus builds a corpus of at least size bytes from this package's
// own test articles, renaming the people in each copy so that no two
// articles are the same text.
func benchCorpus(tb testing.TB, size int) []string {
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
	var out []string
	total := 0
	for i := 0; total < size; i++ {
		p := parts[i%len(parts)]
		for k, n := range names {
			p = strings.ReplaceAll(p, n, n+string(rune('a'+(i+k)%26))+string(rune('a'+(i/26)%26)))
		}
		out = append(out, p)
		total += len(p)
	}
	return out
}

// BenchmarkExtract measures extraction over a corpus of more than 1 MB of
// articles and reports words per second.
func BenchmarkExtract(b *testing.B) {
	corpus := benchCorpus(b, 1<<20+1)
	words, bytes := 0, 0
	for _, text := range corpus {
		words += len(strings.Fields(text))
		bytes += len(text)
	}
	b.SetBytes(int64(bytes))
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, text := range corpus {
			if _, err := Extract(graph.Article{Text: text}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	// Process CPU time (all threads, GC included) does not grow when other
	// programs load the machine, unlike wall time.
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(words)*float64(b.N)/cpu.Seconds(), "words/cpu-s")
	}
}

// cpuTime returns the user and system CPU time used by this process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkExtractOneArticle extracts the whole corpus as a single 1 MB
// article, the worst case for the per-article entity tables.
func BenchmarkExtractOneArticle(b *testing.B) {
	text := strings.Join(benchCorpus(b, 1<<20+1), "\n\n")
	words := len(strings.Fields(text))
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Extract(graph.Article{Text: text}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
