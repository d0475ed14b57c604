// Package graph is claimgraph's domain: the nodes (Article, Actor, Source,
// Claim), the typed edges between them (says, accuses, denies, reports), the
// extraction contract that extract produces and the store consumes, the Store
// interface that storage backends implement, error codes, and entity
// resolution across articles.
//
// Data flows one way: file → extract → graph records → store → resolvers →
// client. This package sits at the bottom of that flow and imports the
// standard library only (see deps_test.go).
package graph
