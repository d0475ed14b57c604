package dgraph

import (
	"context"
	"encoding/json"
	"math"
	"slices"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
)

// Search ranks claims (by text) and actors (by name and aliases) against a
// free-text query as the Badger store does: BM25 over the terms each
// document keeps in the exact index doc.term (a document is read only when
// it holds a query word), each score scaled by the share of query words
// the hit holds; hits by score, then ID; p.After is the ID of the last hit
// of the previous page. Returns EINVALID for a query with no searchable
// word.
func (db *DB) Search(ctx context.Context, query string, p graph.Page) (*graph.SearchList, error) {
	terms := store.SearchQueryTerms(query)
	if len(terms) == 0 {
		return nil, graph.Errorf(graph.EINVALID, "search query %q has no searchable word", query)
	}
	out := &graph.SearchList{}
	err := db.view(ctx, func(t *tx) error {
		q := `{
	d(func: eq(doc.term, ` + list(terms) + `)) { cg.id dgraph.type doc.len doc.tf }
	var(func: has(doc.len)) { l as doc.len }
	n() { total: sum(val(l)) }
	c(func: uid(l)) { docs: count(uid) }
}`
		var res struct {
			D []struct {
				ID    string   `json:"cg.id"`
				Types []string `json:"dgraph.type"`
				Len   int      `json:"doc.len"`
				TF    string   `json:"doc.tf"`
			}
			N []struct{ Total float64 }
			C []struct{ Docs float64 }
		}
		if err := t.query(q, &res); err != nil {
			return err
		}
		var docs, total float64
		for _, n := range res.N {
			total += n.Total
		}
		for _, c := range res.C {
			docs += c.Docs
		}
		if docs <= 0 || len(res.D) == 0 {
			return nil
		}
		avg := total / docs
		type doc struct {
			hit *graph.SearchHit
			tf  map[string]int
			len int
		}
		ds := make([]doc, 0, len(res.D))
		df := map[string]float64{}
		for _, d := range res.D {
			tf := map[string]int{}
			if err := json.Unmarshal([]byte(d.TF), &tf); err != nil {
				return err
			}
			kind := "claim"
			if slices.Contains(d.Types, TypeActor) {
				kind = "actor"
			}
			for _, w := range terms {
				if tf[w] > 0 {
					df[w]++
				}
			}
			ds = append(ds, doc{&graph.SearchHit{Kind: kind, ID: d.ID}, tf, d.Len})
		}
		hits := make([]*graph.SearchHit, 0, len(ds))
		for _, d := range ds {
			var score float64
			matched := 0
			for _, w := range terms {
				if d.tf[w] == 0 {
					continue
				}
				idf := math.Log(1 + (docs-df[w]+0.5)/(df[w]+0.5))
				score += store.BM25(idf, d.tf[w], d.len, avg)
				matched++
			}
			d.hit.Score = score * float64(matched) / float64(len(terms))
			hits = append(hits, d.hit)
		}
		slices.SortFunc(hits, func(a, b *graph.SearchHit) int {
			switch {
			case a.Score > b.Score:
				return -1
			case a.Score < b.Score:
				return 1
			case a.ID < b.ID:
				return -1
			case a.ID > b.ID:
				return 1
			}
			return 0
		})
		out.TotalCount = len(hits)
		cur, limit := p.Cursor(), p.Limit()
		at := -1
		if cur != "" {
			at = slices.IndexFunc(hits, func(h *graph.SearchHit) bool { return h.ID == cur })
			if at < 0 {
				return nil // a cursor no longer in the results
			}
		}
		if p.Backward() {
			end := len(hits)
			if at >= 0 {
				end = at
			}
			start := max(0, end-limit)
			out.Hits, out.HasPreviousPage, out.HasNextPage = hits[start:end], start > 0, cur != ""
		} else {
			start := at + 1
			end := min(len(hits), start+limit)
			out.Hits, out.HasNextPage, out.HasPreviousPage = hits[start:end], end < len(hits), cur != ""
		}
		var ids []string
		for _, h := range out.Hits {
			ids = append(ids, h.ID)
		}
		if err := t.load(ids...); err != nil {
			return err
		}
		for _, h := range out.Hits {
			var text string
			if h.Kind == "actor" {
				a := &graph.Actor{}
				if _, err := t.record(h.ID, TypeActor, a); err != nil {
					return err
				}
				text = store.ActorSearchText(a)
			} else {
				c := &graph.Claim{}
				if _, err := t.record(h.ID, TypeClaim, c); err != nil {
					return err
				}
				text = store.ClaimSearchText(c)
			}
			h.Snippet = store.SearchSnippet(text, query)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
