package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/store/dgraph"
)

// storeUsage documents the --store flag of serve and ingest.
const storeUsage = "graph store: dgraph://HOST:PORT for a Dgraph cluster (its alpha's gRPC port, 9080 by default); empty for the Badger database in --db"

// openDgraph connects to the Dgraph cluster a --store value names
// (dgraph://HOST:PORT) and installs claimgraph's schema there.
func openDgraph(ctx context.Context, spec string) (*dgraph.DB, error) {
	addr, ok := strings.CutPrefix(spec, "dgraph://")
	if !ok || addr == "" || strings.Contains(addr, "/") {
		return nil, fmt.Errorf("--store %q: want dgraph://HOST:PORT", spec)
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	db, err := dgraph.Open(ctx, addr)
	if err != nil {
		return nil, fmt.Errorf("--store %s: %w", spec, err)
	}
	return db, nil
}
