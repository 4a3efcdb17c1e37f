package contracts

import (
	"maps"
	"slices"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// The provider serves reads of these contracts' objects from the list when
// Terraform refreshes many (package readcache), so a listed object must be
// the very object the read answers: the list's item schema is the read's.
func TestListItemsAreTheReadsObjects(t *testing.T) {
	t.Parallel()
	cases := []struct {
		contract, list, read string
		enveloped            bool
	}{
		{"interchange-connectors", "/almsync/interchange-connectors/v1/connectors", "/almsync/interchange-connectors/v1/connectors/{id}", true},
		{"jama-jira-connector", "/almsync/jama-jira-connector/v1/connections", "/almsync/jama-jira-connector/v1/connections/{id}", true},
		{"aqua-jira-sync", "/almsync/aqua-jira-sync/v1/definitions", "/almsync/aqua-jira-sync/v1/definitions/{id}", false},
	}
	for _, tc := range cases {
		t.Run(tc.contract, func(t *testing.T) {
			t.Parallel()
			doc := load(t, tc.contract)
			list := okSchema(t, doc, tc.list)
			read := okSchema(t, doc, tc.read)
			if tc.enveloped {
				list, read = propertyRef(list, "data"), propertyRef(read, "data")
			}
			if list == nil || list.Value == nil || list.Value.Items == nil || read == nil {
				t.Fatalf("list %s or read %s has no object schema", tc.list, tc.read)
			}
			item := list.Value.Items
			if item.Ref != read.Ref {
				t.Errorf("list items are %q, the read answers %q", item.Ref, read.Ref)
			}
			itemKeys, readKeys := slices.Sorted(maps.Keys(item.Value.Properties)), slices.Sorted(maps.Keys(read.Value.Properties))
			for _, k := range readKeys {
				if !slices.Contains(itemKeys, k) {
					t.Errorf("the read's %s is missing from the list's items (%v)", k, itemKeys)
				}
			}
		})
	}
}

// okSchema is the schema of the 200 answer of GET route.
func okSchema(t *testing.T, doc *openapi3.T, route string) *openapi3.SchemaRef {
	t.Helper()
	item := doc.Paths.Value(route)
	if item == nil || item.Get == nil {
		t.Fatalf("no GET %s", route)
	}
	resp := item.Get.Responses.Value("200")
	if resp == nil || resp.Value == nil || resp.Value.Content.Get("application/json") == nil {
		t.Fatalf("GET %s has no JSON 200 answer", route)
	}
	return resp.Value.Content.Get("application/json").Schema
}

// propertyRef is the schema of key among s's properties, nil when absent.
func propertyRef(s *openapi3.SchemaRef, key string) *openapi3.SchemaRef {
	if s == nil || s.Value == nil {
		return nil
	}
	return s.Value.Properties[key]
}
