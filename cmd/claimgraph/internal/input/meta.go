package input

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/itlightning/dateparse"

	"github.com/claimgraph/claimgraph/graph"
)

// Meta is what front matter or a sidecar file says of an article. Empty
// fields say nothing.
type Meta struct {
	Title     string `json:"title" yaml:"title"`
	URL       string `json:"url" yaml:"url"`
	Publisher string `json:"publisher" yaml:"publisher"`
	// Source is a URL, or else the publisher's name.
	Source string `json:"source" yaml:"source"`
	// Published, Date and PublishedAt all name the publication time, read
	// by NormalizeDate.
	Published   string `json:"published" yaml:"published"`
	Date        string `json:"date" yaml:"date"`
	PublishedAt string `json:"publishedAt" yaml:"publishedAt"`
}

// apply sets the fields of a that m gives, over what a had. Returns
// EINVALID for a publication time NormalizeDate cannot read.
func (m Meta) apply(a *graph.Article) error {
	set := func(dst *string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
		}
	}
	set(&a.Title, m.Title)
	set(&a.Publisher, m.Publisher)
	if s := strings.TrimSpace(m.Source); s != "" {
		if u, err := url.Parse(s); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			a.URL = s
		} else {
			a.Publisher = s
		}
	}
	set(&a.URL, m.URL)
	for _, d := range []string{m.Date, m.Published, m.PublishedAt} {
		if d = strings.TrimSpace(d); d == "" {
			continue
		}
		t, err := NormalizeDate(d)
		if err != nil {
			return err
		}
		a.PublishedAt = t
	}
	return nil
}

// NormalizeDate reads a publication time written in any common form
// (RFC 3339, a day, "March 1, 2026", RFC 1123, ...) and returns it in RFC
// 3339; a time without a zone is taken as UTC. Returns EINVALID when it
// does not read as a time.
func NormalizeDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if t, err := graph.ParseDate("date", s); err == nil {
		if len(s) == len(time.DateOnly) {
			return s, nil // a day stays a day
		}
		return t.Format(time.RFC3339), nil
	}
	t, err := dateparse.ParseIn(s, time.UTC)
	if err != nil {
		return "", graph.Errorf(graph.EINVALID, "%q is not a date", s)
	}
	return t.UTC().Format(time.RFC3339), nil
}

// frontMatterFence opens and closes front matter.
const frontMatterFence = "---"

// splitFrontMatter cuts a leading front matter block (a line "---", YAML
// lines, a line "---" or "...") off text and returns what it says and the
// text after it. Text without one, or whose block is not a YAML mapping,
// comes back whole with ok false.
func splitFrontMatter(text string) (m Meta, body string, ok bool, err error) {
	t := strings.TrimPrefix(text, "\ufeff")
	first, rest, found := strings.Cut(t, "\n")
	if !found || strings.TrimRight(first, " \t\r") != frontMatterFence {
		return Meta{}, text, false, nil
	}
	for off := 0; off < len(rest); {
		line, _, _ := strings.Cut(rest[off:], "\n")
		end := off + len(line) + 1
		if l := strings.TrimRight(line, " \t\r"); l == frontMatterFence || l == "..." {
			var raw map[string]any
			if yaml.Unmarshal([]byte(rest[:off]), &raw) != nil || len(raw) == 0 {
				return Meta{}, text, false, nil
			}
			m, err := metaOf(raw)
			return m, rest[min(end, len(rest)):], true, err
		}
		off = end
	}
	return Meta{}, text, false, nil
}

// metaOf reads a decoded mapping (front matter or sidecar) into a Meta:
// keys compared without case, "_" or "-"; values of any scalar type
// (YAML reads an unquoted day as a time) as text.
func metaOf(raw map[string]any) (Meta, error) {
	var m Meta
	fields := map[string]*string{
		"title": &m.Title, "headline": &m.Title,
		"url": &m.URL, "link": &m.URL,
		"publisher": &m.Publisher,
		"source":    &m.Source,
		"published": &m.Published, "date": &m.Date, "publishedat": &m.PublishedAt,
		"datepublished": &m.PublishedAt, "pubdate": &m.PublishedAt,
	}
	for k, v := range raw {
		norm := strings.NewReplacer("_", "", "-", "").Replace(strings.ToLower(k))
		dst, ok := fields[norm]
		if !ok || v == nil {
			continue
		}
		switch v := v.(type) {
		case string:
			*dst = v
		case time.Time:
			if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 && v.Location() == time.UTC {
				*dst = v.Format(time.DateOnly)
			} else {
				*dst = v.Format(time.RFC3339)
			}
		case int, int64, uint64, float64, bool:
			*dst = fmt.Sprint(v)
		default:
			return Meta{}, graph.Errorf(graph.EINVALID, "metadata %q is not a single value", k)
		}
	}
	return m, nil
}

// sidecarSuffixes name the files beside an article that describe it:
// "article.txt.json" (a JSON object) or "article.txt.meta" (YAML, as
// front matter without the fences).
var sidecarSuffixes = []string{".json", ".meta"}

// readSidecar reads the sidecar of the article file at path, if there is
// one: found is false when there is none. Returns EINVALID for one that
// cannot be read as metadata.
func readSidecar(path string) (m Meta, found bool, err error) {
	for _, suf := range sidecarSuffixes {
		data, err := os.ReadFile(path + suf)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return Meta{}, true, fmt.Errorf("read %s: %w", path+suf, cleanPathError(err))
		}
		var raw map[string]any
		if suf == ".json" {
			err = json.Unmarshal(data, &raw)
		} else {
			err = yaml.Unmarshal(data, &raw)
		}
		if err != nil {
			return Meta{}, true, graph.Errorf(graph.EINVALID, "%s is not a metadata object: %v", path+suf, firstLineOf(err.Error()))
		}
		m, err := metaOf(raw)
		return m, true, err
	}
	return Meta{}, false, nil
}

// firstLineOf returns the first line of s.
func firstLineOf(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
