package dgraph

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// RDFWriter writes a graph as N-Quads in Schema, the predicates Ingest
// writes: dgraph live or dgraph bulk load them (with Schema as the schema
// file) into a cluster that claimgraph --store dgraph://… then serves.
// Nodes are blank nodes named by their claimgraph ID (_:act_…); load with
// dgraph live --upsertPredicate cg.id to add to a graph already there.
// Write every node with its own method; Flush at the end.
type RDFWriter struct {
	w   *bufio.Writer
	err error
}

// NewRDFWriter returns an RDFWriter writing to w.
func NewRDFWriter(w io.Writer) *RDFWriter { return &RDFWriter{w: bufio.NewWriter(w)} }

// Article writes an article node.
func (r *RDFWriter) Article(a *graph.Article) error {
	return r.node(a.ID, TypeArticle, a, articleFields(a))
}

// Actor writes an actor node.
func (r *RDFWriter) Actor(a *graph.Actor) error { return r.node(a.ID, TypeActor, a, actorFields(a)) }

// Source writes a source node.
func (r *RDFWriter) Source(s *graph.Source) error {
	return r.node(s.ID, TypeSource, s, sourceFields(s))
}

// Claim writes a claim node of the article art, with the indexes its
// edges (all the edges read from it) give it.
func (r *RDFWriter) Claim(c *graph.Claim, art *graph.Article, edges []*graph.Edge) error {
	return r.node(c.ID, TypeClaim, c, claimFields(c, art, edges))
}

// Edge writes an edge node read from the article art (which dates it, as
// it dates the edge's claim).
func (r *RDFWriter) Edge(e *graph.Edge, art *graph.Article) error {
	return r.node(edgeID(e), TypeEdge, e, edgeFields(e, art))
}

// Flush writes out what is buffered and returns the first error met.
func (r *RDFWriter) Flush() error {
	if r.err != nil {
		return r.err
	}
	return r.w.Flush()
}

// blank returns the blank node label of a node ID: its characters that a
// label may hold, others as _XX.
func blank(id string) string {
	var b strings.Builder
	b.WriteString("_:")
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "_%02x", c)
		}
	}
	return b.String()
}

// node writes one node: its ID, type, record and fields.
func (r *RDFWriter) node(id, typ string, rec any, fields map[string]any) error {
	if r.err != nil {
		return r.err
	}
	js, err := json.Marshal(rec)
	if err != nil {
		r.err = err
		return err
	}
	s := blank(id)
	r.quad(s, "dgraph.type", literal(typ))
	r.quad(s, PredID, literal(id))
	r.quad(s, PredJSON, literal(string(js)))
	preds := make([]string, 0, len(fields))
	for p := range fields {
		preds = append(preds, p)
	}
	sort.Strings(preds)
	for _, p := range preds {
		switch v := fields[p].(type) {
		case string:
			r.quad(s, p, literal(v))
		case []string:
			for _, x := range v {
				r.quad(s, p, literal(x))
			}
		case int:
			r.quad(s, p, `"`+strconv.Itoa(v)+`"^^<xs:int>`)
		}
	}
	return r.err
}

// quad writes one N-Quad, in the default graph.
func (r *RDFWriter) quad(s, p, o string) {
	if r.err == nil {
		_, r.err = fmt.Fprintf(r.w, "%s <%s> %s .\n", s, p, o)
	}
}

// literal quotes a string as an N-Quads literal.
func literal(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, c := range s {
		switch c {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if c < 0x20 || c == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, c)
			} else {
				b.WriteRune(c)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// WriteRDF writes the whole graph of s as N-Quads in Schema (see
// RDFWriter), read through the graph.Store contract: articles, actors and
// sources page by page, then each claim with the edges read from it. Merge
// and split markers are not part of it (the loaded graph holds the
// curated actors, not their history).
func WriteRDF(ctx context.Context, s graph.Store, w io.Writer) error {
	r := NewRDFWriter(w)
	arts := map[string]*graph.Article{}
	for after := ""; ; {
		l, err := s.FindArticles(ctx, graph.ArticleFilter{Page: graph.Page{First: graph.MaxPage, After: after}})
		if err != nil {
			return err
		}
		for _, a := range l.Articles {
			arts[a.ID] = a
			if err := r.Article(a); err != nil {
				return err
			}
		}
		if !l.HasNextPage || len(l.Articles) == 0 {
			break
		}
		after = l.Articles[len(l.Articles)-1].ID
	}
	for after := ""; ; {
		l, err := s.FindActors(ctx, graph.ActorFilter{Page: graph.Page{First: graph.MaxPage, After: after}})
		if err != nil {
			return err
		}
		for _, a := range l.Actors {
			if err := r.Actor(a); err != nil {
				return err
			}
		}
		if !l.HasNextPage || len(l.Actors) == 0 {
			break
		}
		after = l.Actors[len(l.Actors)-1].ID
	}
	for after := ""; ; {
		l, err := s.FindSources(ctx, graph.SourceFilter{Page: graph.Page{First: graph.MaxPage, After: after}})
		if err != nil {
			return err
		}
		for _, src := range l.Sources {
			if err := r.Source(src); err != nil {
				return err
			}
		}
		if !l.HasNextPage || len(l.Sources) == 0 {
			break
		}
		after = l.Sources[len(l.Sources)-1].ID
	}
	for after := ""; ; {
		l, err := s.FindClaims(ctx, graph.ClaimFilter{Page: graph.Page{First: graph.MaxPage, After: after}})
		if err != nil {
			return err
		}
		for _, c := range l.Claims {
			edges, err := claimEdges(ctx, s, c.ID)
			if err != nil {
				return err
			}
			art := arts[c.Article]
			if art == nil {
				art = &graph.Article{ID: c.Article}
			}
			if err := r.Claim(c, art, edges); err != nil {
				return err
			}
			for _, e := range edges {
				if err := r.Edge(e, art); err != nil {
					return err
				}
			}
		}
		if !l.HasNextPage || len(l.Claims) == 0 {
			break
		}
		after = l.Claims[len(l.Claims)-1].ID
	}
	return r.Flush()
}

// claimEdges returns all the edges read from a claim.
func claimEdges(ctx context.Context, s graph.Store, claim string) ([]*graph.Edge, error) {
	var out []*graph.Edge
	for after := ""; ; {
		l, err := s.FindEdges(ctx, graph.EdgeFilter{Claim: claim, Page: graph.Page{First: graph.MaxPage, After: after}})
		if err != nil {
			return nil, err
		}
		out = append(out, l.Edges...)
		if !l.HasNextPage || len(l.Edges) == 0 {
			return out, nil
		}
		after = graph.EdgeCursor(l.Edges[len(l.Edges)-1])
	}
}
