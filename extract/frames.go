package extract

import "strings"

// This file reads the attribution frames that do not hang on a verb:
// "according to X", transcript speakers ("NAME: …") and dash tags.

// accordingTo handles "according to X, …" and "…, according to X".
func (d *doc) accordingTo(i int, s sentence) *attribution {
	at := &attribution{cue0: i, cue1: i + 1, class: classReport, target0: -1, target1: -1, recip0: -1, recip1: -1}
	e := d.npRight(i+2, s.b)
	if e < 0 {
		return nil
	}
	switch d.low(e + 1) {
	case "seen", "obtained", "reviewed", "viewed", "released", "published", "issued", "cited", "filed":
		// "according to documents seen by the Baltic Wire news agency"
		if d.low(e+2) == "by" {
			if e2 := d.npRight(e+3, s.b); e2 >= 0 {
				e = e2
			}
		}
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
	if d.toks[p].low == "," && d.low(e+1) == "," && e+2 < s.b && d.word(e+2) && !relWord(d.low(e+2)) {
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
	a := s.a
	if d.toks[a].kind == tQuote {
		// ""SMITH: …"": only an all-capitals speaker.
		a++
		if w := d.text[d.toks[a].start:d.toks[a].end]; strings.ToUpper(w) != w || len(w) < 2 {
			return nil
		}
	}
	for k := a; k < i; k++ {
		t := d.toks[k]
		if t.kind != tWord || !t.upper || t.low == "'s" || d.is(k, wStarter|wTime|wMonth) || notSpeakers[t.low] {
			return nil
		}
	}
	if i+1 >= s.b {
		return nil
	}
	at := &attribution{cue0: i, cue1: i, src0: a, src1: i - 1, class: classSpeech, target0: -1, target1: -1, recip0: -1, recip1: -1}
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

// notSpeakers are words that open a "Word:" line without naming a speaker.
var notSpeakers = map[string]bool{
	"update": true, "note": true, "editor": true, "photo": true, "video": true, "watch": true,
	"read": true, "related": true, "source": true, "sources": true, "credit": true, "correction": true,
	"breaking": true, "exclusive": true, "analysis": true, "opinion": true, "live": true, "warning": true,
	"tags": true, "topics": true, "subscribe": true, "advertisement": true, "share": true, "more": true,
	"q": true, "a": true, "clarification": true, "disclaimer": true, "question": true, "answer": true, "caption": true, "listen": true, "see": true,
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

// nounCues are nouns of statement or belief whose possessor is the source
// and whose that-clause is the content ("Kalder's claim that …").
var nounCues = map[string]bool{
	"claim": true, "claims": true, "assertion": true, "contention": true, "insistence": true,
	"argument": true, "belief": true, "view": true, "suggestion": true, "warning": true,
	"allegation": true, "allegations": true, "accusation": true, "promise": true, "pledge": true,
	"hope": true, "fear": true, "fears": true, "concern": true, "statement": true, "announcement": true,
	"admission": true, "acknowledgment": true, "acknowledgement": true, "conclusion": true,
	"prediction": true, "assurance": true, "assurances": true, "denial": true, "insinuation": true,
	"theory": true, "position": true, "complaint": true, "charge": true, "boast": true, "vow": true,
}

// possessiveNounCue reads "X's claim that …" and "his assertion that …":
// the possessor is the source, the that-clause the content.
func (d *doc) possessiveNounCue(i int, s sentence) *attribution {
	at := &attribution{cue0: i, cue1: i, class: classSpeech, target0: -1, target1: -1, recip0: -1, recip1: -1}
	if d.low(i-1) == "'s" {
		st := d.npLeft(i-2, s.a)
		if st < 0 {
			return nil
		}
		at.src0, at.src1 = st, i-1
	} else {
		at.src0, at.src1 = i-1, i-1
	}
	switch d.low(i) {
	case "denial":
		at.class = classDeny
	case "allegation", "allegations", "accusation", "charge":
		at.class = classAccuse
	}
	e := d.contentEnd(i+1, s)
	if e <= i+1 {
		return nil
	}
	at.con0, at.con1 = i+1, e
	at.conStart, at.conEnd = d.trimSpan(d.toks[i+1].start, d.toks[e].end)
	return at
}

// inView reads "in X's view, …", "…, in the view of X" and "in X's
// opinion": the holder of the view is the source.
func (d *doc) inView(i int, s sentence) *attribution {
	at := &attribution{class: classCognition, target0: -1, target1: -1, recip0: -1, recip1: -1}
	k := i + 1
	switch {
	case d.is(k, wDet) && viewNouns[d.low(k+1)] && d.low(k+2) == "of":
		// "in the view of most engineers"
		e := d.npRight(k+3, s.b)
		if e < 0 {
			return nil
		}
		at.cue0, at.cue1, at.src0, at.src1 = k+1, k+1, k+3, e
		k = e + 1
	case isPossessiveDet(d.low(k)) && d.low(k) != "'s" && viewNouns[d.low(k+1)]:
		at.cue0, at.cue1, at.src0, at.src1 = k+1, k+1, k, k
		k += 2
	default:
		m := k
		for m < s.b && m < k+6 && d.low(m) != "'s" && d.word(m) {
			m++
		}
		if m >= s.b || d.low(m) != "'s" || m == k || !viewNouns[d.low(m+1)] || !d.tok(k).upper && !d.is(k, wDet) {
			return nil
		}
		at.cue0, at.cue1, at.src0, at.src1 = m+1, m+1, k, m
		k = m + 2
	}
	if k >= s.b {
		return nil
	}
	if i == s.a || d.is(i-1, wConj) && i-1 == s.a {
		if d.toks[k].low != "," || k+1 >= s.b {
			return nil
		}
		e := d.contentEnd(k+1, s)
		if e <= k+1 {
			return nil
		}
		at.con0, at.con1 = k+1, e
		at.conStart, at.conEnd = d.trimSpan(d.toks[k+1].start, d.toks[e].end)
		return at
	}
	if d.toks[i-1].low != "," || !(d.toks[k].low == "," || isTerminal(d.toks[k].low)) {
		return nil
	}
	return d.leftContent(at, i-1, s)
}

// viewNouns are the nouns of "in X's view".
var viewNouns = map[string]bool{"view": true, "opinion": true, "estimation": true, "judgment": true, "judgement": true, "assessment": true, "words": true, "eyes": true}

// adjCues are adjectives of belief, feeling or intent that make "X is
// convinced that …", "X is determined to …" an attribution: 't' takes a
// that-clause, 'i' a to-infinitive, 'b' both.
var adjCues = map[string]byte{
	"convinced": 't', "confident": 't', "sure": 't', "certain": 't', "adamant": 't', "worried": 't',
	"concerned": 't', "afraid": 't', "optimistic": 't', "hopeful": 'b', "aware": 't', "unaware": 't',
	"angry": 't', "upset": 't', "incensed": 't', "furious": 't', "pleased": 'b', "happy": 'b',
	"glad": 'b', "disappointed": 't', "frustrated": 't', "skeptical": 't', "sceptical": 't',
	"determined": 'i', "eager": 'i', "willing": 'i', "unwilling": 'i', "ready": 'i', "reluctant": 'i',
	"keen": 'i', "prepared": 'i', "intent": 'i', "anxious": 'b', "careful": 'i', "quick": 'i',
}

// adjectiveCue reads "X is convinced that …" and "X was determined to …":
// the subject holds the belief or intent.
func (d *doc) adjectiveCue(i int, s sentence) *attribution {
	kind := adjCues[d.low(i)]
	if d.low(i+1) == "that" && kind == 'i' || d.low(i+1) == "to" && kind == 't' {
		return nil
	}
	b := i - 1
	for b >= s.a && (d.is(b, wAdv|wNeg) && !d.toks[b].upper || d.isLyAdverb(b) || d.low(b) == "so" || d.low(b) == "very" || d.low(b) == "more") {
		b--
	}
	if b < s.a || !(isBe(d.low(b)) && d.low(b) != "'s" || d.low(b) == "remain" || d.low(b) == "remains" || d.low(b) == "remained" || d.low(b) == "seemed" || d.low(b) == "seems" || d.low(b) == "appeared" || d.low(b) == "felt" || d.low(b) == "'re") {
		return nil
	}
	at := &attribution{cue0: b, cue1: i, class: classCognition, src0: -1, src1: -1, target0: -1, target1: -1, recip0: -1, recip1: -1}
	for at.cue0-1 >= s.a && d.is(at.cue0-1, wAux|wNeg) && !d.tok(at.cue0-1).upper {
		at.cue0--
	}
	s0, s1 := d.subjectLeft(at.cue0, s.a)
	if s0 < 0 || d.low(s0) == "it" || d.low(s0) == "there" {
		return nil
	}
	at.src0, at.src1 = s0, s1
	if !d.rightContentFrom(at, i+1, cueForm{lemma: d.low(i), class: classCognition, flags: fThat | fTo}, s) {
		return nil
	}
	return at
}

// relWord reports whether w opens a relative clause.
func relWord(w string) bool {
	return w == "which" || w == "who" || w == "whose" || w == "where" || w == "whom"
}

// findingNouns are documents whose findings a sentence can report with
// "In X, …": "In the latest poll, Tarn leads by five points."
var findingNouns = map[string]bool{
	"poll": true, "polls": true, "survey": true, "surveys": true, "study": true, "studies": true,
	"report": true, "analysis": true, "census": true, "audit": true, "review": true, "data": true,
}

// inFinding reads "In the latest poll, …" opening a sentence: the document
// is the source, the clause after the comma its finding.
func (d *doc) inFinding(i int, s sentence) *attribution {
	if i != s.a && !(d.is(i-1, wConj) && i-1 == s.a) {
		return nil
	}
	e := d.npRight(i+1, s.b)
	if e < 0 || d.low(e+1) != "," || e+2 >= s.b {
		return nil
	}
	head := e
	for k := i + 2; k <= e; k++ {
		if d.inNPPrep(k) {
			head = k - 1
			break
		}
	}
	if !findingNouns[d.low(head)] || d.toks[head].upper {
		return nil
	}
	if d.clauseCueAfter(e+2, s) || d.low(e+2) == "according" {
		return nil // "In a new report, the ministry said …": the clause has its own cue
	}
	at := &attribution{cue0: i, cue1: i, src0: i + 1, src1: e, class: classReport, target0: -1, target1: -1, recip0: -1, recip1: -1}
	last := d.contentEnd(e+2, s)
	if last <= e+2 {
		return nil
	}
	at.con0, at.con1 = e+2, last
	at.conStart, at.conEnd = d.trimSpan(d.toks[e+2].start, d.toks[last].end)
	return at
}
