#!/bin/sh
# Fetches the browser libraries embedded in the server from the npm registry
# at pinned versions and copies the files the pages load into this folder.
# Run from anywhere: sh resolvers/assets/fetch.sh. Needs npm and tar.
# To upgrade, change a version here and in README.md, run, and check the
# playground (/) and the graph view (/graph) in a browser.
set -eu

GRAPHIQL=3.9.0
REACT=18.3.1
CYTOSCAPE=3.34.4

dest=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent "graphiql@$GRAPHIQL" "react@$REACT" "react-dom@$REACT" "cytoscape@$CYTOSCAPE" >/dev/null
unpack() { mkdir "$1" && tar -xzf "$1-$2.tgz" -C "$1" --strip-components=1; }
unpack graphiql "$GRAPHIQL"
unpack react "$REACT"
unpack react-dom "$REACT"
unpack cytoscape "$CYTOSCAPE"
cp graphiql/graphiql.min.js graphiql/graphiql.min.css "$dest/"
cp react/umd/react.production.min.js react-dom/umd/react-dom.production.min.js "$dest/"
cp cytoscape/dist/cytoscape.min.js "$dest/"
cp graphiql/LICENSE "$dest/LICENSE.graphiql"
cp react/LICENSE "$dest/LICENSE.react"
cp cytoscape/LICENSE "$dest/LICENSE.cytoscape"
# The bundles end with a source map comment; the maps are not embedded.
sed -i '/^\/\/# sourceMappingURL=/d' "$dest/graphiql.min.js"
