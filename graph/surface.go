package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span returns the article text at the byte offsets [start, end) as the
// claim's sentence holds it, without the article: the sentence is placed
// in the article by the claim's content and cue, which it holds. ok is
// false when the span lies outside the sentence or the sentence cannot be
// placed (then read it from the article text, ArticleSpan).
func (c *Claim) Span(start, end int) (s string, ok bool) {
	if c == nil || c.Text == "" || start < 0 || end < start {
		return "", false
	}
	for from := 0; ; {
		i := strings.Index(c.Sentence[from:], c.Text)
		if i < 0 {
			return "", false
		}
		at := c.Start - (from + i) // where the sentence starts in the article
		from += i + 1
		cs, ce := c.CueStart-at, c.CueEnd-at
		if cs < 0 || ce > len(c.Sentence) || cs > ce || c.Sentence[cs:ce] != c.Cue {
			continue
		}
		s, e := start-at, end-at
		if s < 0 || e > len(c.Sentence) {
			return "", false
		}
		return c.Sentence[s:e], true
	}
}

// ArticleSpan returns text[start:end], or "" when the offsets do not fit
// text or cut a character.
func ArticleSpan(text string, start, end int) string {
	if start < 0 || end > len(text) || start >= end {
		return ""
	}
	if (start < len(text) && !utf8.RuneStart(text[start])) || (end < len(text) && !utf8.RuneStart(text[end])) {
		return ""
	}
	return text[start:end]
}

// Mention returns how an actor is written in text: the earliest of its
// name and aliases found there as whole words, ignoring case (the longer
// form when two start at the same place), as text writes it; "" when none
// is.
func Mention(text string, a *Actor) string {
	if a == nil {
		return ""
	}
	lower := strings.ToLower(text)
	if len(lower) != len(text) {
		lower = text // folding changed the offsets: match case as written
	}
	best, bestAt := "", -1
	for _, form := range append([]string{a.Name}, a.Aliases...) {
		f := strings.ToLower(strings.TrimSpace(form))
		if f == "" || len(f) != len(strings.TrimSpace(form)) {
			continue // case folding changed its length: offsets would not match
		}
		for from := 0; from < len(lower); {
			i := strings.Index(lower[from:], f)
			if i < 0 {
				break
			}
			at := from + i
			from = at + 1
			if !wordEdge(text, at, at+len(f)) {
				continue
			}
			if bestAt < 0 || at < bestAt || (at == bestAt && len(f) > len(best)) {
				best, bestAt = text[at:at+len(f)], at
			}
			break
		}
	}
	return best
}

// wordEdge reports whether text[start:end] is not part of a longer word.
func wordEdge(text string, start, end int) bool {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if isWord(r) {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if isWord(r) {
			return false
		}
	}
	return true
}
