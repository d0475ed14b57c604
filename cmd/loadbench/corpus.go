package main

import (
	_ "embed"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// wordsText is the content vocabulary, most frequent first.
//
//go:embed words.txt
var wordsText string

// Shape of the synthetic graph. Everything is derived from the seed and an
// article's index, so the same flags always give the same graph and a
// later run can tell the actor IDs and query words without reading the
// store.
const (
	claimsPerArticle = 10
	numPersons       = 360
	numOrgs          = 40
	numAgencies      = 12
	numPublishers    = 20
)

var (
	firstNames = []string{"Aldric", "Tovan", "Edric", "Pavel", "Keld", "Arvid", "Falk", "Nils", "Tomas", "Osric", "Lennart", "Dario", "Ivo", "Casimir", "Halvard", "Mattis", "Ruven", "Sorin", "Teodor", "Anselm", "Mirela", "Ilse", "Marta", "Hanne", "Greta", "Ulla", "Ines", "Rosalind", "Jorun", "Liesel", "Annika", "Serafina", "Tove", "Oona", "Katya", "Elsbeth", "Maren", "Nadia", "Petra", "Vesna"}
	surHeads   = []string{"Kell", "Brenn", "Varn", "Ors", "Penr", "Lindqv", "Aron", "Sebor", "Aberh", "Solv", "Marr", "Vell", "Sorv", "Quell", "Toll", "Hask", "Dravn", "Straub", "Velt", "Korr"}
	surTails   = []string{"endorf", "ick", "holt", "sen", "org", "olm", "ang", "ovic", "ani", "enko", "ard", "inen"}
	titles     = []string{"Foreign Minister", "Defence Minister", "Interior Minister", "Finance Minister", "Prime Minister", "government spokesman", "army spokeswoman", "opposition leader", "central bank governor", "union leader", "mayor", "chief prosecutor", "health minister", "trade envoy", "police chief"}
	orgForms   = []string{"{x} Workers' Union", "{x} Chamber of Commerce", "{x} Farmers' Council", "{x} Rail Authority", "{x} Medical Association", "{x} Liberation Front", "{x} Water Board", "Ministry of {x} Affairs"}
	placeNames = []string{"Velania", "Korthal", "Ostmark", "Draveth", "Selora", "Tavgrad", "Brisholm", "Halport", "Zenovia", "Quorvik", "Lunaria", "Ardmouth", "Fenwick", "Galdal", "Rhovesh", "Nimburg", "Calissa", "Vorland", "Estova", "Myrene"}
	agencyForm = []string{"{x} Press Agency", "{x} News Service", "{x} Wire", "{x} Telegraph Agency"}
	outletForm = []string{"The {x} Herald", "{x} Daily", "The {x} Courier", "{x} Evening Post", "The {x} Observer"}
	cues       = []string{"said", "said", "said", "told reporters", "warned", "claimed", "insisted", "stressed", "added"}
	fillers    = []string{"the", "the", "a", "of", "to", "and", "in", "for", "on", "with", "by", "that", "its", "their", "will", "has", "was", "is"}
)

// world is the fixed cast of a synthetic graph: its vocabulary, actors with
// a Zipf-like popularity, agencies and publishers.
type world struct {
	seed       uint64
	words      []string
	actors     []*graph.Actor
	agencies   []*graph.Source
	publishers []string
	// stored are the actors the store holds (a small graph may lack the
	// least popular ones); requests pick their speakers from these.
	stored []*graph.Actor
}

func newWorld(seed uint64) *world {
	w := &world{seed: seed}
	seen := map[string]bool{}
	for _, line := range strings.Split(wordsText, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, word := range strings.Fields(line) {
			if !seen[word] {
				seen[word] = true
				w.words = append(w.words, word)
			}
		}
	}
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	names := map[string]bool{}
	for len(w.actors) < numPersons {
		name := firstNames[r.IntN(len(firstNames))] + " " + surHeads[r.IntN(len(surHeads))] + surTails[r.IntN(len(surTails))]
		if names[name] {
			continue
		}
		names[name] = true
		w.actors = append(w.actors, &graph.Actor{ID: graph.ActorID(name), Name: name, Kind: graph.ActorPerson, Title: titles[r.IntN(len(titles))]})
	}
	for i := 0; len(w.actors) < numPersons+numOrgs; i++ {
		form := orgForms[i%len(orgForms)]
		name := strings.ReplaceAll(form, "{x}", placeNames[(i/len(orgForms)+i)%len(placeNames)])
		if names[name] {
			continue
		}
		names[name] = true
		kind := graph.ActorOrganization
		if strings.HasPrefix(form, "Ministry") {
			kind = graph.ActorGovernment
		}
		w.actors = append(w.actors, &graph.Actor{ID: graph.ActorID(name), Name: name, Kind: kind})
	}
	// Shuffle so popularity (the order) does not follow the kind.
	r.Shuffle(len(w.actors), func(i, j int) { w.actors[i], w.actors[j] = w.actors[j], w.actors[i] })
	for i := range numAgencies {
		name := strings.ReplaceAll(agencyForm[i%len(agencyForm)], "{x}", placeNames[i%len(placeNames)])
		w.agencies = append(w.agencies, &graph.Source{ID: graph.SourceID(name), Name: name, Kind: graph.SourceAgency})
	}
	for i := range numPublishers {
		w.publishers = append(w.publishers, strings.ReplaceAll(outletForm[i%len(outletForm)], "{x}", placeNames[(i*7+3)%len(placeNames)]))
	}
	return w
}

// article returns the extraction of the i-th synthetic article:
// claimsPerArticle claims, each said by an actor drawn with a Zipf law
// (a few actors say most claims), reported by one or two agencies, one in
// ten an accusation of another actor.
func (w *world) article(i int) *graph.Extraction {
	r := rand.New(rand.NewPCG(w.seed, uint64(i)+1))
	speakers := rand.NewZipf(r, 1.1, 4, uint64(len(w.actors)-1))
	vocab := rand.NewZipf(r, 1.05, 2, uint64(len(w.words)-1))

	type claimAt struct {
		speaker, target *graph.Actor
		start, end      int
		cueStart        int
		cue             string
		spStart, spEnd  int
		lineStart       int
		direct          bool
	}
	var b strings.Builder
	place := placeNames[r.IntN(len(placeNames))]
	fmt.Fprintf(&b, "%s: %s %s talks stall over %s\n\n", place, w.words[vocab.Uint64()], w.words[vocab.Uint64()], w.words[vocab.Uint64()])
	claims := make([]claimAt, claimsPerArticle)
	for j := range claims {
		c := &claims[j]
		c.speaker = w.actors[speakers.Uint64()]
		c.cue = cues[r.IntN(len(cues))]
		content := w.content(r, vocab, 8+r.IntN(14))
		if j%10 == 3 {
			c.target = w.actors[r.IntN(len(w.actors))]
			if c.target == c.speaker {
				c.target = w.actors[(r.IntN(len(w.actors)-1)+1+indexOf(w.actors, c.speaker))%len(w.actors)]
			}
			c.cue = "accused"
		}
		c.lineStart = b.Len()
		switch {
		case c.target != nil:
			// Speaker accused Target of content.
			c.spStart = b.Len()
			b.WriteString(c.speaker.Name)
			c.spEnd = b.Len()
			b.WriteString(" ")
			c.cueStart = b.Len()
			b.WriteString(c.cue)
			fmt.Fprintf(&b, " %s of ", c.target.Name)
			c.start = b.Len()
			b.WriteString(content)
			c.end = b.Len()
			b.WriteString(".")
		case r.IntN(2) == 0:
			// "Content," Speaker, title, cue.
			b.WriteString("\u201c")
			c.direct = true
			c.start = b.Len()
			b.WriteString(upper(content))
			c.end = b.Len()
			b.WriteString(",\u201d ")
			c.spStart = b.Len()
			b.WriteString(c.speaker.Name)
			c.spEnd = b.Len()
			if c.speaker.Title != "" {
				fmt.Fprintf(&b, ", the %s,", c.speaker.Title)
			}
			b.WriteString(" ")
			c.cueStart = b.Len()
			b.WriteString(c.cue)
			b.WriteString(".")
		default:
			// Speaker cue that content.
			c.spStart = b.Len()
			b.WriteString(c.speaker.Name)
			c.spEnd = b.Len()
			b.WriteString(" ")
			c.cueStart = b.Len()
			b.WriteString(c.cue)
			b.WriteString(" that ")
			c.start = b.Len()
			b.WriteString(content)
			c.end = b.Len()
			b.WriteString(".")
		}
		b.WriteString(" ")
		b.WriteString(upper(w.content(r, vocab, 6+r.IntN(10))))
		b.WriteString(".\n")
	}
	text := b.String()
	art := graph.Article{
		ID:          graph.ArticleID(text),
		URL:         fmt.Sprintf("https://news.example/%d", i),
		Title:       text[:strings.IndexByte(text, '\n')],
		Publisher:   w.publishers[r.IntN(len(w.publishers))],
		PublishedAt: fmt.Sprintf("2026-%02d-%02dT%02d:00:00Z", 1+i%12, 1+i%28, i%24),
		Text:        text,
	}
	x := &graph.Extraction{Article: art}
	added := map[string]bool{}
	addActor := func(a *graph.Actor) {
		if !added[a.ID] {
			added[a.ID] = true
			cp := *a
			x.Actors = append(x.Actors, &cp)
		}
	}
	reporters := []*graph.Source{w.agencies[r.IntN(len(w.agencies))]}
	if r.IntN(3) == 0 {
		if s := w.agencies[r.IntN(len(w.agencies))]; s != reporters[0] {
			reporters = append(reporters, s)
		}
	}
	for _, s := range reporters {
		cp := *s
		x.Sources = append(x.Sources, &cp)
	}
	for _, c := range claims {
		addActor(c.speaker)
		lineEnd := c.lineStart + strings.IndexByte(text[c.lineStart:], '\n')
		sentence := text[c.lineStart:lineEnd]
		if k := strings.Index(sentence[c.end-c.lineStart:], ". "); k >= 0 {
			sentence = sentence[:c.end-c.lineStart+k+1]
		}
		spStart, spEnd := c.spStart, c.spEnd
		cl := &graph.Claim{
			ID:           graph.ClaimID(art.ID, c.start, c.end, c.cueStart),
			Article:      art.ID,
			Speaker:      c.speaker.ID,
			Text:         text[c.start:c.end],
			Start:        c.start,
			End:          c.end,
			Sentence:     sentence,
			Cue:          c.cue,
			CueStart:     c.cueStart,
			CueEnd:       c.cueStart + len(c.cue),
			SpeakerStart: &spStart,
			SpeakerEnd:   &spEnd,
			Direct:       c.direct,
		}
		x.Claims = append(x.Claims, cl)
		x.Edges = append(x.Edges, &graph.Edge{Kind: graph.EdgeSays, From: c.speaker.ID, To: cl.ID, Claim: cl.ID, Article: art.ID})
		if c.target != nil {
			addActor(c.target)
			x.Edges = append(x.Edges, &graph.Edge{Kind: graph.EdgeAccuses, From: c.speaker.ID, To: c.target.ID, Claim: cl.ID, Article: art.ID})
		}
		for _, s := range reporters {
			x.Edges = append(x.Edges, &graph.Edge{Kind: graph.EdgeReports, From: s.ID, To: cl.ID, Claim: cl.ID, Article: art.ID})
		}
	}
	return x
}

// content returns n words of text: vocabulary words drawn by frequency
// with function words between them.
func (w *world) content(r *rand.Rand, vocab *rand.Zipf, n int) string {
	parts := make([]string, 0, n)
	for len(parts) < n {
		if len(parts) > 0 && r.IntN(3) == 0 {
			parts = append(parts, fillers[r.IntN(len(fillers))])
		}
		parts = append(parts, w.words[vocab.Uint64()])
	}
	return strings.Join(parts, " ")
}

// query returns a search query of one or two vocabulary words, drawn
// uniformly so that frequent and rare words both occur.
func (w *world) query(r *rand.Rand) string {
	q := w.words[r.IntN(len(w.words))]
	if r.IntN(2) == 0 {
		q += " " + w.words[r.IntN(len(w.words))]
	}
	return q
}

func upper(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func indexOf(as []*graph.Actor, a *graph.Actor) int {
	for i, x := range as {
		if x == a {
			return i
		}
	}
	return -1
}
