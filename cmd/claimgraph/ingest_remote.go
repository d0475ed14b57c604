package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/claimgraph/claimgraph/cmd/claimgraph/internal/input"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/resolvers"
)

// remoteIngest sends the articles under paths to a running server's POST
// /ingest as JSON Lines, in one streamed request, and reports the
// server's progress lines: failures as they come (named by where the
// article was read), a line every progressEvery unless quiet, and the
// summary on stdout. Articles that cannot be read are reported here and
// never sent.
type remoteIngest struct {
	server, token string
	// published dates the articles that give none (--published).
	published string
	quiet     bool
	stderr    io.Writer
	client    *http.Client
}

func (ri *remoteIngest) run(ctx context.Context, paths []string, stdin io.Reader, stdout io.Writer) error {
	start := time.Now()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu      sync.Mutex
		locs    []string // where each sent line came from
		badRead int
	)
	pr, pw := io.Pipe()
	go func() {
		enc := json.NewEncoder(pw)
		err := input.Walk(ctx, paths, stdin, func(it input.Item) error {
			if it.Err != nil {
				mu.Lock()
				badRead++
				mu.Unlock()
				fmt.Fprintf(ri.stderr, "%s: %s\n", it.Loc, describe(it.Err))
				return nil
			}
			mu.Lock()
			locs = append(locs, it.Loc)
			mu.Unlock()
			if ri.published != "" && graph.DateKey(it.Article.PublishedAt) == "" {
				it.Article.PublishedAt = ri.published
			}
			return enc.Encode(it.Article)
		})
		pw.CloseWithError(err)
	}()
	url := strings.TrimSuffix(ri.server, "/") + "/ingest"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, pr)
	if err != nil {
		return graph.Errorf(graph.EINVALID, "bad --server %q: %v", ri.server, err)
	}
	req.Header.Set("Content-Type", "application/x-ndjson")
	if ri.token != "" {
		req.Header.Set("Authorization", "Bearer "+ri.token)
	}
	client := ri.client
	if client == nil {
		client = http.DefaultClient
	}
	res, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("send articles to %s: %w", url, err)
	}
	defer res.Body.Close()
	sc := bufio.NewScanner(res.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	if res.StatusCode != http.StatusOK {
		var l resolvers.BulkLine
		if sc.Scan() && json.Unmarshal(sc.Bytes(), &l) == nil && l.Error != "" {
			return fmt.Errorf("%s: %s (HTTP %d)", url, l.Error, res.StatusCode)
		}
		return fmt.Errorf("%s: HTTP %s", url, res.Status)
	}
	var sum resolvers.BulkLine
	seen, claims := 0, 0
	last := time.Now()
	for sc.Scan() {
		var l resolvers.BulkLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return fmt.Errorf("%s: unreadable answer %q: %w", url, sc.Bytes(), err)
		}
		if l.Done {
			sum = l
			break
		}
		seen++
		claims += l.Claims
		if l.Error != "" {
			mu.Lock()
			loc := fmt.Sprintf("article %d", l.Line)
			if l.Line >= 1 && l.Line <= len(locs) {
				loc = locs[l.Line-1]
			}
			mu.Unlock()
			fmt.Fprintf(ri.stderr, "%s: %s\n", loc, l.Error)
		}
		if !ri.quiet && time.Since(last) >= progressEvery {
			last = time.Now()
			fmt.Fprintf(ri.stderr, "%d articles stored by the server, %s\n", seen, time.Since(start).Round(time.Second))
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: read answer: %w", url, err)
	}
	if !sum.Done {
		return fmt.Errorf("%s: the answer ended before its summary, after %d articles", url, seen)
	}
	mu.Lock()
	failed := sum.Failed + badRead
	mu.Unlock()
	fmt.Fprintf(stdout, "ingested %d articles through %s: %d new, %d already present, %d failed; %d claims; %s\n",
		sum.New+sum.Present+failed, ri.server, sum.New, sum.Present, failed, claims, time.Since(start).Round(time.Millisecond))
	if sum.Error != "" {
		return fmt.Errorf("the server stopped the ingest: %s", sum.Error)
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d articles failed", failed, sum.New+sum.Present+failed)
	}
	return nil
}
