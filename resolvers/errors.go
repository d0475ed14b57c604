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

// errorPresenter turns a resolver error into the GraphQL error a client
// sees. An error carrying a graph code keeps its message and gets the code,
// upper-cased, as extensions.code (INVALID, NOT_FOUND, …). gqlgen's own
// errors (parse, validation, limits) pass through. Anything else is internal:
// it is logged and the client sees only "internal error".
func errorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		var ge *graph.Error
		if errors.As(err, &ge) && ge.Code != graph.EINTERNAL {
			return &gqlerror.Error{
				Message:    ge.Message,
				Path:       graphql.GetPath(ctx),
				Extensions: map[string]any{"code": strings.ToUpper(ge.Code)},
				Err:        err,
			}
		}
		var qe *gqlerror.Error
		if errors.As(err, &qe) && ge == nil && !wrapsForeign(qe) {
			return graphql.DefaultErrorPresenter(ctx, err)
		}
		log.ErrorContext(ctx, "graphql: internal error", "path", graphql.GetPath(ctx).String(), "err", err)
		return &gqlerror.Error{
			Message:    "internal error",
			Path:       graphql.GetPath(ctx),
			Extensions: map[string]any{"code": strings.ToUpper(graph.EINTERNAL)},
		}
	}
}

// wrapsForeign reports whether a gqlgen error carries a resolver error of
// unknown origin (gqlgen wraps some resolver errors in a *gqlerror.Error).
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
