package extract

import "strings"

// This file finds noun-phrase mentions around cues (speakers, recipients,
// accused parties) by scanning tokens left or right.

func (d *doc) word(i int) bool { return i >= 0 && i < len(d.toks) && d.toks[i].kind == tWord }

func (d *doc) low(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	return d.toks[i].low
}

func (d *doc) is(i int, bits uint32) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].bits&bits != 0
}

// isLyAdverb reports whether a lower-case word looks like a manner adverb.
func (d *doc) isLyAdverb(i int) bool {
	if i < 0 || i >= len(d.toks) {
		return false
	}
	t := d.toks[i]
	return t.kind == tWord && !t.upper && len(t.low) > 4 && strings.HasSuffix(t.low, "ly") &&
		!d.is(i, wAnon|wOrg|wTitle|wDoc) && !lyNotAdverb[t.low]
}

// lyNotAdverb are words ending in -ly that are nouns or adjectives.
var lyNotAdverb = map[string]bool{
	"family": true, "rally": true, "assembly": true, "supply": true, "italy": true, "weekly": true,
	"daily": true, "monthly": true, "yearly": true, "hourly": true, "nightly": true, "quarterly": true,
	"early": true, "likely": true, "elderly": true, "friendly": true, "lonely": true, "costly": true,
	"deadly": true, "holy": true, "ugly": true, "silly": true, "timely": true, "lively": true,
	"orderly": true, "unlikely": true, "bully": true, "ally": true, "belly": true, "jelly": true,
	"reply": true, "apply": true, "comply": true, "anomaly": true, "monopoly": true, "homily": true,
}

// isDayOrDate reports whether token i is a weekday, month or date number.
func (d *doc) isDayOrDate(i int) bool {
	if !d.word(i) {
		return false
	}
	t := d.toks[i]
	if d.is(i, wMonth) && (t.upper || strings.HasSuffix(t.low, ".")) {
		return true
	}
	if t.low[0] >= '0' && t.low[0] <= '9' {
		return true
	}
	return d.is(i, wTime)
}

// skipLeft walks left from i over auxiliaries, adverbs, negation and time
// expressions and returns the first token that is none of these.
func (d *doc) skipLeft(i, a int) int {
	j := i
	for j >= a {
		t := d.toks[j]
		if t.kind != tWord {
			return j
		}
		switch {
		case d.is(j, wAux|wAdv|wNeg) && !t.upper || t.low == "n't":
		case d.isLyAdverb(j):
		case d.isDayOrDate(j) && (t.upper || d.is(j, wTime)) && !d.is(j-1, wDet|wPrep) || d.isDayOrDate(j) && d.is(j-1, wPrep|wAdv):
		case (t.low == "on" || t.low == "this" || t.low == "last" || t.low == "in" || t.low == "early" || t.low == "late" || t.low == "next" || t.low == "earlier") && d.isDayOrDate(j+1):
		case d.is(j, wTime) && (d.low(j-1) == "this" || d.low(j-1) == "last" || d.low(j-1) == "next"):
		case (t.low == "all" || t.low == "both" || t.low == "each" || t.low == "themselves" || t.low == "himself" || t.low == "herself") && j > a && (d.tok(j-1).upper || d.tok(j-1).low == ")" || d.is(j-1, wAnon)):
			// a floating quantifier: "the senators all said"
		default:
			return j
		}
		j--
	}
	return j
}

// nounish reports whether token i can be part of a noun phrase.
func (d *doc) nounish(i, a int) bool {
	if !d.word(i) {
		return false
	}
	t := d.toks[i]
	if t.low == "'s" {
		return true
	}
	if t.upper {
		if i > a && (t.cue && d.nameBreak(i) || d.headFunctionWord(i)) {
			return false
		}
		if i == a && (d.is(i, wStarter|wPrep|wSub|wAdv|wConj) || len(t.low) > 4 && (strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "ing")) && !d.tok(i+1).upper) {
			return false
		}
		if i > 0 && int(d.tok(i-1).sent) != int(t.sent) && d.is(i, wStarter|wPrep|wSub|wAdv|wConj) {
			return false
		}
		if d.is(i, wPron|wAux|wNeg) && t.low != "i" {
			return false // "Don't blame Bush"
		}
		if t.cue && i == a {
			if cf, _ := d.cueAt(i); !cf.noun {
				return false
			}
		}
		return true
	}
	if d.is(i, wVerb|wSub|wPron|wAux|wConj|wPrep|wNeg|wDet) || d.isLyAdverb(i) {
		return false
	}
	if t.cue && !d.is(i, wAnon|wDoc|wOrg|wTitle) && !(i > 0 && (d.is(i-1, wDet) || isPossessiveDet(d.low(i-1)))) {
		// A noun-like cue word after an adjective is a noun: "a televised
		// address".
		cf, _ := d.cueAt(i)
		p := i - 1
		modifier := d.is(i+1, wTitle|wAnon|wOrg) && !d.tok(i+1).upper // "White House press secretary"
		if !cf.noun || p < 0 || d.toks[p].kind != tWord || d.toks[p].upper && !modifier || d.is(p, wPron|wAux|wNeg|wConj|wPrep|wSub|wAdv) {
			return false
		}
	}
	if strings.HasSuffix(t.low, "ed") && !d.is(i, wAnon|wTitle|wOrg) {
		return false
	}
	return true
}

// npLeft returns the first token of the noun phrase ending at j, or -1 when
// j does not end one. Prepositional modifiers ("official in Peshawar"),
// possessives and comma lists of names are included.
func (d *doc) npLeft(j, a int) int {
	if j > a && d.low(j) == ")" {
		o := j - 1
		for o > a && j-o < 10 && d.toks[o].low != "(" {
			o--
		}
		if d.toks[o].low == "(" && o > a && d.tok(o-1).upper {
			return d.npLeft(o-1, a)
		}
		return -1
	}
	if j < a || !d.nounish(j, a) {
		return -1
	}
	s := j
	for k := j - 1; k >= a && j-k < 40; k-- {
		t := d.toks[k]
		if t.kind == tWord {
			switch {
			case t.low == "'s":
				continue
			case d.is(k, wDet) && !t.upper || t.upper && d.is(k, wDet) && k == a:
				s = k
				if k-2 >= a && d.docBy(k-1) {
					k--
					if !d.is(k-1, wDoc) {
						k--
					}
					continue
				}
				if d.is(k-1, wPrep) && k-2 >= a && d.inNPPrep(k-1) && d.nounish(k-2, a) {
					k--
					continue
				}
				return s
			case (t.low == "his" || t.low == "her" || t.low == "their" || t.low == "its" || t.low == "our" || t.low == "my") && (!t.upper || k == a || int(d.tok(k-1).sent) != int(t.sent)):
				return k
			case d.inNPPrep(k) && k-1 >= a && d.nounish(k-1, a) && s == k+1:
				continue
			case d.docBy(k) && s == k+1:
				// "a report by the State Audit Office", "a study published
				// by the institute"
				if !d.is(k-1, wDoc) {
					k--
				}
				continue
			case (t.low == "and" || t.low == "&") && k-1 >= a && (d.tok(k-1).upper || d.tok(k-1).low == ",") && d.tok(k+1).upper:
				continue
			case d.nounish(k, a):
				s = k
				continue
			}
			return s
		}
		if t.low == "," && k-1 >= a && d.tok(k-1).upper && d.tok(k-1).kind == tWord && (d.tok(k+1).upper || d.low(k+1) == "and") && d.listContext(k) {
			continue
		}
		if t.low == ")" {
			// "Rep. Gwen Moore (D-Wis.)"
			o := k - 1
			for o >= a && k-o < 10 && d.toks[o].low != "(" && d.toks[o].low != ")" {
				o--
			}
			if o > a && d.toks[o].low == "(" && d.nounish(o-1, a) && d.tok(o-1).upper {
				k = o
				s = o
				continue
			}
		}
		if t.low == "." && k > a && strings.HasSuffix(d.low(k-1), ".") {
			continue
		}
		if d.pluralPossessive(k) && k > a {
			continue
		}
		return s
	}
	return s
}

// docBy reports whether the "by" at k names the author of a document: "a
// report by …", "a study published by …".
func (d *doc) docBy(k int) bool {
	if d.low(k) != "by" || d.toks[k].upper {
		return false
	}
	if d.is(k-1, wDoc) && !d.tok(k-1).upper {
		return true
	}
	return docParticiple[d.low(k-1)] && d.is(k-2, wDoc) && !d.tok(k-2).upper
}

// docParticiple are participles between a document and its author.
var docParticiple = map[string]bool{
	"published": true, "released": true, "issued": true, "commissioned": true, "prepared": true,
	"written": true, "compiled": true, "produced": true, "conducted": true, "signed": true, "sent": true,
}

// pluralPossessive reports whether the mark at k is the apostrophe of a
// plural possessive inside a name ("Harbour Masters' Association").
func (d *doc) pluralPossessive(k int) bool {
	t := d.toks[k]
	if t.low != "'" && t.low != "’" {
		return false
	}
	p, n := d.tok(k-1), d.tok(k+1)
	return p.kind == tWord && p.upper && p.end == t.start && strings.HasSuffix(p.low, "s") && n.kind == tWord && n.upper && n.start > t.end
}

// listContext reports whether the comma at k sits in a list of names
// inside a prepositional phrase ("officials in Kunar, Khost and Helmand").
func (d *doc) listContext(k int) bool {
	for m := k - 1; m >= 0 && k-m < 30; m-- {
		t := d.toks[m]
		if t.kind != tWord && t.low != "," {
			return false
		}
		if t.kind == tWord && !t.upper {
			return t.low == "in" || t.low == "from" || t.low == "of" || t.low == "and"
		}
	}
	return false
}

// inNPPrep reports whether token k is a preposition that may sit inside a
// speaker noun phrase ("Ministry of Defense", "official in Peshawar").
func (d *doc) inNPPrep(k int) bool {
	switch d.low(k) {
	case "of", "in", "for", "at", "from", "with":
		return !d.toks[k].upper
	}
	return false
}

// npRight returns the last token of the noun phrase starting at i, or -1.
func (d *doc) npRight(i, b int) int {
	if i >= b || !d.word(i) {
		return -1
	}
	e := -1
	k := i
	if d.is(k, wDet) || d.low(k) == "his" || d.low(k) == "her" || d.low(k) == "their" || d.low(k) == "its" {
		k++
	}
	for ; k < b && k-i < 30; k++ {
		t := d.toks[k]
		if t.kind != tWord {
			if t.low == "," && e >= 0 && d.toks[e].upper && k+1 < b && d.tok(k+1).upper && d.listContext(k) {
				continue
			}
			if t.low == "-" || t.low == "&" || e == k-1 && d.pluralPossessive(k) {
				continue
			}
			if t.low == "(" && e >= 0 {
				c := k + 1
				for c < b && c-k < 10 && d.toks[c].low != ")" && d.toks[c].low != "(" {
					c++
				}
				if c < b && d.toks[c].low == ")" {
					e = c
					k = c
					continue
				}
			}
			break
		}
		if t.low == "'s" {
			continue
		}
		if d.inNPPrep(k) && e >= 0 && k+1 < b && !(d.toks[e].upper && placePrep(t.low) && d.tok(k+1).upper) && (d.tok(k+1).upper || d.is(k+1, wDet) && k+2 < b && (d.tok(k+2).upper || d.nounish(k+2, i) && d.is(e, wDoc|wAnon))) {
			if d.is(k+1, wDet) {
				k++
			}
			continue
		}
		if (t.low == "and" || t.low == "&") && e >= 0 && d.toks[e].upper && k+1 < b && (d.tok(k+1).upper || d.nounish(k+1, i) && k+2 < b && d.tok(k+2).upper) {
			continue
		}
		if e >= 0 && !t.upper && (t.low == "likely" || t.low == "unlikely") {
			break // "the government likely hacked": a hedge before the verb
		}
		if d.nounish(k, i) || t.upper && k == i {
			e = k
			continue
		}
		if (strings.HasSuffix(t.low, "ed") || d.is(k, wVerb) && !d.is(k, wAux)) && k+1 < b && d.nounish(k+1, i) && (k == i || d.is(k-1, wDet) || e >= 0 && !d.toks[e].upper) {
			continue // "a televised address", "the alleged plot"
		}
		break
	}
	return e
}

// placePrep reports whether a preposition after a name says where or with
// whom ("Clinton in Iowa", "Hale at the rally"), not part of the name as
// "of" and "for" are ("Bank of America", "Center for Progress").
func placePrep(w string) bool {
	return w == "in" || w == "at" || w == "with"
}

// isPersonalPronoun reports whether token i is a subject pronoun.
func (d *doc) isSubjectPronoun(i int) bool {
	switch d.low(i) {
	case "he", "she", "they", "it", "we", "i", "you", "who", "which":
		return true
	}
	return false
}

// subjectLeft finds the subject of the cue at token i, scanning left within
// the sentence starting at token a. It returns the inclusive token span of
// the subject or -1, -1.
func (d *doc) subjectLeft(i, a int) (int, int) {
	j := d.skipLeft(i-1, a)
	if j < a {
		return -1, -1
	}
	if d.low(j) == "whom" && d.low(j-1) == "of" && j-2 >= a {
		return j - 2, j // "many of whom say"
	}
	if d.isSubjectPronoun(j) {
		return j, j
	}
	if d.toks[j].low == "," {
		// "X, a spokesman for Y, said", "X, who …, said",
		// "Jane Doe, of Springfield, Va., said".
		k := j
		for m := 0; m < 4; m++ {
			p := k - 1
			for p >= a && d.toks[p].low != "," && d.toks[p].kind != tQuote && d.toks[p].low != ";" && d.toks[p].low != ":" && d.toks[p].low != "—" {
				p--
			}
			if p < a || d.toks[p].low != "," || p+1 >= k || !d.appositive(p+1, k-1) {
				return -1, -1
			}
			s := d.npLeft(p-1, a)
			for s >= 0 && s > a && d.low(s-1) == "," && d.listContext(s-1) {
				s = d.npLeft(s-2, a)
			}
			if s >= 0 && (s == a || d.clauseEdge(s-1)) {
				return s, j - 1
			}
			k = p
		}
		return -1, -1
	}
	s := d.npLeft(j, a)
	if s < 0 {
		// "The latest poll released Friday shows …": a noun phrase with
		// a participle phrase after it.
		for p := j; p > a && j-p < 8 && d.word(p); p-- {
			if t := d.toks[p]; !t.upper && (strings.HasSuffix(t.low, "ed") || docParticiple[t.low]) && d.nounish(p-1, a) && !d.isCueAt(p) {
				if s = d.npLeft(p-1, a); s >= 0 && d.is(p-1, wDoc|wAnon|wOrg) {
					e := i - 1
					for e > j && (d.is(e, wAux|wAdv|wNeg) && !d.toks[e].upper || d.isLyAdverb(e)) {
						e--
					}
					return s, e
				}
				break
			}
		}
		return -1, -1
	}
	return s, j
}

// clauseEdge reports whether token k can end what precedes a clause-initial
// subject: a comma, a conjunction, "that", a colon or a quotation mark.
func (d *doc) clauseEdge(k int) bool {
	t := d.toks[k]
	if t.kind == tQuote {
		return true
	}
	switch t.low {
	case ",", ";", ":", "—", "(", "that", "and", "but", "while", "as", "because", "when", "so":
		return true
	}
	if t.upper && (k == 0 || d.toks[k-1].sent != t.sent) && d.is(k, wAdv|wConj|wStarter) {
		return true // "Even China, …, said"
	}
	return d.skipLeft(k, 0) < k
}

// appositive reports whether tokens [x, y] can sit between commas after a
// speaker: a relative clause, or a short phrase without a finite verb.
func (d *doc) appositive(x, y int) bool {
	if d.low(x) == "who" || d.low(x) == "which" {
		return true
	}
	if y-x > 30 {
		return false
	}
	for k := x; k <= y; k++ {
		t := d.toks[k]
		if t.kind == tQuote {
			return false
		}
		if k > x && (t.low == "that" || t.low == "who" || t.low == "which") {
			return true
		}
		if t.kind == tWord && !t.upper && (d.is(k, wVerb) || d.isCueAt(k) && !d.is(k, wAnon|wDoc|wTitle)) {
			if d.low(k) == "has" || d.low(k) == "was" || d.low(k) == "is" {
				return false
			}
			if cf, ok := d.lx.cues[t.low]; ok && !cf.ing && !cf.noun && !cf.partOnly {
				return false
			}
			if d.is(k, wVerb) && !strings.HasSuffix(t.low, "ed") && !strings.HasSuffix(t.low, "ing") {
				return false
			}
		}
	}
	return true
}

// tok returns token i, or a zero token (no word, no mark) when i is out of
// range, so that look-ahead never indexes past the text.
func (d *doc) tok(i int) *token {
	if i < 0 || i >= len(d.toks) {
		return &d.none
	}
	return &d.toks[i]
}
