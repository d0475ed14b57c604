package extract

import "strings"

// This file reads one cue verb: tryCue recognises it, rules out the
// readings of the word that are no cue, and reads its frame (participle,
// passive, subject on the left, trailing tag, inversion) for a source and
// content.

// holdForms are the forms of "hold" in "held Pakistan responsible".
var holdForms = wordSet("hold holds held holding")

// makeForms are the forms of "make" in "made it clear".
var makeForms = wordSet("make makes made making")

// participleOpeners are subordinators that give a participle cue the
// subject of its clause ("before saying", "while insisting").
var participleOpeners = wordSet("before after while by when")

// admissionLemmas are cues whose negation reads as a denial ("did not
// confirm", "never acknowledged").
var admissionLemmas = wordSet("confirm acknowledge admit")

// goForms are the forms of "go" in "went on to say".
var goForms = wordSet("go goes went")

// callParticles are the words after "call" that make it a cue with a
// recipient or an object ("called on Kabul to …", "called for talks").
var callParticles = wordSet("on for upon")

// tryCue tests whether the word at i is a cue and, if so, finds its source
// and content. It recognises the cue (a frame of its own or a cue verb),
// rules out the readings that are no cue verb, settles "call", and reads
// the verb's frame: a participle, a passive, or an active verb with its
// subject on the left or inverted after it.
func (d *doc) tryCue(i int, s sentence) *attribution {
	if at, ok := d.framedCue(i, s); ok {
		return at
	}
	cf, cue1, ok := d.cueVerb(i, s)
	if !ok {
		return nil
	}
	t := d.toks[i]
	if cue1 == i && d.phrasalNotCue(i, cf) || d.modifyingParticiple(i, cue1, cf, s) || d.capitalisedName(i, cf, s) {
		return nil
	}
	if t.upper && i == s.a && t.low == "said" {
		return d.saidColon(i, s) // "Said Ellis: "…""
	}
	if d.nounReading(i, cue1, cf, s) {
		return nil
	}
	if cf.lemma == "call" {
		if cue1, cf.flags, ok = d.callFrame(i, s); !ok {
			return nil
		}
	}
	at := d.ats.alloc()
	*at = attribution{cue0: i, cue1: cue1, src0: -1, src1: -1, class: cf.class, target0: -1, target1: -1, recip0: -1, recip1: -1}
	if d.negatedAdmission(i, cf) {
		at.class = classDeny
	}
	if cf.ing {
		if res, done := d.participleFrame(at, i, cue1, &cf, s); done {
			return res
		}
	}
	if p, ok := d.passiveAux(i, cf, s); ok {
		if d.low(cue1+1) == "by" {
			return d.passiveAgent(at, p, cue1, cf, s)
		}
		return d.agentlessPassive(at, p, cue1, cf, s)
	}
	if !t.upper {
		i = d.chainedCue(at, i)
	}
	// Coordinated verb phrase: "… but called on Kabul to …".
	q := d.skipLeft(i-1, s.a)
	if q >= s.a && (d.low(q) == "and" || d.low(q) == "but") && !d.compoundSubject(q, s) {
		return d.inheritedContent(at, cf, s)
	}
	if s0, s1 := d.subjectLeft(i, s.a); s0 >= 0 {
		return d.subjectFrame(at, s0, s1, cue1, cf, s)
	}
	// Inversion: "…," said X.
	if cf.flags&fInv != 0 && q >= s.a && (d.toks[q].low == "," || d.toks[q].kind == tQuote && d.toks[q].q == qClose || d.toks[q].low == "—") {
		return d.inversion(at, q, cue1, s)
	}
	return nil
}

// framedCue reads the frames that open on a word other than a cue verb
// ("in X's view", "in its finding", "his claim that", "confident that",
// "according to"); ok reports whether the word at i opens one, and then
// at is its attribution or nil.
func (d *doc) framedCue(i int, s sentence) (at *attribution, ok bool) {
	t := &d.toks[i]
	low := t.low
	nx := d.low(i + 1)
	switch {
	case low == "in" && (i == s.a || d.toks[i-1].kind != tWord || d.is(i-1, wConj)):
		if at := d.inView(i, s); at != nil {
			return at, true
		}
		return d.inFinding(i, s), true
	case nx == "that" && (d.low(i-1) == "'s" || isPossessiveDet(d.low(i-1))) && nounCues[low]:
		return d.possessiveNounCue(i, s), true
	case (nx == "that" || nx == "to") && !t.upper && adjCues[low] != 0:
		return d.adjectiveCue(i, s), true
	case low == "according" && d.low(i+1) == "to":
		return d.accordingTo(i, s), true
	}
	return nil, false
}

// cueVerb returns the cue form of the word at i and the last token of the
// cue: a lexicon cue verb, or a multi-word cue ("held … responsible",
// "made it clear", "pointed out", "quoted as saying"). ok is false when
// the word is no cue.
func (d *doc) cueVerb(i int, s sentence) (cf cueForm, cue1 int, ok bool) {
	t := &d.toks[i]
	low := t.low
	switch {
	case holdForms[low] && d.responsibleAfter(i, s):
		return cueForm{lemma: "hold", class: classAccuse, flags: fRecip | fObj}, i, true
	case makeForms[low] && d.low(i+1) == "it" && d.low(i+2) == "clear" && !t.upper:
		return cueForm{lemma: "make clear", class: classSpeech, flags: fThat}, i + 2, true
	case low == "pointed" && d.low(i+1) == "out":
		return cueForm{lemma: "point out", class: classSpeech, flags: fThat | fQuote | fInv}, i + 1, true
	case low == "quoted" && d.low(i+1) == "as" && d.word(i+2):
		if c2, ok := d.lx.cues[d.low(i+2)]; ok && c2.ing {
			return cueForm{lemma: "quote", class: classSpeech, flags: fThat | fQuote}, i + 2, true
		}
		return cueForm{}, i, false
	}
	if !t.cue {
		return cueForm{}, i, false
	}
	cf, ok = d.lx.cues[low]
	return cf, i, ok
}

// modifyingParticiple reports whether the one-word participle cue at i
// modifies the noun after it: "such expected backers", "the long-expected
// report".
func (d *doc) modifyingParticiple(i, cue1 int, cf cueForm, s sentence) bool {
	return cf.part && cue1 == i && (d.is(i-1, wDet) || d.low(i-1) == "such" || d.low(i-1) == "long") && d.word(i+1) && !d.tok(i+1).upper && d.nounish(i+1, s.a) && !d.is(i+1, wPron)
}

// capitalisedName reports whether the capitalised cue word at i is part of
// a name: inside a sentence it is, except a verb of a headline that takes
// a that-clause ("Lindsey Graham Says …", "New Poll Shows …").
func (d *doc) capitalisedName(i int, cf cueForm, s sentence) bool {
	return d.toks[i].upper && i != s.a && !(s.head && d.nameBreak(i) && cf.class != classAccuse && cf.class != classDeny && cf.flags&fThat != 0)
}

// saidColon reads "Said Ellis: "…"" with "Said" opening the sentence: the
// source is the noun phrase after it, which a colon or comma must end.
func (d *doc) saidColon(i int, s sentence) *attribution {
	e := d.npRight(i+1, s.b)
	if e < 0 || e+1 >= s.b || d.tok(e+1).low != ":" && d.tok(e+1).low != "," {
		return nil
	}
	at := &attribution{cue0: i, cue1: i, src0: i + 1, src1: e, class: classSpeech, target0: -1, target1: -1, recip0: -1, recip1: -1}
	if d.rightContentFrom(at, e+2, cueForm{lemma: "say", flags: fThat | fQuote}, s) {
		return at
	}
	return nil
}

// nounReading reports whether the cue word at i is a noun or an adjective
// here rather than a verb: after a possessive ("his claim"), a participle
// without an auxiliary ("a group known as …"), a form that is also a
// common noun in a noun's place ("a court order"), or a bare form after a
// determiner ("a report").
func (d *doc) nounReading(i, cue1 int, cf cueForm, s sentence) bool {
	low := d.toks[i].low
	if isPossessiveDet(d.low(i-1)) && !cf.part && !strings.HasSuffix(low, "ed") {
		return true // "Editor's note", "his claim"
	}
	if cf.partOnly && !d.auxBefore(i, s) {
		return true // "a group known as …"
	}
	if cf.noun && !d.auxBefore(i, s) && d.low(i-1) != "to" && d.commonNoun(i, cue1, cf, s) {
		return true
	}
	return d.determinedNoun(i, cf, s)
}

// commonNoun reports whether the cue form at i, also a common noun
// ("state", "reports"), is the noun: a modifier before it makes it one,
// a bare form needs a plural subject, and without a frame after it
// (that-clause, quote, colon, to-infinitive, recipient) only a pronoun, a
// name or a document may be its subject.
func (d *doc) commonNoun(i, cue1 int, cf cueForm, s sentence) bool {
	low := d.toks[i].low
	// A modifier before the word makes it a noun: "a court order",
	// "new emissions rules" (a plural subject takes the bare verb).
	if p := i - 1; p >= s.a && d.word(p) && !d.toks[p].upper && !d.is(p, wPron|wAux|wAdv|wNeg|wConj|wPrep|wSub) && !d.isLyAdverb(p) {
		plural := strings.HasSuffix(d.low(p), "s") && !strings.HasSuffix(d.low(p), "ss")
		if low == cf.lemma && !plural && !d.pluralHeadBefore(i, s) || low != cf.lemma && plural && !d.is(p, wAnon|wOrg|wDoc) {
			return true
		}
	}
	if low == cf.lemma && !d.subjectPronounBefore(i, s) {
		// A bare form needs a plural subject: "officials state", not
		// "Battleground state Florida".
		if s0, s1 := d.subjectLeft(i, s.a); s0 < 0 || !d.pluralHead(s0, s1) && !d.hasAnd(s0, s1) {
			return true
		}
	}
	if !d.verbFrameAfter(i, cue1, cf, s) {
		if s0, s1 := d.subjectLeft(i, s.a); s0 < 0 || !d.isSubjectPronoun(s0) && !(d.toks[s0].upper && (d.toks[s1].upper || low == cf.lemma) && !numberWord(d.low(s1))) && !d.docIn(s0, s1) {
			return true
		}
	}
	return false
}

// verbFrameAfter reports whether what follows the cue ending at cue1 can
// only follow a verb: a that-clause, a quote, a colon, a to-infinitive the
// cue takes, "call", or a recipient after a subject pronoun.
func (d *doc) verbFrameAfter(i, cue1 int, cf cueForm, s sentence) bool {
	n := cue1 + 1
	return d.low(n) == "that" || d.toks[min(n, len(d.toks)-1)].kind == tQuote || d.low(n) == ":" || d.low(n) == "," && n+1 < len(d.toks) && d.tok(n+1).kind == tQuote || cf.flags&fTo != 0 && d.low(n) == "to" || cf.lemma == "call" || cf.flags&fRecip != 0 && d.isObjStart(n) && d.subjectPronounBefore(i, s)
}

// determinedNoun reports whether a bare or -s cue form at i follows a
// determiner and so is a noun: "a report", "A UN report", "his
// early-morning tweets".
func (d *doc) determinedNoun(i int, cf cueForm, s sentence) bool {
	low := d.toks[i].low
	if cf.ing || cf.part || strings.HasSuffix(low, "ed") {
		return false
	}
	p := i - 1
	if low == cf.lemma && d.word(p) && d.toks[p].upper && !d.is(p, wPron|wDet) {
		p--
	}
	if low == cf.lemma && singularDet(d.low(p)) {
		return true
	}
	if low != cf.lemma {
		for n := 0; n < 3 && d.word(p) && !d.toks[p].upper && d.nounish(p, s.a) && d.low(p) != "'s" && !d.is(p, wAnon|wTitle|wOrg|wDoc); n++ {
			p--
		}
		if isPossessiveDet(d.low(p)) && (d.low(p) != "'s" || p == i-1) {
			return true
		}
	}
	return false
}

// callFrame reads "call" at i: "called (Friday) on/for/upon …" is a cue up
// to the particle, "called Trump a liar" one with an object. It returns
// the last cue token and the frames allowed, or ok false for any other
// "call".
func (d *doc) callFrame(i int, s sentence) (cue1, flags int, ok bool) {
	nx := i + 1
	if d.isDayOrDate(nx) && (d.low(nx+1) == "on" || d.low(nx+1) == "for") {
		nx++ // "called Friday for …"
	}
	if callParticles[d.low(nx)] {
		if d.low(nx) == "for" {
			return nx, fObj | fQuote | fTo, true
		}
		return nx, fObj | fQuote | fRecip | fTo, true
	}
	if !d.namesObjectComplement(i, s) {
		return i, 0, false
	}
	return i, fObj, true
}

// negatedAdmission reports whether the cue at i negates a confirmation or
// admission ("did not confirm", "has never acknowledged"), which reads as
// a denial.
func (d *doc) negatedAdmission(i int, cf cueForm) bool {
	return admissionLemmas[cf.lemma] && (d.low(i-1) == "not" || strings.HasSuffix(d.low(i-1), "n't") || d.low(i-1) == "never" || (d.low(i-2) == "not" || strings.HasSuffix(d.low(i-2), "n't")) && d.is(i-1, wAdv))
}

// participleFrame reads an -ing cue: ", saying …", "a statement calling
// …", "footage of X asking, "…"", "with X calling …", "before saying …".
// done reports that the frame decided (res is the attribution or nil);
// otherwise a progressive falls through to the finite reading, and a
// participle with an object and complement ("calling Trump a liar") does
// too, with cf's frames narrowed to the object.
func (d *doc) participleFrame(at *attribution, i, cue1 int, cf *cueForm, s sentence) (res *attribution, done bool) {
	p := i - 1
	for p >= s.a && (d.is(p, wAdv) && !d.toks[p].upper || d.isLyAdverb(p)) {
		p--
	}
	nx := d.toks[min(cue1+1, len(d.toks)-1)]
	quoteNext := nx.kind == tQuote || nx.low == ":" || nx.low == "," && cue1+2 < len(d.toks) && d.tok(cue1+2).kind == tQuote
	switch {
	case p >= s.a && d.is(p, wDoc) && !d.toks[p].upper && (d.is(p-1, wDet) || d.is(p-2, wDet)) && d.isCueOrIssue(p):
		// "She issued a statement calling …": the one who issued it
		// speaks (the sentient source).
		return d.inheritedContent(at, *cf, s), true
	case quoteNext && p >= s.a && d.nounish(p, s.a) && d.toks[p].kind == tWord:
		// "footage of Hillary Clinton asking, "…""
		if st := d.npLeft(p, s.a); st >= 0 {
			at.src0, at.src1 = st, p
			if d.rightContent(at, *cf, s) {
				return at, true
			}
		}
		return nil, true
	case p >= s.a && d.nounish(p, s.a) && d.toks[p].kind == tWord && d.withSubject(p, s) >= 0:
		// "…, with Kremlin spokesman Dmitry Peskov calling them …"
		at.src0, at.src1 = d.withSubject(p, s), p
		if d.rightContent(at, *cf, s) {
			return at, true
		}
		return nil, true
	case p >= s.a && participleOpeners[d.low(p)]:
		return d.inheritedContent(at, *cf, s), true
	case p >= s.a && (d.toks[p].low == "," || d.toks[p].low == "and" || d.toks[p].low == "—" || d.toks[p].kind == tQuote && d.toks[p].q == qClose):
		return d.inheritedContent(at, *cf, s), true
	case p >= s.a && (d.is(p, wAux) && d.low(p) != "'s"):
		// progressive: fall through to the finite reading
	default:
		if !d.namesObjectComplement(i, s) {
			return nil, true
		}
		cf.flags = fObj
	}
	return nil, false
}

// inheritedContent marks at as taking its speaker from context and reads
// its content on the right; it returns at, or nil when there is none.
func (d *doc) inheritedContent(at *attribution, cf cueForm, s sentence) *attribution {
	at.inherit = true
	if !d.rightContent(at, cf, s) {
		return nil
	}
	return at
}

// passiveAux reports whether the participle cue at i is passive: "was
// reported", "as reported", "has been said" (adverbs and negation may
// intervene). It returns the auxiliary, "as" or "been" before it.
func (d *doc) passiveAux(i int, cf cueForm, s sentence) (p int, ok bool) {
	p = i - 1
	for p >= s.a && (d.is(p, wAdv|wNeg) || d.isLyAdverb(p)) {
		p--
	}
	return p, cf.part && cf.lemma != "quote" && (d.is(p, wAux) && isBe(d.low(p)) || d.low(p) == "as" || d.low(p) == "been")
}

// passiveAgent reads a passive cue with its agent after "by": "…, as
// reported by X", "as reported by X, …", "was told by X that …", "X was
// accused by Y of …", and "The story was first reported by The
// Washington Post" (the subject is the content). p is the auxiliary or
// "as" before the cue.
func (d *doc) passiveAgent(at *attribution, p, cue1 int, cf cueForm, s sentence) *attribution {
	e := d.npRight(cue1+2, s.b)
	if e < 0 {
		return nil
	}
	at.src0, at.src1 = cue1+2, e
	d.recipient(at, e+1, s)
	if d.low(p) == "as" {
		q := p - 1
		if q >= s.a && d.toks[q].low == "," {
			return d.leftContent(at, q, s)
		}
		if q < s.a && d.rightContentFrom(at, d.skipPunct(at.recipEnd(e)+1, s), cf, s) {
			return at
		}
	}
	if d.low(at.recipEnd(e)+1) == "that" && d.rightContentFrom(at, at.recipEnd(e)+1, cf, s) {
		return at
	}
	if at.class == classAccuse && d.is(p, wAux) && d.accusedBy(at, p, e, cf, s) {
		return at
	}
	// "The story was first reported by The Washington Post."
	if d.is(p, wAux) {
		if s0, s1 := d.subjectLeft(p+1, s.a); s0 >= 0 && !d.isSubjectPronoun(s0) {
			at.con0, at.con1 = s0, s1
			at.conStart, at.conEnd = d.trimSpan(d.toks[s0].start, d.toks[s1].end)
			return at
		}
	}
	return nil
}

// accusedBy reads "Islamabad was accused by Kabul of backing the
// militants": the subject is the target and the of- or for-phrase after
// the agent ending at e the content. It reports whether it found both;
// otherwise at has no target.
func (d *doc) accusedBy(at *attribution, p, e int, cf cueForm, s sentence) bool {
	s0, s1 := d.subjectLeft(p+1, s.a)
	if s0 < 0 {
		return false
	}
	at.target0, at.target1 = s0, s1
	r := at.recipEnd(e) + 1
	if d.low(r) == "of" || d.low(r) == "for" {
		r++
	}
	if d.rightContentFrom(at, r, cueForm{lemma: cf.lemma, class: cf.class, flags: fObj | fThat}, s) {
		return true
	}
	at.target0, at.target1 = -1, -1
	return false
}

// agentlessPassive reads a passive cue without an agent: "it was reported
// that …" has no source; in "The ministry is expected to announce …", "He
// is said to favour …", "X was accused of …" and "X is blamed for …" the
// subject and what follows are the content. p is the word before the cue
// as passiveAux found it.
func (d *doc) agentlessPassive(at *attribution, p, cue1 int, cf cueForm, s sentence) *attribution {
	q := d.skipLeft(p, s.a)
	if q >= s.a && (d.low(q) == "it" || d.low(q) == "there") && d.low(cue1+1) == "that" {
		if !d.rightContentFrom(at, cue1+1, cf, s) {
			return nil
		}
		return at
	}
	if (raising[cf.lemma] && d.low(cue1+1) == "to" || cf.class == classAccuse && (d.low(cue1+1) == "of" || d.low(cue1+1) == "for")) && d.is(p, wAux) && isBe(d.low(p)) {
		if s0, _ := d.subjectLeft(p+1, s.a); s0 >= 0 && !d.isSubjectPronoun(s0) && d.low(s0) != "which" {
			e := d.contentEnd(cue1+1, s)
			if e > cue1+1 {
				at.con0, at.con1 = s0, e
				at.conStart, at.conEnd = d.trimSpan(d.toks[s0].start, d.toks[e].end)
				return at
			}
		}
	}
	return nil
}

// chainedCue extends the cue at i to the left over a verb that takes it
// in the to-infinitive and shares its subject: "continues to insist",
// "seemed to think", "went on to say". It returns the new first cue
// token.
func (d *doc) chainedCue(at *attribution, i int) int {
	if d.low(i-1) != "to" {
		return i
	}
	if v := i - 2; chainVerbs[d.low(v)] || d.low(v) == "on" && goForms[d.low(v-1)] {
		if d.low(v) == "on" {
			v--
		}
		at.cue0 = v
		i = v
	}
	return i
}

// subjectFrame reads an active cue whose subject [s0, s1] stands on its
// left: "As X said, …", a split quote (""A," he said, "B.""), content on
// the right ("X said that …"), or a trailing tag ("…, X said.").
func (d *doc) subjectFrame(at *attribution, s0, s1, cue1 int, cf cueForm, s sentence) *attribution {
	if d.low(s0-1) == "as" && s0-1 == s.a || d.low(s0-1) == "as" && d.low(s0-2) == "but" {
		// "As X said, …": the content follows the comma.
		r := cue1 + 1
		for r < s.b && d.toks[r].low != "," {
			r++
		}
		if r < s.b {
			at.src0, at.src1 = s0, s1
			if d.rightContentFrom(at, r+1, cf, s) {
				return at
			}
		}
		return nil
	}
	at.src0, at.src1 = s0, s1
	// Split quote: ""A," he said, "B."": both halves, joined.
	if s0 > s.a && d.tok(s0-1).kind == tQuote && d.tok(s0-1).q == qClose && cf.flags&fInv != 0 {
		n := cue1 + 1
		if d.tok(n).low == "," {
			n++
		}
		if n < s.b && d.tok(n).kind == tQuote && d.tok(n).q == qOpen {
			if res := d.leftContent(at, s0-1, s); res != nil {
				return res
			}
		}
	}
	if d.rightContent(at, cf, s) {
		return at
	}
	return d.trailingTag(at, s0, cue1, cf, s)
}

// trailingTag reads a cue with its subject at s0 that ends its clause
// after the content: "…, X said.", "…," she told me., "…," retired
// general Lloyd Newton said, and the parenthetical "…, X said, …".
func (d *doc) trailingTag(at *attribution, s0, cue1 int, cf cueForm, s sentence) *attribution {
	rr := d.trailingRecipient(at, cue1, cf, s)
	quoteBefore := s0 > s.a && d.tok(s0-1).kind == tQuote && d.tok(s0-1).q == qClose
	if !((cf.flags&fInv != 0 || quoteBefore && cf.class == classSpeech) && (d.endsClause(rr, s) || d.low(rr) == "that" && eventNouns[d.low(rr-1)])) {
		return nil
	}
	b := s0
	for n := 0; n < 2 && b-1 > s.a && d.word(b-1) && !d.tok(b-1).upper && !d.is(b-1, wSub|wConj|wPrep|wPron|wAux); n++ {
		b-- // "…," retired general Lloyd Newton said.
	}
	if b != s0 && !(d.tok(b-1).low == "," || d.tok(b-1).kind == tQuote) {
		b = s0
	}
	if !(b-1 >= s.a && (d.tok(b-1).low == "," || d.tok(b-1).kind == tQuote && d.tok(b-1).q == qClose || d.tok(b-1).low == "—")) {
		return nil
	}
	if d.frontedPhrase(s.a, b-1) {
		return nil // "On Twitter, she responded Tuesday to …": no content before
	}
	at.src0 = b
	if d.parenthetical(at, b, rr, s) {
		return at
	}
	return d.leftContent(at, b-1, s)
}

// frontedPhrase reports whether tokens [a, c) before a comma at c are a
// short prepositional phrase that opens the sentence ("On Twitter",
// "In a statement"), not a clause someone said.
func (d *doc) frontedPhrase(a, c int) bool {
	if c-a > 5 || c <= a || !d.is(a, wPrep) || d.toks[c].low != "," {
		return false
	}
	for k := a; k < c; k++ {
		if t := d.toks[k]; t.kind != tWord || d.is(k, wVerb|wAux) {
			return false
		}
	}
	return true
}

// trailingRecipient reads the recipient after a trailing cue ending at
// cue1 ("…," she told me, "…," he told the news agency) into at, and
// returns the token after the cue and recipient.
func (d *doc) trailingRecipient(at *attribution, cue1 int, cf cueForm, s sentence) int {
	rr := cue1 + 1
	if cf.flags&fRecip != 0 && d.isSubjectPronounObj(rr) && d.low(rr) != "it" {
		at.recip0, at.recip1 = rr, rr // "…," she told me.
		rr++
	} else if cf.flags&fRecip != 0 && d.word(rr) && !d.is(rr, wPrep|wTime) {
		if e := d.npRight(rr, s.b); e >= 0 {
			at.recip0, at.recip1 = rr, e
			rr = e + 1
		}
	}
	return rr
}

// parenthetical reads a source tag whose source starts at b and that a
// comma at rr closes inside its sentence, not after a quote: "During …,
// Mr. Obama said, a majority …". The content runs on after the tag (from
// the sentence start, or from rr when the sentence opens with an
// adverbial). It reports whether the tag was one.
func (d *doc) parenthetical(at *attribution, b, rr int, s sentence) bool {
	if !(d.low(rr) == "," && rr+1 < s.b && d.tok(rr+1).kind == tWord && s.b-rr > 3 && !d.isCueAt(rr+1) && !(d.tok(b-1).kind == tQuote || d.tok(b-2).kind == tQuote && d.tok(b-1).low == ",") && !d.is(rr+1, wConj)) {
		return false
	}
	last := d.lastContentTok(rr+1, s.b)
	if d.is(s.a, wPrep|wSub|wAdv|wTime|wConj) || d.isDayOrDate(s.a) {
		at.con0, at.con1 = rr+1, last // "During …, Mr. Obama said, a majority …"
	} else {
		at.con0, at.con1 = s.a, last
	}
	at.conStart, at.conEnd = d.trimSpan(d.toks[at.con0].start, d.toks[last].end)
	return true
}

// inversion reads a cue after the content and before its source: "…,"
// said X, "…," said X, a senior official. q is the comma, closing quote
// or dash before the cue. The source must end the clause (or be followed
// by a preposition, time or adverb).
func (d *doc) inversion(at *attribution, q, cue1 int, s sentence) *attribution {
	e := d.npRight(cue1+1, s.b)
	if e < 0 {
		if !d.isSubjectPronoun(cue1 + 1) {
			return nil
		}
		e = cue1 + 1
	}
	if nx := e + 1; nx < s.b && d.word(nx) && !d.is(nx, wPrep|wTime|wAdv) && !d.isDayOrDate(nx) && !d.isLyAdverb(nx) {
		return nil
	}
	at.src0, at.src1 = cue1+1, e
	// Appositive after the inverted source.
	if d.low(e+1) == "," && (d.is(e+2, wDet|wTitle) || d.word(e+2) && !d.tok(e+2).upper && !d.isCueAt(e+2)) {
		k := e + 2
		for k < s.b && d.toks[k].low != "," && !(d.toks[k].kind == tPunct && isTerminal(d.toks[k].low)) {
			k++
		}
		at.src1 = k - 1
	}
	return d.leftContent(at, q, s)
}
