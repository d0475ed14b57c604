package extract

import (
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
}

// typedEdges runs the typed stage and appends its edges to b.edges.
func (b *builder) typedEdges() {
	ts := &typedStage{b: b, d: b.d, lx: buildTypedLex()}
	for si := range b.d.sents {
		ts.sentence(si)
	}
	ts.contentFrames()
	ts.linkDenials()
	ts.emit()
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
		if ts.lx.demand[t.low] {
			if h := ts.demandFrame(i, s); h != nil {
				ts.hits = append(ts.hits, h)
				continue
			}
		}
		if int(t.inq) < 0 && (ts.lx.accNouns[t.low] || ts.lx.reception[t.low]) {
			if h := ts.nounFrame(i, s); h != nil {
				ts.hits = append(ts.hits, h)
			}
		}
	}
}

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

// verbFrame reads the frame of a typed verb at i.
func (ts *typedStage) verbFrame(i int, tf typedForm, s sentence) *typedHit {
	d := ts.d
	if ts.negated(i, s) {
		return nil
	}
	if tf.part && ts.passiveAux(i, s) {
		if !tf.passive || tf.kind != tkAccuse {
			return nil
		}
		return ts.passive(i, s)
	}
	// A participle after a noun and before "by" modifies the noun: "the
	// charges filed by …", "a lawsuit backed by …".
	if tf.part && !tf.ing && i > s.a && d.nounish(i-1, s.a) && d.low(i+1) == "by" {
		return nil
	}
	k := i + 1
	if tf.particle != "" {
		for d.isLyAdverb(k) {
			k++ // "disagree strongly with"
		}
		if tf.lemma == "defend" && d.low(k) != tf.particle {
			// "defended himself against accusations of racism"
			if o := d.npRight(k, s.b); o >= 0 && o < k+4 {
				k = o + 1
			}
		}
		if d.low(k) != tf.particle {
			return nil
		}
		k++
		if tf.lemma == "take" && d.low(k) != "at" {
			return nil
		}
		if tf.lemma == "hit" || tf.lemma == "lash" {
			if d.low(k) != "at" && d.low(k) != "against" {
				return nil
			}
		}
		if tf.lemma == "push" && d.low(k) != "on" && d.low(k) != "against" {
			return nil
		}
		if d.low(k) == "at" || d.low(k) == "against" || d.low(k) == "on" {
			k++
		}
	} else if tf.lemma == "disagree" {
		return nil
	}
	for k < s.b && d.isLyAdverb(k) {
		k++
	}
	from, sp0, sp1 := ts.subject(i, tf.ing, s)
	if len(from) == 0 {
		return nil
	}
	h := &typedHit{from: from, cue0: i, cue1: k - 1, spk0: sp0, spk1: sp1, con0: -1, con1: -1}
	if k-1 < i {
		h.cue1 = i
	}
	switch tf.kind {
	case tkAccuse:
		h.kind = graph.EdgeAccuses
		if tf.lemma == "cite" && !ts.followedBy(k, s, "for") {
			return nil
		}
		if tf.lemma == "charge" && d.low(k) != "that" && !ts.followedBy(k, s, "with") {
			return nil
		}
		t0, t1 := ts.objectSpan(k, s, tf.thatObj)
		if t0 < 0 {
			return nil
		}
		h.obj0, h.obj1 = t0, t1
		h.to = ts.target(t0, t1)
		h.con0, h.con1 = t0, ts.clauseEnd(t1, s)
		if h.to == nil {
			// "alleges defamation by Clinton": the agent of the wrong.
			if ag := ts.wrongAgent(t0, min(t1+4, h.con1)); len(ag) > 0 {
				h.to = ag[0]
			}
		}
		if h.to == nil {
			return nil
		}
	case tkDeny:
		h.kind = graph.EdgeDenies
		if o1 := d.npRight(k, s.b); o1 >= 0 && !ts.lx.claimNouns[d.low(o1)] {
			if d.low(o1+1) == "as" {
				// "dismissed Walker as an ineffective leader": a label.
				return ts.label(i, k, h, s)
			}
			if ts.lx.stance[d.low(o1)] {
				// "rejects Trump's remarks": a rebuke of their owner.
				for j := k; j < o1; j++ {
					if d.possessive(j) {
						h.kind, h.to = graph.EdgeAccuses, ts.target(k, o1)
						h.con0, h.con1 = k, ts.clauseEnd(k, s)
						if h.to == nil {
							return nil
						}
						return h
					}
				}
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
	case tkLabel:
		return ts.label(i, k, h, s)
	}
	return h
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

// subject returns the entities that act at verb i, with the span of the
// subject as written: a noun phrase on its left (split when it coordinates
// names), a relative pronoun's antecedent, or, for a participle clause
// (", accusing …"), the subject of the sentence.
func (ts *typedStage) subject(i int, ing bool, s sentence) ([]*entity, int, int) {
	d, b := ts.d, ts.b
	if i-1 > s.a && d.toks[i-1].kind == tQuote && d.toks[i-1].q == qOpen {
		// he "rejects Trump's comments": the quote opens after the subject.
		return ts.subject(i-1, ing, s)
	}
	p := d.skipLeft(i-1, s.a)
	if p >= s.a && d.low(p) == "to" {
		// "continued to say", "went on to rebut": the subject of the
		// governing verb.
		q := d.skipLeft(p-1, s.a)
		if q >= s.a && (d.low(q) == "on" || d.low(q) == "back" || controlVerb(d.low(q))) {
			if d.low(q) == "on" || d.low(q) == "back" {
				q-- // "went on to rebut", "was back to implying"
			}
			return ts.subject(q, false, s)
		}
		return nil, -1, -1
	}
	if ing && (p < s.a || d.low(p) == "," || d.is(p, wPrep|wSub)) {
		// The speaker of an earlier cue of the sentence acts here too:
		// "X held Y responsible, accusing it of …".
		for k := len(b.claims) - 1; k >= 0; k-- {
			if at := b.ats[k]; at != nil && at.cue0 < i && at.cue0 >= s.a {
				e := b.spk[k]
				if at.src0 >= 0 {
					// Read the speaker again as the typed stage reads names
					// ("a number of the families" are the families).
					ts.context(at.src0)
					if o := ts.resolve(at.src0, at.src1); o != nil {
						e = o
					}
				}
				if ts.actorEntity(e) {
					return []*entity{e}, -1, -1
				}
				return nil, -1, -1
			}
		}
		e := ts.b.subjectOf(int(d.toks[i].sent))
		if e == nil {
			return nil, -1, -1
		}
		return []*entity{e}, -1, -1
	}
	a, z := d.subjectLeft(i, s.a)
	if a < 0 && p > s.a && (d.low(p) == "and" || d.low(p) == ",") {
		// "Smith spoke at the convention and delivered a critique", "has
		// mocked a reporter, referred to migrants as …": a second verb of
		// the clause whose subject opens the sentence.
		if e := ts.b.subjectOf(int(d.toks[i].sent)); e != nil && ts.actorEntity(e) {
			return []*entity{e}, -1, -1
		}
	}
	if a < 0 {
		return nil, -1, -1
	}
	if a > s.a && d.is(a-1, wPrep) && !d.toks[a-1].upper {
		// "Two lawsuits being considered in San Diego have accused …": the
		// subject is the noun before the modifiers, not the place.
		for h := a - 2; h >= s.a && h > a-10; h-- {
			w := d.low(h)
			if d.is(h, wDoc|wAnon|wOrg) || peopleNouns[w] || len(w) > 3 && w[len(w)-1] == 's' && d.lx.sets[w[:len(w)-1]]&(wDoc|wAnon|wOrg) != 0 {
				if st := d.npLeft(h, s.a); st >= 0 {
					a, z = st, h
				}
				break
			}
			if d.toks[h].kind != tWord || d.is(h, wAux) && !strings.HasSuffix(w, "ing") {
				break
			}
		}
	}
	if a == z && (d.low(a) == "i" || d.low(a) == "we") {
		// "I blame Hale," inside a quote: its speaker.
		if e := ts.quoteSpeaker(a); e != nil {
			return []*entity{e}, -1, -1
		}
		return nil, -1, -1
	}
	if int(d.toks[a].inq) >= 0 && d.isSubjectPronoun(a) && a == z {
		return nil, -1, -1 // a pronoun inside a quote: whose, the quote does not say
	}
	for k := a + 1; k < z; k++ {
		// "Smith and Woods, the parents of …, have filed": the names
		// before an appositive.
		if d.toks[k].low == "," && (d.is(k+1, wDet) && !d.tok(k+1).upper || !d.tok(k+1).upper || isPossessiveDet(d.low(k+1))) {
			z = k - 1
			break
		}
	}
	ts.context(a)
	if parts := b.compound(a, z); len(parts) > 1 {
		return parts, a, z
	}
	e := ts.resolve(a, z)
	if e == nil {
		return nil, -1, -1
	}
	if d.low(a-1) == "and" && a-2 >= s.a && d.tok(a-2).upper {
		// "Trump and his attorneys denied": the name before "and" acts too.
		if st := d.npLeft(a-2, s.a); st >= 0 && (st == s.a || d.clauseEdge(st-1)) {
			ts.context(st)
			if o := ts.resolve(st, a-2); o != nil && o != e {
				return []*entity{o, e}, st, z
			}
		}
	}
	return []*entity{e}, a, z
}

// namedBody returns the named organisation a bare description such as
// "the company" or "the committee" refers to: the last one mentioned
// before it whose name holds the head noun, or for a company the last
// organisation. It returns nil when e is already named.
func (ts *typedStage) namedBody(e *entity, a, z int) *entity {
	d := ts.d
	if e.source || e.name == "" || e.name[0] < 'a' || e.name[0] > 'z' || !d.is(a, wDet) || d.low(a) == "a" || d.low(a) == "an" {
		return nil
	}
	head := d.low(z)
	if !d.is(z, wOrg) {
		return nil
	}
	// The candidate named with the head noun, else the one the article
	// has mentioned most: "the company" in a story about Exxon Mobil.
	var best *entity
	bestN := 0
	for _, o := range ts.b.r.before(a, 30) {
		if o == e || o.source || o.name == "" || o.name[0] < 'A' || o.name[0] > 'Z' {
			continue
		}
		if o.person && (o.male || o.female || o.title != "" || !bodyNouns[head] || ts.speaks(o) && !companyLike(o.name)) {
			continue // a person; an unknown name may still be a company
		}
		if strings.Contains(strings.ToLower(o.name), head) {
			return o
		}
		if n := ts.mentions(o, a); bodyNouns[head] && n > bestN && !publicBody(o.name) {
			best, bestN = o, n
		}
	}
	return best
}

// companyLike reports whether a name read as a person's can be a
// company's: two or more words, none of them a known given name.
func companyLike(name string) bool {
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws {
		if genderOf(strings.ToLower(w)) != 0 {
			return false
		}
	}
	return true
}

// mentions counts the recorded mentions of e before token pos.
func (ts *typedStage) mentions(e *entity, pos int) int {
	n := 0
	for _, m := range ts.b.r.recent {
		if m.e == e && m.pos < pos {
			n++
		}
	}
	return n
}

// publicBody reports whether a name is a school's, a party's or a state
// body's, never "the company".
func publicBody(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		switch w {
		case "school", "university", "college", "committee", "department", "ministry", "party", "agency", "office",
			"council", "court", "police", "army", "government", "administration", "house", "senate", "congress", "campaign":
			return true
		}
	}
	return false
}

// speaks reports whether e is the speaker of a claim.
func (ts *typedStage) speaks(e *entity) bool {
	for _, o := range ts.b.spk {
		if o == e {
			return true
		}
	}
	return false
}

// bodyNouns are heads that any named organisation may be called by.
var bodyNouns = map[string]bool{"company": true, "firm": true, "corporation": true, "group": true, "organization": true, "organisation": true}

// actorEntity reports whether e can act in a typed relation: not junk,
// not the article's catch-all unnamed source, not an agency.
func (ts *typedStage) actorEntity(e *entity) bool {
	return e != nil && !junkName(e.name) && !(e.kind == graph.ActorAnonymous && e.name == "unnamed source") && !(e.source && e.skind != graph.SourceDocument)
}

// quoteSpeaker returns the speaker of the claim whose content holds token
// k, or nil.
func (ts *typedStage) quoteSpeaker(k int) *entity {
	b := ts.b
	at := ts.d.toks[k].start
	for ci, c := range b.claims {
		if b.ats[ci] != nil && c.Start <= at && at < c.End {
			e := b.spk[ci]
			if e == nil || e.source || e.kind == graph.ActorAnonymous && e.name == "unnamed source" {
				return nil
			}
			return e
		}
	}
	return nil
}

// possessive reports whether the "'s" at k marks a possessive, not "is"
// or "has" ("It's a sad day", "Trump's been clear").
func (d *doc) possessive(k int) bool {
	if d.low(k) != "'s" {
		return false
	}
	if p := d.low(k - 1); pronouns[p] != (pronounInfo{}) || p == "that" || p == "there" || p == "what" || p == "here" || p == "this" {
		return false
	}
	n := k + 1
	return !(d.is(n, wDet|wAdv|wNeg|wPrep|wAux) && !d.tok(n).upper || d.isLyAdverb(n))
}

// controlVerb reports whether w passes its subject to a following
// to-infinitive ("continued to deny").
func controlVerb(w string) bool {
	switch w {
	case "continue", "continues", "continued", "continuing", "begin", "began", "begun", "start", "started",
		"try", "tried", "tries", "seek", "seeks", "vow", "vowed", "went", "goes", "go", "moved", "rushed",
		"sought", "appeared", "appears", "seemed", "proceeded", "chose", "decided", "wanted", "wants", "used":
		return true
	}
	return false
}

// context points the resolver's pronoun heuristics at the attribution
// nearest before token pos: the builder ran them in article order, and the
// typed stage reads the article again from its start.
func (ts *typedStage) context(pos int) {
	b := ts.b
	at := ts.d.toks[pos].start
	r := b.r
	r.lastSpk, r.lastSent = nil, -10
	for k := len(b.claims) - 1; k >= 0; k-- {
		if b.ats[k] != nil && b.claims[k].CueStart < at {
			r.lastSpk = b.spk[k]
			r.lastSent = int(ts.d.toks[b.ats[k].cue0].sent)
			return
		}
	}
}

// actorSpan reports whether tokens [a, z] can name an actor: a pronoun, a
// name that is not a function word, date or number, or a common noun
// phrase headed by a word for people or bodies ("the company", "critics");
// with doc, a document may act too ("the lawsuit alleges").
func (ts *typedStage) actorSpan(a, z int, doc bool) bool {
	d := ts.d
	if a < 0 || z < a || z-a > 10 {
		return false
	}
	h := z
	for h > a && (d.low(h) == "'s" || d.toks[h].kind != tWord) {
		h--
	}
	if d.toks[h].kind != tWord {
		return false
	}
	if _, ok := pronouns[d.low(h)]; ok && h == a {
		return true
	}
	for k := a; k <= h; k++ {
		if w := d.low(k); !d.toks[k].upper && k > a && (strings.HasSuffix(w, "ed") && !d.is(k, wTitle|wAnon|wOrg)) || d.is(k, wVerb) && !d.toks[k].upper {
			return false // a clause, not a noun phrase
		}
	}
	f := a
	if d.is(f, wDet) && f < h {
		f++
	}
	t := d.toks[h]
	if c := t.low[0]; c >= '0' && c <= '9' || d.isDayOrDate(h) || d.is(h, wMonth) {
		return false
	}
	if ft := d.low(f); d.toks[f].upper && (len(ft) > 4 && strings.HasSuffix(ft, "ly") && !lyNotAdverb[ft] || ts.lx.falsity[ft] || ts.lx.isWrong(ft)) {
		return false // "Physically Assaulting", "Seriously", "Pathetic": not a name
	}
	if t.upper {
		return !(f == h && d.is(f, wStarter|wPrep|wSub|wConj|wAdv|wAux|wNeg))
	}
	bits := uint32(wAnon | wOrg | wTitle | wGov)
	if doc {
		bits |= wDoc
	}
	return d.is(h, bits) || peopleNouns[t.low]
}

// peopleNouns are common nouns for people that can accuse or be accused
// besides the lexicon's speaker nouns: "rivals", "the families".
var peopleNouns = map[string]bool{
	"rivals": true, "rival": true, "families": true, "family": true, "parents": true, "mother": true, "father": true,
	"students": true, "women": true, "wife": true, "husband": true, "journalists": true, "journalist": true,
	"protesters": true, "demonstrators": true, "republicans": true, "democrats": true, "conservatives": true,
	"liberals": true, "victims": true, "victim": true, "plaintiffs": true, "plaintiff": true, "defendant": true,
	"groups": true, "group": true, "advocates": true, "organizers": true, "candidates": true, "lawyers": true,
	"attorneys": true, "prosecutor": true, "regulators": true, "hackers": true, "staffer": true, "staff": true,
}

// resolve returns the entity of the noun phrase [a, z], or nil.
func (ts *typedStage) resolve(a, z int) *entity {
	return ts.resolveAs(a, z, true)
}

// resolveTarget returns the entity of the noun phrase [a, z] as the one a
// relation aims at (a document cannot be accused), or nil.
func (ts *typedStage) resolveTarget(a, z int) *entity {
	return ts.resolveAs(a, z, false)
}

// nameEnd cuts a noun phrase that runs from a name into the next clause:
// "Governor Tom Hale drew wide criticism" ends at "Hale".
func (ts *typedStage) nameEnd(a, z int) int {
	d := ts.d
	k := a
	if d.is(k, wDet) {
		k++
	}
	run := k
	for k <= z && d.word(k) && (d.toks[k].upper || d.low(k) == "'s") {
		k++
	}
	if k == run || k > z || !d.word(k) || d.possessive(k-1) {
		return z // "Trump's 41-year-old campaign manager" goes on
	}
	w := d.low(k)
	if d.is(k, wOrg|wTitle|wAnon|wDoc|wGov|wPrep|wConj) || peopleNouns[w] || len(w) > 3 && w[len(w)-1] == 's' && (d.lx.sets[w[:len(w)-1]]&(wTitle|wAnon|wOrg) != 0 || peopleNouns[w[:len(w)-1]]) {
		return z // "Muslim-American judges", "Trump supporters"
	}
	return k - 1
}

// skipQuantifier returns where the noun phrase [a, z] names its members
// when it opens with a quantity: "a number of the families", "one of the
// journalists", "both of Trump's rivals".
func (ts *typedStage) skipQuantifier(a, z int) int {
	return ts.d.skipQuantifier(a, z)
}

// skipQuantifier returns where the noun phrase [a, z] names its members
// after an opening quantity ("a number of the families"), or a.
func (d *doc) skipQuantifier(a, z int) int {
	k := a
	if d.low(k) == "a" || d.low(k) == "the" {
		k++
	}
	if k+1 < z && quantifiers[d.low(k)] && d.low(k+1) == "of" {
		return k + 2
	}
	return a
}

// quantifiers open a noun phrase whose members follow "of".
var quantifiers = map[string]bool{
	"number": true, "some": true, "many": true, "most": true, "all": true, "both": true, "one": true, "two": true,
	"three": true, "several": true, "each": true, "few": true, "majority": true, "dozens": true, "hundreds": true, "members": true,
}

// resolveAs resolves [a, z] when it can name an actor.
func (ts *typedStage) resolveAs(a, z int, doc bool) *entity {
	a = ts.skipQuantifier(a, z)
	if !ts.actorSpan(a, z, doc) {
		return nil
	}
	r := ts.b.r
	m := r.analyze(a, z)
	if m == nil {
		return nil
	}
	if m.pronoun && m.pinfo.first {
		return nil
	}
	e := r.resolve(m, a)
	if e == nil || e.source && e.skind != graph.SourceDocument {
		return nil
	}
	if o := ts.namedBody(e, a, z); o != nil {
		return o
	}
	if junkName(e.name) {
		return nil // "Sixty-seven percent", "Although": not an actor
	}
	if !e.person && !e.source && z > a {
		for k := a + 1; k < z; k++ {
			if ts.d.possessive(k) {
				// "Trey Gowdy's office" is also how readers name it.
				st := a
				if ts.d.is(st, wDet) {
					st++
				}
				r.alias(e, r.span(st, z))
				break
			}
		}
	}
	return e
}

// objectSpan returns the span of the accused starting at k: a noun phrase,
// or with thatObj the subject of a that-clause ("alleged that Trump …").
func (ts *typedStage) objectSpan(k int, s sentence, thatObj bool) (int, int) {
	d := ts.d
	if thatObj {
		if d.low(k) == "that" {
			k++
		} else if d.low(k) == "in" || d.low(k) == "on" {
			// "alleged in the suit that …"
			for j := k; j < s.b && j < k+8; j++ {
				if d.low(j) == "that" {
					k = j + 1
					break
				}
			}
		}
	}
	if d.toks[k].kind == tQuote {
		k++
	}
	e := d.npRight(k, s.b)
	if e < 0 {
		return -1, -1
	}
	for j := k + 1; j <= e; j++ {
		// "went after Walker hours after …": a name, then a time.
		if d.is(j, wTime) || timeNouns[d.low(j)] {
			if j-1 >= k && d.toks[j-1].upper {
				return k, j - 1
			}
		}
	}
	return k, e
}

// timeNouns are lower-case nouns of time that can follow a name without
// being part of it.
var timeNouns = map[string]bool{"hours": true, "days": true, "weeks": true, "months": true, "years": true, "minutes": true, "times": true}

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
		o := d.npRight(k+1, s.b)
		if o < 0 || !punitiveNouns[d.low(o)] {
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

// target returns the entity a noun phrase charges: its possessive owner
// ("Trump's proposal") or the phrase itself.
func (ts *typedStage) target(a, z int) *entity {
	d := ts.d
	a = ts.skipQuantifier(a, z)
	z = ts.nameEnd(a, z)
	role := d.is(z, wTitle|wAnon) && !d.tok(z).upper
	for k := a + 1; k <= z; k++ {
		if d.possessive(k) && !role {
			// The owner is the noun phrase right before the mark: "some of
			// Hale's rhetoric" charges Hale.
			st := d.npLeft(k-1, a)
			if st < 0 {
				st = a
			}
			ts.context(st)
			return ts.resolveTarget(st, k-1)
		}
	}
	if isPossessiveDet(d.low(a)) && a < z {
		ts.context(a)
		return ts.resolveTarget(a, a)
	}
	if role {
		// "Trump's campaign manager": the person the article named with
		// that title, when there is one.
		for k := a + 1; k < z; k++ {
			if d.possessive(k) {
				if h := ts.roleHolder(a, k-1, z); h != nil {
					return h
				}
				break
			}
		}
	}
	ts.context(a)
	if e := ts.resolveTarget(a, z); e != nil && !e.source {
		return e
	}
	return nil
}

// roleHolder returns the one named person whose title has the role noun at
// z and names the owner [a, o] ("campaign manager Corey Lewandowski" for
// "Trump's campaign manager"), or nil.
func (ts *typedStage) roleHolder(a, o, z int) *entity {
	d := ts.d
	owner := strings.ToLower(d.text[d.toks[o].start:d.toks[o].end])
	role := d.low(z)
	var hit *entity
	for _, e := range ts.b.r.ents {
		if e.kind != graph.ActorPerson || e.title == "" {
			continue
		}
		t := strings.ToLower(e.title)
		if !strings.Contains(t, role) {
			continue
		}
		if !strings.Contains(t, owner) && (e.affil == nil || !strings.Contains(strings.ToLower(e.affil.name), owner)) {
			continue
		}
		if hit != nil && hit != e {
			return nil // two holders: the phrase does not say which
		}
		hit = e
	}
	return hit
}

// clauseEnd returns the last token of the clause that starts at k.
func (ts *typedStage) clauseEnd(k int, s sentence) int {
	d := ts.d
	e := k
	for j := k; j < s.b; j++ {
		if t := d.toks[j]; t.kind == tPunct && (t.low == "." || t.low == ";" || t.low == "?" || t.low == "!") {
			break
		}
		if j > k && (d.low(j) == "or" || d.low(j) == "but") && strings.HasSuffix(d.low(j+1), "ing") {
			break // "going after Trump as unfit or poking holes in …"
		}
		e = j
	}
	return e
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
		// "Exxon's accusation", "many of the points in Exxon's letter"
		if d.possessive(j) && j > k {
			a := k
			if st := d.npLeft(j-1, k); st >= 0 {
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
	d := ts.d
	lemma := ts.lx.verbs[d.low(i)].lemma
	if d.low(k) == "for" || d.low(k) == "on" || d.low(k) == "up" || d.low(k) == "in" || d.low(k) == "off" || d.low(k) == "out" {
		return nil // "called for", "called on": not a label
	}
	o1 := d.npRight(k, s.b)
	if o1 < 0 {
		return nil
	}
	c0 := o1 + 1
	for d.low(c0) == "of" {
		// "called Clinton's use of private email servers careless"
		e := d.npRight(c0+1, s.b)
		if e < 0 {
			break
		}
		o1, c0 = e, e+1
	}
	if lemma == "describe" || lemma == "characterize" || lemma == "refer" {
		if d.low(c0) != "as" {
			return nil
		}
	}
	poss := false
	for j := k; j <= o1; j++ {
		poss = poss || d.possessive(j)
	}
	if d.is(c0, wPrep) && d.low(c0) != "as" && d.low(c0) != "to" || d.low(c0) == "to" && !poss || d.is(c0, wTime) || d.isDayOrDate(c0) {
		return nil // "called Machado on Friday to thank her": no label follows
	}
	c1 := ts.clauseEnd(c0, s)
	if c1 < c0 {
		return nil
	}
	wrong, falsity, claimFor := false, false, false
	for j := c0; j <= c1; j++ {
		w := d.low(j)
		if ts.lx.falsity[w] {
			falsity = true
		}
		if ts.lx.isWrong(w) {
			wrong = true
		}
		if w == "for" && ts.lx.claimNouns[d.low(j+2)] || w == "for" && ts.lx.claimNouns[d.low(j+1)] {
			claimFor = true
		}
	}
	h.con0, h.con1 = k, c1
	claimObj := ts.lx.claimNouns[d.low(o1)]
	switch {
	case claimObj && falsity:
		h.kind = graph.EdgeDenies
		h.to = ts.claimOwner(k, s)
	case falsity && claimFor:
		h.kind = graph.EdgeDenies
		h.to = ts.target(k, o1)
	case wrong || falsity:
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
	to := ts.resolve(a, b)
	if to == nil {
		return nil
	}
	return &typedHit{kind: graph.EdgeAccuses, from: from, to: to, cue0: i, cue1: i, spk0: by + 1, spk1: z, con0: -1, con1: -1}
}

// nounFrame reads a nominal accusation at noun i: "Exxon's accusation that
// …", "accusations by X against Y", "filed a lawsuit against Y", "came
// under attack from X".
func (ts *typedStage) nounFrame(i int, s sentence) *typedHit {
	d := ts.d
	w := d.low(i)
	// The accuser: a possessive owner, or "by/from X" after the noun.
	var from []*entity
	sp0, sp1 := -1, -1
	if d.possessive(i - 1) {
		if a := d.npLeft(i-2, s.a); a >= 0 {
			ts.context(a)
			if e := ts.resolve(a, i-2); e != nil {
				from, sp0, sp1 = []*entity{e}, a, i-2
			}
		}
	} else if isPossessiveDet(d.low(i-1)) && d.low(i-1) != "its" {
		ts.context(i - 1)
		if e := ts.resolve(i-1, i-1); e != nil {
			from, sp0, sp1 = []*entity{e}, i-1, i-1
		}
	}
	j := i + 1
	if d.low(j) == "made" || d.low(j) == "leveled" || d.low(j) == "levelled" || d.low(j) == "filed" || d.low(j) == "brought" || d.low(j) == "lodged" {
		j++
	}
	if len(from) == 0 && ts.lx.reception[w] {
		// "came under withering attack in recent days from Trump".
		for f := j; f < s.b && f < j+6 && d.toks[f].kind == tWord; f++ {
			if d.low(f) == "from" {
				j = f
				break
			}
		}
	}
	if len(from) == 0 && (d.low(j) == "by" || d.low(j) == "from") {
		if z := d.npRight(j+1, s.b); z >= 0 {
			a := j + 1
			if d.low(a) == "politicians" || d.low(a) == "critics" || d.low(a) == "people" {
				if d.low(a+1) == "like" || d.low(a+1) == "including" {
					a += 2
					z = d.npRight(a, s.b)
				}
			}
			if z >= 0 {
				ts.context(a)
				from = ts.b.compound(a, z)
				if len(from) < 2 {
					from = nil
					if e := ts.resolve(a, z); e != nil {
						from = []*entity{e}
					}
				}
				sp0, sp1 = a, z
				j = z + 1
			}
		}
	}
	// The accused: "against Y", or the subject of a that-clause.
	var to *entity
	for k := j; k < s.b && k < j+8; k++ {
		if d.low(k) == "on" && k == j && (w == "attack" || w == "attacks") || d.low(k) == "of" && k == j && (w == "critique" || w == "criticism" || w == "condemnation") {
			if z := d.npRight(k+1, s.b); z >= 0 {
				to = ts.target(k+1, z)
			}
			break
		}
		if d.low(k) == "against" || d.low(k) == "that" && k <= j+1 {
			if z := d.npRight(k+1, s.b); z >= 0 {
				to = ts.target(k+1, z)
			}
			break
		}
		if d.toks[k].kind != tWord {
			break
		}
	}
	if ts.lx.reception[w] && len(from) > 0 && to == nil {
		// "came under attack from Trump", "faced criticism from rivals":
		// the one attacked is the subject of the clause.
		to = ts.receiver(i, s)
	}
	if len(from) == 0 && to != nil {
		// "have filed a lawsuit against Y", "delivered a critique of Y":
		// the subject of the verb that makes the charge.
		v := i - 1
		for v > s.a && (d.is(v, wDet) || !d.isCueAt(v) && !isFilingVerb(d.low(v)) && i-v < 6) {
			v--
		}
		if isFilingVerb(d.low(v)) {
			if f, a, z := ts.subject(v, strings.HasSuffix(d.low(v), "ing"), s); len(f) > 0 {
				from, sp0, sp1 = f, a, z
			}
		}
	}
	if len(from) == 0 || to == nil {
		return nil
	}
	return &typedHit{kind: graph.EdgeAccuses, from: from, to: to, cue0: i, cue1: i, spk0: sp0, spk1: sp1, con0: -1, con1: -1}
}

// isFilingVerb reports whether w brings a lawsuit or charges.
func isFilingVerb(w string) bool {
	switch w {
	case "filed", "file", "files", "filing", "brought", "bring", "brings", "lodged", "leveled", "levelled", "launched",
		"made", "make", "makes", "making", "delivered", "delivers", "offered", "issued", "voiced", "raised", "renewed", "repeated":
		return true
	}
	return false
}

// receiver returns the subject of the clause in which noun i is received
// ("which has come under attack", "Trump has faced criticism").
func (ts *typedStage) receiver(i int, s sentence) *entity {
	d := ts.d
	for v := i - 1; v >= s.a && i-v < 8; v-- {
		switch d.low(v) {
		case "faced", "faces", "face", "facing", "came", "come", "comes", "drew", "draws", "draw", "received", "receives", "subject":
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
				// "…, the RNC, which has come under attack": the name
				// right before the relative pronoun.
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
					return ts.resolveTarget(st, k)
				}
			}
			ts.context(a)
			return ts.resolve(a, z)
		}
	}
	return nil
}

// contentFrames reads the content of every attribution: a said-clause
// whose subject is charged with wrongdoing is an accusation ("said Clinton
// lied"); one that calls a charge false, or in which the speaker says he
// never did it, is a denial.
func (ts *typedStage) contentFrames() {
	b, d := ts.b, ts.d
	for ci, at := range b.ats {
		if at == nil || at.con0 < 0 || at.con1 >= len(d.toks) || at.con1 < at.con0 {
			continue
		}
		if at.class == classDeny || at.class == classAccuse && at.target0 >= 0 {
			continue
		}
		spk := b.spk[ci]
		if spk == nil || spk.source || spk.kind == graph.ActorAnonymous && spk.name == "unnamed source" {
			continue
		}
		if ts.cueTaken(at.cue0) {
			continue
		}
		c := b.claims[ci]
		// A pronoun in the content refers first to the speaker: "Hale
		// said he …".
		b.r.lastSpk, b.r.lastSent = spk, int(b.d.toks[at.cue0].sent)
		ts.hits = append(ts.hits, ts.contentHit(at, spk, c)...)
	}
}

// cueTaken reports whether a verb frame already read the cue at token k.
func (ts *typedStage) cueTaken(k int) bool {
	for _, h := range ts.hits {
		if h.cue0 <= k && k <= h.cue1 {
			return true
		}
	}
	return false
}

// contentHit classifies one attribution's content: it returns the
// accusation and denial it makes, if any.
func (ts *typedStage) contentHit(at *attribution, spk *entity, c *graph.Claim) []*typedHit {
	d := ts.d
	// Each sentence of the content is read on its own: a quote that runs
	// over several sentences charges in any of them.
	var out []*typedHit
	last := at.con1
	for last+1 < len(d.toks) && d.toks[last+1].end <= at.conEnd {
		last++ // a quote extended over following sentences
	}
	k := at.con0
	for k <= last {
		end := k
		for end < last && d.toks[end+1].sent == d.toks[k].sent {
			end++
		}
		w := k
		for w < end && d.toks[w].kind != tWord {
			w++
		}
		if !at.direct || int(d.toks[w].inq) >= 0 || k == at.con0 {
			out = append(out, ts.clauseHit(at, spk, c, k, end)...)
		}
		k = end + 1
	}
	return out
}

// clauseHit classifies the content tokens [k0, end] of one attribution.
func (ts *typedStage) clauseHit(at *attribution, spk *entity, c *graph.Claim, k0, end int) []*typedHit {
	d := ts.d
	if at.class != classAccuse && !ts.signal(k0, min(end, k0+60)) {
		return nil // no charge or denial word: spare the subject's resolution
	}
	k := k0
	for k <= end && (d.toks[k].kind != tWord || d.low(k) == "that") {
		k++
	}
	if k > end {
		return nil
	}
	if t := d.low(k); (t == "there" || t == "it") && !d.tok(k).upper || t == "there" {
		// "There is evidence that the Clintons cheated": the that-clause.
		for j := k + 1; j <= end && j < k+8; j++ {
			if d.low(j) == "that" && j+1 <= end {
				k = j + 1
				break
			}
		}
	}
	subj, self, z := ts.contentSubject(at, k, spk)
	if self && z >= 0 {
		// "he believed Fields had fabricated the story": the clause after
		// the speaker's own cue is what he charges.
		v := z + 1
		for v <= end && (d.is(v, wAux|wAdv) || d.isLyAdverb(v)) {
			v++
		}
		if v <= end && d.isCueAt(v) && !d.negatedAt(v, k) {
			v++
			for v <= end && (d.low(v) == "that" || d.toks[v].kind != tWord) {
				v++
			}
			if v <= end {
				if s2, self2, z2 := ts.contentSubject(at, v, spk); s2 != nil || self2 || ts.claimPhrase(v, end) {
					k, subj, self, z = v, s2, self2, z2
				}
			}
		}
	}
	limit := min(end, k+40)
	wrong, falsity, neg, fabricated := false, false, false, false
	for j := k; j <= limit; j++ {
		w := d.low(j)
		wrong = wrong || ts.lx.isWrong(w)
		falsity = falsity || ts.lx.falsity[w]
		neg = neg || d.is(j, wNeg) || w == "n't"
		fabricated = fabricated || fabricationWord(w) || w == "made" && d.low(j+1) == "up"
	}
	phrase := false
	if neg || fabricated || falsity || ts.signal(k, limit) {
		content := strings.ToLower(d.text[d.toks[k].start:d.toks[limit].end])
		for _, p := range denialPhrases {
			if strings.Contains(content, p) {
				phrase = true
				break
			}
		}
	}
	hit := func(kind graph.EdgeKind, to *entity) *typedHit {
		return &typedHit{kind: kind, from: []*entity{spk}, to: to, cue0: at.cue0, cue1: at.cue1, spk0: at.src0, spk1: at.src1, con0: k, con1: limit, claim: c}
	}
	claimSubj := ts.claimPhrase(k, limit)
	actor := subj != nil && !subj.source
	if actor && ts.passiveAfter(z+1, limit) {
		// "Israel was sold out by Kerry": the subject suffered the wrong.
		actor = false
		wrong = wrong && !ts.question(limit)
	}
	if ts.question(limit) {
		wrong = false // "did you lie to them?" asks, it does not charge
	}
	switch {
	case actor && ts.wrongPredicate(z+1, limit):
		// "Clinton said the families were wrong": she rejects their account.
		return []*typedHit{hit(graph.EdgeDenies, subj)}
	case actor && fabricated && !neg:
		// "he believed Fields had fabricated the story": a charge, and a
		// denial of what Fields said.
		return []*typedHit{hit(graph.EdgeAccuses, subj), hit(graph.EdgeDenies, subj)}
	case actor && wrong && !neg && !sameSide(spk, subj) && !allied(spk, subj):
		return []*typedHit{hit(graph.EdgeAccuses, subj)}
	case actor && at.class == classAccuse:
		return []*typedHit{hit(graph.EdgeAccuses, subj)}
	case (claimSubj || self) && (falsity || phrase):
		return []*typedHit{hit(graph.EdgeDenies, nil)}
	case self && neg && ts.accused(spk):
		// "Lewandowski said he never touched her", after he was accused.
		return []*typedHit{hit(graph.EdgeDenies, nil)}
	case phrase && at.direct, actor && neg && phrase:
		h := hit(graph.EdgeDenies, nil)
		if actor {
			h.behalf = subj // "Lewandowski is absolutely innocent," Hicks said
		}
		return []*typedHit{h}
	}
	if wrong && !neg {
		// "it was Fields's fault", "Clinton's negligence": the owner of a
		// wrong.
		for j := k + 1; j < limit; j++ {
			if d.possessive(j) && ts.lx.isWrong(d.low(j+1)) {
				if st := d.npLeft(j-1, k); st >= 0 {
					ts.context(st)
					if t := ts.resolveTarget(st, j-1); t != nil && t != spk && !allied(spk, t) {
						return []*typedHit{hit(graph.EdgeAccuses, t)}
					}
				}
			}
		}
		// "Israel was sold out by Kerry and Obama": the agent of a wrong.
		var out []*typedHit
		for _, t := range ts.wrongAgent(k, limit) {
			if t != spk && !sameSide(spk, t) {
				out = append(out, hit(graph.EdgeAccuses, t))
			}
		}
		return out
	}
	return nil
}

// contentSubject returns the entity a content clause starting at k is
// about, whether that is the speaker, and the last token of the subject.
// A third-person pronoun in a direct quote is not the speaker ("She lied
// to me," Smith said).
func (ts *typedStage) contentSubject(at *attribution, k int, spk *entity) (*entity, bool, int) {
	d := ts.d
	z := d.npRight(k, at.con1+1)
	if d.isSubjectPronoun(k) || d.low(k) == "i" {
		z = k
	}
	if z < 0 {
		// "some of Clinton's rhetoric": the owner of the subject.
		for j := k + 1; j <= at.con1 && j < k+6; j++ {
			if d.possessive(j) {
				if ts.roleAfter(j+1, at.con1) {
					break // "Trump's 41-year-old campaign manager": the manager
				}
				if st := d.npLeft(j-1, k); st >= 0 {
					return ts.resolveTarget(st, j-1), false, j - 1
				}
				break
			}
		}
		return nil, false, -1
	}
	pi, pron := pronouns[d.low(k)]
	if pron && z == k && pi.first {
		return nil, true, z
	}
	if pron && z == k && pi.neuter {
		return nil, false, z // "it's a sad day": rarely an actor
	}
	subj := ts.target(k, z)
	if subj != nil && subj != spk && allied(spk, subj) && !subj.person {
		// "The committee did not retaliate," said its spokesman: his own
		// side speaks through him.
		return nil, true, z
	}
	if subj == spk {
		if pron && z == k && at.direct && int(d.toks[k].inq) >= 0 {
			return ts.otherThan(spk, k, pi), false, z
		}
		return nil, true, z
	}
	return subj, false, z
}

// otherThan returns the last entity before pos, other than spk, that a
// pronoun with info p can refer to.
func (ts *typedStage) otherThan(spk *entity, pos int, p pronounInfo) *entity {
	for _, e := range ts.b.r.before(pos, 8) {
		if e == spk || e.source {
			continue
		}
		if (p.male || p.female) && (!e.person || e.plural || p.male && e.female || p.female && e.male) {
			continue
		}
		if p.plural && !(e.plural || e.kind == graph.ActorGroup || e.kind == graph.ActorOrganization || e.kind == graph.ActorGovernment) {
			continue
		}
		return e
	}
	return nil
}

// accused reports whether the article accuses e anywhere.
func (ts *typedStage) accused(e *entity) bool {
	for _, pe := range ts.b.edges {
		if pe.kind == graph.EdgeAccuses && pe.to == e {
			return true
		}
	}
	for _, h := range ts.hits {
		if h.kind == graph.EdgeAccuses && h.to == e {
			return true
		}
	}
	return false
}

// wrongAgent returns the agents of a wrong in a content span: "sold out
// by Kerry and Obama", "misled by the company".
func (ts *typedStage) wrongAgent(k, z int) []*entity {
	d := ts.d
	for j := k + 1; j <= z; j++ {
		if d.low(j) != "by" {
			continue
		}
		near := false
		for w := j - 1; w >= k && w >= j-3; w-- {
			near = near || ts.lx.isWrong(d.low(w))
		}
		if !near {
			continue
		}
		if e := d.npRight(j+1, z+1); e >= 0 {
			ts.context(j + 1)
			if parts := ts.b.compound(j+1, e); len(parts) > 1 {
				return parts
			}
			if t := ts.resolveTarget(j+1, e); t != nil {
				return []*entity{t}
			}
		}
	}
	return nil
}

// fabricationWord reports whether w says a statement was invented.
func fabricationWord(w string) bool {
	switch w {
	case "fabricated", "invented", "concocted", "fabricating", "fabrication":
		return true
	}
	return false
}

// roleAfter reports whether a role noun ("manager", "spokesman") heads
// the phrase that starts at k, before any verb.
func (ts *typedStage) roleAfter(k, z int) bool {
	d := ts.d
	for j := k; j <= z && j < k+6; j++ {
		if d.toks[j].kind != tWord && d.toks[j].low != "-" {
			return false
		}
		if d.is(j, wTitle|wAnon) && !d.toks[j].upper {
			return true
		}
		if d.is(j, wAux|wVerb) || ts.lx.verbs[d.low(j)].kind != 0 {
			return false
		}
	}
	return false
}

// passiveAfter reports whether the clause from k is passive: a form of
// "be" then a participle ("was sold out", "has been left").
func (ts *typedStage) passiveAfter(k, z int) bool {
	d := ts.d
	for j := k; j <= z && j < k+4; j++ {
		switch d.low(j) {
		case "is", "are", "was", "were", "been", "be", "being":
			n := j + 1
			for n <= z && (d.isLyAdverb(n) || d.is(n, wAdv)) {
				n++
			}
			w := d.low(n)
			return n <= z && !d.tok(n).upper && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || w == "sold" || w == "left" || w == "told" || w == "caught" || w == "held")
		}
		if !d.is(j, wAux|wAdv|wNeg) && !d.isLyAdverb(j) {
			return false
		}
	}
	return false
}

// question reports whether the sentence of token z ends with a question
// mark.
func (ts *typedStage) question(z int) bool {
	d := ts.d
	s := d.sents[int(d.toks[z].sent)]
	for j := s.b - 1; j >= s.a && j >= s.b-3; j-- {
		if d.toks[j].low == "?" {
			return true
		}
	}
	return false
}

// allied reports whether a and b belong to one body: one is the other's
// affiliation, or they share one, up the chain ("Lu Kang, spokesman of the
// Chinese Foreign Ministry" and China).
func allied(a, b *entity) bool {
	up := func(e *entity) []*entity {
		var out []*entity
		for k := 0; e != nil && k < 4; k++ {
			out = append(out, e)
			e = e.affil
		}
		return out
	}
	ua, ub := up(a), up(b)
	for _, x := range ua {
		for _, y := range ub {
			if x == y || x.country != "" && x.country == y.country {
				return true
			}
		}
	}
	return false
}

// claimPhrase reports whether the noun phrase at k, up to its verb, names a
// statement ("your allegations", "all of the claims in the suit").
func (ts *typedStage) claimPhrase(k, z int) bool {
	d := ts.d
	for j := k; j <= z && j < k+12 && !d.is(j, wAux|wVerb); j++ {
		if ts.lx.claimNouns[d.low(j)] && !d.toks[j].upper && !d.is(j, wPron) {
			return true
		}
	}
	return false
}

// signal reports whether tokens [a, z] hold a word of a charge or a
// denial: wrongdoing, falsity, negation or a fabrication.
func (ts *typedStage) signal(a, z int) bool {
	d := ts.d
	for j := a; j <= z; j++ {
		if ts.lx.info[d.low(j)]&(tiWrong|tiFalsity|tiNothing) != 0 || d.is(j, wNeg) || d.low(j) == "n't" {
			return true
		}
	}
	return false
}

// wrongPredicate reports whether the clause from k says its subject is
// mistaken: "were wrong in their recollections", "is mistaken".
func (ts *typedStage) wrongPredicate(k, z int) bool {
	d := ts.d
	for j := k; j <= z && j < k+5; j++ {
		switch d.low(j) {
		case "wrong", "mistaken":
			return true
		}
		if !d.is(j, wAux|wAdv) && !d.isLyAdverb(j) && d.toks[j].kind != tQuote {
			return false
		}
	}
	return false
}

// linkDenials gives each denial without a named accuser the one its
// article names: the last accusation of the denier (or of its side) before
// it, else the first after it, else the last accuser before it.
func (ts *typedStage) linkDenials() {
	b := ts.b
	type acc struct {
		from, to *entity
		at       int
		claim    *graph.Claim
		hit      *typedHit
	}
	var accs []acc
	for _, pe := range b.edges {
		if pe.kind == graph.EdgeAccuses {
			accs = append(accs, acc{pe.from, pe.to, pe.claim.CueStart, pe.claim, nil})
		}
	}
	for _, h := range ts.hits {
		if h.kind == graph.EdgeAccuses {
			for _, f := range h.from {
				accs = append(accs, acc{f, h.to, ts.d.toks[h.cue0].start, nil, h})
			}
		}
	}
	aimsAt := func(a acc, e *entity) bool {
		return e != nil && a.to != nil && (a.to == e || a.to.affil == e || e.affil == a.to || !a.to.person && !e.person && sameSide(e, a.to))
	}
	for _, h := range ts.hits {
		if h.kind != graph.EdgeDenies || h.to != nil {
			continue
		}
		den := h.from[0]
		// The accusation answered is aimed at the denier, or at the one
		// the denier speaks for ("Lewandowski is innocent," said Hicks).
		aimed := func(a acc) bool { return aimsAt(a, den) || aimsAt(a, h.behalf) }
		at := ts.d.toks[h.cue0].start
		best := -1
		// A named accuser before a description ("Podliska" before "a
		// former staffer"): the later one wins only at the same rank.
		// Then the one who accused the denier most often: the main
		// accuser of the story, not the last to repeat the charge.
		count := func(e *entity) int {
			n := 0
			for _, a := range accs {
				if a.from == e && aimed(a) {
					n++
				}
			}
			return n
		}
		better := func(k, than int, later bool) bool {
			if than < 0 {
				return true
			}
			nk, nt := named(accs[k].from), named(accs[than].from)
			if nk != nt {
				return nk
			}
			if ck, ct := count(accs[k].from), count(accs[than].from); ck != ct {
				return ck > ct
			}
			return later == (accs[k].at > accs[than].at)
		}
		for k, a := range accs {
			if a.at < at && aimed(a) && a.from != den && better(k, best, true) {
				best = k
			}
		}
		if best < 0 {
			for k, a := range accs {
				if a.at > at && aimed(a) && a.from != den && better(k, best, false) {
					best = k
				}
			}
		}
		if best < 0 {
			for k, a := range accs {
				if a.at < at && a.from != den && !sameSide(den, a.from) && better(k, best, true) {
					best = k
				}
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
		if best >= 0 {
			h.to = accs[best].from
			h.deniedHit, h.denied = accs[best].hit, accs[best].claim
		}
	}
	// A denial whose accuser the sentence names ("rejected Exxon's
	// accusation") answers that accuser's last charge against the denier.
	for _, h := range ts.hits {
		if h.kind != graph.EdgeDenies || h.to == nil || h.denied != nil || h.deniedHit != nil {
			continue
		}
		at := ts.d.toks[h.cue0].start
		best := -1
		for k, a := range accs {
			if a.from == h.to && aimsAt(a, h.from[0]) && (best < 0 || a.at < at && a.at > accs[best].at) {
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
	for k := len(b.claims) - 1; k >= 0; k-- {
		at := b.ats[k]
		if at == nil || at.cue0 >= i {
			continue
		}
		if si-int(d.toks[at.cue0].sent) > 3 {
			break
		}
		e := b.spk[k]
		if e == nil || e == den || e.source || e.kind == graph.ActorAnonymous || sameSide(den, e) {
			continue
		}
		return e, b.claims[k]
	}
	return nil, nil
}

// emit gives every hit a claim (the attribution's, one with the same cue,
// or a new one for the sentence) and appends its edges.
func (ts *typedStage) emit() {
	b, d := ts.b, ts.d
	type key struct {
		kind     graph.EdgeKind
		from, to *entity
		claim    *graph.Claim
	}
	have := map[key]bool{}
	for _, pe := range b.edges {
		have[key{pe.kind, pe.from, pe.to, pe.claim}] = true
	}
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
	for _, h := range ts.hits {
		for _, f := range h.from {
			if f == nil || f.source && f.skind != graph.SourceDocument {
				continue
			}
			pe := pendingEdge{kind: h.kind, from: f, to: h.to, claim: h.claim, denied: h.denied}
			if h.to == nil {
				if h.kind != graph.EdgeDenies {
					continue
				}
				pe.toClaim = true
			} else if h.to == f || h.to.source && h.to.skind != graph.SourceDocument {
				continue
			}
			if have[key{pe.kind, pe.from, pe.to, pe.claim}] {
				continue
			}
			have[key{pe.kind, pe.from, pe.to, pe.claim}] = true
			b.edges = append(b.edges, pe)
		}
	}
	_ = d
}

// claimFor returns the claim of a hit: the claim whose cue is the hit's
// cue, else a new claim of the sentence, spoken by the hit's first actor.
func (ts *typedStage) claimFor(h *typedHit) *graph.Claim {
	b, d := ts.b, ts.d
	cs, ce := d.toks[h.cue0].start, d.toks[h.cue1].end
	for _, c := range b.claims {
		if c.CueStart <= cs && cs < c.CueEnd || c.CueStart == cs {
			return c
		}
	}
	for ci, c := range b.claims {
		// A charge inside what someone said ("Johnson says hackers are
		// taking aim at officials") is read from that claim.
		if b.ats[ci] != nil && c.Start <= cs && ce <= c.End {
			return c
		}
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
