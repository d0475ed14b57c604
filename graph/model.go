package graph

import "strings"

// ActorKind says what sort of speaker or target an Actor is.
type ActorKind string

// Actor kinds.
const (
	ActorPerson       ActorKind = "PERSON"
	ActorOrganization ActorKind = "ORGANIZATION"
	ActorGovernment   ActorKind = "GOVERNMENT"
	ActorGroup        ActorKind = "GROUP"
	ActorAnonymous    ActorKind = "ANONYMOUS"
)

// ActorKinds lists every ActorKind in a stable order.
var ActorKinds = []ActorKind{ActorPerson, ActorOrganization, ActorGovernment, ActorGroup, ActorAnonymous}

// Valid reports whether k is one of the known actor kinds.
func (k ActorKind) Valid() bool {
	for _, v := range ActorKinds {
		if k == v {
			return true
		}
	}
	return false
}

// SourceKind says what carried a statement.
type SourceKind string

// Source kinds.
const (
	SourceAgency    SourceKind = "AGENCY"
	SourcePublisher SourceKind = "PUBLISHER"
	SourceDocument  SourceKind = "DOCUMENT"
)

// SourceKinds lists every SourceKind in a stable order.
var SourceKinds = []SourceKind{SourceAgency, SourcePublisher, SourceDocument}

// Valid reports whether k is one of the known source kinds.
func (k SourceKind) Valid() bool {
	for _, v := range SourceKinds {
		if k == v {
			return true
		}
	}
	return false
}

// EdgeKind names a typed relation of the graph.
type EdgeKind string

// Edge kinds, written as in the extraction contract.
const (
	// EdgeSays links an Actor to a Claim it made.
	EdgeSays EdgeKind = "says"
	// EdgeAccuses links an accusing Actor to the accused Actor.
	EdgeAccuses EdgeKind = "accuses"
	// EdgeDenies links an Actor to the Actor whose claim it denies (the
	// accuser), or to the denied Claim itself when no actor is named; the
	// edge's Denied names the denied claim when it is known.
	EdgeDenies EdgeKind = "denies"
	// EdgeReports links a Source to a Claim it carried.
	EdgeReports EdgeKind = "reports"
)

// EdgeKinds lists every EdgeKind in a stable order.
var EdgeKinds = []EdgeKind{EdgeSays, EdgeAccuses, EdgeDenies, EdgeReports}

// Valid reports whether k is one of the known edge kinds.
func (k EdgeKind) Valid() bool {
	for _, v := range EdgeKinds {
		if k == v {
			return true
		}
	}
	return false
}

// Article is one ingested document. Its ID is derived from its text
// (ArticleID), so ingesting the same text twice yields the same article.
type Article struct {
	ID          string `json:"id"`
	URL         string `json:"url,omitempty"`
	Title       string `json:"title,omitempty"`
	Publisher   string `json:"publisher,omitempty"`
	PublishedAt string `json:"publishedAt,omitempty"`
	// IngestedAt is when the article was ingested (RFC 3339), set by
	// whoever ingests it. An article without a PublishedAt that DateKey
	// reads is ordered and filtered by it (see TimeKey).
	IngestedAt string `json:"ingestedAt,omitempty"`
	// Text is the full article text; offsets of claims index its bytes.
	Text string `json:"text,omitempty"`
}

// DateSource says which time an article is ordered by.
type DateSource string

// Date sources.
const (
	// DatePublished: its publication time, as given at ingest.
	DatePublished DateSource = "PUBLISHED"
	// DateIngested: it has no publication time (or none that reads as a
	// time), so the time it was ingested.
	DateIngested DateSource = "INGESTED"
)

// TimeKey returns the sortable time the article is ordered and filtered
// by (DateKey form): its publication time, else its ingest time, else ""
// (an article stored before ingest times were kept), which sorts first.
func (a *Article) TimeKey() string {
	if k := DateKey(a.PublishedAt); k != "" {
		return k
	}
	return DateKey(a.IngestedAt)
}

// DateSource says which time TimeKey gives: DatePublished, DateIngested,
// or "" when the article has neither.
func (a *Article) DateSource() DateSource {
	switch {
	case DateKey(a.PublishedAt) != "":
		return DatePublished
	case DateKey(a.IngestedAt) != "":
		return DateIngested
	}
	return ""
}

// Actor is a person, organisation, government, group or unnamed speaker.
type Actor struct {
	ID   string    `json:"id"`
	Name string    `json:"name"`
	Kind ActorKind `json:"kind"`
	// Aliases holds the other surface forms seen: short names, capitals
	// standing for governments, abbreviations.
	Aliases []string `json:"aliases,omitempty"`
	// Title is a role such as "Defense Ministry spokesman".
	Title string `json:"title,omitempty"`
	// Affiliation is the ID of another Actor this one belongs to, if known.
	Affiliation string `json:"affiliation,omitempty"`
}

// Source is a news agency, publisher or document that carried a statement.
type Source struct {
	ID      string     `json:"id"`
	Name    string     `json:"name"`
	Kind    SourceKind `json:"kind"`
	Aliases []string   `json:"aliases,omitempty"`
}

// Claim is one attributed statement with its provenance. All offsets are byte
// offsets into the article text.
type Claim struct {
	ID string `json:"id"`
	// Article is the ID of the article the claim was found in.
	Article string `json:"article,omitempty"`
	// Speaker is the ID of the Actor (or Source) the claim is attributed to.
	Speaker string `json:"speaker,omitempty"`
	// Text is the content of the statement, Start and End its offsets.
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Sentence is the whole sentence (or sentences) carrying the cue.
	Sentence string `json:"sentence"`
	// Cue is the reporting expression ("said", "accused", "according to").
	Cue      string `json:"cue"`
	CueStart int    `json:"cueStart"`
	CueEnd   int    `json:"cueEnd"`
	// SpeakerStart and SpeakerEnd locate the speaker as written at this
	// place; both are nil when no speaker is written there.
	SpeakerStart *int `json:"speakerStart,omitempty"`
	SpeakerEnd   *int `json:"speakerEnd,omitempty"`
	// Direct is true for quoted speech.
	Direct bool `json:"direct"`
}

// Edge is one typed relation, tied to the claim and article it came from.
type Edge struct {
	Kind EdgeKind `json:"kind"`
	// From is the ID of an Actor (says, accuses, denies) or a Source (reports).
	From string `json:"from"`
	// To is the ID of a Claim (says, reports, denies) or an Actor (accuses,
	// denies).
	To string `json:"to"`
	// Claim is the ID of the claim the relation was read from.
	Claim string `json:"claim"`
	// Article is the ID of the article the relation was read from.
	Article string `json:"article,omitempty"`
	// Denied is, on a denies edge, the ID of the claim that is denied
	// (typically the accuser's accusation, in the same article) when the
	// extraction identifies it; empty otherwise, and on every other kind.
	Denied string `json:"denied,omitempty"`
}

// DeniedClaim returns the ID of the claim a denies edge denies: Denied
// when set, else To when it is a claim; "" for any other edge. A claim is
// never taken to deny itself: a To or Denied equal to the edge's own Claim
// is passed over.
func (e *Edge) DeniedClaim() string {
	switch {
	case e.Kind != EdgeDenies:
		return ""
	case e.Denied != "" && e.Denied != e.Claim:
		return e.Denied
	case strings.HasPrefix(e.To, PrefixClaim) && e.To != e.Claim:
		return e.To
	}
	return ""
}

// Answers reports whether the denies edge e answers the accusation acc (an
// accuses edge): it denies acc's claim (DeniedClaim) or, when it names no
// denied claim, it was read from the same article with the accused denying
// the accuser. A denial naming another claim answers only that one, even
// between the same actors in the same article.
func (e *Edge) Answers(acc *Edge) bool {
	if e.Kind != EdgeDenies || acc.Kind != EdgeAccuses {
		return false
	}
	if d := e.DeniedClaim(); d != "" {
		return d == acc.Claim
	}
	return e.Article != "" && e.Article == acc.Article && e.From == acc.To && e.To == acc.From
}

// Extraction is everything read from one article: the contract between
// extract (which produces it), the CLI (which prints it as JSON) and the
// store (which persists it).
type Extraction struct {
	Article Article   `json:"article"`
	Actors  []*Actor  `json:"actors"`
	Sources []*Source `json:"sources"`
	Claims  []*Claim  `json:"claims"`
	Edges   []*Edge   `json:"edges"`
	// Resolved marks an extraction whose actor and source IDs are already
	// those of a graph, as read back from a store (an export): Ingest
	// stores its nodes under those IDs, without resolving them against
	// the stored ones, so that a new store rebuilt from an export holds
	// the same graph. It is an instruction of the caller, never read
	// from or written to JSON.
	Resolved bool `json:"-"`
}
