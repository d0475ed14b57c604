package extract

import (
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// This file reads epithets: definite role descriptions by which news
// writers refer again to a person they have named ("Gov. Scott Walker …
// the Wisconsin governor", "Jimmy Carter … the former president").
//
// The rules:
//   - A description is an epithet when its head is an office noun
//     (officeNouns) and a modifier before the head is a proper word
//     ("Vermont", "Badger State", "Republican") or an epithet modifier
//     ("former"). A bare "the senator" or "the spokesman" is no epithet: it
//     may introduce someone new.
//   - An epithet is the one named person of the article whose title has
//     the same head noun (modifiers that are proper words are left out of
//     the comparison: titles rarely carry the state a senator serves).
//   - Else it is the person named last in its sentence or the one before,
//     unless that person has a title with another head noun, their gender
//     clashes, or they open the sentence (a subject and its epithet in one
//     clause are not one person: "Sanders said his supporters accused the
//     former secretary of state").

// officeNouns are heads of role descriptions that news writers use as
// epithets for a person they have named.
var officeNouns = wordSet("senator governor president secretary representative mayor nominee candidate minister chairman speaker judge justice ambassador attorney premier chancellor leader general director commissioner sheriff")

// epithetModifiers are lower-case modifiers that make a role description
// an epithet for someone named before ("the former president").
var epithetModifiers = wordSet("former outgoing embattled longtime onetime ex-president then-president")

// epithet reports whether a role description's surface is an epithet and
// returns its normalised head noun.
func epithet(surface string) (head string, ok bool) {
	words := strings.Fields(surface)
	if len(words) < 2 {
		return "", false
	}
	// The head: the last word before a complement ("secretary of state").
	h := len(words) - 1
	for k := 1; k < len(words); k++ {
		if w := strings.ToLower(words[k]); w == "of" || w == "for" || w == "to" {
			h = k - 1
			break
		}
	}
	head = strings.ToLower(strings.Trim(words[h], ",;:"))
	if n, ok := roleNorm[head]; ok {
		head = n
	}
	if !officeNouns[head] {
		return "", false
	}
	for k, w := range words[:h] {
		lw := strings.ToLower(w)
		if k == 0 && roleFiller[lw] {
			continue
		}
		if epithetModifiers[lw] || w != lw {
			ok = true
		}
	}
	return head, ok
}

// roleHead returns the normalised head noun of a title: its last word
// before a complement ("Secretary of State" → secretary).
func roleHead(title string) string {
	w := roleWords(title)
	for k, x := range w {
		if x == "of" && k > 0 {
			return w[k-1]
		}
	}
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

// titleFits reports whether person e has a title and whether one of its
// titles fits a role description: the same head noun, and every other word
// of the title in the description's words (all of them, proper modifiers
// included), so that "Republican nominee" does not fit "the Democratic
// nominee" while "Governor" fits "the Wisconsin governor".
func titleFits(e *entity, head string, all []string) (titled, fits bool) {
	for i := -1; i < len(e.titles); i++ {
		t := e.title
		if i >= 0 {
			t = e.titles[i]
		}
		if t == "" {
			continue
		}
		titled = true
		if roleHead(t) != head {
			continue
		}
		fits = true
		for _, w := range roleWords(t) {
			if w != head && !epithetModifiers[w] && !slices.Contains(all, w) {
				fits = false
				break
			}
		}
		if fits {
			return true, true
		}
	}
	return titled, false
}

// epithetHolder returns the named person an epithet at pos refers to, by
// the rules of this file, or nil.
func (r *resolver) epithetHolder(m *mention, pos int) *entity {
	head, ok := epithet(m.surface)
	all := roleWords(m.surface)
	if !ok {
		return nil
	}
	person := func(e *entity) bool {
		return e.person && e.kind == graph.ActorPerson && !e.plural && !e.source && !genderClash(e, m)
	}
	var hit *entity
	n := 0
	for _, e := range r.ents {
		if person(e) {
			if _, fits := titleFits(e, head, all); fits {
				hit = e
				n++
			}
		}
	}
	if n == 1 {
		return hit
	}
	if n > 1 {
		return nil
	}
	d := r.d
	si := int(d.toks[pos].sent)
	sa := d.sents[si].a
	from := sa
	if si > 0 {
		from = d.sents[si-1].a
	}
	for _, e := range r.before(pos, 6) {
		if !person(e) {
			continue
		}
		last, opens := -1, false
		for k := len(r.recent) - 1; k >= 0; k-- {
			ref := r.recent[k]
			if ref.e != e || ref.pos >= pos {
				continue
			}
			last = max(last, ref.pos)
			if ref.pos >= sa && ref.pos <= sa+2 {
				opens = true
			}
		}
		if last < from {
			return nil // named too long before
		}
		if opens {
			continue
		}
		titled, fits := titleFits(e, head, all)
		if titled && !fits || !titled && properModifier(m.surface) {
			// "the Indiana governor" says which governor: not a person
			// the article named with no title at all.
			continue
		}
		return e
	}
	return nil
}

// properModifier reports whether a role description has a capitalised
// modifier before its head other than a party's name ("the Indiana
// governor", not "the Republican nominee").
func properModifier(surface string) bool {
	words := strings.Fields(surface)
	for k, w := range words {
		lw := strings.ToLower(w)
		if lw == "of" || lw == "for" || lw == "to" {
			break
		}
		if k == 0 && roleFiller[lw] || k == len(words)-1 {
			continue
		}
		if w != lw && !partyWords[strings.Trim(lw, ",")] {
			return true
		}
	}
	return false
}

// partyWords are capitalised modifiers that name a party, not a place or a
// body: "the Republican nominee" is still whoever the article just named.
var partyWords = wordSet("republican democratic democrat gop conservative liberal labour labor tory green independent")

// leaderNouns are heads of a role that leads a body: "the head of the
// rules committee" is its chairman.
var leaderNouns = wordSet("head chief leader chairman chair chairwoman director president boss")

// leaderOf returns the two last words of the body that an unnamed role
// entity leads ("head of the party's rules committee" → rules committee),
// or nil when e is no such role.
func leaderOf(e *entity) []string {
	if e.kind != graph.ActorAnonymous || !e.person || e.plural || e.source {
		return nil
	}
	w := roleWords(e.name)
	if len(w) < 4 || !leaderNouns[w[0]] || w[1] != "of" {
		return nil
	}
	body := w[2:]
	if len(body) < 2 || strings.HasSuffix(body[len(body)-2], "'s") || strings.HasSuffix(body[len(body)-2], "’s") {
		return nil
	}
	return body[len(body)-2:]
}

// leadsBody reports whether person p has a title that holds a leader noun
// and both words of body ("Rules Committee Chairman" for rules committee).
func leadsBody(p *entity, body []string) bool {
	for i := -1; i < len(p.titles); i++ {
		t := p.title
		if i >= 0 {
			t = p.titles[i]
		}
		w := roleWords(t)
		lead := false
		for _, x := range w {
			lead = lead || leaderNouns[x]
		}
		if lead && slices.Contains(w, body[0]) && slices.Contains(w, body[1]) {
			return true
		}
	}
	return false
}

// onlyPerson returns the one named person of the article for whom ok
// holds, or nil when there is none or more than one.
func (r *resolver) onlyPerson(ok func(*entity) bool) *entity {
	var hit *entity
	for _, p := range r.ents {
		if p.kind != graph.ActorPerson || p.source || !ok(p) {
			continue
		}
		if hit != nil {
			return nil
		}
		hit = p
	}
	return hit
}

// namingVerbs introduce a person's name after a role: "a former staffer
// named Lars Podd", "an aide called Mira Holt".
var namingVerbs = wordSet("named called")

// introducedRoles returns, by the normalised head noun of a role, the one
// person the article introduced with it ("a former staffer named Lars
// Podd"); a head introduced for two people maps to nil.
func (r *resolver) introducedRoles() map[string]*entity {
	d := r.d
	var out map[string]*entity
	for i := 1; i+1 < len(d.toks); i++ {
		if !d.toks[i+1].upper || d.toks[i].upper || !namingVerbs[d.toks[i].low] || d.toks[i-1].upper || d.toks[i-1].kind != tWord || d.is(i-1, wAux|wVerb|wPron|wAdv) || !d.toks[i+1].upper || d.toks[i+1].kind != tWord {
			continue
		}
		if !d.is(i-2, wDet) && !d.is(i-3, wDet) {
			continue // "a staffer named", "a former staffer named"; not "was named"
		}
		z := i + 1
		for z+1 < len(d.toks) && d.toks[z+1].upper && d.toks[z+1].kind == tWord {
			z++
		}
		p := r.byKey[r.key(r.joinToks(i+1, z))]
		if p == nil || p.kind != graph.ActorPerson {
			continue
		}
		head := d.toks[i-1].low
		if n, ok := roleNorm[head]; ok {
			head = n
		}
		if out == nil {
			out = map[string]*entity{}
		}
		if o, seen := out[head]; seen && o != p {
			p = nil
		}
		out[head] = p
	}
	return out
}

// introducedHolder returns the person the article introduced with the
// role that names the unnamed role entity e ("the former staffer", "a
// fired staffer"), or nil.
func introducedHolder(e *entity, intro map[string]*entity) *entity {
	if len(intro) == 0 || e.kind != graph.ActorAnonymous || e.plural || e.affil != nil || e.source || strings.Contains(e.name, " of ") {
		return nil
	}
	head := strings.ToLower(lastWord(e.name))
	if n, ok := roleNorm[head]; ok {
		head = n
	}
	return intro[head]
}
