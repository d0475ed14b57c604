package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs "claimgraph serve" with args on a free port until the
// test ends and returns its base URL and its standard error.
func startServe(t *testing.T, args ...string) (string, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	stderr := &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"serve"}, args...), nil, pw, stderr)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Error("serve did not stop")
		}
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("serve printed no address: %v; stderr:\n%s", err, stderr)
	}
	go io.Copy(io.Discard, pr)
	m := regexp.MustCompile(`GraphQL at (http://\S+)/query`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("no address in %q", line)
	}
	return m[1], stderr
}

// gql posts a GraphQL query to base with an optional bearer token and
// returns the decoded answer.
func gql(t *testing.T, base, token, query string) (data map[string]any, code string) {
	t.Helper()
	b, _ := json.Marshal(map[string]any{"query": query})
	req, _ := http.NewRequest(http.MethodPost, base+"/query", bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out struct {
		Data   map[string]any
		Errors []struct{ Extensions struct{ Code string } }
	}
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if len(out.Errors) > 0 {
		code = out.Errors[0].Extensions.Code
	}
	return out.Data, code
}

// articleCount asks the server how many articles it holds.
func articleCount(t *testing.T, base string) float64 {
	t.Helper()
	d, code := gql(t, base, "", `{ articles { totalCount } }`)
	if code != "" {
		t.Fatalf("articles: error %s", code)
	}
	return d["articles"].(map[string]any)["totalCount"].(float64)
}

// TestServeIngest runs a real server with a token, then adds articles to
// it with "ingest --server": without the token nothing is stored, with it
// the articles are; "ingest --db" on the served database says to use
// --server.
func TestServeIngest(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	base, stderr := startServe(t, "--db", dir, "--addr", "127.0.0.1:0", "--token", "tok-123")
	if !strings.Contains(stderr.String(), "mutations need Authorization: Bearer") {
		t.Errorf("start-up log does not say mutations need the token:\n%s", stderr)
	}
	articles := []string{"demo/01-harbour-blockade.txt", "demo/02-river-dam.txt"}

	t.Run("Locked", func(t *testing.T) {
		code, _, errOut := ingestCmd(t, "", append([]string{"--db", dir}, articles...)...)
		if code != 1 || !strings.Contains(errOut, "ingest --server") {
			t.Fatalf("got exit %d, stderr %q; want 1 and a hint to use ingest --server", code, errOut)
		}
	})
	t.Run("NoToken", func(t *testing.T) {
		t.Setenv("CLAIMGRAPH_TOKEN", "")
		code, _, errOut := ingestCmd(t, "", append([]string{"--server", base}, articles...)...)
		if code != 1 || !strings.Contains(errOut, "Authorization: Bearer") {
			t.Fatalf("got exit %d, stderr %q; want 1 and the token error", code, errOut)
		}
		if n := articleCount(t, base); n != 0 {
			t.Fatalf("a refused ingest stored %v articles", n)
		}
		if _, code := gql(t, base, "wrong", `mutation { ingestArticle(input: {text: "The minister said it rained."}) { created } }`); code != "UNAUTHORIZED" {
			t.Fatalf("mutation with a wrong token: got %q, want UNAUTHORIZED", code)
		}
	})
	t.Run("WithToken", func(t *testing.T) {
		code, out, errOut := ingestCmd(t, "", append([]string{"--server", base, "--token", "tok-123", "--progress", "none"}, articles...)...)
		if code != 0 || !strings.Contains(out, "ingested 2 articles through "+base+": 2 new, 0 already present, 0 failed") {
			t.Fatalf("got exit %d, stdout %q, stderr %q; want 2 new articles", code, out, errOut)
		}
		if n := articleCount(t, base); n != 2 {
			t.Fatalf("got %v articles on the server, want 2", n)
		}
		d, _ := gql(t, base, "", `{ claims { totalCount } }`)
		if n := d["claims"].(map[string]any)["totalCount"].(float64); n == 0 {
			t.Fatal("the ingested articles have no claims")
		}
		// the token from the environment, and a second run finds them present
		t.Setenv("CLAIMGRAPH_TOKEN", "tok-123")
		code, out, errOut = ingestCmd(t, "", append([]string{"--server", base, "--progress", "none"}, articles...)...)
		if code != 0 || !strings.Contains(out, "0 new, 2 already present") {
			t.Fatalf("again: got exit %d, stdout %q, stderr %q; want 2 already present", code, out, errOut)
		}
	})
}

// TestServeBeyondLoopback serves on every address without a token: the
// start-up log says mutations are refused, and they are.
func TestServeBeyondLoopback(t *testing.T) {
	t.Setenv("CLAIMGRAPH_TOKEN", "")
	base, stderr := startServe(t, "--db", filepath.Join(t.TempDir(), "db"), "--addr", "0.0.0.0:0")
	if !strings.Contains(stderr.String(), "mutations are refused") {
		t.Errorf("start-up log does not say mutations are refused:\n%s", stderr)
	}
	base = strings.Replace(base, "0.0.0.0", "127.0.0.1", 1)
	if _, code := gql(t, base, "", `mutation { ingestArticle(input: {text: "The minister said it rained."}) { created } }`); code != "UNAUTHORIZED" {
		t.Fatalf("got %q, want UNAUTHORIZED", code)
	}
	if n := articleCount(t, base); n != 0 {
		t.Fatalf("a refused mutation stored %v articles", n)
	}
}
