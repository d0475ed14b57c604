package extract

import (
	"cmp"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Extract reads one article and returns its actors, sources, claims and
// edges. It returns the error of graph.ValidateText when the text cannot be
// an article (empty, binary, invalid UTF-8 or too large). The article keeps
// its metadata and gets its content-derived ID. The result is deterministic
// and passes (*graph.Extraction).Validate.
func Extract(a graph.Article) (*graph.Extraction, error) {
	if err := graph.ValidateText(a.Text); err != nil {
		return nil, err
	}
	a.ID = graph.ArticleID(a.Text)
	s := scratchPool.Get().(*scratch)
	defer s.release()
	d := segmentInto(a.Text, buildLexicon(), s)
	s.toks, s.sents, s.quotes = d.toks, d.sents, d.quotes
	ats := d.findAttributions()
	slices.SortStableFunc(ats, func(a, b *attribution) int { return cmp.Compare(d.toks[a.cue0].start, d.toks[b.cue0].start) })
	r := newResolverWith(d, s)
	b := &builder{d: d, r: r, art: a.ID, seen: s.claimSeen,
		claims: make([]*graph.Claim, 0, len(ats)), claimMem: make([]graph.Claim, 0, len(ats)), offMem: make([]int, 0, 2*len(ats)), spk: s.spk[:0], edges: s.edges[:0]}
	for _, at := range ats {
		b.add(at)
	}
	b.typedEdges()
	x := b.finish(a)
	s.keep(b, r)
	return x, nil
}

// builder assembles the extraction from attributions.
type builder struct {
	d      *doc
	r      *resolver
	art    string
	claims []*graph.Claim
	// claimMem and offMem hold the claims and their speaker offsets, so
	// that an article's claims cost two allocations, not three each.
	claimMem []graph.Claim
	offMem   []int
	spk      []*entity
	// ats holds the attribution of each claim (nil for a claim the typed
	// stage made), in step with claims and spk.
	ats   []*attribution
	edges []pendingEdge
	seen  map[claimAt]bool
	last  *entity
	lastS int
}

// claimAt is what a claim's ID is derived from besides its article: the
// offsets of its content and of its cue.
type claimAt struct{ start, end, cueStart int }

// pendingEdge is an edge whose ends are entities not yet given IDs.
type pendingEdge struct {
	kind     graph.EdgeKind
	from, to *entity
	toClaim  bool
	claim    *graph.Claim
	// denied is the accusation a denial answers, when the article names it.
	denied *graph.Claim
}

// newClaim returns a new claim from b.claimMem, one block for the claims
// of the article (at most one per attribution, so it never grows).
func (b *builder) newClaim() *graph.Claim {
	b.claimMem = append(b.claimMem, graph.Claim{})
	return &b.claimMem[len(b.claimMem)-1]
}

// intp returns a pointer to v, allocated in b.offMem with the other claim
// offsets of the article (two per attribution at most, so it never grows).
func (b *builder) intp(v int) *int {
	b.offMem = append(b.offMem, v)
	return &b.offMem[len(b.offMem)-1]
}

func (b *builder) add(at *attribution) {
	d := b.d
	cueStart := d.toks[at.cue0].start
	cueEnd := d.toks[at.cue1].end
	// Keyed by the offsets the ID is derived from, which identify it as
	// well and hash faster than it.
	key := claimAt{at.conStart, at.conEnd, cueStart}
	if b.seen[key] {
		return
	}
	b.seen[key] = true
	id := graph.ClaimID(b.art, at.conStart, at.conEnd, cueStart)
	sentA, sentB := int(d.toks[at.cue0].sent), int(d.toks[at.cue0].sent)
	for _, k := range []int{at.con0, at.con1, at.src0, at.src1} {
		if k >= 0 && k < len(d.toks) {
			s := int(d.toks[k].sent)
			sentA, sentB = min(sentA, s), max(sentB, s)
		}
	}
	c := b.newClaim()
	*c = graph.Claim{
		ID: id, Article: b.art,
		Text: d.text[at.conStart:at.conEnd], Start: at.conStart, End: at.conEnd,
		Sentence: d.text[d.sents[sentA].start:d.sents[sentB].end],
		Cue:      d.text[cueStart:cueEnd], CueStart: cueStart, CueEnd: cueEnd,
		Direct: at.direct,
	}
	var spk *entity
	var more []*entity
	if at.src0 >= 0 {
		c.SpeakerStart, c.SpeakerEnd = b.intp(d.toks[at.src0].start), b.intp(d.toks[at.src1].end)
		if parts := b.compound(at.src0, at.src1); len(parts) > 1 {
			// "Kyiv and Warsaw called for calm": each one says it.
			spk, more = parts[0], parts[1:]
		} else {
			spk = b.r.resolve(b.r.analyze(at.src0, at.src1), at.src0)
		}
		if spk == nil && d.is(at.src0, wPron) && (d.low(at.src0) == "i" || d.low(at.src0) == "we") {
			spk = b.last
		}
	}
	if spk == nil && at.inherit {
		if b.last != nil && b.lastS == int(d.toks[at.cue0].sent) {
			spk = b.last
		} else {
			spk = b.subjectOf(int(d.toks[at.cue0].sent))
		}
	}
	if spk == nil {
		spk = b.r.get("anon:unnamed", "unnamed source", graph.ActorAnonymous)
		spk.person = false
	}
	b.last, b.lastS = spk, int(d.toks[at.cue0].sent)
	b.r.lastSpk, b.r.lastSent = spk, b.lastS
	b.claims = append(b.claims, c)
	b.ats = append(b.ats, at)
	if spk.source {
		b.edges = append(b.edges, pendingEdge{kind: graph.EdgeReports, from: spk, toClaim: true, claim: c})
		if au := spk.affil; au != nil && !au.source && spk.skind == graph.SourceDocument {
			// "A report by the Audit Office found …": its author says it.
			b.edges = append(b.edges, pendingEdge{kind: graph.EdgeSays, from: au, toClaim: true, claim: c})
		}
	} else {
		b.edges = append(b.edges, pendingEdge{kind: graph.EdgeSays, from: spk, toClaim: true, claim: c})
	}
	for _, o := range more {
		if !o.source && o != spk {
			b.edges = append(b.edges, pendingEdge{kind: graph.EdgeSays, from: o, toClaim: true, claim: c})
		}
	}
	if at.recip0 >= 0 {
		if m := b.r.analyze(at.recip0, at.recip1); m != nil && m.source && m.skind != graph.SourceDocument {
			src := b.r.resolve(m, at.recip0)
			b.edges = append(b.edges, pendingEdge{kind: graph.EdgeReports, from: src, toClaim: true, claim: c})
		}
	}
	defer func() { b.spk = append(b.spk, spk) }()
	switch at.class {
	case classAccuse:
		if sa := d.sents[d.toks[at.cue0].sent].a; at.target0 >= 0 && !spk.source && !d.negatedAt(at.cue0, sa) && !(at.src0 >= 0 && d.conditionalAt(at.src0, sa)) {
			if t := b.r.resolve(b.r.analyze(at.target0, at.target1), at.target0); t != nil && t != spk && !t.source {
				b.edges = append(b.edges, pendingEdge{kind: graph.EdgeAccuses, from: spk, to: t, claim: c})
			}
		}
	}
	if !spk.source {
		for _, t := range b.hostileAgents(at) {
			if t != spk && !t.source && !sameSide(spk, t) {
				b.edges = append(b.edges, pendingEdge{kind: graph.EdgeAccuses, from: spk, to: t, claim: c})
			}
		}
	}
}

// finish gives entities their IDs and writes the extraction.
func (b *builder) finish(a graph.Article) *graph.Extraction {
	x := &graph.Extraction{Article: a, Claims: b.claims}
	if x.Claims == nil {
		x.Claims = []*graph.Claim{}
	}
	b.mergeRoles()
	// The entities the extraction uses, marked by entity.used.
	ents := make([]*entity, 0, len(b.r.ents))
	use := func(e *entity) {
		if !e.used {
			e.used = true
			ents = append(ents, e)
		}
	}
	for _, e := range b.spk {
		use(e)
	}
	for _, pe := range b.edges {
		use(pe.from)
		if pe.to != nil {
			use(pe.to)
		}
	}
	// Affiliations are actors too.
	for i := 0; i < len(ents); i++ {
		for f := ents[i].affil; f != nil && !f.used; f = f.affil {
			use(f)
		}
	}
	for _, e := range ents {
		if e.country != "" {
			for _, al := range b.r.govSeen[e.country] {
				b.r.alias(e, al)
			}
		}
	}
	slices.SortFunc(ents, func(a, b *entity) int { return cmp.Compare(a.order, b.order) }) // orders are distinct
	ids := b.r.ids
	for _, e := range ents {
		if e.source {
			e.id = graph.SourceID(e.name)
		} else {
			e.id = graph.ActorID(e.name)
		}
		if o := ids[e.id]; o != nil && o != e {
			// Two entities with the same canonical name: fold into the first.
			for _, al := range append([]string{e.name}, e.aliases...) {
				b.r.alias(o, al)
			}
			e.id = o.id
			continue
		}
		ids[e.id] = e
	}
	// The actors and sources in one block each, as the claims.
	nsrc := 0
	for _, e := range ents {
		if ids[e.id] == e && e.source {
			nsrc++
		}
	}
	srcMem := make([]graph.Source, 0, nsrc)
	actMem := make([]graph.Actor, 0, len(ents)-nsrc)
	x.Sources = make([]*graph.Source, 0, nsrc)
	x.Actors = make([]*graph.Actor, 0, len(ents)-nsrc)
	for _, e := range ents {
		if ids[e.id] != e {
			continue
		}
		aliases := b.mergeNames(e)
		if e.source {
			srcMem = append(srcMem, graph.Source{ID: e.id, Name: e.name, Kind: e.skind, Aliases: aliases})
			x.Sources = append(x.Sources, &srcMem[len(srcMem)-1])
			continue
		}
		kind := e.kind
		if !kind.Valid() {
			kind = graph.ActorAnonymous
		}
		actMem = append(actMem, graph.Actor{ID: e.id, Name: e.name, Kind: kind, Aliases: aliases, Title: e.title})
		act := &actMem[len(actMem)-1]
		if e.affil != nil && e.affil.id != "" && e.affil.id != e.id && !e.affil.source {
			act.Affiliation = e.affil.id
		}
		x.Actors = append(x.Actors, act)
	}
	for i, c := range b.claims {
		c.Speaker = b.spk[i].id
	}
	store := make([]graph.Edge, 0, len(b.edges))
	x.Edges = make([]*graph.Edge, 0, len(b.edges))
	run := 0 // first edge in store of the current claim
	for i, pe := range b.edges {
		if i == 0 || pe.claim != b.edges[i-1].claim {
			run = len(store)
		}
		ed := graph.Edge{Kind: pe.kind, From: pe.from.id, Claim: pe.claim.ID, Article: b.art}
		if pe.denied != nil && pe.denied != pe.claim {
			ed.Denied = pe.denied.ID
		}
		if pe.toClaim {
			ed.To = pe.claim.ID
		} else {
			ed.To = pe.to.id
			if ed.To == ed.From {
				continue
			}
		}
		// Equal edges have the same claim, and add appends the edges of
		// one claim together: look for a duplicate among them only.
		if slices.Contains(store[run:], ed) {
			continue
		}
		store = append(store, ed)
		x.Edges = append(x.Edges, &store[len(store)-1])
	}
	return x
}

// mergeRoles folds a bare role ("the governor") into the one named person
// of the article who holds it ("Governor Pavel Strand"), when the role was
// met before the name, a role the article introduced a person's name
// with ("a former staffer named Lars Podd"), and a body's leader ("the head of the rules
// committee") into the one person titled as leading it, wherever named.
func (b *builder) mergeRoles() {
	var repl map[*entity]*entity
	intro := b.r.introducedRoles()
	for _, e := range b.r.ents {
		if p := introducedHolder(e, intro); p != nil && p != e {
			// "a fired staffer … a former staffer named Lars Podd".
			if repl == nil {
				repl = map[*entity]*entity{}
			}
			repl[e] = p
			continue
		}
		role := e.kind == graph.ActorAnonymous && e.person && !e.plural && e.affil == nil && e.title != "" && strings.EqualFold(e.name, e.title)
		// "Sanders" read as a plural group before "Bernie Sanders" is met.
		surname := e.kind == graph.ActorGroup && e.affil == nil && len(e.aliases) == 0
		if body := leaderOf(e); body != nil {
			// "the head of the party's rules committee": the one person
			// titled as leading that body ("Rules Committee Chairman").
			if hit := b.r.onlyPerson(func(p *entity) bool { return leadsBody(p, body) }); hit != nil && hit != e {
				if repl == nil {
					repl = map[*entity]*entity{}
				}
				repl[e] = hit
			}
			continue
		}
		if !role && !surname || strings.IndexByte(e.name, ' ') >= 0 {
			continue
		}
		var hit *entity
		n := 0
		for _, p := range b.r.ents {
			if p.kind != graph.ActorPerson || p == e {
				continue
			}
			if role && p.title != "" && strings.EqualFold(lastWord(p.title), e.name) || surname && strings.IndexByte(p.name, ' ') > 0 && strings.EqualFold(lastWord(p.name), e.name) {
				hit = p
				n++
			}
		}
		if n == 1 {
			if repl == nil {
				repl = map[*entity]*entity{}
			}
			repl[e] = hit
		}
	}
	if repl == nil {
		return
	}
	for i, e := range b.spk {
		if p := repl[e]; p != nil {
			b.spk[i] = p
		}
	}
	for i := range b.edges {
		if p := repl[b.edges[i].from]; p != nil {
			b.edges[i].from = p
		}
		if p := repl[b.edges[i].to]; p != nil {
			b.edges[i].to = p
		}
	}
	for _, e := range b.r.ents {
		if p := repl[e.affil]; p != nil && p != e {
			e.affil = p
		}
	}
}

// mergeNames returns the aliases of e that differ from its name and from
// each other (by NameKey), sorted, as graph.MergeNames does.
func (b *builder) mergeNames(e *entity) []string {
	if len(e.aliases) == 0 {
		return nil
	}
	return graph.MergeNamesBy(b.r.key, e.name, e.aliases)
}
