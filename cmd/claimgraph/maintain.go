package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
)

func init() {
	commands["backup"] = runBackup
	commands["restore"] = runRestore
	commands["check"] = runCheck
}

// openStore opens the database in dir; when another process holds it,
// the error says what to do.
func openStore(dir string, opts store.Options) (*store.DB, error) {
	db, err := store.Open(dir, opts)
	if errors.Is(err, store.ErrLocked) {
		return nil, graph.Errorf(graph.ECONFLICT, "%s; stop that process first, or, to add articles while \"claimgraph serve\" runs, send them to it with \"claimgraph ingest --server URL\"", describe(err))
	}
	return db, err
}

// openExisting opens the database in dir, refusing to create one.
func openExisting(dir string) (*store.DB, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, graph.Errorf(graph.ENOTFOUND, "no database at %s", dir)
	}
	return openStore(dir, store.Options{})
}

// maintFlags parses the flags of backup, restore and check: --db and,
// when force is non-nil, --force; it wants nargs arguments.
func maintFlags(name, usage string, args []string, stderr io.Writer, nargs int, force *bool) (dir string, rest []string, err error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	d := fs.String("db", defaultDB, "database `dir`ectory")
	if force != nil {
		fs.BoolVar(force, "force", false, "replace what the database holds (it is dropped first)")
	}
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: "+usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return "", nil, errUsage
	}
	if fs.NArg() != nargs {
		fs.Usage()
		return "", nil, errUsage
	}
	return *d, fs.Args(), nil
}

// runBackup writes a backup of the database to a file ("-": standard
// output). The file appears whole or not at all.
func runBackup(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	dir, rest, err := maintFlags("backup", "claimgraph backup [--db DIR] FILE   (FILE - writes to standard output)", args, stderr, 1, nil)
	if err != nil {
		return err
	}
	db, err := openExisting(dir)
	if err != nil {
		return err
	}
	defer db.Close()
	path := rest[0]
	if path == "-" {
		w := bufio.NewWriterSize(stdout, 1<<20)
		if err := db.Backup(ctx, w); err != nil {
			return err
		}
		return w.Flush()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".partial-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(tmp, 1<<20)
	err = db.Backup(ctx, w)
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	info, err := os.Stat(tmp.Name())
	if err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backed up %s to %s (%d bytes)\n", dir, path, info.Size())
	return nil
}

// runRestore loads a backup into a database, empty unless --force.
func runRestore(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var force bool
	dir, rest, err := maintFlags("restore", "claimgraph restore [--db DIR] [--force] FILE   (FILE - reads standard input)", args, stderr, 1, &force)
	if err != nil {
		return err
	}
	var r io.Reader = stdin
	if rest[0] != "-" {
		f, err := os.Open(rest[0])
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	// A restore writes much and reads little, as a bulk ingest does.
	db, err := openStore(dir, store.Options{BulkLoad: true})
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Restore(ctx, r, force); err != nil {
		if errors.Is(err, store.ErrRestoreNotEmpty) {
			return fmt.Errorf("%s holds data; nothing was restored: restore into a new directory, or pass --force to replace what it holds", dir)
		}
		return err
	}
	l, err := db.FindArticles(ctx, graph.ArticleFilter{Page: graph.Page{First: 1}})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored %s into %s: %d articles\n", rest[0], dir, l.TotalCount)
	return nil
}

// runCheck checks the database and lists its problems; it fails when
// there are any.
func runCheck(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	dir, _, err := maintFlags("check", "claimgraph check [--db DIR]", args, stderr, 0, nil)
	if err != nil {
		return err
	}
	db, err := openExisting(dir)
	if err != nil {
		return err
	}
	defer db.Close()
	rep, err := db.Check(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "check %s: %s\n", dir, rep)
	for _, p := range rep.Problems {
		fmt.Fprintln(stdout, "  "+p)
	}
	if rep.More > 0 {
		fmt.Fprintf(stdout, "  … and %d more\n", rep.More)
	}
	if !rep.OK() {
		return fmt.Errorf("%d problems found in %s", len(rep.Problems)+rep.More, dir)
	}
	return nil
}
