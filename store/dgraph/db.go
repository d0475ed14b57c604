package dgraph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/dgraph-io/dgo/v240"
	"github.com/dgraph-io/dgo/v240/protos/api"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/claimgraph/claimgraph/graph"
)

// DB is a graph.Store on a Dgraph cluster.
type DB struct {
	conn *grpc.ClientConn
	dg   *dgo.Dgraph
}

var _ graph.Store = (*DB)(nil)

// maxRetries bounds how often a transaction Dgraph aborted (another
// writer touched the same IDs or names) is run again.
const maxRetries = 20

// Open connects to the Dgraph alpha at addr (HOST:PORT of its gRPC port,
// 9080 by default) and installs Schema, which leaves stored data alone.
// Returns EINTERNAL when the cluster cannot be reached within ctx.
func Open(ctx context.Context, addr string) (*DB, error) {
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(256<<20)))
	if err != nil {
		return nil, graph.Errorf(graph.EINTERNAL, "dgraph %s: %v", addr, err)
	}
	db := &DB{conn: conn, dg: dgo.NewDgraphClient(api.NewDgraphClient(conn))}
	// A cluster just started may refuse the schema for a few seconds.
	var lerr error
	for {
		if lerr = db.dg.Alter(ctx, &api.Operation{Schema: Schema}); lerr == nil {
			return db, nil
		}
		select {
		case <-ctx.Done():
			conn.Close()
			return nil, graph.Errorf(graph.EINTERNAL, "dgraph %s: install schema: %v (%v)", addr, lerr, ctx.Err())
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// DropAll deletes every node and the schema, then installs Schema again:
// an empty graph (for tests and benchmarks).
func (db *DB) DropAll(ctx context.Context) error {
	if err := db.dg.Alter(ctx, &api.Operation{DropAll: true}); err != nil {
		return graph.Errorf(graph.EINTERNAL, "dgraph: drop all: %v", err)
	}
	if err := db.dg.Alter(ctx, &api.Operation{Schema: Schema}); err != nil {
		return graph.Errorf(graph.EINTERNAL, "dgraph: install schema: %v", err)
	}
	return nil
}

// Close releases the connection.
func (db *DB) Close() error { return db.conn.Close() }

// node is what a transaction knows of one stored node.
type node struct {
	UID      string   `json:"uid"`
	ID       string   `json:"cg.id"`
	JSON     string   `json:"cg.json"`
	Types    []string `json:"dgraph.type"`
	Redirect string   `json:"redirect.to"`
	// the values of the list predicates (put replaces them value by value)
	ActorAlias   []string `json:"actor.alias"`
	ActorAff     string   `json:"actor.affiliation"`
	DocTerm      []string `json:"doc.term"`
	ClaimSpeaker []string `json:"claim.speaker"`
	ClaimKind    []string `json:"claim.kind"`
	ClaimSource  []string `json:"claim.source"`
	ClaimTarget  []string `json:"claim.target"`
	SourceAlias  []string `json:"source.alias"`
}

// values returns the stored values of a predicate put replaces.
func (n *node) values(pred string) []string {
	switch pred {
	case PredActorAlias:
		return n.ActorAlias
	case PredActorAffiliation:
		if n.ActorAff == "" {
			return nil
		}
		return []string{n.ActorAff}
	case PredDocTerm:
		return n.DocTerm
	case PredClaimSpeaker:
		return n.ClaimSpeaker
	case PredClaimKind:
		return n.ClaimKind
	case PredClaimSource:
		return n.ClaimSource
	case PredClaimTarget:
		return n.ClaimTarget
	case PredSourceAlias:
		return n.SourceAlias
	}
	return nil
}

// is reports whether n is a stored node of type typ.
func (n *node) is(typ string) bool {
	if n == nil || n.UID == "" {
		return false
	}
	for _, t := range n.Types {
		if t == typ {
			return true
		}
	}
	return false
}

// tx is one Dgraph transaction: reads go to Dgraph (through a cache of
// nodes by ID), writes are gathered and sent at commit, deletions first.
type tx struct {
	ctx   context.Context
	txn   *dgo.Txn
	nodes map[string]*node
	sets  map[string]map[string]any
	order []string
	dels  []map[string]any
	blank int
}

// update runs fn in a read-write transaction and commits it, running it
// again when Dgraph aborts it for a conflict with another writer.
func (db *DB) update(ctx context.Context, what string, fn func(t *tx) error) error {
	for try := 0; ; try++ {
		err := db.run(ctx, false, fn)
		if !errors.Is(err, dgo.ErrAborted) || try >= maxRetries {
			return wrap(what, err)
		}
		select {
		case <-ctx.Done():
			return wrap(what, ctx.Err())
		case <-time.After(time.Duration(1+try) * 5 * time.Millisecond):
		}
	}
}

// view runs fn in a read-only transaction.
func (db *DB) view(ctx context.Context, fn func(t *tx) error) error {
	return wrap("read", db.run(ctx, true, fn))
}

// run runs fn in a new transaction, committing it unless readOnly.
func (db *DB) run(ctx context.Context, readOnly bool, fn func(t *tx) error) error {
	t := &tx{ctx: ctx, nodes: map[string]*node{}, sets: map[string]map[string]any{}}
	if readOnly {
		t.txn = db.dg.NewReadOnlyTxn()
	} else {
		t.txn = db.dg.NewTxn()
	}
	defer t.txn.Discard(context.WithoutCancel(ctx))
	if err := fn(t); err != nil {
		return err
	}
	if readOnly {
		return nil
	}
	return t.commit()
}

// wrap gives an error a code: graph errors keep theirs, others are
// EINTERNAL with what failed.
func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	var ge *graph.Error
	if errors.As(err, &ge) {
		return err
	}
	return &graph.Error{Code: graph.EINTERNAL, Message: fmt.Sprintf("dgraph: %s: %v", what, err)}
}

// query runs a DQL query and decodes its JSON answer into out.
func (t *tx) query(q string, out any) error {
	resp, err := t.txn.Query(t.ctx, q)
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	if err := json.Unmarshal(resp.Json, out); err != nil {
		return fmt.Errorf("decode answer: %w", err)
	}
	return nil
}

// nodeFields are the predicates a node is read with.
const nodeFields = "uid cg.id cg.json dgraph.type redirect.to actor.alias actor.affiliation doc.term claim.speaker claim.kind claim.source claim.target source.alias"

// load reads the nodes with the given IDs that the transaction does not
// know yet, in one query.
func (t *tx) load(ids ...string) error {
	var want []string
	for _, id := range ids {
		if _, ok := t.nodes[id]; !ok && id != "" {
			want = append(want, id)
			t.nodes[id] = &node{ID: id}
		}
	}
	if len(want) == 0 {
		return nil
	}
	var out struct{ Q []*node }
	if err := t.query(`{q(func: eq(cg.id, `+list(want)+`)) {`+nodeFields+`}}`, &out); err != nil {
		return err
	}
	for _, n := range out.Q {
		t.nodes[n.ID] = n
	}
	return nil
}

// get returns the node with an ID; its UID is "" when there is none.
func (t *tx) get(id string) (*node, error) {
	if id == "" {
		return &node{}, nil
	}
	if err := t.load(id); err != nil {
		return nil, err
	}
	return t.nodes[id], nil
}

// record decodes the JSON record of the node with an ID and type into v;
// ok is false when there is no such node.
func (t *tx) record(id, typ string, v any) (ok bool, err error) {
	n, err := t.get(id)
	if err != nil || !n.is(typ) {
		return false, err
	}
	if err := json.Unmarshal([]byte(n.JSON), v); err != nil {
		return false, fmt.Errorf("decode %s: %w", id, err)
	}
	return true, nil
}

// mustRecord is record with ENOTFOUND for a missing node.
func (t *tx) mustRecord(id, typ string, v any) error {
	ok, err := t.record(id, typ, v)
	if err == nil && !ok {
		err = graph.Errorf(graph.ENOTFOUND, "%s %q not found", strings.ToLower(typ), id)
	}
	return err
}

// put writes the node with an ID and type: fields (predicate values; a
// record given as rec is stored in cg.json). The list predicates in
// replace lose their stored values first.
func (t *tx) put(id, typ string, rec any, fields map[string]any, replace ...string) error {
	n, err := t.get(id)
	if err != nil {
		return err
	}
	uid := n.UID
	if uid == "" || strings.HasPrefix(uid, "_:") {
		if uid == "" {
			t.blank++
			uid = "_:n" + strconv.Itoa(t.blank)
		}
	} else if len(replace) > 0 {
		// Delete the stored values the new ones lack, value by value:
		// deleting a whole list (p: null) and setting it again in one
		// transaction trips a Dgraph v24 bug ("deleteBelowTs must be
		// greater than the minTs in the list").
		d := map[string]any{"uid": uid}
		for _, p := range replace {
			keep := map[string]bool{}
			switch v := fields[p].(type) {
			case string:
				keep[v] = true
			case []string:
				for _, x := range v {
					keep[x] = true
				}
			}
			var gone []string
			for _, old := range n.values(p) {
				if !keep[old] {
					gone = append(gone, old)
				}
			}
			switch {
			case len(gone) > 0 && p == PredActorAffiliation:
				d[p] = gone[0] // a single value
			case len(gone) > 0:
				d[p] = gone
			}
		}
		if len(d) > 1 {
			t.dels = append(t.dels, d)
		}
	}
	obj := map[string]any{"uid": uid, PredID: id, "dgraph.type": typ}
	for k, v := range fields {
		obj[k] = v
	}
	var js string
	if rec != nil {
		b, err := json.Marshal(rec)
		if err != nil {
			return fmt.Errorf("encode %s: %w", id, err)
		}
		js = string(b)
		obj[PredJSON] = js
	}
	if _, ok := t.sets[id]; !ok {
		t.order = append(t.order, id)
	}
	t.sets[id] = obj
	redirect, _ := fields[PredRedirect].(string)
	// the stored values stay known: they are what a later put in this
	// transaction deletes from
	stored := *n
	stored.UID, stored.ID, stored.JSON, stored.Types, stored.Redirect = uid, id, js, []string{typ}, redirect
	t.nodes[id] = &stored
	return nil
}

// remove deletes the node with an ID (all predicates of its type).
func (t *tx) remove(id string) error {
	n, err := t.get(id)
	if err != nil || n.UID == "" {
		return err
	}
	if !strings.HasPrefix(n.UID, "_:") {
		t.dels = append(t.dels, map[string]any{"uid": n.UID})
	}
	if _, ok := t.sets[id]; ok {
		delete(t.sets, id)
	}
	t.nodes[id] = &node{ID: id}
	return nil
}

// commit sends the gathered deletions, then the writes, and commits.
func (t *tx) commit() error {
	if len(t.dels) > 0 {
		b, err := json.Marshal(t.dels)
		if err != nil {
			return err
		}
		if _, err := t.txn.Mutate(t.ctx, &api.Mutation{DeleteJson: b}); err != nil {
			return fmt.Errorf("delete: %w", err)
		}
	}
	var sets []map[string]any
	for _, id := range t.order {
		if o, ok := t.sets[id]; ok {
			sets = append(sets, o)
		}
	}
	if len(sets) > 0 {
		b, err := json.Marshal(sets)
		if err != nil {
			return err
		}
		if _, err := t.txn.Mutate(t.ctx, &api.Mutation{SetJson: b}); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	if len(t.dels) == 0 && len(sets) == 0 {
		return nil
	}
	if err := t.txn.Commit(t.ctx); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// list renders strings as a DQL list of string literals.
func list(ss []string) string {
	b, _ := json.Marshal(ss)
	return string(b)
}

// lit renders a string as a DQL string literal.
func lit(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
