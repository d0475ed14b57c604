package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Attribution is one statement the generator wrote on purpose, with the
// byte offsets of its content in the article text.
type Attribution struct {
	// Kind is says, accuses or denies.
	Kind string `json:"kind"`
	// Speaker is the speaker's full name; Mention how it is written at
	// this place ("He", "Kormarki", "a senior official in Velholm").
	Speaker string `json:"speaker"`
	Mention string `json:"mention"`
	Cue     string `json:"cue"`
	Content string `json:"content"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Direct  bool   `json:"direct"`
	// Target is the accused actor, for accusations.
	Target string `json:"target,omitempty"`
	// Source is the agency or document that carried the statement.
	Source string `json:"source,omitempty"`
}

// Article is one generated news article.
type Article struct {
	Title        string
	Text         string
	URL          string
	Publisher    string
	PublishedAt  string
	Attributions []Attribution
}

// gen writes one article.
type gen struct {
	r     *rand.Rand
	w     *world
	b     strings.Builder
	attrs []Attribution
	// share is the probability that a body sentence carries an
	// attribution (the others are background).
	share float64

	a, o   *country // the two countries of the story
	t      topic
	place  string
	ag     agency
	last   *person // last named person, for pronouns
	people []*person
}

// newArticle writes article number i of the corpus for seed, of about size
// bytes, share of whose body sentences carry an attribution; the same
// (seed, i, size, share) always gives the same article, whatever order they
// are made in.
func newArticle(w *world, seed uint64, i int, size int, share float64) Article {
	g := &gen{r: rand.New(rand.NewPCG(seed, uint64(i)+1)), w: w, share: share}
	r := g.r
	g.a = pick(r, w.countries)
	for g.o = pick(r, w.countries); g.o == g.a; g.o = pick(r, w.countries) {
	}
	g.t = pick(r, topics)
	g.place = pick(r, g.o.cities)
	g.ag = pick(r, w.agencies)
	g.people = []*person{pick(r, g.a.leaders), pick(r, g.o.leaders), pick(r, g.a.leaders), pick(r, g.o.leaders)}

	head := g.headline()
	g.b.WriteString(head)
	g.b.WriteString("\n\n")
	month := r.IntN(12)
	day := 1 + r.IntN(28)
	fmt.Fprintf(&g.b, "%s, %s %d (%s) — ", strings.ToUpper(pick(r, g.a.cities)), months[month], day, g.ag.name)
	g.accuse(true)
	g.b.WriteString(" ")
	g.indirect()

	target := size/2 + r.IntN(size+1) // between 0.5 and 1.5 times size
	for g.b.Len() < target {
		g.b.WriteString("\n\n")
		n := 1 + r.IntN(3)
		for j := range n {
			if j > 0 {
				g.b.WriteString(" ")
			}
			g.sentence()
		}
	}
	g.b.WriteString("\n")
	pub := pick(r, w.outlets)
	slug := strings.ToLower(strings.Join(strings.FieldsFunc(head, func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
	}), "-"))
	host := strings.ToLower(strings.Join(strings.Fields(strings.TrimPrefix(pub, "The ")), "-"))
	return Article{
		Title:        head,
		Text:         g.b.String(),
		Publisher:    pub,
		PublishedAt:  fmt.Sprintf("2026-%02d-%02dT%02d:%02d:00Z", month+1, day, 6+r.IntN(14), r.IntN(60)),
		URL:          fmt.Sprintf("https://%s.example/2026/%02d/%02d/%s-%d", host, month+1, day, slug, i),
		Attributions: g.attrs,
	}
}

func (g *gen) headline() string {
	r := g.r
	switch r.IntN(5) {
	case 0:
		return fmt.Sprintf("%s accuses %s of %s", g.a.name, g.o.name, g.fill(pick(r, g.t.accusation)))
	case 1:
		return fmt.Sprintf("%s denies %s claims over %s", g.o.name, g.a.adj, g.fill(g.t.thing))
	case 2:
		p := g.people[0]
		return fmt.Sprintf("%s says %s", p.last, g.fill(pick(r, futures)))
	case 3:
		return fmt.Sprintf("Tensions rise between %s and %s over %s", g.a.capital, g.o.capital, g.t.area)
	}
	return fmt.Sprintf("%s officials trade blame over %s", g.a.adj, g.fill(g.t.thing))
}

// fill completes a template's markers: {place}, {capital}, {country},
// {adj}, {n}, {pct} and {year}.
func (g *gen) fill(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		r := g.r
		switch s[i+1 : i+j] {
		case "place":
			b.WriteString(pick(r, []string{g.place, g.place, pick(r, g.o.cities), pick(r, g.a.cities)}))
		case "capital":
			b.WriteString(pick(r, []string{g.a.capital, g.o.capital}))
		case "country":
			b.WriteString(pick(r, []string{g.a.name, g.o.name}))
		case "adj":
			b.WriteString(pick(r, []string{g.a.adj, g.o.adj}))
		case "n":
			fmt.Fprint(&b, 3+r.IntN(4000))
		case "pct":
			fmt.Fprint(&b, 2+r.IntN(60))
		case "year":
			fmt.Fprint(&b, 1990+r.IntN(35))
		default:
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
}

// content writes s and returns its offsets.
func (g *gen) content(s string) (int, int) {
	start := g.b.Len()
	g.b.WriteString(s)
	return start, g.b.Len()
}

func (g *gen) add(a Attribution) { g.attrs = append(g.attrs, a) }

// speaker picks a named person of the story and writes how they are
// introduced: in full with their role the first time, by surname after.
func (g *gen) speaker() (*person, string) {
	return g.introduce(pick(g.r, g.people))
}

// speakerFrom is speaker limited to people of country c.
func (g *gen) speakerFrom(c *country) (*person, string) {
	if g.people[0].country == c {
		return g.introduce(g.people[g.r.IntN(2)*2])
	}
	return g.introduce(g.people[1+g.r.IntN(2)*2])
}

// introduce writes nothing; it returns how p is named at this place.
func (g *gen) introduce(p *person) (*person, string) {
	mention := p.last
	if !g.mentioned(p) {
		switch g.r.IntN(3) {
		case 0:
			mention = fmt.Sprintf("%s %s %s", p.country.adj, p.role, p.full())
		case 1:
			mention = p.full()
		default:
			mention = fmt.Sprintf("%s %s", p.role, p.full())
		}
	}
	g.last = p
	return p, mention
}

func (g *gen) mentioned(p *person) bool {
	for _, a := range g.attrs {
		if a.Speaker == p.full() {
			return true
		}
	}
	return false
}

func (g *gen) quote() string {
	q := g.fill(pick(g.r, quoteBase))
	if g.r.IntN(3) == 0 {
		q += ", " + pick(g.r, []string{"and we have said so clearly", "whatever they say in " + g.o.capital, "and that will not change", "as everyone here knows"})
	}
	return q
}

func (g *gen) clause() string { return g.fill(pick(g.r, futures)) }

// sentence writes one sentence: with probability g.share one of the
// attributing constructions, otherwise a background sentence.
func (g *gen) sentence() {
	if g.r.Float64() >= g.share {
		g.b.WriteString(g.fill(pick(g.r, background)))
		return
	}
	switch g.r.IntN(13) {
	case 0, 1:
		g.quoteBefore()
	case 2:
		g.quoteAfter()
	case 3, 4:
		g.indirect()
	case 5:
		g.accordingTo()
	case 6:
		g.accuse(false)
	case 7:
		g.deny()
	case 8:
		g.anonymous()
	case 9:
		g.reported()
	case 10:
		g.pronoun()
	case 11:
		g.splitQuote()
	default:
		g.ministry()
	}
}

// "Q," said X.
func (g *gen) quoteBefore() {
	q := g.quote()
	g.b.WriteString("\u201c")
	s, e := g.content(q)
	g.b.WriteString(",\u201d ")
	p, m := g.speaker()
	cue := pick(g.r, []string{"said", "said", "added", "told reporters"})
	if cue != "told reporters" && g.r.IntN(2) == 0 {
		fmt.Fprintf(&g.b, "%s %s.", cue, m)
	} else {
		fmt.Fprintf(&g.b, "%s %s.", m, cue)
	}
	g.add(Attribution{Kind: "says", Speaker: p.full(), Mention: m, Cue: cue, Content: q, Start: s, End: e, Direct: true})
}

// X said, "Q."
func (g *gen) quoteAfter() {
	p, m := g.speaker()
	cue := pick(g.r, []string{"said", "told reporters", "said in a statement", "wrote on social media"})
	fmt.Fprintf(&g.b, "%s %s: \u201c", m, cue)
	q := g.quote()
	s, e := g.content(q + ".")
	g.b.WriteString("\u201d")
	g.add(Attribution{Kind: "says", Speaker: p.full(), Mention: m, Cue: cue, Content: q + ".", Start: s, End: e, Direct: true})
}

// X said (told Agency) that C.
func (g *gen) indirect() {
	p, m := g.speaker()
	cue := pick(g.r, cueThat)
	src := ""
	if g.r.IntN(3) == 0 {
		cue = "told"
		src = g.ag.name
		fmt.Fprintf(&g.b, "%s told %s that ", m, pick(g.r, []string{"the " + g.ag.name, g.ag.abbr}))
	} else {
		fmt.Fprintf(&g.b, "%s %s that ", m, cue)
	}
	c := g.clause()
	s, e := g.content(c)
	g.b.WriteString(".")
	g.add(Attribution{Kind: "says", Speaker: p.full(), Mention: m, Cue: cue, Content: c, Start: s, End: e, Source: src})
}

// According to X, C.
func (g *gen) accordingTo() {
	p, m := g.speaker()
	fmt.Fprintf(&g.b, "According to %s, ", m)
	c := g.clause()
	s, e := g.content(c)
	g.b.WriteString(".")
	g.add(Attribution{Kind: "says", Speaker: p.full(), Mention: m, Cue: "according to", Content: c, Start: s, End: e})
}

// Capital (or X) accused Other of C.
func (g *gen) accuse(lead bool) {
	acc := g.fill(pick(g.r, g.t.accusation))
	var speaker, mention, target, tmention string
	switch g.r.IntN(3) {
	case 0: // metonymy: capitals stand for governments
		speaker, mention = g.a.name, g.a.capital
		target, tmention = g.o.name, g.o.capital
	case 1:
		p, m := g.speakerFrom(g.a)
		speaker, mention = p.full(), m
		target, tmention = g.o.name, g.o.name
	default:
		speaker, mention = g.a.name, "The "+g.a.adj+" government"
		target, tmention = g.o.name, pick(g.r, []string{g.o.name, "neighbouring " + g.o.name})
	}
	when := pick(g.r, []string{"", " on Tuesday", " on Friday", " again", " in a statement"})
	if lead && mention == g.a.capital {
		when = pick(g.r, []string{" on Monday", " on Wednesday"})
	}
	fmt.Fprintf(&g.b, "%s%s accused %s of ", mention, when, tmention)
	s, e := g.content(acc)
	g.b.WriteString(".")
	g.add(Attribution{Kind: "accuses", Speaker: speaker, Mention: mention, Cue: "accused", Content: acc, Start: s, End: e, Target: target})
}

// Other denied the accusations, calling them "Q" / X denied that C.
func (g *gen) deny() {
	if g.r.IntN(2) == 0 {
		mention := g.o.capital
		fmt.Fprintf(&g.b, "%s denied the accusations, calling them \u201c", mention)
		q := pick(g.r, []string{"baseless", "a fabrication from start to finish", "an attempt to distract from problems at home", "lies"})
		s, e := g.content(q)
		g.b.WriteString("\u201d.")
		g.add(Attribution{Kind: "denies", Speaker: g.o.name, Mention: mention, Cue: "denied", Content: q, Start: s, End: e, Direct: true, Target: g.a.name})
		return
	}
	p, m := g.speaker()
	fmt.Fprintf(&g.b, "%s denied that ", m)
	c := g.fill(pick(g.r, []string{"{capital} had been warned in advance", "any troops had crossed into {country}", "the talks had failed", "the government had hidden anything"}))
	s, e := g.content(c)
	g.b.WriteString(".")
	g.add(Attribution{Kind: "denies", Speaker: p.full(), Mention: m, Cue: "denied", Content: c, Start: s, End: e})
}

// An unnamed official told the agency.
func (g *gen) anonymous() {
	m := fmt.Sprintf("A senior official in %s", pick(g.r, []string{g.a.capital, g.o.capital, g.place}))
	fmt.Fprintf(&g.b, "%s, who spoke on condition of anonymity, told %s that ", m, g.ag.abbr)
	c := g.clause()
	s, e := g.content(c)
	g.b.WriteString(".")
	g.add(Attribution{Kind: "says", Speaker: m, Mention: m, Cue: "told", Content: c, Start: s, End: e, Source: g.ag.name})
}

// The agency reported, citing a document.
func (g *gen) reported() {
	doc := g.fill(pick(g.r, documents))
	fmt.Fprintf(&g.b, "%s reported that ", g.ag.name)
	c := g.clause()
	s, e := g.content(c)
	fmt.Fprintf(&g.b, ", citing %s.", doc)
	g.add(Attribution{Kind: "says", Speaker: g.ag.name, Mention: g.ag.name, Cue: "reported", Content: c, Start: s, End: e, Source: g.ag.name})
}

// He added that C.
func (g *gen) pronoun() {
	if g.last == nil {
		g.indirect()
		return
	}
	p := g.last
	cue := pick(g.r, []string{"added", "said", "warned", "stressed"})
	fmt.Fprintf(&g.b, "%s %s that ", p.pronoun(), cue)
	c := g.clause()
	s, e := g.content(c)
	g.b.WriteString(".")
	g.add(Attribution{Kind: "says", Speaker: p.full(), Mention: p.pronoun(), Cue: cue, Content: c, Start: s, End: e})
}

// "Q1," X said. "Q2."
func (g *gen) splitQuote() {
	q1 := g.quote()
	g.b.WriteString("\u201c")
	s, e := g.content(q1)
	g.b.WriteString(",\u201d ")
	p, m := g.speaker()
	fmt.Fprintf(&g.b, "%s said. \u201c", m)
	q2 := g.quote() + "."
	s2, e2 := g.content(q2)
	g.b.WriteString("\u201d")
	g.add(Attribution{Kind: "says", Speaker: p.full(), Mention: m, Cue: "said", Content: q1, Start: s, End: e, Direct: true})
	g.add(Attribution{Kind: "says", Speaker: p.full(), Mention: m, Cue: "said", Content: q2, Start: s2, End: e2, Direct: true})
}

// In a statement, the Adj Ministry said C.
func (g *gen) ministry() {
	c := g.a
	if g.r.IntN(2) == 0 {
		c = g.o
	}
	m := fmt.Sprintf("the %s %s", c.adj, pick(g.r, ministries))
	fmt.Fprintf(&g.b, "In a statement, %s said ", m)
	cl := g.clause()
	s, e := g.content(cl)
	g.b.WriteString(".")
	g.add(Attribution{Kind: "says", Speaker: m[4:], Mention: m, Cue: "said", Content: cl, Start: s, End: e})
}
