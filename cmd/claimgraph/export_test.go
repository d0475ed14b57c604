package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
)

// exportCmd runs "claimgraph export" with args and returns its exit code,
// standard output and standard error.
func exportCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), append([]string{"export"}, args...), nil, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// ingestOverlap ingests the overlap corpus (see determinism_test.go) into
// a new database through the ingest command and returns its directory.
func ingestOverlap(t *testing.T) string {
	t.Helper()
	src, n := writeOverlapCorpus(t)
	dir := filepath.Join(t.TempDir(), "db")
	if code, out, errOut := ingestCmd(t, "", "--db", dir, "--progress", "none", src); code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errOut)
	} else if _, created, _, _, _ := summary(t, out); created != n {
		t.Fatalf("ingest: %d new articles, want %d", created, n)
	}
	return dir
}

func TestExport_Usage(t *testing.T) {
	db := ingestOverlap(t)
	for _, c := range []struct {
		name string
		args []string
		code int
		// msg is a fragment of standard error.
		msg string
	}{
		{"NoFormat", []string{"--db", db}, 2, "--format is required"},
		{"UnknownFormat", []string{"--db", db, "--format", "csv"}, 2, `unknown --format "csv" (want dgraph-schema, graphml, jsonl, rdf)`},
		{"ExtraArgument", []string{"--db", db, "--format", "jsonl", "more"}, 2, `unexpected argument "more"`},
		{"UnknownFlag", []string{"--db", db, "--format", "jsonl", "--nope"}, 2, "flag provided but not defined: -nope"},
		{"NoDatabase", []string{"--db", filepath.Join(t.TempDir(), "missing"), "--format", "jsonl"}, 1, "no database at"},
		{"OutInMissingFolder", []string{"--db", db, "--format", "jsonl", "--out", filepath.Join(t.TempDir(), "no", "such", "x.jsonl")}, 1, "create output"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := exportCmd(t, c.args...)
			if code != c.code {
				t.Errorf("got exit code %d, want %d\n%s", code, c.code, errOut)
			}
			if !strings.Contains(errOut, c.msg) {
				t.Errorf("standard error does not mention %q:\n%s", c.msg, errOut)
			}
			if c.code == 2 && !strings.Contains(errOut, "usage: claimgraph export") {
				t.Errorf("no usage line:\n%s", errOut)
			}
			if out != "" {
				t.Errorf("a failed export wrote %d bytes to standard output", len(out))
			}
		})
	}
}

// TestExport_RDF checks that the rdf format writes one N-Quad line per
// fact, naming every stored claim by its ID, and that dgraph-schema writes
// the schema those predicates need. (store/dgraph's TestRDFLiveLoads loads
// such an export into a real Dgraph.)
func TestExport_RDF(t *testing.T) {
	db := ingestOverlap(t)
	code, out, errOut := exportCmd(t, "--db", db, "--format", "rdf")
	if code != 0 {
		t.Fatalf("rdf export: exit %d\n%s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	claims := 0
	for i, l := range lines {
		if !strings.HasSuffix(l, " .") || !strings.HasPrefix(l, "_:") && !strings.HasPrefix(l, "<") {
			t.Fatalf("line %d is not an N-Quad: %q", i+1, l)
		}
		if strings.Contains(l, "\"clm_") && strings.Contains(l, "cg.id") {
			claims++
		}
	}
	if claims == 0 {
		t.Errorf("no claim IDs in %d lines of RDF", len(lines))
	}
	if !strings.Contains(errOut, "claims") {
		t.Errorf("no summary on standard error: %q", errOut)
	}
	code, schema, errOut := exportCmd(t, "--db", db, "--format", "dgraph-schema")
	if code != 0 || !strings.Contains(schema, "cg.id") || !strings.Contains(schema, "@upsert") {
		t.Errorf("dgraph-schema: exit %d, %d bytes without cg.id @upsert\n%s", code, len(schema), errOut)
	}
}

// TestExport_RoundTrip exports a database as JSON lines, ingests them into
// a new database and checks that it holds the same graph (actors with
// their names, aliases, titles and affiliations, sources, claims and
// edges, as dumpGraph renders them, and the same GraphML export), for a
// database as ingested and one curated since (actors merged and an alias
// split off), whose actors no longer resolve as a fresh ingest would.
func TestExport_RoundTrip(t *testing.T) {
	for _, c := range []struct {
		name   string
		curate func(t *testing.T, db *store.DB)
		// stdout exports to standard output and ingests from standard
		// input rather than through files.
		stdout bool
	}{
		{name: "AsIngested"},
		{name: "ThroughStdio", stdout: true},
		{name: "Curated", curate: curate},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := ingestOverlap(t)
			if c.curate != nil {
				db, err := store.Open(src, store.Options{})
				if err != nil {
					t.Fatal(err)
				}
				c.curate(t, db)
				if err := db.Close(); err != nil {
					t.Fatal(err)
				}
			}
			dst := filepath.Join(t.TempDir(), "copy")
			var code int
			var out, errOut string
			if c.stdout {
				var data string
				if code, data, errOut = exportCmd(t, "--db", src, "--format", "jsonl"); code != 0 {
					t.Fatalf("export: exit %d\n%s", code, errOut)
				}
				code, out, errOut = ingestCmd(t, data, "--db", dst, "--progress", "none", "-")
			} else {
				file := filepath.Join(t.TempDir(), "graph.jsonl")
				if code, _, errOut = exportCmd(t, "--db", src, "--format", "jsonl", "--out", file); code != 0 {
					t.Fatalf("export: exit %d\n%s", code, errOut)
				}
				code, out, errOut = ingestCmd(t, "", "--db", dst, "--progress", "none", file)
			}
			if code != 0 {
				t.Fatalf("ingest of the export: exit %d\n%s%s", code, out, errOut)
			}
			want, got := dumpGraph(t, src), dumpGraph(t, dst)
			if got != want {
				t.Errorf("graph after the round trip differs:\n%s", lineDiff(want, got))
			}
			gmlSrc, gmlDst := exportGraphML(t, src), exportGraphML(t, dst)
			if gmlSrc != gmlDst {
				t.Errorf("GraphML of the copy differs from the original's:\n%s", lineDiff(gmlSrc, gmlDst))
			}
		})
	}
}

// curate merges two people of the overlap corpus and splits an alias off
// a third actor, so that the stored actors are no longer what resolving
// the articles afresh would make.
func curate(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	l, err := db.FindActors(ctx, graph.ActorFilter{Kind: graph.ActorPerson, Page: graph.Page{First: graph.MaxPage}})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Actors) < 3 {
		t.Fatalf("the overlap corpus has %d people; curate needs 3", len(l.Actors))
	}
	merged, err := db.MergeActors(ctx, []string{l.Actors[0].ID, l.Actors[1].ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range l.Actors[2:] {
		if len(a.Aliases) > 0 && a.ID != merged.ID {
			if _, _, err := db.SplitAlias(ctx, a.ID, a.Aliases[0]); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	if len(merged.Aliases) == 0 {
		t.Fatal("no actor with an alias to split")
	}
	if _, _, err := db.SplitAlias(ctx, merged.ID, merged.Aliases[0]); err != nil {
		t.Fatal(err)
	}
}

// exportGraphML exports the database in dir as GraphML and returns it.
func exportGraphML(t *testing.T, dir string) string {
	t.Helper()
	code, out, errOut := exportCmd(t, "--db", dir, "--format", "graphml")
	if code != 0 {
		t.Fatalf("export graphml: exit %d\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "exported ") {
		t.Errorf("no summary on standard error:\n%s", errOut)
	}
	return out
}

// TestExport_IngestBadLines ingests an export in which some lines were
// damaged: each damaged line is reported with its line number and the
// others are stored.
func TestExport_IngestBadLines(t *testing.T) {
	src := ingestOverlap(t)
	_, data, errOut := exportCmd(t, "--db", src, "--format", "jsonl")
	lines := strings.Split(strings.TrimSuffix(data, "\n"), "\n")
	if len(lines) < 5 {
		t.Fatalf("export has %d lines:\n%s", len(lines), errOut)
	}
	lines[1] = lines[1][:len(lines[1])/2]                                      // cut short
	lines[3] = strings.Replace(lines[3], `"kind":"says"`, `"kind":"hears"`, 1) // unknown edge kind
	file := filepath.Join(t.TempDir(), "damaged.jsonl")
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "copy")
	code, out, errOut := ingestCmd(t, "", "--db", dst, "--progress", "none", file)
	if code != 1 {
		t.Errorf("got exit code %d, want 1", code)
	}
	for _, want := range []string{file + ":2: malformed JSON", file + ":4: edge with unknown kind"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("standard error does not say %q:\n%s", want, errOut)
		}
	}
	if _, created, _, failed, _ := summary(t, out); created != len(lines)-2 || failed != 2 {
		t.Errorf("got %d new and %d failed, want %d and 2", created, failed, len(lines)-2)
	}
	if arts, _ := counts(t, dst); arts != len(lines)-2 {
		t.Errorf("database holds %d articles, want %d", arts, len(lines)-2)
	}
}

// TestExport_IngestIntoNonEmpty ingests an export into a database that
// already holds articles: its actors are resolved against the stored ones
// as any article's are, and every exported article and claim is stored.
func TestExport_IngestIntoNonEmpty(t *testing.T) {
	src := ingestOverlap(t)
	file := filepath.Join(t.TempDir(), "graph.jsonl")
	if code, _, errOut := exportCmd(t, "--db", src, "--format", "jsonl", "--out", file); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, errOut)
	}
	dst := filepath.Join(t.TempDir(), "other")
	other := `{"text": "Hillary Rodham Clinton said the vote in Ohio was close. Kabul denied that talks had failed."}` + "\n"
	if code, out, errOut := ingestCmd(t, other, "--db", dst, "--progress", "none", "-"); code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errOut)
	}
	baseArts, baseClaims := counts(t, dst)
	code, out, errOut := ingestCmd(t, "", "--db", dst, "--progress", "none", file)
	if code != 0 {
		t.Fatalf("ingest of the export: exit %d\n%s%s", code, out, errOut)
	}
	srcArts, srcClaims := counts(t, src)
	if arts, claims := counts(t, dst); arts != baseArts+srcArts || claims != baseClaims+srcClaims {
		t.Errorf("got %d articles and %d claims, want %d+%d and %d+%d", arts, claims, baseArts, srcArts, baseClaims, srcClaims)
	}
}
