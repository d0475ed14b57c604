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
