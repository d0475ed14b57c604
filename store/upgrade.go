package store

import (
	"bytes"
	"context"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

// upgrade brings a database written with an older key layout to
// formatVersion: versions 1 and 2 lacked some group counters, which are all
// counted afresh. A new database is only stamped.
func (db *DB) upgrade() error {
	var version int64
	var empty bool
	err := db.view(context.Background(), func(t *tx) error {
		var err error
		if version, err = t.count(cntFormat); err != nil {
			return err
		}
		ks, err := t.firstKey([]byte(pNode))
		empty = ks == nil
		return err
	})
	if err != nil {
		return err
	}
	switch {
	case version == formatVersion:
		return nil
	case version > formatVersion:
		return graph.Errorf(graph.EINVALID, "the database has format %d, newer than this claimgraph's %d", version, formatVersion)
	}
	wb := db.bdb.NewWriteBatch()
	defer wb.Cancel()
	if !empty {
		if err := db.recountIndexes(wb); err != nil {
			return err
		}
	}
	if err := wb.Set(countKey(cntFormat), encodeCount(formatVersion)); err != nil {
		return fmt.Errorf("stamp format version: %w", err)
	}
	if err := wb.Flush(); err != nil {
		return fmt.Errorf("upgrade database: %w", err)
	}
	return nil
}

// recountIndexes counts every counted index group and edge group and
// queues the counters, replacing any stored ones, on wb.
func (db *DB) recountIndexes(wb *badger.WriteBatch) error {
	counts := map[string]int64{}
	var stale [][]byte
	err := db.view(context.Background(), func(t *tx) error {
		for _, p := range countedIndexes {
			it := t.txn.NewIterator(badger.IteratorOptions{Prefix: []byte(p)})
			for it.Seek([]byte(p)); it.ValidForPrefix([]byte(p)); it.Next() {
				if k := it.Item().Key(); bytes.IndexByte(k, 0) >= 0 {
					counts[indexGroup(k)]++
				}
			}
			it.Close()
		}
		for _, p := range []string{pEdge, pRev} {
			it := t.txn.NewIterator(badger.IteratorOptions{Prefix: []byte(p)})
			for it.Seek([]byte(p)); it.ValidForPrefix([]byte(p)); it.Next() {
				if e, ok := edgeFromKey(it.Item().Key()); ok {
					g := edgeFromGroups(e)
					if p == pRev {
						g = edgeToGroups(e)
					}
					for _, name := range g {
						counts[name]++
					}
				}
			}
			it.Close()
		}
		old, err := t.keys(countKey("#"))
		stale = old
		return err
	})
	if err != nil {
		return err
	}
	for _, k := range stale {
		if err := wb.Delete(k); err != nil {
			return fmt.Errorf("drop stale counter: %w", err)
		}
	}
	for name, n := range counts {
		if err := wb.Set(countKey(name), encodeCount(n)); err != nil {
			return fmt.Errorf("write counter: %w", err)
		}
	}
	return nil
}

// firstKey returns the first key under prefix, or nil.
func (t *tx) firstKey(prefix []byte) ([]byte, error) {
	it := t.txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	it.Seek(prefix)
	if !it.ValidForPrefix(prefix) {
		return nil, nil
	}
	return it.Item().KeyCopy(nil), nil
}
