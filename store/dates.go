package store

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// articleDate returns the date key of an article (graph.DateKey of its
// publishedAt, "" when undated or unknown) from the at/ index, cached for
// the transaction.
func (t *tx) articleDate(article string) (string, error) {
	if d, ok := t.dates[article]; ok {
		return d, nil
	}
	v, _, err := t.get(articleWhenKey(article))
	if err != nil {
		return "", err
	}
	if t.dates == nil {
		t.dates = map[string]string{}
	}
	t.dates[article] = string(v)
	return string(v), nil
}

// articleInWindow reports whether an article's date key lies in the
// window [lo, hi) (hi "" for no end); an undated article lies in none.
func (t *tx) articleInWindow(article, lo, hi string) (bool, error) {
	d, err := t.articleDate(article)
	if err != nil {
		return false, err
	}
	return d != "" && d >= lo && (hi == "" || d < hi), nil
}

// claimDate returns the date key of a claim's article; ok is false when
// there is no such claim.
func (t *tx) claimDate(claim string) (date string, ok bool, err error) {
	c := &graph.Claim{}
	if ok, err := t.getNode(claim, c); err != nil || !ok {
		return "", false, err
	}
	d, err := t.articleDate(c.Article)
	return d, err == nil, err
}

// putArticleDate writes the date indexes of a new article.
func (t *tx) putArticleDate(a *graph.Article) (string, error) {
	d := a.TimeKey()
	if t.dates == nil {
		t.dates = map[string]string{}
	}
	t.dates[a.ID] = d
	if d != "" {
		if err := t.set(articleWhenKey(a.ID), []byte(d)); err != nil {
			return "", err
		}
	}
	return d, t.set(articleDateKey(d, a.ID), nil)
}

// putClaimIndexes writes the date and publisher indexes of a new claim of
// article a, whose date key is date.
func (t *tx) putClaimIndexes(a *graph.Article, date, claim string) error {
	if err := t.set(claimDateKey(date, claim), nil); err != nil {
		return err
	}
	if a.Publisher != "" && graph.NameKey(a.Publisher) != "" {
		return t.setIndex(claimPubKey(a.Publisher, claim), nil)
	}
	return nil
}

// setSpeaker indexes claim as spoken by speaker: cs/ and the timeline ct/
// (date is the claim's date key).
func (t *tx) setSpeaker(speaker, claim, date string) error {
	k := claimSpeakerKey(speaker, claim)
	isNew, err := t.setCountedNew(k, nil, indexGroup(k))
	if err != nil || (!isNew && t.fresh[claim]) {
		// the timeline key of a new claim goes with its first cs/ key
		return err
	}
	return t.set(timelineKey(speaker, date, claim), nil)
}

// delSpeaker removes claim from speaker's cs/ and ct/ indexes.
func (t *tx) delSpeaker(speaker, claim string) error {
	if err := t.delIndex(claimSpeakerKey(speaker, claim)); err != nil {
		return err
	}
	d, _, err := t.claimDate(claim)
	if err != nil {
		return err
	}
	return t.del(timelineKey(speaker, d, claim))
}

// isTargetEdge reports whether e names its end as a target of the claim:
// an accusation or denial of an actor.
func isTargetEdge(e *graph.Edge) bool {
	return (e.Kind == graph.EdgeAccuses || e.Kind == graph.EdgeDenies) && strings.HasPrefix(e.To, graph.PrefixActor)
}
