package extract

import (
	"strings"
	"sync"
)

// This file holds the word lists of the typed stage (typed.go): the verbs,
// nouns and predicates that make a sentence an accusation or a denial, and
// the frames they take. They are data: a new cue is a line here, not code.

// typedKind is the relation a typed cue signals.
type typedKind uint8

const (
	tkAccuse typedKind = iota + 1 // X accuses Y
	tkDeny                        // X denies (Y's claim)
	tkLabel                       // X calls Y a liar / calls Y's claim false
	tkSay                         // X implies (that) Y lied: read as a said-clause
)

// verbFrame is one typed verb: its kind and what may follow it.
type verbFrame struct {
	kind typedKind
	// particle is a word that must follow the verb before its object
	// ("rail against", "lash out at"); "" when the object follows at once.
	particle string
	// thatObj: the verb takes a that-clause whose subject is the accused
	// ("alleged that Trump defrauded …").
	thatObj bool
	// claimObj: the object must be a statement or charge ("rejected the
	// claim"), not any noun phrase ("rejected the plan"); a that-clause
	// also counts.
	claimObj bool
	// passive: the participle may be passive ("was accused by X").
	passive bool
	// needFor: the verb charges only with a reason after its object
	// ("knocked Clinton for …", "cited the agency for lapses").
	needFor bool
}

// typedVerbTable lists the typed verbs: lemma, kind, flags, and after a bar
// irregular past and participle. Flags: "p=WORD" a particle, "that" a
// that-clause object, "claim" a statement object, "pass" passive allowed;
// "p=out/back" lets either particle stand.
const typedVerbTable = `
accuse acc pass
blame acc pass
charge acc pass that
criticize acc pass
criticise acc pass
condemn acc pass
denounce acc pass
decry acc
attack acc pass
assail acc pass
blast acc pass
slam acc pass | slammed slammed
ridicule acc pass
mock acc pass
lambaste acc pass
berate acc pass
castigate acc pass
chastise acc pass
rebuke acc pass
scold acc pass
excoriate acc pass
fault acc pass
sue acc pass
whack acc pass
smear acc pass
malign acc pass
vilify acc pass
insult acc pass
implicate acc pass
indict acc pass
allege acc that
rail acc p=against
lash acc p=out/back
go acc p=after | went gone
take acc p=aim | took taken
hit acc p=out/back | hit hit
cite acc pass for
chide acc pass
deride acc pass
disparage acc pass
bash acc pass
trash acc for
reprimand acc pass
censure acc pass
admonish acc pass
impugn acc
belittle acc pass
demean acc
savage acc pass
skewer acc pass
pillory acc pass
demonize acc pass
scapegoat acc pass
slander acc pass
libel acc pass
defame acc pass
deplore acc
lampoon acc pass
taunt acc pass
incriminate acc pass
hammer acc for
knock acc for
ding acc for
rip acc for | ripped ripped
target acc for
question acc for
fire acc p=back | fired fired
tear acc p=into | tore torn
lay acc p=into | laid laid
deny den claim that
contradict den claim
counter den claim
shrug den claim p=off | shrugged shrugged
brush den claim p=aside | brushed brushed
wave den claim p=off | waved waved
scoff den claim p=at | scoffed scoffed
laugh den claim p=off | laughed laughed
dismiss den claim
reject den claim
refute den that
rebut den | rebutted rebutted
dispute den claim that
contest den claim
disavow den claim
debunk den
push den p=back | pushed pushed
disagree den p=with
defend den claim p=against
imply say
suggest say
insinuate say
hint say
argue say
contend say
assert say
complain say
insist say
maintain say
call lab | called called
refer lab p=to | referred referred
label lab | labeled labeled
brand lab
dub lab | dubbed dubbed
describe lab
characterize lab
`

// typedNouns are the nouns of a nominal accusation ("the charges made by
// Ms. Hill", "her allegations against him") and of what a denial rejects.
const typedNouns = "accusation accusations allegation allegations charge charges claim claims complaint complaints criticism criticisms attack attacks lawsuit lawsuits suit suits assertion assertions"

// demandVerbs ask someone to atone: "urged Hale to apologize", "called
// for his resignation".
const demandVerbs = "urge urges urged urging call calls called calling press pressed demand demands demanded demanding"

// stanceNouns are what someone proposed or said without charging anyone:
// rejecting or condemning them rebukes their owner ("rejects Trump's
// remarks"), it does not deny a charge.
const stanceNouns = "remarks comments proposal proposals rhetoric policy policies plan plans statements views language position positions call calls decision"

// claimNouns are statements a denial can reject: "denied the report".
const claimNouns = "accusation accusations allegation allegations charge charges claim claims assertion assertions report reports story stories suggestion suggestions account accounts rumor rumors rumour rumours notion idea characterization reports criticism criticisms complaints complaint it this that wrongdoing involvement role responsibility"

// accuseNouns are the nouns whose owner accuses: "Exxon's accusation",
// "accusations by Exxon", "her allegations against him".
const accuseNouns = "swipe swipes jab jabs broadside tirade indictment critique condemnation accusation accusations allegation allegations charge charges complaint complaints criticism criticisms attack attacks lawsuit lawsuits suit suits"

// hostileReception are nouns a target meets from its accuser: "came under
// attack from Trump", "faced criticism from rivals".
const hostileReception = "attack attacks criticism criticisms fire condemnation rebuke rebukes scrutiny backlash ire scorn accusations allegations"

// wrongdoing words inside a said-clause make it an accusation of the
// clause's subject: "said Clinton lied", "said Trump is a racist".
const wrongdoingWords = `lie lied lies lying liar liars rape raped raping rapist cheat cheated cheating stole stolen steal defraud defrauded fraud fraudulent
corrupt corruption racist racism bigot bigoted sexist misogynist misled mislead misleading deceptive deceived deceive deceit
concealed conceal hid hide hiding hacked hacking abused abuse harassed harassment assaulted assault assaulting grabbed yanked
violated violating illegal illegally unlawful unlawfully criminal crime crimes negligent negligence reckless recklessly careless
incompetent irresponsible irresponsibly responsible guilty disgrace disgraceful shameful ashamed pathetic dangerous incites incite
inciting obstruction obstructing obstructed maligning maligned smear smeared fabricated rigged rigging fireable offense misconduct
wrongdoing unacceptable outrageous hater biased bigotry betrayed betray betrayal treason treasonous cover-up covering covered
defamatory defamation discriminate discriminated discrimination retaliate retaliated retaliation conspiracy manipulated plagiarized
ignored disrespectfully disrespectful patronizing hypocrite hypocritical hypocrisy crook crooked liar evil despicable disgusting
deplorable shameless sold witch-hunt hunt ineffective failed failure failures unfair unfairly inaccurate anti-semitic anti-israel
anti-semite racially perpetrator perpetrated intimidate intimidated threatened bullied bully extort extorted bribe bribed bribery
embezzled laundering kickbacks scam scammed exploited exploit exploiting endangered mishandled mishandling
dishonest dishonesty phony hateful hate offensive divisive unfit unqualified demagogue extremist insulted insulting mocked
misrepresented misrepresenting misrepresents distorted distorting exaggerated overstated stonewalled stonewalling obstructed
neglected neglect profited profiteering pandering pander scandal scandalous incompetence weakness disastrous disaster
abused abusive harassing assaulting groped groping molested raping bigots racists liars crooks criminals frauds thugs thug traitor traitors hypocrites cheater cheaters
rigged corrupted bribes smearing slandered slander libel libeled lawless lawbreaking perjury perjured
incited misused misuse squandered looted plundered
blame blamed culpable complicit complicity enabler cheats
mismanaged mismanagement misappropriated misappropriation bilked overcharged cronyism nepotism plagiarism plagiarizing
immoral unethical worst enabler ludicrous reckless despicable sleazy quack charlatan huckster enablers witch fault faults shame disgraced offensive deceiving deceitful duped swindled lies misleadingly inflammatory reprehensible`

// falsityWords inside a said-clause or a label make it a denial: "said
// the allegations were false", "called the charge baseless".
const falsityWords = `false falsely untrue baseless meritless groundless unfounded unsupported nonsense ridiculous absurd pathetic
lies lie fabricated fabrication fiction fictional invented fake hoax bogus delusional preposterous laughable outrageous wrong
innocent improper inaccurate misleading distortion distorted mischaracterization smear garbage rubbish
unsubstantiated unproven ludicrous baloney malarkey slanderous libelous motivated`

// pleaVerbs plead innocence with what follows them: "pleaded not guilty",
// "maintained his innocence", "protested their innocence".
const pleaVerbs = "plead pleads pleaded pled pleading maintain maintains maintained maintaining protest protests protested protesting proclaim proclaims proclaimed proclaiming insisted insists asserted asserts"

// denialPhrases are multi-word denials inside a said-clause: "it never
// happened", "that is not true".
var denialPhrases = []string{
	"not true", "never happened", "did not happen", "didn't happen", "made up", "no substance", "no merit",
	"no basis", "no evidence", "not guilty", "absolutely innocent", "nothing to do with", "no truth",
	"did not do", "didn't do", "never did", "not lied", "has not lied",
	"did not lie", "didn't lie", "never said", "totally invented", "not involved", "out of context", "not accurate",
	"none found any evidence", "not find any evidence", "didn't find any evidence", "found no evidence", "without merit", "no factual basis", "categorically", "fake news", "simply untrue", "no wrongdoing", "did nothing wrong",
}

// isWrong reports whether w, or its singular, is a wrongdoing word.
func (lx *typedLex) isWrong(w string) bool {
	return lx.wrong[w] || len(w) > 3 && w[len(w)-1] == 's' && lx.wrong[w[:len(w)-1]]
}

// typedInfo bits say which of the typed word lists hold a word, for the one
// lookup per token.
const (
	tiVerb    = 1 << iota // a typed verb form
	tiDemand              // a demand verb
	tiNoun                // an accusation or reception noun
	tiWrong               // a wrongdoing word (or its plural)
	tiFalsity             // a falsity word
	tiNothing             // a word that opens a denial phrase without negation
	tiPlea                // a verb that pleads innocence: "pleaded not guilty", "maintained his innocence"
	tiFace                // a verb whose subject bears a charge: "faces one count of battery"
)

// punishedPassive are participles whose passive subject was punished for
// a wrong ("was fired from the network", "was arrested"): charged, though
// no one in the article says of what.
var punishedPassive = map[string]bool{
	"fired": true, "dismissed": true, "suspended": true, "arrested": true, "indicted": true, "expelled": true,
	"sanctioned": true, "ousted": true, "convicted": true, "sued": true,
}

// doubledFinal are typed verbs that double their last consonant before
// -ing: "slamming", "hitting".
var doubledFinal = map[string]bool{"slam": true, "rebut": true, "dub": true, "hit": true, "rip": true}

// typedLex is the typed stage's lexicon, built once.
type typedLex struct {
	verbs      map[string]typedForm
	nouns      map[string]bool // typedNouns
	claimNouns map[string]bool
	accNouns   map[string]bool
	reception  map[string]bool
	wrong      map[string]bool
	falsity    map[string]bool
	stance     map[string]bool
	demand     map[string]bool
	info       map[string]uint8 // typedInfo bits
}

// typedForm is one inflected form of a typed verb.
type typedForm struct {
	verbFrame
	lemma string
	part  bool // past participle (the passive form)
	ing   bool // -ing form
}

var buildTypedLex = sync.OnceValue(func() *typedLex {
	set := func(words string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(words) {
			m[w] = true
		}
		return m
	}
	lx := &typedLex{verbs: map[string]typedForm{}, nouns: set(typedNouns), claimNouns: set(claimNouns),
		accNouns: set(accuseNouns), reception: set(hostileReception), wrong: set(wrongdoingWords), falsity: set(falsityWords), stance: set(stanceNouns), demand: set(demandVerbs)}
	for _, line := range strings.Split(typedVerbTable, "\n") {
		main, irr, _ := strings.Cut(strings.TrimSpace(line), "|")
		f := strings.Fields(main)
		if len(f) < 2 {
			continue
		}
		var vf verbFrame
		switch f[1] {
		case "acc":
			vf.kind = tkAccuse
		case "den":
			vf.kind = tkDeny
		case "lab":
			vf.kind = tkLabel
		case "say":
			vf.kind = tkSay
		}
		for _, fl := range f[2:] {
			switch {
			case strings.HasPrefix(fl, "p="):
				vf.particle = fl[2:]
			case fl == "that":
				vf.thatObj = true
			case fl == "claim":
				vf.claimObj = true
			case fl == "pass":
				vf.passive = true
			case fl == "for":
				vf.needFor = true
			}
		}
		lemma := f[0]
		past, part := pastForms(lemma, irr)
		add := func(form string, isPart, ing bool) {
			if _, ok := lx.verbs[form]; ok && !isPart {
				return
			}
			lx.verbs[form] = typedForm{verbFrame: vf, lemma: lemma, part: isPart, ing: ing}
		}
		add(lemma, false, false)
		add(thirdPerson(lemma), false, false)
		add(past, past == part, false)
		add(part, true, false)
		g := gerund(lemma)
		if doubledFinal[lemma] {
			g = lemma + lemma[len(lemma)-1:] + "ing"
		}
		add(g, false, true)
	}
	lx.info = map[string]uint8{}
	for w := range lx.verbs {
		lx.info[w] |= tiVerb
	}
	for w := range lx.demand {
		lx.info[w] |= tiDemand
	}
	for w := range lx.accNouns {
		lx.info[w] |= tiNoun
	}
	for w := range lx.reception {
		lx.info[w] |= tiNoun
	}
	for w := range lx.wrong {
		lx.info[w] |= tiWrong
		lx.info[w+"s"] |= tiWrong
	}
	for w := range lx.falsity {
		lx.info[w] |= tiFalsity
	}
	for _, w := range strings.Fields("nothing mistaken innocent fabricated fabricating fabrication invented concocted made wrong categorically context merit basis substance truth") {
		lx.info[w] |= tiNothing
	}
	for _, w := range strings.Fields(pleaVerbs) {
		lx.info[w] |= tiPlea
	}
	for _, w := range strings.Fields("face faces faced facing") {
		lx.info[w] |= tiFace
	}
	for w := range punishedPassive {
		lx.info[w] |= tiFace
	}
	for w := range punishedWords {
		lx.info[w] |= tiNothing // "should be ashamed": read the clause
	}
	for w := range atoneVerbs {
		lx.info[w] |= tiNothing
	}
	return lx
})
