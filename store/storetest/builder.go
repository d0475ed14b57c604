// Package storetest holds the contract every graph.Store backend must meet
// (RunStoreContract) and a builder for hand-made extractions to feed it. It
// belongs to the store layer and imports graph and the standard library
// only, so a later backend (Dgraph) can run the same suite.
package storetest

import (
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Article builds a valid extraction by hand, finding offsets in the text,
// so tests need not depend on the extractor.
type Article struct {
	x      *graph.Extraction
	actors map[string]*graph.Actor
}

// NewArticle starts an extraction for an article with the given text.
func NewArticle(title, publisher, text string) *Article {
	return &Article{
		x: &graph.Extraction{Article: graph.Article{
			ID: graph.ArticleID(text), Title: title, Publisher: publisher, Text: text,
		}},
		actors: map[string]*graph.Actor{},
	}
}

// Actor adds (or returns the already added) actor with the given name; its
// ID is graph.ActorID(name).
func (b *Article) Actor(name string, kind graph.ActorKind, aliases ...string) *graph.Actor {
	if a, ok := b.actors[name]; ok {
		return a
	}
	a := &graph.Actor{ID: graph.ActorID(name), Name: name, Kind: kind, Aliases: aliases}
	b.actors[name] = a
	b.x.Actors = append(b.x.Actors, a)
	return a
}

// Source adds a source with the given name; its ID is graph.SourceID(name).
func (b *Article) Source(name string, kind graph.SourceKind, aliases ...string) *graph.Source {
	s := &graph.Source{ID: graph.SourceID(name), Name: name, Kind: kind, Aliases: aliases}
	b.x.Sources = append(b.x.Sources, s)
	return s
}

// Says adds a claim whose content is the first occurrence of content in the
// text, attributed to speaker with the nearest occurrence of cue, and
// a says edge. speakerAs, when not "", is the speaker as written: its last
// occurrence before the content (else its first) gives the speaker offsets.
// It panics when content or cue is not in the text.
func (b *Article) Says(speaker *graph.Actor, speakerAs, cue, content string) *graph.Claim {
	text := b.x.Article.Text
	start := strings.Index(text, content)
	if start < 0 {
		panic(fmt.Sprintf("storetest: content %q not in text", content))
	}
	end := start + len(content)
	// the nearer occurrence of the cue before or after the content
	cs := strings.LastIndex(text[:start], cue)
	if after := strings.Index(text[end:], cue); after >= 0 && (cs < 0 || after < start-(cs+len(cue))) {
		cs = end + after
	}
	if cs < 0 {
		panic(fmt.Sprintf("storetest: cue %q not in text", cue))
	}
	c := &graph.Claim{
		ID:       graph.ClaimID(b.x.Article.ID, start, end, cs),
		Article:  b.x.Article.ID,
		Speaker:  speaker.ID,
		Text:     content,
		Start:    start,
		End:      end,
		Sentence: sentence(text, start, end),
		Cue:      cue,
		CueStart: cs,
		CueEnd:   cs + len(cue),
		Direct:   start > 0 && strings.ContainsAny(text[start-1:start], "\"“"),
	}
	if speakerAs != "" {
		i := strings.LastIndex(text[:start], speakerAs)
		if i < 0 {
			i = strings.Index(text, speakerAs)
		}
		if i >= 0 {
			j := i + len(speakerAs)
			c.SpeakerStart, c.SpeakerEnd = &i, &j
		}
	}
	b.x.Claims = append(b.x.Claims, c)
	b.Edge(graph.EdgeSays, speaker.ID, c.ID, c)
	return c
}

// Edge adds an edge of the given kind read from claim c.
func (b *Article) Edge(kind graph.EdgeKind, from, to string, c *graph.Claim) *graph.Edge {
	e := &graph.Edge{Kind: kind, From: from, To: to, Claim: c.ID, Article: b.x.Article.ID}
	b.x.Edges = append(b.x.Edges, e)
	return e
}

// Accuses adds an accuses edge from one actor to another, read from c.
func (b *Article) Accuses(from, to *graph.Actor, c *graph.Claim) *graph.Edge {
	return b.Edge(graph.EdgeAccuses, from.ID, to.ID, c)
}

// Denies adds a denies edge from an actor to to (the accuser actor, or a
// claim), read from c, naming denied as the denied claim unless it is nil.
func (b *Article) Denies(from *graph.Actor, to string, denied, c *graph.Claim) *graph.Edge {
	e := b.Edge(graph.EdgeDenies, from.ID, to, c)
	if denied != nil {
		e.Denied = denied.ID
	}
	return e
}

// Reports adds a reports edge from a source to c.
func (b *Article) Reports(s *graph.Source, c *graph.Claim) *graph.Edge {
	return b.Edge(graph.EdgeReports, s.ID, c.ID, c)
}

// Extraction returns the extraction built so far.
func (b *Article) Extraction() *graph.Extraction { return b.x }

// sentence returns the line of text holding [start, end).
func sentence(text string, start, end int) string {
	i := strings.LastIndexByte(text[:start], '\n') + 1
	j := strings.IndexByte(text[end:], '\n')
	if j < 0 {
		return text[i:]
	}
	return text[i : end+j]
}

// ManySpeakers returns an article of n sentences, each said by an actor of
// its own: with n in the thousands, too large for one small transaction.
func ManySpeakers(n int) *graph.Extraction {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Official %04d said nothing new.\n", i)
	}
	a := NewArticle("Many", "P", b.String())
	for i := range n {
		o := a.Actor(fmt.Sprintf("Official %04d", i), graph.ActorPerson)
		a.Says(o, o.Name, "said", fmt.Sprintf("%04d said nothing new", i))
	}
	return a.Extraction()
}
