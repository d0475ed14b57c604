package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
)

// This file reads what an attribution's content says: a said-clause whose
// subject is charged with wrongdoing is an accusation, one that calls a
// charge false or in which the speaker says he never did it a denial.

// contentFrames reads the content of every attribution: a said-clause
// whose subject is charged with wrongdoing is an accusation ("said Clinton
// lied"); one that calls a charge false, or in which the speaker says he
// never did it, is a denial.
func (ts *typedStage) contentFrames() {
	b, d := ts.b, ts.d
	for ci, at := range b.ats {
		if at == nil || at.con0 < 0 || at.con1 >= len(d.toks) || at.con1 < at.con0 {
			continue
		}
		if at.class == classDeny || at.class == classAccuse && at.target0 >= 0 {
			continue
		}
		spk := b.spk[ci]
		if at.src0 >= 0 && at.src0 == at.src1 && d.low(at.src0) == "it" && (spk == nil || !ts.actorEntity(spk)) {
			// "It said current FDIC officials concealed …": the document
			// last named speaks.
			if doc := ts.lastDocument(at.src0); doc != nil {
				spk = doc
			}
		}
		if spk == nil || !ts.actorEntity(spk) || spk.source && !chargingDocument(spk.name) {
			continue // an agency's report is not its charge; a lawsuit's is
		}
		if ts.cueTaken(at.cue0) {
			continue
		}
		c := b.claims[ci]
		// A pronoun in the content refers first to the speaker: "Hale
		// said he …".
		b.r.lastSpk, b.r.lastSent = spk, int(b.d.toks[at.cue0].sent)
		ts.hits = append(ts.hits, ts.contentHit(at, spk, c)...)
	}
}

// cueTaken reports whether a verb frame already read the cue at token k.
func (ts *typedStage) cueTaken(k int) bool {
	if ts.taken == nil {
		// The frames' cue tokens, read once: the content frames run after
		// them, and each attribution has a cue of its own.
		ts.taken = make(map[int]bool, len(ts.hits))
		for _, h := range ts.hits {
			for j := h.cue0; j <= h.cue1; j++ {
				ts.taken[j] = true
			}
		}
	}
	return ts.taken[k]
}

// contentHit classifies one attribution's content: it returns the
// accusation and denial it makes, if any.
func (ts *typedStage) contentHit(at *attribution, spk *entity, c *graph.Claim) []*typedHit {
	d := ts.d
	// Each sentence of the content is read on its own: a quote that runs
	// over several sentences charges in any of them.
	var out []*typedHit
	last := at.con1
	for last+1 < len(d.toks) && d.toks[last+1].end <= at.conEnd {
		last++ // a quote extended over following sentences
	}
	k := at.con0
	for k <= last {
		end := k
		for end < last && d.toks[end+1].sent == d.toks[k].sent {
			end++
		}
		w := k
		for w < end && d.toks[w].kind != tWord {
			w++
		}
		if !at.direct || int(d.toks[w].inq) >= 0 || k == at.con0 {
			out = append(out, ts.clauseHit(at, spk, c, k, end)...)
		}
		k = end + 1
	}
	return out
}

// clauseHit classifies the content tokens [k0, end] of one attribution: it
// finds where the clause starts and whom it is about, reads its signal
// words, and returns the accusations and denials they make.
func (ts *typedStage) clauseHit(at *attribution, spk *entity, c *graph.Claim, k0, end int) []*typedHit {
	if at.class != classAccuse && !ts.signal(k0, min(end, k0+60)) {
		return nil // no charge or denial word: spare the subject's resolution
	}
	k := ts.clauseStart(k0, end)
	if k < 0 || ts.d.low(k) == "whether" && !ts.asks(at.cue0) {
		return nil // "isn't saying whether the foundation broke the law"
	}
	if ts.d.low(k) == "whether" {
		k = ts.clauseStart(k+1, end) // "questioned whether Curiel was biased"
		if k < 0 {
			return nil
		}
	}
	cl := contentClause{spk: spk, claim: c, k: k, cue0: at.cue0, cue1: at.cue1, src0: at.src0, src1: at.src1, class: at.class, direct: at.direct}
	cl.subj, cl.self, cl.z = ts.contentSubject(at, k, spk)
	if cl.z >= 0 {
		cl.z = ts.pastAppositive(cl.z, min(end, k+40))
	}
	if cl.self && cl.z >= 0 {
		ts.beliefClause(at, &cl, end)
	}
	cl.limit = min(end, cl.k+40)
	cl.clauseSignals = ts.clauseSignals(cl.k, cl.limit)
	cl.actor = cl.subj != nil && !cl.subj.source
	if cl.actor && ts.passiveAfter(cl.z+1, cl.limit) {
		cl.actor = false // "Israel was sold out by Kerry": the subject suffered the wrong
	}
	out := ts.classifyClause(&cl)
	if cl.subj != nil && cl.z > cl.k {
		// "said both Hale and Price lied": one charge each.
		a := cl.k
		if ts.d.low(a) == "both" {
			a++
		}
		if parts := ts.conjoined(a, cl.z); parts != nil && parts[0] == cl.subj {
			for _, h := range out {
				if h.to != cl.subj {
					continue
				}
				for _, p := range parts[1:] {
					if p != cl.spk && !p.source {
						c := *h
						c.to = p
						out = append(out, &c)
					}
				}
			}
		}
	}
	return out
}

// contentClause is one content clause as clauseHit reads it. It copies
// what it needs of the attribution rather than pointing to it, so that
// the attribution sayFrame builds stays on the stack.
type contentClause struct {
	spk        *entity
	claim      *graph.Claim
	cue0, cue1 int // the attribution's cue
	src0, src1 int // the attribution's source as written, or -1
	class      cueClass
	direct     bool
	k, limit   int     // the tokens read, inclusive
	subj       *entity // whom the clause is about, when not the speaker
	self       bool    // the clause is about the speaker
	z          int     // the subject's last token, or -1
	actor      bool    // subj is an actor that acts, not a source or a passive's patient
	clauseSignals
}

// hit returns a relation of the clause's speaker.
func (cl *contentClause) hit(kind graph.EdgeKind, to *entity) *typedHit {
	return &typedHit{kind: kind, from: []*entity{cl.spk}, to: to, cue0: cl.cue0, cue1: cl.cue1, spk0: cl.src0, spk1: cl.src1, con0: cl.k, con1: cl.limit, claim: cl.claim}
}

// asks reports whether the cue at i asks or doubts ("questioned whether",
// "wondered whether"): its whether-clause insinuates.
func (ts *typedStage) asks(i int) bool {
	cf, _ := ts.d.cueAt(i)
	switch cf.lemma {
	case "question", "wonder", "doubt", "ask", "speculate":
		return true
	}
	return ts.lx.verbs[ts.d.low(i)].lemma == "question"
}

// clauseStart returns the first word of the content [k0, end], past
// punctuation and "that", and for "there is …" or "it is …" the start of
// its that-clause ("There is evidence that the Clintons cheated"); or -1.
func (ts *typedStage) clauseStart(k0, end int) int {
	d := ts.d
	k := k0
	for k <= end && (d.toks[k].kind != tWord || d.low(k) == "that") {
		k++
	}
	if j := d.datelineEnd(k, end); j > k {
		k = j // "WASHINGTON (Reuters) - The Chinese government hacked …"
	}
	if k > end || d.low(k) == "if" {
		return -1 // "isn't saying if the foundation violated any laws": no charge made
	}
	if t := d.low(k); (t == "there" || t == "it") && !d.tok(k).upper || t == "there" {
		for j := k + 1; j <= end && j < k+8; j++ {
			if d.low(j) == "that" && j+1 <= end {
				return j + 1
			}
		}
	}
	return k
}

// beliefClause moves a clause about its speaker past the speaker's own
// belief or speech verb to the clause that verb governs ("he believed
// Fields had fabricated the story"), when that one has a subject or names
// a claim: it is what the speaker charges.
func (ts *typedStage) beliefClause(at *attribution, cl *contentClause, end int) {
	d := ts.d
	v := cl.z + 1
	for v <= end && (d.is(v, wAux|wAdv) || d.isLyAdverb(v)) {
		v++
	}
	if v > end || !d.isCueAt(v) || d.negatedAt(v, cl.k) {
		return
	}
	v++
	for v <= end && (d.low(v) == "that" || d.toks[v].kind != tWord) {
		v++
	}
	if v > end {
		return
	}
	if s2, self2, z2 := ts.contentSubject(at, v, cl.spk); s2 != nil || self2 || ts.claimPhrase(v, end) {
		cl.k, cl.subj, cl.self, cl.z = v, s2, self2, z2
	}
}

// clauseSignals are the words of a content clause that make it a charge
// or a denial.
type clauseSignals struct {
	wrong      bool // a wrongdoing word, in a clause that does not ask
	falsity    bool // a falsity word: "false", "baseless"
	neg        bool // a negation other than "not only"
	fabricated bool // a statement was invented: "fabricated", "made up"
	phrase     bool // a denial phrase: "never happened", "not true"
	claimSubj  bool // the clause opens with a statement: "the allegations"
	framed     bool // a charge verb the frames read stands in the clause
	wrongAt    int  // the first wrongdoing word's token, or -1
}

// clauseSignals reads the signal words of the clause [k, limit].
func (ts *typedStage) clauseSignals(k, limit int) clauseSignals {
	d := ts.d
	sg := clauseSignals{wrongAt: -1}
	for j := k; j <= limit; j++ {
		w := d.low(j)
		info := ts.lx.info[w] // one lookup: wrongdoing (and plurals), falsity
		if info&tiWrong != 0 && !sg.wrong && !modifiedHeads[d.low(j+1)] {
			sg.wrong, sg.wrongAt = true, j
		}
		sg.falsity = sg.falsity || info&tiFalsity != 0
		sg.neg = sg.neg || (d.is(j, wNeg) || w == "n't") && !notOnly(d.low(j+1)) && !notOnly(d.low(j+2))
		if info&tiVerb != 0 && j > k && !d.toks[j].upper {
			// A charge verb of its own ("resolutions condemning Karsovia for
			// abuses", "people accused of fraud"): the wrong is its object's
			// (not "are unfairly maligning his record": the subject's verb).
			if tf := ts.lx.verbs[w]; tf.kind == tkAccuse && (tf.ing || tf.part && d.is(j+1, wPrep)) && !ts.auxBefore(j, k) {
				sg.framed = true
			}
		}
		sg.fabricated = sg.fabricated || info&tiNothing != 0 && (fabricationWord(w) || w == "made" && d.low(j+1) == "up")
	}
	if sg.neg || sg.fabricated || sg.falsity || ts.signal(k, limit) {
		content := strings.ToLower(d.text[d.toks[k].start:d.toks[limit].end])
		for _, p := range denialPhrases {
			if strings.Contains(content, p) {
				sg.phrase = true
				break
			}
		}
	}
	sg.claimSubj = ts.claimPhrase(k, limit)
	if ts.question(k, limit) {
		sg.wrong = false // "did you lie to them?" asks, it does not charge
	}
	return sg
}

// modifiedHeads are nouns a wrongdoing word modifies without charging
// anyone: "the crime bill", "fraud prevention", "assault victims".
var modifiedHeads = wordSet("bill bills law laws rate rates prevention unit units statistics legislation reform reforms victim victims survivor survivors prosecutor prosecutors division task lab scene hotline expert experts investigators")

// modalNeg reports whether the clause's first negation follows a modal:
// "would never", "will not", "can't" speak of what may be, not of what
// was done.
func (ts *typedStage) modalNeg(k, z int) bool {
	d := ts.d
	for j := k; j <= z; j++ {
		if w := d.low(j); d.is(j, wNeg) || w == "n't" || strings.HasSuffix(w, "n't") {
			p := d.low(j - 1)
			if w != "n't" && strings.HasSuffix(w, "n't") {
				p = w
			}
			switch p {
			case "would", "will", "could", "can", "may", "might", "should", "shall", "wouldn't", "won't", "couldn't", "can't", "shouldn't", "wo", "ca":
				return true
			}
			if w == "no" && j-2 >= k {
				// "she should face no charges": a recommendation.
				switch d.low(j - 2) {
				case "would", "will", "could", "may", "might", "should", "shall", "must":
					return true
				}
			}
			// "I didn't want to file", "I don't know what he saw": a wish
			// or ignorance, not a denial of a deed.
			return notDeed[d.low(j+1)] || notDeed[d.low(j+2)] && d.isLyAdverb(j+1)
		}
	}
	return false
}

// notDeed are verbs that, negated, deny no deed: wishes, plans, knowledge.
var notDeed = map[string]bool{
	"want": true, "wanted": true, "intend": true, "intended": true, "plan": true, "planned": true, "wish": true,
	"know": true, "knew": true, "remember": true, "recall": true, "think": true, "believe": true, "see": true,
	"care": true, "mind": true, "like": true,
}

// classifyClause returns the accusations and denials a content clause
// makes, from whom it is about and its signal words.
func (ts *typedStage) classifyClause(cl *contentClause) []*typedHit {
	spk, subj, actor := cl.spk, cl.subj, cl.actor
	k, z, limit := cl.k, cl.z, cl.limit
	if actor && z >= 0 && ts.d.toks[z].upper && !ts.d.hasPossessive(k, z) && ts.d.low(z+1) == "to" && ts.d.word(z+2) && !ts.d.toks[z+2].upper && !atoneVerbs[ts.d.low(z+2)] {
		// "called on Obama to retaliate against Russia": what the subject
		// should do, not what it did.
		return nil
	}
	switch {
	case actor && ts.wrongPredicate(z+1, limit):
		// "Clinton said the families were wrong": she rejects their account;
		// "Smith is wrong to call me a liar": and Smith had charged her.
		out := []*typedHit{cl.hit(graph.EdgeDenies, subj)}
		if ts.chargedSpeaker(z+1, limit) && !ts.ownSide(spk, subj) {
			a := cl.hit(graph.EdgeAccuses, spk)
			a.from = []*entity{subj}
			out = append(out, a)
		}
		return out
	case cl.claimSubj && (cl.falsity || cl.phrase) && !cl.neg:
		// "Trump's tweets about her are lies": the statement is denied, its
		// owner answered, even when the owner is named as the subject.
		return []*typedHit{cl.hit(graph.EdgeDenies, ts.statementOwner(k, limit))}
	case actor && cl.fabricated && !cl.neg:
		// "he believed Fields had fabricated the story": a charge, and a
		// denial of what Fields said.
		return []*typedHit{cl.hit(graph.EdgeAccuses, subj), cl.hit(graph.EdgeDenies, subj)}
	case actor && cl.wrong && !cl.neg && !cl.framed && cl.wrongAt <= z+16 && !ts.ownSide(spk, subj):
		// The wrong is the subject's when it comes soon after it: "said
		// Clinton lied", not "said the U.S. will show North Korea there
		// are consequences to its unlawful actions".
		if ts.misrepresentsSpeaker(cl) {
			// "the Clinton campaign is unfairly maligning his record": a
			// charge, and a denial of what they say of him.
			return []*typedHit{cl.hit(graph.EdgeAccuses, subj), cl.hit(graph.EdgeDenies, subj)}
		}
		return []*typedHit{cl.hit(graph.EdgeAccuses, subj)}
	case actor && cl.wrong && cl.neg && (ts.accused(subj) || allied(spk, subj)) && !ts.modalNeg(k, limit):
		// "The committee did not retaliate," its spokesman said, after
		// it was accused: a denial for the committee.
		h := cl.hit(graph.EdgeDenies, nil)
		h.behalf = subj
		return []*typedHit{h}
	case actor && cl.class == classAccuse:
		return []*typedHit{cl.hit(graph.EdgeAccuses, subj)}
	case (cl.claimSubj || cl.self) && (cl.falsity || cl.phrase):
		// "the allegations are false"; "Trump's tweets about her are lies":
		// the owner of the statement is the one answered.
		return []*typedHit{cl.hit(graph.EdgeDenies, ts.statementOwner(k, limit))}
	case cl.direct && !cl.neg && ts.falsityFragment(k, limit) && ts.accused(spk):
		// "'Absolutely false,' Hale said", after he was accused.
		return []*typedHit{cl.hit(graph.EdgeDenies, nil)}
	case cl.direct && !cl.neg && cl.falsity && ts.demonstrativeBe(k) && ts.accused(spk):
		// "'These are lies,' Hale said", "'It's a hoax'": what was said
		// of him is rejected.
		return []*typedHit{cl.hit(graph.EdgeDenies, nil)}
	case actor && ts.punitiveDemand(z+1, limit) && !ts.ownSide(spk, subj):
		// "Judge Curiel should be ashamed of himself", "he should resign".
		return []*typedHit{cl.hit(graph.EdgeAccuses, subj)}
	case cl.self && !cl.neg && z >= 0 && ts.passiveAfter(z+1, limit) && ts.wrongedAfter(z+1, limit) && !ts.wrongAgentNamed(z+1, limit):
		// "Podliska alleges he was fired for taking time off": the wrong
		// done to the speaker is a charge against the one he accuses.
		if t := ts.lastAccused(spk, ts.d.toks[cl.cue0].start, -1); t != nil {
			return []*typedHit{cl.hit(graph.EdgeAccuses, t)}
		}
		return nil
	case cl.subj == nil && !cl.self && !cl.neg && ts.chargeGerund(k, limit) && ts.accused(spk):
		// "Sanders complained that linking him to the massacre was
		// unfair": the charge against the speaker is rejected.
		return []*typedHit{cl.hit(graph.EdgeDenies, nil)}
	case cl.self && cl.neg && !ts.modalNeg(k, limit) && ts.accused(spk) && !concedes[ts.d.low(cl.cue0)]:
		// "Lewandowski said he never touched her", after he was accused;
		// not "he would never vote for her", a promise.
		return []*typedHit{cl.hit(graph.EdgeDenies, nil)}
	case cl.phrase && cl.direct, actor && cl.neg && cl.phrase:
		h := cl.hit(graph.EdgeDenies, nil)
		if actor {
			h.behalf = subj // "Lewandowski is absolutely innocent," Hicks said
		}
		return []*typedHit{h}
	}
	if cl.wrong && !cl.neg {
		if out := ts.wrongOwners(cl); out != nil {
			return out
		}
		if t := ts.judged(cl); t != nil {
			// "Even for a conspiracy theorist like Hale, this is pathetic":
			// a judgement of what someone did is a charge against them.
			return []*typedHit{cl.hit(graph.EdgeAccuses, t)}
		}
	}
	return nil
}

// chargeGerund reports whether the clause from k opens with a gerund of
// charging aimed at the speaker ("linking him to …", "blaming me for …")
// and goes on to call it unfair, false or wrong.
func (ts *typedStage) chargeGerund(k, z int) bool {
	d := ts.d
	if !chargeGerunds[d.low(k)] {
		return false
	}
	switch d.low(k + 1) {
	case "him", "her", "me", "us", "them":
	default:
		return false
	}
	for j := k + 2; j <= z && j < k+14; j++ {
		if isBe(d.low(j)) {
			for n := j + 1; n <= z && n < j+4; n++ {
				if w := d.low(n); ts.lx.falsity[w] || rejectWords[w] {
					return true
				}
			}
			return false
		}
	}
	return false
}

// chargeGerunds are gerunds of charging someone: "linking him to …".
var chargeGerunds = wordSet("linking blaming accusing tying connecting associating comparing calling portraying painting labeling labelling branding smearing attacking")

// rejectWords call a charge unjust: "was unfair".
var rejectWords = wordSet("unfair unjust unwarranted unjustified wrong outrageous false absurd ridiculous offensive")

// falsityFragment reports whether the clause at k is a verbless quote of
// at most three words that calls something false: "Absolutely false",
// "Totally untrue", "Nonsense".
func (ts *typedStage) falsityFragment(k, z int) bool {
	d := ts.d
	if k == 0 || d.toks[k-1].kind != tQuote {
		return false // the quote's first words, not "Pathetic." after others
	}
	n, fals := 0, false
	for j := k; j <= z; j++ {
		t := d.toks[j]
		if t.kind != tWord {
			if t.low == "." || t.low == "!" || t.kind == tQuote {
				break
			}
			continue
		}
		n++
		switch {
		case ts.lx.falsity[t.low]:
			fals = true
		case d.isLyAdverb(j) || d.is(j, wAdv) || strings.HasSuffix(t.low, "ly"):
		default:
			return false
		}
	}
	return fals && n <= 3
}

// demonstrativeBe reports whether the clause at k opens with a
// demonstrative or "it" and a form of "be": "That is …", "These are …",
// "It's …".
func (ts *typedStage) demonstrativeBe(k int) bool {
	d := ts.d
	if isBe(d.low(k)) && d.low(k-1) == "that" && d.toks[k-1].upper {
		return true // "That is a lie": clauseStart passed the "That"
	}
	switch d.low(k) {
	case "this", "that", "these", "those", "it", "it's", "that's":
	default:
		return false
	}
	if w := d.low(k); w == "it's" || w == "that's" {
		return true
	}
	return isBe(d.low(k+1)) || d.low(k+1) == "'s" || d.low(k+1) == "’s"
}

// pastAppositive returns the last token of the appositive that follows a
// clause's subject ending at z ("Patricia Smith, the mother of Sean Smith,
// who died in the attack, is wrong"), so that the predicate comes next; z
// when none follows. The appositive ends at a comma or, when the writer
// left that out, before the first form of "be".
func (ts *typedStage) pastAppositive(z, limit int) int {
	d := ts.d
	if z+2 > limit || d.toks[z+1].low != "," || !(d.is(z+2, wDet) || d.low(z+2) == "who" || isPossessiveDet(d.low(z+2))) {
		return z
	}
	rel := -1 // the "who" of a relative clause inside the appositive
	if d.low(z+2) == "who" {
		rel = z + 2
	}
	for j := z + 3; j <= limit && j < z+30; j++ {
		switch d.low(j) {
		case ",":
			if w := d.low(j + 1); w == "who" || w == "which" {
				rel = j + 1 // "the mother of Sean Smith, who died …"
				continue
			}
			return j
		case "is", "was", "are", "were":
			if rel > 0 && j < rel+3 {
				continue // "who is …" is the appositive's own verb
			}
			return j - 1
		}
		if d.toks[j].kind == tQuote || d.toks[j].low == ";" {
			return z
		}
	}
	return z
}

// aideWords are title words of people who speak for another: a title that
// holds both one of them and a person's surname makes its holder that
// person's side.
var aideWords = map[string]bool{
	"campaign": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "aide": true, "adviser": true,
	"advisor": true, "lawyer": true, "attorney": true, "press": true, "secretary": true, "manager": true,
}

// chargingDocument reports whether a document named name makes charges of
// its own ("the lawsuit", "a congressional report", "the indictment"),
// unlike data, polls and analyses, whose findings charge no one.
func chargingDocument(name string) bool {
	w := strings.ToLower(name[strings.LastIndexByte(name, ' ')+1:])
	return chargingDocs[w] || chargingDocs[strings.TrimSuffix(w, "s")]
}

// chargingDocs are the head nouns of documents that charge.
var chargingDocs = map[string]bool{
	"report": true, "lawsuit": true, "suit": true, "complaint": true, "indictment": true, "letter": true,
	"audit": true, "investigation": true, "probe": true, "filing": true, "affidavit": true, "memo": true,
	"ruling": true, "statement": true, "resolution": true, "review": true, "ad": true, "tweet": true,
}

// concedes are cues that admit: what their clause says is not a denial
// ("He acknowledged that his cry had not galvanized Americans").
var concedes = map[string]bool{
	"acknowledged": true, "acknowledges": true, "acknowledging": true, "admitted": true, "admits": true,
	"admitting": true, "conceded": true, "concedes": true, "conceding": true, "confessed": true,
}

// judgedSubject reports whether w is a subject a judgement is passed on
// without naming it: "this", "that", "it".
func judgedSubject(w string) bool {
	return w == "this" || w == "that" || w == "it"
}

// judged returns whom a clause that judges "this", "that" or "it" with a
// wrongdoing word ("this is pathetic", "it's irresponsible") charges: the
// one actor other than the speaker's side the sentence names, else the one
// the speaker last accused within two sentences; nil when the clause's
// subject is anything else, or nobody fits.
func (ts *typedStage) judged(cl *contentClause) *entity {
	d := ts.d
	k := cl.k
	if !judgedSubject(d.low(k)) {
		// "Even for a schemer like Hale, this is pathetic": past an
		// opening phrase.
		j := k
		for j < cl.limit && j < k+12 && d.toks[j].low != "," {
			j++
		}
		if j+1 > cl.limit || d.toks[j].low != "," || !judgedSubject(d.low(j+1)) {
			return nil
		}
		k = j + 1
	}
	if d.word(k+1) && !d.is(k+1, wAux) && d.low(k+1) != "'s" {
		return nil // "this decision is …": a subject of its own
	}
	if cl.wrongAt < 0 || cl.wrongAt > k+8 || d.low(cl.wrongAt) == "responsible" {
		return nil // "it is fiscally responsible" praises
	}
	r := ts.b.r
	si := int(d.toks[k].sent)
	var named *entity
	for j := cl.k; j <= cl.limit; j++ {
		// Names in what was said, not in who said it to whom ("Trump
		// told Bill O'Reilly").
		t := &d.toks[j]
		if t.kind != tWord || !t.upper || j == d.sents[si].a {
			continue
		}
		e := r.byKey[r.key(t.low)]
		if e == nil || e == cl.spk || e.source || ts.ownSide(cl.spk, e) || !ts.actorEntity(e) {
			continue
		}
		if named != nil && named != e {
			return nil // two candidates: which one, the sentence does not say
		}
		named = e
	}
	if named != nil {
		return named
	}
	return ts.lastAccused(cl.spk, d.toks[cl.cue0].start, 2)
}

// lastAccused returns whom spk last accused before byte at, within win
// sentences (any distance when win < 0), or nil.
func (ts *typedStage) lastAccused(spk *entity, at, win int) *entity {
	d := ts.d
	si := int(d.toks[sort.Search(len(d.toks), func(i int) bool { return d.toks[i].start >= at })].sent)
	var last *entity
	lastAt := -1
	for _, h := range ts.hits {
		if h.kind != graph.EdgeAccuses || h.to == nil || len(h.from) == 0 || h.from[0] != spk {
			continue
		}
		if ha := d.toks[h.cue0].start; ha < at && ha > lastAt && (win < 0 || si-int(d.toks[h.cue0].sent) <= win) {
			last, lastAt = h.to, ha
		}
	}
	return last
}

// wrongedAfter reports whether the passive that starts at k says its
// subject was wronged: "was fired", "were misled and defrauded".
func (ts *typedStage) wrongedAfter(k, z int) bool {
	d := ts.d
	for j := k; j <= z && j < k+5; j++ {
		if w := d.low(j); wrongedWords[w] || ts.lx.wrong[w] && strings.HasSuffix(w, "ed") {
			return true
		}
	}
	return false
}

// wrongedWords are participles for wrongs done to someone that are not
// wrongs in themselves ("fired" is a wrong only to the one fired).
var wrongedWords = map[string]bool{
	"fired": true, "punished": true, "demoted": true, "targeted": true, "mistreated": true, "silenced": true,
	"ousted": true, "dismissed": true, "excluded": true, "denied": true, "refused": true, "attacked": true,
}

// wrongAgentNamed reports whether a "by" names the agent of a passive in
// [k, z] ("was fired by Gowdy"): wrongOwners reads that one.
func (ts *typedStage) wrongAgentNamed(k, z int) bool {
	for j := k; j <= z && j < k+12; j++ {
		if ts.d.low(j) == "by" {
			return true
		}
	}
	return false
}

// wrongOwners returns accusations of whom a clause names as the owner of a
// wrong ("it was Fields's fault", "Clinton's negligence"), or else as its
// agents ("Israel was sold out by Kerry and Obama"), other than its
// speaker and the speaker's side.
func (ts *typedStage) wrongOwners(cl *contentClause) []*typedHit {
	d := ts.d
	k, limit, spk := cl.k, cl.limit, cl.spk
	for j := k + 1; j < limit; j++ {
		if d.possessive(j) && ts.lx.isWrong(d.low(j+1)) && d.toks[j-1].upper {
			// A named owner ("Fields's fault"), not "the system's fraud".
			if st := d.ownerStart(j, k); st >= 0 {
				ts.context(st)
				if t := ts.resolveTarget(st, j-1); t != nil && t != spk && !ts.ownSide(spk, t) {
					return []*typedHit{cl.hit(graph.EdgeAccuses, t)}
				}
			}
		}
	}
	var out []*typedHit
	for _, t := range ts.wrongAgent(k, limit) {
		if t != spk && !ts.ownSide(spk, t) {
			out = append(out, cl.hit(graph.EdgeAccuses, t))
		}
	}
	return out
}

// contentSubject returns the entity a content clause starting at k is
// about, whether that is the speaker, and the last token of the subject.
// A third-person pronoun in a direct quote is not the speaker ("She lied
// to me," Smith said).
func (ts *typedStage) contentSubject(at *attribution, k int, spk *entity) (*entity, bool, int) {
	d := ts.d
	z := d.npRight(k, at.con1+1)
	if d.isSubjectPronoun(k) || d.low(k) == "i" {
		z = k
	}
	if z < 0 {
		// "some of Clinton's rhetoric": the owner of the subject.
		for j := k + 1; j <= at.con1 && j < k+6; j++ {
			if d.possessive(j) {
				if ts.roleAfter(j+1, at.con1) {
					break // "Trump's 41-year-old campaign manager": the manager
				}
				if st := d.npLeft(j-1, k); st >= 0 {
					return ts.resolveTarget(st, j-1), false, j - 1
				}
				break
			}
		}
		return nil, false, -1
	}
	pi, pron := pronouns[d.low(k)]
	if pron && z == k && pi.first && d.low(k) != "you" {
		return nil, true, z
	}
	if pron && z == k && (pi.male || pi.female || pi.plural) && at.direct && d.low(at.cue1+1) == "of" {
		// "'He lied to us,' Ruiz said of Hale": whom the quote is about.
		if oz := d.npRight(at.cue1+2, len(d.toks)); oz >= 0 {
			if o := ts.target(at.cue1+2, oz); o != nil && o != spk {
				return o, false, z
			}
		}
	}
	if pron && z == k && pi.neuter {
		return nil, false, z // "it's a sad day": rarely an actor
	}
	subj := ts.target(k, z)
	if subj != nil && subj != spk && allied(spk, subj) && !subj.person {
		// "The committee did not retaliate," said its spokesman: his own
		// side speaks through him.
		return nil, true, z
	}
	if subj == spk {
		if pron && z == k && at.direct && int(d.toks[k].inq) >= 0 {
			return ts.otherThan(spk, k, pi), false, z
		}
		return nil, true, z
	}
	return subj, false, z
}

// otherThan returns the last entity before pos, other than spk, that a
// pronoun with info p can refer to.
func (ts *typedStage) otherThan(spk *entity, pos int, p pronounInfo) *entity {
	for _, e := range ts.b.r.before(pos, 8) {
		if e == spk || e.source {
			continue
		}
		if (p.male || p.female) && (!e.person || e.plural || p.male && e.female || p.female && e.male) {
			continue
		}
		if p.plural && !(e.plural || e.kind == graph.ActorGroup || e.kind == graph.ActorOrganization || e.kind == graph.ActorGovernment) {
			continue
		}
		return e
	}
	return nil
}

// accused reports whether the article accuses e anywhere.
func (ts *typedStage) accused(e *entity) bool {
	if ts.charged[e] {
		return true
	}
	for _, pe := range ts.b.edges {
		if pe.kind == graph.EdgeAccuses && pe.to == e {
			return true
		}
	}
	for _, h := range ts.hits {
		if h.kind == graph.EdgeAccuses && h.to == e {
			return true
		}
	}
	return false
}

// wrongAgent returns the agents of a wrong in a content span: "sold out
// by Kerry and Obama", "misled by the company".
func (ts *typedStage) wrongAgent(k, z int) []*entity {
	d := ts.d
	for j := k + 1; j <= z; j++ {
		if d.low(j) != "by" {
			continue
		}
		if o := ts.wrongOf(j+1, z); o != nil {
			// "caused by the negligent and reckless actions of Clinton"
			return []*entity{o}
		}
		near := false
		for w := j - 1; w >= k && w >= j-3; w-- {
			near = near || ts.lx.isWrong(d.low(w))
		}
		if !near {
			continue
		}
		if e := d.npRight(j+1, z+1); e >= 0 {
			ts.context(j + 1)
			if parts := ts.b.compound(j+1, e); len(parts) > 1 {
				return parts
			}
			if t := ts.resolveTarget(j+1, e); t != nil {
				return []*entity{t}
			}
		}
	}
	return nil
}

// wrongOf returns the owner named by "of" after a wrong that opens the
// phrase at k ("the negligent and reckless actions of Clinton", "the
// deceit of the company"), or nil.
func (ts *typedStage) wrongOf(k, z int) *entity {
	d := ts.d
	wrong := false
	// The owner may follow the quote the wrong closes ("… reckless
	// actions" of Clinton): read to the end of the sentence.
	z = max(z, d.sents[int(d.toks[k].sent)].b-1)
	for j := k; j <= z && j < k+9; j++ {
		w := d.low(j)
		if d.toks[j].kind == tQuote {
			continue
		}
		if w == "of" {
			if !wrong {
				return nil
			}
			e := d.npRight(j+1, z+1)
			if e < 0 {
				return nil
			}
			ts.context(j + 1)
			return ts.resolveTarget(j+1, e)
		}
		if !d.word(j) || d.tok(j).upper {
			return nil
		}
		wrong = wrong || ts.lx.isWrong(w)
	}
	return nil
}

// misrepresentsSpeaker reports whether a clause's wrong misrepresents its
// speaker: a word for distorting what one says of another, followed by the
// speaker's own pronoun ("maligning his record", "smearing me").
func (ts *typedStage) misrepresentsSpeaker(cl *contentClause) bool {
	d := ts.d
	if cl.wrongAt < 0 {
		return false
	}
	m := cl.wrongAt // "unfairly maligning": past the adverb
	for m <= cl.limit && m < cl.wrongAt+3 && !misrepresentWords[d.low(m)] {
		m++
	}
	if m > cl.limit || !misrepresentWords[d.low(m)] {
		return false
	}
	for j := m + 1; j <= cl.limit && j <= m+3; j++ {
		switch d.low(j) {
		case "me", "my", "us", "our":
			return true
		case "him", "his":
			return cl.spk.person && !cl.spk.female
		case "her":
			return cl.spk.person && !cl.spk.male
		}
	}
	return false
}

// misrepresentWords say that what someone says of another is false.
var misrepresentWords = map[string]bool{
	"maligning": true, "maligned": true, "smear": true, "smeared": true, "smearing": true, "distorted": true,
	"distorting": true, "misrepresented": true, "misrepresenting": true, "mischaracterized": true,
	"mischaracterizing": true, "twisted": true, "twisting": true, "lied": true, "lying": true,
}

// fabricationWord reports whether w says a statement was invented.
func fabricationWord(w string) bool {
	switch w {
	case "fabricated", "invented", "concocted", "fabricating", "fabrication":
		return true
	}
	return false
}

// roleAfter reports whether a role noun ("manager", "spokesman") heads
// the phrase that starts at k, before any verb.
func (ts *typedStage) roleAfter(k, z int) bool {
	d := ts.d
	for j := k; j <= z && j < k+6; j++ {
		if d.toks[j].kind != tWord && d.toks[j].low != "-" {
			return false
		}
		if d.is(j, wTitle|wAnon) && !d.toks[j].upper {
			return true
		}
		if d.is(j, wAux|wVerb) || ts.lx.verbs[d.low(j)].kind != 0 {
			return false
		}
	}
	return false
}

// passiveAfter reports whether the clause from k is passive: a form of
// "be" then a participle ("was sold out", "has been left").
func (ts *typedStage) passiveAfter(k, z int) bool {
	d := ts.d
	for j := k; j <= z && j < k+4; j++ {
		switch d.low(j) {
		case "is", "are", "was", "were", "been", "be", "being":
			if modal := d.low(j - 1); modal == "should" || modal == "must" || modal == "ought" || modal == "would" || modal == "could" {
				return false // "should be ashamed": a demand, read by punitiveDemand
			}
			n := j + 1
			for n <= z && (d.isLyAdverb(n) || d.is(n, wAdv) || d.low(n) == "and" && d.isLyAdverb(n+1)) {
				n++ // "were directly and proximately caused"
			}
			w := d.low(n)
			return n <= z && !d.tok(n).upper && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || w == "sold" || w == "left" || w == "told" || w == "caught" || w == "held")
		}
		if !d.is(j, wAux|wAdv|wNeg) && !d.isLyAdverb(j) {
			return false
		}
	}
	return false
}

// question reports whether the clause [k, z] is a question.
func (ts *typedStage) question(k, z int) bool {
	d := ts.d
	s := d.sents[int(d.toks[z].sent)]
	asked := false
	for j := s.b - 1; j >= s.a && j >= s.b-3; j-- {
		asked = asked || d.toks[j].low == "?"
	}
	for j := k; j < s.b && j <= z+2 && !asked; j++ {
		asked = d.toks[j].low == "?" // the quote asks: '"…, did you lie?" Ruiz asked.'
	}
	if !asked {
		return false
	}
	// The clause itself asks: it opens with an auxiliary before its
	// subject ("did you lie to them?") or a question word, or runs to the
	// mark.
	for j := k; j < s.b && j < k+8 && j <= z; j++ {
		if d.is(j, wAux) && (d.isSubjectPronoun(j+1) || d.tok(j+1).upper) && (j == k || d.toks[j-1].low == ",") || j == k && whWord(d.low(j)) {
			return true // "did you lie?", "Secretary Clinton, did you lie?"
		}
	}
	return z+1 < s.b && d.toks[z+1].low == "?" || z+2 < s.b && d.toks[z+2].low == "?" && d.toks[z+1].kind == tQuote
}

// ownSide reports whether t is the speaker's own side, so that what the
// speaker says of it charges no one: a name word in common or an
// affiliation (sameSide), a shared body up the affiliation chain (allied),
// or a title naming its country (titledFor).
func (ts *typedStage) ownSide(spk, t *entity) bool {
	return ts.sameSide(spk, t) || allied(spk, t) || ts.titledFor(spk, t) || titleNames(spk, t)
}

// titleNames reports whether person p's title names body b: "a spokesman
// for Exxon Mobil" speaks for Exxon Mobil.
func titleNames(p, b *entity) bool {
	if !p.person || p.title == "" || len(b.name) < 3 || b.name[0] < 'A' || b.name[0] > 'Z' {
		return false
	}
	if b.person {
		// "Trump campaign spokeswoman Hope Hicks" speaks for Trump: an
		// aide's title that holds the person's surname.
		last := b.name[strings.LastIndexByte(b.name, ' ')+1:]
		words := strings.Fields(p.title)
		return len(last) > 2 && slices.Contains(words, last) && slices.ContainsFunc(words, func(w string) bool { return aideWords[strings.ToLower(w)] })
	}
	i := strings.Index(p.title, b.name)
	end := i + len(b.name)
	return i >= 0 && (i == 0 || p.title[i-1] == ' ') && (end == len(p.title) || p.title[end] == ' ' || p.title[end] == '\'')
}

// titledFor reports whether a's title names b's country: "a spokeswoman
// for the Chinese foreign ministry" speaks for China.
func (ts *typedStage) titledFor(a, b *entity) bool {
	if a.title == "" || b.country == "" {
		return false
	}
	r := ts.b.r
	for _, w := range strings.Fields(strings.ToLower(a.title)) {
		if r.demonymCode(w) == b.country || r.countryCode(w) == b.country {
			return true
		}
	}
	return false
}

// allied reports whether a and b belong to one body: one is the other's
// affiliation, or they share one, up the chain ("Lu Kang, spokesman of the
// Chinese Foreign Ministry" and China).
func allied(a, b *entity) bool {
	up := func(e *entity) []*entity {
		var out []*entity
		for k := 0; e != nil && k < 4; k++ {
			out = append(out, e)
			e = e.affil
		}
		return out
	}
	ua, ub := up(a), up(b)
	for _, x := range ua {
		for _, y := range ub {
			if x == y || x.country != "" && x.country == y.country {
				return true
			}
		}
	}
	return false
}

// auxBefore reports whether an auxiliary stands before token j, past its
// adverbs, but not before token k.
func (ts *typedStage) auxBefore(j, k int) bool {
	d := ts.d
	p := j - 1
	for p > k && (d.isLyAdverb(p) || d.is(p, wAdv)) {
		p--
	}
	return p >= k && d.is(p, wAux)
}

// claimPhrase reports whether the noun phrase at k, up to its verb, names a
// statement ("your allegations", "all of the claims in the suit").
func (ts *typedStage) claimPhrase(k, z int) bool {
	d := ts.d
	for j := k; j <= z && j < k+12 && (!d.is(j, wAux|wVerb) || d.possessive(j)); j++ {
		if j > k && d.toks[j].cue && !ts.lx.claimNouns[d.low(j)] && !statementNouns[d.low(j)] {
			return false // the subject ended at its verb: "the website cites claims"
		}
		if (ts.lx.claimNouns[d.low(j)] || statementNouns[d.low(j)]) && !d.toks[j].upper && !d.is(j, wPron|wDet|wSub) {
			return true
		}
	}
	return false
}

// statementNouns are what someone said, besides the claim nouns: their
// falsity answers the one who said them ("Trump's tweets are lies").
var statementNouns = map[string]bool{
	"tweets": true, "tweet": true, "remarks": true, "comments": true, "statement": true, "statements": true,
	"words": true, "ad": true, "ads": true, "testimony": true, "version": true, "description": true,
}

// statementOwner returns the possessive owner of the statement that opens
// the clause [k, z] ("Trump's early-morning tweets"), or nil.
func (ts *typedStage) statementOwner(k, z int) *entity {
	d := ts.d
	for j := k + 1; j <= z && j < k+8 && (!d.is(j, wAux|wVerb) || d.possessive(j)); j++ {
		if d.possessive(j) {
			if st := d.ownerStart(j, k); st >= 0 {
				ts.context(st)
				return ts.resolveTarget(st, j-1)
			}
			return nil
		}
	}
	return nil
}

// punitiveDemand reports whether the predicate from k asks that its
// subject be punished or atone: "should be ashamed", "must resign",
// "ought to be prosecuted".
func (ts *typedStage) punitiveDemand(k, z int) bool {
	d := ts.d
	modal := false
	for j := k; j <= z && j < k+6; j++ {
		w := d.low(j)
		switch {
		case w == "should" || w == "must" || w == "ought":
			modal = true
		case modal && (atoneVerbs[w] || punishedWords[w]):
			return true
		case modal && (w == "be" || w == "to" || w == "been" || d.isLyAdverb(j) || d.is(j, wAdv)):
		default:
			if modal {
				return false
			}
		}
	}
	return false
}

// punishedWords follow "should be" in a demand for punishment.
var punishedWords = map[string]bool{
	"ashamed": true, "fired": true, "jailed": true, "prosecuted": true, "arrested": true, "impeached": true, "punished": true,
	"investigated": true, "indicted": true, "locked": true, "removed": true, "disbarred": true, "held": true,
}

// signal reports whether tokens [a, z] hold a word of a charge or a
// denial: wrongdoing, falsity, negation or a fabrication.
func (ts *typedStage) signal(a, z int) bool {
	d := ts.d
	for j := a; j <= z; j++ {
		if ts.lx.info[d.low(j)]&(tiWrong|tiFalsity|tiNothing) != 0 || d.is(j, wNeg) || d.low(j) == "n't" {
			return true
		}
	}
	return false
}

// chargedSpeaker reports whether a wrong-predicate clause says what its
// subject did to the speaker: "wrong to call me a liar", "wrong for saying
// Clinton lied to her".
func (ts *typedStage) chargedSpeaker(k, z int) bool {
	d := ts.d
	for j := k; j <= z && j < k+12; j++ {
		w := d.low(j)
		if (w == "call" || w == "calling" || w == "called") && (d.low(j+1) == "me" || d.low(j+1) == "us") {
			return true
		}
		if (w == "saying" || w == "say" || w == "claiming" || w == "suggesting") && ts.signal(j+1, min(z, j+10)) {
			return true
		}
	}
	return false
}

// wrongPredicate reports whether the clause from k says its subject is
// mistaken: "were wrong in their recollections", "is mistaken".
func (ts *typedStage) wrongPredicate(k, z int) bool {
	d := ts.d
	for j := k; j <= z && j < k+5; j++ {
		switch d.low(j) {
		case "wrong", "mistaken":
			return true
		case "would", "could", "might", "may", "will":
			return false // "the party would be mistaken to proceed": advice
		}
		if !d.is(j, wAux|wAdv) && !d.isLyAdverb(j) && d.toks[j].kind != tQuote {
			return false
		}
	}
	return false
}

// notOnly reports whether a negation before w is "not only": "he is not
// only a racist, but …" charges, it does not deny.
func notOnly(w string) bool {
	return w == "only" || w == "just" || w == "merely" || w == "simply"
}

// datelineEnd returns the first word after a dateline that opens the
// tokens [k, end] ("WASHINGTON (Reuters) - ", "BEIJING, China — "), or k
// when none does: a place in capitals, an agency in brackets, a dash.
func (d *doc) datelineEnd(k, end int) int {
	j := k
	for j <= end && j < k+6 && (d.word(j) && d.tok(j).upper || d.toks[j].low == "," || d.toks[j].low == ".") {
		j++
	}
	if j == k || !allCaps(d.text[d.toks[k].start:d.toks[k].end]) {
		return k
	}
	if j <= end && d.toks[j].low == "(" {
		for j <= end && d.toks[j].low != ")" && j < k+12 {
			j++
		}
		j++
	}
	if j > end || !dashWord(d.toks[j].low) {
		return k
	}
	j++
	for j <= end && d.toks[j].kind != tWord {
		j++
	}
	if j > end {
		return k
	}
	return j
}

// allCaps reports whether s has two or more letters and no lower-case one.
func allCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// dashWord reports whether a token is a dash ("-", "--", "–", "—").
func dashWord(w string) bool {
	return w == "-" || w == "--" || w == "–" || w == "—"
}
