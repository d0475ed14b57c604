package resolvers

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/claimgraph/claimgraph/graph"
)

// access says who may change the graph: everyone, the holders of a bearer
// token, or no one (refused, with the reason given to the client).
type access struct {
	// token is the SHA-256 of the bearer token, nil when none is set.
	token []byte
	// refused, when not empty, refuses every mutation with this reason.
	refused string
}

// newAccess derives the access rule of opts.
func newAccess(opts HandlerOptions) access {
	var a access
	switch {
	case opts.ReadOnly:
		a.refused = "the server is read-only: it refuses every mutation"
	case opts.Token != "":
		sum := sha256.Sum256([]byte(opts.Token))
		a.token = sum[:]
	case opts.RefuseMutations:
		a.refused = "the server has no token and listens beyond loopback, so it refuses mutations: restart it with --token (or CLAIMGRAPH_TOKEN) and send Authorization: Bearer TOKEN"
	}
	return a
}

// check returns nil when r may mutate the graph, else an EUNAUTHORIZED
// error saying why. The token is compared in constant time (of their
// digests, so not even its length leaks).
func (a access) check(r *http.Request) *graph.Error {
	if a.refused != "" {
		return unauthorized("%s", a.refused)
	}
	if a.token == nil {
		return nil
	}
	h := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return unauthorized("mutations need the header Authorization: Bearer TOKEN")
	}
	sum := sha256.Sum256([]byte(strings.TrimSpace(tok)))
	if subtle.ConstantTimeCompare(sum[:], a.token) != 1 {
		return unauthorized("the bearer token is not the server's")
	}
	return nil
}

// requestState is what the HTTP layer and the GraphQL extensions of one
// request share: whether it may mutate (mutate is nil then, else the
// reason it may not) and whether the load gate shed it.
type requestState struct {
	mutate *graph.Error
	shed   atomic.Bool
}

type stateKey struct{}

// stateOf returns the state of the request ctx belongs to; nil outside the
// handler (operations over a websocket share their upgrade request's).
func stateOf(ctx context.Context) *requestState {
	s, _ := ctx.Value(stateKey{}).(*requestState)
	return s
}

// mutationGate is a gqlgen extension refusing mutations the request may
// not run, before any resolver runs, with the error code UNAUTHORIZED.
// Without a request state (no HTTP request behind the operation) it
// refuses too.
type mutationGate struct{}

var (
	_ graphql.HandlerExtension        = mutationGate{}
	_ graphql.OperationContextMutator = mutationGate{}
)

func (mutationGate) ExtensionName() string                   { return "MutationGate" }
func (mutationGate) Validate(graphql.ExecutableSchema) error { return nil }

func (mutationGate) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil || oc.Operation.Operation != ast.Mutation {
		return nil
	}
	err := unauthorized("no request to authorize")
	if s := stateOf(ctx); s != nil {
		err = s.mutate
	}
	if err == nil {
		return nil
	}
	ge := gqlerror.Errorf("%s", err.Message)
	ge.Extensions = map[string]any{"code": strings.ToUpper(graph.EUNAUTHORIZED)}
	return ge
}

// unauthorized returns an EUNAUTHORIZED error.
func unauthorized(format string, args ...any) *graph.Error {
	return &graph.Error{Code: graph.EUNAUTHORIZED, Message: fmt.Sprintf(format, args...)}
}
