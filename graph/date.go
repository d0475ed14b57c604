package graph

import "time"

// dateLayout is the fixed-width, sortable form of a publication time:
// UTC, to the second, so that keys made of it order as the times do.
const dateLayout = "2006-01-02T15:04:05Z"

// ParseDate reads a publication time written in RFC 3339
// ("2026-03-01T12:00:00+05:00") or as a calendar day ("2026-03-01", which
// is midnight UTC). It returns an EINVALID *Error naming what for anything
// else.
func ParseDate(what, s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Time{}, Errorf(EINVALID, "%s %q is not a date: write RFC 3339 (2026-03-01T12:00:00Z) or YYYY-MM-DD", what, s)
}

// storedLayouts are the other forms of a publication time DateKey reads
// from stored articles: RSS's RFC 1123, and a date and time without a zone
// (taken as UTC).
var storedLayouts = []string{time.RFC1123Z, time.RFC1123, "2006-01-02T15:04:05", "2006-01-02 15:04:05"}

// DateKey returns the sortable form of a publication time as given at
// ingest (RFC 3339, YYYY-MM-DD, or one of storedLayouts): UTC, to the
// second, fixed width. A time that is missing or cannot be read gives "",
// which sorts before every date.
func DateKey(publishedAt string) string {
	if publishedAt == "" {
		return ""
	}
	if t, err := ParseDate("publishedAt", publishedAt); err == nil {
		return t.Format(dateLayout)
	}
	for _, l := range storedLayouts {
		if t, err := time.Parse(l, publishedAt); err == nil {
			return t.UTC().Format(dateLayout)
		}
	}
	return ""
}

// DateRange is a half-open window of publication times: on or after After,
// strictly before Before. Either end may be "" (open).
type DateRange struct {
	After  string
	Before string
}

// Set reports whether r bounds anything.
func (r DateRange) Set() bool { return r.After != "" || r.Before != "" }

// Keys returns the bounds of r in DateKey form ("" for an open end), or
// an EINVALID *Error for a bound that is not a date.
func (r DateRange) Keys() (lo, hi string, err error) {
	if r.After != "" {
		t, err := ParseDate("publishedAfter", r.After)
		if err != nil {
			return "", "", err
		}
		lo = t.Format(dateLayout)
	}
	if r.Before != "" {
		t, err := ParseDate("publishedBefore", r.Before)
		if err != nil {
			return "", "", err
		}
		hi = t.Format(dateLayout)
	}
	return lo, hi, nil
}
