package extract

import "sync"

// scratch holds the working memory of one extraction that its result does
// not keep: tokens, sentences, quotes, attributions, mentions, entities and
// the resolver's tables. Extract takes one from scratchPool and puts it back
// cleared, so that articles after the first reuse the memory instead of
// allocating it (the tokens alone were about a quarter of the bytes an
// extraction allocated). Nothing in a graph.Extraction points into it: the
// result holds strings of the text and values built for it.
type scratch struct {
	toks   []token
	sents  []sentence
	quotes []quoteSpan
	ats    arena[attribution]
	ments  arena[mention]
	ents   arena[entity]
	spk    []*entity
	edges  []pendingEdge
	recent []mentionRef
	refs   []mentionRef
	// claimSeen holds the offsets of the claims added so far.
	claimSeen map[claimAt]bool
	byKey     map[string]*entity
	govNames  map[string]string
	govSeen   map[string][]string
	byLast    map[string][]*entity
	keyMemo   map[string]string
	ids       map[string]*entity
}

// scratchPool holds cleared scratch memory for Extract. Its contents never
// reach a result, so sharing it does not make Extract impure.
var scratchPool = sync.Pool{New: func() any { return newScratch() }}

func newScratch() *scratch {
	return &scratch{claimSeen: make(map[claimAt]bool, 32), byKey: make(map[string]*entity, 16), govNames: map[string]string{}, govSeen: map[string][]string{}, byLast: make(map[string][]*entity, 8), keyMemo: make(map[string]string, 32), ids: make(map[string]*entity, 16)}
}

// Above these sizes (a very long article) scratch memory is dropped, not
// kept: a cleared map costs time in proportion to its capacity.
const (
	maxPooledToks   = 1 << 16
	maxPooledKeys   = 1 << 10
	maxPooledBlocks = 64
)

// keep takes back the buffers that b and r grew, for the next article.
func (s *scratch) keep(b *builder, r *resolver) {
	s.spk, s.edges, s.recent, s.refs = b.spk, b.edges, r.recent, r.refs
}

// release clears s and returns it to scratchPool.
func (s *scratch) release() {
	toks, sents, quotes := s.toks[:0], s.sents[:0], s.quotes[:0]
	if cap(toks) > maxPooledToks {
		toks, sents, quotes = nil, nil, nil
	}
	// Tokens, sentences and quotes left in the buffers are overwritten
	// before they are read again (until then the tokens keep this article's
	// text alive: one article per pooled scratch); the others hold pointers
	// to entities and are cleared.
	clear(s.spk)
	clear(s.edges)
	clear(s.recent)
	clear(s.refs[:cap(s.refs)])
	spk, edges, recent, refs := s.spk[:0], s.edges[:0], s.recent[:0], s.refs[:0]
	if cap(spk) > maxPooledToks || cap(edges) > maxPooledToks || cap(recent) > maxPooledToks || cap(refs) > maxPooledToks {
		spk, edges, recent, refs = nil, nil, nil, nil
	}
	if len(s.claimSeen) > maxPooledKeys || len(s.byKey) > maxPooledKeys || len(s.keyMemo) > maxPooledKeys || len(s.byLast) > maxPooledKeys || len(s.govNames) > maxPooledKeys || len(s.govSeen) > maxPooledKeys || len(s.ids) > maxPooledKeys ||
		len(s.ats.blocks) > maxPooledBlocks || len(s.ments.blocks) > maxPooledBlocks || len(s.ents.blocks) > maxPooledBlocks {
		s = newScratch()
	} else {
		clear(s.claimSeen)
		clear(s.byKey)
		clear(s.govNames)
		clear(s.govSeen)
		clear(s.byLast)
		clear(s.keyMemo)
		clear(s.ids)
		s.ats.reset()
		s.ments.reset()
		s.ents.reset()
	}
	s.toks, s.sents, s.quotes = toks, sents, quotes
	s.spk, s.edges, s.recent, s.refs = spk, edges, recent, refs
	scratchPool.Put(s)
}

// arenaBlock is the number of values in one block of an arena.
const arenaBlock = 32

// arena hands out zeroed values of T from blocks that it keeps for the next
// article, in place of one heap allocation per value.
type arena[T any] struct {
	blocks [][]T
	n      int // values handed out
}

// alloc returns a pointer to a zero T, valid until reset.
func (a *arena[T]) alloc() *T {
	b, k := a.n/arenaBlock, a.n%arenaBlock
	if b == len(a.blocks) {
		a.blocks = append(a.blocks, make([]T, arenaBlock))
	}
	a.n++
	return &a.blocks[b][k]
}

// reset zeroes the values handed out, which must no longer be used.
func (a *arena[T]) reset() {
	for b := 0; b*arenaBlock < a.n; b++ {
		clear(a.blocks[b])
	}
	a.n = 0
}
