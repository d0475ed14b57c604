package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// This file reads a noun phrase: its name, kind, title and affiliation
// (demonyms, titles, possessives, prepositional phrases, appositives).

// mention is what a noun phrase says about its referent.
type mention struct {
	name     string
	surface  string
	kind     graph.ActorKind
	source   bool
	skind    graph.SourceKind
	title    string
	country  string
	affil    *mention
	nominal  string // head noun of a definite description ("spokesman")
	plural   bool
	pronoun  bool
	pinfo    pronounInfo
	aliases  []string
	indef    bool
	personal bool
	male     bool
	female   bool
	company  bool // named as a company ("the mining company X", "X Pharma")
	// affilPron is the token of a possessive pronoun naming the
	// affiliation ("its chief executive, …"), or 0.
	affilPron int
}

// hasPrep reports whether tokens [a, b] hold a preposition inside a noun
// phrase ("the ministry in the capital").
func (d *doc) hasPrep(a, b int) bool {
	for k := a; k <= b; k++ {
		if d.inNPPrep(k) {
			return true
		}
	}
	return false
}

// groupPlural reports whether w is a plural that takes "'s" inside an
// organisation's name ("Fishermen's League", "People's Party").
func groupPlural(w string) bool {
	return strings.HasSuffix(w, "men") || w == "people" || w == "children" || w == "workers"
}

// stateOrg reports whether a head noun names an organ of a state.
func stateOrg(w string) bool {
	switch w {
	case "ministry", "government", "army", "military", "police", "forces", "navy", "embassy", "parliament", "cabinet", "authorities", "administration":
		return true
	}
	return false
}

// knownOrgs are international bodies whose names read like a person's or
// a group's ("United Nations", "Red Crescent").
var knownOrgs = map[string]bool{
	"united nations": true, "un": true, "u.n.": true, "european union": true, "eu": true, "nato": true,
	"red cross": true, "red crescent": true, "world bank": true, "imf": true, "african union": true,
	"arab league": true, "opec": true, "interpol": true, "amnesty international": true, "human rights watch": true,
	"world health organization": true, "who": false, "unicef": true, "unhcr": true, "iaea": true,
}

// orgHeads are common nouns that name a company or body, so that a name in
// apposition to them is an organisation ("the pipeline operator, Delta
// Conduits").
var orgHeads = map[string]bool{
	"operator": true, "manufacturer": true, "maker": true, "insurer": true, "developer": true,
	"contractor": true, "producer": true, "supplier": true, "retailer": true, "lender": true,
	"carrier": true, "airline": true, "broadcaster": true, "utility": true, "publisher": true,
	"miner": true, "exporter": true, "importer": true, "conglomerate": true, "giant": true,
	"subsidiary": true, "charity": true, "watchdog": true, "regulator": true, "newspaper": true,
	"outlet": true, "nonprofit": true, "startup": true, "owner": true, "shipper": true,
}

func (r *resolver) span(a, b int) string {
	if a < 0 || b < a {
		return ""
	}
	return r.d.text[r.d.toks[a].start:r.d.toks[b].end]
}

// joinToks returns the text of tokens [a, b] with single spaces.
func (r *resolver) joinToks(a, b int) string {
	if a > b {
		return ""
	}
	// Fast path: the text already reads that way.
	same := true
	for k := a + 1; k <= b && same; k++ {
		t, p := r.d.toks[k], r.d.tok(k-1)
		if t.low != "'s" && !(t.kind == tPunct && t.low != "&") {
			same = t.start == p.end+1 && r.d.text[p.end] == ' '
		} else {
			same = t.start == p.end
		}
	}
	if same {
		return r.d.text[r.d.toks[a].start:r.d.toks[b].end]
	}
	var sb strings.Builder
	for k := a; k <= b; k++ {
		t := r.d.toks[k]
		if k > a && t.low != "'s" && !(t.kind == tPunct && t.low != "&") {
			sb.WriteByte(' ')
		}
		sb.WriteString(r.d.text[t.start:t.end])
	}
	return sb.String()
}

// analyze reads the noun phrase [a, b].
func (r *resolver) analyze(a, b int) *mention {
	d := r.d
	if a == b && d.word(a) {
		if p, ok := pronouns[d.low(a)]; ok {
			m := r.ments.alloc()
			*m = mention{pronoun: true, pinfo: p, surface: r.span(a, b)}
			return m
		}
	}
	if b > a && d.low(b) == "'s" {
		b-- // a possessor as source: "Lute's view"
	}
	m := r.ments.alloc()
	m.surface = r.span(a, b)
	if a < b && (d.low(a) == "his" || d.low(a) == "her" || d.low(a) == "their" || d.low(a) == "its") && d.is(b, wTitle|wAnon|wOrg) && !d.hasPrep(a, b) && d.low(a+1) != "own" {
		// "his spokesman", "their lawyers": a role of whoever the
		// pronoun refers to.
		if m := r.analyze(a+1, b); m != nil && !m.pronoun && m.kind != graph.ActorPerson && !m.source && m.country == "" {
			m.affilPron = a
			return m
		}
	}
	// Drop determiners and leading function words.
	for a <= b && (d.is(a, wDet|wConj) && !(d.toks[a].upper && !d.is(a, wStarter))) {
		if l := d.low(a); l == "a" || l == "an" || l == "some" || l == "several" || l == "many" || l == "two" || l == "three" || l == "other" || l == "another" {
			m.indef = true
		}
		a++
	}
	// Drop words that open a clause, not a name: "Whether Clinton wins",
	// "Unlike Patriot", "Even Friday", sentence-initial "Many Democrats",
	// and the numeral of "one Democratic source".
	for a < b && d.leadingFragment(a) {
		if d.is(a, wDet) || d.low(a) == "one" {
			m.indef = true
		}
		a++
	}
	if a > b {
		return nil
	}
	// Cut the appositive or relative clause.
	cut := b
	for k := a; k <= b; k++ {
		if d.toks[k].low == "," && !d.listContext(k) || d.low(k) == "who" || d.low(k) == "which" || d.toks[k].low == "(" {
			cut = k - 1
			if d.toks[k].low == "," && d.namedAppositive(k+1, b) && !d.tok(k-1).upper && !d.hasPrep(a, k-1) {
				// "The state's campaign chairman, Phil Lovas": the name is
				// the appositive, the head its title.
				e := k + 1
				for e+1 <= b && d.tok(e+1).upper && d.tok(e+1).kind == tWord {
					e++
				}
				nm := r.analyze(k+1, e)
				if nm != nil && nm.kind == graph.ActorPerson && (d.is(k-1, wOrg) || orgHeads[d.low(k-1)]) {
					// "The company, Nordvale Pharma": an organisation.
					nm.kind, nm.personal, nm.male, nm.female = graph.ActorOrganization, false, false, false
					nm.company = companyNominal[d.low(k-1)] || orgHeads[d.low(k-1)]
					return nm
				}
				if nm != nil && nm.kind == graph.ActorPerson {
					ta := a
					if isPossessiveDet(d.low(a)) && a < k-1 {
						// "Its chief executive, Liis Oru": affiliated to
						// what "its" refers to.
						ta = a + 1
						if nm.affil == nil {
							nm.affilPron = a
						}
					}
					for o := ta + 1; o < k-1; o++ {
						if d.low(o) == "'s" {
							// "Ostmark's defence minister, Petra Vold"
							if ow := r.analyze(ta, o-1); ow != nil && !ow.pronoun && nm.affil == nil {
								nm.affil = ow
							}
							ta = o + 1
							break
						}
					}
					if nm.title == "" {
						nm.title = strings.TrimPrefix(strings.TrimPrefix(r.joinToks(ta, k-1), "the "), "The ")
					}
					return nm
				}
			}
			if d.toks[k].low == "," && k+1 <= b && d.is(k+1, wDet) {
				// "X, a spokesman for Y": take the title from the appositive.
				if ap := r.analyze(k+1, b); ap != nil && ap.nominal != "" {
					m.title = strings.TrimPrefix(strings.TrimPrefix(r.joinToks(k+2, b), "the "), "a ")
				}
			}
			break
		}
	}
	b = cut
	if a > b {
		return nil
	}
	for k := a + 1; k < b; k++ {
		if d.low(k) != "by" || d.toks[k].upper {
			continue
		}
		switch l := d.low(k - 1); {
		case l == "seen" || l == "obtained" || l == "reviewed" || l == "viewed":
			// "documents seen by the Baltic Wire news agency": the one who
			// saw them carries the story.
			if m := r.analyze(k+1, b); m != nil && !m.pronoun {
				return m
			}
		case d.docBy(k) && (k-1 == a || k-2 == a):
			// "a report by the State Audit Office": the document reports,
			// its author says.
			if au := r.analyze(k+1, b); au != nil && !au.pronoun && !au.source {
				m.source, m.skind = true, graph.SourceDocument
				m.name = r.joinToks(a, b)
				m.surface = m.name
				m.affil = au
				return m
			}
		}
		break
	}
	// Possessive: "the Taliban government's Ministry of Defense",
	// "Trump's campaign".
	for k := b - 1; k > a; k-- {
		if d.low(k) == "'s" && !(d.tok(k+1).upper && d.tok(k-1).upper && groupPlural(d.low(k-1))) {
			owner := r.analyze(a, k-1)
			if owner != nil && owner.country != "" && k+1 == b && d.is(b, wGov) && !d.toks[b].upper {
				// "Ostvia's government": the country's government.
				owner.surface = r.joinToks(a, b)
				return owner
			}
			rest := r.analyze(k+1, b)
			if rest == nil {
				return owner
			}
			if owner != nil && rest.country == "" {
				rest.affil = owner
				if rest.nominal != "" && owner.name != "" {
					rest.name = owner.name + " " + strings.TrimSpace(rest.surface)
					rest.nominal = ""
					if rest.kind == graph.ActorAnonymous && !d.is(b, wOrg) {
						rest.personal = true
					} else {
						rest.kind = graph.ActorOrganization
						if owner.country != "" && stateOrg(d.low(b)) {
							rest.kind = graph.ActorGovernment // "Lumeria's foreign ministry"
						}
					}
				}
			}
			return rest
		}
	}
	// Split off a prepositional phrase that is not part of a name.
	pp := -1
	for k := a + 1; k < b; k++ {
		if d.inNPPrep(k) && !(d.low(k) == "of" && d.tok(k-1).upper && d.is(k-1, wOrg|wGov|wTitle|wDoc|wMedia) && (d.tok(k+1).upper || d.is(k+1, wDet) && d.tok(k+2).upper)) {
			pp = k
			break
		}
	}
	var ppm *mention
	ppText := ""
	if pp > 0 {
		ppm = r.analyze(pp+1, b)
		ppText = r.joinToks(pp, firstPPEnd(d, pp+1, b))
		if ppm != nil && ppm.country != "" && pp == a+1 && d.low(pp) == "of" && d.is(a, wGov) && !d.toks[a].upper {
			// "the government of Veridia": the country's government.
			ppm.surface = r.joinToks(a, b)
			return ppm
		}
		if ppm != nil && ppm.country != "" && d.low(pp) == "of" && d.is(pp-1, wOrg) && !d.toks[pp-1].upper && !d.is(pp-1, wAnon) {
			// "the foreign ministry of Ostmark": Ostmark's foreign ministry.
			return &mention{name: ppm.name + " " + r.joinToks(a, pp-1), surface: r.joinToks(a, b), kind: graph.ActorGovernment, affil: ppm}
		}
		b = pp - 1
	}
	m.surface = r.joinToks(a, b)
	r.classify(m, a, b)
	if ppm != nil {
		if m.source && m.skind == graph.SourceDocument {
			m.name += " " + ppText // "statement from the ministry"
		}
		if m.kind == graph.ActorAnonymous && m.name != "" && !m.source {
			m.aliases = append(m.aliases, m.name)
			m.name += " " + ppText
		}
		if m.affil == nil && (ppm.country != "" || ppm.kind == graph.ActorOrganization || ppm.kind == graph.ActorGovernment) && d.low(pp) != "in" || m.affil == nil && ppm.kind == graph.ActorGovernment {
			m.affil = ppm
		}
	}
	return m
}

// firstPPEnd returns the end of the first noun phrase of a prepositional
// phrase object: "in Kunar, Nangarhar and Helmand" → Kunar.
func firstPPEnd(d *doc, a, b int) int {
	for k := a; k <= b; k++ {
		if d.toks[k].low == "," || d.inNPPrep(k) && k > a || d.low(k) == "and" {
			return k - 1
		}
	}
	return b
}

// classify fills in name, kind, title and affiliation from tokens [a, b]
// (no determiner, no appositive, no prepositional phrase).
func (r *resolver) classify(m *mention, a, b int) {
	d := r.d
	g := r.g
	full := r.joinToks(a, b)
	key := r.lowJoin(a, b)
	m.name = full
	// Countries, capitals, government names.
	if code := r.countryCode(key); code != "" {
		m.country, m.kind, m.name = code, graph.ActorGovernment, r.cname(code)
		return
	}
	if code := g.capital[key]; code != "" {
		m.country, m.kind, m.name = code, graph.ActorGovernment, r.cname(code)
		return
	}
	if code := g.govAlias[key]; code != "" {
		m.country, m.kind, m.name = code, graph.ActorGovernment, r.cname(code)
		return
	}
	if len(r.govNames) > 0 {
		if code := r.govNames[r.key(full)]; code != "" {
			m.country, m.kind, m.name = code, graph.ActorGovernment, r.cname(code)
			return
		}
	}
	// "the Pakistani government", "Afghan authorities", "Pakistan's government".
	if a < b && d.is(b, wGov) && !d.toks[b].upper || a < b && d.is(b, wGov) && d.toks[b].upper && d.low(b) != "authority" {
		lead := r.lowJoin(a, b-1)
		code := r.demonymCode(lead)
		if code == "" {
			code = r.countryCode(lead)
		}
		if code != "" {
			m.country, m.kind, m.name = code, graph.ActorGovernment, r.cname(code)
			return
		}
	}
	if knownOrgs[key] {
		m.kind = graph.ActorOrganization
		return
	}
	// News agencies and publishers.
	if e := g.agency[key]; e != nil {
		m.source, m.skind, m.name, m.aliases = true, graph.SourceAgency, e.name, e.aliases
		return
	}
	if e := g.media[key]; e != nil {
		m.source, m.skind, m.name, m.aliases = true, graph.SourcePublisher, e.name, e.aliases
		return
	}
	// "state news agency IRNA", "the Qatari broadcaster Al Jazeera": a
	// known agency or publisher after a description.
	for k := a + 1; k <= b; k++ {
		if !d.toks[k].upper || d.tok(k-1).upper {
			continue
		}
		tail := r.lowJoin(k, b)
		if e := g.agency[tail]; e != nil {
			m.source, m.skind, m.name, m.aliases = true, graph.SourceAgency, e.name, e.aliases
			return
		}
		if e := g.media[tail]; e != nil {
			m.source, m.skind, m.name, m.aliases = true, graph.SourcePublisher, e.name, e.aliases
			return
		}
	}
	// "state media", "state television", "the official news agency".
	switch d.low(b) {
	case "media", "television", "tv", "radio", "newspaper", "broadcaster", "daily", "outlet":
		if !d.toks[b].upper && d.low(b-1) != "social" {
			m.source, m.skind = true, graph.SourcePublisher
			return
		}
	case "agency", "service":
		if d.low(b-1) == "news" || d.low(b-1) == "press" || d.is(b-1, wMedia) && d.tok(b-1).upper && d.low(b) == "agency" || d.low(b) == "agency" && !d.toks[b].upper && d.tok(b-1).upper && b-1 == a && !d.is(b-1, wOrg|wGov|wTitle) && r.countryCode(d.low(b-1)) == "" && r.demonymCode(d.low(b-1)) == "" {
			m.source, m.skind = true, graph.SourceAgency
			return
		}
	}
	if a == b && d.is(a, wAnon) && (a == 0 || d.tok(a-1).sent != d.toks[a].sent) {
		// "Analysts said": a common noun capitalised at the sentence start.
		m.kind, m.nominal, m.personal = graph.ActorAnonymous, d.low(a), true
		m.plural = strings.HasSuffix(d.low(a), "s")
		return
	}
	allCap := true
	anyCap := false
	for k := a; k <= b; k++ {
		t := d.toks[k]
		if t.kind != tWord || t.low == "'s" || d.inNPPrep(k) || t.low == "and" || t.low == "&" {
			continue
		}
		if t.upper {
			anyCap = true
		} else {
			allCap = false
		}
	}
	lastLow := d.low(b)
	if allCap && a < b && d.is(b, wMedia) && !d.is(b, wOrg) {
		m.source, m.skind = true, graph.SourcePublisher
		return
	}
	if d.is(b, wDoc) && (!d.toks[b].upper || d.sents[d.toks[b].sent].head) {
		m.source, m.skind = true, graph.SourceDocument
		if b > a && d.toks[b-1].upper && d.toks[b-1].kind == tWord {
			// "a UN report", "the Audit Office review": its author says.
			au := &mention{}
			r.classify(au, a, b-1)
			acronym := b-1 == a && strings.ToUpper(d.text[d.toks[a].start:d.toks[a].end]) == d.text[d.toks[a].start:d.toks[a].end]
			if !au.source && au.name != "" && (au.kind == graph.ActorOrganization || au.kind == graph.ActorGovernment || acronym) {
				if acronym && au.kind == graph.ActorPerson {
					au.kind, au.personal = graph.ActorOrganization, false
				}
				m.affil = au
			}
		}
		return
	}
	// Demonym up front: "Pakistani Defense Minister Khawaja Muhammad Asif",
	// "Iranian officials"; kept in names like "Pakistani Taliban".
	lead := a
	demo := ""
	if code := r.demonymCode(d.low(a)); code != "" && a < b {
		demo = code
		lead = a + 1
	} else if code := r.countryCode(d.low(a)); code != "" && a < b && !d.is(a+1, wGov) {
		demo = code // "U.S. officials"
		lead = a + 1
	}
	// The trailing run of name words.
	n := b
	for n >= lead && d.tok(n).upper && d.tok(n).kind == tWord && (!d.is(n, wTitle|wOrg|wGov|wAnon) || d.honorificName(n, b)) && r.demonymCode(d.low(n)) == "" && !(n < b && nameDescriptors[d.low(n)]) {
		n--
	}
	nameStart := n + 1
	titled := nameStart > lead && (d.is(nameStart-1, wTitle|wAnon) || nameDescriptors[d.low(nameStart-1)] || !d.tok(nameStart-1).upper && d.word(nameStart-1) && !d.is(nameStart-1, wPrep|wConj))
	if titled && nameStart <= b && !d.tok(nameStart-1).upper {
		// "the state news agency Tarvos Press", "the daily Velda Courier":
		// a described news outlet is a source.
		switch d.low(nameStart - 1) {
		case "agency", "wire", "service":
			if d.low(nameStart-2) == "news" || d.low(nameStart-2) == "press" || d.low(nameStart-1) == "wire" {
				m.source, m.skind, m.name = true, graph.SourceAgency, r.joinToks(nameStart, b)
				return
			}
		case "newspaper", "daily", "broadcaster", "channel", "weekly", "tabloid", "outlet", "website", "magazine":
			m.source, m.skind, m.name = true, graph.SourcePublisher, r.joinToks(nameStart, b)
			return
		}
	}
	if nameStart <= b && (nameStart > lead || demo == "") && !(nameStart == lead && demo != "") {
		hasOrg := false
		for k := lead; k <= b; k++ {
			if d.is(k, wOrg|wGov) && d.toks[k].upper {
				hasOrg = true
			}
		}
		if titled && !d.tok(nameStart-1).upper && (d.is(nameStart-1, wOrg) || orgHeads[d.low(nameStart-1)]) && !d.is(nameStart-1, wTitle|wAnon) {
			// "the mining company Greyfield Aggregates": an organisation
			// introduced by what it is.
			m.name = r.joinToks(nameStart, b)
			m.kind = graph.ActorOrganization
			m.company = companyNominal[d.low(nameStart-1)] || orgHeads[d.low(nameStart-1)]
			return
		}
		if titled || !hasOrg && nameStart == lead {
			m.name = r.joinToks(nameStart, b)
			if titled {
				m.title = r.joinToks(lead, nameStart-1)
				if demo != "" {
					m.affil = &mention{country: demo, kind: graph.ActorGovernment, name: r.cname(demo)}
				}
			}
			m.kind = graph.ActorPerson
			m.personal = true
			if nameStart == b && strings.HasSuffix(lastLow, "s") && !titled && !strings.HasSuffix(lastLow, "ss") && len(lastLow) > 3 {
				m.kind = graph.ActorGroup // "Republicans", "Democrats"
				m.personal = false
				m.plural = true
			}
			if nameStart == b && !titled && (a > 0 && d.low(a-1) == "the") {
				m.kind = graph.ActorOrganization // "the Taliban"
				m.personal = false
			}
			switch d.low(nameStart - 1) {
			case "mrs.", "ms.", "mrs", "ms", "madam", "mme.":
				m.title, m.female = "", true
			case "mr.", "mr", "sir":
				m.title, m.male = "", true
			}
			if nameStart < b {
				switch firstNames[d.low(nameStart)] {
				case 'f':
					m.female = true
				case 'm':
					m.male = true
				}
			}
			return
		}
	}
	if anyCap && !allCap && d.toks[b].upper && d.toks[b].kind == tWord {
		// "the opposition Civic Alliance", "the ruling Progress Party": a
		// descriptor before a proper name stays out of the name.
		f := a
		for f <= b && !d.toks[f].upper {
			f++
		}
		plain := f > a && f < b
		for k := a; k < f && plain; k++ {
			plain = d.word(k) && !d.is(k, wTitle|wAnon|wDoc|wOrg|wGov|wPrep|wConj|wDet) && d.low(k) != "'s"
		}
		for k := f; k <= b && plain; k++ {
			plain = d.toks[k].upper || d.inNPPrep(k) || d.low(k) == "and" || d.low(k) == "'s" || d.pluralPossessive(k)
		}
		if plain {
			desc := r.joinToks(a, f-1)
			r.classify(m, f, b)
			if m.title == "" && !m.source && m.country == "" {
				m.title = desc
			}
			return
		}
	}
	if anyCap {
		// Organisations: "Saudi Foreign Ministry", "Ministry of Defense",
		// "Pakistani Taliban".
		m.kind = graph.ActorOrganization
		for k := a; k <= b; k++ {
			switch d.low(k) {
			case "ministry", "department", "government", "administration", "cabinet", "parliament", "congress", "senate", "embassy", "army", "military", "police", "forces":
				m.kind = graph.ActorGovernment
			}
		}
		if !allCap {
			// "Defense Ministry spokesman": a role.
			if d.is(b, wTitle|wAnon) && !d.toks[b].upper {
				m.kind = graph.ActorAnonymous
				m.nominal = lastLow
				m.plural = strings.HasSuffix(lastLow, "s") && !d.is(b, wTitle)
				m.personal = true
				if demo != "" {
					m.affil = &mention{country: demo, kind: graph.ActorGovernment, name: r.cname(demo)}
				}
				m.title = r.joinToks(lead, b)
				return
			}
			if demo != "" && lead < b && !d.toks[b].upper {
				// "the Lumerian intelligence service": that country's.
				m.affil = &mention{country: demo, kind: graph.ActorGovernment, name: r.cname(demo)}
				if stateOrg(d.low(b)) || d.low(b) == "service" {
					m.kind = graph.ActorGovernment
				}
			}
			if demo != "" && lead == b {
				m.kind = graph.ActorGroup
				if d.is(b, wOrg|wGov) {
					// "the Pakistani army": an institution of that country.
					m.kind = graph.ActorOrganization
					switch d.low(b) {
					case "army", "military", "police", "forces", "navy", "government", "ministry", "authorities":
						m.kind = graph.ActorGovernment
					}
					m.affil = &mention{country: demo, kind: graph.ActorGovernment, name: r.cname(demo)}
				}
			}
			return
		}
		if demo != "" && lead == b && !d.is(b, wOrg|wGov) {
			m.kind = graph.ActorGroup
		}
		if d.allTitles(lead, b) {
			// "the President", "the Defense Minister".
			m.kind = graph.ActorAnonymous
			m.nominal = lastLow
			m.personal = true
			m.title = full
		}
		return
	}
	// Lower case description: "a senior official", "local officials",
	// "the spokesman".
	m.kind = graph.ActorAnonymous
	m.nominal = lastLow
	m.plural = strings.HasSuffix(lastLow, "s") && !strings.HasSuffix(lastLow, "ss")
	m.personal = d.is(b, wAnon|wTitle)
	if demo != "" {
		m.affil = &mention{country: demo, kind: graph.ActorGovernment, name: r.cname(demo)}
	}
	if d.is(b, wTitle) {
		m.title = full
	}
	if d.is(b, wOrg|wGov) {
		m.kind = graph.ActorOrganization
		m.personal = false
		m.plural = false
	}
}

// lastWord returns the last space-separated word of s.
func lastWord(s string) string {
	if k := strings.LastIndexByte(s, ' '); k >= 0 {
		return s[k+1:]
	}
	return s
}

// allTitles reports whether every word of tokens [a, b] is a title word.
func (d *doc) allTitles(a, b int) bool {
	for k := a; k <= b; k++ {
		if d.word(k) && !d.is(k, wTitle) {
			return false
		}
	}
	return a <= b
}

// namedAppositive reports whether tokens from x start a proper name that
// runs to b or to the next comma.
func (d *doc) namedAppositive(x, b int) bool {
	n := 0
	for k := x; k <= b; k++ {
		t := d.toks[k]
		if t.low == "," {
			break
		}
		if t.kind != tWord || !t.upper || d.is(k, wStarter) {
			return false
		}
		n++
	}
	return n >= 1 && n <= 4
}

// nameDescriptors are words that, written before a personal name, describe
// its bearer rather than name them: "Democrat Hillary Clinton", "Rival
// Bernie Sanders", "GOP nominee Donald Trump".
var nameDescriptors = wordSet("democrat republican gop libertarian independent conservative liberal progressive socialist rival fellow incumbent challenger front-runner frontrunner billionaire businessman businesswoman tycoon mogul")

// honorifics are titles that, right before a surname, make it a personal
// name whatever the surname means as a word ("Mr. King", "Mrs. Bishop").
var honorifics = wordSet("mr. mr mrs. mrs ms. ms dr. dr miss")

// honorificName reports whether the capitalised word at n, a title word by
// the lexicon, is a surname after an honorific ("Mr. King"): it ends the
// phrase at b and follows "Mr.", "Mrs.", "Ms." or "Dr.".
func (d *doc) honorificName(n, b int) bool {
	return n == b && honorifics[d.low(n-1)]
}

// leadingFragment reports whether token a opens a clause rather than a
// name, so that a noun phrase starting there drops it: a preposition,
// subordinator or clause adverb ("Whether", "Unlike", "Even"), or a
// capitalised determiner or "one" opening the sentence ("Many Democrats",
// "One Republican").
func (d *doc) leadingFragment(a int) bool {
	t := &d.toks[a]
	if t.kind != tWord || d.is(a, wTitle|wOrg|wAnon|wDoc|wGov|wMedia) {
		return false
	}
	if fragmentWords[t.low] || d.is(a, wPrep|wSub|wConj) {
		return true
	}
	first := a == 0 || d.toks[a-1].sent != t.sent || d.toks[a-1].kind == tQuote
	return t.low == "one" && d.word(a+1) && !d.is(a+1, wPrep) || first && t.upper && d.is(a, wDet)
}

// lowJoin returns the lower-case words of tokens [a, b] joined as
// joinToks joins them; a single token costs no allocation.
func (r *resolver) lowJoin(a, b int) string {
	if a == b {
		return r.d.toks[a].low
	}
	if s, ok := r.d.lowerSpan(a, b); ok {
		return s
	}
	var sb strings.Builder
	for k := a; k <= b; k++ {
		t := r.d.toks[k]
		if k > a && t.low != "'s" && !(t.kind == tPunct && t.low != "&") {
			sb.WriteByte(' ')
		}
		sb.WriteString(t.low)
	}
	return sb.String()
}

// lowerSpan returns lowJoin(a, b) as a substring of d.lower, without
// building a string, when the text of tokens [a, b] is that string already:
// each token's low is its lower-cased text and the tokens are separated as
// lowJoin separates them (one space, or none before "'s" and punctuation).
func (d *doc) lowerSpan(a, b int) (string, bool) {
	for k := a; k <= b; k++ {
		t := &d.toks[k]
		if k > a {
			p := &d.toks[k-1]
			if t.low != "'s" && !(t.kind == tPunct && t.low != "&") {
				if t.start != p.end+1 || d.text[p.end] != ' ' {
					return "", false
				}
			} else if t.start != p.end {
				return "", false
			}
		}
		if t.low != d.lower[t.start:t.end] {
			return "", false
		}
	}
	return d.lower[d.toks[a].start:d.toks[b].end], true
}
