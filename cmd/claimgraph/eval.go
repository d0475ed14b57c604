package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/cmd/claimgraph/internal/evaluate"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

func init() { commands["eval"] = runEval }

const evalUsage = `usage: claimgraph eval [--format text|json] [--show N] [--min-f1 X] [--min-triple X] [--cmd COMMAND] DIR...

Scores extraction against annotated articles, with the metrics of
shared/eval/score.py and score_polnear.py. Each DIR is one of:
  a gold folder      NAME.gold.json files beside the articles they name
                     (recall, precision, micro F1, entity checks)
  a PolNeAR folder   attributions/DOC_xxxx.ann (BRAT) and text/DOC.txt
                     (attribution, source, content and triple F1)
Extraction runs in process unless --cmd gives a command, run as COMMAND FILE,
that prints extraction JSON. Exit status 1 when a score is under its minimum,
an entity check fails or a PolNeAR document fails to extract.
`

// optFloat is a float flag that remembers whether it was set.
type optFloat struct {
	v   float64
	set bool
}

func (o *optFloat) String() string {
	if !o.set {
		return ""
	}
	return strconv.FormatFloat(o.v, 'g', -1, 64)
}

func (o *optFloat) Set(s string) error {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return err
	}
	o.v, o.set = v, true
	return nil
}

func runEval(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text or json")
	show := fs.Int("show", 0, "show missed and extra edges (gold) and up to `N` missed attributions (PolNeAR)")
	var minF1, minTriple optFloat
	fs.Var(&minF1, "min-f1", "fail when a gold folder's micro F1 is below `X`")
	fs.Var(&minTriple, "min-triple", "fail when a PolNeAR folder's triple F1 is below `X`")
	cmdline := fs.String("cmd", "", "score `COMMAND` FILE (extraction JSON on stdout) instead of the built-in extractor")
	jobs := fs.Int("jobs", runtime.GOMAXPROCS(0), "articles extracted at once")
	fs.Usage = func() {
		fmt.Fprint(stderr, evalUsage, "\nFlags:\n")
		fs.PrintDefaults()
	}
	// Flags may come before or after the folders.
	var dirs []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil
			}
			return errUsage
		}
		if fs.NArg() == 0 {
			break
		}
		dirs = append(dirs, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(dirs) == 0 {
		fs.Usage()
		return errUsage
	}
	if *format != "text" && *format != "json" {
		return graph.Errorf(graph.EINVALID, "unknown format %q (want text or json)", *format)
	}
	ex := evaluate.Extractor(extractFile)
	if *cmdline != "" {
		var err error
		if ex, err = evaluate.Command(*cmdline); err != nil {
			return graph.Errorf(graph.EINVALID, "--cmd %q: %v", *cmdline, err)
		}
	}
	opts := evaluate.Options{Jobs: *jobs}

	type result struct {
		report any
		write  func(io.Writer) error
	}
	var results []result
	var problems []string
	for _, dir := range dirs {
		gold, polnear := evaluate.IsGoldDir(dir), evaluate.IsPolNeARDir(dir)
		if !gold && !polnear {
			if st, err := os.Stat(dir); err != nil {
				return err
			} else if !st.IsDir() {
				return graph.Errorf(graph.EINVALID, "%s is not a folder", dir)
			}
			return graph.Errorf(graph.EINVALID, "%s holds neither NAME.gold.json files nor attributions/*.ann with text/*.txt", dir)
		}
		if gold {
			r, err := evaluate.RunGold(ctx, dir, ex, opts)
			if err != nil {
				return err
			}
			if minF1.set && r.F1 < minF1.v {
				problems = append(problems, fmt.Sprintf("%s: micro F1 %.3f is below --min-f1 %v", dir, r.F1, minF1.v))
			}
			if r.FailedChecks > 0 {
				problems = append(problems, fmt.Sprintf("%s: %d entity checks failed", dir, r.FailedChecks))
			}
			results = append(results, result{r, func(w io.Writer) error { return r.WriteText(w, *show > 0) }})
		}
		if polnear {
			r, err := evaluate.RunPolNeAR(ctx, dir, ex, opts)
			if err != nil {
				return err
			}
			if r.Failed > 0 {
				problems = append(problems, fmt.Sprintf("%s: %d documents failed to extract", dir, r.Failed))
			}
			if minTriple.set && r.Triple < minTriple.v {
				problems = append(problems, fmt.Sprintf("%s: triple F1 %.3f is below --min-triple %v", dir, r.Triple, minTriple.v))
			}
			results = append(results, result{r, func(w io.Writer) error { return r.WriteText(w, *show) }})
		}
	}

	if *format == "json" {
		out := struct {
			OK       bool     `json:"ok"`
			Problems []string `json:"problems"`
			Results  []any    `json:"results"`
		}{OK: len(problems) == 0, Problems: append([]string{}, problems...)}
		for _, r := range results {
			out.Results = append(out.Results, r.report)
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		for i, r := range results {
			if len(results) > 1 {
				if i > 0 {
					fmt.Fprintln(stdout)
				}
				fmt.Fprintf(stdout, "== %s\n", header(r.report))
			}
			if err := r.write(stdout); err != nil {
				return err
			}
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	return nil
}

func header(report any) string {
	switch r := report.(type) {
	case *evaluate.GoldReport:
		return r.Dir + " (gold JSON)"
	case *evaluate.PolNeARReport:
		return r.Dir + " (PolNeAR)"
	}
	return ""
}

// extractFile runs the built-in extractor on one article file, as
// "claimgraph extract" does.
func extractFile(_ context.Context, path string) (*graph.Extraction, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return extract.Extract(articleFromText(string(data)))
}
