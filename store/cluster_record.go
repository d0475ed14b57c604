package store

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"slices"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// Bucket records (lh/<bucket>, format 11 on) hold the entries of the
// claims filed under one bucket, concatenated in the order they joined
// it. An entry is
//
//	flags       one byte: entryJoined when the claim joined a cluster at ingest
//	claim       packed ID (appendPackedID)
//	article     packed ID
//	date        packed date key (appendPackedDate)
//	cluster     packed ID, when entryJoined
//	words       uvarint count, then 4 bytes each (word32), ascending
//	names       uvarint count, then 4 bytes each, ascending
//
// Clustering reads entries where they lie in the record (entry holds
// slices of it), so a bucket is never decoded, and files a claim by
// appending its entry. A claim that joined no cluster at ingest may have
// founded one since: that cluster's ID is graph.ClusterID of its own, so
// the entry never needs rewriting (see joinCluster).
const entryJoined = 1

// word32 is the stored form of a word hash: its high 32 bits. Two
// distinct words of the ten or so of two claims compared share it about
// once in 10^8 comparisons, which can only add a word to their overlap.
func word32(h uint64) uint32 { return uint32(h >> 32) }

// words32 maps sorted word hashes to their sorted, distinct word32 forms
// (the high bits keep the order).
func words32(ws []uint64) []uint32 {
	out := make([]uint32, 0, len(ws))
	for _, w := range ws {
		out = append(out, word32(w))
	}
	return slices.Compact(out)
}

// idHexLen is the length of the hexadecimal part of the IDs graph derives
// (a prefix such as "clm_" and 24 hex digits), which a packed ID holds
// as 12 bytes.
const idHexLen = 24

// appendPackedID appends id, whose type prefix is prefix: a 0 byte and the
// 12 bytes of its hex digits when it has the derived form, else the
// uvarint of its length plus one and its bytes.
func appendPackedID(b []byte, prefix, id string) []byte {
	if len(id) == len(prefix)+idHexLen && id[:len(prefix)] == prefix && lowerHex(id[len(prefix):]) {
		b, _ = hex.AppendDecode(append(b, 0), []byte(id[len(prefix):])) // lowerHex: no error
		return b
	}
	b = binary.AppendUvarint(b, uint64(len(id))+1)
	return append(b, id...)
}

// lowerHex reports whether s is all lower-case hex digits, the form
// hex.Encode gives (so that decoding and encoding again give s).
func lowerHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// readPackedID splits a packed ID (whole, its tag included) from the
// front of v.
func readPackedID(v []byte) (field, rest []byte, ok bool) {
	n, k := binary.Uvarint(v)
	if k <= 0 {
		return nil, nil, false
	}
	size := uint64(idHexLen / 2)
	if n > 0 {
		size = n - 1
	}
	if uint64(len(v)-k) < size {
		return nil, nil, false
	}
	end := k + int(size)
	return v[:end], v[end:], true
}

// unpackID is the ID a packed ID field holds.
func unpackID(prefix string, field []byte) string {
	n, k := binary.Uvarint(field)
	if n > 0 {
		return string(field[k:])
	}
	b := make([]byte, len(prefix), len(prefix)+idHexLen)
	copy(b, prefix)
	return string(hex.AppendEncode(b, field[k:]))
}

// comparePackedIDs orders two packed IDs of one type as their IDs.
func comparePackedIDs(prefix string, a, b []byte) int {
	if a[0] == 0 && b[0] == 0 {
		// hex digits order as the bytes they encode
		return bytes.Compare(a[1:], b[1:])
	}
	return compareStrings(unpackID(prefix, a), unpackID(prefix, b))
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// dateKeyLayout is the form of a date key (graph.Article.TimeKey), which
// a packed date holds as seconds.
const dateKeyLayout = "2006-01-02T15:04:05Z"

// Tags of a packed date.
const (
	dateNone    = 0 // "" (undated)
	dateSeconds = 1 // uvarint Unix seconds follow
	dateRaw     = 2 // uvarint length and the bytes follow
)

// appendPackedDate appends a date key: its Unix seconds when it has the
// date key form of a time since 1970, else its bytes.
func appendPackedDate(b []byte, date string) []byte {
	if date == "" {
		return append(b, dateNone)
	}
	if t, err := time.Parse(dateKeyLayout, date); err == nil && t.Unix() >= 0 && t.Format(dateKeyLayout) == date {
		return binary.AppendUvarint(append(b, dateSeconds), uint64(t.Unix()))
	}
	b = binary.AppendUvarint(append(b, dateRaw), uint64(len(date)))
	return append(b, date...)
}

// readPackedDate splits a packed date (whole) from the front of v.
func readPackedDate(v []byte) (field, rest []byte, ok bool) {
	if len(v) == 0 {
		return nil, nil, false
	}
	switch v[0] {
	case dateNone:
		return v[:1], v[1:], true
	case dateSeconds:
		_, k := binary.Uvarint(v[1:])
		if k <= 0 {
			return nil, nil, false
		}
		return v[:1+k], v[1+k:], true
	case dateRaw:
		n, k := binary.Uvarint(v[1:])
		if k <= 0 || uint64(len(v)-1-k) < n {
			return nil, nil, false
		}
		end := 1 + k + int(n)
		return v[:end], v[end:], true
	}
	return nil, nil, false
}

// unpackDate is the date key a packed date field holds.
func unpackDate(field []byte) string {
	switch field[0] {
	case dateSeconds:
		s, _ := binary.Uvarint(field[1:])
		return time.Unix(int64(s), 0).UTC().Format(dateKeyLayout)
	case dateRaw:
		_, k := binary.Uvarint(field[1:])
		return string(field[1+k:])
	}
	return ""
}

// appendEntry appends f's entry to a bucket record.
func appendEntry(b []byte, f *fingerprint) []byte {
	flags := byte(0)
	if f.cluster != "" {
		flags |= entryJoined
	}
	b = append(b, flags)
	b = append(b, f.packed...)
	if f.pdate != nil {
		b = append(b, f.pdate...)
	} else {
		b = appendPackedDate(b, f.date)
	}
	if f.cluster != "" {
		b = appendPackedID(b, graph.PrefixCluster, f.cluster)
	}
	b = appendWords(b, f.words)
	return appendWords(b, f.names)
}

// appendWords appends a word list: its length, then each word.
func appendWords(b []byte, ws []uint32) []byte {
	b = binary.AppendUvarint(b, uint64(len(ws)))
	for _, w := range ws {
		b = binary.BigEndian.AppendUint32(b, w)
	}
	return b
}

// readWords splits a word list (its words only) from the front of v.
func readWords(v []byte) (words, rest []byte, ok bool) {
	n, k := binary.Uvarint(v)
	if k <= 0 || uint64(len(v)-k)/4 < n {
		return nil, nil, false
	}
	end := k + 4*int(n)
	return v[k:end], v[end:], true
}

// entry is one claim of a bucket record, as slices of the record.
type entry struct {
	joined                        bool
	claim, article, date, cluster []byte // packed
	words, names                  []byte // 4 bytes a word
}

// nextEntry splits the first entry from a bucket record; ok=false at its
// end or at bytes that are not an entry.
func nextEntry(v []byte) (e entry, rest []byte, ok bool) {
	if len(v) == 0 {
		return e, nil, false
	}
	e.joined = v[0]&entryJoined != 0
	rest = v[1:]
	if e.claim, rest, ok = readPackedID(rest); !ok {
		return e, nil, false
	}
	if e.article, rest, ok = readPackedID(rest); !ok {
		return e, nil, false
	}
	if e.date, rest, ok = readPackedDate(rest); !ok {
		return e, nil, false
	}
	if e.joined {
		if e.cluster, rest, ok = readPackedID(rest); !ok {
			return e, nil, false
		}
	}
	if e.words, rest, ok = readWords(rest); !ok {
		return e, nil, false
	}
	if e.names, rest, ok = readWords(rest); !ok {
		return e, nil, false
	}
	return e, rest, true
}

// entryCount is the number of entries of a bucket record.
func entryCount(v []byte) int {
	n := 0
	for {
		var ok bool
		if _, v, ok = nextEntry(v); !ok {
			return n
		}
		n++
	}
}

// similar returns how many words two claims' word sets share (a, sorted;
// b, a record's word list) and whether they carry the same statement:
// see the method in cluster.go.
func similar(a []uint32, b []byte) (int, bool) {
	inter, nb := 0, len(b)/4
	for i, j := 0, 0; i < len(a) && j < nb; {
		w := binary.BigEndian.Uint32(b[4*j:])
		switch {
		case a[i] == w:
			inter++
			i++
			j++
		case a[i] < w:
			i++
		default:
			j++
		}
	}
	_, negA := slices.BinarySearch(a, negated32)
	if negA != hasWord(b, negated32) {
		return inter, false
	}
	union := len(a) + nb - inter
	if union == 0 {
		return inter, false
	}
	if float64(inter) >= clusterJaccard*float64(union) {
		return inter, true
	}
	small := min(len(a), nb)
	return inter, small >= clusterMinOverlapWords && float64(inter) >= clusterOverlap*float64(small)
}

// hasWord reports whether a record's word list b (ascending) holds w.
func hasWord(b []byte, w uint32) bool {
	lo, hi := 0, len(b)/4
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch x := binary.BigEndian.Uint32(b[4*m:]); {
		case x == w:
			return true
		case x < w:
			lo = m + 1
		default:
			hi = m
		}
	}
	return false
}

// namesApart reports whether each of two claims names someone or
// something the other does not ("satellite images of the Caleshian space
// agency" / "… of the Draoenian space agency"): one side adding a name
// ("Clinton" / "Hillary Clinton") keeps them together.
func namesApart(f *fingerprint, g *entry) bool {
	fOwn := false
	for _, n := range f.names {
		if !hasWord(g.words, n) {
			fOwn = true
			break
		}
	}
	if !fOwn {
		return false
	}
	for i := 0; i+4 <= len(g.names); i += 4 {
		if _, found := slices.BinarySearch(f.words, binary.BigEndian.Uint32(g.names[i:])); !found {
			return true
		}
	}
	return false
}
