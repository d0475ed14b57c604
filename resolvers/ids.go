package resolvers

import (
	"encoding/base64"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Global IDs are base64 (URL alphabet, unpadded) of "<Type>:<domain ID>", so
// clients treat them as opaque while the server can tell the type.
var typeOfPrefix = map[string]string{
	graph.PrefixActor:   "Actor",
	graph.PrefixArticle: "Article",
	graph.PrefixClaim:   "Claim",
	graph.PrefixSource:  "Source",
	graph.PrefixCluster: "ClaimCluster",
}

// globalID returns the global ID of the node with domain ID id.
func globalID(id string) string {
	typ := typeOfPrefix[prefixOf(id)]
	if typ == "" {
		typ = "Node"
	}
	return base64.RawURLEncoding.EncodeToString([]byte(typ + ":" + id))
}

// prefixOf returns the type prefix of a domain ID ("act_"), or "".
func prefixOf(id string) string {
	if i := strings.IndexByte(id, '_'); i > 0 {
		return id[:i+1]
	}
	return ""
}

// domainID decodes a global ID into the domain ID it names. A bare domain ID
// ("act_…") is accepted too, for clients that read IDs elsewhere (the CLI's
// JSON). It returns EINVALID for anything else.
func domainID(gid string) (string, error) {
	if _, ok := typeOfPrefix[prefixOf(gid)]; ok {
		return gid, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(gid, "="))
	if err == nil {
		typ, id, ok := strings.Cut(string(b), ":")
		if ok && typeOfPrefix[prefixOf(id)] == typ {
			return id, nil
		}
	}
	return "", graph.Errorf(graph.EINVALID, "%q is not a valid ID", gid)
}

// domainIDOf decodes a global ID that must name a node of the type with the
// given domain prefix; it returns EINVALID for an ID of another type.
func domainIDOf(gid, prefix string) (string, error) {
	id, err := domainID(gid)
	if err != nil {
		return "", err
	}
	if prefixOf(id) != prefix {
		return "", graph.Errorf(graph.EINVALID, "%q is not the ID of an %s", gid, strings.ToLower(typeOfPrefix[prefix]))
	}
	return id, nil
}

// optionalID decodes an optional global ID filter; nil and "" give "".
func optionalID(gid string, prefix string) (string, error) {
	if gid == "" {
		return "", nil
	}
	return domainIDOf(gid, prefix)
}

// optional returns nil for "" and &s otherwise, for nullable strings.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
