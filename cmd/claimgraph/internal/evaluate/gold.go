package evaluate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// DefaultKinds are the edge kinds a gold file annotates when it has no
// "kinds" list.
var DefaultKinds = []string{"says", "accuses", "denies", "reports"}

// Gold is one NAME.gold.json file: the hand-made annotation of one article.
type Gold struct {
	// Article names the article file, relative to the gold file's folder.
	Article string `json:"article"`
	// Kinds, when not empty, lists the only edge kinds the file annotates;
	// predicted edges of other kinds are not counted.
	Kinds []string   `json:"kinds,omitempty"`
	Edges []GoldEdge `json:"edges"`
	// SameActor lists groups of names that must resolve to one actor.
	SameActor [][]string `json:"same_actor,omitempty"`
	// DistinctActors lists groups of names that must resolve to
	// different actors.
	DistinctActors [][]string `json:"distinct_actors,omitempty"`
}

// GoldEdge is one expected relation.
type GoldEdge struct {
	Kind string `json:"kind"`
	// From lists acceptable names of the speaker (or source).
	From []string `json:"from"`
	// To, when not empty, lists acceptable names of the target.
	To []string `json:"to,omitempty"`
	// Evidence is a verbatim piece of the sentence carrying the relation.
	Evidence string `json:"evidence"`
	// Required is false for relations a careful reader may or may not
	// draw: finding them costs nothing, missing them costs nothing. It is
	// true unless the file gives a falsy value (false, null, 0, "").
	Required bool `json:"-"`
}

// UnmarshalJSON decodes a gold edge, reading "required" with Python's
// truthiness and true as the default.
func (g *GoldEdge) UnmarshalJSON(data []byte) error {
	type plain GoldEdge
	var v struct {
		plain
		Required json.RawMessage `json:"required"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*g = GoldEdge(v.plain)
	g.Required = v.Required == nil || truthy(v.Required)
	return nil
}

// MarshalJSON encodes a gold edge with its "required" field.
func (g GoldEdge) MarshalJSON() ([]byte, error) {
	type plain GoldEdge
	return json.Marshal(struct {
		plain
		Required bool `json:"required"`
	}{plain(g), g.Required})
}

// truthy reports whether a JSON value is true in Python's sense.
func truthy(raw json.RawMessage) bool {
	switch s := string(bytes.TrimSpace(raw)); s {
	case "null", "false", `""`, "[]", "{}":
		return false
	default:
		var f float64
		if json.Unmarshal(raw, &f) == nil {
			return f != 0
		}
		if len(s) >= 2 && (s[0] == '[' || s[0] == '{') {
			return strings.TrimSpace(s[1:len(s)-1]) != ""
		}
		return true
	}
}

// ReadGold reads and checks one gold file.
func ReadGold(path string) (*Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g Gold
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var raw struct {
		Edges json.RawMessage `json:"edges"`
	}
	_ = json.Unmarshal(data, &raw)
	if g.Article == "" {
		return nil, fmt.Errorf("%s: no \"article\" file name", path)
	}
	if raw.Edges == nil {
		return nil, fmt.Errorf("%s: no \"edges\" list", path)
	}
	for i, e := range g.Edges {
		if len(e.From) == 0 {
			return nil, fmt.Errorf("%s: edge %d has no \"from\" names", path, i)
		}
	}
	for _, group := range g.SameActor {
		if len(group) == 0 {
			return nil, fmt.Errorf("%s: empty same_actor group", path)
		}
	}
	return &g, nil
}

// ArticleScore is the gold-JSON score of one article.
type ArticleScore struct {
	// Gold is the gold file's name, Article the article's.
	Gold    string `json:"gold"`
	Article string `json:"article"`
	// Required counts required gold edges, Found those matched by some
	// predicted edge.
	Required int `json:"required"`
	Found    int `json:"found"`
	// Predicted counts predicted edges of the annotated kinds, Good those
	// matching some gold edge (required or not).
	Predicted int `json:"predicted"`
	Good      int `json:"good"`
	// Checks counts entity checks; FailedChecks describes each failure (a
	// distinct_actors group can fail more than once, as in score.py).
	Checks       int      `json:"checks"`
	FailedChecks []string `json:"failedChecks"`
	// Details holds score.py's --show lines: missed required gold edges,
	// then predicted edges that match nothing.
	Details []string `json:"details,omitempty"`
}

// names holds an extraction's actors and sources by ID, and its claims.
type names struct {
	nodes  map[string]node
	claims map[string]*graph.Claim
}

type node struct {
	name  string
	names map[string]bool
}

func indexExtraction(x *graph.Extraction) *names {
	n := &names{nodes: map[string]node{}, claims: map[string]*graph.Claim{}}
	add := func(id, name string, aliases []string) {
		set := map[string]bool{FoldName(name): true}
		for _, a := range aliases {
			set[FoldName(a)] = true
		}
		delete(set, "")
		n.nodes[id] = node{name: name, names: set}
	}
	for _, a := range x.Actors {
		if a != nil {
			add(a.ID, a.Name, a.Aliases)
		}
	}
	for _, s := range x.Sources {
		if s != nil {
			add(s.ID, s.Name, s.Aliases)
		}
	}
	for _, c := range x.Claims {
		if c != nil {
			n.claims[c.ID] = c
		}
	}
	return n
}

func (n *names) nodeMatches(id string, wanted []string) bool {
	nd, ok := n.nodes[id]
	if !ok {
		return false
	}
	for _, w := range wanted {
		if nd.names[FoldName(w)] {
			return true
		}
	}
	return false
}

func (n *names) evidenceMatches(claimID, evidence string) bool {
	hay := ""
	if c := n.claims[claimID]; c != nil {
		hay = c.Sentence
		if hay == "" {
			hay = c.Text
		}
	}
	return strings.Contains(Fold(hay), Fold(evidence))
}

func (n *names) edgeMatches(e *graph.Edge, g *GoldEdge) bool {
	if string(e.Kind) != g.Kind || !n.nodeMatches(e.From, g.From) {
		return false
	}
	if len(g.To) > 0 && !n.nodeMatches(e.To, g.To) {
		return false
	}
	return n.evidenceMatches(e.Claim, g.Evidence)
}

func (n *names) idsFor(name string) map[string]bool {
	w := FoldName(name)
	out := map[string]bool{}
	for id, nd := range n.nodes {
		if nd.names[w] {
			out[id] = true
		}
	}
	return out
}

// ScoreArticle scores one article's extraction against its gold file, as
// score.py's score_article does.
func ScoreArticle(x *graph.Extraction, g *Gold) *ArticleScore {
	n := indexExtraction(x)
	kinds := g.Kinds
	if len(kinds) == 0 {
		kinds = DefaultKinds
	}
	var pred []*graph.Edge
	for _, e := range x.Edges {
		if e == nil {
			continue
		}
		for _, k := range kinds {
			if string(e.Kind) == k {
				pred = append(pred, e)
				break
			}
		}
	}
	s := &ArticleScore{Article: g.Article, Predicted: len(pred), FailedChecks: []string{}}
	for i := range g.Edges {
		ge := &g.Edges[i]
		if !ge.Required {
			continue
		}
		s.Required++
		found := false
		for _, e := range pred {
			if n.edgeMatches(e, ge) {
				found = true
				break
			}
		}
		if found {
			s.Found++
			continue
		}
		to := "-"
		if len(ge.To) > 0 {
			to = ge.To[0]
		}
		s.Details = append(s.Details, fmt.Sprintf("    missed  %s %s -> %s  [%s]",
			padRight(ge.Kind, 8), pyRepr(ge.From[0]), pyRepr(to), prefix(ge.Evidence, 60)))
	}
	for _, e := range pred {
		good := false
		for i := range g.Edges {
			if n.edgeMatches(e, &g.Edges[i]) {
				good = true
				break
			}
		}
		if good {
			s.Good++
			continue
		}
		from := "None"
		if nd, ok := n.nodes[e.From]; ok {
			from = pyRepr(nd.name)
		}
		to := ""
		if nd, ok := n.nodes[e.To]; ok {
			to = nd.name
		}
		if to == "" {
			if c := n.claims[e.To]; c != nil {
				to = prefix(c.Text, 40)
			}
		}
		sentence := ""
		if c := n.claims[e.Claim]; c != nil {
			sentence = prefix(c.Sentence, 60)
		}
		s.Details = append(s.Details, fmt.Sprintf("    extra   %s %s -> %s  [%s]",
			padRight(string(e.Kind), 8), from, pyRepr(to), sentence))
	}
	for _, group := range g.SameActor {
		s.Checks++
		common := n.idsFor(group[0])
		ok := len(common) > 0
		for _, name := range group[1:] {
			ids := n.idsFor(name)
			if len(ids) == 0 {
				ok = false
			}
			for id := range common {
				if !ids[id] {
					delete(common, id)
				}
			}
		}
		if !ok || len(common) == 0 {
			s.FailedChecks = append(s.FailedChecks, "same: "+strings.Join(group, " = "))
		}
	}
	for _, group := range g.DistinctActors {
		s.Checks++
		sets := make([]map[string]bool, len(group))
		missing := false
		for i, name := range group {
			sets[i] = n.idsFor(name)
			if len(sets[i]) == 0 {
				missing = true
			}
		}
		if missing {
			s.FailedChecks = append(s.FailedChecks, "distinct (missing): "+strings.Join(group, " / "))
			continue
		}
		for i := range sets {
			for j := i + 1; j < len(sets); j++ {
				if overlaps(sets[i], sets[j]) {
					s.FailedChecks = append(s.FailedChecks, "distinct: "+strings.Join(group, " / "))
				}
			}
		}
	}
	return s
}

func overlaps(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// Ratio returns num/den, or 0 when den is 0, as the scorers do.
func Ratio(num, den int) float64 {
	if den == 0 {
		return 0
	}
	return float64(num) / float64(den)
}

// HarmonicMean returns 2PR/(P+R), or 0 when P+R is 0.
func HarmonicMean(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
