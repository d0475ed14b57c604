package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// This file finds who else an attribution involves: the accused, the
// accuser a denial answers, compound speakers and implicit subjects.

// subjectOf returns the entity of the noun phrase that opens sentence si.
func (b *builder) subjectOf(si int) *entity {
	d := b.d
	s := d.sents[si]
	i := s.a
	// Skip an opening adverbial: "Earlier,", "On Friday,".
	for k := s.a; k < s.b && k < s.a+6; k++ {
		if d.toks[k].low == "," {
			if d.is(s.a, wPrep|wAdv|wTime|wConj) || d.isDayOrDate(s.a) {
				i = k + 1
			}
			break
		}
	}
	if d.is(i, wConj) {
		i++
	}
	if d.isSubjectPronoun(i) {
		return b.r.resolve(b.r.analyze(i, i), i)
	}
	i = d.skipQuantifier(i, s.b-1) // "A number of the families …": the families
	e := d.npRight(i, s.b)
	if e < 0 {
		return b.last
	}
	for k := i + 1; k <= e; k++ {
		// "Graham urged Republicans": the subject ends before its verb.
		if t := d.toks[k]; t.kind == tWord && !t.upper && (t.cue || strings.HasSuffix(t.low, "ed") && !d.is(k, wTitle|wAnon|wOrg)) {
			e = k - 1
			break
		}
	}
	if ent := b.r.resolve(b.r.analyze(i, e), i); ent != nil {
		return ent
	}
	return b.last
}

// hostileAgents finds agents of hostile acts named inside the content of a
// claim ("airstrikes … initiated by the Pakistani army"): the speaker
// accuses them.
func (b *builder) hostileAgents(at *attribution) []*entity {
	d := b.d
	var out []*entity
	if at.con0 < 0 || at.con1 >= len(d.toks) {
		return nil
	}
	for k := at.con0; k <= at.con1 && k < len(d.toks); k++ {
		if d.low(k) == "'s" && hostileNouns[d.low(k+1)] && k+1 <= at.con1 && d.tok(k-1).upper {
			// "Veridia's negligence": the owner of a hostile act.
			if st := d.npLeft(k-1, max(at.con0, d.sents[int(d.toks[k].sent)].a)); st >= 0 {
				if t := b.r.resolve(b.r.analyze(st, k-1), st); t != nil {
					out = append(out, t)
				}
			}
			continue
		}
		if d.low(k) != "by" {
			continue
		}
		hostile := false
		for j := k - 1; j >= at.con0 && j >= k-4; j-- {
			if hostileWords[d.low(j)] {
				hostile = true
				break
			}
		}
		if !hostile {
			continue
		}
		e := d.npRight(k+1, at.con1+1)
		if e < 0 {
			continue
		}
		if t := b.r.resolve(b.r.analyze(k+1, e), k+1); t != nil {
			out = append(out, t)
		}
	}
	return out
}

// sameSide reports whether t is the speaker's own side: its affiliation, or
// a name sharing a capitalised word with the speaker's names.
func sameSide(spk, t *entity) bool {
	return spk.affil == t || t.affil == spk || sharesWord(sideWords(spk), t)
}

// sideWords returns the capitalised words (longer than three letters) of
// the names of e and of its affiliation.
func sideWords(e *entity) map[string]bool {
	words := map[string]bool{}
	for _, o := range []*entity{e, e.affil} {
		if o == nil {
			continue
		}
		for _, n := range append([]string{o.name}, o.aliases...) {
			for _, w := range strings.Fields(n) {
				if len(w) > 3 && w[0] >= 'A' && w[0] <= 'Z' {
					words[w] = true
				}
			}
		}
	}
	return words
}

// sharesWord reports whether a word of t's name is in words.
func sharesWord(words map[string]bool, t *entity) bool {
	for _, w := range strings.Fields(t.name) {
		if words[w] {
			return true
		}
	}
	return false
}

// hostileWords mark a following "by X" as naming the agent of an attack or
// violation.
var hostileWords = map[string]bool{
	"initiated": true, "launched": true, "carried": true, "committed": true, "conducted": true,
	"perpetrated": true, "orchestrated": true, "ordered": true, "attacks": true, "attack": true,
	"airstrikes": true, "strikes": true, "violations": true, "aggression": true, "shelling": true,
	"bombing": true, "bombings": true, "killings": true, "assault": true, "incursion": true,
	"incursions": true, "provocations": true, "sponsored": true, "backed": true, "supported": true,
	"funded": true, "armed": true, "harbored": true, "harboured": true,
}

// hostileNouns after a possessive name the owner as the wrongdoer:
// "Veridia's negligence", "Moscow's aggression".
var hostileNouns = map[string]bool{
	"negligence": true, "aggression": true, "crimes": true, "lies": true, "provocation": true,
	"provocations": true, "incompetence": true, "interference": true, "meddling": true,
	"recklessness": true, "violations": true, "occupation": true, "blockade": true, "sabotage": true,
	"failures": true, "cover-up": true, "corruption": true, "atrocities": true, "attacks": true,
}

// compound splits a speaker such as "Kyiv and Warsaw" or "Google, Apple and
// Amazon" into the entities it names. It returns nil unless every part is
// a capitalised name.
func (b *builder) compound(a, z int) []*entity {
	d := b.d
	var cuts []int
	for k := a + 1; k < z; k++ {
		if d.low(k) == "and" || d.toks[k].low == "," {
			cuts = append(cuts, k)
		}
		if d.toks[k].low == "," && d.low(k+1) == "and" {
			k++
			cuts = append(cuts, k)
		}
	}
	if len(cuts) == 0 || d.low(cuts[len(cuts)-1]) != "and" {
		return nil
	}
	if m := b.r.analyze(a, z); m != nil && (m.source || m.country != "") {
		return nil // a known name such as "Procter and Gamble"
	}
	var parts [][2]int
	start := a
	for _, c := range append(cuts, z+1) {
		if c > start {
			parts = append(parts, [2]int{start, c - 1})
		}
		start = c + 1
	}
	var out []*entity
	for _, p := range parts {
		s := p[0]
		if d.is(s, wDet) && s < p[1] {
			s++
		}
		if !d.toks[s].upper || d.toks[s].kind != tWord {
			return nil
		}
		m := b.r.analyze(p[0], p[1])
		if m == nil || m.pronoun || m.kind == graph.ActorAnonymous && !m.source {
			return nil
		}
		e := b.r.resolve(m, p[0])
		if e == nil {
			return nil
		}
		out = append(out, e)
	}
	return out
}
