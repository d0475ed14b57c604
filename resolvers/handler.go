package resolvers

import (
	"embed"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

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
)

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
	// Logger receives internal errors and resolver panics. Default
	// slog.Default().
	Logger *slog.Logger
}

// NewHandler serves the GraphQL API of r at /query (POST and GET, and
// websockets for subscriptions), the offline GraphiQL playground at /, the
// graph view at /graph and their files at /assets/.
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
	srv.Use(extension.FixedComplexityLimit(opts.ComplexityLimit))
	srv.Use(depthLimit{max: opts.DepthLimit})
	srv.AroundResponses(withLoaders(r.store))
	srv.SetErrorPresenter(errorPresenter(opts.Logger))
	srv.SetRecoverFunc(recoverFunc(opts.Logger))

	static, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	mux := http.NewServeMux()
	mux.Handle("/query", http.MaxBytesHandler(srv, opts.MaxBodyBytes))
	mux.Handle("GET /{$}", page(static, "index.html"))
	mux.Handle("GET /graph", page(static, "graph.html"))
	mux.Handle("GET /assets/", http.StripPrefix("/assets/", cached(http.FileServerFS(static))))
	return mux
}

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
