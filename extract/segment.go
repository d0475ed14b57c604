package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the broad class of a token.
type tokKind uint8

const (
	tWord  tokKind = iota // letters, digits, abbreviations with their period
	tPunct                // any other single mark
	tQuote                // a double quotation mark, straight or curly
)

// quote roles of a tQuote token.
const (
	qNone uint8 = iota
	qOpen
	qClose
)

// token is one word or mark with its byte span in the text.
type token struct {
	start, end int
	low        string // lower case, curly apostrophes straightened
	sent       int32  // sentence index
	para       int32  // paragraph index
	quote      int32  // index into doc.quotes of the quote this mark delimits, or -1
	inq        int32  // index into doc.quotes of the quote this token is inside, or -1
	bits       uint32 // lexicon word-set bits of low
	nl         int32  // newlines between the previous token and this one
	kind       tokKind
	q          uint8 // quote role
	upper      bool  // starts with an upper-case letter
	cue        bool  // low is a cue verb form
}

// sentence is a run of tokens [a, b) with its byte span.
type sentence struct {
	a, b       int
	start, end int
	para       int
	head       bool // the article's headline: the first line, alone in its paragraph
}

// quoteSpan is a pair of quotation marks (or an opening mark left open at the
// end of its paragraph) with the quoted text between them.
type quoteSpan struct {
	open, close int // token indices of the marks; close is -1 when unclosed
	start, end  int // byte span of the text inside the marks
	para        int
	first, last int // token indices of the first and last token inside
}

// doc is an article split into tokens, sentences and quotes.
type doc struct {
	text   string
	lower  string // text with ASCII letters in lower case (asciiLower)
	toks   []token
	sents  []sentence
	quotes []quoteSpan
	lx     *lexicon
	none   token // returned by tok for positions outside the text
	ats    *arena[attribution]
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'
}

// tokenize splits text into tokens in one pass over its bytes, appending
// them to toks[:0] (a buffer reused from an earlier article, or nil).
// lower is asciiLower(text): it gives every capitalised ASCII word its
// lower-case form as a substring, without a string per word.
func tokenize(text, lower string, lx *lexicon, toks []token) []token {
	if want := len(text)/5 + 16; cap(toks) < want {
		toks = make([]token, 0, want)
	}
	toks = toks[:0]
	nl := 0
	i := 0
	n := len(text)
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			if isSpaceByte(c) {
				if c == '\n' {
					nl++
				}
				i++
				continue
			}
			if isWordByte(c) {
				j := scanWord(text, lower, i, lx)
				toks = makeWord(toks, text, lower, i, j, nl)
				nl = 0
				i = j
				continue
			}
			k := tPunct
			if c == '"' {
				k = tQuote
			}
			if (c == '\'' && i+1 < n && text[i+1] == '\'') || (c == '`' && i+1 < n && text[i+1] == '`') {
				toks = append(toks, token{start: i, end: i + 2, kind: tQuote, low: text[i : i+2], nl: int32(nl)})
				nl = 0
				i += 2
				continue
			}
			if c == '\'' && i+1 < n && (text[i+1] == 's' || text[i+1] == 'S') && (i+2 >= n || !isWordRuneAt(text, i+2)) && len(toks) > 0 && toks[len(toks)-1].end == i {
				toks = append(toks, token{start: i, end: i + 2, kind: tWord, low: "'s", nl: int32(nl)})
				nl = 0
				i += 2
				continue
			}
			toks = append(toks, token{start: i, end: i + 1, kind: k, low: text[i : i+1], nl: int32(nl)})
			nl = 0
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\u00a0' || r == '\u2009' || r == '\u200a' || r == '\u202f' || r == '\u2002' || r == '\u2003' || r == '\u200b' || r == '\ufeff':
			i += size
			continue
		case unicode.IsSpace(r):
			if r == '\u2028' || r == '\u2029' {
				nl++
			}
			i += size
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := scanWord(text, lower, i, lx)
			toks = makeWord(toks, text, lower, i, j, nl)
			nl = 0
			i = j
			continue
		case r == '\u2019' && len(toks) > 0 && toks[len(toks)-1].end == i && i+size < n && (text[i+size] == 's' || text[i+size] == 'S') && (i+size+1 >= n || !isWordRuneAt(text, i+size+1)):
			toks = append(toks, token{start: i, end: i + size + 1, kind: tWord, low: "'s", nl: int32(nl)})
			nl = 0
			i += size + 1
			continue
		}
		k := tPunct
		low := text[i : i+size]
		switch r {
		case '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb':
			k = tQuote
		case '\u2014', '\u2013', '\u2015':
			low = "—"
		}
		toks = append(toks, token{start: i, end: i + size, kind: k, low: low, nl: int32(nl)})
		nl = 0
		i += size
	}
	return toks
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isWordRuneAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	c := text[i]
	if c < utf8.RuneSelf {
		return isWordByte(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// scanWord returns the end of the word starting at i: letters and digits,
// joined by inner hyphens, apostrophes, periods or commas between digits, and
// followed by a period for abbreviations and initials.
func scanWord(text, lower string, i int, lx *lexicon) int {
	n := len(text)
	j := i
	for j < n {
		c := text[j]
		if c < utf8.RuneSelf {
			if isWordByte(c) {
				j++
				continue
			}
			if (c == '-' || c == '&') && isWordRuneAt(text, j+1) && j > i {
				j++
				continue
			}
			if c == '\'' && j > i && isWordRuneAt(text, j+1) && !(isPossessive(text, j+1)) {
				j++
				continue
			}
			if (c == '.' || c == ',') && j > i && text[j-1] >= '0' && text[j-1] <= '9' && j+1 < n && text[j+1] >= '0' && text[j+1] <= '9' {
				j++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += size
			continue
		}
		if r == '\u2019' && j > i && isWordRuneAt(text, j+size) && !isPossessive(text, j+size) {
			j += size
			continue
		}
		break
	}
	// Acronyms with periods: U.S., U.N., a.m., D-N.C.
	if j < n && text[j] == '.' && (j-i <= 2 || j-i <= 4 && strings.IndexByte(text[i:j], '-') > 0) {
		k := j
		for k+2 < n && text[k] == '.' && isWordByte(text[k+1]) && (text[k+2] == '.') {
			k += 2
		}
		if k > j {
			return k + 1
		}
		if j-i == 1 && text[i] >= 'A' && text[i] <= 'Z' {
			return j + 1 // an initial
		}
	}
	if j < n && text[j] == '.' && j-i <= 5 {
		if lx.abbrev(lowerWord(text, lower, i, j)) {
			return j + 1
		}
	}
	return j
}

// isPossessive reports whether text at i is the "s" of a possessive "'s".
func isPossessive(text string, i int) bool {
	return i < len(text) && (text[i] == 's' || text[i] == 'S') && !isWordRuneAt(text, i+1)
}

// asciiLower returns text with the ASCII letters A-Z in lower case and every
// other byte unchanged, so that it keeps the byte offsets of text; text
// itself when it has no upper-case ASCII letter.
func asciiLower(text string) string {
	first := -1
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= 'A' && c <= 'Z' {
			first = i
			break
		}
	}
	if first < 0 {
		return text
	}
	// One allocation: a []byte would be copied again into a string.
	var sb strings.Builder
	sb.Grow(len(text))
	sb.WriteString(text[:first])
	from := first
	for i := first; i < len(text); i++ {
		if c := text[i]; c >= 'A' && c <= 'Z' {
			sb.WriteString(text[from:i])
			sb.WriteByte(c + 'a' - 'A')
			from = i + 1
		}
	}
	sb.WriteString(text[from:])
	return sb.String()
}

// makeWord appends the word text[i:j] to toks. It fills the token in place:
// a token built elsewhere and copied in costs a copy with write barriers.
func makeWord(toks []token, text, lower string, i, j, nl int) []token {
	toks = append(toks, token{start: i, end: j, kind: tWord, nl: int32(nl)})
	t := &toks[len(toks)-1]
	w := text[i:j]
	ascii := true
	for k := 0; k < len(w); k++ {
		if w[k] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		t.low = lower[i:j]
	} else {
		t.low = strings.ReplaceAll(strings.ToLower(w), "\u2019", "'")
	}
	if c := w[0]; c >= 'A' && c <= 'Z' {
		t.upper = true
	} else if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(w)
		t.upper = unicode.IsUpper(r)
	}
	return toks
}

func (lx *lexicon) abbrev(w string) bool { return lx.abbrevs[w] }

// lowerWord returns strings.ToLower(text[i:j]), a substring of lower (text
// with ASCII letters lowered) when the word is ASCII.
func lowerWord(text, lower string, i, j int) string {
	for k := i; k < j; k++ {
		if text[k] >= utf8.RuneSelf {
			return strings.ToLower(text[i:j])
		}
	}
	return lower[i:j]
}

// isTerminal reports whether a punctuation token can end a sentence.
func isTerminal(low string) bool {
	return low == "." || low == "!" || low == "?" || low == "…" || low == ";"
}

// segment splits the tokens into sentences and paragraphs and pairs the
// quotation marks.
func segment(text string, lx *lexicon) *doc { return segmentInto(text, lx, &scratch{}) }

// segmentInto is segment writing the tokens, sentences and quotes into the
// buffers of s, reused from an earlier article.
func segmentInto(text string, lx *lexicon, s *scratch) *doc {
	d := &doc{text: text, lx: lx, sents: s.sents[:0], quotes: s.quotes[:0], ats: &s.ats}
	d.none = token{start: len(text), end: len(text), kind: tPunct, quote: -1, inq: -1}
	d.lower = asciiLower(text)
	d.toks = tokenize(text, d.lower, lx, s.toks)
	toks := d.toks
	for i := range toks {
		if toks[i].kind == tWord {
			if wi, ok := lx.info[toks[i].low]; ok {
				toks[i].bits, toks[i].cue = wi.bits, wi.cue
			}
		}
	}
	n := len(toks)
	sent, para := 0, 0
	start := 0
	for i := 0; i < n; i++ {
		t := &toks[i]
		if i > start && t.nl > 0 && d.newlineBreaks(i) {
			d.sents = append(d.sents, sentence{a: start, b: i, para: para})
			sent++
			para++
			start = i
		} else if i == start && i > 0 && t.nl > 0 {
			para++
		}
		t.sent, t.para = int32(sent), int32(para)
		if t.kind == tPunct && isTerminal(t.low) && t.low != ";" {
			// Attach closing quotes and brackets.
			j := i + 1
			for j < n && toks[j].nl == 0 && (toks[j].kind == tQuote && d.closesHere(j) || toks[j].low == ")" || toks[j].low == "'" || toks[j].low == "\u2019") {
				j++
			}
			if j >= n || toks[j].nl > 0 || d.startsSentence(j) && !(j > i+1 && d.attributionTail(j)) {
				for k := i + 1; k < j; k++ {
					toks[k].sent, toks[k].para = int32(sent), int32(para)
				}
				d.sents = append(d.sents, sentence{a: start, b: j, para: para})
				sent++
				start = j
				i = j - 1
				continue
			}
		}
		if t.kind == tWord && strings.HasSuffix(t.low, ".") && i+1 < n && toks[i+1].nl == 0 && strings.Count(t.low, ".") > 1 && toks[i+1].upper && toks[i+1].bits&wStarter != 0 && toks[i+1].low != "a" {
			d.sents = append(d.sents, sentence{a: start, b: i + 1, para: para})
			sent++
			start = i + 1
		}
	}
	if start < n {
		d.sents = append(d.sents, sentence{a: start, b: n, para: para})
	}
	for k := range d.sents {
		s := &d.sents[k]
		s.start, s.end = toks[s.a].start, toks[s.b-1].end
		for i := s.a; i < s.b; i++ {
			toks[i].sent, toks[i].para = int32(k), int32(s.para)
		}
	}
	if len(d.sents) > 1 && d.sents[0].b-d.sents[0].a <= 30 && d.sents[1].para > d.sents[0].para && toks[d.sents[1].a].nl > 0 {
		d.sents[0].head = true
	}
	d.pairQuotes()
	return d
}

// headFunctionWord reports whether token i is a capitalised preposition,
// conjunction or determiner of a title-case headline ("Talks Between
// Veridia and Karsovia"), which no name runs across.
func (d *doc) headFunctionWord(i int) bool {
	t := &d.toks[i]
	return t.upper && t.bits&(wPrep|wConj|wDet|wSub) != 0 && d.sents[t.sent].head
}

// nameBreak reports whether the capitalised word at i is a verb that ends a
// name before it ("Karsovia Blames Veridia", "Lindsey Graham Says …"): an
// -s form of a cue verb, in a headline any, elsewhere one that is not also a
// common noun ("Consumer Reports", "Claims Court").
func (d *doc) nameBreak(i int) bool {
	t := &d.toks[i]
	if !t.upper || !t.cue || t.kind != tWord {
		return false
	}
	cf, ok := d.lx.cues[t.low]
	if !ok || cf.ing || cf.part || t.low == cf.lemma || !strings.HasSuffix(t.low, "s") {
		return false
	}
	if d.sents[t.sent].head {
		return true
	}
	return !cf.noun
}

// attributionTail reports whether the tokens from j read "Name said" or
// "said Name" closing a quotation, so that "?" or "!" inside the quote does
// not end the sentence.
func (d *doc) attributionTail(j int) bool {
	for k := j; k < len(d.toks) && k < j+6; k++ {
		t := d.toks[k]
		if t.kind != tWord {
			return false
		}
		if cf, ok := d.lx.cues[t.low]; ok && !t.upper && cf.flags&fInv != 0 {
			if k+1 >= len(d.toks) {
				return true
			}
			nx := d.toks[k+1]
			return nx.kind == tPunct && nx.low != "(" || k == j || nx.bits&(wTime|wPrep|wAdv) != 0
		}
		if !(t.upper || t.bits&(wPron|wDet|wAdv|wAux|wTitle|wAnon) != 0 || t.low == "'s") {
			return false
		}
	}
	return false
}

// newlineBreaks reports whether a line break before token i ends a sentence:
// always, except when a line wraps mid-sentence (a lower-case word follows a
// word or comma on a single line break).
func (d *doc) newlineBreaks(i int) bool {
	t := d.toks[i]
	if t.nl >= 2 {
		return true
	}
	p := d.toks[i-1]
	if t.kind == tWord && !t.upper && t.low[0] >= 'a' && t.low[0] <= 'z' && (p.kind == tWord || p.low == ",") {
		return false
	}
	return true
}

// closesHere guesses whether the quote mark at i closes a quotation.
func (d *doc) closesHere(i int) bool {
	t := d.toks[i]
	switch t.low {
	case "\u201d", "\u00bb":
		return true
	case "\u201c", "\u201e", "\u00ab":
		return false
	}
	return t.start > 0 && !isSpaceByte(d.text[t.start-1])
}

// startsSentence reports whether token j can begin a sentence.
func (d *doc) startsSentence(j int) bool {
	t := d.toks[j]
	switch t.kind {
	case tQuote:
		return !d.closesHere(j)
	case tWord:
		c := t.low[0]
		return t.upper || c >= '0' && c <= '9'
	}
	return t.low == "(" || t.low == "—" || t.low == "‘" || t.low == "["
}

// pairQuotes pairs quotation marks within each paragraph; an opening mark
// still open at the end of its paragraph runs to the paragraph's end.
func (d *doc) pairQuotes() {
	toks := d.toks
	open := -1
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		t.quote, t.inq = -1, -1
		if open >= 0 && i > 0 && int(t.para) != int(toks[open].para) {
			d.addQuote(open, -1, i-1)
			open = -1
		}
		if t.kind != tQuote {
			continue
		}
		role := d.quoteRole(i)
		if role == qOpen && open >= 0 {
			if t.low == "\"" || t.low == "''" {
				role = qClose
			} else {
				d.addQuote(open, -1, i-1)
				open = -1
			}
		}
		if role == qClose && open < 0 {
			role = qOpen
			if t.low == "\u201d" {
				// A stray closing mark: ignore it.
				t.kind = tPunct
				continue
			}
		}
		if role == qOpen {
			open = i
			t.q = qOpen
			continue
		}
		t.q = qClose
		d.addQuote(open, i, i-1)
		open = -1
	}
	if open >= 0 {
		d.addQuote(open, -1, len(toks)-1)
	}
	// An opening mark never closed, whose next paragraph does not open a
	// quotation (the multi-paragraph convention), is a stray mark: the
	// paragraph is not quoted speech.
	for qi := range d.quotes {
		q := &d.quotes[qi]
		if q.close >= 0 {
			continue
		}
		nx := q.last + 1
		if nx < len(toks) && toks[nx].kind == tQuote && toks[nx].q == qOpen {
			continue
		}
		for k := q.first; k <= q.last; k++ {
			toks[k].inq = -1
		}
		toks[q.open].quote = -1
	}
}

func (d *doc) quoteRole(i int) uint8 {
	t := d.toks[i]
	if t.nl > 0 || i == 0 {
		return qOpen
	}
	switch t.low {
	case "\u201d", "\u00bb":
		return qClose
	case "\u201c", "\u201e", "\u00ab", "``":
		return qOpen
	}
	before := t.start == 0 || isSpaceByte(d.text[t.start-1]) || strings.IndexByte("([{—-", d.text[t.start-1]) >= 0
	after := t.end >= len(d.text) || isSpaceByte(d.text[t.end]) || strings.IndexByte(".,;:!?)]", d.text[t.end]) >= 0
	switch {
	case before && !after:
		return qOpen
	case after && !before:
		return qClose
	}
	return qOpen
}

func (d *doc) addQuote(open, close, last int) {
	toks := d.toks
	q := quoteSpan{open: open, close: close, para: int(toks[open].para), first: open + 1, last: last}
	q.start = toks[open].end
	if close >= 0 {
		q.end = toks[close].start
	} else {
		q.end = toks[last].end
		// Leave a final period of an unclosed quote inside the quote.
	}
	if q.first > q.last {
		return
	}
	idx := len(d.quotes)
	d.quotes = append(d.quotes, q)
	toks[open].quote = int32(idx)
	if close >= 0 {
		toks[close].quote = int32(idx)
	}
	for k := q.first; k <= q.last; k++ {
		toks[k].inq = int32(idx)
	}
}
