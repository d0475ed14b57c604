package store

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/dgraph-io/badger/v4"
)

// Claim clusters: claims of different articles that carry the same
// statement are grouped as they are ingested, without a pass over the
// graph.
//
// The method, and why:
//   - A claim is clusterable when it has a named speaker (anonymous
//     actors are scoped to their article and never match across articles)
//     and at least clusterMinWords content words.
//   - Its content is folded to a set of words (clusterWords: lower case,
//     apostrophes and quotes dropped, a light stemmer for plurals and
//     -ed/-ing, a stopword list): outlets reword a statement ("the
//     election is rigged" / "the election was being rigged"), so word
//     order and shingles of several words would miss most paraphrases,
//     while the set of content words survives them.
//   - MinHash over that set, with clusterHashes hash functions: under each,
//     the claim is filed in the bucket of its minimum-hash word (a band of
//     one row), and looks for earlier claims in the buckets of its
//     clusterProbes smallest-hash words (multi-probe LSH: a later claim
//     finds an earlier one when the earlier one's minimum is among its
//     own smallest, which a shared statement makes likely, while each
//     claim writes only clusterHashes keys; ingest speed was the limit).
//     The bucket key hashes the speaker and the claim's kind signature
//     (its accuses/denies targets, see claimKind) with the word. Putting
//     speaker and kind into the key is what makes one-row bands
//     affordable: a bucket holds one speaker's claims of one kind, so it
//     stays small, and claims of other speakers are never read.
//     SimHash was the alternative; its Hamming-distance lookup needs
//     several permuted tables for the same recall and estimates cosine on
//     bags of words, which short claims make noisy.
//   - A bucket takes at most clusterBucketMax claims (the first ones);
//     candidates are verified on their exact word sets (similar), which
//     must agree on negation and not each carry a name the other lacks
//     (namesApart): Jaccard at least clusterJaccard, or, for a
//     claim contained in a longer one (one outlet quoting half a
//     sentence), overlap at least clusterOverlap of the smaller set of at
//     least clusterMinOverlapWords words. Speaker and kind agree by
//     construction (up to a 64-bit hash collision). Claims of the same
//     article are never joined.
//   - The best verified candidate's cluster is joined; when it has none, a
//     cluster is founded on it (graph.ClusterID of its ID).
//
// Keys (see the package comment): a record per bucket (lh/), read with one
// exact-key Get once a process (writers keep the records they read and
// wrote in a cache, clusterCache, and the set of buckets stored, read
// from the lh/ keys once a process, so that a probe of a bucket that
// does not exist, the most common probe, reads nothing), and
// written once a transaction, listing its claims packed
// (cluster_record.go: IDs, date, 32-bit word hashes, the cluster each
// joined); and for clustered claims the cluster and date in the value of
// the claim's ca/ key (written anyway: a joining claim's is set again in
// the same transaction, which replaces the pending write rather than
// adding an entry; a founder's, of an earlier article, is rewritten), the
// members by date (cl/), the cluster node (n/clu_…) and its order indexes
// (cz/, cf/, cv/, cx/ by speaker). Ingest reads no ca/ value: a
// candidate's entry names the cluster it joined, or it founded
// graph.ClusterID of its own.
//
// Merges made after ingest do not move band keys: a claim ingested after
// MergeActors finds the claims of the merged actor made before the merge
// only if they were made under the surviving actor's ID.
const (
	clusterHashes          = 2
	clusterProbes          = 2
	clusterBucketMax       = 16
	clusterMinWords        = 3
	clusterJaccard         = 0.5
	clusterOverlap         = 0.8
	clusterMinOverlapWords = 4
)

// clusterStopwords are the words clusterWords drops: function words and
// reporting verbs, which say nothing of what a statement is about.
var clusterStopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an and are as at be been being but by can could did do does for from
		had has have he her hers him his how i if in into is it its just me my no not of on or our ours
		she so than that the their theirs them then there these they this those to too us very was we
		were what when where which who whom why will with would you your also about after again all any
		because before both each more most other over own same should some such through under until up
		while said says say told tell tells stated added according going get got one ve ll re`) {
		clusterStopwords[w] = true
	}
}

// negatedWord stands, in a word set, for a negation ("not", "no",
// "never", "n't"): similar requires both claims or neither to have it, so
// "would add trillions to the debt" and "would not add a penny to the
// debt" stay apart. negated32 is its stored form (word32).
var (
	negatedWord = hashString("\x00not")
	negated32   = word32(negatedWord)
)

// negations are the words that put negatedWord in a word set.
var negations = map[string]bool{"not": true, "no": true, "never": true, "nothing": true, "nobody": true, "none": true}

// clusterWords folds text to its sorted set of content-word hashes, with
// negatedWord for a negation, and the sorted set of those of its names:
// capitalised content words past the first word of the text.
func clusterWords(text string) (words, names []uint64) {
	var out []uint64
	eachWord(text, func(start, end int) {
		raw := strings.ToLower(strings.ReplaceAll(text[start:end], "\u2019", "'"))
		if negations[raw] || strings.HasSuffix(raw, "n't") {
			out = append(out, negatedWord)
		}
		w := foldClusterWord(text[start:end])
		if w == "" {
			return
		}
		h := hashString(w)
		out = append(out, h)
		if r, _ := utf8.DecodeRuneInString(text[start:end]); start > 0 && unicode.IsUpper(r) {
			names = append(names, h)
		}
	})
	slices.Sort(out)
	slices.Sort(names)
	return slices.Compact(out), slices.Compact(names)
}

// foldClusterWord folds one word: lower case, no apostrophes or
// possessive, plural -s, -ed and -ing stripped; "" for a stopword.
func foldClusterWord(w string) string {
	w = strings.ToLower(strings.ReplaceAll(w, "\u2019", "'"))
	w = strings.TrimSuffix(strings.TrimRight(w, "'"), "'s")
	w = strings.ReplaceAll(w, "'", "")
	if n := strings.Index(w, "n't"); n > 0 {
		w = w[:n]
	}
	if w == "" || clusterStopwords[w] {
		return ""
	}
	w = pluralStem(w)
	if utf8.RuneCountInString(w) > 5 {
		for _, suf := range []string{"ing", "ed"} {
			if strings.HasSuffix(w, suf) {
				w = strings.TrimSuffix(w, suf)
				break
			}
		}
	}
	return w
}

// pluralStem strips an English plural ("parties" → "party", "votes" →
// "vote"). Clusters fold words lightly on purpose: the search index's
// Porter2 stems join words that a statement's wording keeps apart.
func pluralStem(w string) string {
	if len(w) <= 3 {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && !strings.HasSuffix(w, "eies") && !strings.HasSuffix(w, "aies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "aes") && !strings.HasSuffix(w, "ees") && !strings.HasSuffix(w, "oes"):
		return w[:len(w)-1]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// hashString is 64-bit FNV-1a: stable across processes, as the band keys
// stored in the database need.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix64 is the finaliser of splitmix64: a bijection that spreads every bit.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// fingerprint is what clustering knows of the claim it clusters.
type fingerprint struct {
	claim, article, date string
	// packed is the claim's and the article's packed IDs (cluster_record.go),
	// art the article's.
	packed, art []byte
	// words and names are the word32 forms of the claim's content words
	// and of those written capitalised past the first (clusterWords),
	// ascending.
	words, names []uint32
	// probes holds, per hash function, the bucket keys of the words with
	// the clusterProbes smallest hashes, smallest first: the claim is
	// filed under the first of each and looks in all of them.
	probes [clusterHashes][clusterProbes]uint64
	// cluster is the cluster the claim joined, "" when none.
	cluster string
	// pdate is date packed (appendPackedDate).
	pdate []byte
}

// wordSets are the content words and names of a claim's text
// (clusterWords).
type wordSets struct{ words, names []uint64 }

// clusterWordsOf folds the claim texts of xs (clusterWords) on all CPUs:
// the part of clustering that reads nothing stored, taken off the one
// goroutine that writes a batch. By claim ID.
func clusterWordsOf(xs []*graph.Extraction) map[string]wordSets {
	var claims []*graph.Claim
	for _, x := range xs {
		if x != nil {
			claims = append(claims, x.Claims...)
		}
	}
	sets := make([]wordSets, len(claims))
	n := min(runtime.GOMAXPROCS(0), (len(claims)+255)/256)
	var wg sync.WaitGroup
	for w := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(claims); i += n {
				if claims[i] != nil {
					sets[i].words, sets[i].names = clusterWords(claims[i].Text)
				}
			}
		}()
	}
	wg.Wait()
	m := make(map[string]wordSets, len(claims))
	for i, c := range claims {
		if c != nil {
			m[c.ID] = sets[i]
		}
	}
	return m
}

// newFingerprint returns the fingerprint of a claim made by speaker with
// kind signature kind, whose text has the word sets ws, of an article
// with date key date (packed: pdate); ok=false when the claim is not
// clusterable.
func newFingerprint(claim, article, date string, pdate []byte, ws wordSets, speaker, kind string) (fingerprint, bool) {
	f := fingerprint{claim: claim, article: article, date: date, pdate: pdate}
	words, names := ws.words, ws.names
	if speaker == "" || len(words) < clusterMinWords {
		return f, false
	}
	seed := hashString(speaker + "\x00" + kind)
	for i := range f.probes {
		salt := mix64(uint64(i) + 0x9e3779b97f4a7c15)
		var low [clusterProbes]uint64 // smallest hashes, ascending
		var word [clusterProbes]uint64
		for j := range low {
			low[j] = ^uint64(0)
		}
		for _, w := range words {
			h := mix64(w ^ salt)
			for j := range low {
				if h < low[j] {
					copy(low[j+1:], low[j:len(low)-1])
					copy(word[j+1:], word[j:len(word)-1])
					low[j], word[j] = h, w
					break
				}
			}
		}
		for j := range word {
			f.probes[i][j] = mix64(seed ^ mix64(mix64(word[j]^salt)+uint64(i)))
		}
	}
	f.words, f.names = words32(words), words32(names)
	f.packed = appendPackedID(nil, graph.PrefixClaim, claim)
	n := len(f.packed)
	f.packed = appendPackedID(f.packed, graph.PrefixArticle, article)
	f.art = f.packed[n:]
	return f, true
}

// bandHex is the band part of a band key.
func bandHex(h uint64) string {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], h)
	return hex.EncodeToString(b[:])
}

// claimKind is the kind signature of a claim from the edges read from
// it: the targets of its accuses and denies edges (to actors), sorted, or
// "says" when it has none. A denial of a claim counts as a denial.
func claimKind(claim string, edges []*graph.Edge) string {
	var parts []string
	for _, e := range edges {
		if e.Claim != claim {
			continue
		}
		switch e.Kind {
		case graph.EdgeAccuses:
			parts = append(parts, "a:"+e.To)
		case graph.EdgeDenies:
			if strings.HasPrefix(e.To, graph.PrefixClaim) {
				parts = append(parts, "d:")
			} else {
				parts = append(parts, "d:"+e.To)
			}
		}
	}
	if len(parts) == 0 {
		return "says"
	}
	slices.Sort(parts)
	return strings.Join(slices.Compact(parts), ",")
}

// clusterOverlay holds the clustering writes of one transaction, which
// its reads, and the next run's, take before Badger's: the records of the
// buckets it added claims to, and the clusters it changed. A bulk load
// keeps its whole index this way (Loader.clusters), since its keys go to
// the sorter until Finish.
type clusterOverlay struct {
	// bands holds each bucket the transaction added claims to, whole
	// (the stored entries, then the new ones).
	bands    map[uint64][]byte
	clusters map[string]*graph.Cluster
	// dirty holds the clusters the transaction changed, each as it was
	// before (nil for a new one): flushClusters writes their nodes once,
	// however many claims joined, and lists them in changes, which move
	// their keys in the order index (clusterOrder) once the transaction
	// commits.
	dirty   map[string]*graph.Cluster
	changes []clusterChange
}

func newClusterOverlay() *clusterOverlay {
	return &clusterOverlay{bands: map[uint64][]byte{}, clusters: map[string]*graph.Cluster{},
		dirty: map[string]*graph.Cluster{}}
}

// absorb adds o's entries to c (a bulk load's index, when o's
// transaction commits).
func (c *clusterOverlay) absorb(o *clusterOverlay) {
	for b, v := range o.bands {
		c.bands[b] = v
	}
	for k, v := range o.clusters {
		c.clusters[k] = v
	}
}

// clusterCache holds committed bucket records and cluster nodes for
// writers (DB.clusterCache, guarded by DB.mu): a bucket is read from
// Badger once, not once a claim that probes it, and an absent one is
// remembered as an empty record. A transaction adds what it read from
// its snapshot, which is committed data (what the transaction or the run
// before it wrote is found in their overlays first), and, once it
// commits, what it wrote (DB.cacheWrites).
type clusterCache struct {
	buckets map[uint64][]byte
	// size is the bytes of buckets' records, bounded by
	// clusterCacheBytes: past it the cache starts over.
	size     int
	clusters map[string]graph.Cluster
	// stored holds every bucket a record is stored for, read from the
	// lh/ keys once a process (loadStored) and kept up to date as
	// transactions commit: a probe of a bucket not in it reads nothing
	// from Badger. Into a database of 10k articles, most probes are of
	// buckets that do not exist, each an exact-key Get of its own before.
	// nil until loaded; never cleared with buckets (8 bytes a bucket).
	stored map[uint64]struct{}
}

// Bounds of a clusterCache: the bytes of its records (with a map entry's
// overhead each), and its clusters.
const (
	clusterCacheBytes    = 128 << 20
	clusterCacheClusters = 1 << 17
	bucketCacheOverhead  = 48
)

func newClusterCache() *clusterCache {
	return &clusterCache{buckets: map[uint64][]byte{}, clusters: map[string]graph.Cluster{}}
}

// putBucket remembers bucket b's committed record (empty for none).
func (c *clusterCache) putBucket(b uint64, v []byte) {
	old, had := c.buckets[b]
	if had {
		c.size -= len(old) + bucketCacheOverhead
	}
	if c.size+len(v)+bucketCacheOverhead > clusterCacheBytes {
		clear(c.buckets)
		c.size = 0
	}
	c.buckets[b] = v
	c.size += len(v) + bucketCacheOverhead
	if c.stored != nil && len(v) > 0 {
		c.stored[b] = struct{}{}
	}
}

// loadStored fills c.stored from the lh/ keys txn sees, reading keys
// only. txn must see every committed bucket record that c's overlays and
// later absorbs do not bring: the snapshot a writer reads through.
func (c *clusterCache) loadStored(txn *badger.Txn) error {
	p := []byte(pBand)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: p})
	defer it.Close()
	stored := map[uint64]struct{}{}
	var b [8]byte
	for it.Seek(p); it.ValidForPrefix(p); it.Next() {
		k := it.Item().Key()
		if n, err := hex.Decode(b[:], k[len(p):]); err != nil || n != len(b) {
			return fmt.Errorf("bucket key %q: not 16 hex digits", k)
		}
		stored[binary.BigEndian.Uint64(b[:])] = struct{}{}
	}
	c.stored = stored
	return nil
}

// putCluster remembers a committed cluster node.
func (c *clusterCache) putCluster(cl *graph.Cluster) {
	if _, had := c.clusters[cl.ID]; !had && len(c.clusters) >= clusterCacheClusters {
		clear(c.clusters)
	}
	c.clusters[cl.ID] = *cl
}

// absorb adds the writes of a committed transaction's overlay.
func (c *clusterCache) absorb(o *clusterOverlay) {
	for b, v := range o.bands {
		c.putBucket(b, v)
	}
	for _, cl := range o.clusters {
		c.putCluster(cl)
	}
}

// clusterKey reports whether k is a key clustering writes at ingest
// (buckets, members, cluster nodes and order indexes), which no write
// transaction reads back through tx.get: a pipelined run finds those of
// the run before it in that run's clusterOverlay, so tx.own need not
// record them.
func clusterKey(k []byte) bool {
	if len(k) < 3 {
		return false
	}
	switch string(k[:3]) {
	case pBand, pClusterMember, pClusterSpeaker:
		return true
	}
	return bytes.HasPrefix(k, clusterNodePrefix)
}

// clusterNodePrefix begins the key of every cluster node.
var clusterNodePrefix = nodeTypePrefix(graph.PrefixCluster)

// overlays returns the overlays t reads before Badger: its own, the run
// in flight's, and a bulk load's whole index.
func (t *tx) overlays() []*clusterOverlay {
	var out []*clusterOverlay
	if t.clu != nil {
		out = append(out, t.clu)
	}
	if t.prev != nil && t.prev.clu != nil {
		out = append(out, t.prev.clu)
	}
	if t.ld != nil {
		out = append(out, t.ld.clusters)
	}
	return out
}

// clusterExtraction clusters the new claims of a resolved extraction
// (those with IDs derived from the article) whose article date key is
// date.
func (t *tx) clusterExtraction(x *graph.Extraction, date string) error {
	anon := map[string]bool{}
	for _, a := range x.Actors {
		if a.Kind == graph.ActorAnonymous {
			anon[a.ID] = true
		}
	}
	byClaim := map[string][]*graph.Edge{}
	for _, e := range x.Edges {
		byClaim[e.Claim] = append(byClaim[e.Claim], e)
	}
	seen := map[string]bool{}
	pdate := appendPackedDate(nil, date)
	for _, c := range x.Claims {
		if seen[c.ID] || c.ID != graph.ClaimID(x.Article.ID, c.Start, c.End, c.CueStart) {
			continue
		}
		seen[c.ID] = true
		speaker := claimSpeaker(c, byClaim[c.ID])
		if anon[speaker] {
			continue
		}
		if err := t.clusterClaim(c.ID, x.Article.ID, date, pdate, c.Text, speaker, claimKind(c.ID, byClaim[c.ID])); err != nil {
			return err
		}
	}
	return nil
}

// claimSpeaker is the claim's speaker, or the actor of its says edge.
func claimSpeaker(c *graph.Claim, edges []*graph.Edge) string {
	if c.Speaker != "" {
		return c.Speaker
	}
	for _, e := range edges {
		if e.Kind == graph.EdgeSays && e.Claim == c.ID {
			return e.From
		}
	}
	return ""
}

// clusterClaim joins one claim to the cluster of the best matching claim
// of another article, if any, and files it in its buckets. Its article
// has date key date, packed pdate (nil: packed here).
func (t *tx) clusterClaim(claim, article, date string, pdate []byte, text, speaker, kind string) error {
	if t.ld != nil && !t.clustering {
		t.clusterJobs = append(t.clusterJobs, clusterJob{claim: claim, article: article, date: date,
			pdate: pdate, text: text, speaker: speaker, kind: kind})
		return nil
	}
	if pdate == nil {
		pdate = appendPackedDate(nil, date)
	}
	ws, ok := t.words[claim]
	if !ok {
		ws.words, ws.names = clusterWords(text)
	}
	f, ok := newFingerprint(claim, article, date, pdate, ws, speaker, kind)
	if !ok {
		return nil
	}
	best, found, full, err := t.bestMatch(&f)
	if err != nil {
		return err
	}
	if t.clu == nil {
		t.clu = newClusterOverlay()
	}
	if found {
		if err := t.joinCluster(&best, &f, speaker); err != nil {
			return err
		}
	}
	for i := range f.probes {
		b := f.probes[i][0]
		if full[i] {
			continue
		}
		v, owned := t.clu.bands[b]
		if !owned {
			if v, err = t.bucket(b); err != nil {
				return err
			}
			// the record may be shared (the run before, a cache):
			// appending copies it
			v = slices.Clip(v)
		}
		t.clu.bands[b] = appendEntry(v, &f)
	}
	return nil
}

// bestMatch returns the entry of f's probe buckets, of another article,
// that similar accepts with the most words in common (found=false when
// none), and which of the buckets f is filed under are full: they hold
// clusterBucketMax claims already and f is not added to them. A bucket so
// bounded is read whole, the same in every path (Ingest, IngestBatch, a
// bulk load), so each forms the same clusters; a full one keeps the
// statements a speaker made first.
func (t *tx) bestMatch(f *fingerprint) (best entry, found bool, full [clusterHashes]bool, err error) {
	bestScore := -1
	for hi := range f.probes {
		for pi, b := range f.probes[hi] {
			if pi > 0 && b == f.probes[hi][0] {
				continue
			}
			v, err := t.bucket(b)
			if err != nil {
				return best, false, full, err
			}
			n := 0
			for {
				g, rest, ok := nextEntry(v)
				if !ok {
					break
				}
				v = rest
				n++
				if bytes.Equal(g.article, f.art) || namesApart(f, &g) {
					continue
				}
				s, ok := similar(f.words, g.words)
				if ok && (s > bestScore || (s == bestScore && comparePackedIDs(graph.PrefixClaim, g.claim, best.claim) < 0)) {
					best, bestScore = g, s
				}
			}
			if pi == 0 {
				full[hi] = n >= clusterBucketMax
			}
		}
	}
	return best, bestScore >= 0, full, t.ctx.Err()
}

// bucket returns the record of bucket b: from the overlays (the first
// that holds it holds it whole), else the writers' cache, else, when the
// cache's set of stored buckets has it, Badger (one exact-key read); a
// bucket none of them has does not exist. The record is shared: never
// change it in place.
func (t *tx) bucket(b uint64) ([]byte, error) {
	for _, o := range t.overlays() {
		if v, ok := o.bands[b]; ok {
			return v, nil
		}
	}
	if t.ld != nil {
		return nil, nil
	}
	if t.cc != nil {
		if v, ok := t.cc.buckets[b]; ok {
			return v, nil
		}
		if t.cc.stored == nil {
			txn := t.snap
			if txn == nil {
				txn = t.txn
			}
			if err := t.cc.loadStored(txn); err != nil {
				return nil, err
			}
		}
		if _, ok := t.cc.stored[b]; !ok {
			return nil, nil
		}
	}
	v, _, err := t.get(key(pBand, bandHex(b)))
	if err != nil {
		return nil, err
	}
	if t.cc != nil {
		t.cc.putBucket(b, v)
	}
	return v, nil
}

// memberOf returns the cluster of a claim and the date key it is filed
// under in cl/, both "" when it is in none: the value of its ca/ key,
// found through the article its node names.
func (t *tx) memberOf(claim string) (cluster, date string, err error) {
	if !strings.HasPrefix(claim, graph.PrefixClaim) {
		return "", "", nil
	}
	c := &graph.Claim{}
	if ok, err := t.getNode(claim, c); err != nil || !ok {
		return "", "", err
	}
	v, ok, err := t.get(claimArticleKey(c.Article, claim))
	if err != nil || !ok || len(v) == 0 {
		return "", "", err
	}
	cluster, date, _ = strings.Cut(string(v), sep)
	return cluster, date, nil
}

// cluster returns a stored cluster, nil when none.
func (t *tx) cluster(id string) (*graph.Cluster, error) {
	for _, o := range t.overlays() {
		if c, ok := o.clusters[id]; ok {
			cp := *c
			return &cp, nil
		}
	}
	if t.ld != nil {
		return nil, nil
	}
	if t.cc != nil {
		if c, ok := t.cc.clusters[id]; ok {
			return &c, nil
		}
	}
	c := &graph.Cluster{}
	if ok, err := t.getNode(id, c); err != nil || !ok {
		return nil, err
	}
	if t.cc != nil {
		t.cc.putCluster(c)
	}
	return c, nil
}

// joinCluster puts f's claim in the cluster of g's claim, founding it on
// g when g has none. g's cluster is the one its entry names, else the one
// it founded, if any: graph.ClusterID of its claim.
func (t *tx) joinCluster(g *entry, f *fingerprint, speaker string) error {
	gClaim := unpackID(graph.PrefixClaim, g.claim)
	var id string
	var old *graph.Cluster
	var err error
	if g.joined {
		id = unpackID(graph.PrefixCluster, g.cluster)
		if old, err = t.cluster(id); err != nil {
			return err
		}
	}
	if old == nil {
		id = graph.ClusterID(gClaim)
		if old, err = t.cluster(id); err != nil {
			return err
		}
	}
	cl := &graph.Cluster{}
	if old == nil {
		gDate := unpackDate(g.date)
		cl = &graph.Cluster{ID: id, Speaker: speaker, FirstSeen: gDate, LastSeen: gDate, Size: 1}
		if err := t.setMember(id, gClaim, unpackID(graph.PrefixArticle, g.article), gDate); err != nil {
			return err
		}
		t.add(cntClusters, 1)
		k := key(pClusterSpeaker, speaker, id)
		t.add(indexGroup(k), 1)
		if err := t.set(k, nil); err != nil {
			return err
		}
	} else {
		*cl = *old
	}
	if _, ok := t.clu.dirty[id]; !ok && t.ld == nil {
		t.clu.dirty[id] = old
	}
	cl.Size++
	cl.FirstSeen, cl.LastSeen = earlier(cl.FirstSeen, f.date), later(cl.LastSeen, f.date)
	t.clu.clusters[id] = cl
	f.cluster = id
	return t.setMember(id, f.claim, f.article, f.date)
}

// flushClusters writes the bucket records t changed and the node and
// order keys of each cluster it changed, deleting the order keys the
// cluster had before. Called once a transaction's articles are written.
// A bulk load writes its index at Finish instead (Loader.writeClusters).
func (t *tx) flushClusters() error {
	if t.clu == nil || t.ld != nil {
		return nil
	}
	bands := make([]uint64, 0, len(t.clu.bands))
	for b := range t.clu.bands {
		bands = append(bands, b)
	}
	slices.Sort(bands)
	for _, b := range bands {
		if err := t.set(key(pBand, bandHex(b)), t.clu.bands[b]); err != nil {
			return err
		}
	}
	ids := make([]string, 0, len(t.clu.dirty))
	for id := range t.clu.dirty {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		old, cl := t.clu.dirty[id], t.clu.clusters[id]
		if err := t.putNode(id, cl); err != nil {
			return err
		}
		t.clu.changes = append(t.clu.changes, clusterChange{old: old, now: cl})
	}
	clear(t.clu.dirty)
	return nil
}

// setMember writes that claim, of article with date key date, is in
// cluster id: the value of its ca/ key, set with no count (writeClaims
// counts the key; for a claim of this transaction's articles this
// replaces the pending write), and its cl/ key.
func (t *tx) setMember(id, claim, article, date string) error {
	if err := t.set(claimArticleKey(article, claim), []byte(id+sep+date)); err != nil {
		return err
	}
	return t.set(key(pClusterMember, id, date, claim), nil)
}

// earlier and later pick between date keys, "" (undated) counting only
// when both are.
func earlier(a, b string) string {
	if a == "" || (b != "" && b < a) {
		return b
	}
	return a
}

func later(a, b string) string {
	if b > a {
		return b
	}
	return a
}

// sizeKey is the fixed-width size part of a cz/ key.
func sizeKey(n int) string { return fmt.Sprintf("%010d", n) }

// clusterOrderKeys are the order index keys of a cluster: by size, first
// and last appearance.
func clusterOrderKeys(c *graph.Cluster) [][]byte {
	return [][]byte{
		key(pClusterSize, sizeKey(c.Size), c.ID),
		key(pClusterFirst, c.FirstSeen, c.ID),
		key(pClusterLast, c.LastSeen, c.ID),
	}
}
