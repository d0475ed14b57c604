package evaluate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// Extractor extracts one article, given the path of its file.
type Extractor func(ctx context.Context, path string) (*graph.Extraction, error)

// Options tune a corpus run.
type Options struct {
	// Jobs is how many articles are extracted at once (at least 1).
	Jobs int
}

// IsGoldDir reports whether dir holds NAME.gold.json files.
func IsGoldDir(dir string) bool {
	names, _ := goldFiles(dir)
	return len(names) > 0
}

// IsPolNeARDir reports whether dir holds attributions/*.ann files and
// text/*.txt files.
func IsPolNeARDir(dir string) bool {
	ann, _ := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	txt, _ := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	return len(ann) > 0 && len(txt) > 0
}

func goldFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".gold.json") {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

// extractAll runs ex on every path, Jobs at a time, and returns the
// results in order. A panic in ex is an error for that path.
func extractAll(ctx context.Context, ex Extractor, paths []string, opts Options) ([]*graph.Extraction, []error) {
	xs := make([]*graph.Extraction, len(paths))
	errs := make([]error, len(paths))
	jobs := max(opts.Jobs, 1)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(jobs, max(len(paths), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				xs[i], errs[i] = safeExtract(ctx, ex, paths[i])
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	return xs, errs
}

func safeExtract(ctx context.Context, ex Extractor, path string) (x *graph.Extraction, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	x, err = ex(ctx, path)
	if err == nil && x == nil {
		err = errors.New("no extraction")
	}
	return x, err
}

// extractMessage is what a scorer prints for a failed extraction.
func extractMessage(err error) string {
	var e *ExtractError
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}

// GoldReport is the gold-JSON score of a folder, as score.py computes it.
type GoldReport struct {
	Dir      string          `json:"dir"`
	Metric   string          `json:"metric"`
	Articles []*ArticleScore `json:"articles"`
	// Totals over all articles.
	Required     int `json:"required"`
	Found        int `json:"found"`
	Predicted    int `json:"predicted"`
	Good         int `json:"good"`
	Checks       int `json:"checks"`
	FailedChecks int `json:"checksFailed"`
	// Micro-averaged precision, recall and F1, unrounded.
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// RunGold extracts and scores every article of a gold folder. An article
// whose extraction fails stops the run, as in score.py.
func RunGold(ctx context.Context, dir string, ex Extractor, opts Options) (*GoldReport, error) {
	files, err := goldFiles(dir)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no *.gold.json files", dir)
	}
	golds := make([]*Gold, len(files))
	paths := make([]string, len(files))
	for i, name := range files {
		if golds[i], err = ReadGold(filepath.Join(dir, name)); err != nil {
			return nil, err
		}
		paths[i] = golds[i].Article
		if !filepath.IsAbs(paths[i]) {
			paths[i] = filepath.Join(dir, paths[i])
		}
	}
	xs, errs := extractAll(ctx, ex, paths, opts)
	r := &GoldReport{Dir: dir, Metric: "gold"}
	for i, g := range golds {
		if errs[i] != nil {
			msg := extractMessage(errs[i])
			return nil, fmt.Errorf("extract failed on %s: %s", paths[i], prefix(msg, 500))
		}
		s := ScoreArticle(xs[i], g)
		s.Gold = files[i]
		r.Articles = append(r.Articles, s)
		r.Required += s.Required
		r.Found += s.Found
		r.Predicted += s.Predicted
		r.Good += s.Good
		r.Checks += s.Checks
		r.FailedChecks += len(s.FailedChecks)
	}
	r.Precision = Ratio(r.Good, r.Predicted)
	r.Recall = Ratio(r.Found, r.Required)
	r.F1 = HarmonicMean(r.Precision, r.Recall)
	return r, nil
}

// WriteText prints the report as score.py does; with show it adds the
// missed and extra edges of each article.
func (r *GoldReport) WriteText(w io.Writer, show bool) error {
	var b strings.Builder
	for _, a := range r.Articles {
		if show {
			fmt.Fprintln(&b, a.Gold)
			for _, d := range a.Details {
				fmt.Fprintln(&b, d)
			}
		}
		fmt.Fprintf(&b, "%s: recall %d/%d precision %d/%d entity checks %d/%d\n",
			a.Article, a.Found, a.Required, a.Good, a.Predicted, a.Checks-len(a.FailedChecks), a.Checks)
		for _, f := range a.FailedChecks {
			fmt.Fprintln(&b, "    entity check failed:", f)
		}
	}
	fmt.Fprintf(&b, "micro precision %.3f recall %.3f F1 %.3f; entity checks %d/%d\n",
		r.Precision, r.Recall, r.F1, r.Checks-r.FailedChecks, r.Checks)
	_, err := io.WriteString(w, b.String())
	return err
}

// PolNeARDoc is the score of one PolNeAR document.
type PolNeARDoc struct {
	Name string `json:"name"`
	// Annotation is the .ann file used (the first annotator's).
	Annotation string `json:"annotation"`
	// Failed holds the extraction error message, if extraction failed.
	Failed string `json:"failed,omitempty"`
	Counts
	// Missed holds score_polnear.py's --show line for each unmatched gold
	// attribution.
	Missed []string `json:"missed,omitempty"`
}

// PolNeARReport is the PolNeAR score of a corpus folder, as
// score_polnear.py computes it.
type PolNeARReport struct {
	Dir       string        `json:"dir"`
	Metric    string        `json:"metric"`
	Docs      []*PolNeARDoc `json:"docs"`
	Documents int           `json:"documents"`
	// Gold and Predicted count attributions over all documents; with
	// Documents, Failed and the F1 scores they are the fields of
	// score_polnear.py --json.
	Gold      int `json:"gold"`
	Predicted int `json:"predicted"`
	Failed    int `json:"failed"`
	// Total holds the tallies over all documents; a failed document adds
	// its gold attributions only.
	Total Counts `json:"counts"`
	// F1 scores rounded to three decimals, as score_polnear.py reports
	// them.
	Attribution float64 `json:"attribution"`
	Source      float64 `json:"source"`
	Content     float64 `json:"content"`
	Triple      float64 `json:"triple"`
}

var annotatorSuffix = regexp.MustCompile(`_[0-9a-f]{4}\.ann$`)

// RunPolNeAR extracts and scores every document of a PolNeAR-style folder:
// text/DOC.txt with attributions/DOC_xxxx.ann, the first annotator's file by
// name where a document has several. A document whose extraction fails is
// counted as failed, its gold attributions as missed.
func RunPolNeAR(ctx context.Context, dir string, ex Extractor, opts Options) (*PolNeARReport, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, err
	}
	byDoc := map[string][]string{}
	var names []string
	for _, a := range anns {
		base := filepath.Base(a)
		if strings.HasPrefix(base, ".") {
			continue // Python's glob skips hidden files
		}
		name := annotatorSuffix.ReplaceAllString(base, "")
		if _, ok := byDoc[name]; !ok {
			names = append(names, name)
		}
		byDoc[name] = append(byDoc[name], a)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no attributions/*.ann files", dir)
	}
	sort.Strings(names)
	paths := make([]string, len(names))
	texts := make([]*Text, len(names))
	golds := make([][]Attribution, len(names))
	for i, name := range names {
		sort.Strings(byDoc[name])
		paths[i] = filepath.Join(dir, "text", name+".txt")
		raw, err := os.ReadFile(paths[i])
		if err != nil {
			return nil, err
		}
		if !utf8.Valid(raw) {
			return nil, fmt.Errorf("%s: not valid UTF-8", paths[i])
		}
		texts[i] = NewText(string(raw))
		f, err := os.Open(byDoc[name][0])
		if err != nil {
			return nil, err
		}
		golds[i], err = ParseAnn(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", byDoc[name][0], err)
		}
	}
	xs, errs := extractAll(ctx, ex, paths, opts)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r := &PolNeARReport{Dir: dir, Metric: "polnear", Documents: len(names)}
	for i, name := range names {
		d := &PolNeARDoc{Name: name, Annotation: byDoc[name][0]}
		r.Docs = append(r.Docs, d)
		if errs[i] != nil {
			d.Failed = extractMessage(errs[i])
			d.Gold = len(golds[i])
			r.Failed++
			r.Total.Gold += d.Gold
			continue
		}
		t := texts[i]
		m := Match(golds[i], Predicted(xs[i], t), t)
		d.Counts = m.Counts
		r.Total.Add(m.Counts)
		join := func(spans []Span) string {
			parts := make([]string, len(spans))
			for k, s := range spans {
				parts[k] = t.Slice(s.Start, s.End)
			}
			return strings.Join(parts, " ")
		}
		for k, g := range golds[i] {
			if !m.GoldMatched[k] {
				d.Missed = append(d.Missed, fmt.Sprintf("missed [%s] src=%s cue=%s content=%s",
					name, pyRepr(join(g.Source)), pyRepr(join(g.Cue)), pyRepr(prefix(join(g.Content), 90))))
			}
		}
	}
	c := r.Total
	r.Gold, r.Predicted = c.Gold, c.Predicted
	r.Attribution = Round3(F1(c.Attribution, c.Gold, c.Predicted))
	r.Source = Round3(F1(c.Source, c.Gold, c.Predicted))
	r.Content = Round3(F1(c.Content, c.Gold, c.Predicted))
	r.Triple = Round3(F1(c.Triple, c.Gold, c.Predicted))
	return r, nil
}

// WriteText prints the report as score_polnear.py does, with up to show
// missed gold attributions.
func (r *PolNeARReport) WriteText(w io.Writer, show int) error {
	var b strings.Builder
	shown := 0
	for _, d := range r.Docs {
		if d.Failed != "" {
			fmt.Fprintf(&b, "%s: extract failed: %s\n", d.Name, prefix(d.Failed, 300))
			continue
		}
		for _, line := range d.Missed {
			if shown >= show {
				break
			}
			shown++
			fmt.Fprintln(&b, line)
		}
	}
	fmt.Fprintf(&b, "%d documents, %d gold and %d predicted attributions, %d failed\n",
		r.Documents, r.Total.Gold, r.Total.Predicted, r.Failed)
	fmt.Fprintf(&b, "F1  attribution %.3f  source %.3f  content %.3f  triple %.3f\n",
		r.Attribution, r.Source, r.Content, r.Triple)
	_, err := io.WriteString(w, b.String())
	return err
}
