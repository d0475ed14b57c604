package main

import (
	"math/rand/v2"
	"strings"
)

// The world is invented from syllables, so every name, place, organisation
// and agency is fictional; a seed fixes it.
var (
	placeHeads = []string{"Vel", "Kor", "Ost", "Mar", "Dra", "Sel", "Tav", "Bri", "Hal", "Zen", "Quor", "Lun", "Ard", "Fen", "Gal", "Rho", "Nim", "Cal", "Vor", "Est", "Myr", "Tor", "Ulm", "Pell", "Sar", "Kest", "Orv", "Bel", "Dun", "Jor"}
	placeMids  = []string{"", "a", "e", "i", "o", "an", "er", "il", "or", "un"}
	countryEnd = []string{"ania", "oria", "avia", "enia", "mark", "stan", "land", "ora", "esh", "ovia", "aria", "ith"}
	cityEnd    = []string{"grad", "holm", "ford", "port", "vik", "burg", "mouth", "ton", "ova", "ir", "ssa", "ene", "dal", "wick"}

	maleFirst   = []string{"Aldric", "Tovan", "Edric", "Pavel", "Keld", "Arvid", "Falk", "Nils", "Bo", "Tomas", "Osric", "Lennart", "Dario", "Ivo", "Casimir", "Brannoc", "Halvard", "Mattis", "Ruven", "Sorin", "Teodor", "Anselm", "Yaro", "Emeric", "Lucan", "Oren", "Stellan", "Vidar", "Joran", "Marek"}
	femaleFirst = []string{"Mirela", "Ilse", "Marta", "Hanne", "Greta", "Ulla", "Ines", "Rosalind", "Jorun", "Liesel", "Annika", "Serafina", "Tove", "Oona", "Katya", "Elsbeth", "Maren", "Nadia", "Ysolde", "Petra", "Ottilie", "Runa", "Vesna", "Clio", "Alenka", "Brida", "Dagny", "Fenna", "Hedda", "Ilka"}
	surHeads    = []string{"Kell", "Brenn", "Varn", "Ors", "Penr", "Lindqv", "Aron", "Sebor", "Aberh", "Solv", "Marr", "Vell", "Sorv", "Ald", "Quell", "Toll", "Hask", "Dravn", "Mor", "Straub", "Velt", "Korr", "Ambr", "Fald", "Gern", "Hollv", "Istv", "Jask", "Lom", "Nyb"}
	surTails    = []string{"endorf", "ick", "holt", "ik", "ick", "ar", "sen", "org", "olm", "ang", "ow", "ane", "ig", "ing", "ers", "ovic", "ström", "ani", "enko", "el", "ard", "ley", "ach", "inen"}

	ministries = []string{"Foreign Ministry", "Defence Ministry", "Interior Ministry", "Finance Ministry", "Ministry of Water Resources", "Trade Ministry", "Health Ministry", "Ministry of Energy", "Transport Ministry", "Agriculture Ministry"}
	govRoles   = []string{"Foreign Minister", "Defence Minister", "Interior Minister", "Finance Minister", "Prime Minister", "President", "Deputy Prime Minister", "Energy Minister", "Trade Minister", "Health Minister"}
	spokesRole = []string{"Foreign Ministry spokesman", "Defence Ministry spokeswoman", "government spokesman", "presidential spokeswoman", "Interior Ministry spokesman", "army spokesman"}
	orgKinds   = []string{"{x} Workers' Union", "{x} Chamber of Commerce", "{x} Human Rights Watch", "{x} Farmers' Council", "{x} Shipping Consortium", "{x} Energy Company", "{x} Rail Authority", "{x} Medical Association", "{x} Press Freedom Centre", "{x} Water Board"}
	groupKinds = []string{"{x} Liberation Front", "{x} People's Movement", "{x} Resistance Council", "{x} Freedom Brigades"}
	agencyKind = []string{"{x} Press Agency", "{x} News Service", "{x} Wire", "{x} Telegraph Agency"}
	outlets    = []string{"The {x} Herald", "{x} Daily", "The {x} Courier", "{x} Evening Post", "The {x} Observer", "{x} Today"}
	documents  = []string{"a United Nations report", "a leaked cabinet memo", "a report by the {adj} Audit Office", "court documents", "satellite images published by the {adj} Space Agency", "a parliamentary inquiry", "an internal audit"}

	topics = []topic{
		{"water", "the dam on the {place} River", "water rights", []string{"diverting water from the {place} River", "cutting the flow of the {place} River by a third", "building the dam without consultation"}},
		{"border", "the border crossing at {place}", "border security", []string{"sheltering armed groups near the border", "firing shells across the border at {place}", "closing the crossing at {place} without warning"}},
		{"trade", "the tariff dispute", "trade", []string{"dumping cheap steel on its markets", "blocking grain shipments at {place}", "breaking the trade agreement signed in {capital}"}},
		{"energy", "the pipeline through {place}", "energy supplies", []string{"cutting gas supplies in the middle of winter", "overcharging for electricity sold to {place}", "sabotaging the pipeline near {place}"}},
		{"election", "the vote in {place}", "the elections", []string{"interfering in the elections", "funding opposition groups in {place}", "spreading false reports about the vote in {place}"}},
		{"port", "the new port at {place}", "the port project", []string{"awarding the port contract to a company it controls", "seizing fishing boats off {place}", "dredging the harbour at {place} without permits"}},
		{"health", "the fever outbreak in {place}", "public health", []string{"hiding the scale of the outbreak in {place}", "withholding vaccines from {place}", "ignoring warnings from doctors in {place}"}},
	}

	cueThat   = []string{"said", "said", "warned", "claimed", "insisted", "stressed", "argued", "noted", "acknowledged", "believes", "added"}
	quoteBase = []string{
		"We will not accept any interference in our internal affairs",
		"This operation ended at midnight and all our units have returned to their bases",
		"The figures speak for themselves",
		"Nobody in this government was informed in advance",
		"We have offered talks again and again, and the answer has always been silence",
		"Our patience is not unlimited",
		"Every family affected by this will be compensated in full",
		"These accusations are baseless and they know it",
		"We are ready to sign tomorrow if the other side is serious",
		"The evidence is overwhelming",
		"This is a matter for the courts, not for politicians",
		"Not a single civilian was harmed",
		"We asked for inspectors a year ago and we are still waiting",
		"Our door remains open",
		"The people of {place} deserve the truth",
		"What happened at {place} must never happen again",
		"We will respond at a time and place of our choosing",
		"There is no military solution to this dispute",
	}
	futures = []string{
		"talks would resume next week in {place}",
		"the project would be finished by the end of the year",
		"the crossing at {place} would reopen within days",
		"an independent inquiry would be set up",
		"the government would not change its position",
		"further sanctions were being prepared",
		"compensation would be paid to families in {place}",
		"more than {n} people had been forced from their homes",
		"{n} soldiers had been moved to the area in recent weeks",
		"the agreement had been violated at least {n} times",
		"prices had risen by {pct} percent since January",
		"the inspectors had been refused entry at {place}",
	}
	background = []string{
		"Relations between the two neighbours have been strained since {year}.",
		"The dispute has already cost both economies an estimated {n} million crowns.",
		"{place} lies about {n} kilometres from the border.",
		"Talks brokered by {country} collapsed in {year}.",
		"Traffic at the crossing has fallen by {pct} percent this year, customs figures show.",
		"Both governments have exchanged protest notes several times this month.",
		"Local markets in {place} were closed on Monday, residents said.",
		"The region has seen repeated flooding over the past decade.",
		"Hundreds of trucks were waiting on both sides of the border by evening.",
		"The issue is expected to dominate next month's regional summit in {capital}.",
		"Diplomats in {capital} described the mood as tense but not hopeless.",
		"The {adj} parliament is due to debate the matter on Thursday.",
		"Satellite images taken last week show new construction near {place}.",
		"The last round of negotiations, held in {capital} in {year}, ended without a joint statement.",
	}
	months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

type topic struct {
	key        string
	thing      string // "the dam on the {place} River"
	area       string
	accusation []string // "diverted water from the {place} River"
}

// country is a fictional state with its capital, government and people.
type country struct {
	name, adj, capital string
	cities             []string
	leaders            []*person // ministers and spokespeople
	orgs, groups       []string
}

// person is a fictional named speaker.
type person struct {
	first, last, role string
	female            bool
	country           *country
}

func (p *person) full() string { return p.first + " " + p.last }
func (p *person) pronoun() string {
	if p.female {
		return "She"
	}
	return "He"
}

// world is everything one seed invents.
type world struct {
	countries []*country
	agencies  []agency
	outlets   []string
}

type agency struct{ name, abbr string }

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// newWorld invents countries, people, organisations and agencies.
func newWorld(r *rand.Rand) *world {
	w := &world{}
	seen := map[string]bool{}
	place := func(ends []string) string {
		for {
			s := pick(r, placeHeads) + pick(r, placeMids) + pick(r, ends)
			s = strings.ReplaceAll(s, "aa", "a")
			if !seen[s] {
				seen[s] = true
				return s
			}
		}
	}
	surname := func() string { return pick(r, surHeads) + pick(r, surTails) }
	for range 12 {
		name := place(countryEnd)
		c := &country{name: name, adj: adjective(name), capital: place(cityEnd)}
		for range 5 {
			c.cities = append(c.cities, place(cityEnd))
		}
		for i := range 8 {
			female := r.IntN(2) == 0
			first := pick(r, maleFirst)
			if female {
				first = pick(r, femaleFirst)
			}
			role := govRoles[i%len(govRoles)]
			if i >= 6 {
				role = pick(r, spokesRole)
			}
			c.leaders = append(c.leaders, &person{first: first, last: surname(), role: role, female: female, country: c})
		}
		for range 3 {
			c.orgs = append(c.orgs, strings.ReplaceAll(pick(r, orgKinds), "{x}", c.adj))
		}
		c.groups = append(c.groups, strings.ReplaceAll(pick(r, groupKinds), "{x}", c.adj))
		w.countries = append(w.countries, c)
	}
	for range 6 {
		name := strings.ReplaceAll(pick(r, agencyKind), "{x}", place(countryEnd))
		abbr := ""
		for _, f := range strings.Fields(name) {
			abbr += f[:1]
		}
		w.agencies = append(w.agencies, agency{name, abbr})
	}
	for range 10 {
		w.outlets = append(w.outlets, strings.ReplaceAll(pick(r, outlets), "{x}", place(cityEnd)))
	}
	return w
}

// adjective makes a demonym: Velania → Velanian, Kormark → Kormarki.
func adjective(name string) string {
	switch {
	case strings.HasSuffix(name, "a"):
		return name + "n"
	case strings.HasSuffix(name, "stan"), strings.HasSuffix(name, "mark"):
		return name + "i"
	case strings.HasSuffix(name, "land"):
		return name + "ic"
	}
	return name + "ian"
}
