package evaluate

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Span is a half-open range [Start, End) of character (code point) offsets.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Attribution is one gold or predicted attribution as spans of the text;
// each part may have several discontinuous spans, or none.
type Attribution struct {
	Cue     []Span `json:"cue"`
	Source  []Span `json:"source"`
	Content []Span `json:"content"`
}

var roleDigits = regexp.MustCompile(`\d+$`)

// ParseAnn reads a BRAT standoff file as score_polnear.py's parse_ann does:
// text-bound annotations ("T" lines) give spans, and every event ("E" line)
// is one attribution whose Cue, Source and Content roles name them. Role
// names lose trailing digits, so Content2 counts as Content.
func ParseAnn(r io.Reader) ([]Attribution, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	spans := map[string][]Span{}
	var events []map[string][]string
	sc := bufio.NewScanner(strings.NewReader(universalNewlines(string(data))))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<30)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "T") && strings.Count(line, "\t") >= 2:
			parts := strings.SplitN(line, "\t", 3)
			_, offs, ok := strings.Cut(parts[1], " ")
			if !ok {
				return nil, fmt.Errorf("line %d: no offsets in %q", n, parts[1])
			}
			var ss []Span
			for _, s := range strings.Split(offs, ";") {
				f := strings.Fields(s)
				if len(f) != 2 {
					return nil, fmt.Errorf("line %d: bad span %q", n, s)
				}
				a, err1 := strconv.Atoi(f[0])
				b, err2 := strconv.Atoi(f[1])
				if err1 != nil || err2 != nil {
					return nil, fmt.Errorf("line %d: bad span %q", n, s)
				}
				ss = append(ss, Span{a, b})
			}
			spans[parts[0]] = ss
		case strings.HasPrefix(line, "E"):
			fields := strings.Split(line, "\t")
			if len(fields) < 2 {
				return nil, fmt.Errorf("line %d: event without arguments", n)
			}
			roles := map[string][]string{}
			for _, a := range strings.Fields(fields[1]) {
				k, v, ok := strings.Cut(a, ":")
				if !ok || strings.Contains(v, ":") {
					return nil, fmt.Errorf("line %d: bad argument %q", n, a)
				}
				k = roleDigits.ReplaceAllString(k, "")
				roles[k] = append(roles[k], v)
			}
			events = append(events, roles)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	out := make([]Attribution, 0, len(events))
	for _, roles := range events {
		get := func(role string) []Span {
			var ss []Span
			for _, t := range roles[role] {
				ss = append(ss, spans[t]...)
			}
			return ss
		}
		out = append(out, Attribution{Cue: get("Cue"), Source: get("Source"), Content: get("Content")})
	}
	return out, nil
}

// Text is a document as score_polnear.py sees it: the file read in Python's
// text mode (universal newlines), indexed by character.
type Text struct {
	runes []rune
	// starts holds the byte offset of each character, then the length.
	starts []int
}

// NewText prepares a document's text for scoring; raw is the file's
// content, which must be valid UTF-8.
func NewText(raw string) *Text {
	s := universalNewlines(raw)
	t := &Text{runes: make([]rune, 0, len(s)), starts: make([]int, 0, len(s)+1)}
	for i, r := range s {
		t.runes = append(t.runes, r)
		t.starts = append(t.starts, i)
	}
	t.starts = append(t.starts, len(s))
	return t
}

// Len returns the number of characters.
func (t *Text) Len() int { return len(t.runes) }

// Slice returns the characters [a, b), clamped as Python's text[a:b] is
// for non-negative a and b.
func (t *Text) Slice(a, b int) string {
	a, b = min(max(a, 0), len(t.runes)), min(max(b, 0), len(t.runes))
	if a >= b {
		return ""
	}
	return string(t.runes[a:b])
}

// CharOffset converts a byte offset into the UTF-8 text to a character
// offset: the character that byte belongs to, 0 below the start and the
// length past the end, as score_polnear.py's byte_to_char does.
func (t *Text) CharOffset(off int) int {
	if off < 0 {
		return 0
	}
	// The last character whose start is <= off; starts[len] is the length.
	return sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off }) - 1
}

// tokens is the set of word tokens (\w+ runs, named by their first
// character's offset) found in the spans, as score_polnear.py's toks does
// with re.finditer(text, a, b).
type tokens map[int]struct{}

func (t *Text) tokens(spans []Span) tokens {
	set := tokens{}
	for _, s := range spans {
		a, b := max(s.Start, 0), min(s.End, len(t.runes))
		for i := a; i < b; {
			if !isWord(t.runes[i]) {
				i++
				continue
			}
			set[i] = struct{}{}
			for i < b && isWord(t.runes[i]) {
				i++
			}
		}
	}
	return set
}

func common(a, b tokens) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for k := range a {
		if _, ok := b[k]; ok {
			n++
		}
	}
	return n
}

// dice is the Dice coefficient of two token sets, 1 when both are empty.
func dice(a, b tokens) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	return float64(2*common(a, b)) / float64(len(a)+len(b))
}

// Predicted turns an extraction's claims into attributions: content =
// [start,end), cue = [cueStart,cueEnd), source = [speakerStart,speakerEnd)
// when both speaker offsets are given. Byte offsets become character
// offsets of t.
func Predicted(x *graph.Extraction, t *Text) []Attribution {
	var out []Attribution
	for _, c := range x.Claims {
		if c == nil {
			continue
		}
		span := func(a, b int) []Span { return []Span{{t.CharOffset(a), t.CharOffset(b)}} }
		p := Attribution{Cue: span(c.CueStart, c.CueEnd), Content: span(c.Start, c.End)}
		if c.SpeakerStart != nil && c.SpeakerEnd != nil {
			p.Source = span(*c.SpeakerStart, *c.SpeakerEnd)
		}
		out = append(out, p)
	}
	return out
}

// Counts are the tallies behind the PolNeAR F1 scores.
type Counts struct {
	// Gold and Predicted count attributions.
	Gold      int `json:"gold"`
	Predicted int `json:"predicted"`
	// Attribution counts matched pairs; Source, Content and Triple count
	// matched pairs whose source spans overlap (or neither has one), whose
	// content token Dice is at least 0.5, and both.
	Attribution int `json:"attribution"`
	Source      int `json:"source"`
	Content     int `json:"content"`
	Triple      int `json:"triple"`
}

// Add adds o's tallies to c.
func (c *Counts) Add(o Counts) {
	c.Gold += o.Gold
	c.Predicted += o.Predicted
	c.Attribution += o.Attribution
	c.Source += o.Source
	c.Content += o.Content
	c.Triple += o.Triple
}

// Matching is the result of matching one document's attributions.
type Matching struct {
	Counts
	// Pairs holds the matched (gold, predicted) indexes in match order.
	Pairs [][2]int
	// GoldMatched and PredMatched say which attributions were matched.
	GoldMatched []bool
	PredMatched []bool
}

type tokenSets struct{ cue, src, con tokens }

// Match pairs gold and predicted attributions one to one, greedily, as
// score_polnear.py's match does: first by cue token overlap, then, among
// those left, by content overlap where content Dice >= 0.5. Within a round
// the pair with the largest overlap wins; ties go to the lowest gold index,
// then the lowest predicted index.
func Match(gold, pred []Attribution, t *Text) *Matching {
	sets := func(as []Attribution) []tokenSets {
		out := make([]tokenSets, len(as))
		for i, a := range as {
			out[i] = tokenSets{t.tokens(a.Cue), t.tokens(a.Source), t.tokens(a.Content)}
		}
		return out
	}
	G, P := sets(gold), sets(pred)
	m := &Matching{
		Counts:      Counts{Gold: len(G), Predicted: len(P)},
		GoldMatched: make([]bool, len(G)),
		PredMatched: make([]bool, len(P)),
	}
	type cand struct{ ov, i, j int }
	for round := 0; round < 2; round++ {
		var cands []cand
		for i, g := range G {
			for j, p := range P {
				if m.GoldMatched[i] || m.PredMatched[j] {
					continue
				}
				var ov int
				if round == 0 {
					ov = common(g.cue, p.cue)
				} else {
					ov = common(g.con, p.con)
				}
				if ov > 0 && (round == 0 || dice(g.con, p.con) >= 0.5) {
					cands = append(cands, cand{ov, i, j})
				}
			}
		}
		sort.Slice(cands, func(a, b int) bool {
			x, y := cands[a], cands[b]
			if x.ov != y.ov {
				return x.ov > y.ov
			}
			if x.i != y.i {
				return x.i < y.i
			}
			return x.j < y.j
		})
		for _, c := range cands {
			if m.GoldMatched[c.i] || m.PredMatched[c.j] {
				continue
			}
			m.GoldMatched[c.i], m.PredMatched[c.j] = true, true
			m.Pairs = append(m.Pairs, [2]int{c.i, c.j})
		}
	}
	m.Attribution = len(m.Pairs)
	for _, pr := range m.Pairs {
		g, p := G[pr[0]], P[pr[1]]
		src := common(g.src, p.src) > 0 || (len(g.src) == 0 && len(p.src) == 0)
		con := dice(g.con, p.con) >= 0.5
		if src {
			m.Source++
		}
		if con {
			m.Content++
		}
		if src && con {
			m.Triple++
		}
	}
	return m
}

// F1 is the F1 score of tp true positives among gold and pred items, 0 when
// undefined.
func F1(tp, gold, pred int) float64 {
	return HarmonicMean(Ratio(tp, pred), Ratio(tp, gold))
}
