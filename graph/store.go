package graph

import "context"

// MaxPage is the largest page a list call returns.
const MaxPage = 100

// Page selects a window of a list in its order. Forward (the default): up
// to First items after the item whose ID is After ("" for the start).
// Backward, when Last or Before is set: up to Last items before the item
// whose ID is Before ("" for the end), returned in list order. Cursors are
// item IDs in every order (edges: EdgeCursor; search: hit IDs).
type Page struct {
	First int
	After string
	// Last and Before page backward from the end of the list.
	Last   int
	Before string
}

// Backward reports whether p pages backward (Last or Before set).
func (p Page) Backward() bool { return p.Last > 0 || p.Before != "" }

// Limit returns the page size, clamped to 1..MaxPage (default 20): Last
// when paging backward, else First.
func (p Page) Limit() int {
	n := p.First
	if p.Backward() {
		n = p.Last
	}
	switch {
	case n <= 0:
		return 20
	case n > MaxPage:
		return MaxPage
	}
	return n
}

// Cursor returns the ID the page starts from: Before when paging backward,
// else After ("" for an end of the list).
func (p Page) Cursor() string {
	if p.Backward() {
		return p.Before
	}
	return p.After
}

// OrderField names what a list is sorted by.
type OrderField string

// Order fields. Lists sort by ID unless told otherwise.
const (
	OrderByID OrderField = "ID"
	// OrderByPublishedAt sorts by the publication time of the article (a
	// claim's article), then by ID; undated articles come first.
	OrderByPublishedAt OrderField = "PUBLISHED_AT"
)

// Order says how a list is sorted. The zero value is by ID, ascending.
type Order struct {
	Field OrderField
	Desc  bool
}

// ByDate reports whether o sorts by publication time.
func (o Order) ByDate() bool { return o.Field == OrderByPublishedAt }

// Validate returns EINVALID for an unknown field.
func (o Order) Validate() error {
	switch o.Field {
	case "", OrderByID, OrderByPublishedAt:
		return nil
	}
	return Errorf(EINVALID, "unknown order field %q", o.Field)
}

// ActorFilter selects actors. Zero fields do not filter.
type ActorFilter struct {
	// Name matches the actor's name or any alias, case-insensitively
	// (compared by NameKey).
	Name string
	// NamePrefix matches a name or alias whose NameKey starts with
	// NamePrefix's; NameContains one whose NameKey holds NameContains's.
	NamePrefix   string
	NameContains string
	Kind         ActorKind
	// Order is by ID unless it names a count (ActorOrderField).
	Order ActorSort
	Page
}

// SourceFilter selects sources. Zero fields do not filter.
type SourceFilter struct {
	Name string
	// NamePrefix and NameContains match names as in ActorFilter.
	NamePrefix   string
	NameContains string
	Kind         SourceKind
	Page
}

// ActorOrderField names what actors are sorted by.
type ActorOrderField string

// Actor order fields: counts kept at ingest, then the ID.
const (
	ActorOrderByID ActorOrderField = "ID"
	// ActorOrderByClaims counts the claims the actor made.
	ActorOrderByClaims ActorOrderField = "CLAIMS"
	// ActorOrderByAccusations counts the accusations it made.
	ActorOrderByAccusations ActorOrderField = "ACCUSATIONS"
	// ActorOrderByAccused counts the accusations made against it.
	ActorOrderByAccused ActorOrderField = "ACCUSED"
	// ActorOrderByDenials counts the denials it made.
	ActorOrderByDenials ActorOrderField = "DENIALS"
)

// ActorSort says how actors are sorted. The zero value is by ID,
// ascending.
type ActorSort struct {
	Field ActorOrderField
	Desc  bool
}

// Validate returns EINVALID for an unknown field.
func (o ActorSort) Validate() error {
	switch o.Field {
	case "", ActorOrderByID, ActorOrderByClaims, ActorOrderByAccusations, ActorOrderByAccused, ActorOrderByDenials:
		return nil
	}
	return Errorf(EINVALID, "unknown actor order field %q", o.Field)
}

// ArticleFilter selects articles. Zero fields do not filter.
type ArticleFilter struct {
	Publisher string
	// PublishedAfter and PublishedBefore bound the publication time (see
	// DateRange: on or after, strictly before); RFC 3339 or YYYY-MM-DD.
	// Undated articles are left out when either is set.
	PublishedAfter  string
	PublishedBefore string
	Order           Order
	Page
}

// Dates returns the filter's publication window.
func (f ArticleFilter) Dates() DateRange { return DateRange{f.PublishedAfter, f.PublishedBefore} }

// Validate returns EINVALID for a bad date or order.
func (f ArticleFilter) Validate() error {
	if _, _, err := f.Dates().Keys(); err != nil {
		return err
	}
	return f.Order.Validate()
}

// ClaimFilter selects claims. Zero fields do not filter.
type ClaimFilter struct {
	// Speaker is an actor ID: claims it says.
	Speaker string
	// Kind keeps claims that carry at least one edge of this kind.
	Kind EdgeKind
	// Article is an article ID.
	Article string
	// Source is a source ID: claims it reports.
	Source string
	// Target is an actor ID: claims that accuse or deny it.
	Target string
	// Publisher keeps claims of articles from this publisher (compared by
	// NameKey).
	Publisher string
	// PublishedAfter and PublishedBefore bound the publication time of the
	// claim's article, as in ArticleFilter.
	PublishedAfter  string
	PublishedBefore string
	// Text keeps claims whose text holds every searchable word of it
	// (matched as Search matches them), read from the search index.
	Text  string
	Order Order
	Page
}

// Dates returns the filter's publication window.
func (f ClaimFilter) Dates() DateRange { return DateRange{f.PublishedAfter, f.PublishedBefore} }

// Validate returns EINVALID for an unknown kind, a bad date or order.
// (Whether Text has a searchable word is the store's to say.)
func (f ClaimFilter) Validate() error {
	if f.Kind != "" && !f.Kind.Valid() {
		return Errorf(EINVALID, "unknown edge kind %q", f.Kind)
	}
	if _, _, err := f.Dates().Keys(); err != nil {
		return err
	}
	return f.Order.Validate()
}

// EdgeFilter selects edges. At least one of From, To, Claim or Denied must
// be set.
type EdgeFilter struct {
	Kind  EdgeKind
	From  string
	To    string
	Claim string
	// Denied is a claim ID: denies edges that deny it (Edge.DeniedClaim),
	// read from an index of denials by denied claim.
	Denied string
	// Article narrows the selection to edges read from this article; with
	// Kind denies it is read from an index of denials by article.
	Article string
	// PublishedAfter and PublishedBefore keep the edges whose article is
	// dated (Article.TimeKey) in that window, as in ClaimFilter.
	PublishedAfter  string
	PublishedBefore string
	Page
}

// Dates returns the filter's publication window.
func (f EdgeFilter) Dates() DateRange { return DateRange{f.PublishedAfter, f.PublishedBefore} }

// Selects reports whether f names at least one of From, To, Claim and
// Denied, as FindEdges needs.
func (f EdgeFilter) Selects() bool {
	return f.From != "" || f.To != "" || f.Claim != "" || f.Denied != ""
}

// Matches reports whether e satisfies every field f sets (Page aside).
func (f EdgeFilter) Matches(e *Edge) bool {
	return (f.From == "" || e.From == f.From) && (f.To == "" || e.To == f.To) &&
		(f.Claim == "" || e.Claim == f.Claim) && (f.Kind == "" || e.Kind == f.Kind) &&
		(f.Denied == "" || e.DeniedClaim() == f.Denied) && (f.Article == "" || e.Article == f.Article)
}

// ActorList is one page of actors and the size of the whole selection.
type ActorList struct {
	Actors      []*Actor
	TotalCount  int
	HasNextPage bool
	// HasPreviousPage is true when items precede the page: after a
	// forward page's After, or more before a backward page.
	HasPreviousPage bool
}

// SourceList is one page of sources and the size of the whole selection.
type SourceList struct {
	Sources     []*Source
	TotalCount  int
	HasNextPage bool
	// HasPreviousPage is true when items precede the page: after a
	// forward page's After, or more before a backward page.
	HasPreviousPage bool
}

// ArticleList is one page of articles and the size of the whole selection.
type ArticleList struct {
	Articles    []*Article
	TotalCount  int
	HasNextPage bool
	// HasPreviousPage is true when items precede the page: after a
	// forward page's After, or more before a backward page.
	HasPreviousPage bool
}

// ClaimList is one page of claims and the size of the whole selection.
type ClaimList struct {
	Claims      []*Claim
	TotalCount  int
	HasNextPage bool
	// HasPreviousPage is true when items precede the page: after a
	// forward page's After, or more before a backward page.
	HasPreviousPage bool
}

// EdgeList is one page of edges and the size of the whole selection.
type EdgeList struct {
	Edges       []*Edge
	TotalCount  int
	HasNextPage bool
	// HasPreviousPage is true when items precede the page: after a
	// forward page's After, or more before a backward page.
	HasPreviousPage bool
}

// IngestResult tells what one ingest did. Extraction holds the records as
// stored, with actor and source IDs resolved against the existing graph.
type IngestResult struct {
	// Created is false when the article was already stored; nothing was
	// written then.
	Created    bool
	Extraction *Extraction
	// Err is set, by IngestBatch only, when this article was not stored
	// (EINVALID, ETOOLARGE, …); the other articles of the batch are not
	// affected.
	Err error
}

// BatchIngester is implemented by stores that write many articles at once
// faster than one Ingest each; bulk loaders use it when the store has it.
type BatchIngester interface {
	// IngestBatch ingests xs as Ingest would, one after another, but in
	// as few transactions as fit: each article still lands whole or not
	// at all, resolving against the stored graph and the articles before
	// it in xs. It returns one result per extraction, in order; an
	// article that fails (invalid, too large) has Err set and does not
	// stop the others. The error is for the batch as a whole (cancelled
	// context, storage failure): the results then say which articles
	// were stored (non-nil, Err unset) and the rest are nil.
	IngestBatch(ctx context.Context, xs []*Extraction) ([]*IngestResult, error)
}

// Store persists the graph. Every method takes a context first; errors carry
// codes (ErrorCode): ENOTFOUND for a missing ID, EINVALID for bad input,
// EINTERNAL otherwise.
type Store interface {
	// Ingest writes one article's extraction in a single transaction,
	// resolving its actors and sources against those already stored (by
	// name and alias, see Resolve) unless x is marked Resolved.
	// Ingesting an article whose ID is already stored writes nothing and
	// returns Created=false. Returns EINVALID if the extraction fails
	// Validate.
	Ingest(ctx context.Context, x *Extraction) (*IngestResult, error)

	// FindArticleByID returns ENOTFOUND if no article has that ID.
	FindArticleByID(ctx context.Context, id string) (*Article, error)
	// FindActorByID returns ENOTFOUND if no actor has that ID.
	FindActorByID(ctx context.Context, id string) (*Actor, error)
	// FindSourceByID returns ENOTFOUND if no source has that ID.
	FindSourceByID(ctx context.Context, id string) (*Source, error)
	// FindClaimByID returns ENOTFOUND if no claim has that ID.
	FindClaimByID(ctx context.Context, id string) (*Claim, error)

	// FindArticles returns a page of articles ordered by f.Order (by ID
	// unless told otherwise). Returns EINVALID for a bad date or order.
	FindArticles(ctx context.Context, f ArticleFilter) (*ArticleList, error)
	// FindActors returns a page of actors ordered by ID.
	FindActors(ctx context.Context, f ActorFilter) (*ActorList, error)
	// FindSources returns a page of sources ordered by ID.
	FindSources(ctx context.Context, f SourceFilter) (*SourceList, error)
	// FindClaims returns a page of claims ordered by f.Order (by ID unless
	// told otherwise). Returns EINVALID for an unknown kind, a bad date or
	// order, or a Text with no searchable word.
	FindClaims(ctx context.Context, f ClaimFilter) (*ClaimList, error)
	// FindEdges returns a page of edges ordered by (from, kind, to, claim)
	// or, when only To is set, by (to, kind, from, claim); Page cursors are
	// EdgeCursor values. Returns EINVALID when none of From, To, Claim and
	// Denied is set (EdgeFilter.Selects).
	FindEdges(ctx context.Context, f EdgeFilter) (*EdgeList, error)

	// Search ranks claims (by text) and actors (by name and aliases)
	// against a free-text query, best first, using an index rather than a
	// scan. Returns EINVALID for a query with no searchable word.
	Search(ctx context.Context, query string, p Page) (*SearchList, error)

	// MergeActors folds the actors with the given IDs into the first one:
	// names become aliases, edges and claims move over. The merge is
	// remembered, so re-ingesting an article resolves to the merged actor.
	// Returns ENOTFOUND for an unknown ID, EINVALID for fewer than two IDs.
	MergeActors(ctx context.Context, ids []string) (*Actor, error)
	// SplitAlias removes alias from the actor and makes it an actor of its
	// own (same kind), remembered across re-ingest. Returns the updated
	// actor and the new one; ENOTFOUND for an unknown actor, EINVALID when
	// the actor has no such alias.
	SplitAlias(ctx context.Context, actorID, alias string) (*Actor, *Actor, error)

	// Close releases the store.
	Close() error
}

// BatchReader is implemented by stores that read many nodes or edge lists
// in one transaction faster than one call each; the GraphQL loaders use it
// when the store has it.
type BatchReader interface {
	// FindNodesByIDs returns the nodes with ids, keyed by ID: *Actor,
	// *Source, *Claim or *Article as the ID's prefix says, as the
	// FindXByID methods return them, all read from one snapshot. IDs that
	// name no node are left out (so a missing ID is ENOTFOUND to the
	// caller). The error is for the batch as a whole.
	FindNodesByIDs(ctx context.Context, ids []string) (map[string]any, error)
	// FindEdgesBatch returns, for each filter of fs (Page ignored), up to
	// max edges it selects, in FindEdges order: the edges FindEdges lists
	// page after page. All lists are read from one snapshot. Returns
	// EINVALID, for the batch, when a filter sets none of From, To, Claim
	// and Denied or names an unknown kind.
	FindEdgesBatch(ctx context.Context, fs []EdgeFilter, max int) ([][]*Edge, error)
}

// SearchFilter is a search query with filters on the claims it finds.
// Zero fields do not filter; with any of Speaker, Kind, PublishedAfter and
// PublishedBefore set, only claims are found (no actors).
type SearchFilter struct {
	// Query is the free text: words, and phrases in double quotes whose
	// words must stand adjacent and in that order.
	Query string
	// Speaker is an actor ID: claims it made.
	Speaker string
	// Kind keeps claims that carry at least one edge of this kind.
	Kind EdgeKind
	// PublishedAfter and PublishedBefore bound the publication time of the
	// claim's article, as in ClaimFilter.
	PublishedAfter  string
	PublishedBefore string
	Page
}

// Dates returns the filter's publication window.
func (f SearchFilter) Dates() DateRange { return DateRange{f.PublishedAfter, f.PublishedBefore} }

// ClaimsOnly reports whether f filters claims, which leaves actors out.
func (f SearchFilter) ClaimsOnly() bool {
	return f.Speaker != "" || f.Kind != "" || f.PublishedAfter != "" || f.PublishedBefore != ""
}

// Validate returns EINVALID for an unknown kind or a bad date. (Whether
// Query has a searchable word is the store's to say.)
func (f SearchFilter) Validate() error {
	if f.Kind != "" && !f.Kind.Valid() {
		return Errorf(EINVALID, "unknown edge kind %q", f.Kind)
	}
	_, _, err := f.Dates().Keys()
	return err
}

// FilteredSearcher is implemented by stores whose search can be narrowed
// by speaker, edge kind and date; the GraphQL search uses it when a filter
// is given.
type FilteredSearcher interface {
	// SearchFiltered ranks as Store.Search does, keeping only the claims
	// f selects (and no actors when f.ClaimsOnly). Returns EINVALID for a
	// query with no searchable word, an unknown kind or a bad date.
	SearchFiltered(ctx context.Context, f SearchFilter) (*SearchList, error)
}

// SearchHit is one ranked search result: a claim or an actor.
type SearchHit struct {
	// Kind is "claim" or "actor".
	Kind  string
	ID    string
	Score float64
	// Snippet is the matching part of the text, matched words in **bold**.
	Snippet string
}

// SearchList is one page of search hits and the number of all hits.
type SearchList struct {
	Hits        []*SearchHit
	TotalCount  int
	HasNextPage bool
	// HasPreviousPage is true when items precede the page: after a
	// forward page's After, or more before a backward page.
	HasPreviousPage bool
}
