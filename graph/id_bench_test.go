package graph_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// BenchmarkIDs measures the ID functions extraction calls for every claim
// and every named actor.
func BenchmarkIDs(b *testing.B) {
	names := []string{"The Saudi Foreign Ministry's", "Inayatullah Khwarazmi", "Agence France-Presse", "Kabul", "a senior official in Peshawar"}
	art := graph.ArticleID("text")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		n := names[i%len(names)]
		_ = graph.ActorID(n)
		_ = graph.SourceID(n)
		_ = graph.NameKey(n)
		_ = graph.ClaimID(art, 1200+i%1000, 1400+i%1000, 1190)
	}
}
