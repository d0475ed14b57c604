package store

import (
	"strings"
	"unicode/utf8"
)

// searchQuery is a parsed search query: its searchable terms, and the
// phrases (text in double quotes) whose words must stand adjacent and in
// order.
type searchQuery struct {
	// terms are the distinct searchable terms, phrase words included, at
	// most maxQueryTerms.
	terms []string
	// phrases hold the word keys (phraseKey) of each phrase of two or more
	// words, in order.
	phrases [][]string
	// bold holds every term of the query (past the 32nd too), for snippets.
	bold map[string]bool
}

// quotes open and close phrases: straight and curly double quotes.
const quotes = "\"\u201c\u201d\u201e"

// parseQuery splits a query into words and "quoted phrases"; a quote left
// open runs to the end of the query. A phrase of one word is that word.
func parseQuery(q string) searchQuery {
	out := searchQuery{bold: map[string]bool{}}
	seen := map[string]bool{}
	addTerms := func(toks []token) {
		for _, tok := range toks {
			if tok.term == "" {
				continue
			}
			out.bold[tok.term] = true
			if !seen[tok.term] {
				seen[tok.term] = true
				out.terms = append(out.terms, tok.term)
			}
		}
	}
	inside := false
	for len(q) > 0 {
		i := strings.IndexAny(q, quotes)
		seg := q
		if i >= 0 {
			seg = q[:i]
		}
		toks := tokens(seg)
		addTerms(toks)
		if inside {
			if keys := phraseKeys(seg, toks); len(keys) > 1 && hasTerm(toks) {
				out.phrases = append(out.phrases, keys)
			}
		}
		if i < 0 {
			break
		}
		_, size := utf8.DecodeRuneInString(q[i:])
		q = q[i+size:]
		inside = !inside
	}
	if len(out.terms) > maxQueryTerms {
		out.terms = out.terms[:maxQueryTerms]
	}
	return out
}

// hasTerm reports whether any token is a searchable word.
func hasTerm(toks []token) bool {
	for _, t := range toks {
		if t.term != "" {
			return true
		}
	}
	return false
}

// phraseKey is how a word is compared within a phrase: its search term,
// or, for a stopword, "=" and the word in lower case (a phrase's stopwords
// must be the same words).
func phraseKey(text string, tok token) string {
	if tok.term != "" {
		return tok.term
	}
	return "=" + strings.ToLower(strings.ReplaceAll(text[tok.start:tok.end], "\u2019", "'"))
}

// phraseKeys returns the phrase keys of the tokens of text.
func phraseKeys(text string, toks []token) []string {
	keys := make([]string, len(toks))
	for i, tok := range toks {
		keys[i] = phraseKey(text, tok)
	}
	return keys
}

// hasPhrase reports whether the words of text include phrase (keys made
// by phraseKey) adjacent and in order; punctuation between words does not
// part them.
func hasPhrase(text string, phrase []string) bool {
	if len(phrase) == 0 {
		return true
	}
	toks := tokens(text)
	for i := 0; i+len(phrase) <= len(toks); i++ {
		j := 0
		for j < len(phrase) && phraseKey(text, toks[i+j]) == phrase[j] {
			j++
		}
		if j == len(phrase) {
			return true
		}
	}
	return false
}

// hasPhrases reports whether text has every phrase of q.
func (q searchQuery) hasPhrases(text string) bool {
	for _, p := range q.phrases {
		if !hasPhrase(text, p) {
			return false
		}
	}
	return true
}
