package store

import (
	"container/heap"
	"context"
	"fmt"
	"iter"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"
	"github.com/kljensen/snowball/english"

	"github.com/claimgraph/claimgraph/graph"
)

// BM25 parameters.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// maxQueryTerms bounds the words of a query that are looked up; the rest
// are ignored (each word reads one posting list).
const maxQueryTerms = 32

// snippetBytes is the rough length of a search snippet.
const snippetBytes = 200

// stopwords are not indexed: they match nearly every claim.
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an and are as at be been but by for from had has have he her his
		i in is it its of on or our she that the their them they this to was we were will with would you`) {
		stopwords[w] = true
	}
}

// token is one word of a text and where it is.
type token struct {
	term       string
	start, end int
}

// tokens splits text into words (runs of letters and digits, apostrophes
// inside), folding each to a search term: lower case, no apostrophes or
// possessive "'s", a light plural stemming. Stopwords get an empty term.
func tokens(text string) []token {
	var out []token
	eachWord(text, func(start, end int) {
		out = append(out, token{term: term(text[start:end]), start: start, end: end})
	})
	return out
}

// eachWord calls fn with the bounds of each word of text, as tokens splits
// it.
func eachWord(text string, fn func(start, end int)) {
	start := -1
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		apos := r == '\'' || r == '\u2019'
		switch {
		case word:
			if start < 0 {
				start = i
			}
		case apos && start >= 0:
			// kept inside a word; trimmed by term
		default:
			if start >= 0 {
				fn(start, i)
				start = -1
			}
		}
	}
	if start >= 0 {
		fn(start, len(text))
	}
}

// termCounter counts the terms of texts as termFreqs does, but remembers
// the term of each word it has folded: a transaction indexes thousands of
// claims over a vocabulary much smaller than their words, and folding
// (term) allocates. Not safe for concurrent use.
type termCounter struct {
	terms map[string]string
	tf    []termCount
	// at indexes tf by term once a text has more than termScan terms
	at map[string]int
}

// termScan is the number of distinct terms a text's counts are looked up
// in by scanning, before a map is used.
const termScan = 32

// termCount is one term of a text and how often it occurs.
type termCount struct {
	term string
	n    int
}

// termCounterMax bounds the words a termCounter remembers.
const termCounterMax = 1 << 16

// count returns the terms of text with their frequencies, in the order
// they first occur (valid until the next call), and its length in terms.
func (c *termCounter) count(text string) ([]termCount, int) {
	if c.terms == nil || len(c.terms) >= termCounterMax {
		c.terms = make(map[string]string, 1024)
	}
	c.tf = c.tf[:0]
	clear(c.at)
	n := 0
	eachWord(text, func(start, end int) {
		w := text[start:end]
		tm, ok := c.terms[w]
		if !ok {
			tm = strings.Clone(term(w)) // no reference to text kept
			c.terms[strings.Clone(w)] = tm
		}
		if tm == "" {
			return
		}
		n++
		if len(c.tf) <= termScan {
			for i := range c.tf {
				if c.tf[i].term == tm {
					c.tf[i].n++
					return
				}
			}
		} else if i, ok := c.at[tm]; ok {
			c.tf[i].n++
			return
		}
		c.tf = append(c.tf, termCount{tm, 1})
		if len(c.tf) > termScan {
			if c.at == nil {
				c.at = map[string]int{}
			}
			if len(c.at) == 0 {
				for i, x := range c.tf {
					c.at[x.term] = i
				}
			} else {
				c.at[tm] = len(c.tf) - 1
			}
		}
	})
	return c.tf, n
}

// term folds one word to its index term ("" for a stopword): lower case,
// no apostrophes or possessive "'s", then its English stem (Porter2, the
// Snowball English stemmer), so "rigged", "rigging" and "rigs" are one
// term, as are "accused" and "accusations". Words of other scripts are
// kept whole.
func term(w string) string {
	w = strings.ToLower(strings.ReplaceAll(w, "\u2019", "'"))
	w = strings.TrimRight(w, "'")
	w = strings.TrimSuffix(w, "'s")
	w = strings.ReplaceAll(w, "'", "")
	if w == "" || stopwords[w] {
		return ""
	}
	return english.Stem(w, true)
}

// termFreqs returns the term frequencies of text and its length in terms.
func termFreqs(text string) (map[string]int, int) {
	tf := map[string]int{}
	n := 0
	for _, tok := range tokens(text) {
		if tok.term != "" {
			tf[tok.term]++
			n++
		}
	}
	return tf, n
}

// claimDoc is the text a claim is searched by.
func claimDoc(c *graph.Claim) string {
	if c == nil {
		return ""
	}
	if c.Text != "" {
		return c.Text
	}
	return c.Sentence
}

// actorDoc is the text an actor is searched by: its name and aliases.
func actorDoc(a *graph.Actor) string {
	if a == nil {
		return ""
	}
	if len(a.Aliases) == 0 {
		return a.Name
	}
	return a.Name + " (" + strings.Join(a.Aliases, ", ") + ")"
}

// reindex replaces the postings of document id for oldText with those for
// newText (either may be "") and keeps the collection statistics.
func (t *tx) reindex(id, oldText, newText string) error {
	if oldText == newText {
		return nil
	}
	oldTF, oldLen := termFreqs(oldText)
	newTF, newLen := termFreqs(newText)
	for w := range oldTF {
		if _, ok := newTF[w]; !ok {
			if err := t.del(postingKey(w, id)); err != nil {
				return err
			}
		}
	}
	if oldLen != newLen || len(oldTF) != len(newTF) || !sameFreqs(oldTF, newTF) {
		for w, n := range newTF {
			if err := t.set(postingKey(w, id), posting(n, newLen)); err != nil {
				return err
			}
		}
	}
	switch {
	case oldLen == 0 && newLen > 0:
		t.add(cntDocs, 1)
	case oldLen > 0 && newLen == 0:
		t.add(cntDocs, -1)
	}
	t.add(cntDocLen, int64(newLen-oldLen))
	return nil
}

// segmentMax is the size at which the postings of one term in a
// transaction are written out as a segment and a new one begun.
const segmentMax = 64 << 10

// termSegment collects the postings of one term in a transaction: the
// claim the segment is named by and the encoded postings.
type termSegment struct {
	first string
	buf   []byte
}

// indexClaim indexes the text of a new claim for search. Its postings are
// collected per term and written by flushSegments, one key per term per
// transaction (tb/), rather than one per term and claim.
func (t *tx) indexClaim(id, text string) error {
	tf, n := t.terms.count(text)
	if n == 0 {
		return nil
	}
	if t.segs == nil {
		t.segs = map[string]*termSegment{}
	}
	for _, c := range tf {
		w, f := c.term, c.n
		sg := t.segs[w]
		if sg == nil {
			sg = &termSegment{first: id}
			t.segs[w] = sg
		}
		if len(sg.buf) == 0 {
			t.segBytes += int64(len(pSegment)+len(w)+len(sep)+len(sg.first)) + entryOverhead
		}
		k := len(sg.buf)
		sg.buf = appendSegment(sg.buf, id, f, n)
		t.segBytes += int64(len(sg.buf) - k)
		if len(sg.buf) >= segmentMax {
			if err := t.set(segmentKey(w, sg.first), sg.buf); err != nil {
				return err
			}
			delete(t.segs, w)
		}
	}
	t.add(cntDocs, 1)
	t.add(cntDocLen, int64(n))
	return nil
}

// flushSegments writes the postings indexClaim collected.
func (t *tx) flushSegments() error {
	for w, sg := range t.segs {
		if err := t.set(segmentKey(w, sg.first), sg.buf); err != nil {
			return err
		}
	}
	t.segs, t.segBytes = nil, 0
	return nil
}

// claimsWithTerm returns the IDs of the claims whose text has term w,
// sorted, from the postings of both layouts.
func (t *tx) claimsWithTerm(w string) ([]string, error) {
	var ids []string
	p := append(prefixOf(pPosting, w), graph.PrefixClaim...)
	ks, err := t.keys(p)
	if err != nil {
		return nil, err
	}
	for _, k := range ks {
		ids = append(ids, lastPart(k, len(pPosting)))
	}
	err = t.segments(w, func(doc []byte, _, _ int) { ids = append(ids, string(doc)) })
	if err != nil {
		return nil, err
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}

// segments calls fn with every posting of term w in a segment (tb/).
func (t *tx) segments(w string, fn func(doc []byte, tf, docLen int)) error {
	pre := prefixOf(pSegment, w)
	it := t.txn.NewIterator(badger.IteratorOptions{Prefix: pre})
	defer it.Close()
	n := 0
	for it.Seek(pre); it.ValidForPrefix(pre); it.Next() {
		if n++; n%64 == 0 {
			if err := t.ctx.Err(); err != nil {
				return err
			}
		}
		if err := it.Item().Value(func(v []byte) error {
			parseSegment(v, fn)
			return nil
		}); err != nil {
			return fmt.Errorf("read postings: %w", err)
		}
	}
	return t.ctx.Err()
}

func sameFreqs(a, b map[string]int) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// Search ranks claims (by text) and actors (by name and aliases) against a
// free-text query with BM25 over the inverted index written at ingest, each
// score scaled by the share of query words the hit contains; no claim is
// scanned. Hits are ordered by score, then ID; p.After is the ID of
// the last hit of the previous page (p.Before, paging backward, the first
// of the next). Words are matched by their English stem (Porter2: "rigged"
// finds "rigging") after folding case and apostrophes; stopwords, and
// words past the 32nd, are ignored. Text in double quotes is a phrase:
// a hit must hold its words adjacent and in order (checked against the
// hit's text). Each hit has a snippet around its first match with matched
// words in **bold**. Returns EINVALID for a query with no searchable word.
func (db *DB) Search(ctx context.Context, query string, p graph.Page) (*graph.SearchList, error) {
	return db.SearchFiltered(ctx, graph.SearchFilter{Query: query, Page: p})
}

// SearchFiltered searches as Search does, keeping only the claims that
// f's speaker, kind and date window select (point lookups in the claim
// indexes for each hit, and the article's date), and no actors when any
// of those is set. Returns EINVALID for a query with no searchable word,
// an unknown kind or a bad date.
func (db *DB) SearchFiltered(ctx context.Context, f graph.SearchFilter) (*graph.SearchList, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	sq := parseQuery(f.Query)
	terms := sq.terms
	if len(terms) == 0 {
		return nil, graph.Errorf(graph.EINVALID, "search query %q has no searchable word", f.Query)
	}
	lo, hi, _ := f.Dates().Keys()
	p := f.Page
	// the snippet bolds every query word, even past the 32nd
	q := sq.bold
	out := &graph.SearchList{}
	err := db.view(ctx, func(t *tx) error {
		docs, err := t.count(cntDocs)
		if err != nil {
			return err
		}
		totalLen, err := t.count(cntDocLen)
		if err != nil {
			return err
		}
		if docs <= 0 {
			return nil
		}
		avg := float64(totalLen) / float64(docs)
		var acc map[string]*match
		for i, w := range terms {
			if acc, err = t.score(w, uint64(1)<<i, float64(docs), avg, acc); err != nil {
				return err
			}
		}
		if err := db.narrowHits(t, acc, sq, f, lo, hi); err != nil {
			return err
		}
		// Coordination: a hit matching k of n query words keeps k/n of its
		// score, so hits with every word come first.
		for _, m := range acc {
			m.score = m.score * float64(m.terms) / float64(len(terms))
		}
		scores := func(yield func(string, float64) bool) {
			for id, m := range acc {
				if !yield(id, m.score) {
					return
				}
			}
		}
		out.TotalCount = len(acc)
		cur := p.Cursor()
		var at float64
		if cur != "" {
			m, ok := acc[cur]
			if !ok {
				return nil // a cursor no longer in the results: nothing is beside it
			}
			at = m.score
		}
		if p.Backward() {
			out.Hits, out.HasPreviousPage = hitsBefore(scores, p.Limit(), cur, at)
			out.HasNextPage = cur != ""
		} else {
			out.Hits, out.HasNextPage = topHits(scores, p.Limit(), cur, at)
			out.HasPreviousPage = cur != ""
		}
		for _, h := range out.Hits {
			var text string
			v, _, err := db.reads.node(t, h.ID)
			if err != nil {
				return err
			}
			switch n := v.(type) {
			case *graph.Actor:
				text = actorDoc(n)
			case *graph.Claim:
				text = claimDoc(n)
			case nil:
				// gone: an empty node as before
				if h.Kind == "actor" {
					text = actorDoc(&graph.Actor{})
				} else {
					text = claimDoc(&graph.Claim{})
				}
			}
			h.Snippet = snippet(text, q)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// match accumulates one document's score over the query words: terms
// counts them, mask has bit i set for the query's term i.
type match struct {
	score float64
	terms int
	mask  uint64
}

// narrowHits drops from acc the hits that lack a phrase of sq (they must
// have every term of it, then its words in order in their text) or that
// f's filters leave out.
func (db *DB) narrowHits(t *tx, acc map[string]*match, sq searchQuery, f graph.SearchFilter, lo, hi string) error {
	var need []uint64 // the terms each phrase requires
	for _, ph := range sq.phrases {
		var m uint64
		for _, k := range ph {
			if i := slices.Index(sq.terms, k); i >= 0 {
				m |= uint64(1) << i
			}
		}
		need = append(need, m)
	}
	window := lo != "" || hi != ""
	for id, m := range acc {
		keep, err := db.keepHit(t, id, m, sq, need, f, window, lo, hi)
		if err != nil {
			return err
		}
		if !keep {
			delete(acc, id)
		}
	}
	return t.ctx.Err()
}

// keepHit reports whether the hit id (matched as m) stays: see narrowHits.
func (db *DB) keepHit(t *tx, id string, m *match, sq searchQuery, need []uint64, f graph.SearchFilter, window bool, lo, hi string) (bool, error) {
	claim := strings.HasPrefix(id, graph.PrefixClaim)
	if f.ClaimsOnly() {
		if !claim {
			return false, nil
		}
		for _, k := range [][]byte{
			when(f.Speaker != "", func() []byte { return claimSpeakerKey(f.Speaker, id) }),
			when(f.Kind != "", func() []byte { return claimKindKey(f.Kind, id) }),
		} {
			if k == nil {
				continue
			}
			if ok, err := t.has(k); err != nil || !ok {
				return false, err
			}
		}
		if window {
			d, ok, err := t.claimDate(id)
			if err != nil || !ok || d == "" || d < lo || (hi != "" && d >= hi) {
				return false, err
			}
		}
	}
	if len(sq.phrases) == 0 {
		return true, nil
	}
	for _, n := range need {
		if m.mask&n != n {
			return false, nil
		}
	}
	v, _, err := db.reads.node(t, id)
	if err != nil {
		return false, err
	}
	var text string
	switch n := v.(type) {
	case *graph.Actor:
		text = actorDoc(n)
	case *graph.Claim:
		text = claimDoc(n)
	}
	return sq.hasPhrases(text), nil
}

// when returns k() when cond holds, else nil.
func when(cond bool, k func() []byte) []byte {
	if !cond {
		return nil
	}
	return k()
}

// score adds the BM25 contribution of term w (bit in a match's mask) to every document in its
// posting list (the ti/ keys and the tb/ segments), in acc (made when nil,
// sized for the first term's list), and returns acc.
func (t *tx) score(w string, bit uint64, docs, avgLen float64, acc map[string]*match) (map[string]*match, error) {
	pre := prefixOf(pPosting, w)
	it := t.txn.NewIterator(badger.IteratorOptions{Prefix: pre})
	defer it.Close()
	type post struct {
		doc     string
		tf, len int
	}
	var posts []post
	for it.Seek(pre); it.ValidForPrefix(pre); it.Next() {
		if len(posts)%1024 == 1023 {
			if err := t.ctx.Err(); err != nil {
				return nil, err
			}
		}
		item := it.Item()
		var tf, dl int
		if err := item.Value(func(v []byte) error {
			tf, dl = parsePosting(v)
			return nil
		}); err != nil {
			return nil, fmt.Errorf("read posting: %w", err)
		}
		posts = append(posts, post{string(item.Key()[len(pre):]), tf, dl})
	}
	if err := t.segments(w, func(doc []byte, tf, dl int) {
		posts = append(posts, post{string(doc), tf, dl})
	}); err != nil {
		return nil, err
	}
	if acc == nil {
		acc = make(map[string]*match, len(posts))
	}
	df := float64(len(posts))
	idf := math.Log(1 + (docs-df+0.5)/(df+0.5))
	// the term's new matches, allocated together
	fresh := make([]match, len(posts))
	for i, p := range posts {
		f := float64(p.tf)
		m := acc[p.doc]
		if m == nil {
			m = &fresh[i]
			acc[p.doc] = m
		}
		m.score += idf * f * (bm25K1 + 1) / (f + bm25K1*(1-bm25B+bm25B*float64(p.len)/avgLen))
		m.terms++
		m.mask |= bit
	}
	return acc, t.ctx.Err()
}

// ranksBefore orders hits: higher score first, then lower ID.
func ranksBefore(s1 float64, id1 string, s2 float64, id2 string) bool {
	if s1 != s2 {
		return s1 > s2
	}
	return id1 < id2
}

// topHits returns the best limit hits ranking after the hit (after,
// afterScore) (all hits when after is ""), best first, and whether more
// follow. It keeps a bounded heap rather than sorting every hit.
func topHits(scores iter.Seq2[string, float64], limit int, after string, afterScore float64) ([]*graph.SearchHit, bool) {
	h := &hitHeap{}
	more := false
	for id, s := range scores {
		if after != "" && !ranksBefore(afterScore, after, s, id) {
			continue
		}
		if h.Len() < limit {
			heap.Push(h, &graph.SearchHit{ID: id, Score: s})
			continue
		}
		more = true
		if worst := (*h)[0]; ranksBefore(s, id, worst.Score, worst.ID) {
			(*h)[0] = &graph.SearchHit{ID: id, Score: s}
			heap.Fix(h, 0)
		}
	}
	out := make([]*graph.SearchHit, h.Len())
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = heap.Pop(h).(*graph.SearchHit)
	}
	for _, hit := range out {
		hit.Kind = "claim"
		if strings.HasPrefix(hit.ID, graph.PrefixActor) {
			hit.Kind = "actor"
		}
	}
	return out, more
}

// hitsBefore returns the limit hits ranking just before the hit (before,
// beforeScore) (the worst-ranked hits when before is ""), best first, and
// whether better hits precede them.
func hitsBefore(scores iter.Seq2[string, float64], limit int, before string, beforeScore float64) ([]*graph.SearchHit, bool) {
	var hits []*graph.SearchHit
	for id, s := range scores {
		if before == "" || ranksBefore(s, id, beforeScore, before) {
			hits = append(hits, &graph.SearchHit{ID: id, Score: s})
		}
	}
	sort.Slice(hits, func(i, j int) bool { return ranksBefore(hits[i].Score, hits[i].ID, hits[j].Score, hits[j].ID) })
	more := len(hits) > limit
	if more {
		hits = hits[len(hits)-limit:]
	}
	for _, hit := range hits {
		hit.Kind = "claim"
		if strings.HasPrefix(hit.ID, graph.PrefixActor) {
			hit.Kind = "actor"
		}
	}
	return hits, more
}

// hitHeap is a min-heap of hits: the worst-ranked hit on top.
type hitHeap []*graph.SearchHit

func (h hitHeap) Len() int { return len(h) }
func (h hitHeap) Less(i, j int) bool {
	return ranksBefore(h[j].Score, h[j].ID, h[i].Score, h[i].ID)
}
func (h hitHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *hitHeap) Push(x any)   { *h = append(*h, x.(*graph.SearchHit)) }
func (h *hitHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// snippet returns about snippetBytes of text around the first word whose
// term is in q, every matched word wrapped in **, "…" marking cuts.
func snippet(text string, q map[string]bool) string {
	toks := tokens(text)
	first := -1
	for i, tok := range toks {
		if tok.term != "" && q[tok.term] {
			first = i
			break
		}
	}
	from, to := 0, len(text)
	if first >= 0 && toks[first].start > snippetBytes/3 {
		from = toks[first].start - snippetBytes/3
		// start at a word: the first token at or after from
		for _, tok := range toks {
			if tok.start >= from {
				from = tok.start
				break
			}
		}
	}
	if to-from > snippetBytes {
		to = from + snippetBytes
		// end at a word: after the last token that ends by to
		end := from
		for _, tok := range toks {
			if tok.start >= from && tok.end <= to {
				end = tok.end
			}
		}
		if end > from {
			to = end
		} else {
			for to > from && !utf8.RuneStart(text[to]) {
				to--
			}
		}
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	pos := from
	for _, tok := range toks {
		if tok.start < from || tok.end > to || tok.term == "" || !q[tok.term] {
			continue
		}
		b.WriteString(text[pos:tok.start])
		b.WriteString("**")
		b.WriteString(text[tok.start:tok.end])
		b.WriteString("**")
		pos = tok.end
	}
	b.WriteString(text[pos:to])
	if to < len(text) {
		b.WriteString("…")
	}
	return strings.TrimSpace(b.String())
}
