package extract

import (
	"strings"
	"sync"

	"github.com/biter777/countries"
)

// gazetteer maps place and organisation names (by NameKey-like lower-case
// keys) to what they stand for in news text.
type gazetteer struct {
	country  map[string]string // country name, short form or alias → alpha-2
	capital  map[string]string // capital city → alpha-2
	demonym  map[string]string // demonym → alpha-2
	govAlias map[string]string // "kremlin", "islamic emirate" → alpha-2
	govFirst map[string]bool   // first words of govAlias keys
	name     map[string]string // alpha-2 → the common English name
	agency   map[string]*mediaEntry
	media    map[string]*mediaEntry
}

// mediaEntry is a known news agency or publisher.
type mediaEntry struct {
	name    string
	aliases []string
}

// commonNames overrides the library's formal names with the ones news uses.
var commonNames = map[string]string{
	"RU": "Russia", "SY": "Syria", "KR": "South Korea", "KP": "North Korea", "IR": "Iran",
	"VN": "Vietnam", "LA": "Laos", "MD": "Moldova", "TZ": "Tanzania", "TW": "Taiwan",
	"BO": "Bolivia", "VE": "Venezuela", "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
	"PS": "Palestine", "GB": "United Kingdom", "US": "United States", "CZ": "Czech Republic",
	"MK": "North Macedonia", "FM": "Micronesia", "VA": "Vatican", "HK": "Hong Kong", "MO": "Macau",
	"CI": "Ivory Coast", "CV": "Cape Verde", "TL": "East Timor", "MM": "Myanmar", "BN": "Brunei",
	"LY": "Libya", "SZ": "Eswatini",
}

// countryAliases are other names for countries.
var countryAliases = map[string]string{
	"u.s.": "US", "us": "US", "usa": "US", "u.s.a.": "US", "america": "US", "united states of america": "US",
	"uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "england": "GB",
	"russia": "RU", "syria": "SY", "south korea": "KR", "north korea": "KP", "iran": "IR",
	"vietnam": "VN", "laos": "LA", "moldova": "MD", "tanzania": "TZ", "taiwan": "TW", "bolivia": "BO",
	"venezuela": "VE", "palestine": "PS", "czech republic": "CZ", "turkiye": "TR", "türkiye": "TR",
	"holland": "NL", "burma": "MM", "ivory coast": "CI", "uae": "AE", "u.a.e.": "AE", "dprk": "KP",
	"prc": "CN", "the netherlands": "NL", "drc": "CD", "gaza": "PS",
}

// capitalAliases add spellings the library lacks.
var capitalAliases = map[string]string{
	"kiev": "UA", "washington d.c.": "US", "new delhi": "IN", "delhi": "IN", "tel aviv": "IL",
	"ramallah": "PS", "peking": "CN",
}

// govAliases are names a government goes by in the news.
var govAliases = map[string]string{
	"kremlin": "RU", "white house": "US", "downing street": "GB", "elysee": "FR", "élysée": "FR",
	"islamic emirate": "AF", "zhongnanhai": "CN", "quai d'orsay": "FR", "blue house": "KR",
}

// demonyms, by alpha-2 code (not in the countries library).
const demonymTable = `
AF Afghan Afghans|AL Albanian|DZ Algerian|AO Angolan|AR Argentine Argentinian|AM Armenian|AU Australian|AT Austrian|AZ Azerbaijani Azeri
BH Bahraini|BD Bangladeshi|BY Belarusian|BE Belgian|BJ Beninese|BT Bhutanese|BO Bolivian|BA Bosnian|BW Botswanan|BR Brazilian|BG Bulgarian|BF Burkinabe|BI Burundian
KH Cambodian|CM Cameroonian|CA Canadian|TD Chadian|CL Chilean|CN Chinese|CO Colombian|CD Congolese|CR Costa Rican|HR Croatian|CU Cuban|CY Cypriot|CZ Czech
DK Danish|DJ Djiboutian|DO Dominican|EC Ecuadorian|EG Egyptian|SV Salvadoran|ER Eritrean|EE Estonian|ET Ethiopian|FI Finnish|FR French|GA Gabonese|GM Gambian
GE Georgian|DE German|GH Ghanaian|GR Greek|GT Guatemalan|GN Guinean|HT Haitian|HN Honduran|HU Hungarian|IS Icelandic|IN Indian|ID Indonesian|IR Iranian
IQ Iraqi|IE Irish|IL Israeli|IT Italian|JM Jamaican|JP Japanese|JO Jordanian|KZ Kazakh|KE Kenyan|KW Kuwaiti|KG Kyrgyz|LA Lao Laotian|LV Latvian|LB Lebanese
LR Liberian|LY Libyan|LT Lithuanian|LU Luxembourgish|MG Malagasy|MW Malawian|MY Malaysian|ML Malian|MT Maltese|MR Mauritanian|MX Mexican|MD Moldovan|MN Mongolian
ME Montenegrin|MA Moroccan|MZ Mozambican|MM Burmese|NA Namibian|NP Nepali Nepalese|NL Dutch|NZ New Zealand|NI Nicaraguan|NE Nigerien|NG Nigerian|KP North Korean
NO Norwegian|OM Omani|PK Pakistani|PS Palestinian|PA Panamanian|PY Paraguayan|PE Peruvian|PH Philippine Filipino|PL Polish|PT Portuguese|QA Qatari|RO Romanian
RU Russian|RW Rwandan|SA Saudi|SN Senegalese|RS Serbian|SL Sierra Leonean|SG Singaporean|SK Slovak|SI Slovenian|SO Somali|ZA South African|KR South Korean
SS South Sudanese|ES Spanish|LK Sri Lankan|SD Sudanese|SE Swedish|CH Swiss|SY Syrian|TW Taiwanese|TJ Tajik|TZ Tanzanian|TH Thai|TN Tunisian|TR Turkish
TM Turkmen|UG Ugandan|UA Ukrainian|AE Emirati|GB British|US American|UY Uruguayan|UZ Uzbek|VE Venezuelan|VN Vietnamese|YE Yemeni|ZM Zambian|ZW Zimbabwean
`

// agencyTable lists news agencies: canonical name, then aliases.
const agencyTable = `
Agence France-Presse|AFP|French News Agency|French Press Agency|Agence France Presse
Reuters|Reuters news agency
Associated Press|AP|The Associated Press
Xinhua|Xinhua News Agency
TASS|Tass|ITAR-TASS
RIA Novosti|RIA
Interfax
Anadolu Agency|Anadolu
Deutsche Presse-Agentur|DPA|German Press Agency
ANSA
EFE
Kyodo News|Kyodo
Yonhap|Yonhap News Agency
Press Trust of India|PTI
Asian News International|ANI
Islamic Republic News Agency|IRNA
Fars News Agency|Fars
Tasnim News Agency|Tasnim
Korean Central News Agency|KCNA
Saudi Press Agency|SPA
Emirates News Agency|WAM
Qatar News Agency|QNA
Kuwait News Agency|KUNA
Middle East News Agency|MENA
Syrian Arab News Agency|SANA
WAFA
Bernama
Antara
Associated Press of Pakistan|APP
Bakhtar News Agency|Bakhtar
Pajhwok Afghan News|Pajhwok
United Press International|UPI
Bloomberg|Bloomberg News
`

// publisherTable lists publishers and broadcasters known by name.
const publisherTable = `
CNN|Cable News Network
BBC|British Broadcasting Corporation
Fox News|Fox
NBC News|NBC
ABC News|ABC
CBS News|CBS
MSNBC
NPR|National Public Radio
PBS
Politico
Axios
Breitbart|Breitbart News
HuffPost|Huffington Post|The Huffington Post
Al Jazeera
Al Arabiya
Sky News
Newsweek
The Hill
Vox
BuzzFeed|BuzzFeed News
Daily Beast|The Daily Beast
The Washington Post|Washington Post|the Post
The New York Times|New York Times|the Times
The Wall Street Journal|Wall Street Journal|the Journal
USA Today
Los Angeles Times
The Guardian|Guardian
Financial Times|FT
The Economist
The Telegraph|Daily Telegraph
The Independent
Der Spiegel|Spiegel
Le Monde
Dawn
Tolo News|TOLOnews
Geo News
PolitiFact|Politifact
ProPublica
The Atlantic
The New Yorker
Mother Jones
National Review
Time magazine
`

var buildGazetteer = sync.OnceValue(func() *gazetteer {
	g := &gazetteer{
		country: map[string]string{}, capital: map[string]string{}, demonym: map[string]string{},
		govAlias: map[string]string{}, name: map[string]string{},
		agency: map[string]*mediaEntry{}, media: map[string]*mediaEntry{},
	}
	for _, c := range countries.All() {
		code := c.Alpha2()
		name := c.String()
		if k := strings.Index(name, " ("); k > 0 {
			name = name[:k]
		}
		if cn, ok := commonNames[code]; ok {
			g.country[strings.ToLower(name)] = code
			name = cn
		}
		g.name[code] = name
		g.country[strings.ToLower(name)] = code
		capName := c.Capital().String()
		if capName != "" && capName != "None" && !strings.EqualFold(capName, name) && !strings.Contains(capName, "Unknown") {
			key := strings.ToLower(capName)
			if _, dup := g.capital[key]; dup {
				g.capital[key] = "" // ambiguous (shared by two countries)
			} else {
				g.capital[key] = code
			}
		}
	}
	for k, v := range countryAliases {
		g.country[k] = v
	}
	for k, v := range capitalAliases {
		g.capital[k] = v
	}
	g.govFirst = map[string]bool{}
	for k, v := range govAliases {
		g.govAlias[k] = v
		g.govFirst[strings.Fields(k)[0]] = true
	}
	for _, item := range strings.FieldsFunc(demonymTable, func(r rune) bool { return r == '|' || r == '\n' }) {
		f := strings.Fields(item)
		if len(f) < 2 {
			continue
		}
		code := f[0]
		rest := strings.Join(f[1:], " ")
		if len(f) == 3 && !strings.Contains(strings.ToLower(rest), "south") && !strings.Contains(rest, "New") && !strings.Contains(rest, "North") && !strings.Contains(rest, "Costa") && !strings.Contains(rest, "Sri") && !strings.Contains(rest, "Sierra") {
			g.demonym[strings.ToLower(f[1])] = code
			g.demonym[strings.ToLower(f[2])] = code
			continue
		}
		g.demonym[strings.ToLower(rest)] = code
	}
	load := func(table string, into map[string]*mediaEntry) {
		for _, line := range strings.Split(table, "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			parts := strings.Split(line, "|")
			e := &mediaEntry{name: parts[0], aliases: parts[1:]}
			for _, p := range parts {
				into[strings.ToLower(strings.TrimPrefix(p, "The "))] = e
			}
		}
	}
	load(agencyTable, g.agency)
	load(publisherTable, g.media)
	return g
})
