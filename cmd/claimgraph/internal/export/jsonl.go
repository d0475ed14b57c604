package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/claimgraph/claimgraph/graph"
)

// WriteJSONL writes one line per stored article, in article ID order: the
// article (its text included) and everything stored for it, as the JSON
// of graph.Extraction ({"article": …, "actors": […], "sources": […],
// "claims": […], "edges": […]}). Actors and sources appear as stored now,
// with the IDs, names and aliases resolution and curation gave them, on
// every line that names them, with the actors they are affiliated to. "claimgraph ingest" reads such lines back
// as they are, without extracting the text again.
func WriteJSONL(ctx context.Context, s graph.Store, w io.Writer) (Stats, error) {
	var st Stats
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	actors, sources := map[string]bool{}, map[string]bool{}
	err := eachArticle(ctx, s, func(a *graph.Article) error {
		x, err := extractionOf(ctx, s, a)
		if err != nil {
			return err
		}
		if err := addAffiliations(ctx, s, x); err != nil {
			return err
		}
		if err := enc.Encode(x); err != nil {
			return fmt.Errorf("write article %s: %w", a.ID, err)
		}
		st.Articles++
		st.Claims += len(x.Claims)
		st.Edges += len(x.Edges)
		for _, a := range x.Actors {
			actors[a.ID] = true
		}
		for _, s := range x.Sources {
			sources[s.ID] = true
		}
		return nil
	})
	st.Actors, st.Sources = len(actors), len(sources)
	if err != nil {
		return st, err
	}
	if err := bw.Flush(); err != nil {
		return st, fmt.Errorf("write: %w", err)
	}
	return st, nil
}

// addAffiliations appends to x the actors its actors are affiliated to
// that it lacks, so that an affiliation outlives the round trip even when
// the affiliated actor speaks in no article.
func addAffiliations(ctx context.Context, s graph.Store, x *graph.Extraction) error {
	have := make(map[string]bool, len(x.Actors))
	for _, a := range x.Actors {
		have[a.ID] = true
	}
	for i := 0; i < len(x.Actors); i++ {
		id := x.Actors[i].Affiliation
		if id == "" || have[id] {
			continue
		}
		have[id] = true
		a, err := s.FindActorByID(ctx, id)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			continue
		} else if err != nil {
			return fmt.Errorf("read actor %s of article %s: %w", id, x.Article.ID, err)
		}
		x.Actors = append(x.Actors, a)
	}
	return nil
}
