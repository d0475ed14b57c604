package graph

import "testing"

func TestDateKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026-03-01", "2026-03-01T00:00:00Z"},
		{"2026-03-01T12:30:00+05:00", "2026-03-01T07:30:00Z"},
		{"2026-03-01T12:30:00.75Z", "2026-03-01T12:30:00Z"},
		{"Sun, 01 Mar 2026 12:30:00 +0100", "2026-03-01T11:30:00Z"},
		{"2026-03-01 12:30:00", "2026-03-01T12:30:00Z"},
		{"", ""},
		{"last Tuesday", ""},
		{"2026-02-30", ""},
	}
	for _, tt := range tests {
		if got := DateKey(tt.in); got != tt.want {
			t.Errorf("DateKey(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDateRangeKeys(t *testing.T) {
	lo, hi, err := DateRange{After: "2026-03-01", Before: "2026-03-02T00:00:00+01:00"}.Keys()
	if err != nil || lo != "2026-03-01T00:00:00Z" || hi != "2026-03-01T23:00:00Z" {
		t.Errorf("got %q, %q, %v", lo, hi, err)
	}
	if _, _, err := (DateRange{Before: "Sun, 01 Mar 2026 12:30:00 +0100"}).Keys(); ErrorCode(err) != EINVALID {
		t.Errorf("an RFC 1123 bound: got %v, want EINVALID (bounds are RFC 3339 or a day)", err)
	}
}
