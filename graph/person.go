package graph

import (
	"slices"
	"strings"
)

// This file tells people apart by their names, for Resolve: a name shared
// by two stored people (a surname, "Clinton"; a suffix, "Jr.") must not
// glue the people together across articles. The rule mirrors the
// extractor's within one article, on names alone.

// givenForms maps given-name variants of one person to one form: "Bill
// Clinton" is "William Clinton", "Joe Biden" is "Joseph Biden". Each line
// is a full form then its short forms; a short form on several lines
// ("ted", "pat") belongs to each (see sameGiven).
const givenForms = `william bill billy will willie
robert bob bobby rob robbie
joseph joe joey
michael mike mick
james jim jimmy jamie
thomas tom tommy
richard dick rick ricky rich
edward ed eddie ted ned
theodore ted teddy
charles chuck charlie
christopher chris
daniel dan danny
david dave
donald don donnie
elizabeth liz beth betsy betty lisa
katherine kate kathy katie
kathleen kathy kate
margaret maggie meg peggy
patricia pat patty tricia
patrick pat
anthony tony
andrew andy drew
benjamin ben
samuel sam
stephen steve
steven steve
timothy tim
nicholas nick
jeffrey jeff
gregory greg
lawrence larry
leonard len lenny
ronald ron ronnie
kenneth ken kenny
gerald jerry
alexander alex
matthew matt
frederick fred freddie
philip phil
peter pete
jonathan jon
john jack johnny
susan sue susie
deborah debbie deb
jennifer jen jenny
rebecca becky
mitchell mitch
bernard bernie
newton newt
rudolph rudy
henry hank harry
harold harry hal`

// givenVariants maps each given name of givenForms to the full forms it
// is a variant of (itself among them for a full form).
var givenVariants = func() map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(givenForms, "\n") {
		f := strings.Fields(line)
		for _, n := range f {
			m[n] = append(m[n], f[0])
		}
	}
	return m
}()

// nameTitles are words a personal name may start with that are no part of
// it; the value marks the gender an honorific implies ('f', 'm', or 0).
var nameTitles = map[string]byte{
	"mr": 'm', "sir": 'm', "lord": 'm', "king": 'm', "prince": 'm',
	"mrs": 'f', "ms": 'f', "miss": 'f', "madam": 'f', "mme": 'f', "dame": 'f',
	"lady": 'f', "queen": 'f', "princess": 'f',
	"mx": 0, "dr": 0, "prof": 0, "professor": 0, "rev": 0, "sen": 0, "senator": 0,
	"rep": 0, "gov": 0, "governor": 0, "gen": 0, "general": 0, "president": 0,
	"judge": 0, "justice": 0, "mayor": 0, "sheikh": 0, "former": 0, "prime": 0,
	"minister": 0, "secretary": 0, "chancellor": 0, "ambassador": 0,
}

// nameSuffixes are generational suffixes, folded to one spelling: two
// people whose suffixes differ are two people (Donald Trump and Donald
// Trump Jr.).
var nameSuffixes = map[string]string{
	"jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr",
	"ii": "ii", "2nd": "ii", "iii": "iii", "3rd": "iii", "iv": "iv", "4th": "iv",
}

// personName is a personal name read for comparison: its words (see
// nameWords), with leading titles and trailing suffixes taken off.
type personName struct {
	given  string   // first given name (or initial); "" for a surname alone
	last   string   // surname
	words  []string // every word but titles and suffixes
	suffix string   // "jr", "iii", …, or ""
	gender byte     // 'f' or 'm' when a title says so, else 0
}

// readPersonName splits name into a personName.
func readPersonName(name string) personName {
	var p personName
	words := nameWords(name)
	for len(words) > 1 {
		g, ok := nameTitles[words[0]]
		if !ok {
			break
		}
		if g != 0 {
			p.gender = g
		}
		words = words[1:]
	}
	for len(words) > 1 {
		s, ok := nameSuffixes[words[len(words)-1]]
		if !ok {
			break
		}
		p.suffix = s
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return p
	}
	p.words, p.last = words, words[len(words)-1]
	if len(words) > 1 {
		p.given = words[0]
	}
	return p
}

// nameWords returns the words of a name as NameKey folds them, a
// hyphenated word kept one: "Ocasio-Cortez" is a surname, not a given name
// and a surname.
func nameWords(name string) []string {
	var words []string
	for _, f := range strings.Fields(name) {
		w := NameKey(f)
		if strings.Contains(w, " ") {
			w = strings.ReplaceAll(w, " ", "")
		}
		if w != "" {
			words = append(words, w)
		}
	}
	return words
}

// full reports whether p gives a given name as well as a surname.
func (p personName) full() bool { return p.given != "" }

// sameGiven reports whether two given names (NameKey words) can name one
// person: equal, variants of one name ("bill", "william"), or one an
// initial of the other ("j", "joseph").
func sameGiven(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) == 1 || len(b) == 1 {
		return a[0] == b[0]
	}
	for _, fa := range givenVariants[a] {
		for _, fb := range givenVariants[b] {
			if fa == fb {
				return true
			}
		}
	}
	return false
}

// SameGivenName reports whether two lower-case given names can name one
// person: equal, variants of one name ("bill", "william"), or one an
// initial of the other ("j.", "joseph"). An empty name matches any.
func SameGivenName(a, b string) bool {
	a, b = strings.TrimSuffix(a, "."), strings.TrimSuffix(b, ".")
	if a == "" || b == "" {
		return true
	}
	return sameGiven(a, b)
}

// KnownGivenName reports whether w (lower case) is a given name of the
// variants table.
func KnownGivenName(w string) bool {
	_, ok := givenVariants[w]
	return ok
}

// conflict reports whether p and q cannot name one person (PeopleConflict).
func (p personName) conflict(q personName) bool {
	if p.gender != 0 && q.gender != 0 && p.gender != q.gender {
		return true
	}
	if p.last == "" || q.last == "" {
		return false
	}
	if p.suffix != q.suffix && (p.full() || p.suffix != "") && (q.full() || q.suffix != "") {
		return true
	}
	if !p.full() || !q.full() {
		return false
	}
	if !sameGiven(p.given, q.given) {
		return true
	}
	// "Hillary Rodham" is "Hillary Rodham Clinton"; "Mohammed bin
	// Salman" is not "Mohammed bin Zayed".
	return p.last != q.last && !slices.Contains(p.words, q.last) && !slices.Contains(q.words, p.last)
}

// PeopleConflict reports whether two personal names cannot name one
// person. Full names (a given name and a surname) conflict when their given
// names differ, allowing initials and common short forms ("Bill" and
// "William", "J." and "Joseph"), or when their surnames differ and neither
// name holds the other's ("Hillary Rodham" and "Hillary Rodham Clinton" do
// not conflict). Names conflict when their generational suffixes differ
// ("Donald Trump" and "Donald Trump Jr.", "Trump Jr." and "Trump Sr."),
// and when their honorifics mark different genders ("Mr. Henry" and
// "Mrs. Henry"). A surname alone, without suffix or honorific ("Clinton"),
// conflicts with no name: it may stand for any bearer.
func PeopleConflict(nameA, nameB string) bool {
	return readPersonName(nameA).conflict(readPersonName(nameB))
}

// personProfile is what an actor's names say of the person: the full
// names that identify it and the gender its honorifics mark.
type personProfile struct {
	names  []personName
	gender byte // 'f', 'm', or 0 when unknown or mixed
	mixed  bool // honorifics of both genders were seen
}

// profileOf returns the profile of a person named name with aliases: its
// name when that is a full name, else its full-named aliases (a person
// stored as "Clinton" is whom its aliases name), and the gender of every
// titled name.
func profileOf(name string, aliases []string) personProfile {
	var pr personProfile
	n := readPersonName(name)
	pr.addGender(n.gender)
	if n.full() {
		pr.names = append(pr.names, n)
	}
	for _, s := range aliases {
		a := readPersonName(s)
		pr.addGender(a.gender)
		if !n.full() && a.full() {
			pr.names = append(pr.names, a)
		}
	}
	return pr
}

// addGender notes a gender an honorific marks (0: none).
func (pr *personProfile) addGender(g byte) {
	switch {
	case g == 0 || pr.mixed:
	case pr.gender == 0:
		pr.gender = g
	case pr.gender != g:
		pr.gender, pr.mixed = 0, true
	}
}

// add folds q into pr: another actor's names now known to be pr's.
func (pr *personProfile) add(q personProfile) {
	pr.names = append(pr.names, q.names...)
	if q.mixed {
		pr.gender, pr.mixed = 0, true
	}
	pr.addGender(q.gender)
}

// empty reports whether pr says nothing that could conflict: no full name,
// no gender (a surname alone).
func (pr *personProfile) empty() bool { return len(pr.names) == 0 && pr.gender == 0 }

// conflict reports whether two profiles cannot be one person: their
// genders differ, or a full name of one conflicts with one of the other
// (PeopleConflict). A nil profile (no person) conflicts with none.
func (pr *personProfile) conflict(q *personProfile) bool {
	if pr == nil || q == nil {
		return false
	}
	if pr.gender != 0 && q.gender != 0 && pr.gender != q.gender {
		return true
	}
	for _, a := range pr.names {
		for _, b := range q.names {
			if a.conflict(b) {
				return true
			}
		}
	}
	return false
}
