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
	if a+1 < b && isPossessiveDet(d.low(a)) && d.low(a+1) == "own" {
		// "his own party leadership": the body itself, named without the
		// pronoun (the owner is the speaker, who cannot be its target).
		a += 2
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
		if d.low(k) == "'s" && d.is(a, wTitle) && !d.toks[a].upper && d.hasPrep(a+1, k-1) {
			// "the head of the party's rules committee": the possessive
			// sits inside the role's complement, which the split of the
			// prepositional phrase below reads whole.
			break
		}
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
// (no determiner, no appositive, no prepositional phrase). Each step
// decides one reading or leaves the phrase to the next: a country or its
// government, a known international body, a news agency or publisher, an
// anonymous speaker opening the sentence, a document, a described news
// outlet, a personal name (titled or not), a descriptor before a name, a
// capitalised organisation, and last a lower-case description.
func (r *resolver) classify(m *mention, a, b int) {
	d := r.d
	full := r.joinToks(a, b)
	key := r.lowJoin(a, b)
	m.name = full
	if r.government(m, a, b, full, key) {
		return
	}
	if knownOrgs[key] {
		m.kind = graph.ActorOrganization
		return
	}
	if r.newsSource(m, a, b, key) || r.anonymousOpener(m, a, b) {
		return
	}
	allCap, anyCap := d.capitals(a, b)
	if allCap && a < b && d.is(b, wMedia) && !d.is(b, wOrg) {
		m.source, m.skind = true, graph.SourcePublisher
		return
	}
	if r.documentSource(m, a, b) {
		return
	}
	np := namePhrase{a: a, b: b, full: full}
	np.lead, np.demo = r.leadingDemonym(a, b)
	np.nameStart, np.titled = r.nameRun(np.lead, b)
	if np.titled && np.nameStart <= b && !d.tok(np.nameStart-1).upper && r.describedOutlet(m, np.nameStart, b) {
		return
	}
	if r.personalName(m, &np) {
		return
	}
	if anyCap && !allCap && d.toks[b].upper && d.toks[b].kind == tWord && r.describedName(m, a, b) {
		return
	}
	if anyCap {
		r.capitalisedOrg(m, &np, allCap)
		return
	}
	r.description(m, &np)
}

// namePhrase is what classify has read of the noun phrase [a, b] when it
// looks for a name in it.
type namePhrase struct {
	a, b      int
	full      string // the phrase's text
	lead      int    // the first token after a leading demonym
	demo      string // the country of that demonym ("Pakistani", "U.S."), or ""
	nameStart int    // the first token of the trailing run of name words, b+1 if none
	titled    bool   // a title, role or description stands before that run
}

// govBodies are words that make a capitalised organisation's name a
// government's ("Saudi Foreign Ministry", "Ministry of Defense").
var govBodies = wordSet("ministry department government administration cabinet parliament congress senate embassy army military police forces")

// nationalBodies are institutions of a country that a demonym before
// them makes government ("the Pakistani army").
var nationalBodies = wordSet("army military police forces navy government ministry authorities")

// publisherHeads are heads of a description of a publisher ("state media",
// "state television").
var publisherHeads = wordSet("media television tv radio newspaper broadcaster daily outlet")

// newsWords make an "agency" or "service" a news agency ("state news
// agency", "Press Service").
var newsWords = wordSet("news press")

// agencyHeads and outletHeads are heads of a description before a news
// outlet's name: "the state news agency Tarvos Press", "the daily Velda
// Courier".
var (
	agencyHeads = wordSet("agency wire service")
	outletHeads = wordSet("newspaper daily broadcaster channel weekly tabloid outlet website magazine")
)

// femaleHonorifics and maleHonorifics before a name give its bearer's
// gender, and are no title.
var (
	femaleHonorifics = wordSet("mrs. ms. mrs ms madam mme.")
	maleHonorifics   = wordSet("mr. mr sir")
)

// setCountry makes m the government of the country code.
func (r *resolver) setCountry(m *mention, code string) {
	m.country, m.kind, m.name = code, graph.ActorGovernment, r.cname(code)
}

// countryOf returns a mention of the government of the country code, as
// an affiliation.
func (r *resolver) countryOf(code string) *mention {
	return &mention{country: code, kind: graph.ActorGovernment, name: r.cname(code)}
}

// government reports whether tokens [a, b] (text full, lower-case key)
// name a country or its government: a country, a capital, a government's
// alias or a name the text gave one, or a demonym or country before a
// government word ("the Pakistani government", "Afghan authorities",
// "Pakistan's government"). It makes m that government.
func (r *resolver) government(m *mention, a, b int, full, key string) bool {
	d := r.d
	code := r.countryCode(key)
	if code == "" {
		code = r.g.capital[key]
	}
	if code == "" {
		code = r.g.govAlias[key]
	}
	if code == "" && len(r.govNames) > 0 {
		code = r.govNames[r.key(full)]
	}
	if code == "" && a < b && d.is(b, wGov) && (!d.toks[b].upper || d.low(b) != "authority") {
		lead := r.lowJoin(a, b-1)
		code = r.demonymCode(lead)
		if code == "" {
			code = r.countryCode(lead)
		}
	}
	if code == "" {
		return false
	}
	r.setCountry(m, code)
	return true
}

// knownSource reports whether key is a news agency or publisher the
// gazetteer knows, and makes m that source.
func (r *resolver) knownSource(m *mention, key string) bool {
	if e := r.g.agency[key]; e != nil {
		m.source, m.skind, m.name, m.aliases = true, graph.SourceAgency, e.name, e.aliases
		return true
	}
	if e := r.g.media[key]; e != nil {
		m.source, m.skind, m.name, m.aliases = true, graph.SourcePublisher, e.name, e.aliases
		return true
	}
	return false
}

// newsSource reports whether tokens [a, b] (lower-case key) name a news
// agency or publisher, and makes m that source: a known one, a known one
// after a description ("state news agency IRNA", "the Qatari broadcaster
// Al Jazeera"), or a description alone ("state media", "state
// television", "the official news agency").
func (r *resolver) newsSource(m *mention, a, b int, key string) bool {
	d := r.d
	if r.knownSource(m, key) {
		return true
	}
	for k := a + 1; k <= b; k++ {
		if !d.toks[k].upper || d.tok(k-1).upper {
			continue
		}
		if r.knownSource(m, r.lowJoin(k, b)) {
			return true
		}
	}
	switch h := d.low(b); {
	case publisherHeads[h]:
		if !d.toks[b].upper && d.low(b-1) != "social" {
			m.source, m.skind = true, graph.SourcePublisher
			return true
		}
	case h == "agency" || h == "service":
		if newsWords[d.low(b-1)] || d.is(b-1, wMedia) && d.tok(b-1).upper && h == "agency" || h == "agency" && !d.toks[b].upper && d.tok(b-1).upper && b-1 == a && !d.is(b-1, wOrg|wGov|wTitle) && r.countryCode(d.low(b-1)) == "" && r.demonymCode(d.low(b-1)) == "" {
			m.source, m.skind = true, graph.SourceAgency
			return true
		}
	}
	return false
}

// anonymousOpener reports whether the one-word phrase at a is a noun for
// unnamed speakers capitalised only because it opens the sentence
// ("Analysts said"), and makes m those speakers.
func (r *resolver) anonymousOpener(m *mention, a, b int) bool {
	d := r.d
	if a != b || !d.is(a, wAnon) || a != 0 && d.tok(a-1).sent == d.toks[a].sent {
		return false
	}
	m.kind, m.nominal, m.personal = graph.ActorAnonymous, d.low(a), true
	m.plural = strings.HasSuffix(d.low(a), "s")
	return true
}

// capitals reports whether every word of tokens [a, b] is capitalised and
// whether any is, leaving out "'s", "and", "&" and prepositions inside the
// phrase.
func (d *doc) capitals(a, b int) (allCap, anyCap bool) {
	allCap = true
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
	return allCap, anyCap
}

// documentSource reports whether tokens [a, b] end in a document noun
// ("a report", "the poll"), lower case or in a headline, and makes m that
// document, with its author as affiliation when a name of an
// organisation or government comes first ("a UN report", "the Audit
// Office review").
func (r *resolver) documentSource(m *mention, a, b int) bool {
	d := r.d
	if !d.is(b, wDoc) || d.toks[b].upper && !d.sents[d.toks[b].sent].head {
		return false
	}
	m.source, m.skind = true, graph.SourceDocument
	if b > a && d.toks[b-1].upper && d.toks[b-1].kind == tWord {
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
	return true
}

// leadingDemonym returns the first token after a demonym or country name
// that opens tokens [a, b] and the country's code: "Pakistani Defense
// Minister Khawaja Muhammad Asif", "Iranian officials", "U.S. officials"
// (not "U.S. government"). Without one it returns a and "".
func (r *resolver) leadingDemonym(a, b int) (lead int, demo string) {
	d := r.d
	if code := r.demonymCode(d.low(a)); code != "" && a < b {
		return a + 1, code
	}
	if code := r.countryCode(d.low(a)); code != "" && a < b && !d.is(a+1, wGov) {
		return a + 1, code
	}
	return a, ""
}

// nameRun returns the start of the run of capitalised name words that
// ends tokens [lead, b] (title, organisation and role words and demonyms
// stop it, but a surname after an honorific does not), and whether a
// title, role, descriptor or lower-case word stands before it.
func (r *resolver) nameRun(lead, b int) (nameStart int, titled bool) {
	d := r.d
	n := b
	for n >= lead && d.tok(n).upper && d.tok(n).kind == tWord && (!d.is(n, wTitle|wOrg|wGov|wAnon) || d.honorificName(n, b)) && r.demonymCode(d.low(n)) == "" && !(n < b && nameDescriptors[d.low(n)]) {
		n--
	}
	nameStart = n + 1
	titled = nameStart > lead && (d.is(nameStart-1, wTitle|wAnon) || nameDescriptors[d.low(nameStart-1)] || !d.tok(nameStart-1).upper && d.word(nameStart-1) && !d.is(nameStart-1, wPrep|wConj))
	return nameStart, titled
}

// describedOutlet reports whether the name [n, b] follows a lower-case
// description of a news outlet ("the state news agency Tarvos Press",
// "the daily Velda Courier"), and makes m that source.
func (r *resolver) describedOutlet(m *mention, n, b int) bool {
	d := r.d
	switch h := d.low(n - 1); {
	case agencyHeads[h]:
		if newsWords[d.low(n-2)] || h == "wire" {
			m.source, m.skind, m.name = true, graph.SourceAgency, r.joinToks(n, b)
			return true
		}
	case outletHeads[h]:
		m.source, m.skind, m.name = true, graph.SourcePublisher, r.joinToks(n, b)
		return true
	}
	return false
}

// personalName reports whether the phrase is a name that classify can
// settle: an organisation introduced by what it is ("the mining company
// Greyfield Aggregates"), or a person's name with or without a title
// ("Defense Minister Khawaja Asif", "Mr. Smith"), which may turn out a
// group ("Republicans") or an organisation ("the Taliban"). It fills m.
func (r *resolver) personalName(m *mention, np *namePhrase) bool {
	d := r.d
	a, b, lead, n := np.a, np.b, np.lead, np.nameStart
	if n > b || n == lead && np.demo != "" {
		return false
	}
	hasOrg := false
	for k := lead; k <= b; k++ {
		if d.is(k, wOrg|wGov) && d.toks[k].upper {
			hasOrg = true
		}
	}
	if np.titled && !d.tok(n-1).upper && (d.is(n-1, wOrg) || orgHeads[d.low(n-1)]) && !d.is(n-1, wTitle|wAnon) {
		// "the mining company Greyfield Aggregates": an organisation
		// introduced by what it is.
		m.name = r.joinToks(n, b)
		m.kind = graph.ActorOrganization
		m.company = companyNominal[d.low(n-1)] || orgHeads[d.low(n-1)]
		return true
	}
	if !np.titled && (hasOrg || n != lead) {
		return false
	}
	m.name = r.joinToks(n, b)
	if np.titled {
		m.title = r.joinToks(lead, n-1)
		if np.demo != "" {
			m.affil = r.countryOf(np.demo)
		}
	}
	m.kind = graph.ActorPerson
	m.personal = true
	if lastLow := d.low(b); n == b && strings.HasSuffix(lastLow, "s") && !np.titled && !strings.HasSuffix(lastLow, "ss") && len(lastLow) > 3 {
		m.kind = graph.ActorGroup // "Republicans", "Democrats"
		m.personal = false
		m.plural = true
	}
	if n == b && !np.titled && (a > 0 && d.low(a-1) == "the") {
		m.kind = graph.ActorOrganization // "the Taliban"
		m.personal = false
	}
	r.nameGender(m, n, b)
	return true
}

// nameGender reads the gender of the person named by tokens [n, b] from an
// honorific before the name ("Mrs.", "Sir"; it is then no title) or a
// known first name.
func (r *resolver) nameGender(m *mention, n, b int) {
	d := r.d
	if h := d.low(n - 1); femaleHonorifics[h] {
		m.title, m.female = "", true
	} else if maleHonorifics[h] {
		m.title, m.male = "", true
	}
	if n < b {
		switch firstNames[d.low(n)] {
		case 'f':
			m.female = true
		case 'm':
			m.male = true
		}
	}
}

// describedName reports whether tokens [a, b] are a plain lower-case
// descriptor before a proper name ("the opposition Civic Alliance", "the
// ruling Progress Party"): m is then the name, with the descriptor as its
// title unless the name is a source or a country.
func (r *resolver) describedName(m *mention, a, b int) bool {
	d := r.d
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
	if !plain {
		return false
	}
	desc := r.joinToks(a, f-1)
	r.classify(m, f, b)
	if m.title == "" && !m.source && m.country == "" {
		m.title = desc
	}
	return true
}

// capitalisedOrg makes m the organisation a capitalised phrase names
// ("Saudi Foreign Ministry", "Ministry of Defense", "Pakistani Taliban"),
// a government body when a word says so; a phrase in capitals throughout
// may instead be a demonym's group or a bare title ("the President", "the
// Defense Minister").
func (r *resolver) capitalisedOrg(m *mention, np *namePhrase, allCap bool) {
	d := r.d
	m.kind = graph.ActorOrganization
	for k := np.a; k <= np.b; k++ {
		if govBodies[d.low(k)] {
			m.kind = graph.ActorGovernment
		}
	}
	if !allCap {
		r.mixedCaseOrg(m, np)
		return
	}
	if np.demo != "" && np.lead == np.b && !d.is(np.b, wOrg|wGov) {
		m.kind = graph.ActorGroup
	}
	if d.allTitles(np.lead, np.b) {
		// "the President", "the Defense Minister".
		m.kind = graph.ActorAnonymous
		m.nominal = d.low(np.b)
		m.personal = true
		m.title = np.full
	}
}

// mixedCaseOrg settles a phrase with capitalised and lower-case words that
// capitalisedOrg first took for an organisation: a role ("Defense
// Ministry spokesman"), a country's body ("the Lumerian intelligence
// service", "the Pakistani army") or a demonym's group.
func (r *resolver) mixedCaseOrg(m *mention, np *namePhrase) {
	d := r.d
	b, lead, demo := np.b, np.lead, np.demo
	lastLow := d.low(b)
	if d.is(b, wTitle|wAnon) && !d.toks[b].upper {
		// "Defense Ministry spokesman": a role.
		m.kind = graph.ActorAnonymous
		m.nominal = lastLow
		m.plural = strings.HasSuffix(lastLow, "s") && !d.is(b, wTitle)
		m.personal = true
		if demo != "" {
			m.affil = r.countryOf(demo)
		}
		m.title = r.joinToks(lead, b)
		return
	}
	if demo != "" && lead < b && !d.toks[b].upper {
		// "the Lumerian intelligence service": that country's.
		m.affil = r.countryOf(demo)
		if stateOrg(lastLow) || lastLow == "service" {
			m.kind = graph.ActorGovernment
		}
	}
	if demo != "" && lead == b {
		m.kind = graph.ActorGroup
		if d.is(b, wOrg|wGov) {
			// "the Pakistani army": an institution of that country.
			m.kind = graph.ActorOrganization
			if nationalBodies[lastLow] {
				m.kind = graph.ActorGovernment
			}
			m.affil = r.countryOf(demo)
		}
	}
}

// description makes m what a lower-case phrase describes: unnamed speakers
// ("a senior official", "local officials", "the spokesman") or an
// organisation ("the ministry").
func (r *resolver) description(m *mention, np *namePhrase) {
	d := r.d
	b := np.b
	lastLow := d.low(b)
	m.kind = graph.ActorAnonymous
	m.nominal = lastLow
	m.plural = strings.HasSuffix(lastLow, "s") && !strings.HasSuffix(lastLow, "ss")
	m.personal = d.is(b, wAnon|wTitle)
	if np.demo != "" {
		m.affil = r.countryOf(np.demo)
	}
	if d.is(b, wTitle) {
		m.title = np.full
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
