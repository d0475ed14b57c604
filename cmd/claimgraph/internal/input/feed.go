package input

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/claimgraph/claimgraph/graph"
)

// readFeed reads an RSS or Atom feed. Every entry with content or a
// description becomes an article (its HTML reduced to text), titled by the
// entry, published by the feed; entries with neither are skipped. A feed
// that does not parse is one error for the whole file.
func readFeed(loc string, r io.Reader, fn func(Item) error) error {
	feed, err := gofeed.NewParser().Parse(io.LimitReader(r, 16*graph.MaxArticleBytes))
	if err != nil {
		return fn(Item{Loc: loc, Err: graph.Errorf(graph.EINVALID, "cannot read feed: %v", err)})
	}
	publisher := strings.TrimSpace(feed.Title)
	for i, e := range feed.Items {
		if e == nil {
			continue
		}
		it := Item{Loc: fmt.Sprintf("%s#item%d", loc, i+1)}
		body := e.Content
		if strings.TrimSpace(body) == "" {
			body = e.Description
		}
		if strings.TrimSpace(body) == "" {
			continue
		}
		text, err := htmlToText(body)
		if err == nil {
			err = graph.ValidateText(text)
		}
		if err != nil {
			it.Err = err
		} else {
			it.Article = graph.Article{
				Text:      text + "\n",
				Title:     strings.TrimSpace(e.Title),
				URL:       strings.TrimSpace(e.Link),
				Publisher: publisher,
			}
			switch {
			case e.PublishedParsed != nil:
				it.Article.PublishedAt = e.PublishedParsed.UTC().Format(time.RFC3339)
			case e.UpdatedParsed != nil:
				it.Article.PublishedAt = e.UpdatedParsed.UTC().Format(time.RFC3339)
			default:
				it.Article.PublishedAt = strings.TrimSpace(e.Published)
			}
			var names []string
			for _, p := range e.Authors {
				if p != nil && strings.TrimSpace(p.Name) != "" {
					names = append(names, strings.TrimSpace(p.Name))
				}
			}
			it.Byline = strings.Join(names, ", ")
		}
		if err := fn(it); err != nil {
			return err
		}
	}
	return nil
}
