package store

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/klauspost/compress/s2"
)

// sortOp is what one write to a sorter does to its key.
type sortOp byte

const (
	// opSet sets the key to the value.
	opSet sortOp = iota
	// opDel removes the key.
	opDel
	// opAdd adds the value, an 8-byte big-endian counter delta (see
	// encodeCount), to the key's counter.
	opAdd
)

// sorter collects the writes of a bulk load (Loader) and yields them
// sorted by key, one combined write per key, for Badger's StreamWriter.
// It keeps its writes in memory, in blocks, until maybeSpill finds limit
// bytes there; it then spills them in the background, sorted and
// combined, to a run (S2-compressed, as claims are text) while the next
// writes fill other blocks, so about twice limit is in memory. A run is
// one file per key range (partition), so that merge can read the ranges
// at once, each in one pass over its files. Writes to one key combine in
// the order they were made: a set or delete replaces what came before, an
// add adds to it.
type sorter struct {
	dir   string
	limit int
	mem   *sortBuf
	runs  []string
	// spilling is the spill running in the background, if any: it
	// delivers its error and then closes.
	spilling chan error
	// parts is the number of partitions; bounds, fixed by the first
	// spill (or finish), are the keys that start partitions 1 to parts-1:
	// each run is one file per partition.
	parts  int
	bounds [][]byte
	// total counts the bytes of keys and values written (add, absorb).
	total int64
	// free holds the blocks of spilled buffers, for the next ones.
	freeMu sync.Mutex
	free   [][]byte
}

// sortBuf is a batch of buffered writes: keys and values back to back in
// blocks of sortBlock bytes (or one of its own, for a larger write).
type sortBuf struct {
	blocks [][]byte
	ents   []sortEnt
	size   int
}

// sortBlock is the size of a sortBuf block.
const sortBlock = 1 << 20

// sortEnt is one buffered write: the key at blocks[blk][off:off+klen],
// the value after it.
type sortEnt struct {
	// p0 and p1 are the key's first 16 bytes, big-endian, zero-padded:
	// most comparisons end there, without reading the blocks.
	p0, p1     uint64
	blk, off   uint32
	klen, vlen uint32
	op         sortOp
}

// keyPrefix returns the first 16 bytes of k as two big-endian numbers,
// zero-padded.
func keyPrefix(k []byte) (uint64, uint64) {
	var b [16]byte
	copy(b[:], k)
	return binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:])
}

// sortParts is the number of key ranges a sorter's runs are cut into, so
// that they can be merged in parallel.
const sortParts = 4

func newSorter(dir string, limit int) *sorter {
	return &sorter{dir: dir, limit: limit, parts: sortParts, mem: &sortBuf{}}
}

// add buffers one write.
func (s *sorter) add(op sortOp, k, v []byte) error {
	s.total += int64(len(k) + len(v))
	return s.addTo(s.mem, op, k, v)
}

// absorb moves the writes of b, buffered with addTo, to the end of the
// buffer.
func (s *sorter) absorb(b *sortBuf) {
	base := uint32(len(s.mem.blocks))
	s.mem.blocks = append(s.mem.blocks, b.blocks...)
	s.mem.ents = slices.Grow(s.mem.ents, len(b.ents))
	for _, e := range b.ents {
		e.blk += base
		s.mem.ents = append(s.mem.ents, e)
	}
	s.mem.size += b.size
	s.total += int64(b.size)
	*b = sortBuf{}
}

// addTo buffers one write in b, a buffer of its own (absorb) or s.mem;
// safe for concurrent use with distinct buffers.
func (s *sorter) addTo(b *sortBuf, op sortOp, k, v []byte) error {
	n := len(k) + len(v)
	last := len(b.blocks) - 1
	if last < 0 || len(b.blocks[last])+n > cap(b.blocks[last]) {
		b.blocks = append(b.blocks, s.block(n))
		last++
	}
	blk := b.blocks[last]
	p0, p1 := keyPrefix(k)
	b.ents = append(b.ents, sortEnt{p0: p0, p1: p1, blk: uint32(last), off: uint32(len(blk)), klen: uint32(len(k)), vlen: uint32(len(v)), op: op})
	b.blocks[last] = append(append(blk, k...), v...)
	b.size += n
	return nil
}

func (b *sortBuf) key(e sortEnt) []byte { return b.blocks[e.blk][e.off : e.off+e.klen] }
func (b *sortBuf) val(e sortEnt) []byte {
	o := e.off + e.klen
	return b.blocks[e.blk][o : o+e.vlen]
}

// sorted sorts the buffer by key; writes to one key keep their order.
func (b *sortBuf) sorted() { b.sortEnts(b.ents) }

// sortEnts sorts ents, entries of b, by key and then by the order they
// were written in. It is an introsort (quicksort, with heapsort past a
// depth limit and insertion sort for short ranges) written for sortEnt, as
// slices.SortFunc's calls of a comparison function cost a tenth of a
// load's CPU time.
func (b *sortBuf) sortEnts(ents []sortEnt) {
	depth := 2 * bits.Len(uint(len(ents)))
	b.quickSort(ents, depth)
}

// less orders entries by key, then by where they were written.
func (b *sortBuf) less(x, y *sortEnt) bool {
	if x.p0 != y.p0 {
		return x.p0 < y.p0
	}
	if x.p1 != y.p1 {
		return x.p1 < y.p1
	}
	// the first 16 bytes are equal (with zero padding): compare the rest
	kx, ky := b.key(*x), b.key(*y)
	if len(kx) >= 16 && len(ky) >= 16 {
		kx, ky = kx[16:], ky[16:]
	}
	if c := bytes.Compare(kx, ky); c != 0 {
		return c < 0
	}
	if x.blk != y.blk {
		return x.blk < y.blk
	}
	return x.off < y.off
}

func (b *sortBuf) quickSort(a []sortEnt, depth int) {
	for len(a) > 16 {
		if depth == 0 {
			b.heapSort(a)
			return
		}
		depth--
		// median of three to a[0], then a Hoare partition around it
		m, n := len(a)/2, len(a)-1
		if b.less(&a[m], &a[0]) {
			a[m], a[0] = a[0], a[m]
		}
		if b.less(&a[n], &a[m]) {
			a[n], a[m] = a[m], a[n]
			if b.less(&a[m], &a[0]) {
				a[m], a[0] = a[0], a[m]
			}
		}
		a[0], a[m] = a[m], a[0]
		pivot := a[0]
		i, j := 1, n
		for {
			for i <= j && b.less(&a[i], &pivot) {
				i++
			}
			for i <= j && b.less(&pivot, &a[j]) {
				j--
			}
			if i >= j {
				break
			}
			a[i], a[j] = a[j], a[i]
			i++
			j--
		}
		a[0], a[j] = a[j], a[0]
		// recurse into the smaller side, loop on the larger
		if j < len(a)-j {
			b.quickSort(a[:j], depth)
			a = a[j+1:]
		} else {
			b.quickSort(a[j+1:], depth)
			a = a[:j]
		}
	}
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && b.less(&a[j], &a[j-1]); j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func (b *sortBuf) heapSort(a []sortEnt) {
	down := func(i, n int) {
		for {
			c := 2*i + 1
			if c >= n {
				return
			}
			if c+1 < n && b.less(&a[c], &a[c+1]) {
				c++
			}
			if !b.less(&a[i], &a[c]) {
				return
			}
			a[i], a[c] = a[c], a[i]
			i = c
		}
	}
	for i := len(a)/2 - 1; i >= 0; i-- {
		down(i, len(a))
	}
	for n := len(a) - 1; n > 0; n-- {
		a[0], a[n] = a[n], a[0]
		down(0, n)
	}
}

// maybeSpill spills the buffer when it holds limit bytes or more.
func (s *sorter) maybeSpill() error {
	if s.mem.size < s.limit {
		return nil
	}
	return s.spill()
}

// block returns an empty block for a write of n bytes: a spilled
// buffer's, or a new one.
func (s *sorter) block(n int) []byte {
	if n <= sortBlock {
		s.freeMu.Lock()
		defer s.freeMu.Unlock()
		if k := len(s.free); k > 0 {
			b := s.free[k-1]
			s.free = s.free[:k-1]
			return b[:0]
		}
	}
	return make([]byte, 0, max(sortBlock, n))
}

// release keeps the blocks of a written buffer for reuse, up to a full
// buffer's worth.
func (s *sorter) release(b *sortBuf) {
	s.freeMu.Lock()
	defer s.freeMu.Unlock()
	for _, blk := range b.blocks {
		if cap(blk) == sortBlock && len(s.free)*sortBlock < s.limit+sortBlock {
			s.free = append(s.free, blk)
		}
	}
	b.blocks = nil
}

// sortMark is a point in the writes of a sorter's buffer (mark).
type sortMark struct{ blocks, last, ents, size int }

// mark returns the current end of the buffer, for rewind.
func (s *sorter) mark() sortMark {
	b := s.mem
	m := sortMark{blocks: len(b.blocks), ents: len(b.ents), size: b.size}
	if m.blocks > 0 {
		m.last = len(b.blocks[m.blocks-1])
	}
	return m
}

// rewind drops the writes made since mark m, with no spill in between.
func (s *sorter) rewind(m sortMark) {
	b := s.mem
	clear(b.blocks[m.blocks:])
	b.blocks = b.blocks[:m.blocks]
	if m.blocks > 0 {
		b.blocks[m.blocks-1] = b.blocks[m.blocks-1][:m.last]
	}
	b.ents, b.size = b.ents[:m.ents], m.size
}

// spill hands the buffer to a background goroutine that writes it,
// sorted and combined, to a new run; it first waits for the previous
// spill and returns its error.
func (s *sorter) spill() error {
	if err := s.wait(); err != nil {
		return err
	}
	b := s.mem
	// the next buffer will hold about as many entries: allocated once,
	// they are not copied as the slice grows
	s.mem = &sortBuf{ents: make([]sortEnt, 0, len(b.ents)+len(b.ents)/8)}
	path := filepath.Join(s.dir, fmt.Sprintf("run-%06d", len(s.runs)))
	s.runs = append(s.runs, path)
	done := make(chan error, 1)
	s.spilling = done
	go func() {
		b.sorted()
		if s.bounds == nil {
			s.bounds = b.quantiles(s.parts)
		}
		err := writeRun(path, s.bounds, &memRun{b: b, end: len(b.ents)})
		s.release(b)
		done <- err
		close(done)
	}()
	return nil
}

// wait waits for the background spill, if any, and returns its error.
func (s *sorter) wait() error {
	if s.spilling == nil {
		return nil
	}
	err := <-s.spilling
	s.spilling = nil
	return err
}

// quantiles returns the keys that cut the sorted buffer into n parts of
// about the same size in bytes (fewer when keys repeat).
func (b *sortBuf) quantiles(n int) [][]byte {
	var out [][]byte
	total, sum := 0, 0
	for _, e := range b.ents {
		total += int(e.klen + e.vlen)
	}
	for _, e := range b.ents {
		if len(out) < n-1 && sum >= total*(len(out)+1)/n {
			k := b.key(e)
			if len(out) == 0 || bytes.Compare(k, out[len(out)-1]) > 0 {
				out = append(out, bytes.Clone(k))
			}
		}
		sum += int(e.klen + e.vlen)
	}
	return out
}

// partOf returns the partition of key k: the number of bounds at or
// below it.
func partOf(bounds [][]byte, k []byte) int {
	p := 0
	for p < len(bounds) && bytes.Compare(k, bounds[p]) >= 0 {
		p++
	}
	return p
}

// partPath is the file of partition p of the run at path.
func partPath(path string, p int) string { return fmt.Sprintf("%s.p%d", path, p) }

// writeRun writes the writes of src, in key order, to the files of a run
// at path, one per key range (bounds).
func writeRun(path string, bounds [][]byte, src run) error {
	w := &runWriter{path: path, bounds: bounds, part: -1}
	for {
		op, k, v, ok, err := src.next()
		if err != nil {
			w.close()
			return err
		}
		if !ok {
			break
		}
		if err := w.write(op, k, v); err != nil {
			w.close()
			return err
		}
	}
	return w.close()
}

// runWriter writes records in key order to the partition files of a run.
type runWriter struct {
	path   string
	bounds [][]byte
	part   int
	f      *os.File
	zw     *s2.Writer
	w      *bufio.Writer
}

func (r *runWriter) write(op sortOp, k, v []byte) error {
	if r.part < 0 || (r.part < len(r.bounds) && bytes.Compare(k, r.bounds[r.part]) >= 0) {
		if err := r.close(); err != nil {
			return err
		}
		r.part = partOf(r.bounds, k)
		f, err := os.Create(partPath(r.path, r.part))
		if err != nil {
			return fmt.Errorf("bulk load: create sort run: %w", err)
		}
		r.f, r.zw = f, s2.NewWriter(f, runBlock...)
		r.w = bufio.NewWriterSize(r.zw, 256<<10)
	}
	writeRecord(r.w, op, k, v)
	return nil
}

// close ends the current partition file.
func (r *runWriter) close() error {
	if r.f == nil {
		return nil
	}
	f := r.f
	r.f = nil
	err := r.w.Flush()
	if err == nil {
		err = r.zw.Close()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("bulk load: write sort run: %w", err)
	}
	return nil
}

// runBlockSize is the S2 block size of run files: the merge holds about
// two blocks per run in memory.
const runBlockSize = 128 << 10

// runBlock are the options of a run file's S2 writer.
var runBlock = []s2.WriterOption{s2.WriterBlockSize(runBlockSize), s2.WriterConcurrency(1)}

// writeRecord writes one run record: op, key length, key, value length,
// value (bufio.Writer keeps the first error for Flush).
func writeRecord(w *bufio.Writer, op sortOp, k, v []byte) {
	var tmp [2 * binary.MaxVarintLen64]byte
	w.WriteByte(byte(op))
	n := binary.PutUvarint(tmp[:], uint64(len(k)))
	w.Write(tmp[:n])
	w.Write(k)
	m := binary.PutUvarint(tmp[:], uint64(len(v)))
	w.Write(tmp[:m])
	w.Write(v)
}

// run is a source of writes sorted by key, writes to one key in order.
type run interface {
	// next returns the next write; ok is false at the end. k and v are
	// valid until the following call.
	next() (op sortOp, k, v []byte, ok bool, err error)
}

// memRun reads a sorted buffer, from entry i to end, folding the writes
// to one key into one, as the run files hold them.
type memRun struct {
	b      *sortBuf
	i, end int
	v      []byte
}

func (m *memRun) next() (sortOp, []byte, []byte, bool, error) {
	if m.i >= m.end {
		return 0, nil, nil, false, nil
	}
	b := m.b
	e := &b.ents[m.i]
	m.i++
	op, k, v := e.op, b.key(*e), b.val(*e)
	for folded := false; m.i < m.end; m.i++ {
		f := &b.ents[m.i]
		if f.p0 != e.p0 || f.p1 != e.p1 || f.klen != e.klen || !bytes.Equal(b.key(*f), k) {
			break
		}
		if !folded {
			m.v, folded = append(m.v[:0], v...), true
		}
		op, m.v = fold(op, m.v, f.op, b.val(*f))
		v = m.v
	}
	return op, k, v, true, nil
}

// fileRun reads a run file.
type fileRun struct {
	f    *os.File
	r    *bufio.Reader
	k, v []byte
}

// openRun opens a run file; nil when there is none (an empty partition).
func openRun(path string) (*fileRun, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("bulk load: open sort run: %w", err)
	}
	return &fileRun{f: f, r: bufio.NewReaderSize(s2.NewReader(f, s2.ReaderMaxBlockSize(runBlockSize)), 32<<10)}, nil
}

func (r *fileRun) next() (sortOp, []byte, []byte, bool, error) {
	op, err := r.r.ReadByte()
	if errors.Is(err, io.EOF) {
		return 0, nil, nil, false, nil
	} else if err != nil {
		return 0, nil, nil, false, r.fail(err)
	}
	if r.k, err = readChunk(r.r, r.k); err != nil {
		return 0, nil, nil, false, r.fail(err)
	}
	if r.v, err = readChunk(r.r, r.v); err != nil {
		return 0, nil, nil, false, r.fail(err)
	}
	return sortOp(op), r.k, r.v, true, nil
}

func (r *fileRun) fail(err error) error {
	return fmt.Errorf("bulk load: read sort run %s: %w", r.f.Name(), err)
}

func readChunk(r *bufio.Reader, b []byte) ([]byte, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	b = slices.Grow(b[:0], int(n))[:n]
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, err
	}
	return b, nil
}

// fold applies write (op, v) after write (aop, av) to the same key.
func fold(aop sortOp, av []byte, op sortOp, v []byte) (sortOp, []byte) {
	if op != opAdd {
		return op, append(av[:0], v...)
	}
	if aop == opDel {
		return opSet, append(av[:0], v...)
	}
	// an add after a set stays a set; after an add, the deltas add up
	return aop, encodeCountInto(av[:0], decodeCount(av)+decodeCount(v))
}

// encodeCountInto appends n as encodeCount would.
func encodeCountInto(b []byte, n int64) []byte {
	return binary.BigEndian.AppendUint64(b, uint64(n))
}

// finish ends the writes: it waits for the last spill, fixes the
// partitions (bounds) if no spill did, and sorts the buffer, its
// partitions on all CPUs at once; work, if not nil, runs beside the sort
// once the partitions are fixed. Then merge reads each partition, in any
// order or at once.
func (s *sorter) finish(work func() error) error {
	if err := s.wait(); err != nil {
		return err
	}
	s.freeMu.Lock()
	s.free = nil // no more writes
	s.freeMu.Unlock()
	if s.bounds == nil {
		s.mem.sorted()
		s.bounds = s.mem.quantiles(s.parts)
		if work != nil {
			return work()
		}
		return nil
	}
	// group the buffer by partition, in place of the one buffer
	b := s.mem
	starts := make([]int, len(s.bounds)+2)
	part := make([]uint8, len(b.ents))
	for i := range b.ents {
		p := partOf(s.bounds, b.key(b.ents[i]))
		part[i] = uint8(p)
		starts[p+1]++
	}
	for p := 1; p < len(starts); p++ {
		starts[p] += starts[p-1]
	}
	grouped := make([]sortEnt, len(b.ents))
	next := slices.Clone(starts)
	for i, e := range b.ents {
		grouped[next[part[i]]] = e
		next[part[i]]++
	}
	b.ents = grouped
	tasks := make(chan func() error, len(starts))
	if work != nil {
		tasks <- work
	}
	for p := range len(starts) - 1 {
		tasks <- func() error { b.sortEnts(grouped[starts[p]:starts[p+1]]); return nil }
	}
	close(tasks)
	workers := runtime.GOMAXPROCS(0)
	errs := make(chan error, workers)
	for range workers {
		go func() {
			var err error
			for t := range tasks {
				if e := t(); e != nil && err == nil {
					err = e
				}
			}
			errs <- err
		}()
	}
	var err error
	for range workers {
		if e := <-errs; e != nil && err == nil {
			err = e
		}
	}
	return err
}

// addRun adds a run written by writeRun with s's bounds as the oldest
// (its writes come before all others); after finish.
func (s *sorter) addRun(path string) { s.runs = append([]string{path}, s.runs...) }

// partitions returns the number of partitions merge reads; after finish.
func (s *sorter) partitions() int { return len(s.bounds) + 1 }

// merge calls fn with every key of partition p written, in key order, and
// its final value: deletes are left out, adds become sets of the sum (left
// out when it is zero, as the store keeps no zero counter). Partitions
// hold consecutive key ranges, p = 0 the first; merges of different
// partitions may run at once. After finish.
func (s *sorter) merge(p int, fn func(k, v []byte) error) error {
	srcs := []run{}
	var files []*fileRun
	defer func() {
		for _, f := range files {
			f.f.Close()
		}
	}()
	for _, path := range s.runs {
		r, err := openRun(partPath(path, p))
		if err != nil {
			return err
		}
		if r != nil {
			files = append(files, r)
			srcs = append(srcs, r)
		}
	}
	// the newest writes: the buffer's entries in the partition's range
	ents := s.mem.ents
	lo, hi := 0, len(ents)
	if p > 0 {
		lo = sort.Search(len(ents), func(i int) bool { return bytes.Compare(s.mem.key(ents[i]), s.bounds[p-1]) >= 0 })
	}
	if p < len(s.bounds) {
		hi = sort.Search(len(ents), func(i int) bool { return bytes.Compare(s.mem.key(ents[i]), s.bounds[p]) >= 0 })
	}
	srcs = append(srcs, &memRun{b: s.mem, i: lo, end: hi})
	var h runHeap
	for i, src := range srcs {
		it := &runIter{src: src, order: i}
		if it.advance() {
			h = append(h, it)
		} else if it.err != nil {
			return it.err
		}
	}
	h.init()
	var key, val []byte
	var op sortOp
	have := false
	emit := func() error {
		if !have {
			return nil
		}
		if op == opAdd {
			if decodeCount(val) == 0 {
				return nil
			}
		} else if op == opDel {
			return nil
		}
		return fn(key, val)
	}
	for len(h) > 0 {
		it := h[0]
		if have && bytes.Equal(it.k, key) {
			op, val = fold(op, val, it.op, it.v)
		} else {
			if err := emit(); err != nil {
				return err
			}
			op, key, val, have = it.op, append(key[:0], it.k...), append(val[:0], it.v...), true
		}
		if it.advance() {
			h.down(0)
		} else {
			if it.err != nil {
				return it.err
			}
			h = h.pop()
		}
	}
	return emit()
}

// removeRuns deletes the run files, once a background spill is done.
func (s *sorter) removeRuns() error {
	errs := []error{s.wait()}
	for _, path := range s.runs {
		for p := range s.parts {
			if err := os.Remove(partPath(path, p)); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	s.runs = nil
	return errors.Join(errs...)
}

// runIter is one run in the merge, at its current write.
type runIter struct {
	src   run
	order int // runs made later have larger order; their writes come after
	op    sortOp
	k, v  []byte
	err   error
}

func (r *runIter) advance() bool {
	op, k, v, ok, err := r.src.next()
	if !ok {
		r.err = err
		return false
	}
	r.op, r.k, r.v = op, k, v
	return true
}

// runHeap is a min-heap of runs by their current key, then by age.
type runHeap []*runIter

func (h runHeap) less(i, j int) bool {
	if c := bytes.Compare(h[i].k, h[j].k); c != 0 {
		return c < 0
	}
	return h[i].order < h[j].order
}

func (h runHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

// down moves run i down to its place.
func (h runHeap) down(i int) {
	for {
		c := 2*i + 1
		if c >= len(h) {
			return
		}
		if c+1 < len(h) && h.less(c+1, c) {
			c++
		}
		if !h.less(c, i) {
			return
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}

// pop removes the first run.
func (h runHeap) pop() runHeap {
	n := len(h) - 1
	h[0] = h[n]
	h = h[:n]
	h.down(0)
	return h
}
