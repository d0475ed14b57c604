// Command claimgraph turns news articles into a graph of who said what about
// whom, keeps it in an embedded Badger database and serves it over GraphQL.
//
// Usage:
//
//	claimgraph extract [--format json] FILE
//	claimgraph ingest [--db DIR | --store dgraph://HOST:PORT] [--workers N] [--progress MODE] PATH...
//	claimgraph serve [--db DIR | --store dgraph://HOST:PORT] [--addr HOST:PORT] [--demo]
//	claimgraph eval [flags] DIR...
//	claimgraph backup [--db DIR] FILE
//	claimgraph restore [--db DIR] [--force] FILE
//	claimgraph check [--db DIR]
//	claimgraph export [--db DIR] --format graphml|jsonl [--out FILE]
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `claimgraph: who said what about whom, from the news

Usage:
  claimgraph extract [--format json] FILE   print what one article says, as JSON
  claimgraph ingest [--db DIR] PATH...      extract articles and store them
  claimgraph serve [--db DIR] [--addr A]    serve the GraphQL API and playground
  claimgraph eval [flags] DIR...            score extraction against gold or PolNeAR folders
  claimgraph backup [--db DIR] FILE         write a backup of the database to FILE
  claimgraph restore [--db DIR] FILE        load a backup into an empty database (--force replaces)
  claimgraph check [--db DIR]               check that articles, edges and indexes hold together
  claimgraph export --format F [--db DIR]   write the graph as GraphML or JSON lines

Run "claimgraph COMMAND -h" for a command's flags.
`

func main() {
	ctx, stop := stopOnSignal(context.Background())
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// signalStop is the cause of a context cancelled by a signal.
type signalStop struct{ sig syscall.Signal }

// Error names the signal.
func (s signalStop) Error() string { return "stopped by " + signalName(s.sig) }

// signalName names the signals claimgraph stops on.
func signalName(sig syscall.Signal) string {
	switch sig {
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return sig.String()
}

// stopOnSignal returns a context cancelled, with a signalStop cause, by
// the first SIGINT or SIGTERM. After that first one the signals get their
// default handling again, so a second Ctrl-C ends the process at once
// (the store survives that: each commit is whole).
func stopOnSignal(parent context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(parent)
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGINT, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-c:
			signal.Stop(c)
			s, _ := sig.(syscall.Signal)
			cancel(signalStop{s})
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(c)
		close(done)
		cancel(nil)
	}
}

// stoppedBy returns the signal that cancelled ctx, if one did.
func stoppedBy(ctx context.Context) (syscall.Signal, bool) {
	var s signalStop
	if errors.As(context.Cause(ctx), &s) {
		return s.sig, true
	}
	return 0, false
}

// errInterrupted is returned by a command that stopped early, cleanly, on
// a signal; Message says what was kept and how to go on.
type errInterrupted struct{ Message string }

// Error returns the message, marked as an interruption.
func (e *errInterrupted) Error() string { return "interrupted: " + e.Message }

// run dispatches to a subcommand and returns the process exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "extract":
		err = runExtract(ctx, args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		cmd, ok := commands[args[0]]
		if !ok {
			fmt.Fprintf(stderr, "claimgraph: unknown command %q\n\n%s", args[0], usage)
			return 2
		}
		err = cmd(ctx, args[1:], stdin, stdout, stderr)
	}
	if sig, ok := stoppedBy(ctx); ok {
		// A command stopped by a signal exits 128+signal (130 for SIGINT,
		// 143 for SIGTERM) with one line, not a "context canceled". A
		// server that drained cleanly returns nil and exits 0.
		var intr *errInterrupted
		switch {
		case errors.As(err, &intr):
			fmt.Fprintf(stderr, "claimgraph %s: %s: %s\n", args[0], signalName(sig), intr.Message)
			return 128 + int(sig)
		case err != nil && errors.Is(err, context.Canceled):
			fmt.Fprintf(stderr, "claimgraph %s: %s: stopped\n", args[0], signalName(sig))
			return 128 + int(sig)
		}
	}
	if err != nil {
		if err == errUsage {
			return 2
		}
		fmt.Fprintf(stderr, "claimgraph %s: %s\n", args[0], describe(err))
		return 1
	}
	return 0
}

// commands holds the subcommands other than extract, registered by their
// files' init functions.
var commands = map[string]func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error{}
