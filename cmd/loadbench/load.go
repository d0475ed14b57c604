package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/claimgraph/claimgraph/cmd/internal/cputime"
	"github.com/claimgraph/claimgraph/graph"
)

// The queries a run may send. Each request fills the variables with a
// different speaker, page or search words, so the store does different
// work every time; the text stays the same, as a real client's would.
var queries = map[string]string{
	// page: one hop from a speaker to a page of its claims, each with its
	// speaker and reporting sources.
	"page": `query Page($speaker: ID!, $after: String) {
  claims(first: 20, after: $after, filter: {speaker: $speaker}) {
    totalCount
    nodes { text sentence speaker { name title } reportedBy { name } }
  }
}`,
	// says: the same page reached from the actor node.
	"says": `query Says($id: ID!, $after: String) {
  node(id: $id) {
    ... on Actor {
      name
      says(first: 20, after: $after) {
        totalCount
        nodes { text sentence speaker { name title } reportedBy { name } }
      }
    }
  }
}`,
	// search: ranked full-text search with the hit's node.
	"search": `query Search($q: String!) {
  search(query: $q, first: 20) {
    totalCount
    nodes { kind score snippet node { ... on Claim { text speaker { name } } ... on Actor { name } } }
  }
}`,
}

// queryKinds lists the keys of queries in a stable order.
var queryKinds = []string{"page", "says", "search"}

// loadConfig is one load case.
type loadConfig struct {
	url      string
	kind     string
	clients  int
	requests int
	duration time.Duration
	// rate, when positive, paces the clients to send that many requests a
	// second in all (open loop); 0 lets each send as soon as its last
	// answer came (closed loop).
	rate float64
	seed uint64
}

// result is what one load case measured.
type result struct {
	Kind     string        `json:"kind"`
	Clients  int           `json:"clients"`
	Rate     float64       `json:"rate,omitempty"`
	Requests int           `json:"requests"`
	Errors   int           `json:"errors"`
	Empty    int           `json:"empty"`
	Elapsed  time.Duration `json:"elapsed"`
	RPS      float64       `json:"rps"`
	P50      time.Duration `json:"p50"`
	P90      time.Duration `json:"p90"`
	P99      time.Duration `json:"p99"`
	Max      time.Duration `json:"max"`
	// CPU is the CPU time the whole process (server and clients) used per
	// request: unlike latency, it hardly depends on other load on the
	// machine. 0 where it is not measured.
	CPU time.Duration `json:"cpu"`
	// FirstError is the first failure seen, "" when none.
	FirstError string `json:"firstError,omitempty"`
}

// gqlResponse is the part of a GraphQL response the load tool checks.
type gqlResponse struct {
	Data   json.RawMessage   `json:"data"`
	Errors []json.RawMessage `json:"errors"`
}

// variables returns the variables of one request of the given kind.
func (w *world) variables(kind string, r *rand.Rand) map[string]any {
	switch kind {
	case "search":
		return map[string]any{"q": w.query(r)}
	}
	a := w.stored[r.IntN(len(w.stored))]
	v := map[string]any{}
	if r.IntN(2) == 0 {
		// A page from a random place in the speaker's claims: the cursor is
		// a claim ID, and any ID-shaped token positions the page.
		var b [12]byte
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		v["after"] = cursor(fmt.Sprintf("%s%x", graph.PrefixClaim, b[:]))
	}
	if kind == "says" {
		v["id"] = nodeID("Actor", a.ID)
	} else {
		v["speaker"] = nodeID("Actor", a.ID)
	}
	return v
}

// nodeID and cursor encode IDs and cursors as the API does (opaque to
// clients, but documented in resolvers).
func nodeID(typ, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(typ + ":" + id))
}

func cursor(token string) string {
	return base64.RawURLEncoding.EncodeToString([]byte("cursor:" + token))
}

// runLoad sends requests of one kind from cfg.clients goroutines, each
// waiting for its answer before sending the next (and, with cfg.rate, for
// the request's due time), until cfg.requests have been sent or
// cfg.duration has passed, whichever comes first.
func runLoad(ctx context.Context, client *http.Client, w *world, cfg loadConfig) (*result, error) {
	text, ok := queries[cfg.kind]
	if !ok {
		return nil, fmt.Errorf("unknown query kind %q", cfg.kind)
	}

	var (
		issued   atomic.Int64
		mu       sync.Mutex
		lat      = make([]time.Duration, 0, cfg.requests)
		errs     int
		empty    int
		firstErr string
		wg       sync.WaitGroup
	)
	start, cpu0 := time.Now(), cputime.Process()
	// The deadline stops new requests; those under way finish (within
	// the client's timeout), so the server never sees a cancelled request.
	deadline := start.Add(cfg.duration)
	for c := range cfg.clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(cfg.seed, uint64(c)))
			own := make([]time.Duration, 0, cfg.requests/cfg.clients+1)
			var buf bytes.Buffer
			ownErrs, ownEmpty := 0, 0
			var ownFirst string
			for ctx.Err() == nil && time.Now().Before(deadline) {
				i := issued.Add(1)
				if i > int64(cfg.requests) {
					break
				}
				body, err := json.Marshal(map[string]any{"query": text, "variables": w.variables(cfg.kind, r)})
				if err != nil {
					panic(err) // plain maps of strings always marshal
				}
				t0 := time.Now()
				if cfg.rate > 0 {
					// Request i is due at start + (i-1)/rate. Latency counts
					// from then, so a server falling behind is charged for
					// the wait too (no coordinated omission).
					t0 = start.Add(time.Duration(float64(i-1) / cfg.rate * float64(time.Second)))
					if !t0.Before(deadline) {
						break
					}
					time.Sleep(time.Until(t0))
				}
				n, err := send(ctx, client, cfg.url, body, &buf)
				d := time.Since(t0)
				if ctx.Err() != nil {
					break // the caller gave up: not a server failure
				}
				own = append(own, d)
				switch {
				case err != nil:
					ownErrs++
					if ownFirst == "" {
						ownFirst = err.Error()
					}
				case n == 0:
					ownEmpty++
				}
			}
			mu.Lock()
			lat = append(lat, own...)
			errs += ownErrs
			empty += ownEmpty
			if firstErr == "" {
				firstErr = ownFirst
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed, cpu := time.Since(start), cputime.Process()-cpu0
	if len(lat) == 0 {
		return nil, fmt.Errorf("%s with %d clients: no request finished within %v", cfg.kind, cfg.clients, cfg.duration)
	}
	slices.Sort(lat)
	return &result{
		Kind:       cfg.kind,
		Clients:    cfg.clients,
		Rate:       cfg.rate,
		Requests:   len(lat),
		Errors:     errs,
		Empty:      empty,
		Elapsed:    elapsed,
		RPS:        float64(len(lat)) / elapsed.Seconds(),
		P50:        percentile(lat, 50),
		P90:        percentile(lat, 90),
		P99:        percentile(lat, 99),
		Max:        lat[len(lat)-1],
		CPU:        cpu / time.Duration(len(lat)),
		FirstError: firstErr,
	}, nil
}

// send posts one GraphQL request and reads the whole answer into buf. It
// returns the number of nodes the answer lists (0 for an empty page) and an
// error for a transport failure, a status other than 200 or a GraphQL
// error. The load generator shares the CPU with the server, so an answer
// that is only data (`{"data":…}` with no "errors" key anywhere: gqlgen
// writes errors first) is counted without decoding it; any other is
// decoded to find its first error.
func send(ctx context.Context, client *http.Client, url string, body []byte, buf *bytes.Buffer) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	buf.Reset()
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		return 0, err
	}
	b := buf.Bytes()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("status %s: %.200s", resp.Status, b)
	}
	if bytes.HasPrefix(b, dataOnly) && bytes.HasSuffix(b, closeBrace) && !bytes.Contains(b, errorsKey) {
		return countNodes(b), nil
	}
	var g gqlResponse
	if err := json.Unmarshal(b, &g); err != nil {
		return 0, fmt.Errorf("bad response: %w", err)
	}
	if len(g.Errors) > 0 {
		return 0, fmt.Errorf("graphql error: %.300s", g.Errors[0])
	}
	return countNodes(g.Data), nil
}

var (
	dataOnly   = []byte(`{"data":`)
	closeBrace = []byte(`}`)
	errorsKey  = []byte(`"errors":`)
	textKey    = []byte(`"text"`)
	nameKey    = []byte(`"name"`)
)

// countNodes counts the nodes an answer lists: its texts and names.
func countNodes(data []byte) int {
	return bytes.Count(data, textKey) + bytes.Count(data, nameKey)
}

// percentile returns the p-th percentile of sorted durations (nearest
// rank).
func percentile(sorted []time.Duration, p float64) time.Duration {
	i := int(float64(len(sorted))*p/100+0.999999) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}
