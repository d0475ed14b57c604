package resolvers

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/generated"
)

// assets holds the playground and graph view pages and the browser
// libraries they load, fetched from npm by assets/fetch.sh (see
// assets/README.md). Nothing is loaded from another host.
//
//go:embed assets/*.html assets/*.js assets/*.css
var assets embed.FS

// Defaults of HandlerOptions.
const (
	DefaultComplexityLimit = 10000
	DefaultDepthLimit      = 12
	DefaultAPQCacheSize    = 1000
	DefaultMaxBodyBytes    = 2*graph.MaxArticleBytes + 1<<20
	DefaultMaxQueryBytes   = 64 << 10
	DefaultMaxAliases      = 100
	DefaultRequestTimeout  = 15 * time.Second
	DefaultQueueWait       = 2 * time.Second
	DefaultStreamTimeout   = time.Minute
)

// DefaultMaxExpensive is the default of HandlerOptions.MaxExpensive: two
// expensive operations per CPU.
func DefaultMaxExpensive() int { return 2 * runtime.GOMAXPROCS(0) }

// HandlerOptions configures NewHandler. Zero fields take the defaults.
type HandlerOptions struct {
	// ComplexityLimit caps the cost of one operation: each field costs 1 and
	// a list field costs its page size (first) times its items' cost.
	// Default DefaultComplexityLimit.
	ComplexityLimit int
	// DepthLimit caps how deep an operation's fields nest, introspection
	// aside. Default DefaultDepthLimit.
	DepthLimit int
	// APQCacheSize is the number of automatic persisted queries kept (LRU).
	// Default DefaultAPQCacheSize.
	APQCacheSize int
	// MaxBodyBytes caps the size of a request to /query. Default
	// DefaultMaxBodyBytes, room for the largest article JSON-escaped.
	MaxBodyBytes int64
	// MaxQueryBytes caps the text of one operation, checked before it is
	// parsed. Default DefaultMaxQueryBytes.
	MaxQueryBytes int
	// MaxAliases caps the aliased fields of one operation. Default
	// DefaultMaxAliases.
	MaxAliases int
	// RequestTimeout is how long one query or mutation may run: its
	// context, and with it the store's work, is cancelled then and the
	// client gets TIMEOUT. Default DefaultRequestTimeout.
	RequestTimeout time.Duration
	// MaxExpensive caps the operations of complexity ScanCost or more
	// running at once; others wait for a slot up to QueueWait, then get
	// HTTP 503 with Retry-After. Default DefaultMaxExpensive().
	MaxExpensive int
	// QueueWait is how long an expensive operation waits for a slot;
	// negative sheds at once. Default DefaultQueueWait.
	QueueWait time.Duration
	// StreamTimeout is how long POST /ingest waits for the next line of
	// its body, or to write a progress line, before it gives up; the
	// server's own read and write timeouts do not apply to that stream or
	// to websockets. Default DefaultStreamTimeout.
	StreamTimeout time.Duration
	// Token, when not empty, is the bearer token every mutation (and
	// POST /ingest) must present as "Authorization: Bearer TOKEN".
	Token string
	// ReadOnly refuses every mutation and POST /ingest.
	ReadOnly bool
	// RefuseMutations refuses every mutation when Token is empty: for a
	// server reachable beyond loopback without a token. With neither
	// Token, ReadOnly nor RefuseMutations, anyone may mutate.
	RefuseMutations bool
	// Logger receives internal errors and resolver panics. Default
	// slog.Default().
	Logger *slog.Logger
}

// NewHandler serves the GraphQL API of r at /query (POST and GET, and
// websockets for subscriptions), bulk ingestion at POST /ingest (see
// bulkIngest), the offline GraphiQL playground at /, the graph view at
// /graph and their files at /assets/. Mutations and /ingest follow the
// access rule of opts (Token, ReadOnly, RefuseMutations); queries are
// bounded by its limits.
func NewHandler(r *Resolver, opts HandlerOptions) http.Handler {
	if opts.ComplexityLimit <= 0 {
		opts.ComplexityLimit = DefaultComplexityLimit
	}
	if opts.DepthLimit <= 0 {
		opts.DepthLimit = DefaultDepthLimit
	}
	if opts.APQCacheSize <= 0 {
		opts.APQCacheSize = DefaultAPQCacheSize
	}
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opts.MaxQueryBytes <= 0 {
		opts.MaxQueryBytes = DefaultMaxQueryBytes
	}
	if opts.MaxAliases <= 0 {
		opts.MaxAliases = DefaultMaxAliases
	}
	if opts.RequestTimeout <= 0 {
		opts.RequestTimeout = DefaultRequestTimeout
	}
	if opts.MaxExpensive <= 0 {
		opts.MaxExpensive = DefaultMaxExpensive()
	}
	if opts.QueueWait == 0 {
		opts.QueueWait = DefaultQueueWait
	}
	if opts.StreamTimeout <= 0 {
		opts.StreamTimeout = DefaultStreamTimeout
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}

	srv := handler.New(generated.NewExecutableSchema(generated.Config{
		Resolvers:  r,
		Complexity: complexity(),
	}))
	srv.AddTransport(transport.Websocket{KeepAlivePingInterval: 10 * time.Second})
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(jsonPOST{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](opts.APQCacheSize)})
	srv.Use(queryLimits{maxBytes: opts.MaxQueryBytes, maxAliases: opts.MaxAliases})
	srv.Use(mutationGate{})
	srv.Use(depthLimit{max: opts.DepthLimit})
	srv.Use(extension.FixedComplexityLimit(opts.ComplexityLimit))
	srv.Use(&loadGate{timeout: opts.RequestTimeout, wait: opts.QueueWait, slots: make(chan struct{}, opts.MaxExpensive)})
	srv.AroundResponses(withLoaders(r.store))
	srv.SetErrorPresenter(errorPresenter(opts.Logger))
	srv.SetRecoverFunc(recoverFunc(opts.Logger))

	static, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	mux := http.NewServeMux()
	acc := newAccess(opts)
	mux.Handle("/query", guard(srv, acc, opts.MaxBodyBytes))
	mux.Handle("POST /ingest", &bulkIngest{r: r, access: acc, lineTimeout: opts.StreamTimeout, log: opts.Logger, busy: make(chan struct{}, 1)})
	mux.Handle("GET /{$}", page(static, "index.html"))
	mux.Handle("GET /graph", page(static, "graph.html"))
	mux.Handle("GET /assets/", http.StripPrefix("/assets/", cached(http.FileServerFS(static))))
	return mux
}

// guard wraps the GraphQL handler for one request: it records whether the
// request may mutate (for mutationGate), answers 413 to a body over
// maxBody, and turns a request the load gate shed into a 503 with
// Retry-After. A websocket upgrade passes through unwrapped: the upgrader
// takes the connection and clears the server's read and write deadlines,
// so that a subscription outlives them.
func guard(next http.Handler, acc access, maxBody int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := &requestState{mutate: acc.check(r)}
		r = r.WithContext(context.WithValue(r.Context(), stateKey{}, st))
		if strings.EqualFold(r.Header.Get("Upgrade"), "websocket") {
			// the websocket upgrade clears the server's deadlines itself
			next.ServeHTTP(w, r)
			return
		}
		if r.ContentLength > maxBody {
			tooLarge(w, maxBody)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		next.ServeHTTP(&shedWriter{ResponseWriter: w, st: st}, r)
	})
}

// tooLarge answers a request whose body is over limit bytes.
func tooLarge(w http.ResponseWriter, limit int64) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Connection", "close")
	w.WriteHeader(http.StatusRequestEntityTooLarge)
	writeResponse(w, &graphql.Response{Errors: gqlerror.List{{
		Message:    fmt.Sprintf("the request body is over the limit of %d bytes", limit),
		Extensions: map[string]any{"code": strings.ToUpper(graph.ETOOLARGE)},
	}}})
}

// shedWriter answers 503 with Retry-After, whatever status the transport
// chose, when the load gate shed the request.
type shedWriter struct {
	http.ResponseWriter
	st    *requestState
	wrote bool
}

func (w *shedWriter) WriteHeader(code int) {
	if !w.wrote {
		w.wrote = true
		if w.st.shed.Load() {
			w.Header().Set("Retry-After", "1")
			code = http.StatusServiceUnavailable
		}
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *shedWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *shedWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// page serves one embedded HTML file.
func page(static fs.FS, name string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		b, err := fs.ReadFile(static, name)
		if err != nil {
			http.NotFound(w, req)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:")
		_, _ = w.Write(b)
	})
}

// cached lets browsers keep the (versioned, embedded) assets for an hour.
func cached(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, req)
	})
}
