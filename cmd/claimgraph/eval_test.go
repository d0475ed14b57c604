package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// evalCLI runs "claimgraph eval ARGS" in process.
func evalCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"eval"}, args...), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

const (
	fixtures = "internal/evaluate/testdata"
	// fixtureCmd prints the hand-written FILE.extraction.json beside each
	// article (and fails for an article without one).
	fixtureCmd = `sh -c 'cat "$0.extraction.json"'`
)

func TestEval_Gold(t *testing.T) {
	code, out, errs := evalCLI(t, "--cmd", fixtureCmd, fixtures+"/gold")
	want := `council.txt: recall 1/1 precision 1/2 entity checks -1/2
    entity check failed: distinct: Reyl / council / mayor's office
    entity check failed: distinct: Reyl / council / mayor's office
    entity check failed: distinct: Reyl / council / mayor's office
harbour.txt: recall 3/4 precision 4/6 entity checks 2/3
    entity check failed: distinct: Corvia / Velmora
micro precision 0.625 recall 0.800 F1 0.702; entity checks 1/5
`
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
	if code != 1 || !strings.Contains(errs, "4 entity checks failed") {
		t.Errorf("got exit %d, stderr %q; want 1 and the failed entity checks", code, errs)
	}
}

func TestEval_PolNeARJSON(t *testing.T) {
	code, out, errs := evalCLI(t, "--format", "json", "--min-triple", "0.4", "--cmd", fixtureCmd, fixtures+"/polnear")
	var got struct {
		OK       bool
		Problems []string
		Results  []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.OK || len(got.Problems) != 1 || !strings.Contains(got.Problems[0], "1 documents failed") || len(got.Results) != 1 {
		t.Errorf("got ok=%v problems=%q with %d results; want one failed document", got.OK, got.Problems, len(got.Results))
	}
	r := got.Results[0]
	for k, want := range map[string]any{"metric": "polnear", "attribution": 0.769, "source": 0.462, "content": 0.769,
		"triple": 0.462, "documents": 3.0, "gold": 6.0, "predicted": 7.0, "failed": 1.0} {
		if r[k] != want {
			t.Errorf("%s: got %v, want %v", k, r[k], want)
		}
	}
	if code != 1 || errs == "" {
		t.Errorf("got exit %d, stderr %q; want 1 and a message", code, errs)
	}
}

func TestEval_Thresholds(t *testing.T) {
	code, out, _ := evalCLI(t, "--min-f1", "0.9", "--min-triple", "0.3", "--show", "2", "--cmd", fixtureCmd, fixtures+"/gold", fixtures+"/polnear")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, s := range []string{"== " + fixtures + "/gold (gold JSON)\ncouncil.gold.json\n", "\n== " + fixtures + "/polnear (PolNeAR)\n", "doc-c: extract failed: "} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
}

func TestEval_Usage(t *testing.T) {
	if code, _, _ := evalCLI(t); code != 2 {
		t.Errorf("no folder: exit %d, want 2", code)
	}
	if code, _, errs := evalCLI(t, t.TempDir()); code != 1 || !strings.Contains(errs, "neither") {
		t.Errorf("empty folder: exit %d, stderr %q", code, errs)
	}
	if code, _, errs := evalCLI(t, "--format", "xml", fixtures+"/gold"); code != 1 || !strings.Contains(errs, "unknown format") {
		t.Errorf("bad format: exit %d, stderr %q", code, errs)
	}
	if code, _, errs := evalCLI(t, "--cmd", `"open`, fixtures+"/gold"); code != 1 || !strings.Contains(errs, "--cmd") {
		t.Errorf("bad --cmd: exit %d, stderr %q", code, errs)
	}
}

// sharedEvalDir returns ../shared/eval beside the module root, skipping
// the test when it is absent.
func sharedEvalDir(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatalf("go env GOMOD: %v", err)
	}
	root := filepath.Dir(strings.TrimSpace(string(out)))
	dir := filepath.Join(filepath.Dir(root), "shared", "eval")
	if _, err := os.Stat(filepath.Join(dir, "score.py")); err != nil {
		t.Skipf("reference scorers not found at %s (the shared eval folder is absent)", dir)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not found; the parity test runs the reference Python scorers")
	}
	return dir
}

// TestEval_ParityWithPython builds claimgraph, scores "claimgraph extract"
// with both Python scorers on the shared dev folders, and requires
// "claimgraph eval" (extracting in process) to print the same.
func TestEval_ParityWithPython(t *testing.T) {
	shared := sharedEvalDir(t)
	bin := filepath.Join(t.TempDir(), "claimgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	extractCmd := "'" + bin + "' extract --format json"
	python := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		cmd := exec.Command("python3", args...)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
				t.Fatalf("python3 %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
			}
		}
		return stdout.String()
	}
	for _, tc := range []struct {
		name   string
		script string
		dir    string
		show   string
	}{
		{"gold", "score.py", "dev", ""},
		{"polnear", "score_polnear.py", "polnear-dev", "20"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(shared, tc.dir)
			args := []string{filepath.Join(shared, tc.script)}
			evalArgs := []string{}
			if tc.show != "" {
				args = append(args, "--show", tc.show)
				evalArgs = append(evalArgs, "--show", tc.show)
			} else {
				args = append(args, "--show")
				evalArgs = append(evalArgs, "--show", "1")
			}
			want := python(append(args, extractCmd, dir)...)
			_, got, errs := evalCLI(t, append(evalArgs, dir)...)
			if got != want {
				t.Errorf("claimgraph eval differs from %s (stderr %q)\ngot:\n%s\nwant:\n%s", tc.script, errs, got, want)
			}
			t.Logf("%s:\n%s", tc.script, lastLines(want, 2))
		})
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
