// Package input turns paths into a stream of articles for claimgraph's
// commands: plain text, Markdown, HTML pages, JSON Lines, RSS and Atom
// feeds, directories of any of these, standard input, and gzip-compressed
// forms of each. Every article comes with a location ("file.jsonl:17",
// "feed.xml#item3") and a problem with one article is reported on that
// article alone, so the rest of an input is still read.
//
// It builds graph.Article values (and graph.Extraction values, for JSON
// lines that carry one, as an export writes them) and imports graph, the readability and
// feed parsers; it knows nothing of extraction or storage.
package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Item is one article read from an input, or the reason it could not be
// read.
type Item struct {
	// Loc says where the article came from, for messages: a file path, a
	// path and line ("news.jsonl:17"), or a path and feed entry
	// ("feed.xml#item3"). Standard input is named "-".
	Loc string
	// Article holds the text and whatever metadata the input carried. Its
	// ID is left empty for the extractor to derive, unless Extraction is
	// set.
	Article graph.Article
	// Extraction is set when the input carried the article's extraction
	// too (a JSON line as "claimgraph export --format jsonl" writes it):
	// its actors, sources, claims and edges, already checked by
	// graph.Extraction.Validate, to be stored as they are rather than
	// extracted again. Its Article equals Article, ID included.
	Extraction *graph.Extraction
	// Byline is the author line of an HTML page or feed entry, when there
	// is one; graph.Article has no field for it.
	Byline string
	// Err is non-nil when the article could not be read; Article is then
	// empty. Err is an *graph.Error (EINVALID or ETOOLARGE) for content
	// problems and an I/O error otherwise.
	Err error
}

// Format is a kind of input file.
type Format string

// The formats Walk reads. Unknown means "look at the content".
const (
	Unknown  Format = ""
	Text     Format = "text"
	Markdown Format = "markdown"
	HTML     Format = "html"
	JSONL    Format = "jsonl"
	Feed     Format = "feed"
)

// formatByExt maps file extensions (lower case, ".gz" already removed) to
// formats. Files in a directory are read only when their extension is here.
var formatByExt = map[string]Format{
	".txt":      Text,
	".text":     Text,
	".md":       Markdown,
	".markdown": Markdown,
	".html":     HTML,
	".htm":      HTML,
	".xhtml":    HTML,
	".jsonl":    JSONL,
	".ndjson":   JSONL,
	".rss":      Feed,
	".atom":     Feed,
	".xml":      Feed,
}

// FormatOf returns the format a file name announces by its extension,
// looking through a trailing ".gz", or Unknown.
func FormatOf(name string) Format {
	name = strings.ToLower(name)
	name = strings.TrimSuffix(name, ".gz")
	return formatByExt[filepath.Ext(name)]
}

// Walker reads articles from paths. The zero value reads no standard input.
type Walker struct {
	// Stdin is read when a path is "-".
	Stdin io.Reader
	// OnRead, when set, is called with the number of raw bytes (as stored,
	// so compressed bytes for gzip) each time some are read from a file or
	// standard input. It lets a caller show progress against TotalSize.
	OnRead func(n int)
}

// Walk reads every article under paths with a zero Walker reading stdin for
// "-"; see Walker.Walk.
func Walk(ctx context.Context, paths []string, stdin io.Reader, fn func(Item) error) error {
	w := &Walker{Stdin: stdin}
	return w.Walk(ctx, paths, fn)
}

// Walk calls fn once for every article found under paths, in order: the
// paths as given, directories recursively in lexical order (only files with
// a known extension, hidden files and folders skipped), "-" for standard
// input. A file named explicitly is read whatever its extension; its format
// is then told by its content. Gzip is undone by extension or by content.
//
// Problems with an input (a missing file, a malformed JSON line, a broken
// feed, binary or empty text) reach fn as an Item with Err set, and the walk
// goes on. Walk returns only fn's first error or ctx's error.
func (w *Walker) Walk(ctx context.Context, paths []string, fn func(Item) error) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "-" {
			if w.Stdin == nil {
				if err := fn(Item{Loc: "-", Err: errors.New("standard input is not available")}); err != nil {
					return err
				}
				continue
			}
			if err := w.read(ctx, "-", w.count(w.Stdin), Unknown, nil, fn); err != nil {
				return err
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			if err := fn(Item{Loc: p, Err: cleanPathError(err)}); err != nil {
				return err
			}
			continue
		}
		if !info.IsDir() {
			if err := w.file(ctx, p, FormatOf(p), fn); err != nil {
				return err
			}
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return fn(Item{Loc: path, Err: cleanPathError(err)})
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !d.Type().IsRegular() && !isFileLink(path, d) {
				return nil
			}
			f := FormatOf(path)
			if f == Unknown {
				return nil
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			return w.file(ctx, path, f, fn)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// TotalSize returns the number of bytes Walk would read from the files under
// paths, and false when that is not known in advance (standard input).
// Missing files count as empty.
func TotalSize(paths []string) (int64, bool) {
	var total int64
	known := true
	for _, p := range paths {
		if p == "-" {
			known = false
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !info.IsDir() {
			total += info.Size()
			continue
		}
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || FormatOf(path) == Unknown {
				return nil
			}
			if info, err := d.Info(); err == nil {
				total += info.Size()
			}
			return nil
		})
	}
	return total, known
}

// cleanPathError drops the operation from an *fs.PathError ("open x: no
// such file" becomes "no such file or directory"), since Loc names the path.
func cleanPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (w *Walker) file(ctx context.Context, path string, f Format, fn func(Item) error) error {
	fh, err := os.Open(path)
	if err != nil {
		return fn(Item{Loc: path, Err: cleanPathError(err)})
	}
	defer fh.Close()
	side, found, err := readSidecar(path)
	if err != nil {
		return fn(Item{Loc: path, Err: err})
	}
	var meta *Meta
	if found {
		meta = &side
	}
	return w.read(ctx, path, w.count(fh), f, meta, fn)
}

// count wraps r so OnRead hears of every byte read.
func (w *Walker) count(r io.Reader) io.Reader {
	if w.OnRead == nil {
		return r
	}
	return &countingReader{r: r, fn: w.OnRead}
}

type countingReader struct {
	r  io.Reader
	fn func(int)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		c.fn(n)
	}
	return n, err
}

// sniffLen is how much of an input is looked at to tell its format.
const sniffLen = 4096

// read undoes gzip, settles the format and hands the content to its
// reader. side, when not nil, is the file's sidecar: it describes the
// article of a text, Markdown or HTML file, over what the file says.
func (w *Walker) read(ctx context.Context, loc string, r io.Reader, f Format, side *Meta, fn func(Item) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fn(Item{Loc: loc, Err: fmt.Errorf("bad gzip data: %w", err)})
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	if f == Unknown {
		head, err := br.Peek(sniffLen)
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			return fn(Item{Loc: loc, Err: readError(err)})
		}
		f = Sniff(head)
	}
	switch f {
	case JSONL:
		return readJSONL(ctx, loc, br, fn)
	case Feed:
		return readFeed(loc, br, fn)
	}
	data, err := readAll(br)
	if err != nil {
		return fn(Item{Loc: loc, Err: err})
	}
	var it Item
	switch f {
	case HTML:
		it = fromHTML(data)
	case Markdown:
		it = fromPlain(string(data), FromMarkdown)
	default:
		it = fromPlain(string(data), FromText)
	}
	it.Loc = loc
	if it.Err == nil && side != nil {
		it.Err = side.apply(&it.Article)
	}
	if it.Err == nil {
		it.Err = graph.ValidateText(it.Article.Text)
	}
	if it.Err != nil {
		it.Article = graph.Article{}
	}
	return fn(it)
}

// readAll reads a whole article, refusing more than graph.MaxArticleBytes.
func readAll(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, graph.MaxArticleBytes+1))
	if err != nil {
		return nil, readError(err)
	}
	if len(data) > graph.MaxArticleBytes {
		return nil, graph.Errorf(graph.ETOOLARGE, "input is larger than %d bytes", graph.MaxArticleBytes)
	}
	return data, nil
}

// readError words an error met while reading content.
func readError(err error) error {
	if errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("bad or truncated gzip data: %w", err)
	}
	return cleanPathError(err)
}

// Sniff tells the format of content from its first bytes: JSON Lines when
// it starts with "{", a feed when an XML document has an <rss>, <feed> or
// <rdf:RDF> root, HTML when it starts with a tag, and Text otherwise.
// Text whose first line is a Markdown heading ("# ") is Markdown.
func Sniff(head []byte) Format {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	s := bytes.TrimLeft(head, " \t\r\n")
	switch {
	case len(s) == 0:
		return Text
	case s[0] == '{':
		return JSONL
	case s[0] == '<':
		lower := bytes.ToLower(s)
		for _, root := range []string{"<rss", "<feed", "<rdf:rdf"} {
			if i := bytes.Index(lower, []byte(root)); i >= 0 && !bytes.Contains(lower[:i], []byte("<html")) {
				return Feed
			}
		}
		return HTML
	case bytes.HasPrefix(s, []byte("# ")):
		return Markdown
	}
	return Text
}

// isFileLink reports whether d is a symbolic link to a regular file.
// Links to directories are not followed, so a walk cannot loop.
func isFileLink(path string, d fs.DirEntry) bool {
	if d.Type()&fs.ModeSymlink == 0 {
		return false
	}
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}
