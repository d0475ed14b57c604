package evaluate

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// sharedEval returns shared/eval beside the repository (../shared/eval
// from the folder holding go.mod), skipping the test when it is absent.
func sharedEval(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
	eval := filepath.Join(filepath.Dir(dir), "shared", "eval")
	if _, err := os.Stat(filepath.Join(eval, "score.py")); err != nil {
		t.Skipf("reference scorers not found at %s (the shared eval folder is absent): %v", eval, err)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not found; the parity tests run the reference Python scorers")
	}
	return eval
}

// python runs a reference scorer and returns its standard output; exit
// status 1 (a threshold or entity check failed) is not an error.
func python(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("python3", args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
			t.Fatalf("python3 %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
		}
	}
	return stdout.String()
}

// fakeCommand returns the command line that runs this test binary as the
// fake extractor.
func fakeCommand(t *testing.T) string {
	t.Helper()
	t.Setenv(fakeEnv, "1")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return "'" + strings.ReplaceAll(exe, "'", `'\''`) + "'"
}

// TestParityGold scores the dev gold folder with score.py and with RunGold
// on the same fake extraction and requires identical output, --show lines
// included. The Go side runs the fake both in process and as a command.
func TestParityGold(t *testing.T) {
	eval := sharedEval(t)
	cmdline := fakeCommand(t)
	dir := filepath.Join(eval, "dev")
	want := python(t, filepath.Join(eval, "score.py"), "--show", cmdline, dir)
	if !strings.Contains(want, "micro precision") {
		t.Fatalf("score.py printed no summary:\n%s", want)
	}
	command, err := Command(cmdline)
	if err != nil {
		t.Fatal(err)
	}
	for name, ex := range map[string]Extractor{"in process": fakeExtractor, "command": command} {
		r, err := RunGold(context.Background(), dir, ex, Options{Jobs: 4})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var got strings.Builder
		if err := r.WriteText(&got, true); err != nil {
			t.Fatal(err)
		}
		if got.String() != want {
			t.Errorf("%s: output differs from score.py\ngot:\n%s\nwant:\n%s", name, got.String(), want)
		}
		if r.Good == 0 || r.Found == 0 || r.Good == r.Predicted {
			t.Errorf("%s: fake extraction too trivial to test parity: %+v", name, r)
		}
	}
	t.Logf("score.py on %s:\n%s", dir, want)
}

// TestParityPolNeAR scores the PolNeAR dev folder with score_polnear.py and
// with RunPolNeAR on the same fake extraction and requires identical output,
// 40 missed attributions shown: the counts and the F1 scores to three
// decimals.
func TestParityPolNeAR(t *testing.T) {
	eval := sharedEval(t)
	cmdline := fakeCommand(t)
	dir := filepath.Join(eval, "polnear-dev")
	want := python(t, filepath.Join(eval, "score_polnear.py"), "--show", "40", cmdline, dir)
	if !strings.Contains(want, "F1  attribution") {
		t.Fatalf("score_polnear.py printed no summary:\n%s", want)
	}
	r, err := RunPolNeAR(context.Background(), dir, fakeExtractor, Options{Jobs: 4})
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	if err := r.WriteText(&got, 40); err != nil {
		t.Fatal(err)
	}
	if got.String() != want {
		t.Errorf("output differs from score_polnear.py\ngot:\n%s\nwant:\n%s", got.String(), want)
	}
	if r.Total.Attribution == 0 || r.Total.Triple == 0 || r.Total.Triple == r.Total.Attribution {
		t.Errorf("fake extraction too trivial to test parity: %+v", r.Total)
	}
	lines := strings.Split(strings.TrimSpace(want), "\n")
	t.Logf("score_polnear.py on %s:\n%s", dir, strings.Join(lines[max(0, len(lines)-2):], "\n"))
}

// TestParityFixtures runs both Python scorers on the hand-made fixtures
// (with the test binary printing each FILE.extraction.json) and requires the
// same output from RunGold and RunPolNeAR, run in process and through
// Command. The fixtures cover what the dev data does not: optional edges,
// a "kinds" list, a distinct_actors group failing three times, an extraction
// failure, a second annotator, float and string offsets, byte offsets
// inside multi-byte characters and a tie in the greedy matching.
func TestParityFixtures(t *testing.T) {
	eval := sharedEval(t)
	t.Setenv(fakeEnv, "fixture")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	command, err := Command(exe)
	if err != nil {
		t.Fatal(err)
	}
	extractors := map[string]Extractor{"in process": fixtureExtractor, "command": command}
	wantGold := python(t, filepath.Join(eval, "score.py"), "--show", exe, "testdata/gold")
	wantPolNeAR := python(t, filepath.Join(eval, "score_polnear.py"), "--show", "10", exe, "testdata/polnear")
	for name, ex := range extractors {
		g, err := RunGold(context.Background(), "testdata/gold", ex, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		g.WriteText(&got, true)
		if got.String() != wantGold {
			t.Errorf("%s: gold output differs from score.py\ngot:\n%s\nwant:\n%s", name, got.String(), wantGold)
		}
		p, err := RunPolNeAR(context.Background(), "testdata/polnear", ex, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got.Reset()
		p.WriteText(&got, 10)
		if got.String() != wantPolNeAR {
			t.Errorf("%s: PolNeAR output differs from score_polnear.py\ngot:\n%s\nwant:\n%s", name, got.String(), wantPolNeAR)
		}
	}
}

// TestParityText compares the Python-compatible text handling (fold,
// fold_name, repr, \w+ tokens within spans, byte to character offsets)
// with the scorers' own functions on random strings built from awkward
// characters: Unicode white space, combining marks, final sigma, dotted
// capital I, curly quotes, fractions, multi-byte letters.
func TestParityText(t *testing.T) {
	eval := sharedEval(t)
	alphabet := []rune("aZ _9'.,;:\"-\t\n\r\x1c\u00a0\u2003\u3000\u2018\u2019\u201c\u201d\u00e9e\u0301\u0130\u03a3\u03c3\u00bd\u2460\u0663\u00ad\u200b\u4e00\U0001d400\\")
	words := []string{"the ", "The ", "'s", "\u2019s", "THE", "\u039f\u0394\u039f\u03a3"}
	rng := rand.New(rand.NewPCG(1, 2))
	type sample struct {
		S     string `json:"s"`
		A     int    `json:"a"`
		B     int    `json:"b"`
		Bytes []int  `json:"bytes"`
	}
	var samples []sample
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(14) {
			if rng.IntN(4) == 0 {
				b.WriteString(words[rng.IntN(len(words))])
			} else {
				b.WriteRune(alphabet[rng.IntN(len(alphabet))])
			}
		}
		s := b.String()
		n := utf8.RuneCountInString(s)
		smp := sample{S: s, A: rng.IntN(n+3) - 1, B: rng.IntN(n + 3)}
		for range 4 {
			smp.Bytes = append(smp.Bytes, rng.IntN(len(s)+3)-1)
		}
		samples = append(samples, smp)
	}
	in, err := json.Marshal(samples)
	if err != nil {
		t.Fatal(err)
	}
	script := `
import importlib.util, json, sys
def load(name):
    spec = importlib.util.spec_from_file_location(name, sys.argv[1] + "/" + name + ".py")
    m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m); return m
score, polnear = load("score"), load("score_polnear")
out = []
for x in json.load(sys.stdin):
    s = x["s"]
    b2c = polnear.byte_to_char(s)
    out.append({"fold": score.fold(s), "name": score.fold_name(s), "repr": repr(s),
                "toks": sorted(polnear.toks(s, [(x["a"], x["b"])])), "chars": [b2c(o) for o in x["bytes"]]})
json.dump(out, sys.stdout)
`
	cmd := exec.Command("python3", "-c", script, eval)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.String())
	}
	var want []struct {
		Fold, Name, Repr string
		Toks, Chars      []int
	}
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for i, smp := range samples {
		w := want[i]
		text := &Text{}
		for k, r := range smp.S {
			text.runes = append(text.runes, r)
			text.starts = append(text.starts, k)
		}
		text.starts = append(text.starts, len(smp.S))
		var toks []int
		for k := range text.tokens([]Span{{smp.A, smp.B}}) {
			toks = append(toks, k)
		}
		slices.Sort(toks)
		var chars []int
		for _, o := range smp.Bytes {
			chars = append(chars, text.CharOffset(o))
		}
		got := []any{Fold(smp.S), FoldName(smp.S), pyRepr(smp.S), fmt.Sprint(toks), fmt.Sprint(chars)}
		exp := []any{w.Fold, w.Name, w.Repr, fmt.Sprint(w.Toks), fmt.Sprint(w.Chars)}
		for k, field := range []string{"fold", "fold_name", "repr", "toks", "byte_to_char"} {
			if got[k] != exp[k] && bad < 20 {
				bad++
				t.Errorf("%s(%q) [span %d,%d bytes %v]: got %q, want %q", field, smp.S, smp.A, smp.B, smp.Bytes, got[k], exp[k])
			}
		}
	}
}
