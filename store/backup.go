package store

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

// Backup writes every key of db, as of one snapshot, to w in Badger's
// backup format (DB.Backup: length-prefixed protobuf lists of key-value
// pairs), which Restore reads back. It stops with ctx's error when ctx
// ends.
func (db *DB) Backup(ctx context.Context, w io.Writer) error {
	// Badger's DB.Backup streams with 8 goroutines, each holding its
	// batches: 3.4 GB of RSS for a 30k-article database; backupStreams
	// of them keep it smaller (BENCHMARKS.md).
	stream := db.bdb.NewStream()
	stream.LogPrefix = "claimgraph backup"
	stream.NumGo = backupStreams
	if _, err := stream.Backup(ctxWriter{ctx, w}, 0); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

// backupStreams is how many goroutines read the database for a backup;
// restorePending how many batches a restore has Badger write at once
// (each up to a sizeable part of a memtable: 256 of them, which Badger's
// examples use, took 5.6 GB of RSS restoring 30k articles).
const (
	backupStreams  = 2
	restorePending = 8
)

// ErrRestoreNotEmpty is returned by Restore for a database that holds data
// when it is not told to replace it.
var ErrRestoreNotEmpty = graph.Errorf(graph.ECONFLICT, "the database is not empty; restore into an empty one, or replace its contents")

// Restore loads a backup written by Backup into db. The database must be
// empty (it holds no key but its format stamp) unless replace is set, when
// everything in it is dropped first; a backup mixed into other data would
// leave counters and indexes wrong. A backup of an older format is
// upgraded as Open would. Nothing else may use db meanwhile.
func (db *DB) Restore(ctx context.Context, r io.Reader, replace bool) error {
	db.mu.Lock()
	empty := true
	err := db.bdb.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if string(it.Item().Key()) != string(countKey(cntFormat)) {
				empty = false
				return nil
			}
		}
		return nil
	})
	if err == nil && !empty {
		if !replace {
			err = ErrRestoreNotEmpty
		} else if derr := db.bdb.DropAll(); derr != nil {
			err = fmt.Errorf("restore: empty the database: %w", derr)
		}
	}
	if err == nil {
		if lerr := db.bdb.Load(ctxReader{ctx, r}, restorePending); lerr != nil {
			err = fmt.Errorf("restore: %w", lerr)
			if ctx.Err() != nil {
				err = ctx.Err()
			}
		}
	}
	// The caches describe the data before the load.
	db.counters, db.actors, db.clusters = nil, nil, nil
	db.dropClusterOrder()
	db.mu.Unlock()
	if err != nil {
		return err
	}
	if err := db.upgrade(); err != nil {
		return err
	}
	return db.finishCuration(ctx)
}

// ctxWriter is a writer that fails once its context ends.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

// Write writes p unless the context has ended.
func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// ctxReader is a reader that fails once its context ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

// Read reads into p unless the context has ended.
func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// ErrLocked is wrapped by the error Open returns when another process has
// the database open.
var ErrLocked = graph.Errorf(graph.ECONFLICT, "it is locked")

// lockedError words Badger's failure to lock dir: which process holds
// it, when Badger's pid file and /proc tell.
func lockedError(dir string) error {
	holder := "another process"
	if b, err := os.ReadFile(filepath.Join(dir, "LOCK")); err == nil {
		if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && pid > 0 {
			holder = fmt.Sprintf("process %d", pid)
			if cmd, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid)); err == nil && len(cmd) > 0 {
				args := strings.Fields(strings.ReplaceAll(string(cmd), "\x00", " "))
				if len(args) > 0 {
					args[0] = filepath.Base(args[0])
				}
				holder += " (" + strings.Join(args, " ") + ")"
			}
		}
	}
	return fmt.Errorf("database %s is held by %s: %w", dir, holder, ErrLocked)
}
