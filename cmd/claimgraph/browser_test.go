package main

import (
	"context"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/resolvers"
	"github.com/claimgraph/claimgraph/store"
)

// devArticle is the shared dev article the browser tests load; tests read it
// from ../shared beside the checkout and never copy it into the project.
const devArticle = "../../../shared/eval/dev/afghan-pakistan-border-clashes.txt"

// browser starts headless Chromium (Debian's package, installed by .ci/run)
// and records every URL the page requests.
func browser(t *testing.T) (context.Context, func() []string) {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatalf("chromium not found (.ci/run installs it; locally: apt-get install chromium): %v", err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(1400, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })

	var mu sync.Mutex
	var urls []string
	err = chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			urls = append(urls, e.Request.URL)
			mu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), urls...)
	}
}

// screenshotDir is where browser screenshots are kept as CI artefacts.
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("CLAIMGRAPH_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "claimgraph-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// devServer serves the real handler over a real store holding the dev article.
func devServer(t *testing.T) *httptest.Server {
	t.Helper()
	data, err := os.ReadFile(devArticle)
	if err != nil {
		t.Skipf("dev article not beside the checkout (%v); CI has ../shared", err)
	}
	db, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	x, err := extract.Extract(articleFromText(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Ingest(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	var _ graph.Store = db
	srv := httptest.NewServer(resolvers.NewHandler(resolvers.New(db, extract.Extract), resolvers.HandlerOptions{}))
	t.Cleanup(srv.Close)
	return srv
}

// assertLocalOnly fails when the page asked for anything but the test server.
func assertLocalOnly(t *testing.T, base string, urls []string) {
	t.Helper()
	b, _ := url.Parse(base)
	if len(urls) == 0 {
		t.Fatal("no request recorded: the network listener saw nothing")
	}
	for _, u := range urls {
		p, err := url.Parse(u)
		if err != nil {
			t.Errorf("unparsable request URL %q", u)
			continue
		}
		switch p.Scheme {
		case "data", "blob", "about":
			continue
		}
		if p.Host != b.Host {
			t.Errorf("page requested %s: only %s may be asked", u, b.Host)
		}
	}
}

func TestBrowserPlayground(t *testing.T) {
	srv := devServer(t)
	ctx, requests := browser(t)
	shot := filepath.Join(screenshotDir(t), "playground.png")
	err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(".graphiql-execute-button")),
		chromedp.Click(chromedp.CSS(".graphiql-execute-button")),
	)
	if err == nil {
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](`!!(document.querySelector('.result-window') &&
			document.querySelector('.result-window').innerText.includes('accusing Islamabad'))`,
			chromedp.WithPollingTimeout(30*time.Second)))
	}
	result, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('.result-window') || {}).innerText || ''`))
	keepScreenshot(t, ctx, shot)
	if err != nil {
		t.Fatalf("playground did not run the example query: %v (result pane: %.300q)", err, result)
	}
	// The preloaded first query asks whom Kabul accuses: Pakistan, by its capital.
	for _, want := range []string{"Islamabad", "accusing Islamabad"} {
		if !strings.Contains(result, want) {
			t.Errorf("result pane lacks %q: %.500s", want, result)
		}
	}
	assertLocalOnly(t, srv.URL, requests())
}

// keepScreenshot saves a full-page screenshot; failing to take one is
// logged, not fatal, since the assertions decide the test.
func keepScreenshot(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Logf("no screenshot: %v", err)
		return
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Logf("no screenshot: %v", err)
		return
	}
	t.Logf("screenshot: %s", path)
}

func TestBrowserGraphView(t *testing.T) {
	srv := devServer(t)
	ctx, requests := browser(t)
	shot := filepath.Join(screenshotDir(t), "graph-view.png")
	err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/graph"))
	if err == nil {
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](`/^(\d+) of \1 claims$/.test(document.getElementById('status').textContent)`,
			chromedp.WithPollingTimeout(30*time.Second)))
	}
	status, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('status').textContent`))
	var names []string
	if err == nil {
		names, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.claimgraphView.nodes('.Actor').map(function (n) { return n.data('label'); })`))
	}
	// Clicking an accusation edge shows its claim and the sentence.
	var details string
	if err == nil {
		_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`window.claimgraphView.edges('[kind = "ACCUSES"]').filter(function (e) {
			return e.target().data('label') === 'Pakistani Taliban'; })[0].emit('tap'), true`))
	}
	if err == nil {
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('details').innerText.includes('Sentence')`,
			chromedp.WithPollingTimeout(20*time.Second)))
		details, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('details').innerText`))
	}
	chromedp.Do(ctx, chromedp.Sleep(300*time.Millisecond))
	keepScreenshot(t, ctx, shot)
	if err != nil {
		t.Fatalf("graph view did not load: %v (status %q)", err, status)
	}
	drawn := strings.Join(names, "|")
	for _, want := range []string{"Pakistan", "Inayatullah Khwarazmi", "Khawaja Muhammad Asif", "Pakistani Taliban"} {
		if !strings.Contains(drawn, want) {
			t.Errorf("graph view lacks actor %q; drew %s", want, drawn)
		}
	}
	if !strings.Contains(details, "accuses the Pakistani Taliban") {
		t.Errorf("edge details lack the accusation's sentence: %.400q", details)
	}
	assertLocalOnly(t, srv.URL, requests())
}

// TestBrowserClusterTimeline ingests three articles of three outlets that
// carry one statement in different words, opens the graph view, taps a
// says edge and checks that the details show the
// cluster as a timeline: every outlet, oldest first.
func TestBrowserClusterTimeline(t *testing.T) {
	db, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, a := range []graph.Article{
		{Publisher: "Harbour Times", PublishedAt: "2026-03-02", Text: "Governor Tom Hale said on Monday that no money was missing from the harbour fund.\n"},
		{Publisher: "Coast Ledger", PublishedAt: "2026-03-01", Text: "\"No money is missing from the harbour fund,\" Governor Tom Hale told reporters.\n"},
		{Publisher: "Evening Post", PublishedAt: "2026-03-04", Text: "Governor Tom Hale insisted that no money went missing from the harbour fund.\n"},
	} {
		a.ID = graph.ArticleID(a.Text)
		x, err := extract.Extract(a)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Ingest(context.Background(), x); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(resolvers.NewHandler(resolvers.New(db, extract.Extract), resolvers.HandlerOptions{}))
	t.Cleanup(srv.Close)
	ctx, requests := browser(t)
	shot := filepath.Join(screenshotDir(t), "cluster-timeline.png")
	err = chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/graph"))
	if err == nil {
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](`/^(\d+) of \1 claims$/.test(document.getElementById('status').textContent)`,
			chromedp.WithPollingTimeout(30*time.Second)))
	}
	if err == nil {
		// every says edge is Tom Hale's claim of one article: all in the cluster
		_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`window.claimgraphView.edges('[kind = "SAYS"]')[0].emit('tap'), true`))
	}
	var timeline string
	if err == nil {
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](`!!document.getElementById('timeline')`, chromedp.WithPollingTimeout(20*time.Second)))
		timeline, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('timeline').innerText`))
	}
	keepScreenshot(t, ctx, shot)
	if err != nil {
		t.Fatalf("no timeline shown: %v", err)
	}
	ledger, times, post := strings.Index(timeline, "Coast Ledger"), strings.Index(timeline, "Harbour Times"), strings.Index(timeline, "Evening Post")
	if !strings.Contains(timeline, "3 articles") || ledger < 0 || times < ledger || post < times || !strings.Contains(timeline, "2026-03-01") {
		t.Errorf("timeline %q: want 3 articles, Coast Ledger (2026-03-01), Harbour Times, Evening Post in that order", timeline)
	}
	assertLocalOnly(t, srv.URL, requests())
}
