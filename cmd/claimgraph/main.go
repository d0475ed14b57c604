// Command claimgraph turns news articles into a graph of who said what about
// whom, keeps it in an embedded Badger database and serves it over GraphQL.
//
// Usage:
//
//	claimgraph extract [--format json] FILE
//	claimgraph ingest [--db DIR | --store dgraph://HOST:PORT] [--workers N] [--progress MODE] PATH...
//	claimgraph serve [--db DIR | --store dgraph://HOST:PORT] [--addr HOST:PORT] [--demo]
//	claimgraph eval [flags] DIR...
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
)

const usage = `claimgraph: who said what about whom, from the news

Usage:
  claimgraph extract [--format json] FILE   print what one article says, as JSON
  claimgraph ingest [--db DIR] PATH...      extract articles and store them
  claimgraph serve [--db DIR] [--addr A]    serve the GraphQL API and playground
  claimgraph eval [flags] DIR...            score extraction against gold or PolNeAR folders

Run "claimgraph COMMAND -h" for a command's flags.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

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
