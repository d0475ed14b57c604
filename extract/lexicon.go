package extract

import (
	"strings"
	"sync"
)

// cueClass says what kind of attribution a cue word signals.
type cueClass uint8

const (
	classSpeech    cueClass = iota // say, tell, add, announce …
	classCognition                 // believe, think, expect, want …
	classAccuse                    // accuse, blame, hold responsible …
	classDeny                      // deny, reject, dismiss …
	classReport                    // report, according to, show …
)

// cue frame flags: what may follow (or precede) a cue verb.
const (
	fThat  = 1 << iota // a that-clause or bare clause ("said (that) …")
	fQuote             // a direct quote ("said, "…"")
	fInv               // inversion and trailing use ("…," said X / "…," X said)
	fTo                // a to-infinitive ("wants to …", "vowed to …")
	fObj               // a noun-phrase object is the content ("denied the report")
	fRecip             // a recipient comes first ("told reporters that …")
	fWeak              // needs a that-clause, quote, colon or to-infinitive
)

// cueLemma is one lexicon entry before inflection.
type cueLemma struct {
	class cueClass
	flags int
}

// cueForm is the lexicon entry of one inflected form.
type cueForm struct {
	lemma string
	class cueClass
	flags int
	ing   bool // the -ing form
	part  bool // a past participle (may be passive)
	// partOnly marks a participle that is not also the past tense
	// ("known", "written"): without an auxiliary it is an adjective.
	partOnly bool
	// noun marks bare and -s forms that are also common nouns ("states",
	// "report", "show"): they need a that-clause, quote, colon or
	// to-infinitive to count as cues.
	noun bool
}

// nounLemmas are cue verbs whose bare and -s forms are common nouns.
const nounLemmas = "point vote rail rule order brief challenge view outline frame appeal regret guarantee fault notice smile laugh sigh text message email cry state show stress note claim question signal advocate back attack report post plan support comment answer request demand hope fear doubt call tweet promise offer address voice detail label brand welcome echo push press express raise cite charge find concern estimate reply respond counter release issue pledge vow warn remark mention joke quip boast complain praise blast slam"

// cueTable lists the cue verbs: lemma, class, frames and, after a bar,
// irregular forms (past, participle).
const cueTable = `
say speech that quote inv | said said
tell speech that quote inv recip | told told
add speech that quote inv weak
state speech that quote inv
note speech that quote inv
insist speech that quote inv
explain speech that quote inv
announce speech that quote inv obj
argue speech that quote inv
claim speech that quote inv to
write speech that quote inv | wrote written
tweet speech that quote inv
post speech that quote weak
declare speech that quote inv
reply speech that quote inv
respond speech that quote inv weak
answer speech that quote inv weak
remark speech that quote inv
comment speech that quote inv weak
observe speech that quote inv weak
stress speech that quote inv
emphasize speech that quote inv
emphasise speech that quote inv
reiterate speech that quote inv
repeat speech that quote inv weak
maintain speech that quote inv weak
assert speech that quote inv
contend speech that quote inv
acknowledge speech that quote inv obj
admit speech that quote inv obj | admitted admitted
concede speech that quote inv
confirm speech that quote inv obj
tell speech that quote inv recip
inform speech that recip weak
ask speech that quote inv recip to
wonder speech that quote inv
suggest speech that quote inv
propose speech that quote to obj
recommend speech that to weak
predict speech that quote inv
promise speech that quote inv to obj
pledge speech that quote inv to
vow speech that quote inv to
threaten speech that to weak
warn speech that quote inv recip to
urge speech that quote inv recip to
caution speech that quote inv
recall speech that quote inv
disclose speech that obj
reveal speech that obj
testify speech that quote inv
boast speech that quote inv
brag speech that quote inv
joke speech that quote inv
quip speech that quote inv
complain speech that quote inv
lament speech that quote inv
mention speech that obj
describe speech obj weak
remind speech that quote inv recip
assure speech that quote inv recip
signal speech that weak
indicate report that weak
imply speech that weak
hint speech that weak
estimate speech that quote inv
retort speech that quote inv
counter speech that quote inv
shout speech that quote inv
yell speech that quote inv
chant speech quote inv weak
conclude speech that quote inv
agree speech that to weak
disagree speech that weak
demand speech that to obj
request speech that to weak
call speech recip to weak
declare speech that quote inv
proclaim speech that quote inv
affirm speech that quote inv
predict speech that quote inv
continue speech quote inv weak
tout speech that obj weak
criticize speech obj
criticise speech obj
condemn speech obj
slam speech obj weak | slammed slammed
blast speech obj weak
defend speech obj weak
decline speech to weak
refuse speech to weak
allege accuse that quote inv
accuse accuse recip obj
blame accuse recip obj
charge accuse that recip weak
deny deny that quote inv obj
reject deny that obj
dismiss deny that obj
refute deny that obj
dispute deny that obj
rebut deny that obj | rebutted rebutted
believe cognition that
think cognition that | thought thought
expect cognition that to
hope cognition that to
fear cognition that
worry cognition that
feel cognition that weak | felt felt
know cognition that | knew known
understand cognition that | understood understood
suspect cognition that
doubt cognition that
assume cognition that weak
consider cognition that weak
realize cognition that
realise cognition that
recognize cognition that weak
want cognition to obj
plan cognition to | planned planned
intend cognition to
seek cognition to weak | sought sought
wish cognition that to
aim cognition to weak
prefer cognition to weak | preferred preferred
support cognition obj weak
oppose cognition obj weak
endorse cognition obj
favor cognition obj weak
report report that quote inv
show report that obj | showed shown
find report that weak | found found
cite speech obj weak
attack speech obj weak
question speech obj weak
speak speech weak | spoke spoken
talk speech weak
echo speech obj weak
liken speech obj weak
express speech obj weak
encourage speech recip to weak
press speech recip to weak
back cognition obj weak
learn cognition that | learned learned
detail speech obj weak
label speech obj weak
applaud speech obj weak
welcome speech obj weak
hail speech obj weak
mock speech obj weak
ridicule speech obj weak
denounce speech obj
decry speech obj
lambaste speech obj
discuss speech obj weak
address speech obj weak
voice speech obj weak
advocate speech obj weak
promote speech obj weak
push speech recip to weak
characterize speech obj weak
dub speech obj weak | dubbed dubbed
brand speech obj weak
blame accuse recip obj
predict speech that quote inv
offer speech to obj weak
decide cognition that to weak
argue speech that quote inv
agree speech that to weak
respond speech that quote inv weak
highlight speech obj weak
acknowledge speech that quote inv obj
recommend speech that to obj weak
suggest speech that quote inv
warn speech that quote inv recip to
rule report that weak
determine report that weak
order speech that recip to weak
advise speech that recip to weak
appeal speech to weak
plead speech that to weak
swear speech that to weak | swore sworn
guarantee speech that weak
reassure speech that recip weak
notify speech that recip weak
brief speech that recip weak
clarify speech that weak
recount speech that quote inv weak
portray speech obj weak
summarize speech that weak
outline speech obj weak
speculate cognition that
theorize cognition that
inquire speech quote inv weak
challenge speech obj weak
confess speech that quote inv
regret cognition that weak | regretted regretted
apologize speech quote inv weak
commend speech obj weak
congratulate speech recip weak
assail speech obj weak
chastise speech obj weak
rebuke speech obj weak
fault speech obj weak
deem cognition obj weak
anticipate cognition that weak
imagine cognition that weak
envision cognition that weak
remember cognition that weak
forget cognition that weak | forgot forgotten
discover cognition that weak
notice cognition that weak
accept cognition that weak
dread cognition that to weak
see cognition that weak | saw seen
laugh speech quote inv weak
smile speech quote inv weak
sigh speech quote inv weak
exclaim speech quote inv
muse speech quote inv
mutter speech quote inv
whisper speech quote inv
scream speech quote inv
cry speech quote inv weak | cried cried
email speech that weak
praise speech obj weak
admire cognition obj weak
vote cognition to weak
unveil speech obj weak
point speech weak
rail speech weak
text speech that weak
message speech that weak
`

// lexicon holds every word list, built once into read-only maps.
type lexicon struct {
	cues map[string]cueForm
	sets map[string]uint32
	// info joins sets and cues for the one lookup per token.
	info map[string]wordInfo
	// abbrevs holds the abbreviations of abbrevList without their period.
	abbrevs map[string]bool
}

// wordInfo is what the lexicon knows about one lower-case word.
type wordInfo struct {
	bits uint32
	cue  bool
}

// word-set bits of lexicon.sets.
const (
	wAux     = 1 << iota // has, was, will, did …
	wAdv                 // also, later, repeatedly …
	wNeg                 // not, never
	wDet                 // the, a, some …
	wPron                // he, she, they …
	wPrep                // in, on, at …
	wSub                 // that, because, while …
	wTitle               // president, minister, spokesman …
	wOrg                 // ministry, party, committee …
	wAnon                // official, source, aide … (unnamed speakers)
	wDoc                 // report, study, poll … (documents)
	wTime                // monday, yesterday, earlier …
	wVerb                // common non-cue verbs: is, went, made …
	wConj                // and, or, but
	wMonth               // january … (after a preposition, a date)
	wGov                 // government, authorities, administration
	wMedia               // post, times, journal … (publisher heads)
	wStarter             // words that start a sentence but not a name
	wAbbrev              // abbreviations, stored as "."+word
	wTrigger             // non-cue words that may open a frame: in, according, made, convinced …
)

var wordSets = []struct {
	bits  uint32
	words string
}{
	{wAux, "has have had having is are was were be been being will would could can may might should must shall do does did 's 've 'd 'll am don't doesn't didn't won't can't wouldn't isn't aren't wasn't weren't hasn't haven't hadn't shouldn't couldn't mustn't"},
	{wAdv, "however though meanwhile moreover nevertheless nonetheless indeed furthermore also later previously repeatedly recently often already still again then reportedly publicly privately once just even only first now quickly strongly clearly openly falsely further frequently initially subsequently separately similarly likewise additionally allegedly instead simply bluntly flatly firmly angrily calmly confidently emphatically explicitly directly earlier since yet ultimately essentially apparently immediately long generally usually always consistently specifically actually really largely widely last almost together rather perhaps"},
	{wNeg, "not never n't no"},
	{wDet, "the a an some many several most few all both each every any other another these those this that's two three four five six seven eight nine ten dozens hundreds thousands numerous various more certain"},
	{wPron, "he she they it we i you who which him her them us me his its their our my your whom"},
	{wPrep, "in on at for from with by about to of into over under after before during since against between among through via without within across near amid amidst upon toward towards like per than outside inside behind beyond despite following"},
	{wSub, "that because while when whether if although though unless since whereas where so as after before until once why how what"},
	{wTitle, "president minister spokesman spokeswoman spokesperson secretary senator sen. gov. governor rep. representative mr. mrs. ms. dr. prof. professor chief executive general gen. judge justice ambassador director chairman chairwoman chair leader commander deputy vice senior attorney mayor premier chancellor king queen prince sheikh envoy adviser advisor aide head candidate nominee lawmaker congressman congresswoman speaker officer lt. col. sgt. capt. maj. colonel captain major sergeant lieutenant admiral pope cardinal bishop rev. reverend father sister brother coach ceo cfo chancellor commissioner inspector counsel lawyer analyst economist strategist manager founder president-elect vice-president foreign defense defence interior finance state prime deputy acting former then-candidate spokesmen officials official superintendent sheriff emir crown pastor rabbi imam mufti cleric host anchor correspondent reporter editor columnist author"},
	{wOrg, "ministry department party committee council agency office commission campaign government army forces force police court university institute center centre foundation bank company corporation corp. inc. group association union organization organisation network service bureau administration congress senate house parliament assembly cabinet board authority authorities military navy coalition alliance movement front federation league club team fund trust embassy consulate secretariat directorate command brigade regiment battalion unit division guard guards commission tribunal legislature chamber caucus company firm hospital school college church mosque"},
	{wAnon, "official officials spokesman spokeswoman spokesperson source sources aide aides adviser advisers advisor advisors diplomat diplomats officer officers analyst analysts expert experts critic critics witness witnesses resident residents observer observers insider insiders supporter supporters opponent opponents lawmaker lawmakers leader leaders member members people person man woman voter voters activist activists worker workers employee employees representative representatives investigator investigators prosecutor prosecutors researcher researchers scientist scientists economist economists strategist strategists commander commanders soldier soldiers police authorities minister ministers"},
	{wDoc, "report study survey poll document memo memorandum letter filing analysis review audit records data book article email emails transcript indictment complaint lawsuit statement assessment estimate estimates figures findings research paper ruling order bill resolution draft communique communiqué declaration cable release video footage documents polls surveys studies reports lawsuits suits complaints indictments letters memos filings audits rulings tweet tweets ad ads editorial"},
	{wTime, "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow earlier later recently morning evening afternoon night week month year weekend"},
	{wVerb, "is are was were be been am has have had do does did go goes went gone make makes made take takes took taken come comes came get gets got give gives gave given become became put run ran keep kept leave left let begin began begun seem seems seemed help helps helped turn turned start started started move moved live lived lose lost pay paid meet met include includes included continue set sets play played stand stood serve served win won die died happened happen happens send sent build built stay stayed fall fell cut reach reached kill killed killing remain remains remained lead leads led hit hits carry carried occur occurred launched launch attacked forms formed located trained intensified adheres began receives caused causing supporting assisting using bordering referring violated responded shot failed"},
	{wConj, "and or but nor"},
	{wMonth, "january february march april may june july august september october november december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec."},
	{wGov, "government authorities administration regime cabinet leadership"},
	{wMedia, "post times journal news tribune herald guardian telegraph gazette daily magazine network tv radio television press chronicle observer examiner inquirer courier dispatch mirror sun star express independent review weekly standard economist wire"},
	{wStarter, "the a an but and or so yet however meanwhile still also in on at for after before during when while if as although though because since this that these those there here it he she they we i you his her their its our my what why how where who which earlier later now then today yesterday last next"},
}

// triggerWords open a frame in tryCue without being cue verbs.
const triggerWords = "in according held hold holds holding quoted pointed made make makes making"

// Abbreviations that keep their period (a period after them does not end a
// sentence).
const abbrevList = "mr mrs ms dr prof gov sen rep st jr sr gen col lt sgt capt maj adm cmdr rev hon pres supt det insp atty jan feb mar apr jun jul aug sep sept oct nov dec inc corp co ltd llc bros vs etc no nos vol fig ft mt approx dept est govt univ assn"

// pronounInfo describes a personal or relative pronoun.
type pronounInfo struct {
	plural   bool
	female   bool
	male     bool
	neuter   bool // it, which
	relative bool // who, which
	first    bool // I, we
}

var pronouns = map[string]pronounInfo{
	"he": {male: true}, "him": {male: true}, "his": {male: true},
	"she": {female: true}, "her": {female: true},
	"they": {plural: true}, "them": {plural: true}, "their": {plural: true},
	"it": {neuter: true}, "its": {neuter: true},
	"who": {relative: true}, "which": {relative: true, neuter: true},
	"i": {first: true}, "we": {first: true, plural: true}, "you": {first: true},
}

var buildLexicon = sync.OnceValue(func() *lexicon {
	lx := &lexicon{cues: map[string]cueForm{}, sets: map[string]uint32{}}
	for _, ws := range wordSets {
		for _, w := range strings.Fields(ws.words) {
			lx.sets[w] |= ws.bits
		}
	}
	nounSet := map[string]bool{}
	for _, w := range strings.Fields(nounLemmas) {
		nounSet[w] = true
	}
	for _, w := range strings.Fields(triggerWords) {
		lx.sets[w] |= wTrigger
	}
	for w := range adjCues {
		lx.sets[w] |= wTrigger
	}
	for w := range nounCues {
		lx.sets[w] |= wTrigger
	}
	lx.abbrevs = map[string]bool{}
	for _, w := range strings.Fields(abbrevList) {
		lx.abbrevs[w] = true
		lx.sets["."+w] |= wAbbrev
	}
	for _, line := range strings.Split(cueTable, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		main, irr, _ := strings.Cut(line, "|")
		f := strings.Fields(main)
		lemma := f[0]
		var l cueLemma
		for _, w := range f[1:] {
			switch w {
			case "speech":
				l.class = classSpeech
			case "cognition":
				l.class = classCognition
			case "accuse":
				l.class = classAccuse
			case "deny":
				l.class = classDeny
			case "report":
				l.class = classReport
			case "that":
				l.flags |= fThat
			case "quote":
				l.flags |= fQuote
			case "inv":
				l.flags |= fInv
			case "to":
				l.flags |= fTo
			case "obj":
				l.flags |= fObj
			case "recip":
				l.flags |= fRecip
			case "weak":
				l.flags |= fWeak
			}
		}
		past, part := pastForms(lemma, irr)
		isNoun := nounSet[lemma]
		add := func(form string, ing, isPart, partOnly, noun bool) {
			if _, ok := lx.cues[form]; ok && !isPart && !ing {
				return
			}
			lx.cues[form] = cueForm{lemma: lemma, class: l.class, flags: l.flags, ing: ing, part: isPart, partOnly: partOnly, noun: noun}
		}
		add(lemma, false, false, false, isNoun)
		add(thirdPerson(lemma), false, false, false, isNoun)
		add(past, false, past == part, false, false)
		if part != past {
			add(part, false, true, true, false)
		}
		add(gerund(lemma), true, false, false, false)
	}
	lx.info = make(map[string]wordInfo, len(lx.sets)+len(lx.cues))
	for w, b := range lx.sets {
		lx.info[w] = wordInfo{bits: b}
	}
	for w := range lx.cues {
		wi := lx.info[w]
		wi.cue = true
		lx.info[w] = wi
	}
	return lx
})

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func thirdPerson(w string) string {
	switch {
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "sh"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"), strings.HasSuffix(w, "o"):
		return w + "es"
	case len(w) > 1 && w[len(w)-1] == 'y' && !isVowel(w[len(w)-2]):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

// pastForms returns a verb's past tense and participle: regular, or the
// two irregular forms a table line gives after its bar ("said said").
func pastForms(lemma, irr string) (past, part string) {
	if f := strings.Fields(irr); len(f) == 2 {
		return f[0], f[1]
	}
	return regularPast(lemma), regularPast(lemma)
}

// regularPast returns the regular past form of w: "accuse" → "accused".
func regularPast(w string) string {
	switch {
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case len(w) > 1 && w[len(w)-1] == 'y' && !isVowel(w[len(w)-2]):
		return w[:len(w)-1] + "ied"
	}
	return w + "ed"
}

func gerund(w string) string {
	switch {
	case w == "admit" || w == "rebut" || w == "slam" || w == "plan" || w == "prefer":
		return w + w[len(w)-1:] + "ing"
	case strings.HasSuffix(w, "ie"):
		return w[:len(w)-2] + "ying"
	case strings.HasSuffix(w, "ee"):
		return w + "ing"
	case strings.HasSuffix(w, "e"):
		return w[:len(w)-1] + "ing"
	}
	return w + "ing"
}
