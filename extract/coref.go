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
		// "the spokesman", "the minister": the last person with that title.
		for _, e := range r.before(pos, 40) {
			if e.person && e.kind == graph.ActorPerson && e.title != "" && strings.Contains(strings.ToLower(e.title), m.nominal) {
				return r.touch(e)
			}
		}
	}
	if m.kind == graph.ActorPerson && m.name != "" {
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
			// "Greyfield Aggregates" is also "Greyfield".
			if sp := strings.IndexByte(m.name, ' '); sp > 0 && strings.IndexByte(m.name[sp+1:], ' ') < 0 && companySuffix[strings.ToLower(m.name[sp+1:])] {
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
// alone ("Asif") joins the full name seen before, and a full name seen after
// a surname takes the entity over.
func (r *resolver) person(m *mention) *entity {
	key := r.key(m.name)
	if e := r.byKey[key]; e != nil {
		r.fill(e, m)
		return e
	}
	words := strings.Fields(key)
	last := words[len(words)-1]
	for _, e := range r.byLast[last] {
		if e.kind != graph.ActorPerson || e.source {
			continue
		}
		ek := strings.Fields(r.key(e.name))
		if len(ek) == 0 {
			continue
		}
		switch {
		case len(words) == 1 && ek[len(ek)-1] == last:
			r.alias(e, m.name)
			r.byKey[key] = e
			r.fill(e, m)
			return e
		case len(words) > 1 && len(ek) == 1 && ek[0] == last:
			// The full name arrives after the surname.
			r.alias(e, e.name)
			e.name = m.name
			r.byKey[key] = e
			r.fill(e, m)
			return e
		case len(words) > 1 && len(ek) > 1 && ek[len(ek)-1] == last && (ek[0] == words[0] || len(ek[0]) <= 2 || len(words[0]) <= 2):
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
	}
	e := r.newEntity(key, m.name, graph.ActorPerson)
	e.person = true
	r.byLast[last] = append(r.byLast[last], e)
	r.fill(e, m)
	if len(words) > 1 && r.countryCode(last) == "" && r.g.capital[last] == "" && r.g.demonym[last] == "" {
		// The surname alone, unless it names a country: a phrase read as a
		// name ("Karsovia Blames Veridia") must not take Veridia over.
		r.alias(e, lastWord(m.name))
	}
	return e
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
