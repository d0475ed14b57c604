package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

// TestRun builds a small graph, loads every query kind at two client
// counts and checks the figures are sane; a second run reuses the store.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	args := []string{"-claims", "2000", "-db", dir, "-query", "page,says,search", "-clients", "1,4",
		"-requests", "150", "-duration", "5s", "-warmup", "10"}
	var out, errb bytes.Buffer
	results, err := runBench(context.Background(), args, &out, &errb)
	if err != nil {
		t.Fatalf("run: %v\nstdout:\n%s\nstderr:\n%s", err, &out, &errb)
	}
	t.Logf("\n%s", &out)
	if !strings.Contains(out.String(), "GOGC 100,") && os.Getenv("GOGC") == "" {
		t.Errorf("output does not report GOGC 100:\n%s", &out)
	}
	if !strings.Contains(out.String(), "graph: built 200 articles, 2000 claims") {
		t.Errorf("output does not report building 2000 claims:\n%s", &out)
	}
	if len(results) != 6 {
		t.Fatalf("got %d results, want 6 (3 kinds × 2 client counts)", len(results))
	}
	for _, r := range results {
		name := fmt.Sprintf("%s/%d", r.Kind, r.Clients)
		if r.Errors != 0 {
			t.Errorf("%s: got %d errors (first: %s), want 0", name, r.Errors, r.FirstError)
		}
		if r.Requests != 150 {
			t.Errorf("%s: got %d requests, want 150", name, r.Requests)
		}
		if r.Empty >= r.Requests/2 {
			t.Errorf("%s: %d of %d answers empty, want most to list nodes", name, r.Empty, r.Requests)
		}
		if !(0 < r.P50 && r.P50 <= r.P90 && r.P90 <= r.P99 && r.P99 <= r.Max) {
			t.Errorf("%s: percentiles out of order: p50 %v, p90 %v, p99 %v, max %v", name, r.P50, r.P90, r.P99, r.Max)
		}
		if r.RPS <= 0 {
			t.Errorf("%s: got %v req/s, want > 0", name, r.RPS)
		}
	}
	if errb.Len() > 0 {
		t.Errorf("stderr not empty:\n%s", &errb)
	}

	out.Reset()
	args = []string{"-claims", "2000", "-db", dir, "-query", "page", "-clients", "2", "-requests", "20", "-warmup", "0"}
	results, err = runBench(context.Background(), args, &out, &errb)
	if err != nil {
		t.Fatalf("second run: %v", err)
	}
	if !strings.Contains(out.String(), "graph: reused 200 articles") {
		t.Errorf("second run did not reuse the store:\n%s", &out)
	}
	if len(results) != 1 || results[0].Errors != 0 || results[0].Requests != 20 {
		t.Errorf("second run: got %+v, want 20 requests without errors", results)
	}
}

// TestDurationBound checks that a case stops at its time limit when the
// request limit is out of reach.
func TestDurationBound(t *testing.T) {
	args := []string{"-claims", "100", "-query", "page", "-clients", "2", "-requests", "1000000",
		"-duration", "300ms", "-warmup", "0"}
	var out, errb bytes.Buffer
	start := time.Now()
	results, err := runBench(context.Background(), args, &out, &errb)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, &errb)
	}
	if el := results[0].Elapsed; el < 300*time.Millisecond || el > 5*time.Second {
		t.Errorf("case took %v, want about 300ms", el)
	}
	if results[0].Requests >= 1000000 {
		t.Errorf("got %d requests, want the time limit to stop the case first", results[0].Requests)
	}
	t.Logf("%d requests in %v (whole run %v)", results[0].Requests, results[0].Elapsed, time.Since(start))
}

func TestArticleValid(t *testing.T) {
	w := newWorld(1)
	if len(w.words) < 500 || len(w.actors) != numPersons+numOrgs {
		t.Fatalf("got %d words and %d actors, want ≥ 500 and %d", len(w.words), len(w.actors), numPersons+numOrgs)
	}
	for i := range 50 {
		x := w.article(i)
		if err := x.Validate(); err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
		if len(x.Claims) != claimsPerArticle {
			t.Fatalf("article %d: got %d claims, want %d", i, len(x.Claims), claimsPerArticle)
		}
		for _, c := range x.Claims {
			if got := x.Article.Text[c.CueStart:c.CueEnd]; got != c.Cue {
				t.Fatalf("article %d: cue offsets give %q, want %q", i, got, c.Cue)
			}
			if !strings.Contains(c.Sentence, c.Text) {
				t.Fatalf("article %d: sentence %q does not hold the claim %q", i, c.Sentence, c.Text)
			}
		}
	}
	if a, b := newWorld(1).article(7), w.article(7); a.Article.ID != b.Article.ID {
		t.Errorf("article 7 differs between two worlds of the same seed")
	}
}

func TestFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-query", "nope"},
		{"-clients", "0"},
		{"-clients", "1,x"},
		{"-requests", "0"},
		{"-claims", "5"},
		{"-rate", "-1"},
		{"extra"},
		{"-store", "nope"},
		{"-store", "memory", "-query", "search"},
		{"-store", "memory", "-db", "/tmp/x"},
		{"-store", "dgraph://127.0.0.1:9080", "-db", "/tmp/x"},
	} {
		if _, err := parseFlags(args, &bytes.Buffer{}); err == nil {
			t.Errorf("parseFlags(%q): got no error, want one", args)
		}
	}
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 100; i++ {
		d = append(d, time.Duration(i))
	}
	for _, c := range []struct {
		p    float64
		want time.Duration
	}{{50, 50}, {90, 90}, {99, 99}, {100, 100}, {0, 1}} {
		if got := percentile(d, c.p); got != c.want {
			t.Errorf("percentile(1..100, %v): got %v, want %v", c.p, got, c.want)
		}
	}
}

// TestRate checks that -rate paces the clients: 40 requests at 200 a second
// take about 200 ms.
func TestRate(t *testing.T) {
	args := []string{"-claims", "100", "-query", "says", "-clients", "4", "-requests", "40",
		"-rate", "200", "-warmup", "0"}
	var out, errb bytes.Buffer
	results, err := runBench(context.Background(), args, &out, &errb)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, &errb)
	}
	r := results[0]
	if r.Requests != 40 || r.Errors != 0 {
		t.Fatalf("got %d requests, %d errors; want 40 and 0", r.Requests, r.Errors)
	}
	if r.Elapsed < 190*time.Millisecond || r.RPS > 220 {
		t.Errorf("40 requests at 200/s took %v (%.0f req/s), want about 200ms", r.Elapsed, r.RPS)
	}
	if !strings.Contains(out.String(), "paced to 200 req/s") {
		t.Errorf("output does not say the load was paced:\n%s", &out)
	}
}

// TestSend checks that the client counts the nodes of a data-only answer
// and reports GraphQL errors, whether or not data comes with them, and
// bad statuses and bodies.
func TestSend(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		status     int
		nodes      int
		err        string
	}{
		{"Data", `{"data":{"claims":{"nodes":[{"text":"a","speaker":{"name":"b"}}]}}}`, 200, 2, ""},
		{"Empty", `{"data":{"claims":{"nodes":[]}}}`, 200, 0, ""},
		{"Spaced", `{ "data": {"claims": {"nodes": [{"text": "a"}]}} }`, 200, 1, ""},
		{"Errors", `{"errors":[{"message":"boom"}],"data":null}`, 200, 0, "graphql error"},
		{"ErrorsAfterData", `{"data":{"claims":null},"errors":[{"message":"boom"}]}`, 200, 0, "graphql error"},
		{"Status", `{"errors":[{"message":"bad"}]}`, 422, 0, "status 422"},
		{"NotJSON", `{"data":{"claims":`, 200, 0, "bad response"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(tc.status)
				_, _ = w.Write([]byte(tc.body))
			}))
			defer srv.Close()
			var buf bytes.Buffer
			n, err := send(context.Background(), srv.Client(), srv.URL, []byte(`{}`), &buf)
			if tc.err == "" && (err != nil || n != tc.nodes) {
				t.Errorf("got %d nodes, error %v; want %d, no error", n, err, tc.nodes)
			}
			if tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
				t.Errorf("got error %v, want one containing %q", err, tc.err)
			}
		})
	}
}
