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
// every line that names them, with the actors they are affiliated to;
// actors that no claim or edge names (an alias split off that no claim
// was written with) go on the first line. A store without articles
// gives no lines. "claimgraph ingest" reads such lines back
// as they are, without extracting the text again.
func WriteJSONL(ctx context.Context, s graph.Store, w io.Writer) (Stats, error) {
	var st Stats
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	actors, sources := map[string]bool{}, map[string]bool{}
	orphans, err := orphanActors(ctx, s)
	if err != nil {
		return st, err
	}
	err = eachArticle(ctx, s, func(a *graph.Article) error {
		x, err := extractionOf(ctx, s, a)
		if err != nil {
			return err
		}
		// actors no claim names ride on the first line
		x.Actors, orphans = append(x.Actors, orphans...), nil
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

// orphanActors returns the actors that no edge starts or ends at and that
// speak no claim, in ID order: no article's extraction names them.
func orphanActors(ctx context.Context, s graph.Store) ([]*graph.Actor, error) {
	var out []*graph.Actor
	for after := ""; ; {
		l, err := s.FindActors(ctx, graph.ActorFilter{Page: graph.Page{First: graph.MaxPage, After: after}})
		if err != nil {
			return nil, fmt.Errorf("list actors: %w", err)
		}
		linked, err := haveEdges(ctx, s, l.Actors)
		if err != nil {
			return nil, err
		}
		for i, a := range l.Actors {
			if linked[i] {
				continue
			}
			cl, err := s.FindClaims(ctx, graph.ClaimFilter{Speaker: a.ID, Page: graph.Page{First: 1}})
			if err != nil {
				return nil, fmt.Errorf("read claims of actor %s: %w", a.ID, err)
			}
			if len(cl.Claims) == 0 {
				out = append(out, a)
			}
		}
		if !l.HasNextPage || len(l.Actors) == 0 {
			return out, nil
		}
		after = l.Actors[len(l.Actors)-1].ID
	}
}

// haveEdges reports, for each of actors, whether an edge starts or ends
// at it: in one snapshot from a graph.BatchReader, else two FindEdges
// calls an actor.
func haveEdges(ctx context.Context, s graph.Store, actors []*graph.Actor) ([]bool, error) {
	out := make([]bool, len(actors))
	if br, ok := s.(graph.BatchReader); ok {
		fs := make([]graph.EdgeFilter, 0, 2*len(actors))
		for _, a := range actors {
			fs = append(fs, graph.EdgeFilter{From: a.ID}, graph.EdgeFilter{To: a.ID})
		}
		es, err := br.FindEdgesBatch(ctx, fs, 1)
		if err != nil {
			return nil, fmt.Errorf("read edges of %d actors: %w", len(actors), err)
		}
		for i := range actors {
			out[i] = len(es[2*i]) > 0 || len(es[2*i+1]) > 0
		}
		return out, nil
	}
	for i, a := range actors {
		for _, f := range []graph.EdgeFilter{{From: a.ID}, {To: a.ID}} {
			f.Page = graph.Page{First: 1}
			l, err := s.FindEdges(ctx, f)
			if err != nil {
				return nil, fmt.Errorf("read edges of actor %s: %w", a.ID, err)
			}
			if len(l.Edges) > 0 {
				out[i] = true
				break
			}
		}
	}
	return out, nil
}
