package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// polnearDir is the shared PolNeAR dev split, relative to this package.
var polnearDir = filepath.Join("..", "..", "shared", "eval", "polnear-dev", "text")

// TestPolnearActors extracts the PolNeAR dev articles (real news, never
// shown to the rules as fixtures) and checks the actors a researcher would
// see: fewer than 5% junk (function words, dates, numbers, fragments) and no
// actor that joins two people with different first names.
func TestPolnearActors(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(polnearDir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no articles in %s (the shared evaluation set is not checked out next to the repository)", polnearDir)
	}
	actors, junk := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		x, err := Extract(graph.Article{Text: string(data)})
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(f), err)
		}
		for _, a := range x.Actors {
			actors++
			if junkName(a.Name) {
				junk++
				t.Logf("%s: junk actor %q", filepath.Base(f), a.Name)
			}
			if a.Kind != graph.ActorPerson {
				continue
			}
			if g1, g2, ok := twoFirstNames(append([]string{a.Name}, a.Aliases...)); ok {
				t.Errorf("%s: actor %q joins two people: first names %q and %q (aliases %q)", filepath.Base(f), a.Name, g1, g2, a.Aliases)
			}
		}
	}
	pct := 100 * float64(junk) / float64(max(actors, 1))
	t.Logf("%d articles, %d actors, %d junk (%.1f%%)", len(files), actors, junk, pct)
	if pct >= 5 {
		t.Errorf("junk actors %.1f%% (%d of %d), want under 5%%", pct, junk, actors)
	}
}

// twoFirstNames returns two known given names of the names that cannot be
// one person's ("Bill Clinton", "Hillary Clinton"), if there are such.
func twoFirstNames(names []string) (string, string, bool) {
	var given []string
	for _, n := range names {
		w := strings.Fields(graph.NameKey(n))
		for len(w) > 1 && buildLexicon().sets[w[0]]&wTitle != 0 {
			w = w[1:]
		}
		p := splitName(w)
		if known := graph.KnownGivenName(p.given); p.given != "" && (known || firstNames[p.given] != 0) {
			given = append(given, p.given)
		}
	}
	for i := range given {
		for j := i + 1; j < len(given); j++ {
			if !sameGiven(given[i], given[j]) {
				return given[i], given[j], true
			}
		}
	}
	return "", "", false
}

// TestJunkName checks the junk-name rule on names and non-names.
func TestJunkName(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Although", true},
		{"In", true},
		{"past", true},
		{"Monday", true},
		{"30 exclamation", true},
		{"44 percent", true},
		{"59", true},
		{"On September 27", true},
		{"Whether Clinton", true},
		{"however", true},
		{"you're", true},
		{"including ones", true},
		{"dialing back", true},
		{"one", true},
		{"Hillary Clinton", false},
		{"Mr. King", false},
		{"10 voters", false},
		{"two officials", false},
		{"unnamed source", false},
		{"a senior official in Peshawar", false},
		{"Ministry of Defense", false},
		{"Republicans", false},
		{"the Taliban", false},
		{"Center for American Progress", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := junkName(tc.name); got != tc.want {
				t.Errorf("junkName(%q) = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
}

// TestEvalExtractionsValid extracts every article of the shared evaluation
// sets (real news) and checks that each extraction passes Validate, the
// store's own check: an accusation or a denial must join actors, never a
// document or an agency, or the article cannot be ingested.
func TestEvalExtractionsValid(t *testing.T) {
	var files []string
	for _, dir := range []string{"../../shared/eval/typed-dev", "../../shared/eval/dev", polnearDir} {
		fs, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		files = append(files, fs...)
	}
	if len(files) == 0 {
		t.Skip("the shared evaluation sets are not checked out next to the repository")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		x, err := Extract(graph.Article{Text: string(b)})
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		if err := x.Validate(); err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
		}
	}
	t.Logf("%d articles extracted and validated", len(files))
}
