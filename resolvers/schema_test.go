package resolvers_test

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/resolvers"
)

// TestSchemaDescribed checks that every type, field, argument, input field
// and enum value of the API has a description, so the playground documents
// itself.
func TestSchemaDescribed(t *testing.T) {
	c, _ := newServer(t, mustOpenStore(t), nil, resolvers.HandlerOptions{})
	type described struct{ Name, Description string }
	var d struct {
		Schema struct {
			Types []struct {
				Name, Kind, Description string
				Fields                  []struct {
					Name, Description string
					Args              []described
				}
				InputFields []described
				EnumValues  []described
			}
		} `json:"__schema"`
	}
	c.query(`{ __schema { types { name kind description
  fields { name description args { name description } }
  inputFields { name description }
  enumValues { name description } } } }`, nil, &d)
	builtin := map[string]bool{"String": true, "Int": true, "Float": true, "Boolean": true, "ID": true}
	n := 0
	for _, typ := range d.Schema.Types {
		if strings.HasPrefix(typ.Name, "__") || builtin[typ.Name] {
			continue
		}
		n++
		if typ.Description == "" {
			t.Errorf("type %s has no description", typ.Name)
		}
		for _, f := range typ.Fields {
			if f.Description == "" {
				t.Errorf("field %s.%s has no description", typ.Name, f.Name)
			}
			for _, a := range f.Args {
				if a.Description == "" {
					t.Errorf("argument %s.%s(%s) has no description", typ.Name, f.Name, a.Name)
				}
			}
		}
		for _, f := range append(typ.InputFields, typ.EnumValues...) {
			if f.Description == "" {
				t.Errorf("%s.%s has no description", typ.Name, f.Name)
			}
		}
	}
	if n < 30 {
		t.Errorf("checked %d types, want the whole schema (30 or more)", n)
	}
}
