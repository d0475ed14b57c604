package extract

import "strings"

// This file draws the content span of an attribution: after the cue, before
// the speaker, and across split and continued quotations.

// trimSpan moves a content end back over spaces and punctuation that close
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
		if k == r && !(d.is(k, wPrep|wTime|wAdv) || d.isDayOrDate(k) || d.isLyAdverb(k) || (t.low == "this" || t.low == "next") && d.is(k+1, wTime)) {
			return false
		}
		if cf, ok := d.cueAt(k); ok && cf.ing && k > r && !t.upper {
			return true // "…," she said at a news conference announcing …
		}
		if d.is(k, wSub) && t.low != "after" && t.low != "before" && t.low != "as" && t.low != "since" && t.low != "when" && t.low != "while" && !(t.low == "that" && d.is(k-1, wPrep)) {
			return false
		}
		if cf, ok := d.cueAt(k); ok && !t.upper && !d.is(k, wDoc|wAnon) && !cf.ing && !(k > 0 && (d.is(k-1, wDet) || isPossessiveDet(d.low(k-1)))) && !(cf.noun && d.word(k-1) && !d.is(k-1, wPron|wAux|wAdv|wNeg|wConj|wSub) && !d.tok(k-1).upper) {
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
		e := d.npRight(r, s.b)
		if d.isSubjectPronounObj(r) {
			e = r // "told me", "urged them"
		}
		if e >= 0 {
			if at.class == classAccuse {
				if cf.lemma == "hold" {
					for k := r; k <= e; k++ {
						if d.low(k) == "responsible" || d.low(k) == "accountable" {
							e = k - 1
							break
						}
					}
				}
				if d.low(e+1) == "," && !d.tok(e).upper {
					// "blamed the mining company, Greyfield Aggregates,
					// for …": the named appositive is the accused.
					n := e + 2
					for n < s.b && d.toks[n].upper && d.toks[n].kind == tWord && n-e < 7 {
						n++
					}
					if n > e+2 && (d.low(n) == "," || d.low(n) == "of" || d.low(n) == "for") {
						e = n - 1
					}
				}
				if cf.lemma == "blame" && d.low(e+1) == "on" {
					// "blamed the strike on Hale": Hale is blamed; "on
					// Monday's storm": no one.
					n := e + 2
					if d.is(n, wDet) {
						n++
					}
					if z := d.npRight(e+2, s.b); z >= 0 && n <= z && d.toks[n].upper && !d.isDayOrDate(n) {
						at.target0, at.target1 = e+2, z
					}
					return d.rightContentFrom(at, r, cf, s)
				}
				at.target0, at.target1 = r, e
				return d.rightContentFrom(at, r, cf, s)
			}
			at.recip0, at.recip1 = r, e
			if d.low(e+1) == "to" && cf.flags&fTo != 0 {
				// "urged Congress to act": the addressee belongs to what is
				// urged.
				return d.rightContentFrom(at, r, cueForm{lemma: cf.lemma, class: cf.class, flags: fObj | fTo | fThat}, s)
			}
			if d.low(e+1) == "that" && eventNouns[d.low(e)] && (d.is(e+2, wAux|wVerb) || strings.HasSuffix(d.low(e+2), "ed")) {
				return false // "told a news conference that was held …": a relative clause
			}
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
		case (d.isDayOrDate(k) || d.is(k, wAdv) && !d.toks[k].upper || d.isLyAdverb(k)) && d.low(k+1) != "'s":
			k++
			continue
		case d.toks[k].low == "," && d.low(k+1) == "as" && (d.low(k+2) == "did" || d.low(k+2) == "does" || d.low(k+2) == "do" || d.low(k+2) == "have" || d.low(k+2) == "has"):
			// "cautioned, as did the campaign itself, that …"
			m := k + 3
			for m < s.b && m < k+14 && d.toks[m].low != "," {
				m++
			}
			if m >= s.b || d.toks[m].low != "," {
				break
			}
			k = m
			if d.low(k+1) == "that" {
				k++
			}
			continue
		case d.toks[k].low == "," && k > r && d.tok(k+1).upper && d.low(k+2) == ",":
			k += 3 // "at a stop in Toledo, Ohio, that …"
			continue
		case d.toks[k].low == "," && k > r && d.tok(k+1).upper && d.tok(k+2).upper && d.low(k+3) == ",":
			k += 4
			continue
		case (d.low(k) == "of" || d.low(k) == "about") && d.low(d.npRight(k+1, s.b)+1) == "," && d.tok(d.npRight(k+1, s.b)+2).kind == tQuote && d.npRight(k+1, s.b) >= 0:
			k = d.npRight(k+1, s.b) + 1 // "says of Clinton, "…""
			continue
		case d.is(k, wPrep) && !(d.low(k) == "to" && cf.flags&fTo != 0 && !d.isNPStart(k+1)) && d.low(k) != "of" && d.low(k) != "about":
			e := d.npRight(k+1, s.b)
			if e < 0 {
				break
			}
			if d.low(k) == "to" || d.low(k) == "with" || d.low(k) == "on" {
				if at.recip0 < 0 {
					at.recip0, at.recip1 = k+1, e
				}
			} else if at.recip0 < 0 {
				// "said in an interview with the Coastal Herald": the
				// outlet the words were given to.
				for j := k + 2; j < e; j++ {
					if (d.low(j) == "with" || d.low(j) == "to") && (d.low(j-1) == "interview" || d.low(j-1) == "conversation" || d.low(j-1) == "remarks" || d.low(j-1) == "statement" || d.low(j-1) == "letter") {
						at.recip0, at.recip1 = j+1, e
						break
					}
				}
			}
			k = e + 1
			continue
		}
		break
	}
	if k > r && k < s.b && d.toks[k].low == "," && d.low(k+1) == "that" {
		k++
	}
	if k > r && k < s.b && (d.low(k) == "that" || d.toks[k].kind == tQuote && d.toks[k].q == qOpen || d.toks[k].low == ":" || d.toks[k].low == "," && d.tok(k+1).kind == tQuote || cf.flags&fTo != 0 && d.low(k) == "to") {
		start = k
	} else if k > r {
		// Adverbials followed by a bare clause or nothing: the adverbials
		// are not content when the clause ends here.
		if k < s.b && d.bareClause(k, s) {
			start = k // "said after the convention he would …"
		} else if d.endsClause(r, s) {
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
		// "Caddell continued:" closing its paragraph: the next paragraph
		// is what was said.
		if r > 0 && r < len(d.toks) && d.toks[r-1].low == ":" && d.toks[r].para != d.toks[r-1].para {
			e := r
			for e+1 < len(d.toks) && d.toks[e+1].para == d.toks[r].para {
				e++
			}
			last := d.lastContentTok(r, e+1)
			if last < r {
				return false
			}
			at.con0, at.con1 = r, last
			start := d.toks[r].start
			if d.toks[r].kind == tQuote {
				start = d.toks[r].end
				at.direct = true
			}
			at.conStart, at.conEnd = d.trimSpan(start, d.toks[last].end)
			if d.toks[last].kind == tQuote {
				at.conStart, at.conEnd = d.trimSpan(start, d.toks[last].start)
			}
			return at.conEnd > at.conStart
		}
		return false
	}
	t := d.toks[r]
	if t.kind == tPunct && isTerminal(t.low) {
		return false
	}
	if t.kind == tWord && !t.upper && (t.low == "of" || t.low == "at" || t.low == "during" || t.low == "after" || t.low == "before" || t.low == "outside" || t.low == "inside" || t.low == "near" || t.low == "from") {
		return false // "…," she said of the plan / at the rally.
	}
	if t.kind == tWord && (d.isDayOrDate(r) || t.low == "this" || t.low == "last" || t.low == "next" || t.low == "earlier" || t.low == "later") {
		// "…," he told reporters this week: a time, not content.
		k := r
		for k < s.b && d.word(k) && (d.isDayOrDate(k) || d.is(k, wTime|wDet) || t.low == "last" || t.low == "next") {
			k++
		}
		if k > r && (k >= s.b || d.toks[k].kind != tWord) {
			return false
		}
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
		if q.close >= 0 && q.close+1 < s.b && d.word(q.close+1) && !d.isCueAt(q.close+1) && d.low(q.close+1) != "and" && !d.speakerTagAt(q.close+1, s) {
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
	npObj := cf.flags&fThat == 0
	if npObj || cf.flags&fObj != 0 && t.low != "that" && !whWord(t.low) && !d.bareClause(r, s) && t.low != "to" && t.kind == tWord && !keepsComplement[cf.lemma] {
		// A noun-phrase object ends before a second verb ("rejected the
		// claim and called it …").
		for k := r + 1; k <= e; k++ {
			if int(d.toks[k].inq) < 0 && d.low(k) == "and" && d.word(k+1) && !d.tok(k+1).upper && (strings.HasSuffix(d.low(k+1), "ed") || d.is(k+1, wVerb|wAux)) && !d.is(k+1, wDoc|wAnon|wOrg) {
				e = d.lastContentTok(r, k)
				break
			}
		}
	}
	if npObj && t.low != "to" && t.kind == tWord && !keepsComplement[cf.lemma] {
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
			if cf, ok := d.cueAt(n); ok && !d.tok(n).upper && (cf.ing || !cf.noun && !cf.partOnly && d.relativeBefore(r)) {
				// ", saying …", or the end of a relative clause: "X, who
				// believes …, told reporters …".
				e = k
				break
			}
			if d.low(n) == "according" && d.low(n+1) == "to" || d.low(n) == "as" && d.low(n+1) == "reported" && d.low(n+2) == "by" {
				e = k
				break
			}
			if d.low(n) == "not" && d.low(n+1) == "that" {
				e = k // "…, not that he is calling for …"
				break
			}
			if d.is(s.a, wSub) && d.toks[s.a].upper && k > r && (d.clauseCueAfter(n, s) || d.newClause(n, s)) {
				// "While he acknowledged …, Ham noted …": the subordinate
				// clause ends at the main clause.
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
			clauseNext := d.low(n+1) == "that" || d.low(n+1) == ":" || d.tok(n+1).kind == tQuote
			if cf, ok := d.cueAt(n); ok && !cf.ing && !d.tok(n).upper && (cf.flags&fWeak == 0 && !(cf.noun && d.low(n) == cf.lemma) || clauseNext) || d.low(n) == "called" && (d.low(n+1) == "on" || d.low(n+1) == "for") {
				e = k
				break
			}
			if d.tok(k-1).low == "," && d.newClause(n, s) {
				// "…, and human rights groups warned …": a new clause
				// with its own subject is the author's.
				e = k - 1
				break
			}
		}
	}
	return d.lastContentTok(r, e)
}

// newClause reports whether a clause with its own subject and finite verb
// starts at n: a name or determiner phrase followed by a past-tense or
// auxiliary verb.
func (d *doc) newClause(n int, s sentence) bool {
	if !d.word(n) || !(d.is(n, wDet) || d.toks[n].upper && !d.is(n, wPron)) {
		return false
	}
	e := d.npRight(n, s.b)
	if e < 0 || e-n > 6 {
		return false
	}
	v := e + 1
	for v < s.b && (d.is(v, wAdv|wNeg) && !d.tok(v).upper || d.isLyAdverb(v)) {
		v++
	}
	t := d.tok(v)
	return t.kind == tWord && !t.upper && (d.is(v, wAux) && t.low != "'s" || strings.HasSuffix(t.low, "ed") && !d.is(v, wDoc|wAnon) || t.cue && !d.is(v, wDoc|wAnon))
}

// speakerTagAt reports whether a speaker tag ("she said", "Rep. Gwen
// Moore (D-Wis.) said") starts at n, after a closing quotation mark.
func (d *doc) speakerTagAt(n int, s sentence) bool {
	e := n
	if !d.isSubjectPronoun(n) {
		if e = d.npRight(n, s.b); e < 0 || e-n > 8 {
			return false
		}
	}
	c := e + 1
	for c < s.b && (d.is(c, wAux|wAdv) && !d.toks[c].upper || d.isLyAdverb(c)) {
		c++
	}
	cf, ok := d.cueAt(c)
	return ok && !cf.ing && cf.flags&fInv != 0 && !d.toks[c].upper
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

// extendQuotes adds to a direct quote the quoted sentences and paragraphs
// that continue it without a cue of their own.
func (d *doc) extendQuotes(ats []*attribution) {
	if len(ats) == 0 {
		return
	}
	cueAt := make([]bool, len(d.sents)) // by sentence index
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

// eventNouns are audiences a speaker addresses ("told a news conference").
var eventNouns = map[string]bool{
	"conference": true, "meeting": true, "briefing": true, "rally": true, "summit": true,
	"gathering": true, "audience": true, "crowd": true, "forum": true, "session": true, "hearing": true,
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
	"demand of": true, "lash out": true, "decide against": true, "rail against": true, "elaborate on": true, "expand on": true, "reply to": true,
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

// relativeBefore reports whether the content starting at r belongs to a
// relative clause ("…, who said …").
func (d *doc) relativeBefore(r int) bool {
	for k := r - 1; k >= 0 && k >= r-4; k-- {
		switch d.low(k) {
		case "who", "which":
			return d.low(k-1) == ","
		case ",", ".", ";":
			return false
		}
	}
	return false
}

// keepsComplement lists object verbs whose content runs past the object:
// "called her vote a mistake", "likened the plan to theft".
var keepsComplement = map[string]bool{
	"call": true, "liken": true, "characterize": true, "describe": true, "label": true, "dub": true,
	"brand": true, "blame": true, "accuse": true, "hold": true, "deem": true, "portray": true,
}
