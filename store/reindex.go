package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

// reindexChunk is the number of claims whose postings reindexSearch
// gathers into segments before it queues them for writing.
const reindexChunk = 20000

// reindexSearch rebuilds the search index from the stored nodes, for a
// database whose terms were folded otherwise (before format 10: plural
// endings stripped, no stemming). It drops every posting (ti/, tb/), then
// writes an actor's postings as ti/ keys, as ingest does, and the claims'
// as tb/ segments, reindexChunk claims a segment group, and sets the docs
// and doclen counters afresh. Run again after a crash, it starts over.
func (db *DB) reindexSearch() error {
	if err := db.bdb.DropPrefix([]byte(pPosting), []byte(pSegment)); err != nil {
		return fmt.Errorf("drop the search postings: %w", err)
	}
	wb := db.bdb.NewWriteBatch()
	defer wb.Cancel()
	var docs, docLen int64
	segs := map[string]*termSegment{}
	var c termCounter
	flush := func() error {
		for w, sg := range segs {
			if err := wb.Set(segmentKey(w, sg.first), sg.buf); err != nil {
				return fmt.Errorf("write postings: %w", err)
			}
		}
		clear(segs)
		return nil
	}
	n := 0
	err := db.view(context.Background(), func(t *tx) error {
		return t.eachNode(graph.PrefixClaim, func(id string, v []byte) error {
			var cl graph.Claim
			if err := json.Unmarshal(v, &cl); err != nil {
				return fmt.Errorf("decode claim %s: %w", id, err)
			}
			tf, l := c.count(claimDoc(&cl))
			if l == 0 {
				return nil
			}
			docs++
			docLen += int64(l)
			for _, x := range tf {
				sg := segs[x.term]
				if sg == nil {
					sg = &termSegment{first: id}
					segs[x.term] = sg
				}
				sg.buf = appendSegment(sg.buf, id, x.n, l)
				if len(sg.buf) >= segmentMax {
					if err := wb.Set(segmentKey(x.term, sg.first), sg.buf); err != nil {
						return fmt.Errorf("write postings: %w", err)
					}
					delete(segs, x.term)
				}
			}
			if n++; n%reindexChunk == 0 {
				return flush()
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	err = db.view(context.Background(), func(t *tx) error {
		return t.eachNode(graph.PrefixActor, func(id string, v []byte) error {
			var a graph.Actor
			if err := json.Unmarshal(v, &a); err != nil {
				return fmt.Errorf("decode actor %s: %w", id, err)
			}
			tf, l := termFreqs(actorDoc(&a))
			if l == 0 {
				return nil
			}
			docs++
			docLen += int64(l)
			for w, f := range tf {
				if err := wb.Set(postingKey(w, id), posting(f, l)); err != nil {
					return fmt.Errorf("write postings: %w", err)
				}
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	for name, v := range map[string]int64{cntDocs: docs, cntDocLen: docLen} {
		if err := wb.Set(countKey(name), encodeCount(v)); err != nil {
			return fmt.Errorf("write counter: %w", err)
		}
	}
	return wb.Flush()
}

// eachNode calls fn with the ID and stored value of every node whose ID
// starts with idPrefix, in ID order.
func (t *tx) eachNode(idPrefix string, fn func(id string, v []byte) error) error {
	p := nodeTypePrefix(idPrefix)
	it := t.txn.NewIterator(badger.IteratorOptions{Prefix: p, PrefetchValues: true, PrefetchSize: 100})
	defer it.Close()
	for it.Seek(p); it.ValidForPrefix(p); it.Next() {
		item := it.Item()
		id := string(item.Key()[len(pNode):])
		if err := item.Value(func(v []byte) error { return fn(id, v) }); err != nil {
			return err
		}
	}
	return t.ctx.Err()
}
