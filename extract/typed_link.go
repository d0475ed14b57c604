package extract

import (
	"sort"

	"github.com/claimgraph/claimgraph/graph"
)

// This file links each denial to the accuser and accusation it answers.

// accusation is one accusation a denial may answer: an edge of the
// attribution stage, with its claim, or a typed hit, once per accuser.
type accusation struct {
	from, to *entity
	at       int // byte offset of the cue
	claim    *graph.Claim
	hit      *typedHit
}

// linkDenials gives each denial without a named accuser the one its
// article names: the last accusation of the denier (or of its side) before
// it, else the first after it, else the last accuser before it.
func (ts *typedStage) linkDenials() {
	accs := ts.accusations()
	for _, h := range ts.hits {
		if h.kind != graph.EdgeDenies || h.to != nil {
			continue
		}
		den := h.from[0]
		if o := ts.fabricatedBy(h, den); o != nil {
			// "called the charges fabricated by disgruntled former
			// employees": the ones it says made them up.
			h.to = o
			continue
		}
		if o := ts.sentenceChargeOwner(h, den); o != nil {
			// "pushed back on those charges … amid Trump's accusations
			// that …": the sentence names whose charges they are.
			h.to = o
			continue
		}
		at := ts.d.toks[h.cue0].start
		near := ts.nearAccusations(accs, at)
		r := denialRanker{ts: ts, accs: near, den: den, behalf: h.behalf, recent: ts.demonstrative(h), named: ts.namedIn(h)}
		best := r.answered(at)
		if best < 0 || !r.named[near[best].from] {
			// "Lewandowski said he had never touched Fields", with Fields
			// quoted in the article: her account is the one answered, not
			// a charge the denial does not name.
			if e := namedOther(r.named, den); e != nil && e.person && ts.spokeBefore(e, h.cue0) && !ts.ownSide(den, e) {
				h.to = e
				continue
			}
		}
		if best < 0 && ts.accused(den) {
			// Charged, but by no one the article quotes: the one the denial
			// names answers ("he never touched Fields": her account).
			if e := namedOther(r.named, den); e != nil {
				h.to = e
				continue
			}
		}
		if best < 0 {
			// No accusation: the last other named speaker shortly before,
			// whose statement the denial answers ("X said …; Y denied the
			// claims").
			if e, c := ts.lastOtherSpeaker(den, h.cue0); e != nil {
				h.to, h.denied = e, c
			}
			continue
		}
		h.to = near[best].from
		h.deniedHit, h.denied = near[best].hit, near[best].claim
	}
	ts.nameDeniedClaims(accs)
}

// sentenceChargeOwner returns the owner of the one charge the denial's
// sentence names by a possessive ("Trump's accusations", "Exxon's
// claims") other than the denier and its side, or nil.
func (ts *typedStage) sentenceChargeOwner(h *typedHit, den *entity) *entity {
	d := ts.d
	s := d.sents[int(d.toks[h.cue0].sent)]
	var owner *entity
	for j := s.a + 1; j+1 < s.b; j++ {
		w := d.low(j + 1)
		if !d.possessive(j) || !ts.lx.accNouns[w] && !ts.lx.claimNouns[w] || !d.toks[j-1].upper {
			continue
		}
		st := d.ownerStart(j, s.a)
		if st < 0 {
			continue
		}
		ts.context(st)
		o := ts.resolveTarget(st, j-1)
		if o == nil || o == den || ts.ownSide(den, o) {
			continue
		}
		if owner != nil && owner != o {
			return nil
		}
		owner = o
	}
	return owner
}

// spokeBefore reports whether the article quotes e before token i.
func (ts *typedStage) spokeBefore(e *entity, i int) bool {
	b := ts.b
	for k := 0; k < ts.nAts; k++ {
		if at := b.ats[k]; at != nil && b.spk[k] == e && at.cue0 < i {
			return true
		}
	}
	return false
}

// fabricatedBy returns the agent a denial names as the maker of what it
// denies ("fabricated by former employees", "made up by his rivals"), or
// nil.
func (ts *typedStage) fabricatedBy(h *typedHit, den *entity) *entity {
	d := ts.d
	if h.con0 < 0 {
		return nil
	}
	for j := h.con0; j < h.con1 && j+1 < len(d.toks); j++ {
		w := d.low(j)
		by := j + 1
		if w == "made" && d.low(j+1) == "up" {
			by = j + 2
		} else if !fabricationWord(w) {
			continue
		}
		if d.low(by) != "by" {
			continue
		}
		s := d.sents[int(d.toks[j].sent)]
		z := d.npRight(by+1, s.b)
		if z < 0 {
			return nil
		}
		ts.context(by + 1)
		if e := ts.resolveTarget(by+1, z); e != nil && e != den && !ts.ownSide(den, e) {
			return e
		}
		return nil
	}
	return nil
}

// namedOther returns the first-introduced entity of named other than den,
// or nil.
func namedOther(named map[*entity]bool, den *entity) *entity {
	var best *entity
	for e := range named {
		if e != den && e.affil != den && den.affil != e && (best == nil || e.order < best.order) {
			best = e
		}
	}
	return best
}

// linkWindow is how far, in bytes, a denial looks for the accusation it
// answers: a long article (a book, a transcript) is not one story.
const linkWindow = 30000

// nearAccusations returns the accusations within linkWindow bytes of at,
// in their order (all of them in a news article).
func (ts *typedStage) nearAccusations(accs []accusation, at int) []accusation {
	first, last := -1, -1
	for k, a := range accs {
		if a.at > at-linkWindow && a.at < at+linkWindow {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	if first == 0 && last == len(accs)-1 {
		return accs
	}
	var out []accusation
	for _, a := range accs {
		if a.at > at-linkWindow && a.at < at+linkWindow {
			out = append(out, a)
		}
	}
	return out
}

// accusations returns the article's accusations: the attribution stage's
// edges, then the typed hits.
func (ts *typedStage) accusations() []accusation {
	var accs []accusation
	for _, pe := range ts.b.edges {
		if pe.kind == graph.EdgeAccuses {
			accs = append(accs, accusation{from: pe.from, to: pe.to, at: pe.claim.CueStart, claim: pe.claim})
		}
	}
	for _, h := range ts.hits {
		if h.kind == graph.EdgeAccuses {
			for _, f := range h.from {
				accs = append(accs, accusation{from: f, to: h.to, at: ts.d.toks[h.cue0].start, hit: h})
			}
		}
	}
	return accs
}

// aimsAt reports whether accusation a is aimed at e: at e itself, at its
// body or a member of it, or, between bodies, at e's side.
func (ts *typedStage) aimsAt(a accusation, e *entity) bool {
	return e != nil && a.to != nil && (a.to == e || a.to.affil == e || e.affil == a.to || !a.to.person && !e.person && ts.sameSide(e, a.to))
}

// sameSide is sameSide with each entity's name words read once, so that
// ranking the charges of a long article stays cheap.
func (ts *typedStage) sameSide(spk, t *entity) bool {
	if spk.affil == t || t.affil == spk {
		return true
	}
	if ts.sides == nil {
		ts.sides = make(map[*entity]map[string]bool)
	}
	words, ok := ts.sides[spk]
	if !ok {
		words = sideWords(spk)
		ts.sides[spk] = words
	}
	return sharesWord(words, t)
}

// denialRanker chooses among accs the accusation a denial by den, for
// itself or on behalf of another, answers.
type denialRanker struct {
	ts          *typedStage
	accs        []accusation
	den, behalf *entity
	counts      map[*entity]int // accusations aimed at den (or behalf) by accuser, filled once
	totals      map[*entity]int // all accusations by accuser, filled once
	// recent: the denial points back ("pushed back on those charges"), so
	// the nearest charge wins over the most frequent accuser.
	recent bool
	// named holds the people the denial itself names ("he never touched
	// Fields"): an accuser among them is the one answered.
	named map[*entity]bool
}

// answered returns the index of the accusation a denial whose cue is at
// byte at answers, or -1: the best one aimed at the denier before the
// denial, else the best one after it, else the best charge before it by
// anyone not of the denier's side.
func (r *denialRanker) answered(at int) int {
	best := -1
	for k, a := range r.accs {
		if a.at < at && r.aimed(a) && a.from != r.den && r.better(k, best, true) {
			best = k
		}
	}
	if best >= 0 {
		return best
	}
	for k, a := range r.accs {
		if a.at > at && r.aimed(a) && a.from != r.den && r.better(k, best, false) {
			best = k
		}
	}
	if best >= 0 {
		return best
	}
	for k, a := range r.accs {
		if a.at < at && a.from != r.den && !r.ts.ownSide(r.den, a.from) && r.better(k, best, true) {
			best = k
		}
	}
	return best
}

// aimed reports whether a is aimed at the denier or at the one the denier
// speaks for ("Lewandowski is innocent," said Hicks).
func (r *denialRanker) aimed(a accusation) bool {
	return r.ts.aimsAt(a, r.den) || r.ts.aimsAt(a, r.behalf)
}

// better reports whether accusation k ranks above accusation than (-1 for
// none). A named accuser ranks above a description ("Podliska" above "a
// former staffer"); then the one who accused the denier most often, the
// main accuser of the story rather than the last to repeat the charge;
// then, at the same rank, the later one when later is set, else the
// earlier.
func (r *denialRanker) better(k, than int, later bool) bool {
	if than < 0 {
		return true
	}
	a, b := r.accs[k], r.accs[than]
	if ma, mb := r.named[a.from], r.named[b.from]; ma != mb {
		return ma
	}
	if na, nb := named(a.from), named(b.from); na != nb {
		return na
	}
	if ca, cb := r.count(a.from), r.count(b.from); ca != cb && !r.recent {
		return ca > cb
	}
	if ta, tb := r.total(a.from), r.total(b.from); ta != tb && !r.recent {
		// Between charges aimed elsewhere, the article's main accuser.
		return ta > tb
	}
	return later == (a.at > b.at)
}

// count returns how many of the accusations e makes are aimed at the
// denier or the one it speaks for.
func (r *denialRanker) count(e *entity) int {
	if r.counts == nil {
		// One pass for the denial, not one per comparison: an article with
		// thousands of charges stays linear.
		r.counts = make(map[*entity]int)
		for _, a := range r.accs {
			if r.aimed(a) {
				r.counts[a.from]++
			}
		}
	}
	return r.counts[e]
}

// total returns how many accusations of accs e makes, whoever they aim at.
func (r *denialRanker) total(e *entity) int {
	if r.totals == nil {
		r.totals = make(map[*entity]int)
		for _, a := range r.accs {
			r.totals[a.from]++
		}
	}
	return r.totals[e]
}

// nameDeniedClaims gives each denial whose accuser the sentence names
// ("rejected Exxon's accusation") and that no accusation answers yet one
// of that accuser's charges against the denier: the last before the
// denial, unless the first found comes after it.
func (ts *typedStage) nameDeniedClaims(accs []accusation) {
	for _, h := range ts.hits {
		if h.kind != graph.EdgeDenies || h.to == nil || h.denied != nil || h.deniedHit != nil {
			continue
		}
		at := ts.d.toks[h.cue0].start
		best := -1
		for k, a := range accs {
			if a.from == h.to && ts.aimsAt(a, h.from[0]) && (best < 0 || a.at < at && a.at > accs[best].at) {
				best = k
			}
		}
		if best >= 0 {
			h.deniedHit, h.denied = accs[best].hit, accs[best].claim
		}
	}
}

// named reports whether e has a proper name, not only a description.
func named(e *entity) bool {
	return e != nil && e.name != "" && e.name[0] >= 'A' && e.name[0] <= 'Z'
}

// lastOtherSpeaker returns the speaker of the last claim before token i,
// within three sentences, that is a named actor other than den and not of
// its side, with that claim.
func (ts *typedStage) lastOtherSpeaker(den *entity, i int) (*entity, *graph.Claim) {
	b, d := ts.b, ts.d
	si := int(d.toks[i].sent)
	// The attribution claims come first, in cue order: start at the last
	// one before i.
	at0 := d.toks[i].start
	for k := sort.Search(ts.nAts, func(n int) bool { return b.claims[n].CueStart >= at0 }) - 1; k >= 0; k-- {
		at := b.ats[k]
		if at == nil || at.cue0 >= i {
			continue
		}
		if si-int(d.toks[at.cue0].sent) > 3 {
			break
		}
		e := b.spk[k]
		if e == nil || e == den || e.source || e.kind == graph.ActorAnonymous || ts.ownSide(den, e) {
			continue
		}
		return e, b.claims[k]
	}
	return nil, nil
}

// demonstrative reports whether a denial's object points back to a charge
// just made: "those charges", "these accusations", "that claim".
func (ts *typedStage) demonstrative(h *typedHit) bool {
	d := ts.d
	if h.con0 < 0 {
		return false
	}
	switch d.low(h.con0) {
	case "these", "those", "this", "that", "such":
		return ts.lx.claimNouns[d.low(h.con0+1)] || ts.lx.accNouns[d.low(h.con0+1)]
	}
	return false
}

// namedIn returns the entities a denial's content names by a capitalised
// word that the article already resolved ("he had never touched Fields").
func (ts *typedStage) namedIn(h *typedHit) map[*entity]bool {
	d, r := ts.d, ts.b.r
	if h.con0 < 0 {
		return nil
	}
	var out map[*entity]bool
	for j := h.con0; j <= h.con1 && j < len(d.toks); j++ {
		t := &d.toks[j]
		if t.kind != tWord || !t.upper || j == d.sents[int(t.sent)].a {
			continue
		}
		if e := r.byKey[r.key(t.low)]; e != nil {
			if out == nil {
				out = map[*entity]bool{}
			}
			out[e] = true
		}
	}
	return out
}
