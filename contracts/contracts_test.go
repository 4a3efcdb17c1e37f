package contracts

import (
	"context"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// wantNames are the contracts the provider calls.
var wantNames = []string{
	"aqua-jira-sync",
	"interchange-connectors",
	"jama-jira-connector",
	"jitterbit-jsm-connections",
}

// secretName matches the JSON keys that hold secrets: they must be
// write-only.
var secretName = regexp.MustCompile(`(?i)(password|secret|token|verifier|authkey)$`)

func TestNames(t *testing.T) {
	if got := Names(); !slices.Equal(got, wantNames) {
		t.Fatalf("Names() = %q, want %q", got, wantNames)
	}
}

func TestDocumentUnknown(t *testing.T) {
	if _, err := Document("jama"); err == nil {
		t.Fatal(`Document("jama") succeeded, want an error for an unknown contract`)
	}
}

func TestDocuments(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			doc := load(t, name)
			checkInfo(t, doc)
			checkPaths(t, name, doc)
			checkDiscovery(t, name, doc)
			checkOperations(t, doc)
			checkSchemas(t, doc)
		})
	}
}

// load parses and validates the document of the contract name.
func load(t *testing.T, name string) *openapi3.T {
	t.Helper()
	data, err := Document(name)
	if err != nil {
		t.Fatal(err)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(data)
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("%s is not a valid OpenAPI document: %v", name, err)
	}
	if doc.OpenAPI != "3.0.3" {
		t.Errorf("openapi = %q, want 3.0.3", doc.OpenAPI)
	}
	return doc
}

func checkInfo(t *testing.T, doc *openapi3.T) {
	t.Helper()
	if doc.Info.Version != "1.0.0" {
		t.Errorf("info.version = %q, want 1.0.0", doc.Info.Version)
	}
	for _, topic := range []string{"No vendor API", "Authentication", "Discovery", "Paging", "Errors", "How the provider uses it"} {
		if !strings.Contains(doc.Info.Description, topic) {
			t.Errorf("info.description does not explain %q", topic)
		}
	}
	if len(doc.Security) == 0 {
		t.Error("the document names no security requirement")
	}
}

// checkPaths checks that every path lies below the contract's own prefix,
// never in a vendor's namespace.
func checkPaths(t *testing.T, name string, doc *openapi3.T) {
	t.Helper()
	prefix := "/almsync/" + name + "/v1/"
	for _, path := range doc.Paths.InMatchingOrder() {
		if strings.HasPrefix(path, "/rest/") || strings.HasPrefix(path, "/api/") {
			t.Errorf("path %s lies in a vendor's namespace", path)
		}
		if !strings.HasPrefix(path, prefix) {
			t.Errorf("path %s is not below %s", path, prefix)
		}
	}
}

// checkDiscovery checks GET .../contract and that it answers the
// contract's name.
func checkDiscovery(t *testing.T, name string, doc *openapi3.T) {
	t.Helper()
	item := doc.Paths.Value("/almsync/" + name + "/v1/contract")
	if item == nil || item.Get == nil {
		t.Fatal("no discovery operation GET /almsync/" + name + "/v1/contract")
	}
	ok := item.Get.Responses.Status(http.StatusOK)
	if ok == nil || ok.Value == nil {
		t.Fatal("the discovery operation has no 200 answer")
	}
	media := ok.Value.Content.Get("application/json")
	if media == nil || media.Schema == nil {
		t.Fatal("the discovery operation's 200 answer has no JSON schema")
	}
	schema := media.Schema.Value
	if data := property(schema, "data"); data != nil {
		schema = data
	}
	nameSchema := property(schema, "name")
	if nameSchema == nil || !slices.Equal(nameSchema.Enum, []any{name}) {
		t.Errorf("the discovery answer's name is not fixed to %q", name)
	}
	if property(schema, "version") == nil {
		t.Error("the discovery answer has no version")
	}
}

// property returns the schema of the property key of s or of one of its
// allOf members (compared without regard to case, as aqua's contract
// spells keys in PascalCase), or nil.
func property(s *openapi3.Schema, key string) *openapi3.Schema {
	for k, ref := range s.Properties {
		if strings.EqualFold(k, key) && ref != nil {
			return ref.Value
		}
	}
	for _, member := range s.AllOf {
		if member.Value == nil {
			continue
		}
		if found := property(member.Value, key); found != nil {
			return found
		}
	}
	return nil
}

func checkOperations(t *testing.T, doc *openapi3.T) {
	t.Helper()
	seen := map[string]string{}
	for _, path := range doc.Paths.InMatchingOrder() {
		ops := doc.Paths.Value(path).Operations()
		methods := make([]string, 0, len(ops))
		for method := range ops {
			methods = append(methods, method)
		}
		sort.Strings(methods)
		for _, method := range methods {
			op := ops[method]
			route := method + " " + path
			switch {
			case op.OperationID == "":
				t.Errorf("%s has no operationId", route)
			case seen[op.OperationID] != "":
				t.Errorf("%s repeats the operationId %s of %s", route, op.OperationID, seen[op.OperationID])
			default:
				seen[op.OperationID] = route
			}
			checkResponses(t, route, op)
		}
	}
}

func checkResponses(t *testing.T, route string, op *openapi3.Operation) {
	t.Helper()
	// An operation that takes no credentials (security: [], the discovery)
	// refuses none.
	public := op.Security != nil && len(*op.Security) == 0
	if !public && op.Responses.Status(http.StatusUnauthorized) == nil {
		t.Errorf("%s declares no 401 answer", route)
	}
	if op.RequestBody != nil && op.Responses.Status(http.StatusBadRequest) == nil {
		t.Errorf("%s takes a body but declares no 400 answer", route)
	}
	success := 0
	for code, ref := range op.Responses.Map() {
		if !strings.HasPrefix(code, "2") {
			continue
		}
		success++
		for mime, media := range ref.Value.Content {
			if strings.Contains(mime, "json") && (media.Schema == nil || media.Schema.Value == nil) {
				t.Errorf("%s answers %s %s without a schema", route, code, mime)
			}
		}
	}
	if success == 0 {
		t.Errorf("%s declares no successful answer", route)
	}
	if op.RequestBody == nil {
		return
	}
	media := op.RequestBody.Value.Content.Get("application/json")
	if media == nil || media.Schema == nil || media.Schema.Value == nil {
		t.Errorf("%s takes a body without a JSON schema", route)
		return
	}
	if !closed(media.Schema.Value) {
		t.Errorf("%s takes a body that allows unknown keys (additionalProperties: false is missing)", route)
	}
}

// closed reports whether s, or one of its allOf members, forbids unknown
// properties, or every member of its oneOf does.
func closed(s *openapi3.Schema) bool {
	if s.AdditionalProperties.Has != nil && !*s.AdditionalProperties.Has {
		return true
	}
	for _, member := range s.AllOf {
		if member.Value != nil && closed(member.Value) {
			return true
		}
	}
	if len(s.OneOf) == 0 {
		return false
	}
	for _, member := range s.OneOf {
		if member.Value == nil || !closed(member.Value) {
			return false
		}
	}
	return true
}

// checkSchemas checks every schema the document holds: each property says
// what it is, and each secret is write-only.
func checkSchemas(t *testing.T, doc *openapi3.T) {
	t.Helper()
	w := walker{t: t, seen: map[*openapi3.Schema]bool{}}
	names := make([]string, 0, len(doc.Components.Schemas))
	for name := range doc.Components.Schemas {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		w.walk("#/components/schemas/"+name, doc.Components.Schemas[name])
	}
	for _, path := range doc.Paths.InMatchingOrder() {
		for method, op := range doc.Paths.Value(path).Operations() {
			route := method + " " + path
			if op.RequestBody != nil {
				for mime, media := range op.RequestBody.Value.Content {
					w.walk(route+" body "+mime, media.Schema)
				}
			}
			for code, ref := range op.Responses.Map() {
				for mime, media := range ref.Value.Content {
					w.walk(route+" "+code+" "+mime, media.Schema)
				}
			}
		}
	}
}

// walker visits schemas once each.
type walker struct {
	t    *testing.T
	seen map[*openapi3.Schema]bool
}

func (w walker) walk(where string, ref *openapi3.SchemaRef) {
	if ref == nil || ref.Value == nil || w.seen[ref.Value] {
		return
	}
	s := ref.Value
	w.seen[s] = true
	for key, prop := range s.Properties {
		if prop == nil || prop.Value == nil {
			w.t.Errorf("%s: property %s has no schema", where, key)
			continue
		}
		if strings.TrimSpace(prop.Value.Description) == "" {
			w.t.Errorf("%s: property %s has no description", where, key)
		}
		if secretName.MatchString(key) && !prop.Value.WriteOnly {
			w.t.Errorf("%s: the secret %s is not writeOnly", where, key)
		}
		w.walk(where+"."+key, prop)
	}
	w.walk(where+"[]", s.Items)
	w.walk(where+"{}", s.AdditionalProperties.Schema)
	for _, group := range [][]*openapi3.SchemaRef{s.AllOf, s.OneOf, s.AnyOf} {
		for _, member := range group {
			w.walk(where, member)
		}
	}
	w.walk(where+" not", s.Not)
}
