package extract

import "strings"

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
}

// findAttributions scans every sentence for cues.
func (d *doc) findAttributions() []*attribution {
	var out []*attribution
	for si := range d.sents {
		s := d.sents[si]
		for i := s.a; i < s.b; i++ {
			t := d.toks[i]
			if int(t.inq) >= 0 {
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
			if at := d.tryCue(i, s); at != nil {
				out = append(out, at)
				if at.cue1 > i {
					i = at.cue1
				}
			}
		}
	}
	out = d.dropNested(out)
	d.extendQuotes(out)
	d.participleSources(out)
	return out
}

// participleSources gives a participial or coordinated cue ("…, saying …")
// the subject of its main clause as source when no other attribution in
// the sentence uses that subject.
func (d *doc) participleSources(ats []*attribution) {
	bySent := make(map[int][]*attribution, len(ats))
	for _, at := range ats {
		bySent[int(d.toks[at.cue0].sent)] = append(bySent[int(d.toks[at.cue0].sent)], at)
	}
	for _, at := range ats {
		if !at.inherit || at.src0 >= 0 {
			continue
		}
		s := d.sents[int(d.toks[at.cue0].sent)]
		a, e := d.clauseSubject(s)
		if a < 0 || e >= at.cue0 {
			continue
		}
		taken := false
		for _, o := range bySent[int(d.toks[at.cue0].sent)] {
			if o == at {
				continue
			}
			if o.src0 >= 0 && o.src0 <= e && o.src1 >= a || d.toks[a].start >= o.conStart && d.toks[a].start < o.conEnd {
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

// clauseSubject returns the noun phrase that opens sentence s, after an
// opening adverbial ("Earlier,", "On Friday,") or conjunction.
func (d *doc) clauseSubject(s sentence) (int, int) {
	i := s.a
	for k := s.a; k < s.b && k < s.a+16; k++ {
		if d.toks[k].low == "," {
			f := d.toks[s.a]
			if d.is(s.a, wPrep|wAdv|wTime|wConj|wSub|wStarter) || d.isDayOrDate(s.a) || d.isLyAdverb(s.a) || strings.HasSuffix(f.low, "ed") || strings.HasSuffix(f.low, "ing") {
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
	e := d.npRight(i, s.b)
	if e < 0 {
		return -1, -1
	}
	return i, e
}

// trimEnd moves a content end back over spaces and punctuation that close
// the sentence or clause.
func (d *doc) trimSpan(start, end int) (int, int) {
	text := d.text
	for end > start {
		c := text[end-1]
		if isSpaceByte(c) || c == ',' || c == ';' || c == ':' || c == '.' && !(end-2 >= start && (text[end-2] == '.' || text[end-2] >= 'A' && text[end-2] <= 'Z')) {
			end--
			continue
		}
		if end-start >= 3 && (text[end-3:end] == "—" || text[end-3:end] == "–") {
			end -= 3
			continue
		}
		break
	}
	for start < end && isSpaceByte(text[start]) {
		start++
	}
	return start, end
}

// lastContentTok returns the last token before e (exclusive) that is not
// terminal punctuation.
func (d *doc) lastContentTok(b, e int) int {
	k := e - 1
	for k > b {
		t := d.toks[k]
		if t.kind == tWord || t.kind == tQuote && t.q == qClose {
			return k
		}
		if t.kind == tPunct && (t.low == "?" || t.low == "!") && int(d.toks[k].inq) >= 0 {
			return k
		}
		k--
	}
	return k
}

// tryCue tests whether the word at i is a cue and, if so, finds its source
// and content.
func (d *doc) tryCue(i int, s sentence) *attribution {
	t := d.toks[i]
	low := t.low
	var cf cueForm
	cue1 := i
	switch {
	case low == "according" && d.low(i+1) == "to":
		return d.accordingTo(i, s)
	case (low == "held" || low == "holds" || low == "hold" || low == "holding") && d.responsibleAfter(i, s):
		cf = cueForm{lemma: "hold", class: classAccuse, flags: fRecip | fObj}
	case low == "pointed" && d.low(i+1) == "out":
		cf = cueForm{lemma: "point out", class: classSpeech, flags: fThat | fQuote | fInv}
		cue1 = i + 1
	case low == "quoted" && d.low(i+1) == "as" && d.word(i+2):
		if c2, ok := d.lx.cues[d.low(i+2)]; ok && c2.ing {
			cf = cueForm{lemma: "quote", class: classSpeech, flags: fThat | fQuote}
			cue1 = i + 2
		} else {
			return nil
		}
	default:
		if !t.cue {
			return nil
		}
		var ok bool
		cf, ok = d.lx.cues[low]
		if !ok {
			return nil
		}
	}
	if t.upper && i != s.a {
		return nil
	}
	if t.upper && i == s.a && low == "said" {
		// "Said Ellis: "…""
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
	if isPossessiveDet(d.low(i-1)) && !cf.part && !strings.HasSuffix(low, "ed") {
		return nil // "Editor's note", "his claim"
	}
	if cf.partOnly && !d.auxBefore(i, s) {
		return nil // "a group known as …"
	}
	if cf.noun && !d.auxBefore(i, s) && d.low(i-1) != "to" {
		// A modifier before the word makes it a noun: "a court order",
		// "new emissions rules" (a plural subject takes the bare verb).
		if p := i - 1; p >= s.a && d.word(p) && !d.toks[p].upper && !d.is(p, wPron|wAux|wAdv|wNeg|wConj|wPrep|wSub) && !d.isLyAdverb(p) {
			plural := strings.HasSuffix(d.low(p), "s") && !strings.HasSuffix(d.low(p), "ss")
			if low == cf.lemma && !plural || low != cf.lemma && plural && !d.is(p, wAnon|wOrg|wDoc) {
				return nil
			}
		}
		n := cue1 + 1
		if low == cf.lemma && !d.subjectPronounBefore(i, s) {
			// A bare form needs a plural subject: "officials state", not
			// "Battleground state Florida".
			if s0, s1 := d.subjectLeft(i, s.a); s0 < 0 || !strings.HasSuffix(d.low(s1), "s") && !d.hasAnd(s0, s1) {
				return nil
			}
		}
		if !(d.low(n) == "that" || d.toks[min(n, len(d.toks)-1)].kind == tQuote || d.low(n) == ":" || d.low(n) == "," && n+1 < len(d.toks) && d.tok(n+1).kind == tQuote || cf.flags&fTo != 0 && d.low(n) == "to" || cf.lemma == "call" || cf.flags&fRecip != 0 && d.isObjStart(n) && d.subjectPronounBefore(i, s)) {
			if s0, _ := d.subjectLeft(i, s.a); s0 < 0 || !d.isSubjectPronoun(s0) && !d.toks[s0].upper {
				return nil
			}
		}
	}
	// A bare or -s form after a determiner is a noun: "a report", "A UN
	// report", "his early-morning tweets".
	if !cf.ing && !cf.part && !strings.HasSuffix(low, "ed") {
		p := i - 1
		if low == cf.lemma && d.word(p) && d.toks[p].upper && !d.is(p, wPron|wDet) {
			p--
		}
		if low == cf.lemma && d.is(p, wDet) && !d.is(p, wPron) {
			return nil
		}
		if low != cf.lemma {
			for n := 0; n < 3 && d.word(p) && !d.toks[p].upper && d.nounish(p, s.a) && d.low(p) != "'s" && !d.is(p, wAnon|wTitle|wOrg|wDoc); n++ {
				p--
			}
			if isPossessiveDet(d.low(p)) && (d.low(p) != "'s" || p == i-1) {
				return nil
			}
		}
	}
	if cf.lemma == "call" {
		switch d.low(i + 1) {
		case "on", "for", "upon":
			cue1 = i + 1
			cf.flags = fObj | fQuote | fRecip | fTo
			if d.low(i+1) == "for" {
				cf.flags = fObj | fQuote | fTo
			}
		default:
			// "called Trump a liar", "called the charges "baseless"".
			e := d.npRight(i+1, s.b)
			if d.isSubjectPronounObj(i + 1) {
				e = i + 1
			}
			if e < 0 || e+1 >= s.b || !(d.is(e+1, wDet) || d.tok(e+1).kind == tQuote || d.word(e+1) && !d.tok(e+1).upper && !d.is(e+1, wPrep|wSub|wConj|wVerb)) {
				return nil
			}
			cf.flags = fObj
		}
	}
	at := &attribution{cue0: i, cue1: cue1, src0: -1, src1: -1, class: cf.class, target0: -1, target1: -1, recip0: -1, recip1: -1}
	// Negation of confirm / acknowledge reads as denial.
	if (cf.lemma == "confirm" || cf.lemma == "acknowledge" || cf.lemma == "admit") && (d.low(i-1) == "not" || strings.HasSuffix(d.low(i-1), "n't") || d.low(i-1) == "never" || (d.low(i-2) == "not" || strings.HasSuffix(d.low(i-2), "n't")) && d.is(i-1, wAdv)) {
		at.class = classDeny
	}
	// Participles: ", saying …", "…, instead accusing X of …".
	if cf.ing {
		p := i - 1
		for p >= s.a && (d.is(p, wAdv) && !d.toks[p].upper || d.isLyAdverb(p)) {
			p--
		}
		nx := d.toks[min(cue1+1, len(d.toks)-1)]
		quoteNext := nx.kind == tQuote || nx.low == ":" || nx.low == "," && cue1+2 < len(d.toks) && d.tok(cue1+2).kind == tQuote
		switch {
		case quoteNext && p >= s.a && d.nounish(p, s.a) && d.toks[p].kind == tWord:
			// "footage of Hillary Clinton asking, "…""
			if st := d.npLeft(p, s.a); st >= 0 {
				at.src0, at.src1 = st, p
				if d.rightContent(at, cf, s) {
					return at
				}
			}
			return nil
		case p >= s.a && d.nounish(p, s.a) && d.toks[p].kind == tWord && d.withSubject(p, s) >= 0:
			// "…, with Kremlin spokesman Dmitry Peskov calling them …"
			at.src0, at.src1 = d.withSubject(p, s), p
			if d.rightContent(at, cf, s) {
				return at
			}
			return nil
		case p >= s.a && (d.low(p) == "before" || d.low(p) == "after" || d.low(p) == "while" || d.low(p) == "by" || d.low(p) == "when"):
			at.inherit = true
			if !d.rightContent(at, cf, s) {
				return nil
			}
			return at
		case p >= s.a && (d.toks[p].low == "," || d.toks[p].low == "and" || d.toks[p].low == "—" || d.toks[p].kind == tQuote && d.toks[p].q == qClose):
			at.inherit = true
			if !d.rightContent(at, cf, s) {
				return nil
			}
			return at
		case p >= s.a && (d.is(p, wAux) && d.low(p) != "'s"):
			// progressive: fall through to the finite reading
		default:
			// "called Trump a liar", "called the charges "baseless"".
			e := d.npRight(i+1, s.b)
			if d.isSubjectPronounObj(i + 1) {
				e = i + 1
			}
			if e < 0 || e+1 >= s.b || !(d.is(e+1, wDet) || d.tok(e+1).kind == tQuote || d.word(e+1) && !d.tok(e+1).upper && !d.is(e+1, wPrep|wSub|wConj|wVerb)) {
				return nil
			}
			cf.flags = fObj
		}
	}
	// Passive: "as reported by X", "it was reported that", "was quoted as saying".
	p := i - 1
	for p >= s.a && (d.is(p, wAdv|wNeg) || d.isLyAdverb(p)) {
		p--
	}
	if cf.part && cf.lemma != "quote" && (d.is(p, wAux) && isBe(d.low(p)) || d.low(p) == "as" || d.low(p) == "been") {
		if d.low(cue1+1) == "by" {
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
		q := d.skipLeft(p, s.a)
		if q >= s.a && (d.low(q) == "it" || d.low(q) == "there") && d.low(cue1+1) == "that" {
			if !d.rightContentFrom(at, cue1+1, cf, s) {
				return nil
			}
			return at
		}
		return nil
	}
	// Coordinated verb phrase: "… but called on Kabul to …".
	q := d.skipLeft(i-1, s.a)
	if q >= s.a && (d.low(q) == "and" || d.low(q) == "but") && !d.compoundSubject(q, s) {
		at.inherit = true
		if !d.rightContent(at, cf, s) {
			return nil
		}
		return at
	}
	s0, s1 := d.subjectLeft(i, s.a)
	if s0 >= 0 {
		// "As X said, …"
		if d.low(s0-1) == "as" && s0-1 == s.a || d.low(s0-1) == "as" && d.low(s0-2) == "but" {
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
		// Trailing: "…, X said."
		rr := cue1 + 1
		if cf.flags&fRecip != 0 && d.word(rr) && !d.is(rr, wPrep|wTime) {
			if e := d.npRight(rr, s.b); e >= 0 {
				at.recip0, at.recip1 = rr, e
				rr = e + 1
			}
		}
		quoteBefore := s0 > s.a && d.tok(s0-1).kind == tQuote && d.tok(s0-1).q == qClose
		if (cf.flags&fInv != 0 || quoteBefore && cf.class == classSpeech) && d.endsClause(rr, s) {
			b := s0
			for n := 0; n < 2 && b-1 > s.a && d.word(b-1) && !d.tok(b-1).upper && !d.is(b-1, wSub|wConj|wPrep|wPron|wAux); n++ {
				b-- // "…," retired general Lloyd Newton said.
			}
			if b != s0 && !(d.tok(b-1).low == "," || d.tok(b-1).kind == tQuote) {
				b = s0
			}
			if b-1 >= s.a && (d.tok(b-1).low == "," || d.tok(b-1).kind == tQuote && d.tok(b-1).q == qClose || d.tok(b-1).low == "—") {
				at.src0 = b
				// Parenthetical "…, X said, …": the content goes on after it.
				if d.low(rr) == "," && rr+1 < s.b && d.tok(rr+1).kind == tWord && s.b-rr > 5 && !d.isCueAt(rr+1) {
					last := d.lastContentTok(rr+1, s.b)
					if d.is(s.a, wPrep|wSub|wAdv|wTime) || d.isDayOrDate(s.a) {
						at.con0, at.con1 = rr+1, last // "During …, Mr. Obama said, a majority …"
					} else {
						at.con0, at.con1 = s.a, last
					}
					at.conStart, at.conEnd = d.trimSpan(d.toks[at.con0].start, d.toks[last].end)
					return at
				}
				return d.leftContent(at, b-1, s)
			}
		}
		return nil
	}
	// Inversion: "…," said X.
	if cf.flags&fInv != 0 && q >= s.a && (d.toks[q].low == "," || d.toks[q].kind == tQuote && d.toks[q].q == qClose || d.toks[q].low == "—") {
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
	return nil
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

func (at *attribution) recipEnd(def int) int {
	if at.recip1 >= 0 {
		return at.recip1
	}
	return def
}

func (d *doc) skipPunct(i int, s sentence) int {
	for i < s.b && d.toks[i].kind == tPunct && d.toks[i].low == "," {
		i++
	}
	return i
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
	return st >= 0 && (st == s.a || d.clauseEdge(st-1)) && d.tok(q-1).upper
}

// endsClause reports whether nothing but adverbials, recipients or
// punctuation follow token r to the end of the clause.
func (d *doc) endsClause(r int, s sentence) bool {
	for k := r; k < s.b; k++ {
		t := d.toks[k]
		if t.kind != tWord {
			if t.low == "," || isTerminal(t.low) || t.kind == tQuote || t.low == "—" || t.low == ")" {
				return true
			}
			continue
		}
		if k == r && !(d.is(k, wPrep|wTime|wAdv) || d.isDayOrDate(k) || d.isLyAdverb(k)) {
			return false
		}
		if d.is(k, wSub) && t.low != "after" && t.low != "before" && t.low != "as" && t.low != "since" && t.low != "when" && t.low != "while" && !(t.low == "that" && d.is(k-1, wPrep)) {
			return false
		}
		if cf, ok := d.cueAt(k); ok && !t.upper && !d.is(k, wDoc|wAnon) && !cf.ing && !(k > 0 && (d.is(k-1, wDet) || isPossessiveDet(d.low(k-1)))) {
			return false
		}
	}
	return true
}

// recipient records the noun phrase after a cue when it is the one spoken
// to ("told the French News Agency", "to reporters").
func (d *doc) recipient(at *attribution, r int, s sentence) {
	if d.low(r) == "to" {
		if e := d.npRight(r+1, s.b); e >= 0 {
			at.recip0, at.recip1 = r+1, e
		}
	}
}

// rightContent finds content after the cue (and its recipient and
// adverbials). It reports whether content was found.
func (d *doc) rightContent(at *attribution, cf cueForm, s sentence) bool {
	r := at.cue1 + 1
	// Recipient: "told reporters that", "urged Congress to", "accused X of".
	if cf.flags&fRecip != 0 && r < s.b && d.word(r) && d.low(r) != "that" && !(d.low(r) == "to" && cf.flags&fTo != 0) {
		if e := d.npRight(r, s.b); e >= 0 {
			if d.isSubjectPronounObj(r) {
				e = r
			}
			if at.class == classAccuse {
				if cf.lemma == "hold" {
					for k := r; k <= e; k++ {
						if d.low(k) == "responsible" || d.low(k) == "accountable" {
							e = k - 1
							break
						}
					}
				}
				at.target0, at.target1 = r, e
				return d.rightContentFrom(at, r, cf, s)
			}
			at.recip0, at.recip1 = r, e
			r = e + 1
		}
	}
	// A preposition that belongs to the cue: "spoke of", "talked about",
	// "commented on", "warned against".
	if r < s.b && prepCue[cf.lemma+" "+d.low(r)] && r+1 < s.b && d.word(r+1) {
		if at.recip0 < 0 {
			at.cue1 = r
		}
		return d.rightContentFrom(at, r+1, cueForm{lemma: cf.lemma, class: cf.class, flags: fObj | fThat | fQuote}, s)
	}
	start := r
	// Adverbials before the content: "said on Monday", "stated before
	// Parliament on Thursday that", "said in a statement, "…"".
	k := r
	for n := 0; n < 4 && k < s.b; n++ {
		switch {
		case d.isDayOrDate(k) || d.is(k, wAdv) && !d.toks[k].upper || d.isLyAdverb(k):
			k++
			continue
		case d.is(k, wPrep) && !(d.low(k) == "to" && cf.flags&fTo != 0 && !d.isNPStart(k+1)) && d.low(k) != "of" && d.low(k) != "about":
			e := d.npRight(k+1, s.b)
			if e < 0 {
				break
			}
			if d.low(k) == "to" || d.low(k) == "with" {
				if at.recip0 < 0 {
					at.recip0, at.recip1 = k+1, e
				}
			}
			k = e + 1
			continue
		}
		break
	}
	if k > r && k < s.b && (d.low(k) == "that" || d.toks[k].kind == tQuote && d.toks[k].q == qOpen || d.toks[k].low == ":" || d.toks[k].low == "," && d.tok(k+1).kind == tQuote || cf.flags&fTo != 0 && d.low(k) == "to") {
		start = k
	} else if k > r {
		// Adverbials followed by a bare clause or nothing: the adverbials
		// are not content when the clause ends here.
		if d.endsClause(r, s) {
			return false
		}
	}
	return d.rightContentFrom(at, start, cf, s)
}

func (d *doc) isSubjectPronounObj(i int) bool {
	switch d.low(i) {
	case "him", "her", "them", "us", "me", "it", "you":
		return true
	}
	return false
}

func (d *doc) isNPStart(i int) bool {
	return d.word(i) && (d.is(i, wDet) || d.toks[i].upper)
}

// isObjStart reports whether token i can start an object noun phrase.
func (d *doc) isObjStart(i int) bool {
	return d.isNPStart(i) || d.word(i) && (isPossessiveDet(d.low(i)) || d.isSubjectPronounObj(i) || d.nounish(i, 0))
}

// rightContentFrom sets the content starting at token r and running to the
// end of the quote it opens, or of its clause.
func (d *doc) rightContentFrom(at *attribution, r int, cf cueForm, s sentence) bool {
	if r < s.b && d.toks[r].low == "," && r == at.cue1+1 && r+1 < s.b && d.tok(r+1).kind != tQuote {
		return false // "…," she said, clapping.
	}
	for r < s.b && (d.toks[r].low == ":" || d.toks[r].low == "," || d.toks[r].low == "—") {
		r++
	}
	if r >= s.b {
		return false
	}
	t := d.toks[r]
	if t.kind == tPunct && isTerminal(t.low) {
		return false
	}
	if t.kind == tQuote && t.q == qOpen && int(t.quote) >= 0 {
		q := d.quotes[int(t.quote)]
		at.direct = true
		at.con0 = r
		at.con1 = q.last
		if q.close >= 0 {
			at.con1 = q.close
		}
		at.conStart, at.conEnd = d.trimSpan(q.start, q.end)
		// Mixed: a quote that is only the start of a longer clause.
		if q.close >= 0 && q.close+1 < s.b && d.word(q.close+1) && !d.isCueAt(q.close+1) && d.low(q.close+1) != "and" {
			e := d.contentEnd(q.close+1, s)
			at.con1 = e
			at.conStart, at.conEnd = d.trimSpan(d.toks[r].start, d.toks[e].end)
			at.direct = false
		}
		return at.conEnd > at.conStart
	}
	if cf.flags&fWeak != 0 && cf.flags&fThat != 0 && d.bareClause(r, s) {
		// "One study found Trump would raise taxes."
	} else if cf.flags&fWeak != 0 && whWord(t.low) && cf.flags&(fThat|fObj) != 0 {
		// "questioned what kind of person …"
	} else if cf.flags&fWeak != 0 && !(t.low == "that" || cf.flags&fTo != 0 && t.low == "to" || at.recip0 >= 0 && cf.flags&fTo != 0 && t.low == "to" || cf.flags&fObj != 0 && at.target0 >= 0) {
		if !(cf.flags&fObj != 0 && d.isObjStart(r) && cf.lemma != "call") && !(cf.lemma == "call" && (d.isNPStart(r) || d.word(r))) {
			return false
		}
	}
	if cf.flags&(fThat|fObj|fTo) == 0 && t.low != "that" {
		return false
	}
	if cf.flags&fThat == 0 && t.low == "that" && cf.flags&fObj == 0 {
		return false
	}
	if cf.flags&fTo != 0 && cf.flags&(fThat|fObj) == 0 && t.low != "to" {
		return false
	}
	e := d.contentEnd(r, s)
	if e < r {
		return false
	}
	if cf.flags&fThat == 0 && t.low != "to" && t.kind == tWord {
		// A noun-phrase object ends before a trailing adverbial.
		for k := r + 1; k <= e; k++ {
			if d.toks[k].low == "," || int(d.toks[k].inq) < 0 && trailingPrep[d.low(k)] && !d.toks[k].upper {
				e = d.lastContentTok(r, k)
				break
			}
		}
	}
	at.con0, at.con1 = r, e
	at.conStart, at.conEnd = d.trimSpan(d.toks[r].start, d.toks[e].end)
	return at.conEnd > at.conStart
}

// contentEnd returns the last token of indirect content starting at r: the
// end of the sentence, or just before a following participle cue, a
// coordinated cue or "according to".
func (d *doc) contentEnd(r int, s sentence) int {
	e := s.b
	for k := r + 1; k < s.b; k++ {
		t := d.toks[k]
		if int(t.inq) >= 0 {
			continue
		}
		if t.low == ";" {
			e = k
			break
		}
		if t.low == "," && (d.low(k+1) == "but" || d.low(k+1) == "although" || d.low(k+1) == "though" || d.low(k+1) == "especially" || d.low(k+1) == "while") {
			e = k // "…, but he has also …": the speaker's clause ends here
			break
		}
		if t.low == "," || t.low == "—" {
			n := k + 1
			for n < s.b && (d.is(n, wAdv) && !d.tok(n).upper || d.isLyAdverb(n)) {
				n++
			}
			if cf, ok := d.cueAt(n); ok && cf.ing && !d.tok(n).upper {
				e = k
				break
			}
			if d.low(n) == "according" && d.low(n+1) == "to" {
				e = k
				break
			}
			// ", X said" closing a quote-like clause.
			if s0, _ := d.subjectLeftAt(n, s); s0 >= 0 {
				e = k
				break
			}
		}
		if (t.low == "and" || t.low == "but" || t.low == "though" || t.low == "although" || t.low == "while" || t.low == "whereas") && t.kind == tWord && d.clauseCueAfter(k+1, s) {
			e = k
			if d.tok(k-1).low == "," {
				e = k - 1
			}
			break
		}
		if (t.low == "and" || t.low == "but") && t.kind == tWord {
			n := k + 1
			for n < s.b && (d.is(n, wAdv|wAux|wNeg) && !d.tok(n).upper || d.isLyAdverb(n)) {
				n++
			}
			if cf, ok := d.cueAt(n); ok && !cf.ing && !d.tok(n).upper && cf.flags&fWeak == 0 || d.low(n) == "called" && (d.low(n+1) == "on" || d.low(n+1) == "for") {
				e = k
				break
			}
		}
	}
	return d.lastContentTok(r, e)
}

// subjectLeftAt reports whether the tokens from n form "X said" closing the
// clause (a short subject followed by a speech cue and then the clause end).
func (d *doc) subjectLeftAt(n int, s sentence) (int, int) {
	e := d.npRight(n, s.b)
	if e < 0 {
		if !d.isSubjectPronoun(n) {
			return -1, -1
		}
		e = n
	}
	c := e + 1
	for c < s.b && (d.is(c, wAux|wAdv) && !d.toks[c].upper) {
		c++
	}
	cf, ok := d.cueAt(c)
	if !ok || cf.ing || cf.flags&fInv == 0 || d.toks[c].upper {
		return -1, -1
	}
	if !d.endsClause(c+1, s) {
		return -1, -1
	}
	return n, e
}

// leftContent sets the content ending just before token q (a comma, dash or
// closing quote before the source or inverted cue).
func (d *doc) leftContent(at *attribution, q int, s sentence) *attribution {
	e := q
	if d.toks[q].kind == tQuote && d.toks[q].q == qClose {
		// fine: q closes the quote
	} else if q-1 >= 0 && d.tok(q-1).kind == tQuote && d.tok(q-1).q == qClose {
		e = q - 1
	} else if q-1 >= 0 && d.toks[q].low == "," && q+1 < len(d.toks) && d.tok(q+1).kind == tQuote && d.tok(q+1).q == qClose {
		e = q + 1
	}
	if d.toks[e].kind == tQuote && d.toks[e].q == qClose && int(d.toks[e].quote) >= 0 && d.quoteOpensClause(d.quotes[int(d.toks[e].quote)].open, s) {
		qs := d.quotes[int(d.toks[e].quote)]
		at.direct = true
		at.con0, at.con1 = qs.open, e
		at.conStart, at.conEnd = d.trimSpan(qs.start, qs.end)
		if at.conEnd <= at.conStart {
			return nil
		}
		d.splitQuote(at, s)
		return at
	}
	// Indirect: from the start of the sentence (or the previous clause
	// boundary) to the comma.
	b := s.a
	for k := q - 1; k > s.a; k-- {
		if d.toks[k].low == ";" || d.toks[k].low == ":" {
			b = k + 1
			break
		}
	}
	if b >= q {
		return nil
	}
	last := d.lastContentTok(b, q)
	if last < b {
		return nil
	}
	at.con0, at.con1 = b, last
	at.conStart, at.conEnd = d.trimSpan(d.toks[b].start, d.toks[last].end)
	if at.conEnd <= at.conStart {
		return nil
	}
	return at
}

// splitQuote joins the second half of a split quote (""A," X said, "B."")
// to the content.
func (d *doc) splitQuote(at *attribution, s sentence) {
	k := at.cue1 + 1
	if at.src1 > k {
		k = at.src1 + 1
	}
	for k < len(d.toks) && int(d.toks[k].para) == int(d.toks[at.cue0].para) && k < at.cue1+30 {
		t := d.toks[k]
		if t.kind == tQuote && t.q == qOpen && int(t.quote) >= 0 {
			q := d.quotes[int(t.quote)]
			end := q.last
			if q.close >= 0 {
				end = q.close
			}
			at.con1 = end
			_, at.conEnd = d.trimSpan(at.conStart, q.end)
			return
		}
		if t.kind == tWord || t.kind == tPunct && t.low != "," {
			if t.kind == tWord && (k <= at.src1 || d.is(k, wTime|wAdv|wPrep) || d.isDayOrDate(k)) {
				k++
				continue
			}
			return
		}
		k++
	}
}

// accordingTo handles "according to X, …" and "…, according to X".
func (d *doc) accordingTo(i int, s sentence) *attribution {
	at := &attribution{cue0: i, cue1: i + 1, class: classReport, target0: -1, target1: -1, recip0: -1, recip1: -1}
	e := d.npRight(i+2, s.b)
	if e < 0 {
		return nil
	}
	at.src0, at.src1 = i+2, e
	p := i - 1
	for p >= s.a && d.is(p, wConj|wAdv) {
		p--
	}
	if p < s.a {
		r := e + 1
		for r < s.b && d.toks[r].low != "," {
			r++
		}
		if r+1 >= s.b {
			return nil
		}
		last := d.contentEnd(r+1, s)
		if last <= r {
			return nil
		}
		at.con0, at.con1 = r+1, last
		at.conStart, at.conEnd = d.trimSpan(d.tok(r+1).start, d.toks[last].end)
		if d.tok(r+1).kind == tQuote {
			at.direct = true
		}
		return at
	}
	if d.toks[p].low != "," && d.toks[p].low != "—" && d.toks[p].low != "(" {
		return nil
	}
	// "The plan, according to officials, would cost …": both sides.
	if d.toks[p].low == "," && d.low(e+1) == "," && e+2 < s.b && d.word(e+2) {
		last := d.lastContentTok(e+2, s.b)
		at.con0, at.con1 = s.a, last
		at.conStart, at.conEnd = d.trimSpan(d.toks[s.a].start, d.toks[last].end)
		return at
	}
	return d.leftContent(at, p, s)
}

// colonCue handles "NAME: text" speaker lines (interview transcripts) and
// "X said: …" is left to the verb. A colon is a cue when a short capitalised
// speaker opens the paragraph.
func (d *doc) colonCue(i int, s sentence) *attribution {
	if i != s.a+1 && i != s.a+2 || s.a > 0 && d.toks[s.a].nl == 0 {
		return nil
	}
	for k := s.a; k < i; k++ {
		t := d.toks[k]
		if t.kind != tWord || !t.upper || t.low == "'s" || d.is(k, wStarter|wTime|wMonth) || notSpeakers[t.low] {
			return nil
		}
	}
	if i+1 >= s.b {
		return nil
	}
	at := &attribution{cue0: i, cue1: i, src0: s.a, src1: i - 1, class: classSpeech, target0: -1, target1: -1, recip0: -1, recip1: -1}
	// The content runs to the end of the paragraph.
	end := s.b
	for end < len(d.toks) && int(d.toks[end].para) == int(d.toks[i].para) {
		end++
	}
	last := d.lastContentTok(i+1, end)
	at.con0, at.con1 = i+1, last
	at.conStart, at.conEnd = d.trimSpan(d.tok(i+1).start, d.toks[last].end)
	if at.conEnd <= at.conStart {
		return nil
	}
	return at
}

// dropNested removes attributions whose cue lies inside another's content
// (PolNeAR annotates only the outermost attribution) and duplicates.
func (d *doc) dropNested(in []*attribution) []*attribution {
	// Index each attribution under every paragraph its content touches, so
	// that a cue is compared only with contents in its own paragraph.
	byPara := make(map[int32][]*attribution, len(in))
	for _, a := range in {
		p0, p1 := d.toks[a.con0].para, d.toks[min(a.con1, len(d.toks)-1)].para
		for p := p0; p <= p1; p++ {
			byPara[p] = append(byPara[p], a)
		}
	}
	// An attribution is nested when its cue lies inside the content of
	// another attribution that is not itself nested; iterate to a fixed
	// point so that "A said B wants C but pledged D" keeps "pledged".
	nested := make(map[*attribution]bool, len(in))
	for round := 0; round < 4; round++ {
		changed := false
		for _, a := range in {
			cs := d.toks[a.cue0].start
			isNested := false
			for _, b := range byPara[d.toks[a.cue0].para] {
				if a == b || nested[b] {
					continue
				}
				if cs >= b.conStart && cs < b.conEnd && !(d.toks[b.cue0].start >= a.conStart && d.toks[b.cue0].start < a.conEnd) {
					isNested = true
					break
				}
			}
			if isNested != nested[a] {
				nested[a] = isNested
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	out := in[:0]
	for _, a := range in {
		if !nested[a] {
			out = append(out, a)
		}
	}
	return out
}

// extendQuotes adds to a direct quote the quoted sentences and paragraphs
// that continue it without a cue of their own.
func (d *doc) extendQuotes(ats []*attribution) {
	if len(ats) == 0 {
		return
	}
	cueAt := make(map[int]bool, 2*len(ats))
	for _, a := range ats {
		cueAt[int(d.toks[a.cue0].sent)] = true
		if a.con0 >= 0 && a.con0 < len(d.toks) {
			cueAt[int(d.toks[a.con0].sent)] = true
			cueAt[int(d.toks[a.con1].sent)] = true
		}
	}
	for _, a := range ats {
		if !a.direct {
			continue
		}
		last := int(d.toks[a.con1].sent)
		lastPara := int(d.toks[a.con1].para)
		for si := last + 1; si < len(d.sents) && si <= last+12; si++ {
			s := d.sents[si]
			if cueAt[si] {
				break
			}
			first := d.toks[s.a]
			if first.kind != tQuote || first.q != qOpen || int(first.quote) < 0 {
				break
			}
			if s.para > lastPara+1 {
				break
			}
			q := d.quotes[int(first.quote)]
			end := q.last
			if q.close >= 0 {
				end = q.close
			}
			// The whole quote must be the sentence (or run to the paragraph end).
			if end < s.b-2 && int(d.toks[end].sent) == si {
				break
			}
			_, ce := d.trimSpan(a.conStart, q.end)
			a.conEnd = ce
			a.con1 = end
			lastPara = s.para
			si = int(d.toks[end].sent)
		}
	}
}

// notSpeakers are words that open a "Word:" line without naming a speaker.
var notSpeakers = map[string]bool{
	"update": true, "note": true, "editor": true, "photo": true, "video": true, "watch": true,
	"read": true, "related": true, "source": true, "sources": true, "credit": true, "correction": true,
	"breaking": true, "exclusive": true, "analysis": true, "opinion": true, "live": true, "warning": true,
	"tags": true, "topics": true, "subscribe": true, "advertisement": true, "share": true, "more": true,
	"q": true, "a": true, "question": true, "answer": true, "caption": true, "listen": true, "see": true,
}

// dashCue handles a quotation tagged with a dash and its speaker at the end
// of a paragraph: ""…" ― Jane Doe, 35, teacher".
func (d *doc) dashCue(i int, s sentence) *attribution {
	if i == 0 || i+1 >= len(d.toks) {
		return nil
	}
	p := d.tok(i - 1)
	if p.kind != tQuote || p.q != qClose || int(p.quote) < 0 || !d.tok(i+1).upper || d.tok(i+1).kind != tWord {
		return nil
	}
	e := d.npRight(i+1, len(d.toks))
	if e < 0 {
		return nil
	}
	// The tag runs to the end of its paragraph.
	end := e
	for end+1 < len(d.toks) && int(d.tok(end+1).para) == int(d.toks[i].para) && d.tok(end+1).nl == 0 {
		end++
	}
	if end-i > 25 {
		return nil
	}
	at := &attribution{cue0: i, cue1: i, src0: i + 1, src1: e, class: classSpeech, target0: -1, target1: -1, recip0: -1, recip1: -1}
	return d.leftContent(at, i-1, s)
}

// isPossessiveDet reports whether w is a possessive determiner.
func isPossessiveDet(w string) bool {
	switch w {
	case "'s", "his", "her", "their", "its", "our", "my", "your":
		return true
	}
	return false
}

// prepCue lists verb + preposition pairs whose object is the content.
var prepCue = map[string]bool{
	"speak of": true, "speak about": true, "talk about": true, "talk of": true, "comment on": true,
	"complain about": true, "complain of": true, "warn of": true, "warn about": true, "warn against": true,
	"write about": true, "write of": true, "testify about": true, "joke about": true, "boast about": true,
	"boast of": true, "brag about": true, "ask about": true, "ask for": true, "respond to": true,
	"agree with": true, "disagree with": true, "argue for": true, "argue against": true, "point to": true,
	"tweet about": true, "hint at": true, "remark on": true, "reflect on": true, "insist on": true,
	"press for": true, "push for": true, "advocate for": true, "object to": true, "think about": true,
	"know about": true, "learn of": true, "learn about": true, "hope for": true, "worry about": true,
	"fear for": true, "vote for": true, "vote against": true, "question about": true, "speak out": true,
	"demand of": true, "lash out": true, "elaborate on": true, "expand on": true, "reply to": true,
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

// trailingPrep open adverbials that end a noun-phrase object.
var trailingPrep = map[string]bool{
	"in": true, "on": true, "at": true, "during": true, "since": true, "after": true, "before": true,
	"amid": true, "while": true, "when": true, "following": true, "last": true, "this": true, "earlier": true,
}

// bareClause reports whether a clause without "that" starts at r: a
// subject noun phrase or pronoun followed by an auxiliary or modal.
func (d *doc) bareClause(r int, s sentence) bool {
	e := r
	if !d.isSubjectPronoun(r) {
		e = d.npRight(r, s.b)
		if e < 0 {
			return false
		}
	}
	return d.is(e+1, wAux) && d.low(e+1) != "'s"
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
		if e < 0 || e-n > 5 || !d.tok(n).upper && !d.is(e, wAnon) {
			return false
		}
	}
	c := e + 1
	for c < s.b && (d.is(c, wAux|wAdv|wNeg) && !d.toks[c].upper || d.isLyAdverb(c)) {
		c++
	}
	cf, ok := d.cueAt(c)
	return ok && !cf.ing && !cf.partOnly && cf.flags&(fThat|fQuote) != 0 && cf.flags&fWeak == 0 && !d.toks[c].upper
}

// quoteOpensClause reports whether the quotation mark at o opens its
// sentence or clause (or an earlier sentence), so that the quote alone is
// the content; otherwise the quote is part of a longer paraphrase.
func (d *doc) quoteOpensClause(o int, s sentence) bool {
	if o <= s.a {
		return true
	}
	p := o - 1
	return d.toks[p].low == ":" || d.toks[p].low == ";" || d.toks[p].kind == tQuote || d.toks[p].low == "—" || p == s.a && d.is(p, wConj|wAdv)
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
