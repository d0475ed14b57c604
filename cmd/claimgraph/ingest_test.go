package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
)

const inputData = "internal/input/testdata"

// ingestCmd runs "claimgraph ingest" with args and returns its exit code,
// standard output and standard error.
func ingestCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), append([]string{"ingest"}, args...), strings.NewReader(stdin), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// counts opens the store in dir and returns its numbers of articles and
// claims.
func counts(t *testing.T, dir string) (articles, claims int) {
	t.Helper()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	al, err := db.FindArticles(ctx, graph.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	cl, err := db.FindClaims(ctx, graph.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return al.TotalCount, cl.TotalCount
}

// summary pulls the counts out of the summary line.
func summary(t *testing.T, out string) (articles, created, present, failed, claims int) {
	t.Helper()
	m := regexp.MustCompile(`ingested (\d+) articles: (\d+) new, (\d+) already present, (\d+) failed; (\d+) claims, \d+ new actors; \S+, \d+ articles/s, [\d.]+ MB/s`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no summary line in output:\n%s", out)
	}
	var n [5]int
	for i := range n {
		fmt.Sscan(m[i+1], &n[i])
	}
	return n[0], n[1], n[2], n[3], n[4]
}

// newActors pulls the number of new actors out of the summary line.
func newActors(t *testing.T, out string) int {
	t.Helper()
	m := regexp.MustCompile(`; \d+ claims, (\d+) new actors; `).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no summary line in output:\n%s", out)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// storedActors opens the store in dir and returns its number of actors.
func storedActors(t *testing.T, dir string) int {
	t.Helper()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	l, err := db.FindActors(context.Background(), graph.ActorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return l.TotalCount
}

// goodCorpus writes a folder of well-formed inputs of every kind and returns
// it with the number of articles in it.
func goodCorpus(t *testing.T) (string, int) {
	t.Helper()
	dir := t.TempDir()
	copyFile := func(name, to string, zip bool) {
		data, err := os.ReadFile(filepath.Join(inputData, name))
		if err != nil {
			t.Fatal(err)
		}
		if zip {
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			zw.Write(data)
			zw.Close()
			data = b.Bytes()
		}
		p := filepath.Join(dir, to)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile("article.txt", "a/article.txt", false)
	copyFile("article.md", "a/article.md.gz", true)
	copyFile("page.html", "b/page.html", false)
	copyFile("feed.rss", "b/feed.rss", false)     // 2 articles
	copyFile("feed.atom", "c/feed.atom.gz", true) // 2 articles
	var jl strings.Builder
	for i := range 20 {
		fmt.Fprintf(&jl, `{"text": "Harbour master Edda Krall said on day %d that the Velsan port would stay open.\nThe Ostrava council accused the port authority of ignoring safety rules, according to councillor Jan Mirek.", "title": "Port day %d", "publisher": "Velsa Tribune"}`+"\n", i, i)
	}
	if err := os.WriteFile(filepath.Join(dir, "c", "more.jsonl"), []byte(jl.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, 1 + 1 + 1 + 2 + 2 + 20
}

func TestIngest_OK(t *testing.T) {
	corpus, n := goodCorpus(t)
	db := filepath.Join(t.TempDir(), "db")

	code, out, errs := ingestCmd(t, "", "--db", db, "--workers", "3", "--progress", "none", corpus)
	if code != 0 {
		t.Fatalf("exit code %d, want 0; stderr:\n%s", code, errs)
	}
	if errs != "" {
		t.Errorf("unexpected stderr:\n%s", errs)
	}
	articles, created, present, failed, claims := summary(t, out)
	if articles != n || created != n || present != 0 || failed != 0 {
		t.Errorf("summary: got %d articles, %d new, %d present, %d failed; want %d, %d, 0, 0", articles, created, present, failed, n, n)
	}
	stored, storedClaims := counts(t, db)
	if stored != n {
		t.Errorf("store holds %d articles, want %d", stored, n)
	}
	if storedClaims != claims || claims == 0 {
		t.Errorf("store holds %d claims, summary says %d; want equal and non-zero", storedClaims, claims)
	}
	if got, want := newActors(t, out), storedActors(t, db); got != want || got == 0 {
		t.Errorf("summary says %d new actors, the new store holds %d; want equal and non-zero", got, want)
	}

	t.Run("Idempotent", func(t *testing.T) {
		code, out, errs := ingestCmd(t, "", "--db", db, "--workers", "2", "--progress", "none", corpus)
		if code != 0 {
			t.Fatalf("exit code %d, want 0; stderr:\n%s", code, errs)
		}
		articles, created, present, failed, claims := summary(t, out)
		if articles != n || created != 0 || present != n || failed != 0 || claims != 0 {
			t.Errorf("second run: got %d articles, %d new, %d present, %d failed, %d claims; want %d, 0, %d, 0, 0", articles, created, present, failed, claims, n, n)
		}
		if got := newActors(t, out); got != 0 {
			t.Errorf("second run: %d new actors, want 0", got)
		}
		if a, c := counts(t, db); a != stored || c != storedClaims {
			t.Errorf("second run changed the store: %d articles %d claims, want %d and %d", a, c, stored, storedClaims)
		}
	})
}

func TestIngest_Mixed(t *testing.T) {
	corpus, n := goodCorpus(t)
	db := filepath.Join(t.TempDir(), "db")
	bad := t.TempDir()
	binary := filepath.Join(bad, "image.txt")
	os.WriteFile(binary, []byte("\x89PNG\r\n\x1a\n\x00\x00"), 0o644)
	missing := filepath.Join(bad, "missing.md")

	code, out, errs := ingestCmd(t, "", "--db", db, "--workers", "2", "--progress", "none",
		corpus, filepath.Join(inputData, "articles.jsonl"), filepath.Join(inputData, "broken.rss"), binary, missing)
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	// articles.jsonl has 3 good lines and 3 bad ones.
	wantErrs := []string{
		inputData + "/articles.jsonl:4: malformed JSON",
		inputData + "/articles.jsonl:5: article has no \"text\" field",
		inputData + "/articles.jsonl:6: line is a JSON array, not an object",
		inputData + "/broken.rss: cannot read feed",
		binary + ": article looks binary",
		missing + ": no such file or directory",
		"claimgraph ingest: 6 of " + fmt.Sprint(n+3+6) + " articles failed",
	}
	for _, w := range wantErrs {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}
	articles, created, present, failed, _ := summary(t, out)
	if articles != n+3+6 || created != n+3 || present != 0 || failed != 6 {
		t.Errorf("summary: got %d articles, %d new, %d present, %d failed; want %d, %d, 0, 6", articles, created, present, failed, n+9, n+3)
	}
	if stored, _ := counts(t, db); stored != n+3 {
		t.Errorf("store holds %d articles, want the %d good ones", stored, n+3)
	}
}

func TestIngest_Stdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	in := `{"text": "Minister Keld Aronsen told the Nordvik Press Agency that talks would resume next week."}
{"text": "The Halvard Fishermen's Union accused the coast guard of seizing nets, according to union secretary Bo Lindqvar."}
`
	code, out, errs := ingestCmd(t, in, "--db", db, "--progress", "none", "-")
	if code != 0 {
		t.Fatalf("exit code %d, want 0; stderr:\n%s", code, errs)
	}
	if articles, created, _, _, _ := summary(t, out); articles != 2 || created != 2 {
		t.Errorf("got %d articles, %d new; want 2 and 2", articles, created)
	}
}

func TestIngest_Duplicates(t *testing.T) {
	// The same text twice in one run is stored once.
	db := filepath.Join(t.TempDir(), "db")
	code, out, errs := ingestCmd(t, "", "--db", db, "--workers", "4", "--progress", "none",
		filepath.Join(inputData, "article.txt"), filepath.Join(inputData, "article.txt"))
	if code != 0 {
		t.Fatalf("exit code %d, want 0; stderr:\n%s", code, errs)
	}
	if articles, created, present, _, _ := summary(t, out); articles != 2 || created != 1 || present != 1 {
		t.Errorf("got %d articles, %d new, %d present; want 2, 1, 1", articles, created, present)
	}
}

func TestIngest_Progress(t *testing.T) {
	corpus, _ := goodCorpus(t)
	defer func(d time.Duration) { progressEvery = d }(progressEvery)
	progressEvery = time.Millisecond
	for _, mode := range []string{"lines", "bar", "auto"} {
		t.Run(mode, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "db")
			code, out, errs := ingestCmd(t, "", "--db", db, "--workers", "1", "--progress", mode, corpus)
			if code != 0 {
				t.Fatalf("exit code %d, want 0; stderr:\n%s", code, errs)
			}
			summary(t, out)
			if mode != "bar" {
				// periodic lines, and the note of a new database's
				// bulk write
				for _, l := range strings.Split(strings.TrimSpace(errs), "\n") {
					if l != "" && !strings.HasPrefix(l, "ingest: ") && !strings.HasPrefix(l, "writing ") {
						t.Errorf("progress line looks wrong: %q in\n%s", l, errs)
					}
				}
			}
		})
	}
}

func TestIngest_Usage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	for name, args := range map[string][]string{
		"NoPaths":     {"--db", db},
		"BadProgress": {"--db", db, "--progress", "fancy", "x"},
		"NoWorkers":   {"--db", db, "--workers", "0", "x"},
		"BadFlag":     {"--nope"},
	} {
		if code, _, _ := ingestCmd(t, "", args...); code != 2 {
			t.Errorf("%s: exit code %d, want 2", name, code)
		}
	}
}

// TestIngest_Profiles checks that --cpuprofile and --memprofile write
// profiles go tool pprof reads (gzipped protocol buffers).
func TestIngest_Profiles(t *testing.T) {
	corpus, _ := goodCorpus(t)
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof")
	code, _, errs := ingestCmd(t, "", "--db", filepath.Join(dir, "db"), "--progress", "none", "--cpuprofile", cpu, "--memprofile", mem, corpus)
	if code != 0 {
		t.Fatalf("exit code %d, want 0; stderr:\n%s", code, errs)
	}
	for _, p := range []string{cpu, mem} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
			t.Errorf("%s: got %d bytes not starting with the gzip magic, want a profile", filepath.Base(p), len(data))
		}
	}
}

// TestIngest_BulkThenIncremental checks both ways ingest stores: a new
// database is bulk-loaded (written at the end, with a progress note), one
// that holds articles takes batches as they come, and the two together
// hold what one run over everything stores.
func TestIngest_BulkThenIncremental(t *testing.T) {
	corpus, n := goodCorpus(t)
	more := filepath.Join(inputData, "articles.jsonl") // 3 good lines, 3 bad
	db := filepath.Join(t.TempDir(), "db")
	_, out, errs := ingestCmd(t, "", "--db", db, "--workers", "2", "--progress", "lines", corpus)
	if !strings.Contains(errs, fmt.Sprintf("writing %d new articles to the database", n)) {
		t.Errorf("a new database: no note of the bulk write:\n%s", errs)
	}
	_, created, _, _, _ := summary(t, out)
	_, out2, errs2 := ingestCmd(t, "", "--db", db, "--workers", "2", "--progress", "lines", more)
	if strings.Contains(errs2, "writing") {
		t.Errorf("a database with articles was bulk-loaded:\n%s", errs2)
	}
	_, created2, _, failed2, _ := summary(t, out2)
	if created != n || created2 != 3 || failed2 != 3 {
		t.Errorf("new articles: %d then %d (%d failed), want %d then 3 (3 failed)", created, created2, failed2, n)
	}

	one := filepath.Join(t.TempDir(), "db")
	ingestCmd(t, "", "--db", one, "--workers", "1", "--progress", "none", corpus, more)
	a1, c1 := counts(t, one)
	a2, c2 := counts(t, db)
	if a1 != a2 || c1 != c2 || a1 != n+3 || storedActors(t, one) != storedActors(t, db) {
		t.Errorf("bulk then incremental: %d articles, %d claims, %d actors; one run: %d, %d, %d",
			a2, c2, storedActors(t, db), a1, c1, storedActors(t, one))
	}
}
