package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// devDir is the shared evaluation set, relative to this package.
var devDir = filepath.Join("..", "..", "shared", "eval", "dev")

var spaceRun = regexp.MustCompile(`\s+`)

// foldName folds a name as the reference scorer does.
func foldName(s string) string {
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`).Replace(s)
	s = strings.ToLower(strings.TrimSpace(spaceRun.ReplaceAllString(s, " ")))
	s = strings.TrimPrefix(s, "the ")
	s = strings.TrimSuffix(s, "'s")
	return strings.Trim(s, " .,;:\"'")
}

// TestDevEntityChecks runs the extractor on the shared dev articles and
// checks their gold same_actor and distinct_actors groups.
func TestDevEntityChecks(t *testing.T) {
	golds, _ := filepath.Glob(filepath.Join(devDir, "*.gold.json"))
	if len(golds) == 0 {
		t.Skipf("no gold files in %s (the shared evaluation set is not checked out next to the repository)", devDir)
	}
	for _, gp := range golds {
		t.Run(filepath.Base(gp), func(t *testing.T) {
			var gold struct {
				Article  string     `json:"article"`
				Same     [][]string `json:"same_actor"`
				Distinct [][]string `json:"distinct_actors"`
			}
			data, err := os.ReadFile(gp)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &gold); err != nil {
				t.Fatal(err)
			}
			text, err := os.ReadFile(filepath.Join(devDir, gold.Article))
			if err != nil {
				t.Fatal(err)
			}
			x := mustExtract(t, string(text))
			ids := func(name string) map[string]bool {
				out := map[string]bool{}
				w := foldName(name)
				check := func(id, n string, aliases []string) {
					for _, s := range append([]string{n}, aliases...) {
						if foldName(s) == w {
							out[id] = true
						}
					}
				}
				for _, a := range x.Actors {
					check(a.ID, a.Name, a.Aliases)
				}
				for _, s := range x.Sources {
					check(s.ID, s.Name, s.Aliases)
				}
				return out
			}
			for _, g := range gold.Same {
				common := ids(g[0])
				for _, n := range g[1:] {
					next := map[string]bool{}
					for id := range ids(n) {
						if common[id] {
							next[id] = true
						}
					}
					common = next
				}
				if len(common) == 0 {
					t.Errorf("same actor %v: got no node carrying all these names", g)
				}
			}
			for _, g := range gold.Distinct {
				sets := make([]map[string]bool, len(g))
				for i, n := range g {
					sets[i] = ids(n)
					if len(sets[i]) == 0 {
						t.Errorf("distinct actors %v: got no node named %q", g, n)
					}
				}
				for i := range sets {
					for j := i + 1; j < len(sets); j++ {
						for id := range sets[i] {
							if sets[j][id] {
								t.Errorf("distinct actors %v: %q and %q share node %s", g, g[i], g[j], id)
							}
						}
					}
				}
			}
		})
	}
}
