package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// This file turns mentions into entities: one actor or source per
// real-world entity in the article, with pronouns, titles, short names and
// capitals resolved.
//
// The rules, general to English news rather than fitted to any article:
//   - Two named people are one only when nothing tells them apart: their
//     surnames agree, their first names are equal or variants of one name
//     (Bill and William, an initial), their genders (Mrs./Ms./she,
//     Mr./he, a gendered role noun or first name) and their generational
//     suffixes (Jr., III) do not differ. A suffix is never a surname.
//   - A bare surname shared by several people of the article goes to the
//     one the bare surname already named, else to the one mentioned last;
//     it is an alias of a person only once a mention of it alone says whose.
//   - Pronouns agree with their antecedent: he/him/his take a man or a
//     person of unknown gender, she/her a woman or unknown, they a plural,
//     a group, an organisation or a government, it a non-person.
//   - A role description ("the Republican nominee", "the senator") is the
//     person the article named with a title holding every word of it
//     (abbreviations and party names folded: "Sen.", "GOP"), else an
//     anonymous role actor of its own.
//   - A name that is a function word, a date, a number or a clause fragment
//     (junkName) is no entity: its claim takes the speaker from context.
//   - Unnamed speakers are one actor per distinct description in the
//     article, folded: determiners, quantifiers and the numeral "one" are
//     dropped and case is ignored, so "one Democratic source" and "a
//     Democratic source" are one actor, "sources" another; a claim with no
//     written speaker and none to inherit goes to the article's single
//     "unnamed source".

// entity is an actor or source being built.
type entity struct {
	name    string
	kind    graph.ActorKind
	skind   graph.SourceKind
	source  bool
	aliases []string
	title   string
	affil   *entity
	country string // alpha-2 when the entity is a country's government
	male    bool
	female  bool
	plural  bool
	person  bool // a person (named or not)
	order   int
	id      string
	keys    []string // NameKeys of the aliases (few: a slice is faster than a map)
	keyed   bool     // keys holds the keys of all the aliases
	used    bool     // the extraction uses it (builder.finish)
	company bool     // named as a company
	// surname is the bare surname given as an alias when the person was
	// named in full, until a mention of the surname alone confirms it; a
	// second person of that surname takes it away ("Bill Clinton" beside
	// "Hillary Clinton": "Clinton" is whoever a bare "Clinton" refers to).
	surname string
	bare    bool       // a mention of the surname alone has referred to it
	titles  []string   // every title the article gives the person
	roleW   [][]string // roleWords of title and titles, built by holdsRole
}

// resolver holds the entities of one article.
type resolver struct {
	d        *doc
	g        *gazetteer
	ents     []*entity
	byKey    map[string]*entity
	govNames map[string]string    // NameKey("taliban government") → alpha-2, read from the text
	recent   []mentionRef         // speakers and named mentions, most recent last
	govSeen  map[string][]string  // alpha-2 → designations of its government seen in the text
	scanned  int                  // tokens before this one have been scanned for names
	byLast   map[string][]*entity // people by the NameKey of their last name
	pos      int                  // token position of the mention being resolved
	keyMemo  map[string]string    // NameKey results
	lastSpk  *entity              // speaker of the last attribution
	lastSent int                  // its sentence
	// xcountry and xdemonym hold countries the gazetteer does not know,
	// read from the text ("the government of Veridia", "Veridian"):
	// lower-case name or demonym → code ("~" + the name's key).
	xcountry map[string]string
	xdemonym map[string]string
	xname    map[string]string // code → name as written
	ments    *arena[mention]
	entArena *arena[entity]
	refs     []mentionRef       // before's buffer
	ids      map[string]*entity // builder.finish's entities by ID
	// companies holds the NameKeys of names the article shows to be
	// companies (scanCompanies), once companiesScanned.
	companies        map[string]bool
	companiesScanned bool
}

// cname returns the common name of a country code.
func (r *resolver) cname(code string) string {
	if code != "" && code[0] == '~' {
		return r.xname[code]
	}
	return r.g.name[code]
}

// countryCode returns the code of a country name, known or read from the
// text, or "".
func (r *resolver) countryCode(low string) string {
	if c := r.g.country[low]; c != "" || len(r.xcountry) == 0 {
		return c
	}
	return r.xcountry[low]
}

// demonymCode returns the code of the country of a demonym, or "".
func (r *resolver) demonymCode(low string) string {
	if c := r.g.demonym[low]; c != "" || len(r.xdemonym) == 0 {
		return c
	}
	return r.xdemonym[low]
}

// companyNominal are nouns by which a text goes on to call a company it
// has named ("Greyfield Aggregates … the company").
var companyNominal = map[string]bool{"company": true, "firm": true, "operator": true, "miner": true, "manufacturer": true, "insurer": true, "lender": true, "carrier": true, "developer": true, "contractor": true}

// companySuffix are last words of company names whose first word alone
// names the company too.
var companySuffix = map[string]bool{
	"aggregates": true, "pharma": true, "energy": true, "mining": true, "holdings": true, "group": true,
	"inc.": true, "inc": true, "ltd": true, "ltd.": true, "corp.": true, "corporation": true, "industries": true,
	"motors": true, "airlines": true, "systems": true, "technologies": true, "shipping": true, "steel": true,
	"oil": true, "gas": true, "logistics": true, "foods": true, "bank": true, "capital": true, "partners": true,
}

// stateWords are institutions only a state has: "X's defence minister",
// "the foreign ministry of X" make X a country.
var stateWords = map[string]bool{
	"minister": true, "ministry": true, "parliament": true, "army": true, "navy": true,
	"embassy": true, "ambassador": true, "premier": true, "cabinet": true,
}

// scanCountries finds countries the gazetteer does not know: a name that
// has a government ("the government of Veridia", "Veridia's government")
// or a demonym formed from it ("Veridian" beside "Veridia").
func (r *resolver) scanCountries() {
	d := r.d
	var stems map[string]int // stem of a possible demonym ("veridia") → its token, -1 until the name is seen
	add := func(i int) {
		low := d.toks[i].low
		if r.g.country[low] != "" || r.g.capital[low] != "" || r.g.demonym[low] != "" || d.is(i, wOrg|wGov|wTitle|wStarter|wMonth|wTime) || r.g.agency[low] != nil || r.g.media[low] != nil {
			return
		}
		if r.xcountry == nil {
			r.xcountry, r.xdemonym, r.xname = map[string]string{}, map[string]string{}, map[string]string{}
		}
		if _, ok := r.xcountry[low]; ok {
			return
		}
		code := "~" + low
		r.xcountry[low] = code
		r.xname[code] = d.text[d.toks[i].start:d.toks[i].end]
	}
	for i := range d.toks {
		t := &d.toks[i]
		if t.kind != tWord || !t.upper && t.bits&(wGov|wOrg|wTitle) == 0 {
			continue
		}
		if n := len(t.low); t.upper && n >= 6 && t.low[n-1] == 'n' && t.low[n-2] == 'a' && r.g.demonym[t.low] == "" {
			if stems == nil {
				stems = map[string]int{}
			}
			stems[t.low[:n-1]] = -1
		}
		// "the government of Veridia"
		if t.bits&wGov != 0 && !t.upper && d.low(i+1) == "of" && d.tok(i+2).upper && d.tok(i+2).kind == tWord && !(d.tok(i+3).upper && d.tok(i+3).kind == tWord) && t.low != "authorities" {
			add(i + 2)
		}
		// "Veridia's government", "Veridia's defence minister"
		if t.upper && d.low(i+1) == "'s" && !(d.tok(i-1).upper && d.tok(i-1).kind == tWord) {
			for k := i + 2; k < i+5 && d.word(k) && !d.tok(k).upper; k++ {
				if d.is(k, wGov) || stateWords[d.low(k)] {
					add(i)
					break
				}
			}
		}
		// "the foreign ministry of Veridia"
		if t.bits&(wOrg|wTitle) != 0 && !t.upper && d.low(i+1) == "of" && stateWords[t.low] && d.tok(i+2).upper && d.tok(i+2).kind == tWord && !(d.tok(i+3).upper && d.tok(i+3).kind == tWord) {
			add(i + 2)
		}
	}
	if len(stems) == 0 {
		return
	}
	// "Veridian" beside "Veridia": a country and its demonym.
	for i := range d.toks {
		t := &d.toks[i]
		if n := len(t.low); t.kind != tWord || !t.upper || n < 5 || t.low[n-1] != 'a' {
			continue
		}
		if k, ok := stems[t.low]; ok && k < 0 {
			stems[t.low] = i
			add(i)
			if code := r.xcountry[t.low]; code != "" {
				r.xdemonym[t.low+"n"] = code
			}
		}
	}
}

// newResolverWith returns the resolver of d, keeping its tables in the
// cleared maps of s.
func newResolverWith(d *doc, s *scratch) *resolver {
	r := &resolver{d: d, g: buildGazetteer(), byKey: s.byKey, govNames: s.govNames, govSeen: s.govSeen, byLast: s.byLast, keyMemo: s.keyMemo, ments: &s.ments, entArena: &s.ents, recent: s.recent[:0], refs: s.refs[:0], ids: s.ids}
	r.scanCountries()
	r.scanGovernments()
	return r
}

// scanGovernments reads "the X government in Kabul" and "the X authorities
// in Kabul": X's government is the government seated in that capital.
func (r *resolver) scanGovernments() {
	d := r.d
	for i := 0; i+1 < len(d.toks); i++ {
		if !d.toks[i].upper || d.toks[i].kind != tWord {
			continue
		}
		if !r.g.govFirst[d.low(i)] {
			continue
		}
		two := d.low(i) + " " + d.low(i+1)
		if code := r.g.govAlias[two]; code != "" {
			r.govSeen[code] = append(r.govSeen[code], r.span(i, i+1))
		} else if code := r.g.govAlias[d.low(i)]; code != "" {
			r.govSeen[code] = append(r.govSeen[code], r.span(i, i))
		}
	}
	for i := 0; i+2 < len(d.toks); i++ {
		if d.low(i+1) != "in" || !d.is(i, wGov) {
			continue
		}
		code := r.g.capital[d.low(i+2)]
		if code == "" {
			continue
		}
		s := i - 1
		for s >= 0 && d.toks[s].upper && d.toks[s].kind == tWord {
			s--
		}
		if s+1 > i-1 {
			continue
		}
		name := d.text[d.tok(s+1).start:d.toks[i].end]
		r.govNames[r.key(name)] = code
		prefix := d.text[d.tok(s+1).start:d.tok(i-1).end]
		for _, g := range []string{" government", " authorities", " administration", " regime"} {
			r.govNames[r.key(prefix+g)] = code
		}
		r.govSeen[code] = append(r.govSeen[code], name)
	}
}

// resolve returns the entity a mention refers to, creating it if needed.
// pos is the mention's first token, used for pronoun antecedents.
func (r *resolver) resolve(m *mention, pos int) *entity {
	if m == nil {
		return nil
	}
	r.pos = pos
	if m.pronoun {
		return r.antecedent(m, pos)
	}
	if !m.source && m.country == "" && m.name != "" && junkName(m.name) {
		// "Although", "Monday", "44 percent": not an entity; the claim
		// takes its speaker from context.
		return nil
	}
	r.genderize(m)
	if m.country != "" {
		e := r.get("gov:"+m.country, m.name, graph.ActorGovernment)
		e.country = m.country
		r.alias(e, m.surface)
		return r.touch(e)
	}
	if m.source {
		key := "src:" + r.key(m.name)
		e := r.byKey[key]
		if e == nil {
			e = r.newEntity(key, m.name, "")
			e.source, e.skind = true, m.skind
			for _, al := range m.aliases {
				r.alias(e, al)
			}
			if m.affil != nil && m.skind == graph.SourceDocument {
				e.affil = r.resolve(m.affil, pos)
				r.pos = pos
			}
		}
		r.alias(e, m.surface)
		return e
	}
	if m.nominal == "state" || m.nominal == "country" || m.nominal == "nation" || m.nominal == "neighbor" || m.nominal == "neighbour" {
		// "the neighboring state": the last other country mentioned.
		for _, e := range r.before(pos, 30) {
			if m.indef {
				break
			}
			if e.country != "" && e != r.lastSpk && (r.lastSpk == nil || e != r.lastSpk.affil) {
				return r.touch(e)
			}
		}
	}
	if (m.kind == graph.ActorOrganization || m.kind == graph.ActorGovernment) && m.nominal != "" && !m.indef && !m.plural && m.affil == nil {
		// "the ministry", "the government": the last organisation so named.
		for _, e := range r.before(pos, 40) {
			if e.person || e.source {
				continue
			}
			if m.nominal == "government" && e.country != "" || strings.Contains(strings.ToLower(e.name), m.nominal) || companyNominal[m.nominal] && e.company {
				return r.touch(e)
			}
		}
	}
	if m.kind == graph.ActorAnonymous && m.nominal != "" && !m.indef && !m.plural && m.affil == nil {
		// "the spokesman", "the Republican nominee", "the former
		// president": the last person the article named with a title that
		// has every word of the description.
		var desc []string
		for _, e := range r.before(pos, 40) {
			if !e.person || e.kind != graph.ActorPerson || e.title == "" || genderClash(e, m) {
				continue
			}
			if desc == nil {
				if desc = roleWords(m.surface); len(desc) == 0 {
					break
				}
			}
			if holdsRole(e, desc) {
				return r.touch(e)
			}
		}
		if e := r.epithetHolder(m, pos); e != nil {
			return r.touch(e)
		}
		if e := r.sexedAnaphor(m, pos); e != nil {
			return r.touch(e)
		}
	}
	if m.kind == graph.ActorPerson && m.name != "" && !r.companyByUse(m) {
		if r.byKey[r.key(m.name)] == nil && strings.IndexByte(m.name, ' ') < 0 {
			// A surname alone: register the full names written before it.
			r.scanTo(pos)
			r.pos = pos
		}
		e := r.person(m)
		if e.affil == nil && m.affilPron > 0 {
			if p, ok := pronouns[r.d.low(m.affilPron)]; ok && (p.neuter || p.plural) {
				if o := r.antecedent(&mention{pronoun: true, pinfo: p}, m.affilPron); o != nil && o != e && !o.person {
					e.affil = o
				}
			}
			r.pos = pos
		}
		return r.touch(e)
	}
	if m.name == "" {
		return nil
	}
	if m.affilPron > 0 && m.kind != graph.ActorPerson && m.affil == nil {
		// "his spokesman": Strand's spokesman.
		if p, ok := pronouns[r.d.low(m.affilPron)]; ok {
			if o := r.antecedent(&mention{pronoun: true, pinfo: p}, m.affilPron); o != nil && !o.source {
				name := strings.TrimPrefix(strings.TrimPrefix(m.name, "the "), "The ")
				m.aliases = append(m.aliases, m.surface)
				m.name = o.name + " " + name
				m.affil = nil
				r.pos = pos
				e := r.byKey[r.key(m.name)]
				if e == nil {
					e = r.newEntity(r.key(m.name), m.name, m.kind)
					e.person, e.plural, e.title, e.affil = m.personal, m.plural, name, o
				}
				return r.touch(e)
			}
		}
		r.pos = pos
	}
	key := r.key(m.name)
	e := r.byKey[key]
	if e == nil {
		e = r.newEntity(key, m.name, m.kind)
		e.plural = m.plural
		e.person = m.personal
		e.title = m.title
		e.company = m.company
		if m.kind == graph.ActorOrganization {
			// "Greyfield Aggregates" is also "Greyfield", and so is a
			// company known by use ("a spokesman for Greyfield Dalen").
			if sp := strings.IndexByte(m.name, ' '); sp > 0 && strings.IndexByte(m.name[sp+1:], ' ') < 0 && (companySuffix[strings.ToLower(m.name[sp+1:])] || r.companies[key]) {
				r.alias(e, m.name[:sp])
				e.company = true
			}
		}
	}
	for _, al := range m.aliases {
		r.alias(e, al)
	}
	if m.affil != nil && e.affil == nil {
		e.affil = r.resolve(m.affil, pos)
		if e.affil == e {
			e.affil = nil
		}
	}
	return r.touch(e)
}

// person finds or creates the person entity of a named mention: a surname
// alone ("Asif") joins the most recent person of that surname it can
// refer to, and a full name joins a person seen before only when nothing
// tells them apart: their first names (Bill and Hillary Clinton), their
// genders (Mrs. Trump and Donald Trump) or their suffixes (Donald Trump and
// Donald Trump Jr.) must not differ.
func (r *resolver) person(m *mention) *entity {
	key := r.key(m.name)
	words := strings.Fields(key)
	if len(words) == 0 {
		return r.newEntity(key, m.name, graph.ActorPerson)
	}
	pn := splitName(words)
	if len(words) == 1 {
		if e := r.bySurname(key, m); e != nil {
			if e.surname != "" && r.key(e.surname) == key {
				e.surname = "" // confirmed by a mention of the surname alone
			}
			r.alias(e, m.name)
			r.fill(e, m)
			return e
		}
		if e := r.byKey[key]; e != nil && (e.kind != graph.ActorPerson || e.source) {
			r.fill(e, m)
			return e
		}
	} else if e := r.byKey[key]; e != nil && (e.kind != graph.ActorPerson || e.source || !genderClash(e, m)) {
		r.fill(e, m)
		return e
	}
	others := false // people of that surname the mention is not
	for _, e := range r.byLast[pn.last] {
		if e.kind != graph.ActorPerson || e.source {
			continue
		}
		ek := strings.Fields(r.key(e.name))
		if len(ek) == 0 {
			continue
		}
		if len(words) == 1 || genderClash(e, m) {
			others = true
			continue
		}
		switch {
		case len(ek) == 1 && ek[0] == pn.last:
			// The full name arrives after the surname.
			r.alias(e, e.name)
			e.name = m.name
			r.byKey[key] = e
			r.fill(e, m)
			return e
		case len(ek) > 1 && !namesConflict(words, ek):
			if len(m.name) > len(e.name) {
				r.alias(e, e.name)
				e.name = m.name
			} else {
				r.alias(e, m.name)
			}
			r.byKey[key] = e
			r.fill(e, m)
			return e
		}
		others = true
	}
	name := m.name
	if len(words) == 1 && others && m.surface != "" && strings.Contains(m.surface, m.name) && strings.IndexByte(m.surface, ' ') > 0 {
		// "Mrs. Trump" beside Donald Trump: named as written, so that
		// her name is not his alias.
		name = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(m.surface, "the "), "The "))
	}
	e := r.newEntity(key, name, graph.ActorPerson)
	e.person = true
	r.fill(e, m)
	if others {
		// Two people of one surname: the surname alone is no longer an
		// alias of either until a mention of it alone says whose.
		for _, o := range r.byLast[pn.last] {
			if o.surname != "" {
				r.unalias(o, o.surname)
				o.surname = ""
			}
		}
	}
	r.byLast[pn.last] = append(r.byLast[pn.last], e)
	if len(words) > 1 && !others && r.countryCode(pn.last) == "" && r.g.capital[pn.last] == "" && r.g.demonym[pn.last] == "" {
		// The surname alone, unless it names a country: a phrase read as a
		// name ("Karsovia Blames Veridia") must not take Veridia over.
		if sur := surnameOf(m.name); sur != "" {
			r.alias(e, sur)
			e.surname = sur
		}
	}
	return e
}

// surnameOf returns the surname of a personal name as written, without a
// generational suffix: "Joseph R. Biden Jr." → "Biden".
func surnameOf(name string) string {
	name = strings.TrimSpace(name)
	for {
		k := strings.LastIndexByte(name, ' ')
		if k < 0 {
			return ""
		}
		w := strings.TrimSuffix(name[k+1:], ",")
		var buf [8]byte
		if len(w) <= len(buf) && suffixes[string(lowerASCII(buf[:0], w))] {
			name = strings.TrimSpace(name[:k])
			continue
		}
		return w
	}
}

// bySurname returns the person a surname alone refers to, of the people of
// that surname whose gender does not clash with the mention's: the one the
// surname alone has referred to before (news writers call relatives by
// their first names), else the one mentioned last before it; nil when there
// is none.
func (r *resolver) bySurname(key string, m *mention) *entity {
	ok := func(e *entity) bool {
		return e.kind == graph.ActorPerson && !e.source && (m == nil || !genderClash(e, m))
	}
	var last *entity
	n, bare := 0, 0
	for _, e := range r.byLast[key] {
		if ok(e) {
			last = e
			n++
			if e.bare {
				bare++
			}
		}
	}
	if n > 1 {
		// The one the surname alone has named before, if any ("Cruz"
		// is Ted Cruz, not his father Rafael met since); then the one
		// mentioned last.
		var kin *entity
		for k := len(r.recent) - 1; k >= 0; k-- {
			if ref := r.recent[k]; ref.pos <= r.pos && ok(ref.e) && (bare == 0 || ref.e.bare) && slices.Contains(r.byLast[key], ref.e) {
				if r.kinObject(ref.pos) {
					// "Patricia Smith, mother of Sean Smith": the son is
					// named to say who she is; "Smith said" is her.
					if kin == nil {
						kin = ref.e
					}
					continue
				}
				last = ref.e
				break
			}
		}
		if last == nil {
			last = kin
		}
	}
	if last != nil {
		last.bare = true
	}
	return last
}

// sexedAnaphor returns the person a bare "the woman" or "the man" refers
// to: the last person named in its sentence or the two before whose
// gender the article knows and matches; nil for any other description.
func (r *resolver) sexedAnaphor(m *mention, pos int) *entity {
	w := strings.Fields(strings.ToLower(m.surface))
	if len(w) == 2 && w[0] == "the" {
		w = w[1:]
	}
	if len(w) != 1 || m.indef {
		return nil
	}
	var female bool
	switch strings.TrimSuffix(strings.TrimSuffix(w[0], "'s"), "’s") {
	case "woman":
		female = true
	case "man":
	default:
		return nil
	}
	d := r.d
	for k := pos - 1; k >= 1; k-- {
		if d.low(k) == w[0] && (d.low(k-1) == "a" || d.low(k-1) == "an") {
			return nil // "a woman" met before: she, not a named one
		}
	}
	si := int(d.toks[pos].sent)
	from := d.sents[max(0, si-2)].a
	for _, e := range r.before(pos, 6) {
		if !e.person || e.kind != graph.ActorPerson || e.plural || e.source || (female && !e.female) || (!female && !e.male) {
			continue
		}
		for k := len(r.recent) - 1; k >= 0; k-- {
			if ref := r.recent[k]; ref.e == e && ref.pos < pos {
				if ref.pos >= from {
					return e
				}
				break
			}
		}
	}
	return nil
}

// kinObject reports whether the mention at token pos is the object of a
// kinship noun ("mother of Benghazi victim Sean Smith", "the son of
// Rafael Cruz"): a person named to describe another.
func (r *resolver) kinObject(pos int) bool {
	d := r.d
	if pos < 0 || pos >= len(d.toks) {
		return false
	}
	a := d.sents[int(d.toks[pos].sent)].a
	for k := pos - 1; k > a && k >= pos-4; k-- {
		if d.low(k) == "of" {
			return kinNouns[d.low(k-1)]
		}
		if d.toks[k].kind != tWord {
			return false
		}
	}
	return false
}

// kinNouns name a relative: "the mother of …".
var kinNouns = wordSet("mother father son daughter wife husband widow widower brother sister parents parent children child grandson granddaughter grandmother grandfather nephew niece aunt uncle cousin")

// genderClash reports whether a mention's gender contradicts an entity's.
func genderClash(e *entity, m *mention) bool {
	return m.male && e.female || m.female && e.male
}

// genderize marks a personal mention male or female from its honorific,
// its role noun or its first name ("Mrs. Clinton", "the spokeswoman",
// "Hillary Clinton").
func (r *resolver) genderize(m *mention) {
	if m.male || m.female || !m.personal {
		return
	}
	g := byte(0)
	var buf [24]byte
	for s := m.surface; s != "" && g == 0; {
		var w string
		w, s, _ = strings.Cut(s, " ")
		lw := lowerASCII(buf[:0], w)
		if g = genderBytes(lw); g != 0 {
			break
		}
		if r.d.lx.sets[string(lw)]&(wDet|wTitle) == 0 && !nameDescriptors[string(lw)] {
			break // only the words before the name tell
		}
	}
	if g == 0 && m.nominal != "" {
		g = genderOf(m.nominal)
	}
	if g == 0 && m.title != "" {
		for s := m.title; s != "" && g == 0; {
			var w string
			w, s, _ = strings.Cut(s, " ")
			lw := lowerASCII(buf[:0], w)
			if genFemale[string(lw)] || genMale[string(lw)] {
				g = genderBytes(lw)
			}
		}
	}
	switch g {
	case 'f':
		m.female = true
	case 'm':
		m.male = true
	}
}

// lowerASCII appends the ASCII lower case of w to buf; a word longer than
// buf's capacity or not ASCII comes back as it is written, lower-cased by
// strings.ToLower.
func lowerASCII(buf []byte, w string) []byte {
	if len(w) > cap(buf) {
		return []byte(strings.ToLower(w))
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return []byte(strings.ToLower(w))
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// genderBytes is genderOf for a lower-case word in a buffer.
func genderBytes(w []byte) byte {
	switch {
	case genFemale[string(w)]:
		return 'f'
	case genMale[string(w)]:
		return 'm'
	}
	return firstNames[string(w)]
}

// roleNorm maps the words of titles and role descriptions to one form:
// abbreviations spelt out, party names to their adjective.
var roleNorm = map[string]string{
	"sen.": "senator", "sen": "senator", "gov.": "governor", "gov": "governor", "rep.": "representative",
	"rep": "representative", "congressman": "representative", "congresswoman": "representative",
	"pres.": "president", "gen.": "general", "sec.": "secretary", "atty.": "attorney", "lt.": "lieutenant",
	"gop": "republican", "democrat": "democratic", "dem.": "democratic", "d": "democratic", "r": "republican",
	"spokeswoman": "spokesman", "spokesperson": "spokesman", "chairwoman": "chairman", "chair": "chairman",
	"defence": "defense", "ex-president": "former", "u.s.": "us",
}

// roleFiller are words a role description may add to a title without
// naming another role: "the presidential nominee" is the "Republican
// nominee".
var roleFiller = wordSet("the a an his her their its presidential party's current sitting then now")

// roleWords returns the normalised words of a title or description up to
// where a clause or complement starts ("chief of staff to President Bill
// Clinton" → chief of staff).
func roleWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.Trim(w, ",;:()\"")
		switch w {
		case "to", "for", "at", "with", "in", "who", "whom", "that", "which", "and", "since", "from":
			return out
		}
		if n, ok := roleNorm[w]; ok {
			w = n
		}
		if w != "" && !roleFiller[w] {
			out = append(out, w)
		}
	}
	return out
}

// holdsRole reports whether person e was named with a title that has every
// word of a role description, given by its roleWords ("the Republican nominee" and "Republican
// presidential nominee Donald Trump"; not "the Democratic nominee").
func holdsRole(e *entity, desc []string) bool {
	if len(e.roleW) != 1+len(e.titles) {
		e.roleW = e.roleW[:0]
		e.roleW = append(e.roleW, roleWords(e.title))
		for _, t := range e.titles {
			e.roleW = append(e.roleW, roleWords(t))
		}
	}
next:
	for _, tw := range e.roleW {
		for _, w := range desc {
			if !slices.Contains(tw, w) {
				continue next
			}
		}
		return true
	}
	return false
}

func (r *resolver) fill(e *entity, m *mention) {
	if m.male && !e.female {
		e.male = true
	}
	if m.female && !e.male {
		e.female = true
	}
	if e.title == "" && m.title != "" {
		e.title = m.title
	} else if m.title != "" && m.title != e.title && !slices.Contains(e.titles, m.title) {
		e.titles = append(e.titles, m.title)
	}
	if e.affil == nil && m.affil != nil {
		pos := r.pos
		e.affil = r.resolve(m.affil, pos)
		r.pos = pos
		if e.affil == e {
			e.affil = nil
		}
	}
}

func (r *resolver) newEntity(key, name string, kind graph.ActorKind) *entity {
	e := r.entArena.alloc()
	*e = entity{name: name, kind: kind, order: len(r.ents)}
	r.ents = append(r.ents, e)
	r.byKey[key] = e
	return e
}

func (r *resolver) get(key, name string, kind graph.ActorKind) *entity {
	if e := r.byKey[key]; e != nil {
		return e
	}
	return r.newEntity(key, name, kind)
}

func (r *resolver) alias(e *entity, s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	for _, w := range []string{"the ", "The ", "a ", "A ", "an ", "An "} {
		s = strings.TrimPrefix(s, w)
	}
	k := r.key(s)
	if !e.keyed {
		e.keyed = true
		for _, al := range e.aliases {
			e.keys = append(e.keys, r.key(al))
		}
	}
	if k == "" || slices.Contains(e.keys, k) || k == r.key(e.name) {
		return
	}
	e.keys = append(e.keys, k)
	e.aliases = append(e.aliases, s)
	if !e.source {
		if _, taken := r.byKey[k]; !taken {
			r.byKey[k] = e
		}
	}
}

// unalias removes the alias s from e (its lookup key too, when it leads
// to e).
func (r *resolver) unalias(e *entity, s string) {
	k := r.key(s)
	if i := slices.Index(e.aliases, s); i >= 0 {
		e.aliases = slices.Delete(e.aliases, i, i+1)
	}
	if i := slices.Index(e.keys, k); i >= 0 {
		e.keys = slices.Delete(e.keys, i, i+1)
	}
	if r.byKey[k] == e {
		delete(r.byKey, k)
	}
}

// touch records e as mentioned at r.pos and returns it.
func (r *resolver) touch(e *entity) *entity {
	if e != nil {
		r.recent = append(r.recent, mentionRef{e: e, pos: r.pos})
	}
	return e
}

// mentionRef is one recorded mention of an entity.
type mentionRef struct {
	e   *entity
	pos int
}

// before returns up to n distinct entities mentioned before token pos, the
// most recent first. Names in the text before pos are scanned first, so
// that people mentioned only in passing can be antecedents.
func (r *resolver) before(pos, n int) []*entity {
	saved := r.pos
	r.scanTo(pos)
	r.pos = saved
	refs := r.refs[:0] // used only here, so reused from call to call
	for k := len(r.recent) - 1; k >= 0 && len(refs) < 4*n && k >= len(r.recent)-8*n; k-- {
		if r.recent[k].pos < pos {
			refs = append(refs, r.recent[k])
		}
	}
	r.refs = refs
	slices.SortStableFunc(refs, func(a, b mentionRef) int { return cmp.Compare(b.pos, a.pos) })
	out := make([]*entity, 0, min(n, len(refs)))
next:
	for _, ref := range refs {
		for _, e := range out {
			if e == ref.e {
				continue next
			}
		}
		out = append(out, ref.e)
		if len(out) == n {
			break
		}
	}
	return out
}

// scanTo registers the named people mentioned before token pos that no
// attribution has registered, so that pronouns can refer to them.
func (r *resolver) scanTo(pos int) {
	d := r.d
	i := r.scanned
	if pos > len(d.toks) {
		pos = len(d.toks)
	}
	for i < pos {
		t := d.toks[i]
		if t.kind != tWord || !t.upper || int(t.inq) >= 0 || d.nameBreak(i) || d.headFunctionWord(i) || d.is(i, wStarter|wMonth|wTime) && (i == 0 || int(d.tok(i-1).sent) != int(t.sent)) {
			i++
			continue
		}
		j := i
		for j+1 < pos && d.tok(j+1).kind == tWord && d.tok(j+1).upper && int(d.tok(j+1).inq) < 0 && !d.nameBreak(j+1) && !d.headFunctionWord(j+1) {
			j++
		}
		if d.is(i-1, wDet|wPrep) && !d.tok(i-1).upper && d.low(i-1) != "by" && d.low(i-1) != "with" {
			i = j + 1
			continue
		}
		if j > i || d.is(i-1, wTitle) && !d.tok(i-1).upper {
			if m := r.analyze(i, j); m != nil && m.kind == graph.ActorPerson && !m.source && m.country == "" {
				r.resolve(m, i)
			}
		} else if e := r.bySurname(r.key(t.low), nil); e != nil {
			r.pos = i
			r.touch(e)
			r.pos = pos
		} else if e := r.byKey[r.key(t.low)]; e != nil && e.person {
			r.touch(e)
		}
		i = j + 1
	}
	if pos > r.scanned {
		r.scanned = pos
	}
}

// antecedent resolves a pronoun to the most recent compatible entity.
func (r *resolver) antecedent(m *mention, pos int) *entity {
	p := m.pinfo
	if p.relative {
		return r.relative(pos)
	}
	if p.first {
		return nil
	}
	// "He added": the speaker of the last attribution, when it is near.
	if e := r.lastSpk; e != nil && (p.male || p.female) && e.person && !e.plural && !(p.male && e.female || p.female && e.male) && int(r.d.toks[pos].sent)-r.lastSent <= 2 && !r.otherNamedBetween(e, pos, p) {
		if e.kind == graph.ActorPerson {
			e.male, e.female = e.male || p.male, e.female || p.female
		}
		return e
	}
	if e := r.lastSpk; e != nil && p.plural && (e.plural || e.kind == graph.ActorGroup || e.kind == graph.ActorOrganization || e.kind == graph.ActorGovernment) && int(r.d.toks[pos].sent)-r.lastSent <= 1 {
		return e
	}
	for _, e := range r.before(pos, 12) {
		switch {
		case p.male || p.female:
			if !e.person || e.plural {
				continue
			}
			if p.male && e.female || p.female && e.male {
				continue
			}
			if p.male {
				e.male = true
			} else {
				e.female = true
			}
			return e
		case p.plural:
			if e.plural || e.kind == graph.ActorGroup || e.kind == graph.ActorOrganization || e.kind == graph.ActorGovernment {
				return e
			}
		case p.neuter:
			if !e.person && !e.plural {
				return e
			}
		}
	}
	return nil
}

// otherNamedBetween reports whether a named person other than e, of a
// gender the pronoun allows, is mentioned in the sentence of pos before it
// ("Strand hopes …, his spokesman said": his is Strand).
func (r *resolver) otherNamedBetween(e *entity, pos int, p pronounInfo) bool {
	d := r.d
	a := d.sents[int(d.toks[pos].sent)].a
	for k := a; k < pos; k++ {
		t := d.toks[k]
		if !t.upper || t.kind != tWord || k == a && d.is(k, wStarter) {
			continue
		}
		o := r.byKey[r.key(t.low)]
		if o != nil && o != e && o.kind == graph.ActorPerson && !(p.male && o.female || p.female && o.male) {
			return true
		}
	}
	return false
}

// relative resolves "who"/"which" at pos to the noun phrase before the
// comma that precedes it.
func (r *resolver) relative(pos int) *entity {
	d := r.d
	k := pos - 1
	if k >= 0 && d.toks[k].low == "," {
		k--
	}
	if k < 0 {
		return nil
	}
	a := d.sents[int(d.toks[pos].sent)].a
	s := d.npLeft(k, a)
	if s < 0 {
		return nil
	}
	return r.resolve(r.analyze(s, k), s)
}

// key returns graph.NameKey(s), memoised for the article.
func (r *resolver) key(s string) string {
	if k, ok := r.keyMemo[s]; ok {
		return k
	}
	k := foldKey(s)
	r.keyMemo[s] = k
	return k
}

// foldKey folds a name for lookups inside one article, as graph.NameKey
// does: lower case, punctuation dropped, spaces folded, a leading "the "
// and a trailing "'s" removed. ASCII names take a fast path.
func foldKey(name string) string {
	var arr [64]byte // most names fit: no allocation besides the key
	buf := arr[:0]
	space := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= utf8.RuneSelf:
			return graph.NameKey(name)
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if space && len(buf) > 0 {
				buf = append(buf, ' ')
			}
			buf = append(buf, c)
			space = false
		case c == '\'':
			buf = append(buf, c)
			space = false
		default:
			space = true
		}
	}
	k := string(buf)
	k = strings.TrimSuffix(k, "'s")
	k = strings.Trim(k, "'")
	return strings.TrimPrefix(k, "the ")
}
