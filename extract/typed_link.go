package extract

import "github.com/claimgraph/claimgraph/graph"

// This file links each denial to the accuser and accusation it answers.

// linkDenials gives each denial without a named accuser the one its
// article names: the last accusation of the denier (or of its side) before
// it, else the first after it, else the last accuser before it.
func (ts *typedStage) linkDenials() {
	b := ts.b
	type acc struct {
		from, to *entity
		at       int
		claim    *graph.Claim
		hit      *typedHit
	}
	var accs []acc
	for _, pe := range b.edges {
		if pe.kind == graph.EdgeAccuses {
			accs = append(accs, acc{pe.from, pe.to, pe.claim.CueStart, pe.claim, nil})
		}
	}
	for _, h := range ts.hits {
		if h.kind == graph.EdgeAccuses {
			for _, f := range h.from {
				accs = append(accs, acc{f, h.to, ts.d.toks[h.cue0].start, nil, h})
			}
		}
	}
	aimsAt := func(a acc, e *entity) bool {
		return e != nil && a.to != nil && (a.to == e || a.to.affil == e || e.affil == a.to || !a.to.person && !e.person && sameSide(e, a.to))
	}
	for _, h := range ts.hits {
		if h.kind != graph.EdgeDenies || h.to != nil {
			continue
		}
		den := h.from[0]
		// The accusation answered is aimed at the denier, or at the one
		// the denier speaks for ("Lewandowski is innocent," said Hicks).
		aimed := func(a acc) bool { return aimsAt(a, den) || aimsAt(a, h.behalf) }
		at := ts.d.toks[h.cue0].start
		best := -1
		// A named accuser before a description ("Podliska" before "a
		// former staffer"): the later one wins only at the same rank.
		// Then the one who accused the denier most often: the main
		// accuser of the story, not the last to repeat the charge.
		count := func(e *entity) int {
			n := 0
			for _, a := range accs {
				if a.from == e && aimed(a) {
					n++
				}
			}
			return n
		}
		better := func(k, than int, later bool) bool {
			if than < 0 {
				return true
			}
			nk, nt := named(accs[k].from), named(accs[than].from)
			if nk != nt {
				return nk
			}
			if ck, ct := count(accs[k].from), count(accs[than].from); ck != ct {
				return ck > ct
			}
			return later == (accs[k].at > accs[than].at)
		}
		for k, a := range accs {
			if a.at < at && aimed(a) && a.from != den && better(k, best, true) {
				best = k
			}
		}
		if best < 0 {
			for k, a := range accs {
				if a.at > at && aimed(a) && a.from != den && better(k, best, false) {
					best = k
				}
			}
		}
		if best < 0 {
			for k, a := range accs {
				if a.at < at && a.from != den && !sameSide(den, a.from) && better(k, best, true) {
					best = k
				}
			}
		}
		if best < 0 {
			// No accusation: the last other named speaker shortly before,
			// whose statement the denial answers ("X said …; Y denied the
			// claims").
			if e, c := ts.lastOtherSpeaker(den, h.cue0); e != nil {
				h.to, h.denied = e, c
			}
			continue
		}
		if best >= 0 {
			h.to = accs[best].from
			h.deniedHit, h.denied = accs[best].hit, accs[best].claim
		}
	}
	// A denial whose accuser the sentence names ("rejected Exxon's
	// accusation") answers that accuser's last charge against the denier.
	for _, h := range ts.hits {
		if h.kind != graph.EdgeDenies || h.to == nil || h.denied != nil || h.deniedHit != nil {
			continue
		}
		at := ts.d.toks[h.cue0].start
		best := -1
		for k, a := range accs {
			if a.from == h.to && aimsAt(a, h.from[0]) && (best < 0 || a.at < at && a.at > accs[best].at) {
				best = k
			}
		}
		if best >= 0 {
			h.deniedHit, h.denied = accs[best].hit, accs[best].claim
		}
	}
}

// named reports whether e has a proper name, not only a description.
func named(e *entity) bool {
	return e != nil && e.name != "" && e.name[0] >= 'A' && e.name[0] <= 'Z'
}

// lastOtherSpeaker returns the speaker of the last claim before token i,
// within three sentences, that is a named actor other than den and not of
// its side, with that claim.
func (ts *typedStage) lastOtherSpeaker(den *entity, i int) (*entity, *graph.Claim) {
	b, d := ts.b, ts.d
	si := int(d.toks[i].sent)
	for k := len(b.claims) - 1; k >= 0; k-- {
		at := b.ats[k]
		if at == nil || at.cue0 >= i {
			continue
		}
		if si-int(d.toks[at.cue0].sent) > 3 {
			break
		}
		e := b.spk[k]
		if e == nil || e == den || e.source || e.kind == graph.ActorAnonymous || sameSide(den, e) {
			continue
		}
		return e, b.claims[k]
	}
	return nil, nil
}
