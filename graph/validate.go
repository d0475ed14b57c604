package graph

import (
	"strings"
	"unicode/utf8"
)

// MaxArticleBytes is the largest article text accepted (8 MiB).
const MaxArticleBytes = 8 << 20

// ValidateText checks that text can be an article: not empty or blank, valid
// UTF-8, no NUL bytes (binary), at most MaxArticleBytes. It returns an
// EINVALID or ETOOLARGE *Error saying which rule failed.
func ValidateText(text string) error {
	if len(text) > MaxArticleBytes {
		return Errorf(ETOOLARGE, "article is %d bytes; the limit is %d bytes", len(text), MaxArticleBytes)
	}
	// IndexByte and TrimLeft stop early or use vector instructions: this
	// runs several times per ingested article
	if i := strings.IndexByte(text, 0); i >= 0 {
		return Errorf(EINVALID, "article looks binary: NUL byte at offset %d", i)
	}
	if strings.TrimLeft(text, " \n\r\t") == "" {
		return Errorf(EINVALID, "article text is empty")
	}
	if !utf8.ValidString(text) {
		for i, r := range text {
			if r == utf8.RuneError {
				if _, size := utf8.DecodeRuneInString(text[i:]); size == 1 {
					return Errorf(EINVALID, "article is not valid UTF-8: bad byte at offset %d", i)
				}
			}
		}
	}
	return nil
}

// Validate checks an extraction before it is stored: valid article text and
// ID, known kinds, claim offsets inside the text, edges whose ends and
// claims exist, and denied claims (Edge.Denied) only on denies edges, naming
// claims of the extraction. It returns an EINVALID *Error naming the first problem.
func (x *Extraction) Validate() error {
	if x == nil {
		return Errorf(EINVALID, "extraction is nil")
	}
	if err := ValidateText(x.Article.Text); err != nil {
		return err
	}
	if x.Article.ID != ArticleID(x.Article.Text) {
		return Errorf(EINVALID, "article id %q does not match its text", x.Article.ID)
	}
	nodes := map[string]string{}
	for _, a := range x.Actors {
		if a == nil || a.ID == "" || a.Name == "" {
			return Errorf(EINVALID, "actor without id or name")
		}
		if !a.Kind.Valid() {
			return Errorf(EINVALID, "actor %q has unknown kind %q", a.Name, a.Kind)
		}
		nodes[a.ID] = "actor"
	}
	for _, s := range x.Sources {
		if s == nil || s.ID == "" || s.Name == "" {
			return Errorf(EINVALID, "source without id or name")
		}
		if !s.Kind.Valid() {
			return Errorf(EINVALID, "source %q has unknown kind %q", s.Name, s.Kind)
		}
		nodes[s.ID] = "source"
	}
	n := len(x.Article.Text)
	for _, c := range x.Claims {
		if c == nil || c.ID == "" {
			return Errorf(EINVALID, "claim without id")
		}
		if c.Start < 0 || c.End < c.Start || c.End > n || c.CueStart < 0 || c.CueEnd < c.CueStart || c.CueEnd > n {
			return Errorf(EINVALID, "claim %s has offsets outside the article", c.ID)
		}
		nodes[c.ID] = "claim"
	}
	for _, e := range x.Edges {
		if e == nil || !e.Kind.Valid() {
			return Errorf(EINVALID, "edge with unknown kind")
		}
		if nodes[e.Claim] != "claim" {
			return Errorf(EINVALID, "%s edge names unknown claim %q", e.Kind, e.Claim)
		}
		from, to := nodes[e.From], nodes[e.To]
		ok := false
		switch e.Kind {
		case EdgeSays:
			ok = (from == "actor" || from == "source") && to == "claim"
		case EdgeAccuses:
			ok = from == "actor" && to == "actor"
		case EdgeDenies:
			ok = from == "actor" && (to == "claim" || to == "actor")
		case EdgeReports:
			ok = from == "source" && to == "claim"
		}
		if !ok {
			return Errorf(EINVALID, "%s edge from %q to %q joins the wrong kinds of node", e.Kind, e.From, e.To)
		}
		if e.Denied != "" {
			if e.Kind != EdgeDenies {
				return Errorf(EINVALID, "%s edge from %q to %q names a denied claim %q; only denies edges do", e.Kind, e.From, e.To, e.Denied)
			}
			if nodes[e.Denied] != "claim" {
				return Errorf(EINVALID, "denies edge from %q to %q names unknown denied claim %q", e.From, e.To, e.Denied)
			}
		}
	}
	return nil
}
