package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file decides whether a name can name an actor at all: a speaker is
// a noun phrase naming an entity, never a function word ("Although",
// "In"), a date ("Monday", "On September 27"), a number ("59", "30
// exclamation") or a fragment of a clause ("dialing back").

// numberWords are numerals written as words, and words that make a number
// of one ("percent", "million").
var numberWords = wordSet("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen dozens hundreds thousands millions billions percent per cent first second third fourth fifth half quarter")

// fragmentWords are words that, alone or opening a name, make it a piece of
// a clause rather than a name: function words the lexicon does not tag,
// contractions and clause adverbs.
var fragmentWords = wordSet("everything something anything nothing past ago however there here yes no not just even only also too so then thus hence therefore unlike including whether although though despite except besides rather instead meanwhile otherwise nevertheless nonetheless anyway perhaps maybe else ever never always already still yet you're we're they're it's that's there's here's i'm he's she's what's let's can't don't won't isn't etc")

// particles are adverbs that end a phrasal verb ("dialing back").
var particles = wordSet("back up down out off away over around along through")

// junkBits are the lexicon's sets of function words and date words.
const junkBits = wAux | wAdv | wNeg | wDet | wPron | wPrep | wSub | wConj | wTime | wMonth | wStarter

// nounBits are the lexicon's sets of nouns that head a speaker's name.
const nounBits = wAnon | wOrg | wTitle | wGov | wDoc | wMedia

// openerBits are the sets whose word, opening a capitalised phrase, marks a
// fragment of a clause ("In Ohio", "Although Trump", "On September 27").
const openerBits = wPrep | wSub | wConj

// wordSet returns the set of the space-separated words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// isNumber reports whether w is written in digits ("59", "2016", "30s",
// "$1.2", "10%").
func isNumber(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r) || r == '$' || r == '#'
}

// junkName reports whether name cannot name an actor: every word of it is
// a function word, a date or time word, or a number; or it opens with a
// preposition, conjunction or subordinator (a clause fragment: "In Ohio",
// "Whether Clinton"); or it is a number of something that is not a person
// or body ("30 exclamation", "44 percent"); or, written in lower case, it
// opens with an -ing form ("dialing back").
func junkName(name string) bool {
	lx := buildLexicon()
	if properFirst(name, lx) {
		return false // the common case, without allocating
	}
	words := strings.Fields(strings.ToLower(strings.Trim(name, " \t\n.,;:!?\"'’“”()")))
	for len(words) > 0 && (words[0] == "the" || words[0] == "a" || words[0] == "an") {
		words = words[1:]
	}
	if len(words) == 0 {
		return true
	}
	allJunk := true
	for _, w := range words {
		w = strings.Trim(w, ".,;:!?\"'’“”()")
		if w == "" || isNumber(w) || numberWords[w] || fragmentWords[w] || lx.sets[w]&junkBits != 0 {
			continue
		}
		allJunk = false
		break
	}
	if allJunk {
		return true
	}
	first := strings.Trim(words[0], ".,;:!?\"'’“”()")
	if lx.sets[first]&openerBits != 0 && lx.sets[first]&(wTitle|wOrg|wAnon|wDoc|wGov|wMedia) == 0 || fragmentWords[first] {
		return true
	}
	if isNumber(first) || numberWords[first] && first != "one" {
		// "10 voters" and "two officials" are groups; "30 exclamation"
		// and "44 percent" are not.
		head := strings.Trim(words[len(words)-1], ".,;:!?\"'’“”()")
		return lx.sets[head]&(wAnon|wOrg|wTitle|wGov|wDoc|wMedia) == 0 && !strings.HasSuffix(head, "ers") && !strings.HasSuffix(head, "ians") && !strings.HasSuffix(head, "ists")
	}
	if r, _ := utf8.DecodeRuneInString(name); unicode.IsLower(r) && strings.HasSuffix(first, "ing") && len(first) > 5 && lx.sets[first]&nounBits == 0 {
		// "dialing back", "fueling"; not "mining companies" or "the
		// neighboring state", whose head is a noun.
		head := strings.Trim(words[len(words)-1], ".,;:!?\"'’“”()")
		return len(words) == 1 || particles[head] || lx.sets[head]&junkBits != 0 && lx.sets[head]&nounBits == 0
	}
	return false
}

// properFirst reports whether name starts with an ASCII word that is no
// function word, number, date or fragment (a capitalised name, or a noun as
// in "senior official"), so that junkName need not look further.
func properFirst(name string, lx *lexicon) bool {
	if name == "" || name[0] >= '0' && name[0] <= '9' {
		return false
	}
	var buf [24]byte
	n := 0
	for i := 0; i < len(name) && name[i] != ' '; i++ {
		c := name[i]
		if c >= utf8.RuneSelf || n == len(buf) {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	w := buf[:n]
	if n > 0 && (w[n-1] == '.' || w[n-1] == ',') {
		w = w[:n-1]
	}
	if len(w) == 0 || w[0] < 'a' || w[0] > 'z' || name[0] >= 'a' && len(w) > 3 && string(w[len(w)-3:]) == "ing" {
		return false
	}
	return lx.sets[string(w)]&junkBits == 0 && !numberWords[string(w)] && !fragmentWords[string(w)]
}
