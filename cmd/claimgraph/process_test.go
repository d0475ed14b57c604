package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Tests in this file run the claimgraph binary as a real process: signals,
// locks and kills are the operating system's, not simulated.

var (
	binOnce sync.Once
	binDir  string
	binErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// binaries builds claimgraph and corpusgen once per test run and returns
// their paths.
func binaries(t *testing.T) (claimgraph, corpusgen string) {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "claimgraph-bin-")
		if binErr != nil {
			return
		}
		for _, b := range []struct{ out, pkg string }{{"claimgraph", "."}, {"corpusgen", "../corpusgen"}} {
			out, err := exec.Command("go", "build", "-o", filepath.Join(binDir, b.out), b.pkg).CombinedOutput()
			if err != nil {
				binErr = fmt.Errorf("go build %s: %v\n%s", b.pkg, err, out)
				return
			}
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return filepath.Join(binDir, "claimgraph"), filepath.Join(binDir, "corpusgen")
}

// genCorpus writes n generated articles as JSON Lines and returns them,
// one line each.
func genCorpus(t *testing.T, n int, seed int) []string {
	t.Helper()
	_, corpusgen := binaries(t)
	out, err := exec.Command(corpusgen, "-n", fmt.Sprint(n), "-seed", fmt.Sprint(seed), "-format", "jsonl", "-out", "-").Output()
	if err != nil {
		t.Fatalf("corpusgen: %v", err)
	}
	lines := strings.SplitAfter(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != n {
		t.Fatalf("corpusgen wrote %d lines, want %d", len(lines), n)
	}
	return lines
}

// proc is a claimgraph process started by a test.
type proc struct {
	cmd            *exec.Cmd
	stdout, stderr *bytes.Buffer
	stdin          io.WriteCloser
}

// start starts claimgraph with args; stdin is a pipe the test writes to
// when withStdin is set.
func start(t *testing.T, withStdin bool, args ...string) *proc {
	t.Helper()
	bin, _ := binaries(t)
	p := &proc{cmd: exec.Command(bin, args...), stdout: new(bytes.Buffer), stderr: new(bytes.Buffer)}
	p.cmd.Stdout, p.cmd.Stderr = p.stdout, p.stderr
	if withStdin {
		w, err := p.cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		p.stdin = w
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			p.cmd.Process.Kill()
			p.cmd.Wait()
		}
	})
	return p
}

// wait waits for the process and returns its exit code.
func (p *proc) wait(t *testing.T) int {
	t.Helper()
	err := p.cmd.Wait()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	return p.cmd.ProcessState.ExitCode()
}

// runBin runs claimgraph to the end with stdin and returns its exit code,
// standard output and standard error.
func runBin(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	bin, _ := binaries(t)
	cmd := exec.Command(bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = strings.NewReader(stdin), &stdout, &stderr
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()
}

// TestIngest_SignalStopsGracefully stops an ingest reading a pipe that
// stays open (so it can never finish on its own) with SIGINT or SIGTERM.
// It must exit 130 or 143 with one line naming what it stored, have
// stored exactly that, and a second run of the same command over the
// whole input must skip those and store the rest.
func TestIngest_SignalStopsGracefully(t *testing.T) {
	corpus := genCorpus(t, 120, 7)
	tests := []struct {
		name    string
		sig     syscall.Signal
		code    int
		preload int // articles stored by a complete run before (0: the bulk-load path)
	}{
		{"SIGINT into an empty database", syscall.SIGINT, 130, 0},
		{"SIGTERM into an empty database", syscall.SIGTERM, 143, 0},
		{"SIGTERM into a database in use", syscall.SIGTERM, 143, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "db")
			if tt.preload > 0 {
				if code, _, errs := runBin(t, strings.Join(corpus[:tt.preload], ""), "ingest", "--db", dir, "--progress", "none", "-"); code != 0 {
					t.Fatalf("preload: exit %d: %s", code, errs)
				}
			}
			p := start(t, true, "ingest", "--db", dir, "--progress", "none", "-")
			// The first 80 articles, in the order of the input (the
			// preloaded ones among them); the pipe stays open.
			if _, err := io.WriteString(p.stdin, strings.Join(corpus[:80], "")); err != nil {
				t.Fatal(err)
			}
			time.Sleep(time.Second)
			if err := p.cmd.Process.Signal(tt.sig); err != nil {
				t.Fatal(err)
			}
			code := p.wait(t)
			p.stdin.Close()
			if code != tt.code {
				t.Fatalf("exit code: got %d, want %d; stderr:\n%s", code, tt.code, p.stderr)
			}
			errLines := strings.Split(strings.TrimSpace(p.stderr.String()), "\n")
			if len(errLines) != 1 {
				t.Fatalf("stderr: got %d lines, want 1:\n%s", len(errLines), p.stderr)
			}
			if strings.Contains(p.stderr.String(), "context canceled") {
				t.Errorf("stderr says %q", p.stderr)
			}
			var stored, created, present, failed int
			sigName := signalName(tt.sig)
			if _, err := fmt.Sscanf(errLines[0], "claimgraph ingest: "+sigName+": stopped early; the %d articles read are stored (%d new, %d already present, %d failed);", &stored, &created, &present, &failed); err != nil {
				t.Fatalf("stderr line %q: %v", errLines[0], err)
			}
			if !strings.Contains(errLines[0], "run the same command again to resume") {
				t.Errorf("stderr line %q does not say how to resume", errLines[0])
			}
			if stored < 1 || stored > 80 || failed != 0 || present > tt.preload {
				t.Fatalf("reported %d stored (%d present, %d failed) of 80 written", stored, present, failed)
			}
			articles, _ := counts(t, dir)
			if want := tt.preload + created; articles != want {
				t.Errorf("database holds %d articles, want %d (%d preloaded + %d reported new)", articles, want, tt.preload, created)
			}
			if _, c, _, _, _ := summary(t, p.stdout.String()); c != created {
				t.Errorf("summary line says %d new, stderr %d", c, created)
			}

			// Resume: the same command over the whole input.
			code, out, errs := runBin(t, strings.Join(corpus, ""), "ingest", "--db", dir, "--progress", "none", "-")
			if code != 0 {
				t.Fatalf("resume: exit %d: %s", code, errs)
			}
			n, c2, present2, failed2, _ := summary(t, out)
			if n != len(corpus) || failed2 != 0 || present2 != articles || c2 != len(corpus)-articles {
				t.Errorf("resume: %d read, %d new, %d present, %d failed; want %d read, %d present (stored before), %d new",
					n, c2, present2, failed2, len(corpus), articles, len(corpus)-articles)
			}
			if got, _ := counts(t, dir); got != len(corpus) {
				t.Errorf("after resume the database holds %d articles, want %d", got, len(corpus))
			}
		})
	}
}

// serveAddr reads serve's standard output until it names its address.
func serveAddr(t *testing.T, r io.Reader) string {
	t.Helper()
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.Index(line, "http://"); i >= 0 {
			rest := line[i+len("http://"):]
			return rest[:strings.Index(rest, "/")]
		}
	}
	t.Fatalf("serve printed no address: %v", sc.Err())
	return ""
}

// TestServe_SignalDrainsWithinTimeout stops a server with SIGINT or
// SIGTERM, idle or with a request whose body never finishes arriving, and
// requires it to exit 0 within its --shutdown-timeout (plus slack for a
// loaded machine), leaving the database free to open.
func TestServe_SignalDrainsWithinTimeout(t *testing.T) {
	const timeout = time.Second
	tests := []struct {
		name    string
		sig     syscall.Signal
		stalled bool
	}{
		{"idle, SIGTERM", syscall.SIGTERM, false},
		{"idle, SIGINT", syscall.SIGINT, false},
		{"stalled request, SIGTERM", syscall.SIGTERM, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "db")
			bin, _ := binaries(t)
			cmd := exec.Command(bin, "serve", "--db", dir, "--addr", "127.0.0.1:0", "--shutdown-timeout", timeout.String())
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			addr := serveAddr(t, out)
			go io.Copy(io.Discard, out)
			if tt.stalled {
				conn, err := net.Dial("tcp", addr)
				if err != nil {
					t.Fatal(err)
				}
				defer conn.Close()
				fmt.Fprintf(conn, "POST /query HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"query\":", addr)
				time.Sleep(200 * time.Millisecond)
			}
			began := time.Now()
			if err := cmd.Process.Signal(tt.sig); err != nil {
				t.Fatal(err)
			}
			err = cmd.Wait()
			took := time.Since(began)
			if err != nil {
				t.Fatalf("serve exited with %v; stderr:\n%s", err, stderr.String())
			}
			t.Logf("stopped in %s (shutdown timeout %s)", took.Round(time.Millisecond), timeout)
			if limit := timeout + 5*time.Second; took > limit {
				t.Errorf("serve took %s to stop, want under %s", took, limit)
			}
			if tt.stalled != strings.Contains(stderr.String(), "shutdown timeout reached") {
				t.Errorf("stalled request %v, but stderr:\n%s", tt.stalled, stderr.String())
			}
			if articles, _ := counts(t, dir); articles != 0 {
				t.Errorf("got %d articles, want 0", articles)
			}
		})
	}
}

// checkLine runs "claimgraph check" on dir and returns its exit code and
// its first output line (the counts).
func checkLine(t *testing.T, dir string) (int, string) {
	t.Helper()
	code, out, errs := runBin(t, "", "check", "--db", dir)
	first, _, _ := strings.Cut(out, "\n")
	if code != 0 {
		t.Logf("check %s: exit %d\n%s%s", dir, code, out, errs)
	}
	return code, strings.TrimPrefix(first, "check "+dir+": ")
}

// TestCheckUndatedCorpus bulk-loads a corpus of text files, which give
// no publication time, so ingest dates each article by when it was
// ingested, then ingests a second corpus into the loaded database: check
// must pass both times. It once reported every claim of such a corpus
// missing its date and timeline keys (cd/, ct/), looking for them under
// no date instead of the ingestedAt the store files them under.
func TestCheckUndatedCorpus(t *testing.T) {
	_, corpusgen := binaries(t)
	root := t.TempDir()
	db := filepath.Join(root, "db")
	for i, seed := range []string{"1", "77"} {
		corpus := filepath.Join(root, "corpus"+seed)
		if out, err := exec.Command(corpusgen, "-n", "40", "-seed", seed, "-out", corpus).CombinedOutput(); err != nil {
			t.Fatalf("corpusgen: %v\n%s", err, out)
		}
		if code, _, errs := runBin(t, "", "ingest", "--db", db, "--workers", "2", "--progress", "none", corpus); code != 0 {
			t.Fatalf("ingest of corpus %d: exit %d: %s", i+1, code, errs)
		}
		want := fmt.Sprintf("%d articles, ", 40*(i+1))
		if code, got := checkLine(t, db); code != 0 || !strings.HasPrefix(got, want) || !strings.HasSuffix(got, "; 0 problems") {
			t.Errorf("check after corpus %d: exit %d, %q; want %s0 problems", i+1, code, got, want)
		}
	}
}

// TestBackupRestoreCheck ingests articles, checks the database, backs it
// up, restores it into a new directory and requires the copy to pass the
// check with the same counts; a restore into a database that holds data
// is refused, and done with --force.
func TestBackupRestoreCheck(t *testing.T) {
	corpus := genCorpus(t, 60, 3)
	root := t.TempDir()
	src, dst, file := filepath.Join(root, "src"), filepath.Join(root, "dst"), filepath.Join(root, "backup.bin")
	if code, _, errs := runBin(t, strings.Join(corpus, ""), "ingest", "--db", src, "--progress", "none", "-"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	code, want := checkLine(t, src)
	if code != 0 || !strings.HasPrefix(want, "60 articles, ") || !strings.HasSuffix(want, "; 0 problems") {
		t.Fatalf("check of the ingested database: exit %d, %q; want 60 articles and 0 problems", code, want)
	}
	if code, out, errs := runBin(t, "", "backup", "--db", src, file); code != 0 || !strings.HasPrefix(out, "backed up ") {
		t.Fatalf("backup: exit %d: %s%s", code, out, errs)
	}
	if code, out, errs := runBin(t, "", "restore", "--db", dst, file); code != 0 || !strings.Contains(out, ": 60 articles") {
		t.Fatalf("restore: exit %d: %s%s", code, out, errs)
	}
	if code, got := checkLine(t, dst); code != 0 || got != want {
		t.Errorf("check of the restored copy: exit %d, %q; want %q", code, got, want)
	}

	// A second restore into the copy is refused and changes nothing.
	code, out, errs := runBin(t, "", "restore", "--db", dst, file)
	if code != 1 || !strings.Contains(errs, "holds data; nothing was restored") || !strings.Contains(errs, "--force") {
		t.Errorf("restore into a database with data: exit %d, stdout %q, stderr %q; want exit 1 saying so and naming --force", code, out, errs)
	}
	if code, got := checkLine(t, dst); code != 0 || got != want {
		t.Errorf("check after the refused restore: exit %d, %q; want %q", code, got, want)
	}
	// --force replaces: more articles first, then the backup.
	if code, _, errs := runBin(t, strings.Join(genCorpus(t, 5, 99), ""), "ingest", "--db", dst, "--progress", "none", "-"); code != 0 {
		t.Fatalf("ingest into the copy: exit %d: %s", code, errs)
	}
	if code, out, errs := runBin(t, "", "restore", "--force", "--db", dst, file); code != 0 || !strings.Contains(out, ": 60 articles") {
		t.Fatalf("restore --force: exit %d: %s%s", code, out, errs)
	}
	if code, got := checkLine(t, dst); code != 0 || got != want {
		t.Errorf("check after restore --force: exit %d, %q; want %q", code, got, want)
	}
	// Through a pipe: backup to standard output, restore from standard input.
	code, stream, errs := runBin(t, "", "backup", "--db", src, "-")
	if code != 0 || len(stream) == 0 {
		t.Fatalf("backup -: exit %d, %d bytes: %s", code, len(stream), errs)
	}
	piped := filepath.Join(root, "piped")
	if code, out, errs := runBin(t, stream, "restore", "--db", piped, "-"); code != 0 {
		t.Fatalf("restore -: exit %d: %s%s", code, out, errs)
	}
	if code, got := checkLine(t, piped); code != 0 || got != want {
		t.Errorf("check of the piped copy: exit %d, %q; want %q", code, got, want)
	}
}

// TestLockedDatabaseSaysWhatToDo runs ingest, check and backup on a
// database a running server holds: each must fail naming the server's
// process and pointing at "claimgraph ingest --server".
func TestLockedDatabaseSaysWhatToDo(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	bin, _ := binaries(t)
	srv := exec.Command(bin, "serve", "--db", dir, "--addr", "127.0.0.1:0")
	out, err := srv.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		srv.Process.Signal(syscall.SIGTERM)
		srv.Wait()
	}()
	serveAddr(t, out)
	go io.Copy(io.Discard, out)
	for _, args := range [][]string{
		{"ingest", "--db", dir, "--progress", "none", "-"},
		{"check", "--db", dir},
		{"backup", "--db", dir, filepath.Join(t.TempDir(), "b")},
	} {
		code, _, errs := runBin(t, `{"text":"Kabul said the road was shut."}`+"\n", args...)
		for _, want := range []string{
			fmt.Sprintf("held by process %d (claimgraph serve --db %s", srv.Process.Pid, dir),
			`"claimgraph ingest --server URL"`,
		} {
			if !strings.Contains(errs, want) {
				t.Errorf("%s: stderr lacks %q:\n%s", args[0], want, errs)
			}
		}
		if code != 1 || strings.Count(strings.TrimSpace(errs), "\n") != 0 || strings.Contains(errs, "claimgraph error") {
			t.Errorf("%s: exit %d, stderr %q; want exit 1 and one line", args[0], code, errs)
		}
	}
}
