package input

import (
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// fromPlain makes an article from text or Markdown with from, after
// taking off a leading front matter block ("---" lines around YAML such
// as "published: 2026-03-01", "title:", "url:" or "source:", "publisher:"):
// what it says sets the article's fields, and the text is what follows it
// (claim offsets index that). Returns EINVALID for front matter whose date
// does not read as one.
func fromPlain(text string, from func(string) graph.Article) Item {
	m, body, ok, err := splitFrontMatter(text)
	if err != nil {
		return Item{Err: err}
	}
	a := from(body)
	if ok {
		if err := m.apply(&a); err != nil {
			return Item{Err: fmt.Errorf("front matter: %w", err)}
		}
	}
	return Item{Article: a}
}

// FromText makes an article from plain text: the whole text, unchanged, with
// the first non-empty line (trimmed) as the title.
func FromText(text string) graph.Article {
	return graph.Article{Text: text, Title: firstLine(text)}
}

// FromMarkdown makes an article from Markdown: the whole text, unchanged so
// offsets still index the file, with the first non-empty line as the title
// and a leading "# " heading mark taken off it.
func FromMarkdown(text string) graph.Article {
	title := firstLine(text)
	if t := strings.TrimLeft(title, "#"); t != title && (t == "" || t[0] == ' ' || t[0] == '\t') {
		title = strings.TrimSpace(t)
	}
	return graph.Article{Text: text, Title: title}
}

// firstLine returns the first line of text that is not blank, trimmed.
func firstLine(text string) string {
	for text != "" {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if s := strings.TrimSpace(line); s != "" {
			return s
		}
	}
	return ""
}
