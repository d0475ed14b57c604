package extract

import (
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// This file holds the typed stage's noun-phrase work: who a subject,
// object or owner names, read with the article's resolver, and which
// phrases can name an actor at all.

// subject returns the entities that act at verb i, with the span of the
// subject as written: a noun phrase on its left (split when it coordinates
// names), a relative pronoun's antecedent, or, for a participle clause
// (", accusing …"), the subject of the sentence.
func (ts *typedStage) subject(i int, ing bool, s sentence) ([]*entity, int, int) {
	d := ts.d
	if i-1 > s.a && d.toks[i-1].kind == tQuote && d.toks[i-1].q == qOpen {
		// he "rejects Trump's comments": the quote opens after the subject.
		return ts.subject(i-1, ing, s)
	}
	p := d.skipLeft(i-1, s.a)
	switch {
	case p >= s.a && d.low(p) == "to":
		return ts.controlSubject(p, s)
	case ing && i == s.a:
		return ts.openingParticipleSubject(i, s)
	case ing && (p < s.a || d.low(p) == "," || d.is(p, wPrep|wSub)):
		return ts.trailingParticipleSubject(i, s)
	}
	if ing {
		// "X filed a $40 million lawsuit in 2013 alleging that …": the
		// lawsuit's words are its filer's.
		if f, fa, fz := ts.filerBefore(i, s); len(f) > 0 {
			return f, fa, fz
		}
	}
	if p > s.a && (d.low(p) == "that" || d.low(p) == "which") && d.is(p-1, wDoc) && !d.toks[p-1].upper {
		// "a Trump tweet that blasts Clinton", "released a video that
		// blasts Ruiz": the document speaks for its author.
		if f, fa, fz := ts.documentAuthor(p-1, s); len(f) > 0 {
			return f, fa, fz
		}
	}
	a, z := d.subjectLeft(i, s.a)
	if a < 0 {
		return ts.secondVerbSubject(i, p, s)
	}
	if ing && d.is(z, wDoc) && a > s.a && !d.toks[z].upper {
		// "Coll has published a letter strongly disputing the claims": the
		// letter speaks for whoever published it.
		if v := d.skipLeft(a-1, s.a); v >= s.a && d.word(v) && !d.toks[v].upper && !d.is(v, wPrep|wDet|wConj) {
			return ts.subject(v, false, s)
		}
	}
	a, z = ts.subjectHead(a, z, s)
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
	return ts.subjectEntities(a, d.beforeAppositive(a, z), s)
}

// documentAuthor returns the author of the document whose noun ends at h:
// the one it is named for ("a Trump tweet"), or the subject of the verb
// that made it public ("Hale released a video"); nothing otherwise.
func (ts *typedStage) documentAuthor(h int, s sentence) ([]*entity, int, int) {
	d := ts.d
	st := d.npLeft(h, s.a)
	if st < 0 {
		return nil, -1, -1
	}
	ts.context(st)
	e := ts.resolve(st, h)
	if e != nil && e.source && e.affil != nil && !e.affil.source {
		return []*entity{e.affil}, st, h
	}
	if v := d.skipLeft(st-1, s.a); v >= s.a && d.word(v) && !d.toks[v].upper && (strings.HasSuffix(d.low(v), "ed") || sentVerbs[d.low(v)]) && !d.is(v, wPrep|wDet|wConj) {
		return ts.subject(v, false, s)
	}
	if e != nil && e.source && e.skind == graph.SourceDocument {
		return []*entity{e}, st, h // its unnamed authors (docActor)
	}
	return nil, -1, -1
}

// sentVerbs are irregular past forms that make a document public: "sent
// a letter", "wrote a memo".
var sentVerbs = map[string]bool{"sent": true, "wrote": true, "put": true, "sends": true, "writes": true}

// filerBefore returns the subject of a filing verb shortly before the
// participle at i whose object is a lawsuit or a complaint ("filed a
// lawsuit in 2013 alleging …"), or nothing.
func (ts *typedStage) filerBefore(i int, s sentence) ([]*entity, int, int) {
	d := ts.d
	doc := false
	for v := i - 1; v >= s.a && v > i-12; v-- {
		w := d.low(v)
		if w == "lawsuit" || w == "suit" || w == "complaint" || w == "lawsuits" || w == "suits" {
			doc = true
		}
		if filingVerbs[w] && doc {
			return ts.subject(v, strings.HasSuffix(w, "ing"), s)
		}
		if t := d.toks[v]; t.kind != tWord && t.low != "$" && t.low != "-" && t.low != "," || d.is(v, wSub) {
			break
		}
	}
	return nil, -1, -1
}

// controlSubject returns the subject of the verb that governs the
// to-infinitive whose "to" is at p ("continued to say", "went on to
// rebut", "was back to implying"); an infinitive after any other word
// has none.
func (ts *typedStage) controlSubject(p int, s sentence) ([]*entity, int, int) {
	d := ts.d
	q := d.skipLeft(p-1, s.a)
	if q < s.a {
		return nil, -1, -1
	}
	if toAdverbs[d.low(q)] {
		return ts.subject(q-1, false, s)
	}
	if controlVerbs[d.low(q)] {
		return ts.subject(q, false, s)
	}
	if v := q - 2; v >= s.a && d.low(q-1) == "to" && d.toks[q].upper && tookVerbs[d.low(v)] {
		// "took to Twitter to call Fields delusional", "taking to the
		// airwaves to …": the one who took to it.
		return ts.subject(v, strings.HasSuffix(d.low(v), "ing"), s)
	}
	return nil, -1, -1
}

// tookVerbs are the forms of "take" in "took to Twitter to …".
var tookVerbs = map[string]bool{"took": true, "take": true, "takes": true, "taking": true, "taken": true}

// controlVerbs pass their subject to a following to-infinitive:
// "continued to deny".
var controlVerbs = map[string]bool{
	"continue": true, "continues": true, "continued": true, "continuing": true, "begin": true, "began": true,
	"begun": true, "start": true, "started": true, "try": true, "tried": true, "tries": true, "seek": true,
	"seeks": true, "vow": true, "vowed": true, "went": true, "goes": true, "go": true, "moved": true,
	"rushed": true, "sought": true, "appeared": true, "appears": true, "seemed": true, "proceeded": true,
	"chose": true, "decided": true, "wanted": true, "wants": true, "used": true,
}

// toAdverbs stand between a verb and the to-infinitive it governs: "went
// on to rebut", "was back to implying".
var toAdverbs = map[string]bool{"on": true, "back": true}

// openingParticipleSubject returns the subject of the clause after the
// participle phrase that opens the sentence at i ("Railing against Trump,
// Sanders vowed …"), when it names an actor.
func (ts *typedStage) openingParticipleSubject(i int, s sentence) ([]*entity, int, int) {
	d := ts.d
	for c := i + 1; c < s.b && c < i+15; c++ {
		if d.toks[c].low != "," {
			continue
		}
		if z := d.npRight(c+1, s.b); z >= 0 {
			ts.context(c + 1)
			if e := ts.resolve(c+1, ts.nameEnd(c+1, z)); ts.actorEntity(e) {
				return []*entity{e}, c + 1, z
			}
		}
		break
	}
	return nil, -1, -1
}

// trailingParticipleSubject returns who acts in a participle clause that
// follows its sentence's verb: the speaker of an earlier cue of the
// sentence ("X held Y responsible, accusing it of …"), else the subject
// of the sentence, when it is an actor.
func (ts *typedStage) trailingParticipleSubject(i int, s sentence) ([]*entity, int, int) {
	b, d := ts.b, ts.d
	// The last attribution cue before i, by bisection, if it is in the
	// sentence.
	for k := sort.Search(ts.nAts, func(n int) bool { return b.claims[n].CueStart >= d.toks[i].start }) - 1; k >= 0; k = -1 {
		at := b.ats[k]
		if at == nil || at.cue0 >= i || at.cue0 < s.a || strings.HasSuffix(d.low(at.cue0), "ing") {
			continue // a participle of its own ("a lawsuit … alleging …, calling it meritless") is no clause subject
		}
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
	e := b.subjectOf(int(d.toks[i].sent))
	if !ts.actorEntity(e) {
		return nil, -1, -1
	}
	return []*entity{e}, -1, -1
}

// secondVerbSubject returns, for a verb at i with no subject on its left
// that follows "and" or a comma at p, the actor that opens its sentence:
// "Smith spoke at the convention and delivered a critique", "has mocked a
// reporter, referred to migrants as …". Otherwise it returns nil.
func (ts *typedStage) secondVerbSubject(i, p int, s sentence) ([]*entity, int, int) {
	d := ts.d
	if p > s.a && (d.low(p) == "and" || d.low(p) == ",") {
		if e := ts.b.subjectOf(int(d.toks[i].sent)); e != nil && ts.actorEntity(e) {
			return []*entity{e}, -1, -1
		}
	}
	return nil, -1, -1
}

// subjectHead returns the noun phrase that acts when the one [a, z] left
// of the verb does not: the noun before a relative clause whose object
// [a, z] is ("One of the docs who sent the letter called Oz a quack"),
// the name before an occasion ("Stumpf in a televised interview appeared
// to blame"), or the noun that heads modifiers ending in a place ("Two
// lawsuits being considered in San Diego have accused"). Else [a, z].
func (ts *typedStage) subjectHead(a, z int, s sentence) (int, int) {
	d := ts.d
	if rel := ts.relativeBefore(a, s); rel >= 0 {
		if st := d.npLeft(rel-1, s.a); st >= 0 {
			return st, rel - 1
		}
		return a, z
	}
	p := a - 1
	for p > s.a && (d.is(p, wDet) || d.word(p) && !d.toks[p].upper && (strings.HasSuffix(d.low(p), "ed") || strings.HasSuffix(d.low(p), "ing"))) {
		p-- // "in [a televised] interview"
	}
	if p-1 >= s.a && d.is(p, wPrep) && !d.toks[p].upper && d.toks[p-1].upper && d.word(p-1) {
		// "Stumpf in a televised interview appeared to blame": the name
		// before the occasion.
		if st := d.npLeft(p-1, s.a); st >= 0 {
			return st, p - 1
		}
		return a, z
	}
	if a > s.a && d.is(a-1, wPrep) && !d.toks[a-1].upper {
		if h := ts.modifiedHead(a, s); h >= 0 {
			if st := d.npLeft(h, s.a); st >= 0 {
				return st, h
			}
		}
	}
	return a, z
}

// modifiedHead returns the noun for a document, people or a body that
// heads the modifiers ending before the preposition at a-1 (a participle,
// "being considered in"), or -1.
func (ts *typedStage) modifiedHead(a int, s sentence) int {
	d := ts.d
	for h := a - 2; h >= s.a && h > a-10; h-- {
		w := d.low(h)
		if d.is(h, wDoc|wAnon|wOrg) || peopleNouns[w] || len(w) > 3 && w[len(w)-1] == 's' && d.lx.sets[w[:len(w)-1]]&(wDoc|wAnon|wOrg) != 0 {
			return h
		}
		if d.toks[h].kind != tWord || d.is(h, wAux) && !strings.HasSuffix(w, "ing") {
			return -1
		}
	}
	return -1
}

// beforeAppositive returns the last token of the names that open the
// subject [a, z] before an appositive ("Smith and Woods, the parents of
// …, have filed"), or z.
func (d *doc) beforeAppositive(a, z int) int {
	for k := a + 1; k < z; k++ {
		if d.toks[k].low == "," && (d.is(k+1, wDet) && !d.tok(k+1).upper || !d.tok(k+1).upper || isPossessiveDet(d.low(k+1))) {
			return k - 1
		}
	}
	return z
}

// subjectEntities resolves the subject [a, z]: each name it coordinates,
// or its entity together with a name joined to it by "and" on its left
// ("Trump and his attorneys denied").
func (ts *typedStage) subjectEntities(a, z int, s sentence) ([]*entity, int, int) {
	d := ts.d
	ts.context(a)
	if parts := ts.b.compound(a, z); len(parts) > 1 {
		return parts, a, z
	}
	if a == z && d.low(a) == "it" {
		// "It accused the FDIC of …", "It goes on to fault …": the
		// document last named (the report, the lawsuit, the letter).
		if doc := ts.lastDocument(a); doc != nil {
			return []*entity{doc}, a, z
		}
	}
	e := ts.resolve(a, z)
	if e == nil {
		// "Lawyers for the tenants", "advocates for victims": the people
		// the phrase is headed by, when the whole names no one.
		k := ts.peopleHeadPrep(a, z)
		if k < 0 {
			return nil, -1, -1
		}
		if e = ts.resolve(a, k-1); e == nil {
			return nil, -1, -1
		}
		z = k - 1
	}
	if d.low(a-1) == "and" && a-2 >= s.a && d.tok(a-2).upper {
		if st := d.npLeft(a-2, s.a); st >= 0 && (st == s.a || d.clauseEdge(st-1)) {
			ts.context(st)
			if o := ts.resolve(st, a-2); o != nil && o != e {
				return []*entity{o, e}, st, z
			}
		}
	}
	return []*entity{e}, a, z
}

// peopleHeadPrep returns the first preposition within the subject [a, z]
// when the word before it is a noun for people, from peopleNouns or a
// plural of an unnamed-official word ("Lawyers for the tenants",
// "advocates for victims"), or -1.
func (ts *typedStage) peopleHeadPrep(a, z int) int {
	d := ts.d
	for k := a + 1; k < z && k <= a+3; k++ {
		if !d.is(k, wPrep) || d.toks[k].upper {
			continue
		}
		w := d.low(k - 1)
		if peopleNouns[w] || d.is(k-1, wAnon) && strings.HasSuffix(w, "s") {
			return k
		}
		return -1
	}
	return -1
}

// lastDocument returns the document source mentioned last before token
// pos within three sentences, or nil.
func (ts *typedStage) lastDocument(pos int) *entity {
	d := ts.d
	si := int(d.toks[pos].sent)
	var best *entity
	bestPos := -1
	recent := ts.b.r.recent
	for k := len(recent) - 1; k >= 0 && k >= len(recent)-200; k-- {
		// The stage resolves out of order, so the latest record is not
		// always the nearest mention: keep the nearest one.
		m := recent[k]
		if m.pos >= pos || m.pos <= bestPos || si-int(d.toks[m.pos].sent) > 3 {
			continue
		}
		if m.e.source && m.e.skind == graph.SourceDocument {
			best, bestPos = m.e, m.pos
		}
	}
	// A document that spoke ("A congressional report said …") is the
	// speaker of a claim, not a recorded mention.
	b := ts.b
	at := d.toks[pos].start
	for k := sort.Search(ts.nAts, func(i int) bool { return b.claims[i].CueStart >= at }) - 1; k >= 0; k-- {
		if b.ats[k] == nil || si-int(d.toks[b.ats[k].cue0].sent) > 3 {
			break
		}
		if e := b.spk[k]; e.source && e.skind == graph.SourceDocument && b.ats[k].src0 > bestPos {
			return e
		}
	}
	return best
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
	return e != nil && !junkName(e.name) && !(e.kind == graph.ActorAnonymous && e.name == "unnamed source") && !(e.source && e.skind != graph.SourceDocument) && ts.headsActor(e.name)
}

// headsActor reports whether a name ends in a word that can name an actor:
// a capitalised word, or a noun for people, bodies or documents ("Clinton
// use" cannot speak).
func (ts *typedStage) headsActor(name string) bool {
	i := strings.LastIndexByte(name, ' ')
	w := name[i+1:]
	lx := ts.d.lx
	if w == "" {
		return true
	}
	if w[0] < 'a' || w[0] > 'z' {
		// A capitalised last word names, unless it is a day or month
		// ("Florida Friday").
		return i < 0 || lx.sets[strings.ToLower(w)]&(wTime|wMonth) == 0
	}
	bits := uint32(wAnon | wOrg | wTitle | wGov | wDoc)
	return lx.sets[w]&bits != 0 || peopleNouns[w] || len(w) > 3 && w[len(w)-1] == 's' && (lx.sets[w[:len(w)-1]]&bits != 0 || peopleNouns[w[:len(w)-1]])
}

// quoteSpeaker returns the speaker of the claim whose content holds token
// k, or nil.
func (ts *typedStage) quoteSpeaker(k int) *entity {
	at := ts.d.toks[k].start
	ci := ts.claimIndexAround(at, at+1)
	if ci < 0 {
		return nil
	}
	if e := ts.b.spk[ci]; e != nil && !e.source && !(e.kind == graph.ActorAnonymous && e.name == "unnamed source") {
		return e
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

// relativeBefore returns the token of "who" or "that" when the noun phrase
// starting at a is the object of a relative clause ("the docs who sent the
// letter called"), or -1.
func (ts *typedStage) relativeBefore(a int, s sentence) int {
	d := ts.d
	v := a - 1
	if v-1 < s.a || !d.word(v) || d.toks[v].upper {
		return -1
	}
	w := d.low(v)
	if !(strings.HasSuffix(w, "ed") || d.is(v, wVerb) || d.isCueAt(v)) || d.is(v, wAux) {
		return -1
	}
	if r := v - 1; d.low(r) == "who" || d.low(r) == "that" {
		return r
	}
	return -1
}

// context points the resolver's pronoun heuristics at the attribution
// nearest before token pos: the builder ran them in article order, and the
// typed stage reads the article again from its start.
func (ts *typedStage) context(pos int) {
	b := ts.b
	at := ts.d.toks[pos].start
	r := b.r
	r.lastSpk, r.lastSent = nil, -10
	// The attribution stage's claims come first, in cue order: the last
	// one before pos is found by bisection.
	k := sort.Search(ts.nAts, func(i int) bool { return b.claims[i].CueStart >= at }) - 1
	if k >= 0 && b.ats[k] != nil {
		r.lastSpk = b.spk[k]
		r.lastSent = int(ts.d.toks[b.ats[k].cue0].sent)
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
		if f == h && (d.is(f, wStarter|wPrep|wSub|wConj|wAdv|wAux|wNeg) || ts.commonWord(f) || strings.Contains(t.low, "'") || discourseWords[t.low] ||
			ts.opensSentence(f) && (strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "ing"))) {
			return false // "Well", "Recent", "Climate", "You'd": a capital that opens a sentence
		}
		return !lawNames[t.low] // "the Affordable Care Act" is no actor
	}
	bits := uint32(wAnon | wOrg | wTitle | wGov)
	if doc {
		bits |= wDoc
	}
	return d.is(h, bits) || peopleNouns[t.low]
}

// commonWord reports whether the capitalised word at k opens its sentence
// or quote and is written in lower case elsewhere in the article: a common
// word, not a name ("Climate change, Mr. Obama says, …").
func (ts *typedStage) commonWord(k int) bool {
	d := ts.d
	t := d.toks[k]
	if !ts.opensSentence(k) || len(t.low) < 3 {
		return false
	}
	if len(d.text) < 1<<16 {
		return lowerInText(d.text, t.low) // a news article: one scan is cheapest
	}
	if ts.lowerWords == nil {
		// A long text: every word it writes in lower case, read once.
		ts.lowerWords = make(map[string]bool)
		for i := range d.toks {
			if tk := &d.toks[i]; tk.kind == tWord && !tk.upper {
				ts.lowerWords[tk.low] = true
			}
		}
	}
	return ts.lowerWords[t.low]
}

// lowerInText reports whether the lower-case word w stands in text as a
// whole word.
func lowerInText(text, w string) bool {
	for i := strings.Index(text, w); i >= 0; {
		before, after := i == 0 || !isWordByte(text[i-1]), i+len(w) >= len(text) || !isWordByte(text[i+len(w)])
		if before && after {
			return true
		}
		j := strings.Index(text[i+1:], w)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// opensSentence reports whether token k opens its sentence or a quote.
func (ts *typedStage) opensSentence(k int) bool {
	d := ts.d
	return k == d.sents[int(d.toks[k].sent)].a || k > 0 && (d.toks[k-1].kind == tQuote || d.toks[k-1].low == ":")
}

// discourseWords open a spoken sentence without naming anyone: "Well, …".
var discourseWords = map[string]bool{"well": true, "yes": true, "no": true, "look": true, "listen": true, "okay": true, "ok": true, "now": true, "so": true, "oh": true, "sure": true, "right": true}

// lawNames are the last words of named laws, plans and treaties, which are
// not actors.
var lawNames = map[string]bool{"act": true, "law": true, "treaty": true, "amendment": true, "accord": true, "accords": true, "agreement": true, "initiative": true, "program": true, "programme": true, "plan": true, "deal": true}

// peopleNouns are common nouns for people that can accuse or be accused
// besides the lexicon's speaker nouns: "rivals", "the families".
var peopleNouns = map[string]bool{
	"rivals": true, "rival": true, "families": true, "family": true, "parents": true, "mother": true, "father": true,
	"students": true, "women": true, "wife": true, "husband": true, "journalists": true, "journalist": true,
	"protesters": true, "demonstrators": true, "republicans": true, "democrats": true, "conservatives": true,
	"liberals": true, "victims": true, "victim": true, "plaintiffs": true, "plaintiff": true, "defendant": true,
	"groups": true, "group": true, "advocates": true, "organizers": true, "candidates": true, "lawyers": true,
	"attorneys": true, "prosecutor": true, "regulators": true, "hackers": true, "staffer": true, "staff": true,
	"rebels": true, "militants": true, "insurgents": true, "separatists": true, "troops": true, "fighters": true,
	"gunmen": true, "terrorists": true, "extremists": true, "villagers": true, "settlers": true, "immigrants": true,
	"refugees": true, "migrants": true, "doctors": true, "nurses": true, "teachers": true, "judges": true,
	"bankers": true, "executives": true, "donors": true, "citizens": true, "agents": true, "guards": true,
	"moderators": true, "reporters": true, "media": true, "press": true, "opposition": true,
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
	for j := k + 1; j <= z; j++ {
		if d.toks[j].upper {
			return z // "Democratic presidential nominee Hillary Clinton": a name follows
		}
	}
	if d.is(z, wOrg|wTitle|wAnon|wGov) && !d.toks[z].upper || k == run+1 && ts.b.r.demonymCode(d.low(run)) != "" {
		return z // "the Lumerian intelligence service": a body; "the American media"
	}
	if k == run+1 && run == a && ts.opensSentence(run) {
		return z // "Special tax breaks …": a capital that opens the sentence, not a name
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
	if a < z && (numberWord(d.low(a)) || isNumber(d.low(a))) && d.word(a+1) && !d.is(a+1, wPrep) {
		return a + 1 // "Two class action lawsuits": the lawsuits
	}
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
	if k >= s.b || k >= len(d.toks) {
		return -1, -1 // the verb ends the sentence: nothing accused
	}
	if d.toks[k].kind == tQuote {
		k++
	}
	e := d.npRight(k, s.b)
	if e < 0 {
		return -1, -1
	}
	if d.is(e, wTitle) && d.low(e+1) == "of" && titleOf[d.low(e+2)] {
		e += 2 // "the former secretary of state"
	}
	if e == k && quantifiers[d.low(k)] && d.low(k+1) == "of" {
		// "accused one of the journalists of …": the members.
		if m := d.npRight(k+2, s.b); m > 0 {
			e = m
		}
	}
	for j := k + 1; j <= e; j++ {
		if w := d.low(j); w == "for" || w == "over" {
			return k, j - 1 // "blamed low-level workers for this behavior"
		}
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

// titleOf are the words after "of" in a title: "secretary of state".
var titleOf = map[string]bool{
	"state": true, "defense": true, "defence": true, "staff": true, "justice": true, "commerce": true, "labor": true,
	"treasury": true, "education": true, "energy": true, "health": true, "transportation": true, "agriculture": true,
	"interior": true, "homeland": true, "police": true, "communications": true,
}

// timeNouns are lower-case nouns of time that can follow a name without
// being part of it.
var timeNouns = map[string]bool{"hours": true, "days": true, "weeks": true, "months": true, "years": true, "minutes": true, "times": true}

// target returns the entity a noun phrase charges: its possessive owner
// ("Trump's proposal") or the phrase itself.
func (ts *typedStage) target(a, z int) *entity {
	d := ts.d
	a = ts.skipQuantifier(a, z)
	z = ts.nameEnd(a, z)
	if n0, n1 := ts.appositiveName(a, z); n0 >= 0 {
		// "a campaign aide, Corey Lando, grabbed her": the name says who.
		a, z = n0, n1
	}
	if a < z && d.low(a) == "both" {
		a++
	}
	for k := a + 1; k <= z; k++ {
		// A headline's capitals: "Clinton Hid Past Health Problems" is
		// Clinton and what she did.
		if d.toks[k].upper && (ts.lx.isWrong(d.low(k)) || d.is(k, wVerb)) && d.toks[k-1].upper {
			z = k - 1
			break
		}
	}
	if parts := ts.conjoined(a, z); parts != nil {
		// "Hale and Price": the first; the caller adds the others
		// (moreTargets, clauseHit), never one actor named for both.
		return parts[0]
	}
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
	if isPossessiveDet(d.low(a)) && a < z && d.low(a+1) != "own" {
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

// conjoined returns the actors a coordination [a, z] names when each is
// known by a full name ("Tom Hale and Dan Price", "Trump and Clinton"
// after both were named), else nil: "Procter and Gamble" met for the
// first time may be one company.
func (ts *typedStage) conjoined(a, z int) []*entity {
	parts := ts.b.compound(a, z)
	if len(parts) < 2 {
		return nil
	}
	for _, p := range parts {
		if !strings.Contains(p.name, " ") {
			return nil
		}
	}
	return parts
}

// appositiveName returns the span of the name that a common noun phrase
// [a, z] is set beside between commas ("a campaign aide, Corey Lando,";
// "one of the journalists, Susanne Rust,"), or -1, -1. The phrase must
// start with a determiner and end in a lower-case noun, and the name be
// capitalised words closed by a comma.
func (ts *typedStage) appositiveName(a, z int) (int, int) {
	d := ts.d
	if !d.is(a, wDet) && !isPossessiveDet(d.low(a)) || d.toks[z].upper || d.toks[z].kind != tWord || z+2 >= len(d.toks) || d.toks[z+1].low != "," {
		return -1, -1
	}
	n0 := z + 2
	n1 := n0
	for n1 < len(d.toks) && n1-n0 < 5 && d.toks[n1].kind == tWord && d.toks[n1].upper {
		n1++
	}
	if n1 == n0 || n1 >= len(d.toks) || d.toks[n1].low != "," || d.is(n0, wDet|wStarter|wPrep|wSub|wConj|wAdv) {
		return -1, -1
	}
	return n0, n1 - 1
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
		if t := d.toks[j]; j > k && (t.low == "—" || t.low == "–" || t.low == "-" && j > 0 && d.toks[j-1].end < t.start) {
			break // a dash opens an aside: "lied about it - if the grab …"
		}
		if j > k && (d.low(j) == "or" || d.low(j) == "but") && strings.HasSuffix(d.low(j+1), "ing") {
			break // "going after Trump as unfit or poking holes in …"
		}
		e = j
	}
	return e
}
