package input

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"github.com/go-shiori/dom"
	"golang.org/x/net/html"

	"github.com/claimgraph/claimgraph/graph"
)

// fromHTML reads a web page with readability: the main text as the article
// text, and the title, byline, site name (as publisher), publication time
// and canonical URL from the page's metadata.
func fromHTML(data []byte) Item {
	doc, err := dom.Parse(bytes.NewReader(data))
	if err != nil {
		return Item{Err: graph.Errorf(graph.EINVALID, "cannot parse HTML: %v", err)}
	}
	pageURL := canonicalURL(doc)
	var base *url.URL
	if pageURL != "" {
		base, _ = url.Parse(pageURL)
	}
	parser := readability.NewParser()
	page, err := parser.ParseAndMutate(doc, base)
	if err != nil {
		return Item{Err: graph.Errorf(graph.EINVALID, "no readable article in HTML: %v", err)}
	}
	if page.Node == nil {
		return Item{Err: graph.Errorf(graph.EINVALID, "no readable article in HTML")}
	}
	a := graph.Article{
		Text:      strings.TrimSpace(render.InnerText(page.Node)) + "\n",
		Title:     strings.TrimSpace(page.Title()),
		Publisher: strings.TrimSpace(page.SiteName()),
		URL:       pageURL,
	}
	if strings.TrimSpace(a.Text) == "" {
		return Item{Err: graph.Errorf(graph.EINVALID, "article text is empty")}
	}
	if t, err := page.PublishedTime(); err == nil {
		a.PublishedAt = t.UTC().Format(time.RFC3339)
	}
	return Item{Article: a, Byline: strings.TrimSpace(page.Byline())}
}

// canonicalURL returns the page's own address as it declares it: the
// canonical link, else og:url.
func canonicalURL(doc *html.Node) string {
	for _, sel := range []string{`link[rel="canonical"]`, `link[rel~="canonical"]`} {
		if n := dom.QuerySelector(doc, sel); n != nil {
			if href := strings.TrimSpace(dom.GetAttribute(n, "href")); href != "" {
				return href
			}
		}
	}
	for _, sel := range []string{`meta[property="og:url"]`, `meta[name="og:url"]`, `meta[name="twitter:url"]`} {
		if n := dom.QuerySelector(doc, sel); n != nil {
			if c := strings.TrimSpace(dom.GetAttribute(n, "content")); c != "" {
				return c
			}
		}
	}
	return ""
}

// htmlToText reduces an HTML fragment, such as a feed entry's content, to
// its text, with paragraphs kept apart.
func htmlToText(fragment string) (string, error) {
	if !strings.Contains(fragment, "<") && !strings.Contains(fragment, "&") {
		return strings.TrimSpace(fragment), nil
	}
	doc, err := html.Parse(strings.NewReader(fragment))
	if err != nil {
		return "", fmt.Errorf("cannot parse HTML content: %w", err)
	}
	return strings.TrimSpace(render.InnerText(doc)), nil
}
