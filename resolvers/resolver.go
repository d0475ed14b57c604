// Package resolvers serves claimgraph's GraphQL API: the hand-written gqlgen
// resolvers for the schema in schema/*.graphqls, the per-request dataloaders,
// the in-process broker behind the claimAdded subscription, the error
// presenter that maps graph error codes to GraphQL errors, and the HTTP
// handler with the offline GraphiQL playground and graph view.
//
// It may import graph, graph/generated, gqlgen, gqlparser, dataloadgen and
// the standard library; ingestion reaches the extractor through an injected
// Extractor, so the package imports neither extract nor store.
package resolvers

//go:generate go tool gqlgen generate

import (
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/generated"
)

// Extractor turns an article into an extraction; the CLI passes extract.Extract.
type Extractor func(graph.Article) (*graph.Extraction, error)

// Resolver is the root of the GraphQL resolvers. It holds the store the
// resolvers read and write, the extractor used by ingestArticle and the
// broker that feeds the claimAdded subscription.
type Resolver struct {
	store   graph.Store
	extract Extractor
	broker  *broker
}

var _ generated.ResolverRoot = (*Resolver)(nil)

// New returns a Resolver over s that ingests articles with x. A nil x makes
// ingestArticle fail with an internal error.
func New(s graph.Store, x Extractor) *Resolver {
	return &Resolver{store: s, extract: x, broker: newBroker()}
}

// Publish sends claims to every claimAdded subscriber. ingestArticle calls it
// for the claims of each new article; the CLI calls it for articles it
// ingests by other paths.
func (r *Resolver) Publish(claims ...*graph.Claim) { r.broker.publish(claims) }

// Accusation returns the resolvers of Accusation.
func (r *Resolver) Accusation() generated.AccusationResolver { return &accusationResolver{r} }

// Actor returns the resolvers of Actor.
func (r *Resolver) Actor() generated.ActorResolver { return &actorResolver{r} }

// Article returns the resolvers of Article.
func (r *Resolver) Article() generated.ArticleResolver { return &articleResolver{r} }

// Claim returns the resolvers of Claim.
func (r *Resolver) Claim() generated.ClaimResolver { return &claimResolver{r} }

// ClaimCluster returns the resolvers of ClaimCluster.
func (r *Resolver) ClaimCluster() generated.ClaimClusterResolver { return &clusterResolver{r} }

// Denial returns the resolvers of Denial.
func (r *Resolver) Denial() generated.DenialResolver { return &denialResolver{r} }

// Hop returns the resolvers of Hop.
func (r *Resolver) Hop() generated.HopResolver { return &hopResolver{r} }

// IngestResult returns the resolvers of IngestResult.
func (r *Resolver) IngestResult() generated.IngestResultResolver { return &ingestResultResolver{r} }

// Mutation returns the resolvers of Mutation.
func (r *Resolver) Mutation() generated.MutationResolver { return &mutationResolver{r} }

// Query returns the resolvers of Query.
func (r *Resolver) Query() generated.QueryResolver { return &queryResolver{r} }

// SearchHit returns the resolvers of SearchHit.
func (r *Resolver) SearchHit() generated.SearchHitResolver { return &searchHitResolver{r} }

// Source returns the resolvers of Source.
func (r *Resolver) Source() generated.SourceResolver { return &sourceResolver{r} }

// Subscription returns the resolvers of Subscription.
func (r *Resolver) Subscription() generated.SubscriptionResolver { return &subscriptionResolver{r} }

type (
	accusationResolver   struct{ *Resolver }
	actorResolver        struct{ *Resolver }
	articleResolver      struct{ *Resolver }
	claimResolver        struct{ *Resolver }
	clusterResolver      struct{ *Resolver }
	denialResolver       struct{ *Resolver }
	hopResolver          struct{ *Resolver }
	ingestResultResolver struct{ *Resolver }
	mutationResolver     struct{ *Resolver }
	queryResolver        struct{ *Resolver }
	searchHitResolver    struct{ *Resolver }
	sourceResolver       struct{ *Resolver }
	subscriptionResolver struct{ *Resolver }
)
