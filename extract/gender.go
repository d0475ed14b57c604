package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// This file holds what a name says about its bearer besides the name: the
// gender a given name, an honorific or a role noun marks, the given-name
// variants that name one person (Bill and William), and the generational
// suffixes (Jr., III) that tell a father from his son.

// femaleFirst and maleFirst are common given names, mostly English and
// those of people in the international news. A name in neither list says
// nothing about gender.
const femaleFirst = `mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy
lisa betty margaret sandra ashley kimberly emily donna michelle carol amanda melissa deborah stephanie
rebecca laura sharon cynthia kathleen amy angela shirley anna brenda pamela nicole emma samantha
katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce
victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline
frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose
alexis kayla hillary hilary nikki kamala ursula marine giorgia sanna jacinda mette ivanka melania
chelsea ivana tiffany lara hope kellyanne sarah huma cheryl donna loretta susana condoleezza condi
madeleine nina elaine dianne claire tammy lindsey kirsten patty maxine jan debbie sheila betsy
valerie liz lily aparna carmel connie tina leslie quina rakeyia olive
erin doris malkia ava megan krystal esther azucena martha ariana veronica christina julie nell
minyon michele meghan kate camilla jill gwen sonia sonya indira benazir golda
ségolène segolene yulia
erica jillian juanita sandra sandy wendy tracy stacy stacey kristen kristin kristina allison alison heidi joanna joanne janelle jenna jenny jamie kim kathy katie kathleen kelsey kendra kristy bridget caroline cassandra colleen courtney crystal dolores dorothy eileen ellen elena eva felicia gina gretchen harriet irene isabel janet jeanette jeanne jocelyn josephine kara karla katrina keisha kristine leah lena lillian lorraine lucy mallory marcia margo marla maureen megyn melinda meredith miranda molly monica naomi natasha nora paula peggy priscilla regina renee rita roberta rosa rosemary roxanne sabrina shannon sherry sophie susanne sylvia tamara tanya tara tessa tonya tracey vanessa vicki vivian whitney yolanda yvonne zoe bernadette claudia darlene delores elise estelle fiona geraldine gwendolyn ingrid jacqueline janine jasmine joan kirstjen leticia lucia marsha mildred muriel nadia nadine noreen patti rhonda selena serena sheryl tamika trisha ursula wanda`

const maleFirst = `james robert john michael david william richard joseph thomas charles christopher
daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald
edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry
douglas zachary peter kyle ethan walter noah jeremy christian keith roger gerald harold sean austin
carl arthur lawrence dylan jesse bryan billy joe bruce gabriel logan albert willie alan juan
wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis barack bernie mitch chuck
ted marco rand mike tim jeb bill vladimir emmanuel boris olaf xi recep narendra volodymyr abbas
khawaja imran shehbaz ali mohammed muhammad ahmed hassan hussein omar abdul reince newt rudy
hugh lester matt mitt jim bob rob tom tony steve dick dan dave ben sam ed eddie
ron rick rahm rex vince luis jorge carlos francisco oscar
edwin pat lamar laurence hans elez vann len leonard fred jeh
jimmy barry trey lloyd norman raj rush dante
robby nick brad phil antonin daryl victor derek kofi matteo maury terence cornell quentin
igor sergei dmitry sergey shinzo nicolas francois françois
corey cory shane curt kurt marc gonzalo cole erick erik jamal bradley glen glenn mariano alfred alvin andre andy angelo barney bert bill blake brent brett calvin casey cecil chad clarence clifford clint damian darren darryl derrick devin dominic donnie doug duane dustin dwight emilio ernest ernesto felix fredrick gavin greg isaac ivan jake jared javier jeffery jerome joel johnny jon jonah julian julio karl keith leon leroy lonnie malcolm manuel mario marvin maurice melvin miguel pete quincy rafael reggie rene reuben ricardo ricky rodney roland rudolph russ salvador seth shawn sheldon sidney simon stanley stuart sylvester ted terry theodore todd travis wilbur zach jamie chris kelly pat jesse leslie darrell devon emmett eli ezra gideon hector jeremiah jerald kendall lamont luther marty merle nathaniel orlando pablo pedro rodrigo rolf sergio terrence thad thaddeus tobias tyrone ulysses wendell zane`

// genFemale and genMale are honorifics and role nouns that mark their
// bearer's gender ("Mrs. Clinton", "the spokeswoman").
var genFemale = wordSet("mrs. mrs ms. ms miss madam mme. mme dame lady queen princess duchess spokeswoman chairwoman congresswoman businesswoman councilwoman congresswomen sister mother wife daughter widow grandmother aunt niece girl woman actress first-lady")
var genMale = wordSet("mr. mr sir lord king prince duke spokesman chairman congressman businessman councilman brother father husband son widower grandfather uncle nephew boy man actor")

// suffixes are generational suffixes of a personal name: two people whose
// suffixes differ are two people (Donald Trump and Donald Trump Jr.).
var suffixes = wordSet("jr. jr sr. sr ii iii iv v 2nd 3rd")

// firstNames marks common given names as female ('f') or male ('m'), so
// that "she" and "he" pick the right antecedent. A name in both lists
// (Pat, Chris, Jo) is marked neither.
var firstNames = func() map[string]byte {
	m := map[string]byte{}
	for _, n := range strings.Fields(femaleFirst) {
		m[n] = 'f'
	}
	for _, n := range strings.Fields(maleFirst) {
		if m[n] == 'f' {
			m[n] = '?'
			continue
		}
		m[n] = 'm'
	}
	for n, g := range m {
		if g == '?' {
			delete(m, n)
		}
	}
	return m
}()

// sameGiven reports whether two lower-case given names can name one
// person; the variants table is graph's, shared with cross-article
// resolution.
func sameGiven(a, b string) bool { return graph.SameGivenName(a, b) }

// personName is a personal name split into its parts, lower case.
type personName struct {
	given  string // first given name, "" when only a surname is written
	last   string // surname, without suffix
	suffix string // "jr", "iii", … without the period, or ""
}

// splitName reads a personal name's NameKey words: "joseph r biden jr" →
// given "joseph", last "biden", suffix "jr".
func splitName(words []string) personName {
	var p personName
	for len(words) > 1 && suffixes[words[len(words)-1]] {
		p.suffix = strings.TrimSuffix(words[len(words)-1], ".")
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return p
	}
	p.last = words[len(words)-1]
	if len(words) > 1 {
		p.given = words[0]
	}
	return p
}

// namesConflict reports whether two personal names (NameKey words) cannot
// name one person: graph.PeopleConflict, the rule cross-article resolution
// uses (first names that are not variants of one name, differing
// suffixes, surnames neither name holds).
func namesConflict(a, b []string) bool {
	return graph.PeopleConflict(strings.Join(a, " "), strings.Join(b, " "))
}

// genderOf returns 'f', 'm' or 0 for a lower-case honorific, role noun or
// given name.
func genderOf(w string) byte {
	switch {
	case genFemale[w]:
		return 'f'
	case genMale[w]:
		return 'm'
	}
	return firstNames[w]
}
