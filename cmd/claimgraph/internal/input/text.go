package input

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

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
