package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
)

// moveChunk bounds how many claims, edges or affiliated actors one
// transaction of a merge or split moves, so that curating an actor with
// any number of claims never exceeds Badger's transaction size.
var moveChunk = 1000

// MergeActors folds the actors with the given IDs into the first one: their
// names and aliases become aliases of the survivor (and resolve to it
// through the name index), an empty title or affiliation is taken from
// them, their claims, edges and affiliated actors move over, and they are
// deleted. Each merged ID is remembered as redirecting to the survivor, so
// ingesting an article that names them resolves to it.
//
// The names, redirects and deletions are one transaction; the claims and
// edges then move in transactions of a bounded size, during which readers
// may see some of them still on the merged actors. A move interrupted by a
// crash is finished when the database is next opened. Returns the survivor
// as stored; ENOTFOUND for an unknown ID, EINVALID for fewer than two
// distinct IDs.
func (db *DB) MergeActors(ctx context.Context, ids []string) (*graph.Actor, error) {
	var uniq []string
	for _, id := range ids {
		if !slices.Contains(uniq, id) {
			uniq = append(uniq, id)
		}
	}
	if len(uniq) < 2 {
		return nil, graph.Errorf(graph.EINVALID, "merging takes at least two distinct actors")
	}
	s, err := db.mergeNames(ctx, uniq)
	if err != nil {
		return nil, err
	}
	// The merge is decided: finish it even if the caller gives up.
	ctx = context.WithoutCancel(ctx)
	for _, id := range uniq[1:] {
		if err := db.finishMerge(ctx, id); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// mergeNames is the first step of a merge, in one transaction: fold the
// others' names and fields into the survivor ids[0], delete the others and
// leave redirects to the survivor.
func (db *DB) mergeNames(ctx context.Context, ids []string) (*graph.Actor, error) {
	var out *graph.Actor
	err := db.update(ctx, "merge", func(t *tx) error {
		var s graph.Actor
		if err := t.mustNode(graph.PrefixActor, "actor", ids[0], &s); err != nil {
			return err
		}
		others := make([]*graph.Actor, 0, len(ids)-1)
		for _, id := range ids[1:] {
			o := &graph.Actor{}
			if err := t.mustNode(graph.PrefixActor, "actor", id, o); err != nil {
				return err
			}
			others = append(others, o)
		}
		old := s
		old.Aliases = slices.Clone(s.Aliases)
		for _, o := range others {
			s.Aliases = graph.MergeNames(s.Name, s.Aliases, append([]string{o.Name}, o.Aliases...))
			if s.Title == "" {
				s.Title = o.Title
			}
			if s.Affiliation == "" {
				s.Affiliation = o.Affiliation
			}
		}
		if slices.Contains(ids, s.Affiliation) {
			s.Affiliation = ""
		}
		// Split markers naming the others stay: through the redirect they
		// now name the survivor, so a name split off and merged elsewhere
		// is still not folded back into the actor it was split from.
		for _, o := range others {
			if err := t.saveActor(o, nil); err != nil {
				return err
			}
			if err := t.set(mergedKey(o.ID), []byte(s.ID)); err != nil {
				return err
			}
		}
		if err := t.saveActor(&old, &s); err != nil {
			return err
		}
		out = &s
		return nil
	})
	return out, err
}

// finishMerge moves everything still naming the merged-away actor o to the
// actor it redirects to, a chunk per transaction, until nothing is left.
func (db *DB) finishMerge(ctx context.Context, o string) error {
	for {
		moved := 0
		err := db.update(ctx, "merge", func(t *tx) error {
			s, err := t.canonical(o)
			if err != nil || s == o {
				return err
			}
			moved, err = t.moveSome(o, s, moveChunk)
			return err
		})
		if err != nil {
			return fmt.Errorf("move the claims and edges of merged actor %s: %w", o, err)
		}
		if moved == 0 {
			return nil
		}
	}
}

// moveSome re-points up to limit claims, up to limit edges and up to limit
// affiliated actors from o to survivor; it returns how many it moved.
// Edge ends that were merged away too are redirected as well.
func (t *tx) moveSome(o, survivor string, limit int) (int, error) {
	moved := 0
	// Claims first: moving says edges below rewrites the speaker index.
	p := prefixOf(pClaimSpeaker, o)
	ks, err := t.keysN(p, limit)
	if err != nil {
		return 0, err
	}
	for _, k := range ks {
		id := string(k[len(p):])
		if err := t.delSpeaker(o, id); err != nil {
			return 0, err
		}
		d, _, err := t.claimDate(id)
		if err != nil {
			return 0, err
		}
		if err := t.setSpeaker(survivor, id, d); err != nil {
			return 0, err
		}
		c := &graph.Claim{}
		if ok, err := t.getNode(id, c); err != nil {
			return 0, err
		} else if ok && c.Speaker == o {
			c.Speaker = survivor
			if err := t.putNode(id, c); err != nil {
				return 0, err
			}
		}
		moved++
	}
	edges := map[string]*graph.Edge{}
	for _, p := range [][]byte{prefixOf(pEdge, o), prefixOf(pRev, o)} {
		ks, vs, err := t.entriesN(p, limit)
		if err != nil {
			return 0, err
		}
		for i, k := range ks {
			if e, ok := edgeFromKey(k); ok {
				setEdgeValue(e, vs[i])
				edges[string(edgeKey(e))] = e
			}
		}
	}
	for _, e := range edges {
		if err := t.delEdge(e); err != nil {
			return 0, err
		}
		if e.Kind == graph.EdgeSays {
			if err := t.delSpeaker(e.From, e.Claim); err != nil {
				return 0, err
			}
		}
		oldTo := e.To
		for _, end := range []*string{&e.From, &e.To} {
			if strings.HasPrefix(*end, graph.PrefixActor) {
				c, err := t.canonical(*end)
				if err != nil {
					return 0, err
				}
				*end = c
			}
		}
		if isTargetEdge(e) && e.To != oldTo {
			if err := t.delIndex(claimTargetKey(oldTo, e.Claim)); err != nil {
				return 0, err
			}
		}
		if err := t.putEdge(e); err != nil {
			return 0, err
		}
		moved++
	}
	p = prefixOf(pAffiliation, o)
	ks, err = t.keysN(p, limit)
	if err != nil {
		return 0, err
	}
	for _, k := range ks {
		id := string(k[len(p):])
		a := &graph.Actor{}
		if ok, err := t.getNode(id, a); err != nil {
			return 0, err
		} else if !ok || a.Affiliation != o || id == survivor {
			if err := t.del(k); err != nil { // stale, or settled with the survivor
				return 0, err
			}
			moved++
			continue
		}
		n := *a
		n.Affiliation = survivor
		if err := t.saveActor(a, &n); err != nil {
			return 0, err
		}
		moved++
	}
	return moved, nil
}

// SplitAlias removes alias (compared by graph.NameKey) from the actor and
// makes it an actor of its own, of the same kind, with the ID
// graph.ActorID(alias). What the actor got from that alias moves to the
// new actor: the claims it speaks (Claim.Speaker, the speaker index and
// timeline) and their says, accuses and denies edges, and the accuses and
// denies edges that target it, with their counters and the target index.
// Which ones came from the alias is read from the articles (see
// splitMatcher): all of the actor's claims and edges in an article that
// names the alias and none of the actor's other names; elsewhere a claim
// whose speaker, as written at its speaker offsets, names the alias and
// no other name of the actor ("Former President Bill Clinton", not
// "Clinton" nor "he"), and a target edge whose claim's sentence, the
// speaker as written left out, does so. Everything else stays. A split
// marker keeps the name with the new actor when later articles are
// ingested, even as an alias of the old one.
//
// The names are split in one transaction; the claims and edges then move
// in transactions of a bounded size (finished at the next open after a
// crash). Returns the updated actor and the new one; ENOTFOUND for an
// unknown actor, EINVALID when the actor has no such alias, ECONFLICT when
// an actor with the new ID already exists.
func (db *DB) SplitAlias(ctx context.Context, actorID, alias string) (*graph.Actor, *graph.Actor, error) {
	a, n, err := db.splitNames(ctx, actorID, alias)
	if err != nil {
		return nil, nil, err
	}
	if err := db.finishSplit(context.WithoutCancel(ctx), n.ID); err != nil {
		return nil, nil, err
	}
	return a, n, nil
}

// splitNames is the first step of a split, in one transaction: take the
// alias off the actor, create the new actor, set the split marker and a
// pending-split record for finishSplit.
func (db *DB) splitNames(ctx context.Context, actorID, alias string) (a, n *graph.Actor, err error) {
	err = db.update(ctx, "split", func(t *tx) error {
		old := &graph.Actor{}
		if err := t.mustNode(graph.PrefixActor, "actor", actorID, old); err != nil {
			return err
		}
		k := graph.NameKey(alias)
		i := slices.IndexFunc(old.Aliases, func(s string) bool { return graph.NameKey(s) == k })
		if k == "" || i < 0 {
			return graph.Errorf(graph.EINVALID, "actor %q has no alias %q", actorID, alias)
		}
		name := old.Aliases[i]
		newID := graph.ActorID(name)
		if newID == actorID {
			return graph.Errorf(graph.ECONFLICT, "alias %q names the actor itself", alias)
		}
		if ok, err := t.has(nodeKey(newID)); err != nil {
			return err
		} else if ok {
			return graph.Errorf(graph.ECONFLICT, "an actor with id %q (%s) already exists", newID, name)
		}
		upd := *old
		upd.Aliases = slices.Delete(slices.Clone(old.Aliases), i, i+1)
		if len(upd.Aliases) == 0 {
			upd.Aliases = nil
		}
		a = &upd
		n = &graph.Actor{ID: newID, Name: name, Kind: old.Kind}
		if err := t.saveActor(old, a); err != nil {
			return err
		}
		if err := t.saveActor(nil, n); err != nil {
			return err
		}
		if err := t.set(splitKey(k), []byte(newID)); err != nil {
			return err
		}
		if err := t.del(mergedKey(newID)); err != nil {
			return err
		}
		return t.set(pendingSplitKey(newID), []byte(actorID+sep+k))
	})
	return a, n, err
}

// finishSplit moves the claims and edges of a pending split: those of the
// old actor that came from the split name (splitMatcher).
func (db *DB) finishSplit(ctx context.Context, newID string) error {
	var from string
	var moves []splitMove
	err := db.view(ctx, func(t *tx) error {
		v, ok, err := t.get(pendingSplitKey(newID))
		if err != nil || !ok {
			return err
		}
		var k string
		from, k, _ = strings.Cut(string(v), sep)
		moves, err = t.splitMoves(from, k)
		return err
	})
	if err != nil {
		return fmt.Errorf("find the claims of split actor %s: %w", newID, err)
	}
	if from == "" {
		return nil
	}
	for len(moves) > 0 {
		chunk := moves[:min(moveChunk, len(moves))]
		moves = moves[len(chunk):]
		err := db.update(ctx, "split", func(t *tx) error {
			for _, m := range chunk {
				if err := t.moveClaim(m, from, newID); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("move the claims of split actor %s: %w", newID, err)
		}
	}
	return db.update(ctx, "split", func(t *tx) error { return t.del(pendingSplitKey(newID)) })
}

// splitMove is what a split moves of one claim: its speaker (the claim's
// speaker, if the old actor, and its edges from the old actor), its
// targets (its accuses and denies edges to the old actor), or both.
type splitMove struct {
	claim           string
	speaker, target bool
}

// splitMoves returns what moves from actor from to the actor split off
// under the name key k, a claim at a time, in claim ID order.
func (t *tx) splitMoves(from, k string) ([]splitMove, error) {
	old := &graph.Actor{}
	if ok, err := t.getNode(from, old); err != nil {
		return nil, err
	} else if !ok {
		return nil, nil // nothing left to move from
	}
	m := newSplitMatcher(k, append([]string{old.Name}, old.Aliases...))
	byClaim := map[string]*splitMove{}
	var order []string
	note := func(id string) *splitMove {
		if mv, ok := byClaim[id]; ok {
			return mv
		}
		mv := &splitMove{claim: id}
		byClaim[id] = mv
		order = append(order, id)
		return mv
	}
	var artID, text string // the last article read
	load := func(c *graph.Claim) error {
		if c.Article == artID {
			return nil
		}
		art := &graph.Article{}
		if _, err := t.getNode(c.Article, art); err != nil {
			return err
		}
		artID, text = c.Article, art.Text
		return nil
	}
	p := prefixOf(pClaimSpeaker, from)
	ks, err := t.keys(p)
	if err != nil {
		return nil, err
	}
	for _, ck := range ks {
		id := string(ck[len(p):])
		c := &graph.Claim{}
		if ok, err := t.getNode(id, c); err != nil {
			return nil, err
		} else if !ok {
			continue
		}
		if err := load(c); err != nil {
			return nil, err
		}
		if m.speakerIs(c, text) {
			note(id).speaker = true
		}
	}
	for _, kind := range []graph.EdgeKind{graph.EdgeAccuses, graph.EdgeDenies} {
		p := prefixOf(pRev, from, string(kind))
		ks, err := t.keys(p)
		if err != nil {
			return nil, err
		}
		for _, ek := range ks {
			e, ok := edgeFromKey(ek)
			if !ok {
				continue
			}
			c := &graph.Claim{}
			if ok, err := t.getNode(e.Claim, c); err != nil {
				return nil, err
			} else if !ok {
				continue
			}
			if err := load(c); err != nil {
				return nil, err
			}
			if m.targetIs(c, text) {
				note(e.Claim).target = true
			}
		}
	}
	slices.Sort(order)
	out := make([]splitMove, len(order))
	for i, id := range order {
		out[i] = *byClaim[id]
	}
	return out, nil
}

// moveClaim gives what m says of claim m.claim from actor from to actor
// to: its speaker (the claim's, if still from, and its edges that start at
// from), its targets (its accuses and denies edges that end at from), or
// both, keeping the speaker, timeline and target indexes and the edge
// counters in step.
func (t *tx) moveClaim(m splitMove, from, to string) error {
	c := &graph.Claim{}
	if ok, err := t.getNode(m.claim, c); err != nil || !ok {
		return err
	}
	if m.speaker {
		if c.Speaker == from {
			c.Speaker = to
			if err := t.putNode(m.claim, c); err != nil {
				return err
			}
		}
		if err := t.delSpeaker(from, m.claim); err != nil {
			return err
		}
		d, err := t.articleDate(c.Article)
		if err != nil {
			return err
		}
		if err := t.setSpeaker(to, m.claim, d); err != nil {
			return err
		}
	}
	eks, evs, err := t.entries(prefixOf(pEdgeClaim, m.claim))
	if err != nil {
		return err
	}
	targetsLeft := false // edges of the claim still targeting from
	for i, ek := range eks {
		edge, ok := edgeFromKey(ek)
		if !ok {
			continue
		}
		moveFrom := m.speaker && edge.From == from
		moveTo := m.target && edge.To == from && isTargetEdge(edge)
		if !moveFrom && !moveTo {
			if edge.To == from && isTargetEdge(edge) {
				targetsLeft = true
			}
			continue
		}
		setEdgeValue(edge, evs[i])
		if err := t.delEdge(edge); err != nil {
			return err
		}
		if moveFrom {
			edge.From = to
		}
		if moveTo {
			edge.To = to
		}
		if err := t.putEdge(edge); err != nil {
			return err
		}
	}
	if m.target && !targetsLeft {
		return t.delIndex(claimTargetKey(from, m.claim))
	}
	return nil
}

// splitMatcher tells which claims of an actor came from a name split off
// it, by the names written in their article. Names are compared as
// sequences of words (letters and digits, lower-cased, "the" and a
// possessive "'s" aside). The actor's other names that are part of the
// split name ("Clinton" of "Bill Clinton") say nothing either way and are
// ignored; the others ("Hillary Clinton") are distinct.
type splitMatcher struct {
	split    []string
	distinct [][]string
	// only caches, by article ID, whether the article names the split
	// name and no distinct one.
	only map[string]bool
}

func newSplitMatcher(splitKey string, names []string) *splitMatcher {
	m := &splitMatcher{split: nameWords(splitKey), only: map[string]bool{}}
	for _, n := range names {
		w := nameWords(n)
		if len(w) > 0 && wordsAt(m.split, w) < 0 {
			m.distinct = append(m.distinct, w)
		}
	}
	return m
}

// speakerIs reports whether claim c of article text came from the split
// name as its speaker: the article names only it, or the speaker as
// written does.
func (m *splitMatcher) speakerIs(c *graph.Claim, text string) bool {
	if m.articleOnly(c.Article, text) {
		return true
	}
	s, e, ok := speakerSpan(c, text)
	return ok && m.namesOnly(nameWords(text[s:e]))
}

// targetIs reports whether the accused or denied actor of claim c of
// article text came from the split name: the article names only it, or
// the claim's sentence, the speaker as written left out, does.
func (m *splitMatcher) targetIs(c *graph.Claim, text string) bool {
	if m.articleOnly(c.Article, text) {
		return true
	}
	sent := c.Sentence
	if lo := max(0, c.CueEnd-len(sent)); lo <= len(text) {
		if i := strings.Index(text[lo:], sent); i >= 0 && lo+i <= c.CueStart {
			// the sentence is text[at:at+len(sent)]: blank the speaker
			at := lo + i
			if s, e, ok := speakerSpan(c, text); ok && s >= at && e <= at+len(sent) {
				sent = sent[:s-at] + strings.Repeat(" ", e-s) + sent[e-at:]
			}
		}
	}
	return m.namesOnly(nameWords(sent))
}

// articleOnly reports whether the article art, whose text is text, names
// the split name and no distinct name of the actor.
func (m *splitMatcher) articleOnly(art, text string) bool {
	if v, ok := m.only[art]; ok {
		return v
	}
	v := m.namesOnly(nameWords(text))
	m.only[art] = v
	return v
}

// namesOnly reports whether words hold the split name and no distinct
// name outside its occurrences.
func (m *splitMatcher) namesOnly(words []string) bool {
	covered := make([]bool, len(words))
	found := false
	for i := 0; i+len(m.split) <= len(words); i++ {
		if slices.Equal(words[i:i+len(m.split)], m.split) {
			found = true
			for j := i; j < i+len(m.split); j++ {
				covered[j] = true
			}
		}
	}
	if !found {
		return false
	}
	for _, d := range m.distinct {
		for i := 0; i+len(d) <= len(words); i++ {
			if slices.Equal(words[i:i+len(d)], d) && slices.Contains(covered[i:i+len(d)], false) {
				return false
			}
		}
	}
	return true
}

// speakerSpan returns the offsets of c's speaker as written in text; ok is
// false when it has none there.
func speakerSpan(c *graph.Claim, text string) (s, e int, ok bool) {
	if c.SpeakerStart == nil || c.SpeakerEnd == nil {
		return 0, 0, false
	}
	s, e = *c.SpeakerStart, *c.SpeakerEnd
	return s, e, 0 <= s && s <= e && e <= len(text)
}

// nameWords splits s into lower-cased words of letters and digits (so
// "Clinton's" gives "clinton", "s") and drops a leading "the", as
// graph.NameKey does of a name.
func nameWords(s string) []string {
	w := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(w) > 1 && w[0] == "the" {
		w = w[1:]
	}
	return w
}

// wordsAt returns the index of the first occurrence of sub in words, or -1.
func wordsAt(words, sub []string) int {
	for i := 0; i+len(sub) <= len(words); i++ {
		if slices.Equal(words[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// finishCuration completes merges and splits that a crash interrupted
// after their first transaction.
func (db *DB) finishCuration(ctx context.Context) error {
	var merged, splits []string
	err := db.view(ctx, func(t *tx) error {
		ks, err := t.keys([]byte(pMerged))
		if err != nil {
			return err
		}
		for _, k := range ks {
			o := string(k[len(pMerged):])
			for _, p := range [][]byte{prefixOf(pClaimSpeaker, o), prefixOf(pEdge, o), prefixOf(pRev, o), prefixOf(pAffiliation, o)} {
				if first, err := t.firstKey(p); err != nil {
					return err
				} else if first != nil {
					merged = append(merged, o)
					break
				}
			}
		}
		ks, err = t.keys([]byte(pPendingSplit))
		for _, k := range ks {
			splits = append(splits, string(k[len(pPendingSplit):]))
		}
		return err
	})
	if err != nil {
		return err
	}
	for _, o := range merged {
		if err := db.finishMerge(ctx, o); err != nil {
			return err
		}
	}
	for _, id := range splits {
		if err := db.finishSplit(ctx, id); err != nil {
			return err
		}
	}
	return nil
}
