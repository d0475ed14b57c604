package input_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/cmd/claimgraph/internal/input"
	"github.com/claimgraph/claimgraph/graph"
)

// collect walks paths and returns every item.
func collect(t *testing.T, paths []string, stdin []byte) []input.Item {
	t.Helper()
	var items []input.Item
	var r *bytes.Reader
	if stdin != nil {
		r = bytes.NewReader(stdin)
	}
	w := &input.Walker{}
	if r != nil {
		w.Stdin = r
	}
	err := w.Walk(context.Background(), paths, func(it input.Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return items
}

// locs lists the items' locations, errors marked with "!".
func locs(items []input.Item) []string {
	var out []string
	for _, it := range items {
		l := it.Loc
		if it.Err != nil {
			l = "!" + l
		}
		out = append(out, l)
	}
	return out
}

// only returns the single item of items, failing otherwise.
func only(t *testing.T, items []input.Item) input.Item {
	t.Helper()
	if len(items) != 1 {
		t.Fatalf("got %d items %v, want 1", len(items), locs(items))
	}
	return items[0]
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func write(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestWalk_Text(t *testing.T) {
	it := only(t, collect(t, []string{"testdata/article.txt"}, nil))
	if it.Err != nil {
		t.Fatal(it.Err)
	}
	if got, want := it.Loc, "testdata/article.txt"; got != want {
		t.Errorf("loc: got %q, want %q", got, want)
	}
	if got, want := it.Article.Title, "Harbour authority denies dredging plan will flood Ostrava Bay"; got != want {
		t.Errorf("title: got %q, want %q", got, want)
	}
	if got, want := it.Article.Text, string(readFile(t, "testdata/article.txt")); got != want {
		t.Errorf("text is not the file as given:\ngot  %q\nwant %q", got, want)
	}
}

func TestWalk_Markdown(t *testing.T) {
	it := only(t, collect(t, []string{"testdata/article.md"}, nil))
	if it.Err != nil {
		t.Fatal(it.Err)
	}
	if got, want := it.Article.Title, "Grain council accuses Dravian ministry of stalling export licences"; got != want {
		t.Errorf("title: got %q, want %q", got, want)
	}
	if got, want := it.Article.Text, string(readFile(t, "testdata/article.md")); got != want {
		t.Errorf("text is not the file as given")
	}
}

func TestFromMarkdown(t *testing.T) {
	for _, tc := range []struct{ text, title string }{
		{"# Title\n\nBody", "Title"},
		{"\n\n## Second level\nBody", "Second level"},
		{"#hashtag is not a heading\n", "#hashtag is not a heading"},
		{"Plain first line\n# Later heading", "Plain first line"},
		{"#   Spaced   \n", "Spaced"},
	} {
		if got := input.FromMarkdown(tc.text).Title; got != tc.title {
			t.Errorf("FromMarkdown(%q).Title: got %q, want %q", tc.text, got, tc.title)
		}
	}
}

func TestFromText(t *testing.T) {
	for _, tc := range []struct{ text, title string }{
		{"Title\nBody", "Title"},
		{"\n  \r\n  Indented title  \r\nBody", "Indented title"},
		{"# Kept as is\n", "# Kept as is"},
		{"only line", "only line"},
	} {
		a := input.FromText(tc.text)
		if a.Title != tc.title || a.Text != tc.text {
			t.Errorf("FromText(%q): got title %q text %q, want title %q and the text unchanged", tc.text, a.Title, a.Text, tc.title)
		}
	}
}

func TestWalk_HTML(t *testing.T) {
	it := only(t, collect(t, []string{"testdata/page.html"}, nil))
	if it.Err != nil {
		t.Fatal(it.Err)
	}
	a := it.Article
	want := graph.Article{
		Title:       "Senator Aldane accuses rail consortium of fare fixing",
		Publisher:   "The Lowmark Courier",
		PublishedAt: "2026-02-14T09:30:00Z",
		URL:         "https://courier.example/2026/02/14/aldane-rail-fares",
	}
	got := graph.Article{Title: a.Title, Publisher: a.Publisher, PublishedAt: a.PublishedAt, URL: a.URL}
	if got != want {
		t.Errorf("metadata:\ngot  %+v\nwant %+v", got, want)
	}
	if got, want := it.Byline, "Rosalind Quell"; got != want {
		t.Errorf("byline: got %q, want %q", got, want)
	}
	for _, s := range []string{
		`"The evidence is overwhelming and the consortium knows it," Aldane told a committee hearing`,
		"The consortium denied the accusation.",
		"\n\nPassenger groups welcomed",
	} {
		if !strings.Contains(a.Text, s) {
			t.Errorf("text lacks %q:\n%s", s, a.Text)
		}
	}
	for _, s := range []string{"window.tracking", "Ferry strike ends", "© 2026", "Politics"} {
		if strings.Contains(a.Text, s) {
			t.Errorf("text keeps page clutter %q:\n%s", s, a.Text)
		}
	}
}

func TestWalk_HTMLLegacyCharset(t *testing.T) {
	page := "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9 owners protest</title></head><body><article>" +
		strings.Repeat("<p>The caf\xe9 owners' association of S\xe3o Rem said the new tax would close dozens of shops, according to its chair, Jos\xe9 Alvar\xe9z. The finance ministry denied that any increase was planned this year.</p>", 4) +
		"</article></body></html>"
	p := write(t, filepath.Join(t.TempDir(), "latin1.html"), []byte(page))
	it := only(t, collect(t, []string{p}, nil))
	if it.Err != nil {
		t.Fatal(it.Err)
	}
	if !strings.Contains(it.Article.Text, "café owners' association of São Rem") || it.Article.Title != "Café owners protest" {
		t.Errorf("legacy charset not decoded: title %q text %q", it.Article.Title, it.Article.Text[:80])
	}
}

func TestWalk_JSONL(t *testing.T) {
	items := collect(t, []string{"testdata/articles.jsonl"}, nil)
	want := []string{
		"testdata/articles.jsonl:1",
		"testdata/articles.jsonl:3",
		"!testdata/articles.jsonl:4",
		"!testdata/articles.jsonl:5",
		"!testdata/articles.jsonl:6",
		"testdata/articles.jsonl:7",
	}
	if got := locs(items); !reflect.DeepEqual(got, want) {
		t.Fatalf("items:\ngot  %q\nwant %q", got, want)
	}
	first := items[0].Article
	wantFirst := graph.Article{
		Text:        "Mayor Ulla Penrick said on Sunday that the Ferrow bridge would reopen in May.\nShe denied that repairs had been delayed.",
		Title:       "Ferrow bridge to reopen",
		URL:         "https://news.example/ferrow",
		Publisher:   "Ferrow Gazette",
		PublishedAt: "2026-01-11",
	}
	if first != wantFirst {
		t.Errorf("line 1:\ngot  %+v\nwant %+v", first, wantFirst)
	}
	for i, frag := range map[int]string{2: "malformed JSON", 3: `no "text" field`, 4: "not an object"} {
		if msg := graph.ErrorMessage(items[i].Err); !strings.Contains(msg, frag) {
			t.Errorf("%s: got error %q, want it to mention %q", items[i].Loc, msg, frag)
		}
		if items[i].Article != (graph.Article{}) {
			t.Errorf("%s: failed item carries an article", items[i].Loc)
		}
	}
}

func TestWalk_JSONLBadText(t *testing.T) {
	dir := t.TempDir()
	p := write(t, filepath.Join(dir, "bad.ndjson"), []byte(
		`{"text": "   \n  "}`+"\n"+
			`{"text": "nul \u0000 inside"}`+"\n"+
			`{"text": "fine text"}`+"\r\n"+
			`{"text": "no final newline"}`))
	items := collect(t, []string{p}, nil)
	want := []string{"!" + p + ":1", "!" + p + ":2", p + ":3", p + ":4"}
	if got := locs(items); !reflect.DeepEqual(got, want) {
		t.Fatalf("items:\ngot  %q\nwant %q", got, want)
	}
	if got := items[2].Article.Text; got != "fine text" {
		t.Errorf("CRLF line: got text %q, want %q", got, "fine text")
	}
}

func TestWalk_Feeds(t *testing.T) {
	items := collect(t, []string{"testdata/feed.rss", "testdata/feed.atom"}, nil)
	want := []string{
		"testdata/feed.rss#item1",
		"testdata/feed.rss#item3", // item2 has no content or description
		"testdata/feed.atom#item1",
		"testdata/feed.atom#item2",
	}
	if got := locs(items); !reflect.DeepEqual(got, want) {
		t.Fatalf("items:\ngot  %q\nwant %q", got, want)
	}
	rss := items[0]
	if got, want := rss.Article, (graph.Article{
		Text:        "Dockworkers' leader Greta Solvang said the strike would continue \"until the last contract is signed\".\n\nThe port operator denied that talks had broken down.\n",
		Title:       "Port strike enters second week",
		URL:         "https://post.example/port-strike",
		Publisher:   "Valmora Evening Post",
		PublishedAt: "2026-03-03T08:00:00Z",
	}); got != want {
		t.Errorf("rss item 1:\ngot  %+v\nwant %+v", got, want)
	}
	if got, want := rss.Byline, "Nils Aberholm"; got != want {
		t.Errorf("rss byline: got %q, want %q", got, want)
	}
	if got, want := items[1].Article.Text, "The Valmora city council accused Brandt & Hollis Builders of using substandard materials on six school roofs, according to council minutes.\n"; got != want {
		t.Errorf("rss description: got %q, want %q", got, want)
	}
	atom := items[2].Article
	if got, want := atom.Text, "The Orland Public Health Agency warned on Wednesday that a fever outbreak in the river districts could spread.\n\n\"We are asking everyone to boil their water,\" said agency director Falk Seborg.\n"; got != want {
		t.Errorf("atom content: got %q, want %q", got, want)
	}
	if atom.Publisher != "Orland Wire" || atom.PublishedAt != "2026-03-04T09:15:00Z" || atom.URL != "https://wire.example/fever" {
		t.Errorf("atom metadata: got %+v", atom)
	}
	if got, want := items[3].Article.PublishedAt, "2026-03-04T10:00:00Z"; got != want {
		t.Errorf("atom entry without published: got publishedAt %q, want updated %q", got, want)
	}
}

func TestWalk_Broken(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		path string
		msg  string
	}{
		{"RSS", "testdata/broken.rss", "cannot read feed"},
		{"Atom", "testdata/broken.atom", "cannot read feed"},
		{"HTML", "testdata/broken.html", "no readable article"},
		{"Missing", filepath.Join(dir, "missing.txt"), "no such file"},
		{"Empty", write(t, filepath.Join(dir, "empty.txt"), nil), "empty"},
		{"Blank", write(t, filepath.Join(dir, "blank.md"), []byte("\n \t\n")), "empty"},
		{"Binary", write(t, filepath.Join(dir, "image.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), "binary"},
		{"InvalidUTF8", write(t, filepath.Join(dir, "latin1.txt"), []byte("Caf\xe9 owner said prices would rise.\n")), "UTF-8"},
		{"TruncatedGzip", write(t, filepath.Join(dir, "cut.txt.gz"), gz(t, bytes.Repeat([]byte("A long article. "), 500))[:60]), "gzip"},
		{"BadGzipHeader", write(t, filepath.Join(dir, "bad.jsonl.gz"), []byte("\x1f\x8bnot really gzip")), "gzip"},
		{"GzippedBinary", write(t, filepath.Join(dir, "bin.md.gz"), gz(t, []byte{0, 1, 2, 3})), "binary"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			it := only(t, collect(t, []string{tc.path}, nil))
			if it.Err == nil {
				t.Fatalf("%s: got article %+v, want an error", tc.path, it.Article)
			}
			if it.Loc != tc.path {
				t.Errorf("loc: got %q, want %q", it.Loc, tc.path)
			}
			if msg := graph.ErrorMessage(it.Err) + " " + it.Err.Error(); !strings.Contains(msg, tc.msg) {
				t.Errorf("got error %q, want it to mention %q", it.Err, tc.msg)
			}
		})
	}
}

func TestWalk_TooLarge(t *testing.T) {
	p := write(t, filepath.Join(t.TempDir(), "huge.txt"), bytes.Repeat([]byte("word "), graph.MaxArticleBytes/5+1))
	it := only(t, collect(t, []string{p}, nil))
	if graph.ErrorCode(it.Err) != graph.ETOOLARGE {
		t.Errorf("got error %v, want code %s", it.Err, graph.ETOOLARGE)
	}
}

func TestWalk_Gzip(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, name := range []string{"article.txt", "article.md", "page.html", "articles.jsonl", "feed.rss", "feed.atom"} {
		paths = append(paths, write(t, filepath.Join(dir, name+".gz"), gz(t, readFile(t, filepath.Join("testdata", name)))))
	}
	// Gzip is also recognised by content when the name does not say so.
	paths = append(paths, write(t, filepath.Join(dir, "quiet.jsonl"), gz(t, readFile(t, "testdata/articles.jsonl"))))
	plain := collect(t, []string{"testdata/article.txt", "testdata/article.md", "testdata/page.html", "testdata/articles.jsonl", "testdata/feed.rss", "testdata/feed.atom", "testdata/articles.jsonl"}, nil)
	zipped := collect(t, paths, nil)
	if len(zipped) != len(plain) {
		t.Fatalf("got %d items from gzip %v, want %d as from plain files", len(zipped), locs(zipped), len(plain))
	}
	for i := range plain {
		if zipped[i].Article != plain[i].Article || (zipped[i].Err == nil) != (plain[i].Err == nil) {
			t.Errorf("%s: got %+v (err %v), want %+v (err %v)", zipped[i].Loc, zipped[i].Article, zipped[i].Err, plain[i].Article, plain[i].Err)
		}
	}
	if got, want := zipped[3].Loc, filepath.Join(dir, "articles.jsonl.gz")+":1"; got != want {
		t.Errorf("loc: got %q, want %q", got, want)
	}
}

func TestWalk_Directory(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b", "2.txt"), []byte("Two\nsecond"))
	write(t, filepath.Join(dir, "b", "1.md"), []byte("# One\nfirst"))
	write(t, filepath.Join(dir, "a.jsonl"), []byte(`{"text":"x said y"}`+"\n"+`{"text":"z said w"}`+"\n"))
	write(t, filepath.Join(dir, "c", "d", "deep.txt.gz"), gz(t, []byte("Deep\ntext")))
	write(t, filepath.Join(dir, "c", "feed.xml"), readFile(t, "testdata/feed.atom"))
	write(t, filepath.Join(dir, "c", "page.htm"), readFile(t, "testdata/page.html"))
	write(t, filepath.Join(dir, "photo.jpg"), []byte("\xff\xd8\xff\x00"))      // unknown extension: skipped
	write(t, filepath.Join(dir, ".hidden.txt"), []byte("hidden"))              // hidden: skipped
	write(t, filepath.Join(dir, ".git", "notes.txt"), []byte("hidden folder")) // hidden folder: skipped
	write(t, filepath.Join(dir, "z", "empty.txt"), nil)                        // error, in order
	if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {        // link to a folder: not followed
		t.Fatal(err)
	}
	want := []string{
		filepath.Join(dir, "a.jsonl") + ":1",
		filepath.Join(dir, "a.jsonl") + ":2",
		filepath.Join(dir, "b", "1.md"),
		filepath.Join(dir, "b", "2.txt"),
		filepath.Join(dir, "c", "d", "deep.txt.gz"),
		filepath.Join(dir, "c", "feed.xml") + "#item1",
		filepath.Join(dir, "c", "feed.xml") + "#item2",
		filepath.Join(dir, "c", "page.htm"),
		"!" + filepath.Join(dir, "z", "empty.txt"),
	}
	for i := 0; i < 2; i++ { // the same order every time
		if got := locs(collect(t, []string{dir}, nil)); !reflect.DeepEqual(got, want) {
			t.Fatalf("items:\ngot  %q\nwant %q", got, want)
		}
	}
	size, known := input.TotalSize([]string{dir})
	var read int64
	w := &input.Walker{OnRead: func(n int) { read += int64(n) }}
	w.Walk(context.Background(), []string{dir}, func(input.Item) error { return nil })
	if !known || read != size {
		t.Errorf("bytes: read %d, TotalSize %d (known %v); want equal", read, size, known)
	}
}

func TestWalk_Stdin(t *testing.T) {
	for _, tc := range []struct {
		name  string
		data  []byte
		locs  []string
		title string
	}{
		{"Text", readFile(t, "testdata/article.txt"), []string{"-"}, "Harbour authority denies dredging plan will flood Ostrava Bay"},
		{"Markdown", readFile(t, "testdata/article.md"), []string{"-"}, "Grain council accuses Dravian ministry of stalling export licences"},
		{"HTML", readFile(t, "testdata/page.html"), []string{"-"}, "Senator Aldane accuses rail consortium of fare fixing"},
		{"JSONL", readFile(t, "testdata/articles.jsonl"), []string{"-:1", "-:3", "!-:4", "!-:5", "!-:6", "-:7"}, "Ferrow bridge to reopen"},
		{"RSS", readFile(t, "testdata/feed.rss"), []string{"-#item1", "-#item3"}, "Port strike enters second week"},
		{"Atom", readFile(t, "testdata/feed.atom"), []string{"-#item1", "-#item2"}, "Health agency warns of fever outbreak"},
		{"GzipJSONL", gz(t, readFile(t, "testdata/articles.jsonl")), []string{"-:1", "-:3", "!-:4", "!-:5", "!-:6", "-:7"}, "Ferrow bridge to reopen"},
		{"GzipHTML", gz(t, readFile(t, "testdata/page.html")), []string{"-"}, "Senator Aldane accuses rail consortium of fare fixing"},
		{"Empty", []byte{}, []string{"!-"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			items := collect(t, []string{"-"}, tc.data)
			if got := locs(items); !reflect.DeepEqual(got, tc.locs) {
				t.Fatalf("items:\ngot  %q\nwant %q", got, tc.locs)
			}
			if got := items[0].Article.Title; got != tc.title {
				t.Errorf("title: got %q, want %q", got, tc.title)
			}
		})
	}
	t.Run("NoStdin", func(t *testing.T) {
		if got := locs(collect(t, []string{"-"}, nil)); !reflect.DeepEqual(got, []string{"!-"}) {
			t.Errorf("got %q, want one error", got)
		}
	})
}

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		head string
		want input.Format
	}{
		{"", input.Text},
		{"Just words\n", input.Text},
		{"# Heading\n", input.Markdown},
		{"\xef\xbb\xbf  {\"text\": \"x\"}\n", input.JSONL},
		{"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", input.Feed},
		{"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">", input.Feed},
		{"<rdf:RDF xmlns:rdf=\"x\">", input.Feed},
		{"<!DOCTYPE html><html><body><p>About the feed</p>", input.HTML},
		{"<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss\"></head>", input.HTML},
		{"<p>fragment</p>", input.HTML},
	} {
		if got := input.Sniff([]byte(tc.head)); got != tc.want {
			t.Errorf("Sniff(%q): got %q, want %q", tc.head, got, tc.want)
		}
	}
}

func TestFormatOf(t *testing.T) {
	for name, want := range map[string]input.Format{
		"a.txt": input.Text, "A.TXT.GZ": input.Text, "a.md": input.Markdown, "a.htm": input.HTML,
		"a.html.gz": input.HTML, "a.jsonl": input.JSONL, "a.ndjson.gz": input.JSONL, "a.rss": input.Feed,
		"a.atom": input.Feed, "a.xml": input.Feed, "a.pdf": input.Unknown, "README": input.Unknown, "a.gz": input.Unknown,
	} {
		if got := input.FormatOf(name); got != want {
			t.Errorf("FormatOf(%q): got %q, want %q", name, got, want)
		}
	}
}

func TestWalk_Stops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := input.Walk(context.Background(), []string{"testdata/articles.jsonl", "testdata/article.txt"}, nil, func(input.Item) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if err != stop || n != 2 {
		t.Errorf("got err %v after %d items, want %v after 2", err, n, stop)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := input.Walk(ctx, []string{"testdata"}, nil, func(input.Item) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled walk: got %v, want %v", err, context.Canceled)
	}
}

func ExampleWalk() {
	stdin := strings.NewReader(`{"text": "Minister Keld Aronsen said talks would resume.", "title": "Talks to resume"}
{"title": "no text"}
`)
	input.Walk(context.Background(), []string{"testdata/article.md", "-"}, stdin, func(it input.Item) error {
		if it.Err != nil {
			fmt.Printf("%s: %s\n", it.Loc, graph.ErrorMessage(it.Err))
			return nil
		}
		fmt.Printf("%s: %q\n", it.Loc, it.Article.Title)
		return nil
	})
	// Output:
	// testdata/article.md: "Grain council accuses Dravian ministry of stalling export licences"
	// -:1: "Talks to resume"
	// -:2: article has no "text" field
}

// benchCorpus writes n articles of about 4 KB as .txt files and as one
// JSON Lines file.
func benchCorpus(b *testing.B, n int) (dir, jsonl string, size int64) {
	b.Helper()
	dir = b.TempDir()
	para := strings.Repeat("The Velsan Harbour Authority denied on Tuesday that its dredging plan would flood Ostrava Bay, according to chief engineer Marta Kellendorf. ", 28)
	var jl bytes.Buffer
	for i := range n {
		text := fmt.Sprintf("Article %d\n\n%s\n", i, para)
		size += int64(len(text))
		p := filepath.Join(dir, "txt", fmt.Sprintf("%03d", i/1000), fmt.Sprintf("%06d.txt", i))
		if i%1000 == 0 {
			os.MkdirAll(filepath.Dir(p), 0o755)
		}
		os.WriteFile(p, []byte(text), 0o644)
		fmt.Fprintf(&jl, "{\"text\": %q}\n", text)
	}
	jsonl = filepath.Join(dir, "all.jsonl")
	os.WriteFile(jsonl, jl.Bytes(), 0o644)
	return filepath.Join(dir, "txt"), jsonl, size
}

func BenchmarkWalk(b *testing.B) {
	const n = 2000
	txt, jsonl, size := benchCorpus(b, n)
	for name, path := range map[string]string{"Txt": txt, "JSONL": jsonl} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				count := 0
				input.Walk(context.Background(), []string{path}, nil, func(it input.Item) error {
					if it.Err != nil {
						b.Fatal(it.Err)
					}
					count++
					return nil
				})
				if count != n {
					b.Fatalf("got %d articles, want %d", count, n)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// TestWalk_JSONLExtraction reads lines that carry an extraction (as
// "claimgraph export --format jsonl" writes them) among plain article
// lines: good ones give items with the extraction, bad ones an error at
// their line, and the lines after a bad one are still read.
func TestWalk_JSONLExtraction(t *testing.T) {
	text := "Mayor Ulla Penrick said the bridge would reopen."
	id := graph.ArticleID(text)
	claim := graph.ClaimID(id, 24, 47, 19)
	good := `{"article":{"id":"` + id + `","title":"Bridge","text":"` + text + `"},` +
		`"actors":[{"id":"act_1","name":"Ulla Penrick","kind":"PERSON","aliases":["Penrick"]}],"sources":[],` +
		`"claims":[{"id":"` + claim + `","text":"the bridge would reopen","start":24,"end":47,"sentence":"` + text + `","cue":"said","cueStart":19,"cueEnd":23,"direct":false}],` +
		`"edges":[{"kind":"says","from":"act_1","to":"` + claim + `","claim":"` + claim + `"}]}`
	cases := []struct {
		name, line string
		// err is a fragment of the line's error; "" for a good line.
		err string
	}{
		{"OK", good, ""},
		{"NoID", strings.Replace(good, `"id":"`+id+`",`, "", 1), ""},
		{"WrongID", strings.Replace(good, id, "art_000000000000000000000000", 1), "does not match its text"},
		{"NoText", strings.Replace(good, `"text":"`+text+`"},`, `"title":"x"},`, 1), `"article" has no "text"`},
		{"TextTwice", strings.Replace(good, `{"article"`, `{"text":"x said y","article"`, 1), `both "text" and "article"`},
		{"UnknownClaim", strings.Replace(good, `"claim":"`+claim+`"}`, `"claim":"clm_nope"}`, 1), "unknown claim"},
		{"BadKind", strings.Replace(good, `"kind":"PERSON"`, `"kind":"ROBOT"`, 1), "unknown kind"},
		{"ArticleNotObject", `{"article": "art_1"}`, "bad JSON article"},
	}
	var b strings.Builder
	for _, c := range cases {
		b.WriteString(c.line + "\n")
	}
	b.WriteString(`{"text": "A plain article said this."}` + "\n")
	p := write(t, filepath.Join(t.TempDir(), "export.jsonl"), []byte(b.String()))
	items := collect(t, []string{p}, nil)
	if len(items) != len(cases)+1 {
		t.Fatalf("got %d items %v, want %d", len(items), locs(items), len(cases)+1)
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			it := items[i]
			if want := fmt.Sprintf("%s:%d", p, i+1); it.Loc != want {
				t.Errorf("got location %q, want %q", it.Loc, want)
			}
			if c.err != "" {
				if msg := graph.ErrorMessage(it.Err); !strings.Contains(msg, c.err) {
					t.Errorf("got error %q, want it to mention %q", msg, c.err)
				}
				if graph.ErrorCode(it.Err) != graph.EINVALID {
					t.Errorf("got code %q, want %q", graph.ErrorCode(it.Err), graph.EINVALID)
				}
				if it.Extraction != nil {
					t.Error("failed line carries an extraction")
				}
				return
			}
			if it.Err != nil {
				t.Fatalf("got error %v", it.Err)
			}
			x := it.Extraction
			if x == nil {
				t.Fatal("got no extraction")
			}
			if x.Article.ID != id || x.Article.Text != text || it.Article != x.Article {
				t.Errorf("got article %+v (item's %+v), want ID %s and the text", x.Article, it.Article, id)
			}
			if len(x.Actors) != 1 || x.Actors[0].Name != "Ulla Penrick" || len(x.Claims) != 1 || x.Claims[0].ID != claim || len(x.Edges) != 1 {
				t.Errorf("got extraction %+v, want one actor, claim and edge as written", x)
			}
		})
	}
	last := items[len(cases)]
	if last.Err != nil || last.Extraction != nil || last.Article.Text != "A plain article said this." {
		t.Errorf("plain line after the extractions: got %+v, want a plain article", last)
	}
}
