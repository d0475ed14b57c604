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
	metaDate := htmlDate(doc) // read before readability prunes the page
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
	} else {
		a.PublishedAt = metaDate
	}
	return Item{Article: a, Byline: strings.TrimSpace(page.Byline())}
}

// dateSelectors find a page's publication time where readability does not
// look (it reads JSON-LD datePublished, article:published_time and Dublin
// Core), in order of trust: Open Graph and schema.org microdata, the meta
// names news sites use, then a <time> element.
var dateSelectors = []struct{ sel, attr string }{
	{`meta[property="article:published_time"]`, "content"},
	{`meta[name="article:published_time"]`, "content"},
	{`meta[property="og:published_time"]`, "content"},
	{`meta[property="og:article:published_time"]`, "content"},
	{`meta[property="og:pubdate"]`, "content"},
	{`meta[itemprop="datePublished"]`, "content"},
	{`[itemprop="datePublished"][datetime]`, "datetime"},
	{`[itemprop="datePublished"][content]`, "content"},
	{`meta[name="datePublished" i]`, "content"},
	{`meta[name="pubdate" i]`, "content"},
	{`meta[name="publishdate" i]`, "content"},
	{`meta[name="publish-date" i]`, "content"},
	{`meta[name="publication_date" i]`, "content"},
	{`meta[name="dc.date.issued" i]`, "content"},
	{`meta[name="dc.date" i]`, "content"},
	{`meta[name="sailthru.date" i]`, "content"},
	{`meta[name="date" i]`, "content"},
	{`time[pubdate][datetime]`, "datetime"},
	{`article time[datetime]`, "datetime"},
	{`time[datetime]`, "datetime"},
}

// htmlDate returns the publication time a page's metadata gives (see
// dateSelectors) in RFC 3339, or "" when none reads as a time.
func htmlDate(doc *html.Node) string {
	for _, d := range dateSelectors {
		for _, n := range dom.QuerySelectorAll(doc, d.sel) {
			if t, err := NormalizeDate(dom.GetAttribute(n, d.attr)); err == nil {
				return t
			}
		}
	}
	return ""
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
