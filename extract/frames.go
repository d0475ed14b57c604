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
