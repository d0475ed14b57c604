package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"
)

// ID prefixes say which node type an ID names.
const (
	PrefixArticle = "art_"
	PrefixActor   = "act_"
	PrefixSource  = "src_"
	PrefixClaim   = "clm_"
)

func digest(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// ArticleID returns the content-derived ID of an article with the given text.
func ArticleID(text string) string { return PrefixArticle + digest(text) }

// ActorID returns the ID of the actor whose canonical name is name. Names
// that differ only in case, punctuation or a leading "the" give the same ID.
func ActorID(name string) string { return PrefixActor + digest(NameKey(name)) }

// SourceID returns the ID of the source whose canonical name is name.
func SourceID(name string) string { return PrefixSource + digest(NameKey(name)) }

// ClaimID returns the ID of the claim found in article at the given content
// and cue offsets.
func ClaimID(article string, start, end, cueStart int) string {
	return PrefixClaim + digest(article, strconv.Itoa(start), strconv.Itoa(end), strconv.Itoa(cueStart))
}

// NameKey folds a name for lookups: lower case, curly quotes straightened,
// punctuation dropped, white space folded, a leading "the " and a trailing
// "'s" removed. "The Saudi Foreign Ministry's" and "saudi foreign ministry"
// share a key.
func NameKey(name string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r == '\u2019' || r == '\u2018' || r == '\'':
			b.WriteByte('\'')
			space = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		default:
			space = true
		}
	}
	s := b.String()
	s = strings.TrimSuffix(s, "'s")
	s = strings.Trim(s, "'")
	s = strings.TrimPrefix(s, "the ")
	return s
}
