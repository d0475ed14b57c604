package extract

import "github.com/claimgraph/claimgraph/graph"

// This file finds companies whose names read like a person's ("Orvik
// Dalen" beside "the company"): a name of two or more capitalised words,
// none of them a known given name, that the article writes as what a role
// works for ("a spokesman for Orvik Dalen", "the chief executive of …"),
// in an article that also speaks of "the company" or "the firm", is an
// organisation, and a company. A person's name there starts with a given
// name ("a spokesman for Donald Trump"), so it stays a person.

// roleLinks are the prepositions that tie a role to whom it serves: "a
// spokesman for X", "the chief executive of X", "a lawyer at X".
var roleLinks = wordSet("for of at")

// scanCompanies fills r.companies with the NameKeys of the names the
// article shows to be companies by the rule of this file. It scans once.
func (r *resolver) scanCompanies() {
	if r.companiesScanned {
		return
	}
	r.companiesScanned = true
	d := r.d
	nominal := false
	for i := 1; i < len(d.toks) && !nominal; i++ {
		nominal = companyNominal[d.toks[i].low] && d.toks[i-1].low == "the"
	}
	if !nominal {
		return
	}
	for i := 0; i+2 < len(d.toks); i++ {
		if !d.is(i, wTitle|wAnon) || d.toks[i].upper || !roleLinks[d.toks[i+1].low] {
			continue
		}
		a := i + 2
		z := a
		for z < len(d.toks) && d.toks[z].kind == tWord && d.toks[z].upper && !d.is(z, wTitle|wOrg|wGov|wStarter) {
			z++
		}
		if z-a < 2 || z-a > 3 || firstNames[d.toks[a].low] != 0 {
			continue
		}
		if r.countryCode(d.toks[a].low) != "" || r.demonymCode(d.toks[a].low) != "" {
			continue
		}
		if r.companies == nil {
			r.companies = map[string]bool{}
		}
		r.companies[r.key(r.joinToks(a, z-1))] = true
	}
}

// companyByUse reports whether a mention read as an untitled personal
// name is a company by the rule of this file, and makes it one.
func (r *resolver) companyByUse(m *mention) bool {
	if m.kind != graph.ActorPerson || m.title != "" || m.male || m.female {
		return false
	}
	r.scanCompanies()
	if !r.companies[r.key(m.name)] {
		return false
	}
	m.kind, m.personal, m.company = graph.ActorOrganization, false, true
	return true
}
