// Package store owns claimgraph's persistence: it implements graph.Store on
// an embedded Badger v4 database, with the indexes, transactions and
// full-text index that back it. It may import graph and Badger only (with
// ristretto's z.Buffer, the type Badger's StreamWriter takes, and S2 from
// Badger's compression library, for a bulk load's sort runs, and the
// Snowball English stemmer, which folds the words of the search index); no package
// of claimgraph outside store and its storebench (a benchmark's view of
// Badger's own write) imports Badger.
//
// # Key layout
//
// Every key starts with a short ASCII prefix ending in "/"; the parts of a
// compound key are joined by a NUL byte (written \0 below), which sorts
// before every character an ID, name key or term can hold, so keys order as
// the tuples they encode. All keys are built in keys.go.
//
//	n/<id>                          node JSON; the ID prefix (art_, act_, src_, clm_) says which
//	e/<from>\0<kind>\0<to>\0<claim> edge, forward; value: article ID
//	r/<to>\0<kind>\0<from>\0<claim> edge, reverse; value: article ID; not kept
//	                                for an edge whose end is its own claim
//	                                (to = claim: says and reports edges), which
//	                                ec/<claim> lists (format 7 on)
//	ec/<claim>\0<from>\0<kind>\0<to> edges read from one claim; value: article ID
//	dd/<denied>\0<from>\0<to>\0<claim> denies edges by the claim they deny (Edge.Denied,
//	                                when set; format 8 on)
//	da/<article>\0<from>\0<to>\0<claim> denies edges by the article they were read
//	                                from (format 8 on)
//	ca/<article>\0<claim>           claims by article; value, for a clustered claim
//	                                (format 12 on): <cluster>\0<date>, its cluster
//	                                and its key in cl/; else empty
//	cs/<speaker>\0<claim>           claims by speaker (Claim.Speaker and says edges)
//	cr/<source>\0<claim>            claims by reporting source (reports edges)
//	ck/<edge kind>\0<claim>         claims carrying an edge of that kind
//	cg/<actor>\0<claim>             claims accusing or denying an actor (accuses and
//	                                denies edges to actors)
//	cp/<NameKey(publisher)>\0<claim> claims by the publisher of their article
//	cd/<date>\0<claim>              claims by the publication time of their article
//	ct/<speaker>\0<date>\0<claim>   claims by speaker by date: a speaker's timeline, kept
//	                                with cs/ (and counted by its counter)
//	ad/<date>\0<article>            articles by publication time
//	at/<article>                    an article's date (value), when it has one
//	ap/<NameKey(publisher)>\0<art>  articles by publisher
//	ak/<kind>\0<actor>              actors by kind
//	sk/<kind>\0<source>             sources by kind
//	an/<NameKey>\0<actor>           actor name and alias index; value N (name), A (alias)
//	                                or X (anonymous actor, never used to resolve)
//	sn/<NameKey>\0<source>          source name and alias index; value N, A or X
//	                                (generic source, scoped to its article: never
//	                                used to resolve; see graph.GenericSource)
//	af/<affiliation>\0<actor>       actors by affiliation
//	mg/<actor>                      merged away: value is the actor it was folded into
//	sp/<NameKey>                    split marker: value is the actor split off under that name
//	ps/<actor>                      split whose claims are still moving: value is
//	                                <old actor>\0<NameKey>
//	ti/<term>\0<doc>                search postings of actors (and of claims stored by
//	                                format 6 and before); value: uvarint term frequency,
//	                                uvarint document length
//	tb/<term>\0<claim>              search postings of the claims one transaction added,
//	                                named by the first of them (a segment); value: per
//	                                claim uvarint ID length, ID, term frequency, length
//	lh/<bucket>                     claim cluster bucket (cluster.go, format 9 on): the
//	                                clusterable claims filed under one hash function's
//	                                bucket (hex of a hash of speaker, kind and minimum-hash
//	                                word), at most 16; value: per claim, packed
//	                                (cluster_record.go, format 11 on), its ID, article,
//	                                date key, the cluster it joined at ingest, and
//	                                32-bit hashes of its words and names
//	cm/<claim>                      formats 9 to 11 only: the cluster of a clustered
//	                                claim; value: <cluster>\0<date> (format 12 keeps
//	                                it in the value of the claim's ca/ key)
//	cl/<cluster>\0<date>\0<claim>   claims of a cluster by date
//	n/clu_<…>                       cluster node JSON (graph.Cluster)
//	cz/<size, 10 digits>\0<cluster> formats 9 to 11 only: clusters by size, first
//	cf/<date>\0<cluster>            and last appearance (format 12 keeps these keys
//	cv/<date>\0<cluster>            in memory, clusterOrder, built on first use)
//	cx/<speaker>\0<cluster>         clusters by speaker (counted)
//	cu/                             while Open clusters a format-8 database's claims:
//	                                the last cd/ key done
//	k/<name>                        counters (8-byte big endian): articles, actors,
//	                                sources, claims, docs, doclen, clusters, format
//	                                (the layout version)
//	k/#<index>/<part>               size of one index group, e.g. k/#cs/<speaker>
//	                                counts the keys cs/<speaker>\0…
//
// The value of every key of an edge (e/, r/, ec/, dd/, da/) is its
// article ID, followed, on a denies edge that names the claim it denies
// (format 8 on), by \0 and that claim's ID.
//
// A <date> is the article's graph.Article.TimeKey: the DateKey of its
// publishedAt, else of its ingestedAt, UTC to the second, fixed width, so
// keys sort by time; "" (sorting first) when it has neither.
//
// Edges to a claim are read from r/<claim> and from the keys of
// ec/<claim> whose end is that claim, merged in r/ order (they are few).
// The denials of a claim are read from dd/<claim> and from the denies edges
// to it in r/, merged in e/ order; the denials of an article between two
// actors from da/<article>\0<from>\0<to>.
//
// Index keys carry no value unless said; lists page over them in key order
// (so by ID within a prefix). A list filtered by one field takes its total
// from the group counter and an unfiltered one from the node counters; a
// list filtered by several fields walks the keys of its smallest group and
// checks the others by point lookups, never loading values (but for a date
// window on a list by ID: the claim's node and its article's at/ key, or,
// with no other filter, the window's range of cd/ or ad/ sorted by ID). A
// text filter is one group per word, its posting list. Lists ordered by
// date walk cd/, ct/<speaker> or ad/ (a date range is a key range there),
// unless a filter selects a much smaller group: that group is then read and
// sorted by date. Backward pages walk the same keys in reverse.
//
// Writes are serialised by the DB. Ingest is one Badger transaction: applied
// whole or not at all. IngestBatch writes several articles a transaction
// and begins the next transaction while Badger applies the last one (its
// snapshot lacks that one's writes, which it reads from the last tx: see
// pipeline in batch.go). MergeActors and SplitAlias change names in one
// transaction, then move claims and edges in bounded ones; Open finishes a
// move that a crash interrupted (mg/ keys with links left, ps/ keys).
//
// A new database can be bulk-loaded (load.go): a Loader resolves articles
// in the same transactions, but writes to Badger only the keys resolution
// reads back (articles, actors, sources, their name, kind and affiliation
// indexes); the others go to an external sort (sorter.go) and Finish
// writes every key, sorted, straight into the tables of the last level
// with Badger's StreamWriter. A marker file makes a load all or nothing:
// Open empties a database whose load did not finish.
//
// Reads go through a cache of decoded nodes and edge lists (readcache.go)
// that no write has to invalidate: an entry is used only by a read
// transaction with the snapshot it was read in (Badger's read timestamp)
// or, for a node, whose key still has the version that was decoded. Many
// nodes or edge lists are read in one transaction by FindNodesByIDs and
// FindEdgesBatch (graph.BatchReader).
package store
