package graph

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ID prefixes say which node type an ID names.
const (
	PrefixArticle = "art_"
	PrefixActor   = "act_"
	PrefixSource  = "src_"
	PrefixClaim   = "clm_"
)

// idOf returns prefix followed by the hex of the first 12 bytes of the
// SHA-256 of parts, each part followed by a NUL byte.
func idOf(prefix string, parts ...string) string {
	var stack [192]byte
	b := stack[:0]
	for _, p := range parts {
		b = append(append(b, p...), 0)
	}
	return hashID(prefix, b)
}

// hashID returns prefix followed by the hex of the first 12 bytes of the
// SHA-256 of b. Callers hash from a buffer on the stack, so an ID costs one
// allocation: its string.
func hashID(prefix string, b []byte) string {
	sum := sha256.Sum256(b)
	var out [8 + 24]byte
	n := copy(out[:], prefix)
	hex.Encode(out[n:], sum[:12])
	return string(out[:n+24])
}

// ArticleID returns the content-derived ID of an article with the given text.
func ArticleID(text string) string { return idOf(PrefixArticle, text) }

// ActorID returns the ID of the actor whose canonical name is name. Names
// that differ only in case, punctuation or a leading "the" give the same ID.
func ActorID(name string) string { return idOf(PrefixActor, NameKey(name)) }

// SourceID returns the ID of the source whose canonical name is name.
func SourceID(name string) string { return idOf(PrefixSource, NameKey(name)) }

// ClaimID returns the ID of the claim found in article at the given content
// and cue offsets: the hash of the article ID and the three offsets in
// decimal, each followed by a NUL byte.
func ClaimID(article string, start, end, cueStart int) string {
	var stack [128]byte
	b := append(append(stack[:0], article...), 0)
	b = append(strconv.AppendInt(b, int64(start), 10), 0)
	b = append(strconv.AppendInt(b, int64(end), 10), 0)
	b = append(strconv.AppendInt(b, int64(cueStart), 10), 0)
	return hashID(PrefixClaim, b)
}

// NameKey folds a name for lookups: lower case, curly quotes straightened,
// punctuation dropped, white space folded, a leading "the " and a trailing
// "'s" removed. "The Saudi Foreign Ministry's" and "saudi foreign ministry"
// share a key.
func NameKey(name string) string {
	for i := 0; i < len(name); i++ {
		if name[i] >= utf8.RuneSelf {
			return nameKeyUnicode(name)
		}
	}
	// ASCII: the same folding byte by byte, in a buffer on the stack.
	var stack [64]byte
	b := stack[:0]
	space := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		switch {
		case c == '\'':
			b = append(b, c)
			space = false
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, c)
			space = false
		default:
			space = true
		}
	}
	b = bytes.TrimSuffix(b, []byte("'s"))
	b = bytes.Trim(b, "'")
	b = bytes.TrimPrefix(b, []byte("the "))
	if string(b) == name {
		return name
	}
	return string(b)
}

// nameKeyUnicode is NameKey for names with a byte outside ASCII.
func nameKeyUnicode(name string) string {
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
