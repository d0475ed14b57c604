package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// pluralFold folds a word as formats 8 and 9 did: lower case, plural
// endings stripped, no stemming.
func pluralFold(w string) string {
	w = strings.ToLower(w)
	if stopwords[w] {
		return ""
	}
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") {
		return w[:len(w)-1]
	}
	return w
}

// TestUpgradeReindexesSearch writes a database as formats 8 and 9 left
// it (postings of unstemmed terms) and checks that Open rebuilds the
// search index with stems: "rigged" then finds "rigging", the old terms'
// keys are gone and the collection counters match the documents.
func TestUpgradeReindexesSearch(t *testing.T) {
	for _, version := range []int64{8, 9} {
		t.Run(fmt.Sprint("From", version), func(t *testing.T) {
			ctx, dir := context.Background(), t.TempDir()
			db, err := Open(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			a := storetest.NewArticle("A", "P", "Trump said the vote was rigging itself.\nClinton said the debates went well.\n")
			tr, cl := a.Actor("Donald Trump", graph.ActorPerson, "Trump"), a.Actor("Clinton", graph.ActorPerson)
			rig := a.Says(tr, "Trump", "said", "the vote was rigging itself")
			a.Says(cl, "Clinton", "said", "the debates went well")
			if _, err := db.Ingest(ctx, a.Extraction()); err != nil {
				t.Fatal(err)
			}
			var wantDocs, wantLen int64
			err = db.view(ctx, func(t *tx) error {
				if wantDocs, err = t.count(cntDocs); err != nil {
					return err
				}
				wantLen, err = t.count(cntDocLen)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			// Back to the old layout: per-document postings of plural-folded words.
			if err := db.bdb.DropPrefix([]byte(pPosting), []byte(pSegment)); err != nil {
				t.Fatal(err)
			}
			err = db.bdb.Update(func(txn *badger.Txn) error {
				for id, doc := range map[string]string{rig.ID: rig.Text, tr.ID: actorDoc(tr), cl.ID: actorDoc(cl)} {
					tf, n := map[string]int{}, 0
					for _, w := range strings.FieldsFunc(doc, func(r rune) bool { return r == ' ' || r == '(' || r == ')' || r == ',' }) {
						if f := pluralFold(w); f != "" {
							tf[f]++
							n++
						}
					}
					for w, f := range tf {
						if err := txn.Set(postingKey(w, id), posting(f, n)); err != nil {
							return err
						}
					}
				}
				return txn.Set(countKey(cntFormat), encodeCount(version))
			})
			if err != nil {
				t.Fatal(err)
			}
			if l, err := db.Search(ctx, "rigged", graph.Page{}); err != nil || len(l.Hits) != 0 {
				t.Fatalf("before the upgrade: %+v, %v; the test needs no hit", l, err)
			}
			db = reopen(t, db, dir)
			for _, tc := range []struct{ query, want string }{
				{"rigged", rig.ID},
				{"RIGGING", rig.ID},
				{"debate", ""}, // Clinton's claim was left out of the old index on purpose: rebuilt too
				{"trump", tr.ID},
			} {
				l, err := db.Search(ctx, tc.query, graph.Page{})
				if err != nil {
					t.Fatal(err)
				}
				if len(l.Hits) == 0 || (tc.want != "" && l.Hits[0].ID != tc.want) {
					t.Errorf("search %q after the upgrade: %+v, want %s first", tc.query, l.Hits, tc.want)
				}
			}
			err = db.view(ctx, func(t *tx) error {
				old, err := t.keys(prefixOf(pPosting, "rigging"))
				if err != nil {
					return err
				}
				docs, _ := t.count(cntDocs)
				dl, _ := t.count(cntDocLen)
				v, _ := t.count(cntFormat)
				if len(old) != 0 || docs != wantDocs || dl != wantLen || v != formatVersion {
					return fmt.Errorf("after the upgrade: %d old postings, docs %d, doclen %d, format %d; want 0, %d, %d, %d",
						len(old), docs, dl, v, wantDocs, wantLen, formatVersion)
				}
				return nil
			})
			if err != nil {
				t.Error(err)
			}
		})
	}
}
