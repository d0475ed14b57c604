// Package storebench holds what benchmarks outside package store need of
// Badger itself, which no package of claimgraph but store's own imports:
// the write that ends a bulk load, timed alone. It reads a closed
// database's keys into memory (ReadKVs) and writes them into a new one
// through Badger's StreamWriter (KVs.Stream), as a Loader's Finish does,
// so that the cost of Badger's write can be told from the rest of a load.
package storebench

import (
	"bytes"
	"fmt"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"github.com/dgraph-io/ristretto/v2/z"

	"github.com/claimgraph/claimgraph/store"
)

// chunk is the size of the buffers handed to the StreamWriter, and span
// the data after which a new stream (whose tables Badger builds in
// parallel with the others') begins, as in a Loader.
const (
	chunk = 4 << 20
	span  = 64 << 20
)

// KVs holds keys and values of a database, latest versions, in key
// order, encoded as the buffers Badger's StreamWriter takes.
type KVs struct {
	bufs []*z.Buffer
	// Keys is the number of keys held.
	Keys int
}

// ReadKVs reads every key of the closed database in dir, but those that
// start with one of skip, with its value, into memory.
func ReadKVs(dir string, skip [][]byte) (*KVs, error) {
	db, err := badger.Open(badger.DefaultOptions(dir).WithReadOnly(true).WithLogger(nil))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", dir, err)
	}
	defer db.Close()
	kvs := &KVs{}
	buf := z.NewBuffer(2*chunk, "storebench")
	stream, size := uint32(1), 0
	err = db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
	keys:
		for it.Rewind(); it.Valid(); it.Next() {
			for _, p := range skip {
				if bytes.HasPrefix(it.Item().Key(), p) {
					continue keys
				}
			}
			kv := &pb.KV{Key: it.Item().KeyCopy(nil), Version: 1, StreamId: stream}
			var err error
			if kv.Value, err = it.Item().ValueCopy(nil); err != nil {
				return err
			}
			badger.KVToBuffer(kv, buf)
			kvs.Keys++
			if size += len(kv.Key) + len(kv.Value); size >= span {
				badger.KVToBuffer(&pb.KV{StreamId: stream, StreamDone: true}, buf)
				stream, size = stream+1, 0
			}
			if buf.LenNoPadding() >= chunk {
				kvs.bufs = append(kvs.bufs, buf)
				buf = z.NewBuffer(2*chunk, "storebench")
			}
		}
		return nil
	})
	kvs.bufs = append(kvs.bufs, buf)
	if err != nil {
		kvs.Release()
		return nil, fmt.Errorf("read %s: %w", dir, err)
	}
	return kvs, nil
}

// Stream writes kvs into a new database in dir, with the Badger settings
// of a bulk load (store.Options{BulkLoad: true}), through a StreamWriter.
func (kvs *KVs) Stream(dir string) error {
	db, err := badger.Open(store.BadgerOptions(dir, store.Options{BulkLoad: true}))
	if err != nil {
		return fmt.Errorf("open %s: %w", dir, err)
	}
	sw := db.NewStreamWriter()
	if err := sw.Prepare(); err != nil {
		sw.Cancel()
		db.Close()
		return fmt.Errorf("prepare the stream: %w", err)
	}
	for _, buf := range kvs.bufs {
		if err := sw.Write(buf); err != nil {
			sw.Cancel()
			db.Close()
			return fmt.Errorf("write the stream: %w", err)
		}
	}
	if err := sw.Flush(); err != nil {
		db.Close()
		return fmt.Errorf("finish the stream: %w", err)
	}
	return db.Close()
}

// Release frees the buffers.
func (kvs *KVs) Release() {
	for _, b := range kvs.bufs {
		b.Release()
	}
	kvs.bufs = nil
}
