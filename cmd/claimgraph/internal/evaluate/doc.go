// Package evaluate scores extractions against hand-annotated articles with
// exactly the metrics of the reference scorers in shared/eval:
//
//   - the gold-JSON metric of score.py: NAME.gold.json files list the edges a
//     reader expects (kind, acceptable from/to names, a piece of evidence
//     text) and entity checks (same_actor, distinct_actors); predicted edges
//     are matched by folded names and evidence, and scored by recall,
//     precision and micro F1;
//   - the PolNeAR metric of score_polnear.py: BRAT standoff .ann files
//     annotate attributions as source, cue and content spans; gold and
//     predicted attributions become sets of word tokens, are matched one to
//     one greedily (by cue overlap, then by content overlap) and scored by
//     attribution, source, content and triple F1.
//
// The metric code mirrors the Python scripts line by line, including their
// text handling (Unicode \s and \w, str.lower, byte to character offsets) and
// tie-breaking, so that both give the same numbers on the same extraction.
//
// The package works on graph.Extraction values and never imports extract: an
// Extractor function is passed in, so the CLI can run the extractor in
// process or an external command (Command). It imports graph and the
// standard library only.
package evaluate
