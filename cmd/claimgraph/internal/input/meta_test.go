package input_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// TestDates checks where the metadata of each kind of input comes from:
// front matter of text and Markdown, a sidecar file beside any single
// article, and the meta tags of an HTML page readability does not read.
func TestDates(t *testing.T) {
	const body = "Officials said the talks resumed.\n"
	tests := []struct {
		name  string
		files map[string]string // name -> content; the first-named article is read
		read  string
		want  graph.Article // Text, Title, URL, Publisher, PublishedAt
		err   bool
	}{
		{"FrontMatter", map[string]string{"a.txt": "---\ntitle: Talks resume\npublished: 2026-03-01\nsource: https://example.org/talks\npublisher: Daily\n---\n" + body}, "a.txt",
			graph.Article{Text: body, Title: "Talks resume", URL: "https://example.org/talks", Publisher: "Daily", PublishedAt: "2026-03-01"}, false},
		{"FrontMatterTimeAndSourceName", map[string]string{"a.txt": "---\ndate: \"March 2, 2026 10:30\"\nsource: Valley Press\n...\n" + body}, "a.txt",
			graph.Article{Text: body, Title: "Officials said the talks resumed.", Publisher: "Valley Press", PublishedAt: "2026-03-02T10:30:00Z"}, false},
		{"FrontMatterRFC3339", map[string]string{"a.md": "---\npublished_at: 2026-03-01T12:00:00+05:00\n---\n# Talks\n" + body}, "a.md",
			graph.Article{Text: "# Talks\n" + body, Title: "Talks", PublishedAt: "2026-03-01T07:00:00Z"}, false},
		{"NoFrontMatter", map[string]string{"a.txt": "---\n" + body}, "a.txt",
			graph.Article{Text: "---\n" + body, Title: "---"}, false},
		{"NotYAMLMapping", map[string]string{"a.txt": "---\njust a line\n---\n" + body}, "a.txt",
			graph.Article{Text: "---\njust a line\n---\n" + body, Title: "---"}, false},
		{"BadDate", map[string]string{"a.txt": "---\npublished: someday\n---\n" + body}, "a.txt", graph.Article{}, true},
		{"SidecarJSON", map[string]string{"a.txt": body, "a.txt.json": `{"publishedAt": "2026-03-04", "url": "https://example.org/a", "title": "From sidecar"}`}, "a.txt",
			graph.Article{Text: body, Title: "From sidecar", URL: "https://example.org/a", PublishedAt: "2026-03-04"}, false},
		{"SidecarMetaOverFrontMatter", map[string]string{"a.txt": "---\npublished: 2026-03-01\n---\n" + body, "a.txt.meta": "published: 2026-03-09\n"}, "a.txt",
			graph.Article{Text: body, Title: "Officials said the talks resumed.", PublishedAt: "2026-03-09"}, false},
		{"SidecarBroken", map[string]string{"a.txt": body, "a.txt.json": `{"published": `}, "a.txt", graph.Article{}, true},
		{"HTMLOpenGraph", map[string]string{"p.html": page(`<meta property="og:published_time" content="2026-03-05T08:00:00Z">`)}, "p.html",
			graph.Article{PublishedAt: "2026-03-05T08:00:00Z"}, false},
		{"HTMLMicrodata", map[string]string{"p.html": page(`<meta itemprop="datePublished" content="2026-03-06">`)}, "p.html",
			graph.Article{PublishedAt: "2026-03-06"}, false},
		{"HTMLTime", map[string]string{"p.html": page(``, `<time datetime="2026-03-07T09:15:00+01:00">7 March</time>`)}, "p.html",
			graph.Article{PublishedAt: "2026-03-07T08:15:00Z"}, false},
		{"HTMLArticleMeta", map[string]string{"p.html": page(`<meta property="article:published_time" content="2026-03-08T00:00:00Z">`)}, "p.html",
			graph.Article{PublishedAt: "2026-03-08T00:00:00Z"}, false},
		{"HTMLSidecar", map[string]string{"p.html": page(`<meta property="og:published_time" content="2026-03-05T08:00:00Z">`), "p.html.json": `{"date": "2026-01-31"}`}, "p.html",
			graph.Article{PublishedAt: "2026-01-31"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			// a directory walk reads the article and never the sidecar
			items := collect(t, []string{dir}, nil)
			it := only(t, items)
			if tt.err {
				if graph.ErrorCode(it.Err) != graph.EINVALID {
					t.Errorf("got %v, want an EINVALID error", it.Err)
				}
				return
			}
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			got := it.Article
			if filepath.Ext(tt.read) == ".html" {
				// the page's text and title are readability's: only the date is checked
				got = graph.Article{PublishedAt: got.PublishedAt}
			}
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// page returns an HTML news page with extra head tags and an optional
// element before its text.
func page(head string, before ...string) string {
	b := ""
	if len(before) > 0 {
		b = before[0]
	}
	return `<!doctype html><html><head><title>Talks resume</title>` + head + `</head><body><article>` + b +
		`<h1>Talks resume</h1><p>Officials in the valley said on Tuesday that the talks over the river had resumed after a long pause, and that both delegations expected a first agreement within weeks.</p>` +
		`<p>The envoy said the two sides had agreed on an agenda, and that the next round would take place in the capital, where observers from three neighbouring countries would attend.</p></article></body></html>`
}
