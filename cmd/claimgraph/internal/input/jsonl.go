package input

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// maxLineBytes bounds one JSON line: room for a largest article with its
// text escaped.
const maxLineBytes = 4 * graph.MaxArticleBytes

// jsonArticle is one line of a JSON Lines input: an article with its
// metadata at the top level, or an extraction (the JSON of
// graph.Extraction, as "claimgraph export --format jsonl" writes it) whose
// "article" object carries the text.
type jsonArticle struct {
	Text        *string `json:"text"`
	Title       string  `json:"title"`
	URL         string  `json:"url"`
	Publisher   string  `json:"publisher"`
	PublishedAt string  `json:"publishedAt"`

	Article *graph.Article  `json:"article"`
	Actors  []*graph.Actor  `json:"actors"`
	Sources []*graph.Source `json:"sources"`
	Claims  []*graph.Claim  `json:"claims"`
	Edges   []*graph.Edge   `json:"edges"`
}

// readJSONL reads one article per line: an object with "text" (required)
// and optional "title", "url", "publisher", "publishedAt", or an
// extraction whose "article" holds the text (then the item's Extraction
// is set). Blank lines are skipped; a malformed line is an error at
// "loc:line" and reading goes on.
func readJSONL(ctx context.Context, loc string, r *bufio.Reader, fn func(Item) error) error {
	for n := 1; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		line, err := readLine(r)
		if err == io.EOF {
			return nil
		}
		it := Item{Loc: fmt.Sprintf("%s:%d", loc, n)}
		switch {
		case errors.Is(err, errLineTooLong):
			it.Err = graph.Errorf(graph.ETOOLARGE, "line is longer than %d bytes", maxLineBytes)
		case err != nil:
			// A read error ends the file: report it once, at this line.
			it.Err = readError(err)
			return fn(it)
		default:
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			if n == 1 {
				line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
			}
			it.Article, it.Extraction, it.Err = decodeLine(line)
		}
		if err := fn(it); err != nil {
			return err
		}
	}
}

// decodeLine turns one JSON line into an article and, for a line holding
// an extraction, that extraction (checked by graph.Extraction.Validate, its
// article ID filled in from the text when the line leaves it out).
func decodeLine(line []byte) (graph.Article, *graph.Extraction, error) {
	var v jsonArticle
	if err := json.Unmarshal(line, &v); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return graph.Article{}, nil, graph.Errorf(graph.EINVALID, "malformed JSON at byte %d: %v", se.Offset, err)
		case errors.As(err, &te) && te.Field == "":
			return graph.Article{}, nil, graph.Errorf(graph.EINVALID, "line is a JSON %s, not an object", te.Value)
		}
		return graph.Article{}, nil, graph.Errorf(graph.EINVALID, "bad JSON article: %v", err)
	}
	if v.Article != nil {
		return decodeExtraction(&v)
	}
	if v.Text == nil {
		return graph.Article{}, nil, graph.Errorf(graph.EINVALID, `article has no "text" field`)
	}
	if err := graph.ValidateText(*v.Text); err != nil {
		return graph.Article{}, nil, err
	}
	return graph.Article{
		Text:        *v.Text,
		Title:       strings.TrimSpace(v.Title),
		URL:         strings.TrimSpace(v.URL),
		Publisher:   strings.TrimSpace(v.Publisher),
		PublishedAt: strings.TrimSpace(v.PublishedAt),
	}, nil, nil
}

// decodeExtraction checks the extraction of a line whose "article" is an
// object.
func decodeExtraction(v *jsonArticle) (graph.Article, *graph.Extraction, error) {
	if v.Text != nil {
		return graph.Article{}, nil, graph.Errorf(graph.EINVALID, `line has both "text" and "article": an extraction's text goes in "article"`)
	}
	x := &graph.Extraction{Article: *v.Article, Actors: v.Actors, Sources: v.Sources, Claims: v.Claims, Edges: v.Edges}
	if x.Article.Text == "" {
		return graph.Article{}, nil, graph.Errorf(graph.EINVALID, `extraction's "article" has no "text" field`)
	}
	if x.Article.ID == "" {
		x.Article.ID = graph.ArticleID(x.Article.Text)
	}
	if err := x.Validate(); err != nil {
		return graph.Article{}, nil, err
	}
	return x.Article, x, nil
}

// errLineTooLong is returned by readLine for a line over maxLineBytes; the
// line has then been skipped.
var errLineTooLong = errors.New("line too long")

// readLine returns the next line without its end-of-line bytes, io.EOF at
// the end, and errLineTooLong (after skipping the line) for an overlong one.
func readLine(r *bufio.Reader) ([]byte, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > maxLineBytes {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && (len(buf) > 0 || tooLong):
			// last line without a newline
		case err != nil:
			return nil, err
		}
		if tooLong {
			return nil, errLineTooLong
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		return bytes.TrimSuffix(buf, []byte("\r")), nil
	}
}
