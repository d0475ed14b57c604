// Package extract turns the text of one news article into attributed claims:
// text → tokens and sentences → quotes and mentions → attributions (who said
// what, with cue, source and content spans) → actors, sources and typed edges
// (says, accuses, denies, reports) in the graph.Extraction contract.
//
// Everything here is a pure function of the article: no I/O, no model, no
// network and no mutable package state; word lists are Go tables built once
// into read-only maps. The package owns the cue lexicon, the titles and
// speaker nouns, and the gazetteer (countries, capitals and demonyms from
// github.com/biter777/countries, news agencies, publishers).
//
// It may import graph, the standard library and the countries data library
// only (see graph/deps_test.go).
package extract
