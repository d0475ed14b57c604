package resolvers_test

import (
	"bufio"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/resolvers"
)

// postIngest sends body to POST /ingest and returns the status and the
// answer's lines.
func (c *client) postIngest(auth, body string) (int, []resolvers.BulkLine) {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.srv.URL+"/ingest", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-ndjson")
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatalf("post: %v", err)
	}
	defer res.Body.Close()
	var out []resolvers.BulkLine
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		var l resolvers.BulkLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			c.t.Fatalf("line %q: %v", sc.Text(), err)
		}
		out = append(out, l)
	}
	return res.StatusCode, out
}

// jsonl renders articles as JSON Lines.
func jsonl(arts ...map[string]any) string {
	var b strings.Builder
	for _, a := range arts {
		j, _ := json.Marshal(a)
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.String()
}

func TestBulkIngest(t *testing.T) {
	const token = "bulk-token"
	c, _ := newServer(t, mustOpenStore(t), extractor(borderClash, riverTalks), resolvers.HandlerOptions{Token: token})
	body := jsonl(
		map[string]any{"title": borderClash.title, "publisher": borderClash.publisher, "text": borderClash.text},
		map[string]any{"title": "empty", "text": ""},
	) + "not json\n\n" + jsonl(
		map[string]any{"title": riverTalks.title, "text": riverTalks.text},
		map[string]any{"title": "again", "text": borderClash.text},
	)

	t.Run("Refused", func(t *testing.T) {
		c := c.with(t)
		before := c.state()
		for _, auth := range []string{"", "Bearer wrong"} {
			status, lines := c.postIngest(auth, body)
			if status != http.StatusUnauthorized || len(lines) != 1 || lines[0].Code != "UNAUTHORIZED" {
				t.Fatalf("auth %q: got %d %+v, want 401 UNAUTHORIZED", auth, status, lines)
			}
		}
		if after := c.state(); after != before {
			t.Fatalf("a refused ingest changed the store:\nbefore %s\nafter  %s", before, after)
		}
	})
	t.Run("Stream", func(t *testing.T) {
		c := c.with(t)
		status, lines := c.postIngest("Bearer "+token, body)
		if status != http.StatusOK || len(lines) != 6 {
			t.Fatalf("got %d with %d lines %+v, want 200 and 5 articles and a summary", status, len(lines), lines)
		}
		want := []struct {
			line           int
			created        bool
			code           string
			claimsAtLeast1 bool
		}{
			{1, true, "", true},
			{2, false, "INVALID", false},
			{3, false, "INVALID", false},
			{4, true, "", true},
			{5, false, "", false},
		}
		for i, w := range want {
			l := lines[i]
			if l.Line != w.line || l.Created != w.created || l.Code != w.code || (l.Claims > 0) != w.claimsAtLeast1 {
				t.Errorf("line %d: got %+v, want %+v", i, l, w)
			}
		}
		if sum := lines[5]; !sum.Done || sum.New != 2 || sum.Present != 1 || sum.Failed != 2 || sum.Error != "" {
			t.Errorf("summary: got %+v, want 2 new, 1 present, 2 failed", sum)
		}
		var d struct {
			Articles struct {
				TotalCount int
				Nodes      []struct{ Title string }
			}
		}
		c.query(`{ articles { totalCount nodes { title } } }`, nil, &d)
		if d.Articles.TotalCount != 2 {
			t.Errorf("got %d articles stored, want 2", d.Articles.TotalCount)
		}
	})
	t.Run("ReadOnly", func(t *testing.T) {
		c, _ := newServer(t, mustOpenStore(t), extractor(borderClash), resolvers.HandlerOptions{ReadOnly: true, Token: token})
		c = c.with(t)
		status, lines := c.postIngest("Bearer "+token, body)
		if status != http.StatusForbidden || len(lines) != 1 || lines[0].Code != "UNAUTHORIZED" {
			t.Fatalf("got %d %+v, want 403 UNAUTHORIZED", status, lines)
		}
		var d struct{ Articles struct{ TotalCount int } }
		c.query(`{ articles { totalCount } }`, nil, &d)
		if d.Articles.TotalCount != 0 {
			t.Fatalf("a read-only server stored %d articles", d.Articles.TotalCount)
		}
	})
}
