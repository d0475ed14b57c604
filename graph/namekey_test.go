package graph

import (
	"testing"
	"unicode/utf8"
)

// FuzzNameKeyASCII checks that NameKey's ASCII path folds exactly as the
// general one does.
func FuzzNameKeyASCII(f *testing.F) {
	for _, s := range []string{"The Saudi Foreign Ministry's", "U.S.", "'the' 's", "the the", "  A--b  ", "O'Neill's", "", "'s", "The", "the 1990s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			if s[i] >= utf8.RuneSelf {
				return
			}
		}
		if got, want := NameKey(s), nameKeyUnicode(s); got != want {
			t.Errorf("NameKey(%q) = %q, the general fold gives %q", s, got, want)
		}
	})
}
