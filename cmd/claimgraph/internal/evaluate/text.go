package evaluate

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// isSpace reports whether Python's str.isspace (and so the \s of a str
// pattern) holds for r: Go's white space plus the information separators
// U+001C..U+001F.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// isWord reports whether r matches Python's \w in a str pattern: letters,
// numbers (Nd, Nl, No) and the underscore. Combining marks do not match.
func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// pyStrip is Python's str.strip() with no arguments.
func pyStrip(s string) string { return strings.TrimFunc(s, isSpace) }

// pyLower is Python's str.lower(): the simple lower-case mapping, except
// that U+0130 becomes "i\u0307" and a capital sigma at the end of a word
// becomes a final sigma.
func pyLower(s string) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range rs {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case r == 0x130:
			b.WriteString("i\u0307")
		case r == 0x3a3:
			if finalSigma(rs, i) {
				b.WriteRune(0x3c2)
			} else {
				b.WriteRune(0x3c3)
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma reports whether the capital sigma at rs[i] is in the
// Final_Sigma context, as CPython's handle_capital_sigma decides it.
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && caseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !cased(rs[j]) {
		return false
	}
	j = i + 1
	for j < len(rs) && caseIgnorable(rs[j]) {
		j++
	}
	return j == len(rs) || !cased(rs[j])
}

func cased(r rune) bool {
	return unicode.In(r, unicode.Lu, unicode.Ll, unicode.Lt, unicode.Other_Lowercase, unicode.Other_Uppercase)
}

func caseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', 0xb7, 0x387, 0x55f, 0x5f4, 0x2018, 0x2019, 0x2024, 0x2027,
		0xfe13, 0xfe52, 0xfe55, 0xff07, 0xff0e, 0xff1a:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

// collapseSpace is re.sub(r"\s+", " ", s).
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

var quoteFolder = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`)

// Fold normalises text for comparison as score.py's fold does: curly
// quotes straightened, runs of white space made one space, the ends
// trimmed, lower case.
func Fold(s string) string {
	return pyLower(pyStrip(collapseSpace(quoteFolder.Replace(s))))
}

// FoldName normalises a name as score.py's fold_name does: Fold, then a
// leading "the " and a trailing "'s" dropped and the characters ` .,;:"'`
// trimmed from both ends.
func FoldName(s string) string {
	s = Fold(s)
	s = strings.TrimPrefix(s, "the ")
	s = strings.TrimSuffix(s, "'s")
	return strings.Trim(s, ` .,;:"'`)
}

// prefix returns the first n characters (code points) of s, as s[:n] does
// in Python.
func prefix(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

// pyRepr renders s as Python's repr does for a str.
func pyRepr(s string) string {
	q := byte('\'')
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < ' ' || r == 0x7f:
			b.WriteString(`\x` + hex(int(r), 2))
		case r < utf8.RuneSelf || unicode.IsPrint(r):
			b.WriteRune(r)
		case r < 0x100:
			b.WriteString(`\x` + hex(int(r), 2))
		case r < 0x10000:
			b.WriteString(`\u` + hex(int(r), 4))
		default:
			b.WriteString(`\U` + hex(int(r), 8))
		}
	}
	b.WriteByte(q)
	return b.String()
}

func hex(v, width int) string {
	s := strconv.FormatInt(int64(v), 16)
	return strings.Repeat("0", max(0, width-len(s))) + s
}

// padRight pads s with spaces to at least n characters, as Python's
// format(s, "n") does for a str.
func padRight(s string, n int) string {
	if c := utf8.RuneCountInString(s); c < n {
		return s + strings.Repeat(" ", n-c)
	}
	return s
}

// universalNewlines translates "\r\n" and "\r" to "\n", as Python's text
// mode does when it reads a file.
func universalNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// Round3 rounds x to three decimals as Python's round(x, 3) does.
func Round3(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	return v
}
