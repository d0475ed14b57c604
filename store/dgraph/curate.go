package dgraph

import (
	"context"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// MergeActors folds the actors with the given IDs into the first one, as
// the Badger store does: their names and aliases become aliases of the
// survivor, an empty title or affiliation is taken from them, their claims,
// edges and affiliated actors move over, and they are deleted, each leaving
// a merge marker (mrg:ID) so that ingesting an article that names them
// resolves to the survivor. All of it is one Dgraph transaction. Returns
// the survivor; ENOTFOUND for an unknown ID, EINVALID for fewer than two
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
	var out *graph.Actor
	err := db.update(ctx, "merge", func(t *tx) error {
		if err := t.load(uniq...); err != nil {
			return err
		}
		s := &graph.Actor{}
		if err := t.mustRecord(uniq[0], TypeActor, s); err != nil {
			return err
		}
		remap := map[string]string{}
		for _, id := range uniq[1:] {
			o := &graph.Actor{}
			if err := t.mustRecord(id, TypeActor, o); err != nil {
				return err
			}
			s.Aliases = graph.MergeNames(s.Name, s.Aliases, append([]string{o.Name}, o.Aliases...))
			if s.Title == "" {
				s.Title = o.Title
			}
			if s.Affiliation == "" {
				s.Affiliation = o.Affiliation
			}
			remap[id] = s.ID
		}
		if slices.Contains(uniq, s.Affiliation) {
			s.Affiliation = ""
		}
		for _, id := range uniq[1:] {
			if err := t.remove(id); err != nil {
				return err
			}
			if err := t.put("mrg:"+id, TypeRedirect, nil, map[string]any{PredRedirect: s.ID}); err != nil {
				return err
			}
		}
		if err := t.saveActor(s); err != nil {
			return err
		}
		out = s
		return t.moveActors(remap)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// moveActors re-points every claim, edge and affiliation naming a key of
// remap to its value.
func (t *tx) moveActors(remap map[string]string) error {
	var olds []string
	for id := range remap {
		olds = append(olds, id)
	}
	l := list(olds)
	q := `{
	c(func: eq(claim.speaker, ` + l + `)) @filter(type(Claim)) { cg.id }
	f(func: eq(edge.from, ` + l + `)) @filter(type(Edge)) { k: edge.claim }
	t(func: eq(edge.to, ` + l + `)) @filter(type(Edge)) { k: edge.claim }
	a(func: eq(actor.affiliation, ` + l + `)) @filter(type(Actor)) { cg.id }
}`
	var out struct {
		C, A []struct {
			ID string `json:"cg.id"`
		}
		F, T []struct{ K string }
	}
	if err := t.query(q, &out); err != nil {
		return err
	}
	var claims []string
	for _, c := range out.C {
		claims = append(claims, c.ID)
	}
	for _, e := range append(out.F, out.T...) {
		claims = append(claims, e.K)
	}
	get := func(id string) string {
		if n, ok := remap[id]; ok {
			return n
		}
		return id
	}
	err := t.repoint(claims, func(c *graph.Claim) { c.Speaker = get(c.Speaker) },
		func(e *graph.Edge) { e.From, e.To = get(e.From), get(e.To) })
	if err != nil {
		return err
	}
	for _, a := range out.A {
		act := &graph.Actor{}
		if ok, err := t.record(a.ID, TypeActor, act); err != nil || !ok {
			if err != nil {
				return err
			}
			continue
		}
		if act.Affiliation = get(act.Affiliation); act.Affiliation == act.ID {
			act.Affiliation = ""
		}
		if err := t.saveActor(act); err != nil {
			return err
		}
	}
	return nil
}

// repoint rewrites the given claims (speaker changes the claim) and all
// their edges (edge changes each), keeping the edge nodes and the claims'
// indexes in step.
func (t *tx) repoint(claimIDs []string, speaker func(*graph.Claim), edge func(*graph.Edge)) error {
	slices.Sort(claimIDs)
	claimIDs = slices.Compact(claimIDs)
	if len(claimIDs) == 0 {
		return nil
	}
	if err := t.load(claimIDs...); err != nil {
		return err
	}
	var out struct{ E []*node }
	if err := t.query(`{e(func: eq(edge.claim, `+list(claimIDs)+`)) @filter(type(Edge)) { `+nodeFields+` }}`, &out); err != nil {
		return err
	}
	edges, err := decode[graph.Edge](out.E)
	if err != nil {
		return err
	}
	byClaim := map[string][]*graph.Edge{}
	var moved []*graph.Edge
	for _, e := range edges {
		old := edgeID(e)
		edge(e)
		if edgeID(e) != old {
			if err := t.remove(old); err != nil {
				return err
			}
			moved = append(moved, e)
		}
		if !slices.ContainsFunc(byClaim[e.Claim], func(f *graph.Edge) bool { return edgeID(f) == edgeID(e) }) {
			byClaim[e.Claim] = append(byClaim[e.Claim], e)
		}
	}
	arts := map[string]*graph.Article{}
	article := func(id string) (*graph.Article, error) {
		art, ok := arts[id]
		if !ok {
			art = &graph.Article{}
			if _, err := t.record(id, TypeArticle, art); err != nil {
				return nil, err
			}
			arts[id] = art
		}
		return art, nil
	}
	for _, e := range moved {
		art, err := article(e.Article)
		if err != nil {
			return err
		}
		if err := t.putEdge(e, art); err != nil {
			return err
		}
	}
	for _, id := range claimIDs {
		c := &graph.Claim{}
		if ok, err := t.record(id, TypeClaim, c); err != nil {
			return err
		} else if !ok {
			continue
		}
		art, err := article(c.Article)
		if err != nil {
			return err
		}
		speaker(c)
		if err := t.putClaim(c, art, byClaim[id]); err != nil {
			return err
		}
	}
	return nil
}

// SplitAlias removes alias from the actor and makes it an actor of its own
// (same kind), as the Badger store does: the claims whose speaker, as
// written, is the alias and none of the actor's other names move to the
// new actor with their edges, and so do accusations and denials whose
// claim's sentence names only the alias of the actor. A split marker
// (spl:NAMEKEY) keeps the name with the new actor when later articles are
// ingested. One Dgraph transaction. Returns the updated actor and the new
// one; ENOTFOUND for an unknown actor, EINVALID when the actor has no such
// alias, ECONFLICT when an actor with the new ID already exists.
func (db *DB) SplitAlias(ctx context.Context, actorID, alias string) (*graph.Actor, *graph.Actor, error) {
	var a, n *graph.Actor
	err := db.update(ctx, "split", func(t *tx) error {
		old := &graph.Actor{}
		if err := t.mustRecord(actorID, TypeActor, old); err != nil {
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
		if nn, err := t.get(newID); err != nil {
			return err
		} else if nn.is(TypeActor) {
			return graph.Errorf(graph.ECONFLICT, "an actor with id %q (%s) already exists", newID, name)
		}
		upd := *old
		upd.Aliases = slices.Delete(slices.Clone(old.Aliases), i, i+1)
		if len(upd.Aliases) == 0 {
			upd.Aliases = nil
		}
		a, n = &upd, &graph.Actor{ID: newID, Name: name, Kind: old.Kind}
		if err := t.saveActor(a); err != nil {
			return err
		}
		if err := t.saveActor(n); err != nil {
			return err
		}
		if err := t.put("spl:"+k, TypeRedirect, nil, map[string]any{PredRedirect: newID}); err != nil {
			return err
		}
		if err := t.remove("mrg:" + newID); err != nil {
			return err
		}
		return t.splitMove(old, k, newID)
	})
	if err != nil {
		return nil, nil, err
	}
	return a, n, nil
}

// splitMove moves to newID the claims of old spoken as the name key k,
// and the accusations and denials of old whose sentence names k only.
func (t *tx) splitMove(old *graph.Actor, k, newID string) error {
	var others []string
	for _, nm := range append([]string{old.Name}, old.Aliases...) {
		if ok := graph.NameKey(nm); ok != "" && ok != k {
			others = append(others, ok)
		}
	}
	// names reports whether text names k and no other name of the actor.
	names := func(text string) bool {
		w := " " + graph.NameKey(text) + " "
		if !strings.Contains(w, " "+k+" ") {
			return false
		}
		for _, o := range others {
			if !strings.Contains(k, o) && strings.Contains(w, " "+o+" ") {
				return false
			}
		}
		return true
	}
	l := lit(old.ID)
	q := `{
	c(func: eq(claim.speaker, ` + l + `)) @filter(type(Claim)) { cg.id }
	t(func: eq(edge.to, ` + l + `)) @filter(type(Edge) AND (eq(edge.kind, "accuses") OR eq(edge.kind, "denies"))) { k: edge.claim }
}`
	var out struct {
		C []struct {
			ID string `json:"cg.id"`
		}
		T []struct{ K string }
	}
	if err := t.query(q, &out); err != nil {
		return err
	}
	var ids []string
	for _, c := range out.C {
		ids = append(ids, c.ID)
	}
	for _, e := range out.T {
		ids = append(ids, e.K)
	}
	if err := t.load(ids...); err != nil {
		return err
	}
	speakerMoves, targetMoves := map[string]bool{}, map[string]bool{}
	texts := map[string]string{}
	for _, id := range ids {
		c := &graph.Claim{}
		if ok, err := t.record(id, TypeClaim, c); err != nil {
			return err
		} else if !ok {
			continue
		}
		if _, ok := texts[c.Article]; !ok {
			art := &graph.Article{}
			if _, err := t.record(c.Article, TypeArticle, art); err != nil {
				return err
			}
			texts[c.Article] = art.Text
		}
		text := texts[c.Article]
		sentence := c.Sentence
		if c.SpeakerStart != nil && c.SpeakerEnd != nil && *c.SpeakerEnd <= len(text) && *c.SpeakerStart <= *c.SpeakerEnd {
			written := text[*c.SpeakerStart:*c.SpeakerEnd]
			if c.Speaker == old.ID && names(written) {
				speakerMoves[id] = true
			}
			sentence = strings.Replace(sentence, written, " ", 1)
		}
		if names(sentence) {
			targetMoves[id] = true
		}
	}
	return t.repoint(ids, func(c *graph.Claim) {
		if speakerMoves[c.ID] && c.Speaker == old.ID {
			c.Speaker = newID
		}
	}, func(e *graph.Edge) {
		if speakerMoves[e.Claim] && e.From == old.ID {
			e.From = newID
		}
		if targetMoves[e.Claim] && e.To == old.ID && (e.Kind == graph.EdgeAccuses || e.Kind == graph.EdgeDenies) {
			e.To = newID
		}
	})
}
