package store

import (
	"bytes"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

// selection is a list to page over: the keys under prefix (within [lo, hi)
// when those are set), each ending in a node ID, optionally narrowed by
// keep (point lookups in other indexes). counter, when set and neither
// keep nor a range is, names the counter holding the selection's size.
// A materialised selection (keys set) is a list already read and sorted.
type selection struct {
	prefix []byte
	lo, hi []byte
	// idFrom is where the ID starts in a key; -1 takes the part after the
	// last separator.
	idFrom int
	// pos returns the key of the item with an ID, for cursors; nil means
	// prefix up to idFrom, then the ID. ok is false when no such item is
	// in the list's order (an unknown ID of a date-ordered list).
	pos     func(id string) (k []byte, ok bool, err error)
	keep    func(id string) (bool, error)
	counter string
	// desc reverses the list.
	desc bool
	// keys, when not nil, is the whole selection, sorted, instead of
	// Badger keys under prefix.
	keys [][]byte
}

// nodesOfType selects every node whose ID has idPrefix.
func nodesOfType(idPrefix, counter string) selection {
	return selection{prefix: nodeTypePrefix(idPrefix), idFrom: len(pNode), counter: counter}
}

// index selects the IDs ending the keys under prefixOf(prefix, parts...),
// a counted index group.
func index(prefix string, parts ...string) selection {
	p := prefixOf(prefix, parts...)
	return selection{prefix: p, idFrom: len(p), counter: indexGroup(p)}
}

// byDate selects the IDs of a date-ordered index under prefixOf(prefix,
// parts...) (all of pClaimDate or pArticleDate without parts), whose keys
// continue <date>\0<id>, limited to the date keys [lo, hi) when either is
// set. date gives an item's date key for cursors.
func byDate(prefix string, parts []string, lo, hi string, date func(id string) (string, bool, error)) selection {
	p := []byte(prefix)
	if len(parts) > 0 {
		p = prefixOf(prefix, parts...)
	}
	s := selection{prefix: p, idFrom: -1}
	if lo != "" || hi != "" {
		// undated items ("" date) sort first: a range leaves them out
		s.lo = append(slices.Clone(p), max(lo, "\x01")...)
		if hi != "" {
			s.hi = append(slices.Clone(p), hi...)
		}
	}
	s.pos = func(id string) ([]byte, bool, error) {
		d, ok, err := date(id)
		if err != nil || !ok {
			return nil, ok, err
		}
		return append(slices.Clone(p), d+sep+id...), true, nil
	}
	return s
}

// and narrows s by another condition.
func (s *selection) and(keep func(id string) (bool, error)) {
	prev := s.keep
	if prev == nil {
		s.keep = keep
		return
	}
	s.keep = func(id string) (bool, error) {
		if ok, err := prev(id); err != nil || !ok {
			return ok, err
		}
		return keep(id)
	}
}

// id returns the ID a key of s ends with.
func (s *selection) id(k []byte) string {
	if s.idFrom >= 0 {
		return string(k[s.idFrom:])
	}
	return lastPart(k, 0)
}

// materialise reads the whole of s (keep applied) and returns it as a
// materialised selection whose keys are made by sortKey from each ID
// (sorted; nil drops the item). The result keeps s's direction.
func (t *tx) materialise(s selection, sortKey func(id string) ([]byte, error)) (selection, error) {
	// never nil, even when nothing is kept: a nil keys would make the
	// result a Badger selection with no prefix, every key of the database
	keys := [][]byte{}
	err := t.walk(s, func(id string) error {
		if s.keep != nil {
			if ok, err := s.keep(id); err != nil || !ok {
				return err
			}
		}
		k, err := sortKey(id)
		if k != nil {
			keys = append(keys, k)
		}
		return err
	})
	if err != nil {
		return selection{}, err
	}
	slices.SortFunc(keys, bytes.Compare)
	out := selection{keys: keys, idFrom: -1, desc: s.desc}
	if len(keys) > 0 && bytes.IndexByte(keys[0], 0) < 0 {
		out.idFrom = 0 // keys are bare IDs
	}
	return out, nil
}

// walk calls fn with every ID of s in key order, keep not applied.
func (t *tx) walk(s selection, fn func(id string) error) error {
	if s.keys != nil {
		for _, k := range s.keys {
			if err := fn(s.id(k)); err != nil {
				return err
			}
		}
		return t.ctx.Err()
	}
	it := t.txn.NewIterator(badger.IteratorOptions{Prefix: s.prefix})
	defer it.Close()
	start := s.prefix
	if s.lo != nil {
		start = s.lo
	}
	n := 0
	for it.Seek(start); it.ValidForPrefix(s.prefix); it.Next() {
		k := it.Item().Key()
		if s.hi != nil && bytes.Compare(k, s.hi) >= 0 {
			break
		}
		if n++; n%1024 == 0 {
			if err := t.ctx.Err(); err != nil {
				return err
			}
		}
		if err := fn(s.id(k)); err != nil {
			return err
		}
	}
	return t.ctx.Err()
}

// keyIter walks keys in one direction: a Badger iterator or a sorted
// slice.
type keyIter interface {
	seek(k []byte)
	valid() bool
	key() []byte
	next()
}

type badgerIter struct {
	it     *badger.Iterator
	prefix []byte
}

func (b badgerIter) seek(k []byte) { b.it.Seek(k) }
func (b badgerIter) valid() bool   { return b.it.ValidForPrefix(b.prefix) }
func (b badgerIter) key() []byte   { return b.it.Item().Key() }
func (b badgerIter) next()         { b.it.Next() }

type sliceIter struct {
	keys [][]byte
	rev  bool
	i    int
}

func (s *sliceIter) seek(k []byte) {
	i, found := slices.BinarySearchFunc(s.keys, k, bytes.Compare)
	if s.rev && !found {
		i-- // the last key <= k
	}
	s.i = i
}
func (s *sliceIter) valid() bool { return s.i >= 0 && s.i < len(s.keys) }
func (s *sliceIter) key() []byte { return s.keys[s.i] }
func (s *sliceIter) next() {
	if s.rev {
		s.i--
	} else {
		s.i++
	}
}

// page returns the IDs of one page of s (in list order), the size of the
// whole selection, and whether items follow and precede the page. A
// backward page (p.Backward) holds the items just before p.Before (or the
// last ones); hasNext is then true when Before was given, as hasPrev is for
// a forward page after p.After. Keys only are read. Returns EINVALID when
// the cursor ID has no place in a date-ordered list.
func (t *tx) page(s selection, p graph.Page) (ids []string, total int, hasNext, hasPrev bool, err error) {
	limit := p.Limit()
	back := p.Backward()
	rev := s.desc != back
	var cur []byte
	if c := p.Cursor(); c != "" {
		switch {
		case s.pos != nil:
			k, ok, err := s.pos(c)
			if err != nil {
				return nil, 0, false, false, err
			} else if !ok {
				return nil, 0, false, false, graph.Errorf(graph.EINVALID, "cursor names no item of this list")
			}
			cur = k
		case s.keys != nil:
			cur = []byte(c) // bare IDs; date-keyed lists have pos
		default:
			cur = append(slices.Clone(s.prefix[:s.idFrom]), c...)
		}
	}
	var it keyIter
	if s.keys != nil {
		it = &sliceIter{keys: s.keys, rev: rev}
	} else {
		bit := t.txn.NewIterator(badger.IteratorOptions{Prefix: s.prefix, Reverse: rev})
		defer bit.Close()
		it = badgerIter{bit, s.prefix}
	}
	// past reports whether k lies beyond the cursor in the walk's direction.
	past := func(k []byte) bool {
		if cur == nil {
			return true
		}
		c := bytes.Compare(k, cur)
		return (!rev && c > 0) || (rev && c < 0)
	}
	inRange := func(k []byte) bool {
		return (s.lo == nil || bytes.Compare(k, s.lo) >= 0) && (s.hi == nil || bytes.Compare(k, s.hi) < 0)
	}
	start := s.prefix
	switch {
	case rev && s.hi != nil:
		start = s.hi
	case rev:
		start = append(slices.Clone(s.prefix), 0xff)
	case s.lo != nil:
		start = s.lo
	}
	counted := s.keep == nil && s.counter != "" && s.lo == nil && s.hi == nil && s.keys == nil
	if counted {
		n, err := t.count(s.counter)
		if err != nil {
			return nil, 0, false, false, err
		}
		total = int(n)
		// from the cursor, unless it lies outside the prefix
		if cur != nil && ((!rev && bytes.Compare(cur, start) > 0) || (rev && bytes.Compare(cur, start) < 0)) {
			start = cur
		}
	}
	n := 0
	more := false
	for it.seek(start); it.valid(); it.next() {
		k := it.key()
		if !inRange(k) {
			if (!rev && s.hi != nil && bytes.Compare(k, s.hi) >= 0) || (rev && s.lo != nil && bytes.Compare(k, s.lo) < 0) {
				break
			}
			continue
		}
		if n++; n%1024 == 0 {
			if err := t.ctx.Err(); err != nil {
				return nil, 0, false, false, err
			}
		}
		if counted {
			if !past(k) {
				continue
			}
			if len(ids) == limit {
				more = true
				break
			}
			ids = append(ids, s.id(k))
			continue
		}
		id := s.id(k)
		if s.keep != nil {
			if ok, err := s.keep(id); err != nil {
				return nil, 0, false, false, err
			} else if !ok {
				continue
			}
		}
		total++
		if !past(k) {
			continue
		}
		if len(ids) < limit {
			ids = append(ids, id)
		} else {
			more = true
		}
	}
	if back {
		slices.Reverse(ids)
		return ids, total, cur != nil, more, nil
	}
	return ids, total, more, cur != nil, nil
}

// countRange counts the keys of s (a Badger selection, keep not applied,
// within its range), stopping at max.
func (t *tx) countRange(s selection, max int64) (int64, error) {
	it := t.txn.NewIterator(badger.IteratorOptions{Prefix: s.prefix})
	defer it.Close()
	start := s.prefix
	if s.lo != nil {
		start = s.lo
	}
	var n int64
	for it.Seek(start); it.ValidForPrefix(s.prefix) && n < max; it.Next() {
		if s.hi != nil && bytes.Compare(it.Item().Key(), s.hi) >= 0 {
			break
		}
		if n++; n%1024 == 0 {
			if err := t.ctx.Err(); err != nil {
				return n, err
			}
		}
	}
	return n, t.ctx.Err()
}

// countUpTo counts the keys under prefix, stopping at max.
func (t *tx) countUpTo(prefix []byte, max int64) (int64, error) {
	it := t.txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	var n int64
	for it.Seek(prefix); it.ValidForPrefix(prefix) && n < max; it.Next() {
		if n++; n%1024 == 0 {
			if err := t.ctx.Err(); err != nil {
				return n, err
			}
		}
	}
	return n, t.ctx.Err()
}
