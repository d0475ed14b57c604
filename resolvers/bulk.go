package resolvers

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// BulkLine is one line of POST /ingest's response: a progress line per
// article of the request, in order, then a summary line (Done set).
type BulkLine struct {
	// Line is the 1-based line of the request body the article came from.
	Line int `json:"line,omitempty"`
	// Article is the ID of the stored article.
	Article string `json:"article,omitempty"`
	// Created is false when the article was already stored.
	Created bool `json:"created,omitempty"`
	// Claims counts the claims of a new article.
	Claims int `json:"claims,omitempty"`
	// Error says why the article (or, on the summary line, the stream) was
	// not stored, and Code is its error code (INVALID, TOO_LARGE, …).
	Error string `json:"error,omitempty"`
	Code  string `json:"code,omitempty"`
	// Done marks the summary line, which counts the articles that were
	// new, already present and failed.
	Done    bool `json:"done,omitempty"`
	New     int  `json:"new,omitempty"`
	Present int  `json:"present,omitempty"`
	Failed  int  `json:"failed,omitempty"`
}

// bulkIngest serves POST /ingest: the body is JSON Lines, one article a
// line ({"text", "title", "url", "publisher", "publishedAt"}, as
// graph.Article), each extracted and stored as ingestArticle does, in the
// order sent; the response streams one BulkLine per article as it is
// stored, then a summary. One bad article is reported on its line and does
// not stop the others. It follows the same access rule as mutations (401,
// or 403 when the server refuses every mutation) and runs one stream at a
// time (503 with Retry-After to a second). The server's read and write
// timeouts are replaced by lineTimeout for each line read and written.
type bulkIngest struct {
	r           *Resolver
	access      access
	lineTimeout time.Duration
	log         *slog.Logger
	busy        chan struct{}
}

func (b *bulkIngest) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if err := b.access.check(req); err != nil {
		code := http.StatusUnauthorized
		if b.access.refused != "" {
			code = http.StatusForbidden
		}
		writeLineStatus(w, code, BulkLine{Done: true, Error: err.Message, Code: strings.ToUpper(graph.EUNAUTHORIZED)})
		return
	}
	var release sync.Once
	free := func() { release.Do(func() { <-b.busy }) }
	select {
	case b.busy <- struct{}{}:
		defer free()
	default:
		w.Header().Set("Retry-After", "5")
		writeLineStatus(w, http.StatusServiceUnavailable, BulkLine{Done: true, Error: "another bulk ingest is running: retry when it ends", Code: "OVERLOADED"})
		return
	}
	rc := http.NewResponseController(w)
	_ = rc.EnableFullDuplex()
	w.Header().Set("Content-Type", "application/x-ndjson")
	w.WriteHeader(http.StatusOK)
	enc := json.NewEncoder(w)
	emit := func(l BulkLine) error {
		_ = rc.SetWriteDeadline(time.Now().Add(b.lineTimeout))
		if err := enc.Encode(l); err != nil {
			return err
		}
		return rc.Flush()
	}
	sum := BulkLine{Done: true}
	err := b.stream(req.Context(), req, rc, func(l BulkLine) error {
		switch {
		case l.Error != "":
			sum.Failed++
		case l.Created:
			sum.New++
		default:
			sum.Present++
		}
		return emit(l)
	})
	if err != nil {
		sum.Error, sum.Code = err.Error(), strings.ToUpper(graph.ErrorCode(err))
		if sum.Code == "" {
			sum.Code = strings.ToUpper(graph.EINTERNAL)
		}
	}
	// the next stream may start as soon as this one's client reads its end
	free()
	_ = emit(sum)
}

// stream reads the articles of req's body and stores them one by one,
// passing each outcome to emit; it returns the error that stopped the
// stream (a line that is not JSON is only that line's error).
func (b *bulkIngest) stream(ctx context.Context, req *http.Request, rc *http.ResponseController, emit func(BulkLine) error) error {
	sc := bufio.NewScanner(req.Body)
	sc.Buffer(make([]byte, 64<<10), 2*graph.MaxArticleBytes+1<<20)
	line := 0
	for {
		_ = rc.SetReadDeadline(time.Now().Add(b.lineTimeout))
		if !sc.Scan() {
			break
		}
		line++
		if len(strings.TrimSpace(sc.Text())) == 0 {
			line--
			continue
		}
		out := BulkLine{Line: line}
		res, err := b.ingestLine(ctx, sc.Bytes())
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			out.Error, out.Code = errText(err), strings.ToUpper(graph.ErrorCode(err))
			if graph.ErrorCode(err) == graph.EINTERNAL {
				b.log.ErrorContext(ctx, "ingest: internal error", "line", line, "err", err)
			}
		} else {
			out.Article, out.Created = res.Extraction.Article.ID, res.Created
			if res.Created {
				out.Claims = len(res.Extraction.Claims)
			}
		}
		if err := emit(out); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return graph.Errorf(graph.ETOOLARGE, "line %d is over %d bytes", line+1, 2*graph.MaxArticleBytes+1<<20)
		}
		return fmt.Errorf("read line %d: %w", line+1, err)
	}
	return nil
}

// ingestLine decodes, extracts and stores one article.
func (b *bulkIngest) ingestLine(ctx context.Context, data []byte) (*graph.IngestResult, error) {
	var a graph.Article
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, graph.Errorf(graph.EINVALID, "not a JSON article: %v", err)
	}
	if err := graph.ValidateText(a.Text); err != nil {
		return nil, err
	}
	if b.r.extract == nil {
		return nil, fmt.Errorf("ingest: no extractor configured")
	}
	a.ID = graph.ArticleID(a.Text)
	x, err := b.r.extract(a)
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	if x == nil {
		x = &graph.Extraction{}
	}
	x.Article = a
	res, err := b.r.store.Ingest(ctx, x)
	if err != nil {
		return nil, err
	}
	if res.Extraction == nil {
		res.Extraction = x
	}
	if res.Created {
		b.r.Publish(res.Extraction.Claims...)
	}
	return res, nil
}

// errText is the message a client may see: a coded error's message, and
// "internal error" for the rest.
func errText(err error) string {
	var ge *graph.Error
	if errors.As(err, &ge) && ge.Code != graph.EINTERNAL {
		return ge.Message
	}
	return "internal error"
}

// writeLineStatus answers with one BulkLine and status code.
func writeLineStatus(w http.ResponseWriter, code int, l BulkLine) {
	w.Header().Set("Content-Type", "application/x-ndjson")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(l)
}
