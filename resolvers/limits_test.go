package resolvers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/resolvers"
)

// aliased returns a query of n aliases of field.
func aliased(n int, field string) string {
	var b strings.Builder
	b.WriteString("{ ")
	for i := range n {
		fmt.Fprintf(&b, "a%d: %s ", i, field)
	}
	b.WriteString("}")
	return b.String()
}

// TestCostLimits checks that fields are priced by the scans they do and
// that operations too large, too aliased or too costly are refused before
// they run.
func TestCostLimits(t *testing.T) {
	c, _ := newServer(t, mustOpenStore(t), extractor(borderClash), resolvers.HandlerOptions{})
	c.ingest(borderClash)
	const search = `search(query: "said minister", first: 1) { totalCount }`
	cases := []struct {
		name, query, code, msg string
	}{
		{"FiveThousandSearches", aliased(5000, search), "QUERY_TOO_LARGE", "over the limit of 65536"},
		{"ManyCheapAliases", aliased(101, "__typename"), "ALIAS_LIMIT_EXCEEDED", "101 aliased fields"},
		{"AliasesInFragments", `{ ...f ...f } fragment f on Query ` + aliased(60, "__typename"), "ALIAS_LIMIT_EXCEEDED", "120 aliased fields"},
		{"TwentySearches", aliased(20, search), "COMPLEXITY_LIMIT_EXCEEDED", "complexity 20020,"},
		{"SixPaths", aliased(6, `path(from: "a", to: "b") { hops { kind } }`), "COMPLEXITY_LIMIT_EXCEEDED", "exceeds the limit of 10000"},
		{"TextFilteredLists", aliased(11, `claims(first: 1, filter: {text: "forces"}) { totalCount }`), "COMPLEXITY_LIMIT_EXCEEDED", "complexity 11"},
		{"ElevenIngests", "mutation " + aliased(11, `ingestArticle(input: {text: "a"}) { created }`), "COMPLEXITY_LIMIT_EXCEEDED", "complexity 11011,"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := c.with(t)
			res := c.queryErr(tc.query, nil)
			if res.code() != tc.code || !strings.Contains(res.Errors[0].Message, tc.msg) {
				t.Fatalf("got %+v, want %s with %q", res.Errors, tc.code, tc.msg)
			}
		})
	}
	t.Run("NineSearchesPass", func(t *testing.T) {
		c := c.with(t)
		var d map[string]struct{ TotalCount int }
		c.query(aliased(9, `search(query: "forces", first: 1) { totalCount }`), nil, &d)
		if len(d) != 9 || d["a0"].TotalCount == 0 {
			t.Fatalf("got %+v, want 9 searches with hits", d)
		}
	})
}

// blockingStore holds every Search until release is closed (or the
// search's context ends), telling entered when one starts.
type blockingStore struct {
	graph.Store
	entered chan struct{}
	release chan struct{}
}

func (s *blockingStore) Search(ctx context.Context, q string, p graph.Page) (*graph.SearchList, error) {
	s.entered <- struct{}{}
	select {
	case <-s.release:
		return s.Store.Search(ctx, q, p)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// rawPost sends body to the server's /query and returns the status, the
// Retry-After header and the decoded answer.
func (c *client) rawPost(body string) (int, string, *response) {
	c.t.Helper()
	res, err := http.Post(c.srv.URL+"/query", "application/json", strings.NewReader(body))
	if err != nil {
		c.t.Fatalf("post: %v", err)
	}
	defer res.Body.Close()
	return res.StatusCode, res.Header.Get("Retry-After"), c.decode(res)
}

// TestShedding fills the one slot for expensive operations with a search
// held inside the store, and checks that a second search is shed with 503
// and Retry-After while cheap queries still pass, and that the slot is
// free again once the first search ends.
func TestShedding(t *testing.T) {
	bs := &blockingStore{Store: mustOpenStore(t), entered: make(chan struct{}, 4), release: make(chan struct{})}
	c, _ := newServer(t, bs, extractor(borderClash), resolvers.HandlerOptions{MaxExpensive: 1, QueueWait: -1})
	c.ingest(borderClash)
	search := `{"query":"{ search(query: \"forces\") { totalCount } }"}`

	type answer struct {
		status int
		res    *response
	}
	first := make(chan answer, 1)
	go func() {
		status, _, res := c.rawPost(search)
		first <- answer{status, res}
	}()
	<-bs.entered // the first search holds the slot

	status, retry, res := c.rawPost(search)
	if status != http.StatusServiceUnavailable || retry == "" || res.code() != "OVERLOADED" {
		t.Fatalf("second search: got %d Retry-After %q %+v, want 503, a Retry-After and OVERLOADED", status, retry, res.Errors)
	}
	if status, _, res := c.rawPost(`{"query":"{ actors { totalCount } }"}`); status != http.StatusOK || len(res.Errors) > 0 {
		t.Fatalf("cheap query while busy: got %d %+v, want 200", status, res.Errors)
	}

	close(bs.release)
	if a := <-first; a.status != http.StatusOK || len(a.res.Errors) > 0 {
		t.Fatalf("first search: got %d %+v, want 200", a.status, a.res.Errors)
	}
	if status, _, res := c.rawPost(search); status != http.StatusOK || len(res.Errors) > 0 {
		t.Fatalf("search after the first ended: got %d %+v, want 200", status, res.Errors)
	}
}

// TestQueueWait checks that an expensive operation waits for a slot (up to
// QueueWait) rather than being shed at once.
func TestQueueWait(t *testing.T) {
	bs := &blockingStore{Store: mustOpenStore(t), entered: make(chan struct{}, 4), release: make(chan struct{})}
	c, _ := newServer(t, bs, extractor(borderClash), resolvers.HandlerOptions{MaxExpensive: 1, QueueWait: time.Minute})
	c.ingest(borderClash)
	search := `{"query":"{ search(query: \"forces\") { totalCount } }"}`
	var wg sync.WaitGroup
	statuses := make(chan int, 2)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, _, _ := c.rawPost(search)
			statuses <- status
		}()
	}
	<-bs.entered
	// The second waits for the slot: it cannot enter the store until the
	// first leaves it.
	select {
	case <-bs.entered:
		t.Fatal("two searches ran at once with MaxExpensive 1")
	case <-time.After(50 * time.Millisecond):
	}
	close(bs.release)
	wg.Wait()
	close(statuses)
	for s := range statuses {
		if s != http.StatusOK {
			t.Fatalf("got status %d, want both searches to end with 200", s)
		}
	}
}

// TestDeadline checks that a query's context ends at RequestTimeout, so
// that a store honouring it stops, and that the client gets TIMEOUT.
func TestDeadline(t *testing.T) {
	bs := &blockingStore{Store: mustOpenStore(t), entered: make(chan struct{}, 4), release: make(chan struct{})}
	c, _ := newServer(t, bs, nil, resolvers.HandlerOptions{RequestTimeout: 50 * time.Millisecond})
	status, _, res := c.rawPost(`{"query":"{ search(query: \"forces\") { totalCount } }"}`)
	if status != http.StatusOK || res.code() != "TIMEOUT" {
		t.Fatalf("got %d %+v, want TIMEOUT", status, res.Errors)
	}
}

// chunked hides a reader's length, so the request is sent chunked with no
// Content-Length.
type chunked struct{ io.Reader }

// TestBodyLimit checks that a body over the limit gets 413, whether it
// announces its length or not.
func TestBodyLimit(t *testing.T) {
	c, _ := newServer(t, mustOpenStore(t), nil, resolvers.HandlerOptions{})
	body := func() io.Reader {
		pad := strings.Repeat("x", 20<<20)
		return strings.NewReader(`{"query":"{ __typename }","variables":{"pad":"` + pad + `"}}`)
	}
	for _, tc := range []struct {
		name string
		body io.Reader
	}{
		{"ContentLength", body()},
		{"Chunked", chunked{body()}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, c.srv.URL+"/query", tc.body)
			req.Header.Set("Content-Type", "application/json")
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			out := c.with(t).decode(res)
			if res.StatusCode != http.StatusRequestEntityTooLarge || out.code() != "TOO_LARGE" {
				t.Fatalf("got %d %+v, want 413 and TOO_LARGE", res.StatusCode, out.Errors)
			}
		})
	}
}

// TestSubscriptionOutlivesTimeouts serves with read and write timeouts of
// 200 ms and checks that a subscription opened before them still gets the
// claims of an article ingested after: the server's WriteTimeout must not
// end subscriptions.
func TestSubscriptionOutlivesTimeouts(t *testing.T) {
	var arts []articleSpec
	for i := range 10 {
		a := rollCall(1)
		mark := fmt.Sprintf("mark %d", 100+i)
		a.text = strings.Replace(a.text, "mark 0", mark, 1)
		a.claims[0].content = strings.Replace(a.claims[0].content, "mark 0", mark, 1)
		a.claims[0].sentence = strings.Replace(a.claims[0].sentence, "mark 0", mark, 1)
		arts = append(arts, a)
	}
	r := resolvers.New(mustOpenStore(t), extractor(arts...))
	srv := httptest.NewUnstartedServer(resolvers.NewHandler(r, resolvers.HandlerOptions{}))
	srv.Config.ReadTimeout = 200 * time.Millisecond
	srv.Config.WriteTimeout = 200 * time.Millisecond
	srv.Start()
	t.Cleanup(srv.Close)
	c := &client{t: t, srv: srv}

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http")+"/query", &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	defer ws.CloseNow()
	send := func(v any) {
		b, _ := json.Marshal(v)
		if err := ws.Write(ctx, websocket.MessageText, b); err != nil {
			t.Fatalf("write: %v", err)
		}
	}
	type message struct {
		Type    string          `json:"type"`
		Payload json.RawMessage `json:"payload"`
	}
	msgs := make(chan message, 16)
	go func() {
		defer close(msgs)
		for {
			_, b, err := ws.Read(ctx)
			if err != nil {
				return
			}
			var m message
			if json.Unmarshal(b, &m) == nil && m.Type != "ping" {
				msgs <- m
			}
		}
	}()
	send(map[string]any{"type": "connection_init"})
	if m := <-msgs; m.Type != "connection_ack" {
		t.Fatalf("got %+v, want connection_ack", m)
	}
	send(map[string]any{"type": "subscribe", "id": "1", "payload": map[string]any{"query": `subscription { claimAdded { text } }`}})
	time.Sleep(500 * time.Millisecond) // past both timeouts
	for _, a := range arts {
		c.ingest(a)
		select {
		case m, ok := <-msgs:
			if !ok {
				t.Fatal("the subscription's connection closed")
			}
			if m.Type != "next" || !bytes.Contains(m.Payload, []byte("the river stood at mark")) {
				t.Fatalf("got %s %s, want a claim", m.Type, m.Payload)
			}
			return
		case <-time.After(250 * time.Millisecond):
		}
	}
	t.Fatal("no claim arrived after 10 ingests")
}
