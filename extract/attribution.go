package extract

import (
	"slices"
	"strings"
)

// This file finds attributions: a cue, its source and its content.

// attribution is one found cue with its source and content.
type attribution struct {
	cue0, cue1       int // cue tokens, inclusive
	src0, src1       int // source tokens, inclusive, or -1
	conStart, conEnd int // content bytes
	con0, con1       int // content tokens, inclusive
	class            cueClass
	direct           bool
	inherit          bool // the speaker is not written here: take it from context
	target0, target1 int  // accused noun phrase, or -1
	recip0, recip1   int  // recipient noun phrase ("told the French News Agency"), or -1
	nested           bool // dropNested's working mark: inside another's content
}

// findAttributions scans every sentence for cues.
func (d *doc) findAttributions() []*attribution {
	var out []*attribution
	for si := range d.sents {
		s := d.sents[si]
		for i := s.a; i < s.b; i++ {
			t := d.toks[i]
			if int(t.inq) >= 0 {
				if t.low == ":" && i == s.a+2 && d.toks[s.a].kind == tQuote {
					// A transcript line in quotation marks: ""SMITH: …"".
					if at := d.colonCue(i, s); at != nil {
						out = append(out, at)
					}
				}
				continue // nested in a quotation
			}
			if t.kind != tWord {
				if t.low == ":" {
					if at := d.colonCue(i, s); at != nil {
						out = append(out, at)
					}
				}
				if t.low == "—" {
					if at := d.dashCue(i, s); at != nil {
						out = append(out, at)
					}
				}
				continue
			}
			if !t.cue && t.bits&wTrigger == 0 {
				continue // neither a cue nor a word that opens a frame
			}
			if at := d.tryCue(i, s); at != nil {
				out = append(out, at)
				if at.cue1 > i {
					i = at.cue1
				}
			}
		}
	}
	out = d.dropNonClaims(out)
	out = d.dropNested(out)
	d.extendQuotes(out)
	d.participleSources(out)
	return out
}

// dropNonClaims removes attributions that report no statement: asking to
// stay anonymous ("who asked not to be named", "declined to be
// identified") and an unanswered request ("did not respond to a request
// for comment").
func (d *doc) dropNonClaims(in []*attribution) []*attribution {
	out := in[:0]
	for _, at := range in {
		if !d.nonClaim(at) {
			out = append(out, at)
		}
	}
	return out
}

func (d *doc) nonClaim(at *attribution) bool {
	c := at.cue1 + 1
	w := func(k int) string { return d.low(c + k) }
	switch {
	case w(0) == "not" && w(1) == "to" && w(2) == "be" && (w(3) == "named" || w(3) == "identified" || w(3) == "quoted"):
		return true
	case w(0) == "to" && w(1) == "be" && (w(2) == "named" || w(2) == "identified" || w(2) == "quoted") && at.conEnd-at.conStart < 40:
		return true
	case w(0) == "anonymity" || w(0) == "to" && w(1) == "remain" && w(2) == "anonymous":
		return true
	}
	if at.conEnd-at.conStart > 60 || at.direct {
		return false
	}
	text := d.text[at.conStart:at.conEnd]
	return strings.Contains(text, "for comment") || strings.Contains(text, "seeking comment")
}

// participleSources gives a participial or coordinated cue ("…, saying …")
// the subject of its main clause as source when no other attribution in
// the sentence uses that subject.
func (d *doc) participleSources(ats []*attribution) {
	var first []int
	var bySent []*attribution
	for _, at := range ats {
		if !at.inherit || at.src0 >= 0 {
			continue
		}
		if first == nil {
			first, bySent = d.bySentence(ats)
		}
		sent := d.toks[at.cue0].sent
		inSent := bySent[first[sent]:first[sent+1]]
		// "…," X said, adding …: the source of the nearest earlier cue in
		// the sentence.
		var prev *attribution
		for _, o := range inSent {
			if o != at && o.cue0 < at.cue0 && o.src0 >= 0 && !o.inherit && o.src1 < at.cue0 && (prev == nil || o.cue0 > prev.cue0) {
				prev = o
			}
		}
		if prev != nil && !(d.toks[at.cue0].start >= prev.conStart && d.toks[at.cue0].start < prev.conEnd) {
			at.src0, at.src1 = prev.src0, prev.src1
			at.inherit = false
			continue
		}
		s := d.sents[int(d.toks[at.cue0].sent)]
		a, e := d.clauseSubject(s)
		if a < 0 || e >= at.cue0 {
			continue
		}
		taken := false
		for _, o := range inSent {
			if o == at {
				continue
			}
			if o.src0 >= 0 && o.src0 <= e && o.src1 >= a && o.cue0 < at.cue0 && !o.inherit {
				// The main clause's own source: the participle shares it
				// ("Newsweek announced … and said …").
				a, e = o.src0, o.src1
				break
			}
			if d.toks[a].start >= o.conStart && d.toks[a].start < o.conEnd {
				taken = true
				break
			}
		}
		if !taken {
			at.src0, at.src1 = a, e
			at.inherit = false
		}
	}
}

// bySentence groups ats by the sentence of their cue, in their order: the
// attributions of sentence s are bySent[first[s]:first[s+1]].
func (d *doc) bySentence(ats []*attribution) (first []int, bySent []*attribution) {
	first = make([]int, len(d.sents)+1)
	for _, a := range ats {
		first[d.toks[a.cue0].sent+1]++
	}
	for s := 1; s < len(first); s++ {
		first[s] += first[s-1]
	}
	bySent = make([]*attribution, len(ats))
	fill := slices.Clone(first)
	for _, a := range ats {
		s := d.toks[a.cue0].sent
		bySent[fill[s]] = a
		fill[s]++
	}
	return first, bySent
}

// clauseSubject returns the noun phrase that opens sentence s, after an
// opening adverbial ("Earlier,", "On Friday,") or conjunction.
func (d *doc) clauseSubject(s sentence) (int, int) {
	i := s.a
	for k := s.a; k < s.b && k < s.a+16; k++ {
		if d.toks[k].low == "," {
			f := d.toks[s.a]
			if (d.is(s.a, wPrep|wAdv|wTime|wConj|wSub|wStarter) || d.isDayOrDate(s.a) || d.isLyAdverb(s.a) || strings.HasSuffix(f.low, "ed") || strings.HasSuffix(f.low, "ing")) && !d.namesBetween(s.a+1, k) {
				i = k + 1
			}
			break
		}
		if d.toks[k].kind == tQuote || d.isCueAt(k) {
			break
		}
	}
	for i < s.b && (d.is(i, wConj) || d.toks[i].kind == tQuote) {
		i++
	}
	if i >= s.b {
		return -1, -1
	}
	if d.isSubjectPronoun(i) {
		return i, i
	}
	if f := d.toks[i]; d.is(i, wAdv|wPrep|wSub) || d.isLyAdverb(i) || len(f.low) > 4 && strings.HasSuffix(f.low, "ing") && !f.upper {
		return -1, -1 // "However, …", "After …", "Having …": no subject here
	}
	e := d.npRight(i, s.b)
	if e < 0 {
		return -1, -1
	}
	return i, e
}

// raising lists cue verbs whose passive takes a to-infinitive with the
// subject as part of the content ("is expected to", "is said to").
var raising = map[string]bool{
	"expect": true, "say": true, "believe": true, "think": true, "report": true, "know": true,
	"allege": true, "understand": true, "consider": true, "estimate": true, "predict": true,
	"rumor": true, "rumour": true, "assume": true, "suspect": true, "fear": true,
}

// isCueOrIssue reports whether the document noun at p is the object of a
// verb of issuing ("issued a statement", "released a report").
func (d *doc) isCueOrIssue(p int) bool {
	for k := p - 1; k >= p-3 && k >= 0; k-- {
		switch d.low(k) {
		case "issued", "released", "published", "sent", "posted", "put", "wrote", "signed", "filed":
			return true
		}
	}
	return false
}

// chainVerbs take a cue verb in the to-infinitive and share its subject:
// "continues to insist", "seemed to think".
var chainVerbs = map[string]bool{
	"continue": true, "continues": true, "continued": true, "seem": true, "seems": true, "seemed": true,
	"appear": true, "appears": true, "appeared": true, "began": true, "begins": true, "begin": true,
	"started": true, "starts": true, "tend": true, "tends": true, "tended": true, "happened": true,
}

// phrasalNotCue reports whether the cue verb at i is the head of a phrasal
// verb or compound that says nothing ("showed up", "backed out", "think
// tank", "declined to 55 percent").
func (d *doc) phrasalNotCue(i int, cf cueForm) bool {
	n := d.low(i + 1)
	switch n {
	case "up", "out", "off", "down", "away", "back", "over", "tank", "tanks":
		return !prepCue[cf.lemma+" "+n] && cf.lemma != "point"
	case "to":
		if (cf.lemma == "decline" || cf.lemma == "fall" || cf.lemma == "rise") && d.word(i+2) {
			c := d.low(i + 2)[0]
			return c >= '0' && c <= '9' || c == '$'
		}
	}
	return false
}

// pluralHeadBefore reports whether the subject before the bare cue form at
// i has a plural head before a prepositional phrase ("Data from the survey
// show"): the singular word before the cue is then not its head.
func (d *doc) pluralHeadBefore(i int, s sentence) bool {
	s0, s1 := d.subjectLeft(i, s.a)
	return s0 >= 0 && d.hasPrep(s0, s1) && d.pluralHead(s0, s1)
}

// pluralHead reports whether the head of the noun phrase [a, b] (the word
// before its first preposition) is plural: "Data from the survey show".
func (d *doc) pluralHead(a, b int) bool {
	h := b
	for k := a + 1; k <= b; k++ {
		if d.inNPPrep(k) {
			h = k - 1
			break
		}
	}
	w := d.low(h)
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") || w == "data" || w == "people" || w == "police" || w == "media"
}

// docIn reports whether tokens [a, b] hold a document noun ("Video of the
// incident", "Polling averages" do not; "leaked documents" does).
func (d *doc) docIn(a, b int) bool {
	for k := a; k <= b; k++ {
		if d.is(k, wDoc) && d.toks[k].kind == tWord {
			return true
		}
	}
	return false
}

// numberWord reports whether w is a number written out ("twenty-seven").
func numberWord(w string) bool {
	if w == "" {
		return false
	}
	if c := w[0]; c >= '0' && c <= '9' {
		return true
	}
	for _, p := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

func isBe(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being", "'s":
		return true
	}
	return false
}

func (d *doc) isCueAt(i int) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].cue
}

// responsibleAfter reports whether "responsible" follows the word at i
// closely ("held Pakistan responsible").
func (d *doc) responsibleAfter(i int, s sentence) bool {
	for k := i + 1; k < s.b && k <= i+7; k++ {
		if d.low(k) == "responsible" || d.low(k) == "accountable" {
			return true
		}
		if d.toks[k].kind != tWord {
			return false
		}
	}
	return false
}

// compoundSubject reports whether the conjunction at q joins two subjects
// ("Pakistan and Afghanistan said") rather than two verb phrases.
func (d *doc) compoundSubject(q int, s sentence) bool {
	if q-1 < s.a || !d.nounish(q-1, s.a) {
		return false
	}
	st := d.npLeft(q-1, s.a)
	if st < 0 || !d.tok(q-1).upper {
		return false
	}
	p := d.skipLeft(st-1, s.a)
	if p < s.a {
		return true
	}
	switch d.toks[p].low {
	case ",", ";", ":", "—", "that", "but":
		return true
	}
	return d.toks[p].kind == tQuote
}

// dropNested removes attributions whose cue lies inside another's content
// (PolNeAR annotates only the outermost attribution) and duplicates.
func (d *doc) dropNested(in []*attribution) []*attribution {
	if len(in) == 0 {
		return in
	}
	// Index each attribution under every paragraph its content touches, so
	// that a cue is compared only with contents in its own paragraph: the
	// attributions of paragraph p, in the order of in, are
	// byPara[first[p]:first[p+1]].
	paras := func(a *attribution) (int32, int32) {
		return d.toks[a.con0].para, d.toks[min(a.con1, len(d.toks)-1)].para
	}
	first := make([]int, d.toks[len(d.toks)-1].para+2)
	for _, a := range in {
		p0, p1 := paras(a)
		for p := p0; p <= p1; p++ {
			first[p+1]++
		}
	}
	for p := 1; p < len(first); p++ {
		first[p] += first[p-1]
	}
	byPara := make([]*attribution, first[len(first)-1])
	fill := slices.Clone(first)
	for _, a := range in {
		p0, p1 := paras(a)
		for p := p0; p <= p1; p++ {
			byPara[fill[p]] = a
			fill[p]++
		}
	}
	// An attribution is nested when its cue lies inside the content of
	// another attribution that is not itself nested; iterate to a fixed
	// point so that "A said B wants C but pledged D" keeps "pledged".
	for _, a := range in {
		a.nested = false
	}
	for round := 0; round < 4; round++ {
		changed := false
		for _, a := range in {
			cs := d.toks[a.cue0].start
			isNested := false
			p := d.toks[a.cue0].para
			for _, b := range byPara[first[p]:first[p+1]] {
				if a == b || b.nested {
					continue
				}
				if cs >= b.conStart && cs < b.conEnd && !(d.toks[b.cue0].start >= a.conStart && d.toks[b.cue0].start < a.conEnd) && !d.sourceTag(b, a) {
					isNested = true
					break
				}
			}
			if isNested != a.nested {
				a.nested = isNested
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	out := in[:0]
	for _, a := range in {
		if !a.nested {
			out = append(out, a)
		}
	}
	return out
}

// sourceTag reports whether outer is a trailing source tag ("…, according
// to X", "…, as reported by X") on a clause whose own cue is inner: both
// stand, the clause's speaker says it and X carries it.
func (d *doc) sourceTag(outer, inner *attribution) bool {
	if d.toks[outer.cue0].start < outer.conEnd || inner.src0 < 0 {
		return false
	}
	if outer.class == classReport && (d.low(outer.cue0) == "according" || d.low(outer.cue0) == "reported" && d.low(outer.cue0-1) == "as") {
		return true
	}
	// "…, the Baltic Wire agency reported": a news outlet carrying the
	// clause.
	return outer.src0 >= 0 && (outer.class == classReport || outer.class == classSpeech) && d.mediaNP(outer.src0, outer.src1)
}

// mediaNP reports whether tokens [a, b] name a news agency or outlet.
func (d *doc) mediaNP(a, b int) bool {
	switch d.low(b) {
	case "agency", "wire", "newspaper", "broadcaster", "channel", "outlet", "media":
		return !(d.low(b) == "media" && d.low(b-1) == "social")
	case "service":
		return d.low(b-1) == "news" || d.low(b-1) == "press"
	}
	if d.is(b, wMedia) && d.toks[b].upper {
		return true
	}
	g := buildGazetteer()
	for k := a; k <= b; k++ {
		if d.toks[k].upper {
			key := strings.ToLower(d.text[d.toks[k].start:d.toks[b].end])
			return g.agency[key] != nil || g.media[key] != nil
		}
	}
	return false
}

// isPossessiveDet reports whether w is a possessive determiner.
func isPossessiveDet(w string) bool {
	switch w {
	case "'s", "his", "her", "their", "its", "our", "my", "your":
		return true
	}
	return false
}

// cueAt returns the lexicon entry of token i when it is a cue form.
func (d *doc) cueAt(i int) (cueForm, bool) {
	if i < 0 || i >= len(d.toks) || !d.toks[i].cue {
		return cueForm{}, false
	}
	cf, ok := d.lx.cues[d.toks[i].low]
	return cf, ok
}

// auxBefore reports whether an auxiliary (have, be) precedes token i,
// skipping adverbs and negation.
func (d *doc) auxBefore(i int, s sentence) bool {
	p := i - 1
	for p >= s.a && (d.is(p, wAdv|wNeg) && !d.toks[p].upper || d.isLyAdverb(p)) {
		p--
	}
	return p >= s.a && d.is(p, wAux)
}

// subjectPronounBefore reports whether a subject pronoun directly precedes
// the cue at i (skipping auxiliaries and adverbs).
func (d *doc) subjectPronounBefore(i int, s sentence) bool {
	p := d.skipLeft(i-1, s.a)
	return p >= s.a && d.isSubjectPronoun(p)
}

func whWord(w string) bool {
	switch w {
	case "what", "whether", "why", "how", "if", "who", "where", "when", "which":
		return true
	}
	return false
}

// clauseCueAfter reports whether a new clause with its own speaker and cue
// starts at n: "… but he said that …", "… and officials noted …".
func (d *doc) clauseCueAfter(n int, s sentence) bool {
	e := n
	if !d.isSubjectPronoun(n) || d.low(n) == "it" {
		e = d.npRight(n, s.b)
		if e < 0 || e-n > 5 || !d.tok(n).upper && !d.is(e, wAnon|wOrg) && !(strings.HasSuffix(d.low(e), "s") && d.is(n-1, wConj)) {
			return false
		}
	}
	c := e + 1
	for c < s.b && (d.is(c, wAux|wAdv|wNeg) && !d.toks[c].upper || d.isLyAdverb(c)) {
		c++
	}
	cf, ok := d.cueAt(c)
	return ok && !cf.ing && !cf.partOnly && (cf.flags&(fThat|fQuote) != 0 && cf.flags&fWeak == 0 || cf.class == classAccuse || cf.class == classDeny) && !d.toks[c].upper && !(cf.noun && c == e+1 && d.toks[c].low == cf.lemma)
}

// withSubject returns the start of the noun phrase ending at p when "with"
// introduces it ("with X saying …"), or -1.
func (d *doc) withSubject(p int, s sentence) int {
	st := d.npLeft(p, s.a)
	if st <= s.a || d.low(st-1) != "with" {
		return -1
	}
	return st
}

// hasAnd reports whether tokens [a, b] hold a conjunction ("X and Y").
func (d *doc) hasAnd(a, b int) bool {
	for k := a; k <= b; k++ {
		if d.low(k) == "and" {
			return true
		}
	}
	return false
}

// singularDet reports whether w is a determiner of a singular noun: after
// it, a bare verb form is a noun ("a report", "the UN report").
func singularDet(w string) bool {
	switch w {
	case "a", "an", "the", "this", "that", "every", "each", "another", "his", "her", "its", "their", "our", "my", "your":
		return true
	}
	return false
}

// namesBetween reports whether tokens [a, b) hold a proper name that is not
// a date ("Even China," is a subject, "On Friday," an adverbial).
func (d *doc) namesBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if d.toks[k].upper && d.toks[k].kind == tWord && !d.isDayOrDate(k) && !d.is(k, wMonth) && d.is(k-1, wPrep|wDet) == false {
			return true
		}
	}
	return false
}

// namesObjectComplement reports whether the cue "call" at i takes an object
// and a complement ("called Trump a liar", "called the charges "baseless""):
// a noun phrase (or object pronoun) followed by a determiner, a quote or a
// lower-case word that is no preposition, subordinator, conjunction or verb.
func (d *doc) namesObjectComplement(i int, s sentence) bool {
	e := d.npRight(i+1, s.b)
	if d.isSubjectPronounObj(i + 1) {
		e = i + 1
	}
	if e < 0 || e+1 >= s.b {
		return false
	}
	n := d.tok(e + 1)
	return d.is(e+1, wDet) || n.kind == tQuote || n.low == "\u2018" || n.low == "'" ||
		d.word(e+1) && !n.upper && !d.is(e+1, wPrep|wSub|wConj|wVerb)
}
