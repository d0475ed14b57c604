package export

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// GraphMLNamespace is the XML namespace of GraphML documents.
const GraphMLNamespace = "http://graphml.graphdrawing.org/xmlns"

// AliasSeparator joins an actor's or source's aliases into the one string
// attribute GraphML's plain types allow.
const AliasSeparator = "; "

// labelRunes bounds a claim's or article's label: the full text is in its
// own attribute.
const labelRunes = 80

// GraphMLKey declares one attribute of a GraphML document: its key ID,
// what it belongs to (node or edge), its name and its type.
type GraphMLKey struct {
	ID, For, Name, Type string
}

// GraphMLKeys lists every attribute WriteGraphML declares, in the order
// of the <key> elements. A node's "type" says which of actor, source,
// claim or article it is; "label" is what Gephi and yEd show. Node
// attributes that do not apply to a node's type are left out of it.
var GraphMLKeys = []GraphMLKey{
	{"type", "node", "type", "string"},
	{"label", "node", "label", "string"},
	{"name", "node", "name", "string"},
	{"kind", "node", "kind", "string"},
	{"aliases", "node", "aliases", "string"},
	{"title", "node", "title", "string"},
	{"affiliation", "node", "affiliation", "string"},
	{"text", "node", "text", "string"},
	{"sentence", "node", "sentence", "string"},
	{"start", "node", "start", "int"},
	{"end", "node", "end", "int"},
	{"cue", "node", "cue", "string"},
	{"cueStart", "node", "cueStart", "int"},
	{"cueEnd", "node", "cueEnd", "int"},
	{"speakerStart", "node", "speakerStart", "int"},
	{"speakerEnd", "node", "speakerEnd", "int"},
	{"direct", "node", "direct", "boolean"},
	{"speaker", "node", "speaker", "string"},
	{"article", "node", "article", "string"},
	{"url", "node", "url", "string"},
	{"publisher", "node", "publisher", "string"},
	{"publishedAt", "node", "publishedAt", "string"},
	{"e_label", "edge", "label", "string"},
	{"e_kind", "edge", "kind", "string"},
	{"e_claim", "edge", "claim", "string"},
	{"e_article", "edge", "article", "string"},
	{"e_denied", "edge", "denied", "string"},
	{"e_sentence", "edge", "sentence", "string"},
	{"e_start", "edge", "start", "int"},
	{"e_end", "edge", "end", "int"},
	{"e_cueStart", "edge", "cueStart", "int"},
	{"e_cueEnd", "edge", "cueEnd", "int"},
	{"e_publishedAt", "edge", "publishedAt", "string"},
}

// gmlData is one attribute value of a node or edge.
type gmlData struct {
	XMLName xml.Name `xml:"data"`
	Key     string   `xml:"key,attr"`
	Value   string   `xml:",chardata"`
}

// gmlNode is a GraphML node.
type gmlNode struct {
	XMLName xml.Name `xml:"node"`
	ID      string   `xml:"id,attr"`
	Data    []gmlData
}

// gmlEdge is a GraphML edge.
type gmlEdge struct {
	XMLName xml.Name `xml:"edge"`
	ID      string   `xml:"id,attr"`
	Source  string   `xml:"source,attr"`
	Target  string   `xml:"target,attr"`
	Data    []gmlData
}

// gmlKey is a GraphML key declaration.
type gmlKey struct {
	XMLName xml.Name `xml:"key"`
	ID      string   `xml:"id,attr"`
	For     string   `xml:"for,attr"`
	Name    string   `xml:"attr.name,attr"`
	Type    string   `xml:"attr.type,attr"`
}

// attrs builds the data of one node or edge, leaving empty strings out.
type attrs []gmlData

func (a *attrs) str(key, v string) {
	if v != "" {
		*a = append(*a, gmlData{Key: key, Value: v})
	}
}

func (a *attrs) num(key string, v int) {
	*a = append(*a, gmlData{Key: key, Value: strconv.Itoa(v)})
}

// WriteGraphML writes the whole stored graph as one directed GraphML
// graph: every actor, source, article and claim a node with its ID as
// node ID, then every says, accuses, denies and reports edge with the
// claim and article it was read from and that claim's sentence and
// offsets; claims and edges carry their article's publishedAt too.
// Attributes are declared once in <key> elements (GraphMLKeys).
// Text is escaped by encoding/xml; characters XML 1.0 cannot hold (control
// characters other than tab and newlines) become U+FFFD.
//
// Claims are read twice (nodes, then edges) so that every edge follows
// the nodes it joins, as some importers expect.
func WriteGraphML(ctx context.Context, s graph.Store, w io.Writer) (Stats, error) {
	var st Stats
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := xml.NewEncoder(bw)
	enc.Indent("", " ")
	if _, err := bw.WriteString(xml.Header); err != nil {
		return st, fmt.Errorf("write: %w", err)
	}
	root := xml.StartElement{Name: xml.Name{Local: "graphml"}, Attr: []xml.Attr{
		{Name: xml.Name{Local: "xmlns"}, Value: GraphMLNamespace},
		{Name: xml.Name{Local: "xmlns:xsi"}, Value: "http://www.w3.org/2001/XMLSchema-instance"},
		{Name: xml.Name{Local: "xsi:schemaLocation"}, Value: GraphMLNamespace + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"},
	}}
	if err := enc.EncodeToken(root); err != nil {
		return st, fmt.Errorf("write: %w", err)
	}
	for _, k := range GraphMLKeys {
		if err := enc.Encode(gmlKey{ID: k.ID, For: k.For, Name: k.Name, Type: k.Type}); err != nil {
			return st, fmt.Errorf("write: %w", err)
		}
	}
	g := xml.StartElement{Name: xml.Name{Local: "graph"}, Attr: []xml.Attr{
		{Name: xml.Name{Local: "id"}, Value: "claimgraph"},
		{Name: xml.Name{Local: "edgedefault"}, Value: "directed"},
	}}
	if err := enc.EncodeToken(g); err != nil {
		return st, fmt.Errorf("write: %w", err)
	}
	node := func(id string, a attrs) error {
		if err := enc.Encode(gmlNode{ID: id, Data: a}); err != nil {
			return fmt.Errorf("write node %s: %w", id, err)
		}
		return nil
	}
	err := eachActor(ctx, s, func(x *graph.Actor) error {
		st.Actors++
		return node(x.ID, actorAttrs(x))
	})
	if err == nil {
		err = eachSource(ctx, s, func(x *graph.Source) error {
			st.Sources++
			return node(x.ID, sourceAttrs(x))
		})
	}
	// dates holds the publication time of each dated article, which its
	// claims and edges carry too, so that a time filter works on them.
	dates := map[string]string{}
	if err == nil {
		err = eachArticle(ctx, s, func(x *graph.Article) error {
			st.Articles++
			if x.PublishedAt != "" {
				dates[x.ID] = x.PublishedAt
			}
			return node(x.ID, articleAttrs(x))
		})
	}
	if err == nil {
		err = eachClaimPage(ctx, s, graph.ClaimFilter{}, func(cs []*graph.Claim) error {
			for _, c := range cs {
				st.Claims++
				a := claimAttrs(c)
				a.str("publishedAt", dates[c.Article])
				if err := node(c.ID, a); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err == nil {
		err = eachClaimPage(ctx, s, graph.ClaimFilter{}, func(cs []*graph.Claim) error {
			edges, err := claimEdges(ctx, s, cs)
			if err != nil {
				return err
			}
			for i, c := range cs {
				for _, e := range edges[i] {
					st.Edges++
					a := edgeAttrs(e, c)
					a.str("e_publishedAt", dates[e.Article])
					ge := gmlEdge{ID: "e" + strconv.Itoa(st.Edges), Source: e.From, Target: e.To, Data: a}
					if err := enc.Encode(ge); err != nil {
						return fmt.Errorf("write edge %s: %w", graph.EdgeCursor(e), err)
					}
				}
			}
			return nil
		})
	}
	if err != nil {
		return st, err
	}
	if err := enc.EncodeToken(g.End()); err != nil {
		return st, fmt.Errorf("write: %w", err)
	}
	if err := enc.EncodeToken(root.End()); err != nil {
		return st, fmt.Errorf("write: %w", err)
	}
	if err := enc.Close(); err != nil {
		return st, fmt.Errorf("write: %w", err)
	}
	if _, err := bw.WriteString("\n"); err != nil {
		return st, fmt.Errorf("write: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return st, fmt.Errorf("write: %w", err)
	}
	return st, nil
}

func actorAttrs(x *graph.Actor) attrs {
	var a attrs
	a.str("type", "actor")
	a.str("label", x.Name)
	a.str("name", x.Name)
	a.str("kind", string(x.Kind))
	a.str("aliases", strings.Join(x.Aliases, AliasSeparator))
	a.str("title", x.Title)
	a.str("affiliation", x.Affiliation)
	return a
}

func sourceAttrs(x *graph.Source) attrs {
	var a attrs
	a.str("type", "source")
	a.str("label", x.Name)
	a.str("name", x.Name)
	a.str("kind", string(x.Kind))
	a.str("aliases", strings.Join(x.Aliases, AliasSeparator))
	return a
}

func articleAttrs(x *graph.Article) attrs {
	var a attrs
	a.str("type", "article")
	label := x.Title
	if label == "" {
		label = x.URL
	}
	if label == "" {
		label = x.ID
	}
	a.str("label", shorten(label))
	a.str("title", x.Title)
	a.str("url", x.URL)
	a.str("publisher", x.Publisher)
	a.str("publishedAt", x.PublishedAt)
	a.str("text", x.Text)
	return a
}

func claimAttrs(c *graph.Claim) attrs {
	var a attrs
	a.str("type", "claim")
	a.str("label", shorten(c.Text))
	a.str("text", c.Text)
	a.str("sentence", c.Sentence)
	a.num("start", c.Start)
	a.num("end", c.End)
	a.str("cue", c.Cue)
	a.num("cueStart", c.CueStart)
	a.num("cueEnd", c.CueEnd)
	if c.SpeakerStart != nil && c.SpeakerEnd != nil {
		a.num("speakerStart", *c.SpeakerStart)
		a.num("speakerEnd", *c.SpeakerEnd)
	}
	a.str("direct", strconv.FormatBool(c.Direct))
	a.str("speaker", c.Speaker)
	a.str("article", c.Article)
	return a
}

// edgeAttrs describes edge e read from claim c.
func edgeAttrs(e *graph.Edge, c *graph.Claim) attrs {
	var a attrs
	a.str("e_label", string(e.Kind))
	a.str("e_kind", string(e.Kind))
	a.str("e_claim", e.Claim)
	a.str("e_article", e.Article)
	a.str("e_denied", e.Denied)
	a.str("e_sentence", c.Sentence)
	a.num("e_start", c.Start)
	a.num("e_end", c.End)
	a.num("e_cueStart", c.CueStart)
	a.num("e_cueEnd", c.CueEnd)
	return a
}

// shorten cuts s to labelRunes runes, marking a cut with an ellipsis.
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= labelRunes {
		return s
	}
	n := 0
	for i := range s {
		if n == labelRunes-1 {
			return strings.TrimSpace(s[:i]) + "…"
		}
		n++
	}
	return s
}
