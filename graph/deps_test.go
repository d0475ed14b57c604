package graph_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImportPolicy enforces the layering of DESIGN.md: data flows one way,
// graph ← {extract, store, graph/generated} ← resolvers ← cmd.
func TestImportPolicy(t *testing.T) {
	const mod = "github.com/claimgraph/claimgraph"
	out, err := exec.Command("go", "list", "-e", "-f", `{{.ImportPath}} {{join .Imports " "}}`, mod+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	// For each package (by prefix), the project packages it must not import.
	forbidden := map[string][]string{
		"graph":           {"extract", "store", "resolvers", "cmd", "graph/generated"},
		"extract":         {"store", "resolvers", "cmd", "graph/generated"},
		"store":           {"extract", "resolvers", "cmd", "graph/generated"},
		"graph/generated": {"extract", "store", "resolvers", "cmd"},
		"resolvers":       {"extract", "store", "cmd"},
		"store/dgraph":    {"extract", "resolvers", "cmd", "graph/generated"},
	}
	// Third-party imports allowed per package; graph gets none.
	thirdParty := map[string][]string{
		"graph":   {},
		"extract": {"github.com/pariz/gountries", "github.com/biter777/countries", "golang.org/x/text"},
		// ristretto's z.Buffer is the type Badger's StreamWriter takes;
		// S2 (Badger's own dependency) compresses a bulk load's sort runs;
		// protowire (Badger's too) encodes the KV records the stream takes
		// the Snowball English stemmer folds the words of the search index;
		// Google's B-tree keeps the order of clusters in memory
		"store": {"github.com/dgraph-io/badger/v4", "github.com/dgraph-io/ristretto/v2/z", "github.com/klauspost/compress/s2",
			"google.golang.org/protobuf/encoding/protowire", "github.com/kljensen/snowball/english", "github.com/google/btree"},
		// the Dgraph backend: its official client and the gRPC it speaks
		"store/dgraph": {"github.com/dgraph-io/dgo/v240", "google.golang.org/grpc"},
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(strings.TrimPrefix(fields[0], mod), "/")
		seen[owner(pkg)] = true
		top := owner(pkg)
		for _, imp := range fields[1:] {
			if strings.HasPrefix(imp, mod) {
				dep := strings.TrimPrefix(strings.TrimPrefix(imp, mod), "/")
				for _, bad := range forbidden[top] {
					if dep == bad || strings.HasPrefix(dep, bad+"/") {
						t.Errorf("%s imports %s; %s may not import %s", pkg, dep, top, bad)
					}
				}
				continue
			}
			if !strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") {
				continue // standard library
			}
			allowed, limited := thirdParty[top]
			if !limited {
				continue
			}
			ok := false
			for _, a := range allowed {
				if imp == a || strings.HasPrefix(imp, a+"/") {
					ok = true
				}
			}
			if !ok {
				t.Errorf("%s imports %s; %s may import only %v outside the standard library", pkg, imp, top, allowed)
			}
		}
	}
	for _, want := range []string{"graph", "cmd"} {
		if !seen[want] {
			t.Errorf("go list did not report package %s: the policy checked nothing there", want)
		}
	}
}

// owner returns the layer a package belongs to.
func owner(pkg string) string {
	if pkg == "graph/generated" || strings.HasPrefix(pkg, "graph/generated/") {
		return "graph/generated"
	}
	if pkg == "store/dgraph" || strings.HasPrefix(pkg, "store/dgraph/") {
		// the Dgraph backend may import its client; it is still the store layer
		return "store/dgraph"
	}
	return strings.SplitN(pkg, "/", 2)[0]
}
