package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// This file holds the typed stage's frames: a verb with its subject,
// object and particles ("accused X of", "pushed back on"), passives,
// labels ("called X a liar"), demands and nominal charges ("Exxon's
// accusation", "a lawsuit against X").

// nounUse reports whether a verb-like word at i is used as a noun: after
// a determiner, a possessive or an adjective ("the charge", "his attack").
func (ts *typedStage) nounUse(i int, s sentence) bool {
	d := ts.d
	if i == s.a {
		return false
	}
	p := d.low(i - 1)
	if d.is(i-1, wDet) && !d.is(i-1, wPron) || p == "'s" || isPossessiveDet(p) || p == "of" || p == "and" && ts.lx.nouns[d.low(i)] {
		return true
	}
	if d.toks[i].upper && i > s.a {
		return true // part of a name or title
	}
	return false
}

// negated reports whether the verb at i is negated ("did not deny", "never
// blamed"): a negation among the few auxiliaries and adverbs before it.
func (ts *typedStage) negated(i int, s sentence) bool {
	return ts.d.negatedAt(i, s.a)
}

// negatedAt reports whether a negation stands among the auxiliaries and
// adverbs just before token i (not before token a).
func (d *doc) negatedAt(i, a int) bool {
	if p := i - 1; p-1 >= a && d.low(p) == "to" && refusals[d.low(p-1)] {
		return true // "unable to accuse", "refused to blame", "declined to criticize"
	}
	if w := d.low(i - 1); i-1 > a && (w == "and" || w == "or") {
		// "will be unable to turn the crowds against them and accuse
		// the audience": the refusal governs both verbs.
		for p := i - 2; p-1 >= a && p > i-14 && d.toks[p].kind == tWord; p-- {
			if d.low(p) == "to" && refusals[d.low(p-1)] {
				return true
			}
		}
	}
	for k := i - 1; k >= a && k >= i-4; k-- {
		if d.is(k, wNeg) || d.low(k) == "n't" || strings.HasSuffix(d.low(k), "n't") {
			return true
		}
		if !(d.is(k, wAux|wAdv) || d.isLyAdverb(k)) {
			return false
		}
	}
	return false
}

// refusals before "to" keep the verb after them from happening.
var refusals = map[string]bool{"unable": true, "refused": true, "refuses": true, "refuse": true, "declined": true, "declines": true, "decline": true, "reluctant": true, "loath": true}

// passiveAux reports whether a form of "be" (or "get") governs the
// participle at i: "was accused", "has been criticized".
func (ts *typedStage) passiveAux(i int, s sentence) bool {
	d := ts.d
	for k := i - 1; k >= s.a && k >= i-4; k-- {
		switch d.low(k) {
		case "is", "are", "was", "were", "be", "been", "being", "get", "got", "gets", "getting":
			return true
		}
		if !(d.is(k, wAdv|wNeg) || d.isLyAdverb(k)) {
			return false
		}
	}
	return false
}

// conditionalAt reports whether the clause whose subject starts at token
// a (not before token sa) is a condition or a supposition: "if",
// "unless" or "whether" opens it.
func (d *doc) conditionalAt(a, sa int) bool {
	for k := a - 1; k >= sa && k >= a-3; k-- {
		switch d.low(k) {
		case "if", "unless", "whether":
			return true
		}
		if !d.is(k, wDet) && d.toks[k].kind == tWord {
			return false
		}
	}
	return false
}

// verbFrame reads the frame of a typed verb at i: after the checks that
// the verb is used actively with its particles, the subject that acts,
// then the object as its kind reads it.
func (ts *typedStage) verbFrame(i int, tf typedForm, s sentence) *typedHit {
	if ts.negated(i, s) {
		return nil
	}
	if tf.part && ts.passiveAux(i, s) {
		if !tf.passive || tf.kind != tkAccuse {
			return nil
		}
		return ts.passive(i, s)
	}
	if ts.modifierUse(i, tf, s) {
		return nil
	}
	if tf.lemma == "hit" && ts.d.low(i+1) != "out" && ts.followedBy(i+1, s, "with") {
		tf.particle = "" // "has been hitting Clinton with ads"
	}
	k := ts.afterParticle(i, tf, s)
	if k < 0 {
		return nil
	}
	from, sp0, sp1 := ts.subject(i, tf.ing, s)
	if len(from) == 0 && !(tf.ing && tf.kind == tkAccuse && ts.d.is(i-1, wPrep)) {
		return nil
	}
	if sp0 >= 0 && ts.d.conditionalAt(sp0, s.a) {
		return nil // "if the I.R.S. sues a sitting president": imagined
	}
	// An -ing charge after a preposition with no actor for subject ("the
	// choice was between going after Trump as unfit") goes on without one:
	// the stage keeps its claim and draws no edge (emit).
	h := &typedHit{from: from, cue0: i, cue1: k - 1, spk0: sp0, spk1: sp1, con0: -1, con1: -1}
	if k-1 < i {
		h.cue1 = i
	}
	switch tf.kind {
	case tkAccuse:
		return ts.accuseObject(k, tf, h, s)
	case tkDeny:
		return ts.denyObject(i, k, tf, h, s)
	case tkLabel:
		return ts.label(i, k, h, s)
	case tkSay:
		return ts.sayFrame(i, k, h, s)
	}
	return h
}

// modifierUse reports whether the verb at i, though active in form, is a
// participle that modifies a noun ("the charges filed by …") or a charge
// verb read as a passive without its auxiliary ("people accused of
// rape", "FDIC Accused Of Covering Up"): no frame of its own.
func (ts *typedStage) modifierUse(i int, tf typedForm, s sentence) bool {
	d := ts.d
	if tf.part && !tf.ing && i > s.a && d.nounish(i-1, s.a) && d.low(i+1) == "by" {
		return true
	}
	// A charge verb takes its object first, so a preposition here is a
	// passive.
	return tf.kind == tkAccuse && tf.particle == "" && !tf.thatObj && d.is(i+1, wPrep) && d.low(i+1) != "against"
}

// afterParticle returns the first token of the object of the verb at i,
// past its particle and the preposition that follows the particle ("lashed
// out at", "pushed back on") and any -ly adverbs, or -1 when the particle
// or a preposition the verb requires is missing.
func (ts *typedStage) afterParticle(i int, tf typedForm, s sentence) int {
	d := ts.d
	k := i + 1
	if tf.particle == "" {
		if tf.lemma == "disagree" {
			return -1
		}
		return ts.skipLyAdverbs(k, s)
	}
	for k < s.b && d.isLyAdverb(k) {
		k++ // "disagree strongly with"
	}
	if tf.lemma == "defend" && d.low(k) != tf.particle {
		// "defended himself against accusations of racism"
		if o := d.npRight(k, s.b); o >= 0 && o < k+4 {
			k = o + 1
		}
	}
	if !oneOf(d.low(k), strings.Split(tf.particle, "/")) {
		return -1
	}
	k++
	if preps, ok := particlePreps[tf.lemma]; ok && !oneOf(d.low(k), preps) {
		return -1
	}
	if particleObjectPreps[d.low(k)] {
		k++
	}
	return ts.skipLyAdverbs(k, s)
}

// skipLyAdverbs returns the first token from k, within the sentence, that
// is not an -ly adverb.
func (ts *typedStage) skipLyAdverbs(k int, s sentence) int {
	for k < s.b && ts.d.isLyAdverb(k) {
		k++
	}
	return k
}

// particlePreps are the prepositions one of which must follow the
// particle of these lemmas: "took aim at", "hit out at/against", "lashed
// out at/against", "pushed back on/against", "fired back at".
var particlePreps = map[string][]string{
	"take": {"at"}, "hit": {"at", "against"}, "lash": {"at", "against"}, "push": {"on", "against"}, "fire": {"at"},
}

// particleObjectPreps introduce the object after a particle: "lashed out
// at Hale".
var particleObjectPreps = map[string]bool{"at": true, "against": true, "on": true}

// oneOf reports whether w is one of ws.
func oneOf(w string, ws []string) bool {
	for _, x := range ws {
		if w == x {
			return true
		}
	}
	return false
}

// accuseObject completes an accusation from the object at k: the accused
// is the object noun phrase (or with thatObj a that-clause's subject), else
// the agent of the wrong it names ("alleges defamation by Clinton"). It
// returns nil when a reason the verb needs is missing or no one is
// accused.
func (ts *typedStage) accuseObject(k int, tf typedForm, h *typedHit, s sentence) *typedHit {
	d := ts.d
	h.kind = graph.EdgeAccuses
	if tf.lemma == "question" && d.low(k) == "whether" {
		// "questioned whether Curiel's heritage made him biased"
		return ts.sayFrame(h.cue0, k, h, s)
	}
	if tf.needFor && !ts.followedBy(k, s, "for") && !ts.followedBy(k, s, "over") &&
		!(tf.lemma == "question" && d.hasPossessive(k, min(k+4, s.b-1))) {
		return nil // "knocked Clinton for …", "questioned Cruz's eligibility", not "knocked on the door"
	}
	if tf.lemma == "charge" && d.low(k) != "that" && !ts.followedBy(k, s, "with") {
		return nil
	}
	t0, t1 := ts.objectSpan(k, s, tf.thatObj)
	if t0 < 0 {
		return nil
	}
	if tf.lemma == "blame" {
		switch j := ts.blamedOn(t0, s); {
		case j >= 0:
			// "blamed the strike on Hale": Hale is blamed.
			t0, t1 = j, d.npRight(j, s.b)
		case j == -2:
			return nil // "blamed the strike on Monday's storm"
		}
	}
	h.obj0, h.obj1 = t0, t1
	h.to = ts.target(t0, t1)
	h.con0, h.con1 = t0, ts.clauseEnd(t1, s)
	if h.to == nil {
		if ag := ts.wrongAgent(t0, min(t1+4, h.con1)); len(ag) > 0 {
			h.to = ag[0]
		}
	}
	if h.to == nil {
		return nil
	}
	return h
}

// blamedOn returns the first token of the noun phrase after "on" in
// "blamed the strike on Hale", within a few words of the object at t0; -2
// when what follows "on" names no actor; -1 without "on".
func (ts *typedStage) blamedOn(t0 int, s sentence) int {
	d := ts.d
	for j := t0 + 1; j < s.b && j < t0+8 && d.toks[j].kind == tWord; j++ {
		if d.low(j) == "on" {
			if z := d.npRight(j+1, s.b); z >= 0 && ts.actorSpan(j+1, z, false) {
				return j + 1
			}
			return -2
		}
		if d.low(j) == "for" {
			return -1
		}
	}
	return -1
}

// denyObject completes a denial from the object at k. An object that is
// not a claim may make the verb a label ("dismissed Walker as an
// ineffective leader") or a rebuke of a stance's owner ("rejects Trump's
// remarks"); otherwise the claim rejected is the object, or the antecedent
// of the relative clause the verb stands in, and the one answered is its
// owner when the sentence names one.
func (ts *typedStage) denyObject(i, k int, tf typedForm, h *typedHit, s sentence) *typedHit {
	d := ts.d
	h.kind = graph.EdgeDenies
	if q := d.skipQuantifier(k, s.b-1); q > k {
		k = q // "rebut many of the detailed points in Exxon's letter"
	}
	if o1 := d.npRight(k, s.b); o1 >= 0 && !ts.lx.claimNouns[d.low(o1)] {
		if d.low(o1+1) == "as" {
			return ts.label(i, k, h, s)
		}
		if ts.lx.stance[d.low(o1)] && d.hasPossessive(k, o1-1) {
			h.kind, h.to = graph.EdgeAccuses, ts.target(k, o1)
			h.con0, h.con1 = k, ts.clauseEnd(k, s)
			if h.to == nil {
				return nil
			}
			return h
		}
	}
	if tf.claimObj && !ts.claimObject(k, s) || !tf.claimObj && d.npRight(k, s.b) < 0 && !ts.claimObject(k, s) {
		// "a claim that Gowdy's office strongly disputes": the claim
		// is the antecedent of the relative clause.
		c := ts.relativeClaim(i, s)
		if c < 0 {
			return nil
		}
		h.con0, h.con1 = c, ts.clauseEnd(i, s)
		h.to = ts.claimOwner(c, s)
		return h
	}
	h.con0, h.con1 = k, ts.clauseEnd(k, s)
	h.to = ts.claimOwner(k, s)
	if h.to != nil && ts.chargeObject(k, s) {
		// "The university rebutted Exxon's accusation that …": the owner
		// of the charge accused the one who rebuts it.
		for _, f := range h.from {
			if f != h.to && !f.source {
				ts.hits = append(ts.hits, &typedHit{kind: graph.EdgeAccuses, from: []*entity{h.to}, to: f,
					cue0: h.cue0, cue1: h.cue1, spk0: -1, spk1: -1, con0: h.con0, con1: h.con1})
			}
		}
	}
	return h
}

// chargeObject reports whether the noun phrase at k is a charge
// ("Exxon's accusation", "the allegations by Exxon"), not any statement.
func (ts *typedStage) chargeObject(k int, s sentence) bool {
	d := ts.d
	e := d.npRight(k, s.b)
	for j := k; j <= e && j >= 0; j++ {
		if ts.lx.accNouns[d.low(j)] {
			return true
		}
	}
	return false
}

// hasPossessive reports whether a possessive "'s" stands among tokens
// [a, z].
func (d *doc) hasPossessive(a, z int) bool {
	for j := a; j <= z; j++ {
		if d.possessive(j) {
			return true
		}
	}
	return false
}

// followedBy reports whether word w follows within the clause from k.
func (ts *typedStage) followedBy(k int, s sentence, w string) bool {
	d := ts.d
	for j := k; j < s.b && j < k+12; j++ {
		if d.low(j) == w {
			return true
		}
		if d.toks[j].kind != tWord && d.toks[j].low != "'" && d.toks[j].low != "-" {
			return false
		}
	}
	return false
}

// moreTargets returns a hit for each further name of a coordinated object:
// "ridiculed Donald Trump, Ben Carson and Carly Fiorina".
func (ts *typedStage) moreTargets(h *typedHit, s sentence) []*typedHit {
	if h.kind != graph.EdgeAccuses || h.obj1 <= h.obj0 {
		return nil
	}
	var out []*typedHit
	for _, p := range ts.conjuncts(h.obj0, h.obj1, s) {
		if p != h.to && !p.source {
			c := *h
			c.to = p
			out = append(out, &c)
		}
	}
	return out
}

// conjuncts returns the entities of a coordination of names that starts
// with the noun phrase [a, z]: "Tom Hale, Dan Price and Lena Ortiz".
func (ts *typedStage) conjuncts(a, z int, s sentence) []*entity {
	d := ts.d
	if parts := ts.b.compound(a, z); len(parts) > 1 {
		return parts
	}
	var out []*entity
	for k := z + 1; k+1 < s.b; {
		if d.low(k) == "," && d.low(k+1) == "and" {
			k++
		}
		if d.low(k) != "," && d.low(k) != "and" || !d.tok(k+1).upper {
			break
		}
		e := d.npRight(k+1, s.b)
		if e < 0 {
			break
		}
		ts.context(k + 1)
		if parts := ts.b.compound(k+1, e); len(parts) > 1 {
			out = append(out, parts...)
		} else if t := ts.resolveTarget(k+1, e); t != nil {
			out = append(out, t)
		}
		k = e + 1
	}
	return out
}

// demandFrame reads "urged Hale to apologize", "called on Hale to resign",
// "called for Hale's resignation": a demand that someone atone or go
// charges them.
func (ts *typedStage) demandFrame(i int, s sentence) *typedHit {
	d := ts.d
	if ts.negated(i, s) {
		return nil
	}
	k := i + 1
	if d.low(k) == "on" || d.low(k) == "upon" {
		k++
	}
	var to *entity
	if d.low(k) == "for" {
		// "called for his dismissal": the owner of a punitive noun.
		o := k + 1
		for o < s.b && o < k+5 && d.toks[o].kind == tWord && !punitiveNouns[d.low(o)] {
			o++
		}
		if o >= s.b || !punitiveNouns[d.low(o)] {
			return nil
		}
		if d.low(o+1) == "of" && d.is(k+1, wDet) {
			// "called for the resignation of Mayor Brown": the one named
			// after "of".
			z := d.npRight(o+2, s.b)
			if z < 0 {
				return nil
			}
			to = ts.target(o+2, z)
		} else {
			to = ts.target(k+1, o)
		}
	} else if d.low(k) == "that" {
		// "demanded that Hale resign", "… that Hale should apologize"
		v := k + 2
		for v < s.b && v < k+8 && !atoneVerbs[d.low(v)] {
			v++
		}
		o := v - 1
		if d.low(o) == "should" || d.low(o) == "must" {
			o--
		}
		if v >= s.b || !atoneVerbs[d.low(v)] || o <= k {
			return nil
		}
		to = ts.target(k+1, o)
	} else {
		o := d.npRight(k, s.b)
		if o < 0 || d.low(o+1) != "to" || !atoneVerbs[d.low(o+2)] {
			return nil
		}
		to = ts.target(k, o)
	}
	if to == nil {
		return nil
	}
	from, a, z := ts.subject(i, strings.HasSuffix(d.low(i), "ing"), s)
	if len(from) == 0 {
		return nil
	}
	return &typedHit{kind: graph.EdgeAccuses, from: from, to: to, cue0: i, cue1: i, spk0: a, spk1: z, con0: -1, con1: -1}
}

// punitiveNouns are what a demand for someone's punishment asks for.
var punitiveNouns = map[string]bool{
	"dismissal": true, "resignation": true, "firing": true, "arrest": true, "impeachment": true, "prosecution": true,
	"ouster": true, "removal": true, "suspension": true, "indictment": true, "apology": true, "recusal": true,
}

// atoneVerbs are what someone is urged to do for a wrong: "urged him to
// apologize".
var atoneVerbs = map[string]bool{
	"apologize": true, "apologise": true, "resign": true, "step": true, "quit": true, "recuse": true, "retract": true, "repent": true,
}

// claimObject reports whether what follows a denial verb at k is a
// statement: a that-clause, a claim noun phrase ("the allegations",
// "Exxon's accusation", "it"), or an -ing clause ("denied having …").
func (ts *typedStage) claimObject(k int, s sentence) bool {
	d := ts.d
	if k >= s.b {
		return false
	}
	w := d.low(k)
	if w == "that" || w == "as" || d.toks[k].kind == tQuote {
		return true
	}
	if d.word(k) && strings.HasSuffix(w, "ing") && !d.toks[k].upper {
		return true
	}
	e := d.npRight(k, s.b)
	if e < 0 {
		return ts.lx.claimNouns[w]
	}
	for j := k; j <= e; j++ {
		if ts.lx.claimNouns[d.low(j)] && (j == e || d.low(j+1) == "of" || d.low(j+1) == "that" || d.low(j+1) == "about" || d.low(j+1) == "by") {
			return true
		}
	}
	if ts.lx.claimNouns[d.low(e)] {
		return true
	}
	// "rejected the notion that …"
	return d.low(e+1) == "that" && !d.toks[e].upper
}

// relativeClaim returns the first token of the claim a relative clause
// around verb i rejects ("a claim that X disputes", "the charges, which
// X denies"), or -1.
func (ts *typedStage) relativeClaim(i int, s sentence) int {
	d := ts.d
	a, _ := d.subjectLeft(i, s.a)
	if a < 0 {
		return -1
	}
	r := a - 1
	if d.low(r) != "that" && d.low(r) != "which" {
		return -1
	}
	n := r - 1
	if d.low(n) == "," {
		n--
	}
	if n < s.a || !ts.lx.claimNouns[d.low(n)] || d.is(n, wPron) {
		return -1
	}
	if st := d.npLeft(n, s.a); st >= 0 {
		return st
	}
	return n
}

// claimOwner returns who made the statement a denial rejects, when the
// object names it: "Exxon's accusation", "accusations by Exxon Mobil",
// "her allegations".
func (ts *typedStage) claimOwner(k int, s sentence) *entity {
	d := ts.d
	e := d.npRight(k, s.b)
	if e < 0 {
		return nil
	}
	for j := k; j <= e+6 && j < s.b && d.toks[j].kind == tWord; j++ {
		if j > k && (d.low(j) == "that" || d.low(j) == "which" || d.low(j) == "who") {
			break // "a claim that Gowdy's office disputes": the relative clause's subject is no owner
		}
		// "Exxon's accusation", "many of the points in Exxon's letter"
		if d.possessive(j) && j > k {
			a := k
			if st := d.ownerStart(j, k); st >= 0 {
				a = st
			}
			if d.is(a, wDet) {
				a++
			}
			if a <= j-1 {
				ts.context(a)
				return ts.resolve(a, j-1)
			}
		}
	}
	if isPossessiveDet(d.low(k)) && d.low(k) != "its" {
		ts.context(k)
		return ts.resolve(k, k)
	}
	for j := k; j <= e+2 && j < s.b; j++ {
		if ts.lx.claimNouns[d.low(j)] && (d.low(j+1) == "by" || d.low(j+1) == "from") {
			if z := d.npRight(j+2, s.b); z >= 0 {
				ts.context(j + 2)
				return ts.resolve(j+2, z)
			}
		}
	}
	return nil
}

// label reads "called X a liar" (an accusation of X) and "called the charge
// pathetic" or "called X delusional for the accusation" (a denial).
func (ts *typedStage) label(i, k int, h *typedHit, s sentence) *typedHit {
	o1, c0 := ts.labelObject(i, k, s)
	if o1 < 0 {
		return nil
	}
	c1 := ts.clauseEnd(c0, s)
	if c1 < c0 {
		return nil
	}
	lw := ts.labelWords(c0, c1)
	h.con0, h.con1 = k, c1
	claimObj := ts.lx.claimNouns[ts.d.low(o1)]
	switch {
	case claimObj && lw.falsity:
		h.kind = graph.EdgeDenies
		h.to = ts.claimOwner(k, s)
	case lw.falsity && lw.claimFor:
		h.kind = graph.EdgeDenies
		h.to = ts.target(k, o1)
	case lw.wrong || lw.falsity:
		h.kind = graph.EdgeAccuses
		h.to = ts.target(k, o1)
		if h.to == nil {
			return nil
		}
	default:
		return nil
	}
	return h
}

// labelObject returns the last token of the object that the label verb at
// i names from k, with its "of" phrases ("called Clinton's use of private
// email servers careless"), and the first token of the label after it. It
// returns -1, -1 when the verb labels nothing: a particle follows ("called
// for", "called on"), a describing verb lacks its "as", or a preposition,
// time or date follows the object ("called Machado on Friday to thank
// her").
func (ts *typedStage) labelObject(i, k int, s sentence) (int, int) {
	d := ts.d
	if notLabelParticles[d.low(k)] {
		return -1, -1
	}
	o1 := d.npRight(k, s.b)
	if w := d.low(k); w == "it" || w == "them" || w == "him" || w == "her" {
		o1 = k // "calling it meritless", "called him a liar"
	}
	if o1 < 0 {
		return -1, -1
	}
	for j := k + 1; j <= o1; j++ {
		// "called the charges ridiculous", "called Ruiz dishonest": the
		// label is no part of the object.
		if w := d.low(j); !d.toks[j].upper && !d.is(j-1, wDet) && (ts.lx.falsity[w] || ts.lx.isWrong(w)) {
			o1 = j - 1
			break
		}
	}
	c0 := o1 + 1
	for d.low(c0) == "of" {
		e := d.npRight(c0+1, s.b)
		if e < 0 {
			break
		}
		o1, c0 = e, e+1
	}
	if asLabelVerbs[ts.lx.verbs[d.low(i)].lemma] && d.low(c0) != "as" {
		return -1, -1
	}
	poss := d.hasPossessive(k, o1)
	if d.is(c0, wPrep) && d.low(c0) != "as" && d.low(c0) != "to" || d.low(c0) == "to" && !poss || d.is(c0, wTime) || d.isDayOrDate(c0) {
		return -1, -1
	}
	return o1, c0
}

// notLabelParticles follow a label verb that is not labelling: "called
// for", "called on", "called off".
var notLabelParticles = map[string]bool{"for": true, "on": true, "up": true, "in": true, "off": true, "out": true}

// asLabelVerbs label only with "as": "described Hale as a liar".
var asLabelVerbs = map[string]bool{"describe": true, "characterize": true, "refer": true}

// labelSignals are what the words of a label say.
type labelSignals struct {
	wrong    bool // its object did wrong ("a liar")
	falsity  bool // a statement is false ("pathetic", "delusional")
	claimFor bool // "for" names the claim answered ("for the accusation")
}

// labelWords reads the label [c0, c1] for the words that make it an
// accusation or a denial.
func (ts *typedStage) labelWords(c0, c1 int) labelSignals {
	d := ts.d
	var lw labelSignals
	for j := c0; j <= c1; j++ {
		w := d.low(j)
		if ts.lx.falsity[w] {
			lw.falsity = true
		}
		if ts.lx.isWrong(w) {
			lw.wrong = true
		}
		if w == "for" && ts.lx.claimNouns[d.low(j+2)] || w == "for" && ts.lx.claimNouns[d.low(j+1)] {
			lw.claimFor = true
		}
	}
	return lw
}

// passive reads "Y was accused by X (of …)": X accuses Y.
func (ts *typedStage) passive(i int, s sentence) *typedHit {
	d := ts.d
	by := -1
	for j := i + 1; j < s.b && j < i+14; j++ {
		if d.low(j) == "by" {
			by = j
			break
		}
		if t := d.toks[j]; t.kind == tPunct && t.low != "," && t.low != "-" {
			break
		}
	}
	if by < 0 {
		ts.chargedSubject(i, s)
		return nil
	}
	z := d.npRight(by+1, s.b)
	if z < 0 {
		return nil
	}
	ts.context(by + 1)
	from := ts.b.compound(by+1, z)
	if len(from) < 2 {
		e := ts.resolve(by+1, z)
		if e == nil {
			return nil
		}
		from = []*entity{e}
	}
	a, b := d.subjectLeft(i, s.a)
	if a < 0 {
		return nil
	}
	ts.context(a)
	to := ts.resolve(a, d.beforeAppositive(a, b))
	if to == nil {
		return nil
	}
	return &typedHit{kind: graph.EdgeAccuses, from: from, to: to, cue0: i, cue1: i, spk0: by + 1, spk1: z, con0: -1, con1: -1}
}

// hypothetical are the words before a verb that make its deed one that
// may happen, not one that did.
var hypothetical = map[string]bool{"could": true, "would": true, "might": true, "may": true, "should": true, "to": true}

// chargedSubject records the subject of a passive charge that names no
// accuser ("Lewandowski was charged with battery"): a later denial of his
// answers a charge even though no one in the article made it.
func (ts *typedStage) chargedSubject(i int, s sentence) {
	d := ts.d
	a, z := d.subjectLeft(i, s.a)
	if a < 0 {
		return
	}
	ts.context(a)
	if e := ts.resolve(a, d.beforeAppositive(a, z)); e != nil && !e.source {
		if ts.charged == nil {
			ts.charged = map[*entity]bool{}
		}
		ts.charged[e] = true
	}
}

// nounFrame reads a nominal accusation at noun i: "Exxon's accusation that
// …", "accusations by X against Y", "filed a lawsuit against Y", "came
// under attack from X". The accuser is the noun's owner, the one named by
// "by" or "from" after it, or the subject of the verb that makes the
// charge; the accused is the noun's object, or for a reception noun the
// one who receives it.
func (ts *typedStage) nounFrame(i int, s sentence) *typedHit {
	d := ts.d
	w := d.low(i)
	from, sp0, sp1 := ts.nounOwner(i, s)
	j := i + 1
	if madeWords[d.low(j)] {
		j++
	}
	if len(from) == 0 {
		j = ts.receptionFrom(w, j, s)
		from, sp0, sp1, j = ts.nounAgent(j, s)
	}
	to := ts.nounTarget(w, j, s)
	if len(from) == 0 && to != nil {
		// "the accusations against Hale by Ruiz": the agent after the
		// target.
		if by := ts.byAfter(w, j, s); by >= 0 {
			from, sp0, sp1, _ = ts.nounAgent(by, s)
		}
	}
	if ts.lx.reception[w] && len(from) > 0 && to == nil {
		// "came under attack from Trump", "faced criticism from rivals":
		// the one attacked is the subject of the clause.
		to = ts.receiver(i, s)
	}
	if len(from) == 0 && to != nil {
		from, sp0, sp1 = ts.filerSubject(i, s)
	}
	if len(from) == 0 || to == nil {
		return nil
	}
	return &typedHit{kind: graph.EdgeAccuses, from: from, to: to, cue0: i, cue1: i, spk0: sp0, spk1: sp1, con0: -1, con1: -1}
}

// byAfter returns the "by" right after the target of a charge noun w
// whose preposition comes from j ("against Hale by Ruiz"), or -1.
func (ts *typedStage) byAfter(w string, j int, s sentence) int {
	d := ts.d
	own := nounPreps[w]
	for k := j; k < s.b && k < j+8 && d.toks[k].kind == tWord; k++ {
		if d.low(k) == "against" || k == j && own != "" && d.low(k) == own {
			if z := d.npRight(k+1, s.b); z >= 0 && d.low(z+1) == "by" {
				return z + 1
			}
			return -1
		}
	}
	return -1
}

// nounOwner returns the accuser a charge noun at i names as its owner
// ("Exxon's accusation", "her allegations"), with its span, or nil.
func (ts *typedStage) nounOwner(i int, s sentence) ([]*entity, int, int) {
	d := ts.d
	if d.possessive(i - 1) {
		if a := d.npLeft(i-2, s.a); a >= 0 {
			ts.context(a)
			if e := ts.resolve(a, i-2); e != nil {
				return []*entity{e}, a, i - 2
			}
		}
		return nil, -1, -1
	}
	if isPossessiveDet(d.low(i-1)) && d.low(i-1) != "its" {
		ts.context(i - 1)
		if e := ts.resolve(i-1, i-1); e != nil {
			return []*entity{e}, i - 1, i - 1
		}
	}
	return nil, -1, -1
}

// madeWords say right after a charge noun that it was made: "the
// accusations leveled by X".
var madeWords = map[string]bool{"made": true, "leveled": true, "levelled": true, "filed": true, "brought": true, "lodged": true}

// receptionFrom returns where the accuser of a reception noun w is named
// when a "from" follows within a few words ("came under withering attack
// in recent days from Trump"), else j.
func (ts *typedStage) receptionFrom(w string, j int, s sentence) int {
	d := ts.d
	if !ts.lx.reception[w] {
		return j
	}
	for f := j; f < s.b && f < j+6 && d.toks[f].kind == tWord; f++ {
		if d.low(f) == "from" {
			return f
		}
	}
	return j
}

// nounAgent reads the accuser a charge noun names with "by" or "from" at
// j ("accusations by critics like Hale"): its entities, its span and the
// token after it. Without one it returns nil, -1, -1 and j.
func (ts *typedStage) nounAgent(j int, s sentence) ([]*entity, int, int, int) {
	d := ts.d
	if d.low(j) != "by" && d.low(j) != "from" {
		return nil, -1, -1, j
	}
	z := d.npRight(j+1, s.b)
	if z < 0 {
		return nil, -1, -1, j
	}
	a := j + 1
	if crowdNouns[d.low(a)] && (d.low(a+1) == "like" || d.low(a+1) == "including") {
		a += 2
		if z = d.npRight(a, s.b); z < 0 {
			return nil, -1, -1, j
		}
	}
	ts.context(a)
	from := ts.b.compound(a, z)
	if len(from) < 2 {
		from = nil
		if e := ts.resolve(a, z); e != nil {
			from = []*entity{e}
		}
	}
	return from, a, z, z + 1
}

// crowdNouns name a crowd whose members "like" or "including" lists:
// "critics like Hale".
var crowdNouns = map[string]bool{"politicians": true, "critics": true, "people": true}

// nounTarget returns the one a charge noun w aims at from token j: the
// object of "against", or of the noun's own preposition right after it
// ("a swipe at Y", "an attack on Y", "a critique of Y"), or the subject of
// a that-clause; nil when none follows within the clause.
func (ts *typedStage) nounTarget(w string, j int, s sentence) *entity {
	d := ts.d
	own := nounPreps[w]
	for k := j; k < s.b && k < j+8; k++ {
		if k == j && own != "" && d.low(k) == own || d.low(k) == "against" || d.low(k) == "that" && k <= j+1 {
			if z := d.npRight(k+1, s.b); z >= 0 {
				return ts.target(k+1, z)
			}
			return nil
		}
		if d.toks[k].kind != tWord {
			return nil
		}
	}
	return nil
}

// nounPreps are the prepositions charge nouns take their target with,
// besides "against": "took a swipe at Clinton", "an attack on Hale", "a
// critique of the plan".
var nounPreps = map[string]string{
	"swipe": "at", "swipes": "at", "jab": "at", "jabs": "at", "broadside": "at", "shot": "at", "shots": "at", "aim": "at",
	"attack": "on", "attacks": "on",
	"critique": "of", "criticism": "of", "condemnation": "of",
}

// filerSubject returns the subject of the verb that makes the nominal
// charge at i ("have filed a lawsuit against Y", "delivered a critique of
// Y"), with its span, or nil.
func (ts *typedStage) filerSubject(i int, s sentence) ([]*entity, int, int) {
	d := ts.d
	v := i - 1
	for v > s.a && (d.is(v, wDet) || !d.isCueAt(v) && !filingVerbs[d.low(v)] && i-v < 6) {
		v--
	}
	if !filingVerbs[d.low(v)] {
		return nil, -1, -1
	}
	if v-1 >= s.a && hypothetical[d.low(v-1)] {
		return nil, -1, -1 // "wondered whether he could file charges": not filed
	}
	return ts.subject(v, strings.HasSuffix(d.low(v), "ing"), s)
}

// filingVerbs bring a lawsuit or charges: "filed a lawsuit", "leveled
// accusations", "took a swipe".
var filingVerbs = map[string]bool{
	"filed": true, "file": true, "files": true, "filing": true, "brought": true, "bring": true, "brings": true,
	"lodged": true, "leveled": true, "levelled": true, "launched": true,
	"made": true, "make": true, "makes": true, "making": true, "delivered": true, "delivers": true, "offered": true,
	"issued": true, "voiced": true, "raised": true, "renewed": true, "repeated": true,
	"took": true, "take": true, "takes": true, "taking": true, "unleashed": true,
}

// receiver returns the subject of the clause in which noun i is received
// ("which has come under attack", "Trump has faced criticism").
func (ts *typedStage) receiver(i int, s sentence) *entity {
	d := ts.d
	for v := i - 1; v >= s.a && i-v < 8; v-- {
		if !receiverVerbs[d.low(v)] {
			continue
		}
		if d.low(v) == "subject" {
			v--
			for v >= s.a && (d.is(v, wAux) || d.is(v, wAdv)) {
				v--
			}
			v++
		}
		a, z := d.subjectLeft(v, s.a)
		if a < 0 {
			return nil
		}
		if a == z && (d.low(a) == "which" || d.low(a) == "who") {
			if e, ok := ts.relativeAntecedent(a, s); ok {
				return e
			}
		}
		ts.context(a)
		return ts.resolve(a, z)
	}
	return nil
}

// receiverVerbs take a charge noun as what their subject receives: "faced
// criticism", "came under attack", "drew fire", "was subject to".
var receiverVerbs = map[string]bool{
	"faced": true, "faces": true, "face": true, "facing": true, "came": true, "come": true, "comes": true,
	"drew": true, "draws": true, "draw": true, "received": true, "receives": true, "subject": true,
}

// relativeAntecedent resolves the name right before the relative pronoun
// at a ("…, the RNC, which has come under attack"); it reports false when
// no name stands there.
func (ts *typedStage) relativeAntecedent(a int, s sentence) (*entity, bool) {
	d := ts.d
	k := a - 1
	if d.low(k) == "," {
		k--
	}
	st := k
	for st > s.a && d.toks[st-1].upper && d.toks[st-1].kind == tWord {
		st--
	}
	if st < k || d.toks[k].upper {
		if d.is(st-1, wDet) {
			st--
		}
		ts.context(st)
		return ts.resolveTarget(st, k), true
	}
	return nil, false
}

// sayFrame reads a speech verb the attribution stage left alone ("was back
// to implying that Fields had lied"): its that-clause is read as any
// said-clause's content.
func (ts *typedStage) sayFrame(i, k int, h *typedHit, s sentence) *typedHit {
	d := ts.d
	if d.low(k) != "that" && !(d.low(k) == "whether" && ts.lx.verbs[d.low(i)].lemma == "question") {
		return nil // "implied that …", "questioned whether …"
	}
	if ts.claimWithCue(d.toks[i].start) != nil {
		return nil // the attribution stage read it: its content frame will
	}
	end := ts.clauseEnd(k+1, s)
	if end <= k {
		return nil
	}
	at := &attribution{cue0: i, cue1: i, src0: h.spk0, src1: h.spk1, con0: k + 1, con1: end,
		conStart: d.toks[k+1].start, conEnd: d.toks[end].end, class: classSpeech, target0: -1, recip0: -1}
	for _, o := range ts.clauseHit(at, h.from[0], nil, k+1, end) {
		if o.kind == graph.EdgeAccuses {
			o.from = h.from
			return o
		}
	}
	return nil
}

// pleaFrame reads a plea of innocence: "pleaded not guilty", "has
// maintained his innocence", "insisted on her innocence". Its speaker
// denies; whom it answers, linkDenials finds.
func (ts *typedStage) pleaFrame(i int, s sentence) *typedHit {
	d := ts.d
	k := i + 1
	if d.low(k) == "on" {
		k++ // "insisted on her innocence"
	}
	switch {
	case d.low(k) == "not" && d.low(k+1) == "guilty" && strings.HasPrefix(d.low(i), "ple"):
		k++
	case isPossessiveDet(d.low(k)) && d.low(k+1) == "innocence":
		k++
	default:
		return nil
	}
	from, a, z := ts.subject(i, strings.HasSuffix(d.low(i), "ing"), s)
	if len(from) == 0 {
		return nil
	}
	return &typedHit{kind: graph.EdgeDenies, from: from, cue0: i, cue1: k, spk0: a, spk1: z, con0: k, con1: ts.clauseEnd(k, s)}
}

// ownerStart returns the first token of the owner named before the
// possessive mark at j, not before token k: the name right before it, not
// the phrase around it ("the points in [Exxon]'s letter", "all of the
// claims in [Podliska]'s suit"); -1 when there is none.
func (d *doc) ownerStart(j, k int) int {
	st := d.npLeft(j-1, k)
	if st < 0 || !d.toks[j-1].upper {
		return st
	}
	for n := j - 1; n > st; n-- {
		if !d.toks[n-1].upper || d.toks[n-1].kind != tWord {
			return n
		}
	}
	return st
}
