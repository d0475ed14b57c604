package extract

import (
	"encoding/json"
	"slices"
	"sync"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// TestScratchReuse checks that the memory Extract reuses from one article to
// the next does not leak into results: every article extracts the same
// after other articles, in either order and from concurrent goroutines.
func TestScratchReuse(t *testing.T) {
	corpus := benchCorpus(t, 1<<17)
	// extract runs in several goroutines: it reports errors with t.Error.
	extract := func(text string) string {
		x, err := Extract(graph.Article{Text: text})
		if err != nil {
			t.Error(err)
			return ""
		}
		b, err := json.Marshal(x)
		if err != nil {
			t.Error(err)
		}
		return string(b)
	}
	want := make([]string, len(corpus))
	for i, text := range corpus {
		want[i] = extract(text)
	}
	order := make([]int, len(corpus))
	for i := range order {
		order[i] = i
	}
	slices.Reverse(order)
	for _, i := range order {
		if got := extract(corpus[i]); got != want[i] {
			t.Errorf("article %d extracted after article %d: got %s, want %s", i, i+1, got, want[i])
		}
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range corpus {
				i := (k + 7*g) % len(corpus)
				if got := extract(corpus[i]); got != want[i] {
					t.Errorf("article %d, goroutine %d: got %s, want %s", i, g, got, want[i])
				}
			}
		}()
	}
	wg.Wait()
}
