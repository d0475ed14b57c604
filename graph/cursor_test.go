package graph

import (
	"reflect"
	"testing"
)

func TestEdgeCursor(t *testing.T) {
	e := &Edge{Kind: EdgeAccuses, From: ActorID("Kabul"), To: ActorID("Islamabad"), Claim: "clm_1", Article: "art_1"}
	got, ok := ParseEdgeCursor(EdgeCursor(e))
	want := &Edge{Kind: e.Kind, From: e.From, To: e.To, Claim: e.Claim}
	if !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("ParseEdgeCursor(EdgeCursor(e)) = %v, %v; want %v", got, ok, want)
	}
	for _, bad := range []string{"", "clm_1", "a b c", "a b c d e"} {
		if _, ok := ParseEdgeCursor(bad); ok {
			t.Errorf("ParseEdgeCursor(%q) succeeded", bad)
		}
	}
}

// FuzzParseEdgeCursor checks that any string a client sends as a cursor
// parses without panicking, and that cursors round-trip: a parsed cursor
// renders back to itself, and an edge whose parts hold no space parses
// back from its cursor.
func FuzzParseEdgeCursor(f *testing.F) {
	f.Add(EdgeCursor(&Edge{Kind: EdgeAccuses, From: ActorID("Kabul"), To: ActorID("Islamabad"), Claim: "clm_1"}))
	f.Add(EdgeCursor(&Edge{Kind: EdgeSays, From: ActorID("Khawaja Asif"), To: "clm_2", Claim: "clm_2"}))
	f.Add("a b c")
	f.Add("   ")
	f.Fuzz(func(t *testing.T, s string) {
		e, ok := ParseEdgeCursor(s)
		if !ok {
			return
		}
		if got := EdgeCursor(e); got != s {
			t.Fatalf("EdgeCursor(ParseEdgeCursor(%q)) = %q", s, got)
		}
		back, ok := ParseEdgeCursor(EdgeCursor(e))
		if !ok || !reflect.DeepEqual(back, e) {
			t.Fatalf("round trip of %+v gave %+v, %v", e, back, ok)
		}
	})
}
