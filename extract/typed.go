package extract

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// This file is the typed stage: after the attributions, it reads every
// sentence for accusations and denials in the forms news uses (verb frames
// with their subject, object and particles; passives; nominal forms such as
// "Exxon's accusation" or "a lawsuit against Remington"; "called X a liar";
// said-clauses whose content charges someone with wrongdoing or rejects a
// charge) and links each denial to the accuser it answers.

// typedHit is one accusation or denial found in a sentence.
type typedHit struct {
	kind       graph.EdgeKind
	from       []*entity
	to         *entity // accused, or the accuser a denial answers; nil when unknown
	cue0, cue1 int     // cue tokens, inclusive
	spk0, spk1 int     // speaker tokens as written, or -1
	con0, con1 int     // content tokens, inclusive, or -1
	obj0, obj1 int     // the accused as written, when a verb's object
	claim      *graph.Claim
	denied     *graph.Claim // the accusation a denial answers
	deniedHit  *typedHit    // or the typed hit of that accusation
	behalf     *entity      // the one a denial speaks for, when not its speaker
}

// typedStage holds the state of the typed pass over one article.
type typedStage struct {
	b    *builder
	d    *doc
	lx   *typedLex
	hits []*typedHit
	// lowerWords holds the words the article writes in lower case
	// (commonWord), read on first use.
	lowerWords map[string]bool
	// nAts is how many claims the attribution stage made: they come first
	// in b.claims, in cue order, so context can search them.
	nAts int
	// sides holds each entity's capitalised name words (sameSide).
	sides map[*entity]map[string]bool
	// byStart lists the attribution claims by content start (claimAround).
	byStart []int
	// taken holds the cue tokens the frames read (cueTaken).
	taken map[int]bool
	// charged holds the entities a passive charge names with no accuser
	// ("the staffer was charged with battery"): accused all the same.
	charged map[*entity]bool
}

// typedEdges runs the typed stage and appends its edges to b.edges.
func (b *builder) typedEdges() {
	ts := &typedStage{b: b, d: b.d, lx: buildTypedLex(), nAts: len(b.claims)}
	for si := range b.d.sents {
		ts.sentence(si)
	}
	ts.contentFrames()
	ts.supersede()
	ts.linkDenials()
	ts.emit()
}

// supersede drops the attribution stage's accusations whose cue a typed
// frame has read: the frame knows the subject and object better ("lawsuits
// being considered in San Diego have accused …").
func (ts *typedStage) supersede() {
	b, d := ts.b, ts.d
	read := map[int]bool{}
	for _, h := range ts.hits {
		if h.kind == graph.EdgeAccuses {
			read[d.toks[h.cue0].start] = true
		}
	}
	out := b.edges[:0]
	for _, pe := range b.edges {
		if pe.kind == graph.EdgeAccuses && (read[pe.claim.CueStart] || ts.typedCue(pe.claim) || junkName(pe.from.name) || junkName(pe.to.name) || !ts.headsActor(pe.from.name)) {
			// Read by a frame, a charge verb the frames declined ("people
			// accused of rape" is no one's accusation), a junk name, or an
			// accuser that names no actor ("an interview").
			continue
		}
		out = append(out, pe)
	}
	b.edges = out
}

// typedCue reports whether a claim's cue is a charge verb of the typed
// lexicon that the frames declined for its form: negated, or a participle
// before a preposition ("people accused of rape").
func (ts *typedStage) typedCue(c *graph.Claim) bool {
	d := ts.d
	i := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].start >= c.CueStart })
	if i >= len(d.toks) || d.toks[i].start != c.CueStart {
		return false
	}
	tf, ok := ts.lx.verbs[d.low(i)]
	if !ok || tf.kind != tkAccuse {
		return false
	}
	s := d.sents[int(d.toks[i].sent)]
	return ts.negated(i, s) || tf.particle == "" && !tf.thatObj && d.is(i+1, wPrep) && d.low(i+1) != "against"
}

// sentence reads the verb and noun frames of sentence si.
func (ts *typedStage) sentence(si int) {
	d := ts.d
	s := d.sents[si]
	for i := s.a; i < s.b; i++ {
		t := &d.toks[i]
		if t.kind != tWord {
			continue
		}
		info := ts.lx.info[t.low]
		if info&tiPlea != 0 && int(t.inq) < 0 {
			if h := ts.pleaFrame(i, s); h != nil {
				ts.hits = append(ts.hits, h)
				continue
			}
		}
		if info&tiFace != 0 && punishedPassive[t.low] {
			if ts.passiveAux(i, s) {
				ts.chargedSubject(i, s) // "Schilling was fired from the network"
			}
		} else if info&tiFace != 0 && ts.facesCharge(i, s) {
			ts.chargedSubject(i, s)
			continue
		}
		if t.low == "critic" && int(t.inq) < 0 {
			if h := ts.criticFrame(i, s); h != nil {
				ts.hits = append(ts.hits, h)
				continue
			}
		}
		if info&(tiVerb|tiDemand|tiNoun) == 0 {
			continue
		}
		if tf, ok := ts.lx.verbs[t.low]; ok && !ts.nounUse(i, s) {
			if h := ts.verbFrame(i, tf, s); h != nil {
				ts.hits = append(ts.hits, h)
				ts.hits = append(ts.hits, ts.moreTargets(h, s)...)
				continue
			}
		}
		if info&tiDemand != 0 {
			if h := ts.demandFrame(i, s); h != nil {
				ts.hits = append(ts.hits, h)
				continue
			}
		}
		if int(t.inq) < 0 && info&tiNoun != 0 {
			if h := ts.nounFrame(i, s); h != nil {
				ts.hits = append(ts.hits, h)
			}
		}
	}
}

// criticFrame reads a description of someone as a critic of another:
// "Ruiz, a frequent critic of Hale, said …", "Ruiz has long been a vocal
// critic of Hale". The critic is the noun phrase the description stands
// beside or describes; the one criticised follows "of".
func (ts *typedStage) criticFrame(i int, s sentence) *typedHit {
	d := ts.d
	if d.low(i+1) != "of" {
		return nil
	}
	z := d.npRight(i+2, s.b)
	if z < 0 {
		return nil
	}
	ts.context(i + 2)
	to := ts.target(i+2, z)
	if to == nil {
		return nil
	}
	// Back over the description's modifiers to its article.
	j := i - 1
	for j > s.a && j > i-5 && d.toks[j].kind == tWord && !d.toks[j].upper && !d.is(j, wDet) {
		j--
	}
	if !d.is(j, wDet) || d.low(j) == "the" {
		return nil // "a critic of": one among others, said of someone
	}
	var from []*entity
	var a, e int
	switch p := j - 1; {
	case p > s.a && d.low(p) == ",":
		// "Ruiz, a critic of Hale,": the phrase before the comma
		if a = d.npLeft(p-1, s.a); a < 0 {
			return nil
		}
		e = p - 1
		ts.context(a)
		if f := ts.resolve(a, e); f != nil {
			from = []*entity{f}
		}
	case p >= s.a && isBe(d.low(p)):
		// "Ruiz has long been a vocal critic of Hale"
		from, a, e = ts.subject(p, false, s)
		if w := p - 1; w > s.a && d.low(w) == "who" {
			// "Jorge Castañeda, a former minister who is a critic of
			// …": the name the description stands beside.
			if n, na, ne := ts.namedBeside(w-1, s); n != nil {
				from, a, e = []*entity{n}, na, ne
			}
		}
	default:
		return nil
	}
	if len(from) == 0 || from[0] == to || from[0].source {
		return nil
	}
	return &typedHit{kind: graph.EdgeAccuses, from: from, to: to, cue0: i, cue1: i, spk0: a, spk1: e, con0: -1, con1: -1}
}

// namedBeside returns the named person or body that the description
// ending at token k stands beside ("Jorge Castañeda, a former foreign
// minister"), with its span, or nil.
func (ts *typedStage) namedBeside(k int, s sentence) (*entity, int, int) {
	d := ts.d
	for c := k; c > s.a && c > k-8; c-- {
		if d.toks[c].low != "," {
			continue
		}
		if !d.is(c+1, wDet) || d.toks[c+1].upper {
			return nil, -1, -1
		}
		a := d.npLeft(c-1, s.a)
		if a < 0 || !d.toks[a].upper {
			return nil, -1, -1
		}
		ts.context(a)
		if e := ts.resolve(a, c-1); e != nil && !e.source {
			return e, a, c - 1
		}
		return nil, -1, -1
	}
	return nil, -1, -1
}

// facesCharge reports whether the verb at i ("faces", "facing") takes a
// charge for object: "faces one misdemeanor count of battery", "is facing
// fraud charges".
func (ts *typedStage) facesCharge(i int, s sentence) bool {
	d := ts.d
	for j := i + 1; j < s.b && j <= i+5; j++ {
		w := d.low(j)
		if ts.lx.accNouns[w] || w == "count" || w == "counts" || w == "indictment" {
			return true
		}
		if !d.word(j) || d.is(j, wPrep) && w != "of" {
			return false
		}
	}
	return false
}

// emit gives every hit a claim (the attribution's, one with the same cue,
// or a new one for the sentence) and appends its edges.
func (ts *typedStage) emit() {
	b := ts.b
	ts.keepActors()
	// Claims first: a denial's Denied may name an accusation's claim.
	for _, h := range ts.hits {
		if h.claim == nil {
			h.claim = ts.claimFor(h)
		}
	}
	for _, h := range ts.hits {
		if h.denied == nil && h.deniedHit != nil {
			h.denied = h.deniedHit.claim
		}
	}
	have := map[edgeKey]bool{}
	for _, pe := range b.edges {
		have[edgeKey{pe.kind, pe.from, pe.to, pe.claim}] = true
	}
	for _, h := range ts.hits {
		for _, f := range h.from {
			if pe, ok := ts.hitEdge(h, f); ok && !have[edgeKey{pe.kind, pe.from, pe.to, pe.claim}] {
				have[edgeKey{pe.kind, pe.from, pe.to, pe.claim}] = true
				b.edges = append(b.edges, pe)
			}
		}
	}
}

// edgeKey identifies an edge before IDs: equal keys are one edge.
type edgeKey struct {
	kind     graph.EdgeKind
	from, to *entity
	claim    *graph.Claim
}

// hitEdge returns the edge a hit draws from actor f, and false when it
// draws none: from a non-document source, to itself or to an agency, or an
// accusation of no one.
func (ts *typedStage) hitEdge(h *typedHit, f *entity) (pendingEdge, bool) {
	// Accusations and denials join actors: a document ("the lawsuit
	// alleges …") acts through its author, or stands for its unnamed
	// authors when the article names none.
	from, to := ts.docActor(ts.documentWriter(f, h.cue0)), ts.docActor(h.to)
	pe := pendingEdge{kind: h.kind, from: from, to: to, claim: h.claim, denied: h.denied}
	switch {
	case from == nil:
		return pe, false
	case to == nil && h.kind == graph.EdgeDenies:
		pe.toClaim = true // no accuser to name: the denial is of the claim
		return pe, true
	case to == nil || to == from:
		return pe, false
	}
	return pe, true
}

// documentWriter returns, for a document with no author of its own that
// speaks at token i ("The letter also accuses …"), the actor who the
// sentences just before say wrote or sent one ("the company wrote a
// six-page letter", "Exxon contended in its letter"); else e.
func (ts *typedStage) documentWriter(e *entity, i int) *entity {
	if e == nil || !e.source || e.skind != graph.SourceDocument || e.affil != nil && !e.affil.source {
		return e
	}
	d := ts.d
	head := strings.ToLower(e.name[strings.LastIndexByte(e.name, ' ')+1:])
	si := int(d.toks[i].sent)
	if o := ts.madeBy(head, d.sents[si].a, i); o != nil {
		return o // "A lawsuit filed by Maria Ruiz accuses …"
	}
	for k := si - 1; k >= 0 && k >= si-8; k-- {
		s := d.sents[k]
		for j := s.b - 1; j >= s.a; j-- {
			if d.low(j) != head || d.toks[j].upper {
				continue
			}
			st := d.npLeft(j, s.a)
			if st >= 0 && d.low(st) == "its" {
				if o := ts.nameBefore(st, s.a); o != nil {
					return o // "Exxon contended in its letter"
				}
			}
			if f, _, _ := ts.documentAuthor(j, s); len(f) == 1 && !f[0].source {
				return f[0] // "the company wrote a letter"
			}
		}
	}
	return e
}

// madeBy returns the actor a passive names as the maker of a document
// with head noun head, in tokens [a, i): "a lawsuit filed by Maria Ruiz",
// "the report written by the committee"; else nil.
func (ts *typedStage) madeBy(head string, a, i int) *entity {
	d := ts.d
	for j := a; j+2 < i; j++ {
		if d.low(j) != head || !madeWords[d.low(j+1)] && d.low(j+1) != "written" && d.low(j+1) != "sent" && d.low(j+1) != "issued" || d.low(j+2) != "by" {
			continue
		}
		z := d.npRight(j+3, i)
		if z < 0 {
			return nil
		}
		ts.context(j + 3)
		if o := ts.resolve(j+3, z); o != nil && !o.source {
			return o
		}
		return nil
	}
	return nil
}

// nameBefore returns the last organisation or government named in tokens
// [a, i), or nil.
func (ts *typedStage) nameBefore(i, a int) *entity {
	d := ts.d
	for j := i - 1; j >= a; j-- {
		if !d.toks[j].upper || d.toks[j].kind != tWord {
			continue
		}
		st := d.npLeft(j, a)
		if st < 0 {
			continue
		}
		ts.context(st)
		if o := ts.resolve(st, j); o != nil && !o.source && !o.person && (o.kind == graph.ActorOrganization || o.kind == graph.ActorGovernment) {
			return o
		}
		j = st
	}
	return nil
}

// docActor returns the actor that e stands for in an accusation or a
// denial: e itself when it is an actor; for a document, its author, or
// when the article names none an unnamed actor called by the document's
// name ("a congressional report accused the FDIC …": whoever wrote the
// report accuses, and readers know them by it); nil for any other source.
func (ts *typedStage) docActor(e *entity) *entity {
	if e == nil || !e.source {
		return e
	}
	if e.skind != graph.SourceDocument {
		return nil
	}
	if e.affil != nil && !e.affil.source {
		return e.affil
	}
	r := ts.b.r
	if i := strings.LastIndexByte(e.name, ' '); i > 0 && e.name[0] >= 'A' && e.name[0] <= 'Z' {
		// "a Donald Trump tweet": the name before the noun is its author.
		if o := r.byKey[r.key(e.name[:i])]; o != nil && !o.source && o != e {
			return o
		}
	}
	a := r.get("doc:"+e.name, e.name, graph.ActorAnonymous)
	if a.aliases == nil {
		a.aliases = slices.Clone(e.aliases)
	}
	return a
}

// keepActors drops the hits that name anything but actors (a junk phrase,
// a day, "interview"); one with no actor for speaker but a cue of its own
// ("the choice was between going after Trump as unfit") keeps its claim,
// spoken by no one named, and draws no edge.
func (ts *typedStage) keepActors() {
	b := ts.b
	kept := ts.hits[:0]
	for _, h := range ts.hits {
		var from []*entity // a new slice: hits split from one share theirs
		for _, f := range h.from {
			if ts.actorEntity(f) {
				from = append(from, f)
			}
		}
		h.from = from
		if len(from) > 0 && (h.to == nil || ts.actorEntity(h.to)) {
			kept = append(kept, h)
		} else if len(from) == 0 && h.claim == nil && h.spk0 < 0 {
			anon := b.r.get("anon:unnamed", "unnamed source", graph.ActorAnonymous)
			anon.person = false
			h.from = []*entity{anon}
			ts.claimFor(h)
		}
	}
	ts.hits = kept
}

// claimFor returns the claim of a hit: the claim whose cue is the hit's
// cue, else a new claim of the sentence, spoken by the hit's first actor.
func (ts *typedStage) claimFor(h *typedHit) *graph.Claim {
	b, d := ts.b, ts.d
	cs, ce := d.toks[h.cue0].start, d.toks[h.cue1].end
	if c := ts.claimWithCue(cs); c != nil {
		return c
	}
	if c := ts.claimAround(cs, ce); c != nil {
		// A charge inside what someone said ("Johnson says hackers are
		// taking aim at officials") is read from that claim.
		return c
	}
	si := int(d.toks[h.cue0].sent)
	s := d.sents[si]
	c0, c1 := h.con0, h.con1
	if c0 < 0 {
		c0, c1 = h.cue1+1, ts.clauseEnd(h.cue1+1, s)
		if c0 >= s.b || c1 < c0 {
			c0, c1 = s.a, s.b-1
		}
	}
	start, end := d.toks[c0].start, d.toks[c1].end
	if start >= end {
		start, end = s.start, s.end
	}
	key := claimAt{start, end, cs}
	if b.seen[key] {
		for _, c := range b.claims {
			if c.Start == start && c.End == end && c.CueStart == cs {
				return c
			}
		}
	}
	b.seen[key] = true
	c := &graph.Claim{
		ID: graph.ClaimID(b.art, start, end, cs), Article: b.art,
		Text: d.text[start:end], Start: start, End: end,
		Sentence: d.text[s.start:s.end],
		Cue:      d.text[cs:ce], CueStart: cs, CueEnd: ce,
	}
	if h.spk0 >= 0 && h.spk1 >= h.spk0 {
		a, z := d.toks[h.spk0].start, d.toks[h.spk1].end
		c.SpeakerStart, c.SpeakerEnd = &a, &z
	}
	b.claims = append(b.claims, c)
	b.spk = append(b.spk, h.from[0])
	b.ats = append(b.ats, nil)
	b.edges = append(b.edges, pendingEdge{kind: graph.EdgeSays, from: h.from[0], toClaim: true, claim: c})
	return c
}

// claimWithCue returns the claim whose cue starts at or covers byte cs: an
// attribution's (found by bisection, they are in cue order) or one the
// typed stage made.
func (ts *typedStage) claimWithCue(cs int) *graph.Claim {
	b := ts.b
	k := sort.Search(ts.nAts, func(i int) bool { return b.claims[i].CueStart > cs }) - 1
	for ; k >= 0 && b.claims[k].CueStart == cs; k-- {
		if k == 0 || b.claims[k-1].CueStart != cs {
			return b.claims[k] // the first of equal cues, as a scan would find
		}
	}
	if k >= 0 && cs < b.claims[k].CueEnd {
		// A cue of several words covering cs: the first such in order.
		for j := 0; j <= k; j++ {
			if c := b.claims[j]; c.CueStart <= cs && cs < c.CueEnd {
				return c
			}
		}
	}
	for _, c := range b.claims[ts.nAts:] {
		if c.CueStart <= cs && cs < c.CueEnd || c.CueStart == cs {
			return c
		}
	}
	return nil
}

// claimAround returns the first attribution claim (in cue order) whose
// content holds the bytes [cs, ce), or nil.
func (ts *typedStage) claimAround(cs, ce int) *graph.Claim {
	if ci := ts.claimIndexAround(cs, ce); ci >= 0 {
		return ts.b.claims[ci]
	}
	return nil
}

// claimIndexAround returns the index in b.claims of claimAround's claim, or
// -1. Contents are short and seldom nested, so it looks only at the claims
// whose content starts shortly before cs.
func (ts *typedStage) claimIndexAround(cs, ce int) int {
	b := ts.b
	if ts.byStart == nil {
		ts.byStart = make([]int, ts.nAts)
		for i := range ts.byStart {
			ts.byStart[i] = i
		}
		slices.SortStableFunc(ts.byStart, func(x, y int) int { return cmp.Compare(b.claims[x].Start, b.claims[y].Start) })
	}
	k := sort.Search(len(ts.byStart), func(i int) bool { return b.claims[ts.byStart[i]].Start > cs }) - 1
	best := -1
	for n := 0; k >= 0 && n < 64; k, n = k-1, n+1 {
		if ci := ts.byStart[k]; b.claims[ci].End >= ce && (best < 0 || ci < best) {
			best = ci
		}
	}
	return best
}
