package resolvers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/claimgraph/claimgraph/graph"
)

// errorPresenter turns an error into the GraphQL error a client sees,
// keeping gqlgen's path and locations. An error carrying a graph code keeps
// its message and gets the code, upper-cased, as extensions.code (INVALID,
// NOT_FOUND, …). gqlgen's own errors (parse, validation, limits, persisted
// queries) pass through. Anything else, including every resolver error
// without a code, is internal: it is logged and the client sees only
// "internal error". Work cut off by the request's deadline (loadGate) is
// TIMEOUT.
func errorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		out := graphql.DefaultErrorPresenter(ctx, err)
		if errors.Is(err, context.DeadlineExceeded) {
			out.Message = "the request ran past the server's time limit"
			out.Extensions = map[string]any{"code": "TIMEOUT"}
			return out
		}
		var ge *graph.Error
		if errors.As(err, &ge) && ge.Code != graph.EINTERNAL {
			out.Message = ge.Message
			out.Extensions = map[string]any{"code": strings.ToUpper(ge.Code)}
			return out
		}
		var qe *gqlerror.Error
		if ge == nil && errors.As(err, &qe) && !wrapsForeign(qe) {
			return out
		}
		log.ErrorContext(ctx, "graphql: internal error", "path", out.Path.String(), "err", err)
		return &gqlerror.Error{
			Message:    "internal error",
			Path:       out.Path,
			Locations:  out.Locations,
			Extensions: map[string]any{"code": strings.ToUpper(graph.EINTERNAL)},
		}
	}
}

// wrapsForeign reports whether a gqlgen error carries an error of unknown
// origin: gqlgen wraps resolver errors in a *gqlerror.Error to add the
// field's location.
func wrapsForeign(qe *gqlerror.Error) bool {
	if qe.Err == nil {
		return false
	}
	var inner *gqlerror.Error
	return !errors.As(qe.Err, &inner)
}

// recoverFunc turns a resolver panic into an internal error, logged with the
// panic value.
func recoverFunc(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "graphql: panic in resolver", "path", graphql.GetPath(ctx).String(), "panic", p)
		return fmt.Errorf("panic in resolver: %v", p)
	}
}
