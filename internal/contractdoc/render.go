// Package contractdoc renders the provider's contract documents
// (contracts/<name>.yaml, package contracts) into the guide templates a
// bridge implementer reads on the registry:
// templates/guides/contract-<name>.md.tmpl, which tfplugindocs then turns
// into docs/guides/contract-<name>.md. `make docs` runs it (see
// cmd/contractdoc); a test fails when a checked-in template differs from a
// fresh rendering.
//
// The page follows the document's own order (paths, operations, schemas
// and properties as they are written); where the document gives no order
// (responses, content types, discriminator mappings) it sorts.
package contractdoc

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/almsync/terraform-provider-almsync/contracts"
)

// Page is the rendered guide template of one contract document.
type Page struct {
	// Name is the contract's name, e.g. "jama-jira-connector".
	Name string
	// Text is the template, as written to templates/guides/FileName.
	Text []byte
	// Gaps lists what the document leaves undescribed (an operation, a
	// parameter, a schema or a property without a description), for
	// whoever owns the document.
	Gaps []string
}

// FileName is the name of the guide template of the contract name.
func FileName(name string) string { return "contract-" + name + ".md.tmpl" }

// GuideName is the name of the page tfplugindocs makes of FileName(name),
// as other guides link to it.
func GuideName(name string) string { return "contract-" + name + ".md" }

// RenderAll renders every contract document of package contracts, in the
// order of contracts.Names.
func RenderAll() ([]Page, error) {
	names := contracts.Names()
	pages := make([]Page, 0, len(names))
	for _, name := range names {
		data, err := contracts.Document(name)
		if err != nil {
			return nil, err
		}
		page, err := Render(name, data)
		if err != nil {
			return nil, err
		}
		pages = append(pages, page)
	}
	return pages, nil
}

// Load parses and validates a contract document, keeping where each
// element was written so that the page can follow the document's order.
func Load(data []byte) (*openapi3.T, error) {
	loader := openapi3.NewLoader()
	loader.IncludeOrigin = true
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return nil, fmt.Errorf("parse the document: %w", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("the document is not valid OpenAPI: %w", err)
	}
	return doc, nil
}

// Render renders the document data of the contract name
// (contracts/<name>.yaml) into its guide template.
func Render(name string, data []byte) (Page, error) {
	doc, err := Load(data)
	if err != nil {
		return Page{}, fmt.Errorf("contract %s: %w", name, err)
	}
	r := &renderer{name: name, doc: doc, prefix: "/almsync/" + name + "/v1"}
	r.page()
	return Page{Name: name, Text: []byte(escapeTemplate(r.b.String())), Gaps: r.gaps}, nil
}

// renderer writes one page.
type renderer struct {
	name   string
	doc    *openapi3.T
	prefix string
	b      strings.Builder
	gaps   []string
	// queue holds the inline object schemas met while writing a section,
	// each written as its own table after it.
	queue []inline
}

// inline is an object schema written in place (not a component), waiting
// for its table.
type inline struct {
	id     string
	title  string
	schema *openapi3.Schema
}

// operation is one operation of the document, with its route.
type operation struct {
	method string
	path   string
	item   *openapi3.PathItem
	op     *openapi3.Operation
}

func (r *renderer) printf(format string, args ...any) {
	fmt.Fprintf(&r.b, format, args...)
}

func (r *renderer) gap(format string, args ...any) {
	r.gaps = append(r.gaps, fmt.Sprintf(format, args...))
}

func (r *renderer) page() {
	info := r.doc.Info
	r.printf("---\n")
	r.printf("page_title: %q\n", "Contract "+r.name)
	r.printf("subcategory: \"Contracts\"\n")
	r.printf("description: |-\n")
	r.printf("  What a bridge serving the contract %s implements: %s, below %s.\n", r.name, title(info.Title), r.prefix)
	r.printf("---\n\n")
	r.printf("# Contract %s\n\n", r.name)
	r.printf("-> This page is generated from `contracts/%s.yaml` by `make docs`. The document is the reference: "+
		"the provider's client, the sandbox and `almsync-contract-check` are checked against it. "+
		"Edit the document, never this page.\n\n", r.name)
	ops := r.operations()
	r.printf("- **Screen:** %s.\n", title(info.Title))
	r.printf("- **Contract:** `%s`, version `%s` (OpenAPI %s).\n", r.name, info.Version, r.doc.OpenAPI)
	r.printf("- **Routes:** below `<contract_url>%s`.\n", r.prefix)
	for _, o := range ops {
		if o.method == "GET" && o.path == r.prefix+"/contract" {
			r.printf("- **Discovery:** %s.\n", r.opLink(o))
		}
	}
	var tests []string
	for _, o := range ops {
		if strings.HasSuffix(o.path, "/test") {
			tests = append(tests, r.opLink(o))
		}
	}
	if len(tests) > 0 {
		r.printf("- **The `test` action:** %s.\n", strings.Join(tests, ", "))
	}
	r.printf("- **How each resource reaches its product:** [How the provider reaches each product](%s).\n\n",
		"how-the-provider-reaches-each-product.md")

	r.printf("## What this contract is\n\n%s\n\n", strings.TrimSpace(info.Description))
	r.servers()
	r.security()
	r.operationsSection(ops)
	r.schemas()
}

// title is the part of a document title in parentheses, e.g. "Jama
// classic JIRA Connector connections", or the whole title.
func title(t string) string {
	if open := strings.Index(t, "("); open >= 0 && strings.HasSuffix(t, ")") {
		return t[open+1 : len(t)-1]
	}
	return t
}

func (r *renderer) servers() {
	if len(r.doc.Servers) == 0 {
		return
	}
	r.printf("## Servers\n\n| URL | meaning |\n|---|---|\n")
	var vars []string
	for _, s := range r.doc.Servers {
		r.printf("| %s | %s |\n", code(s.URL), cell(s.Description))
		for _, name := range ordered(s.Variables, func(v *openapi3.ServerVariable) int { return 0 }) {
			v := s.Variables[name]
			vars = append(vars, fmt.Sprintf("| %s | %s | %s |", code("{"+name+"}"), value(v.Default), cell(v.Description)))
		}
	}
	r.printf("\n")
	if len(vars) > 0 {
		r.printf("| variable | example | meaning |\n|---|---|---|\n%s\n\n", strings.Join(vars, "\n"))
	}
}

func (r *renderer) security() {
	r.printf("## Authentication\n\n")
	schemes := r.doc.Components.SecuritySchemes
	if len(schemes) > 0 {
		r.printf("| scheme | how it is sent | meaning |\n|---|---|---|\n")
		for _, name := range ordered(schemes, func(s *openapi3.SecuritySchemeRef) int { return line(s.Origin) }) {
			s := schemes[name].Value
			if s.Description == "" {
				r.gap("security scheme %s has no description", name)
			}
			r.printf("| %s | %s | %s |\n", code(name), cell(schemeHow(s)), cell(s.Description))
		}
		r.printf("\n")
	}
	r.printf("Every operation takes %s, unless its section below says otherwise.\n\n", requirements(r.doc.Security))
}

// schemeHow says how a security scheme travels with a request.
func schemeHow(s *openapi3.SecurityScheme) string {
	switch {
	case s.Type == "http" && strings.EqualFold(s.Scheme, "basic"):
		return "HTTP Basic: `Authorization: Basic <base64 of user:password>`"
	case s.Type == "http" && strings.EqualFold(s.Scheme, "bearer"):
		return "`Authorization: Bearer <token>`"
	case s.Type == "http":
		return "HTTP `" + s.Scheme + "` authentication"
	case s.Type == "apiKey":
		return fmt.Sprintf("the %s `%s`", s.In, s.Name)
	case s.Type == "oauth2":
		return "an OAuth 2 access token"
	default:
		return s.Type
	}
}

// requirements words a security requirement list: any one of its
// members, each member all of its schemes.
func requirements(reqs openapi3.SecurityRequirements) string {
	if len(reqs) == 0 {
		return "no credentials"
	}
	alternatives := make([]string, 0, len(reqs))
	for _, req := range reqs {
		names := make([]string, 0, len(req))
		for name := range req {
			names = append(names, code(name))
		}
		slices.Sort(names)
		if len(names) == 0 {
			alternatives = append(alternatives, "no credentials")
			continue
		}
		alternatives = append(alternatives, strings.Join(names, " and "))
	}
	if len(alternatives) == 1 {
		return alternatives[0]
	}
	return "any one of " + strings.Join(alternatives, ", ")
}

// operations lists the document's operations in its order.
func (r *renderer) operations() []operation {
	var ops []operation
	paths := r.doc.Paths.Map()
	for _, path := range ordered(paths, func(p *openapi3.PathItem) int { return line(p.Origin) }) {
		item := paths[path]
		byMethod := item.Operations()
		for _, method := range ordered(byMethod, func(o *openapi3.Operation) int { return line(o.Origin) }) {
			ops = append(ops, operation{method: method, path: path, item: item, op: byMethod[method]})
		}
	}
	return ops
}

func (r *renderer) opID(o operation) string {
	if o.op.OperationID != "" {
		return "op-" + anchorID(o.op.OperationID)
	}
	return "op-" + anchorID(o.method, o.path)
}

func (r *renderer) opLink(o operation) string {
	return fmt.Sprintf("[`%s %s`](#%s)", o.method, o.path, r.opID(o))
}

func (r *renderer) operationsSection(ops []operation) {
	r.printf("## Operations\n\n| method and path | operation | summary |\n|---|---|---|\n")
	for _, o := range ops {
		r.printf("| %s | %s | %s |\n", r.opLink(o), code(o.op.OperationID), cell(o.op.Summary))
	}
	r.printf("\n")
	for _, o := range ops {
		r.operation(o)
	}
}

func (r *renderer) operation(o operation) {
	op := o.op
	id := r.opID(o)
	name := op.OperationID
	if name == "" {
		name = o.method + " " + o.path
	}
	r.printf("<a id=\"%s\"></a>\n### %s `%s`\n\n", id, o.method, o.path)
	facts := []string{"Operation " + code(name)}
	if len(op.Tags) > 0 {
		tags := make([]string, len(op.Tags))
		for i, t := range op.Tags {
			tags[i] = code(t)
		}
		facts = append(facts, "tags "+strings.Join(tags, ", "))
	}
	if op.Deprecated {
		facts = append(facts, "**deprecated**")
	}
	r.printf("%s.\n\n", strings.Join(facts, "; "))
	if op.Summary == "" && op.Description == "" {
		r.gap("operation %s %s has neither summary nor description", o.method, o.path)
	}
	if op.Summary != "" {
		r.printf("%s\n\n", strings.TrimSpace(op.Summary))
	}
	if op.Description != "" {
		r.printf("%s\n\n", strings.TrimSpace(op.Description))
	}
	switch {
	case op.Security == nil:
		r.printf("**Authentication:** %s, as every operation.\n\n", requirements(r.doc.Security))
	case len(*op.Security) == 0:
		r.printf("**Authentication:** none: the request carries no credentials, and the answer must not depend on them.\n\n")
	default:
		r.printf("**Authentication:** %s.\n\n", requirements(*op.Security))
	}
	r.parameters(o, id)
	r.requestBody(o, id)
	r.responses(o, id)
	r.flush()
}

// parameters writes the operation's parameters: its path's, then its own
// (an operation's parameter replaces its path's of the same name and place).
func (r *renderer) parameters(o operation, id string) {
	var params []*openapi3.Parameter
	own := map[string]bool{}
	for _, p := range o.op.Parameters {
		if p.Value != nil {
			own[p.Value.In+" "+p.Value.Name] = true
		}
	}
	for _, p := range o.item.Parameters {
		if p.Value != nil && !own[p.Value.In+" "+p.Value.Name] {
			params = append(params, p.Value)
		}
	}
	for _, p := range o.op.Parameters {
		if p.Value != nil {
			params = append(params, p.Value)
		}
	}
	if len(params) == 0 {
		return
	}
	r.printf("**Parameters**\n\n| name | in | type | required | constraints | meaning |\n|---|---|---|---|---|---|\n")
	for _, p := range params {
		meaning := p.Description
		if meaning == "" {
			r.gap("parameter %s (%s) of %s %s has no description", p.Name, p.In, o.method, o.path)
		}
		if p.Example != nil {
			meaning = strings.TrimSpace(meaning) + " Example: " + value(p.Example) + "."
		}
		typ, cons := "", []string(nil)
		if p.Schema != nil {
			typ = r.typeOf(p.Schema, id+"-"+anchorID(p.Name), code(o.op.OperationID)+" parameter "+code(p.Name))
			if p.Schema.Ref == "" && p.Schema.Value != nil {
				cons = constraints(p.Schema.Value)
			}
		}
		r.printf("| %s | %s | %s | %s | %s | %s |\n", code(p.Name), p.In, typ, yesNo(p.Required),
			cell(strings.Join(cons, "; ")), cell(meaning))
	}
	r.printf("\n")
}

func (r *renderer) requestBody(o operation, id string) {
	if o.op.RequestBody == nil || o.op.RequestBody.Value == nil {
		return
	}
	body := o.op.RequestBody.Value
	need := "Optional"
	if body.Required {
		need = "Required"
	}
	r.printf("**Request body** (%s)\n\n", strings.ToLower(need))
	if body.Description != "" {
		r.printf("%s\n\n", strings.TrimSpace(body.Description))
	}
	for _, mime := range ordered(body.Content, func(*openapi3.MediaType) int { return 0 }) {
		media := body.Content[mime]
		r.printf("- %s: %s\n", code(mime), r.typeOf(media.Schema, id+"-request", code(o.op.OperationID)+" request body"))
	}
	r.printf("\n")
}

func (r *renderer) responses(o operation, id string) {
	if o.op.Responses == nil {
		return
	}
	all := o.op.Responses.Map()
	r.printf("**Responses**\n\n| status | meaning | body |\n|---|---|---|\n")
	for _, status := range sortedStatuses(all) {
		ref := all[status]
		if ref == nil || ref.Value == nil {
			continue
		}
		resp := ref.Value
		meaning := ""
		if resp.Description != nil {
			meaning = strings.TrimSpace(*resp.Description)
		}
		if meaning == "" {
			r.gap("response %s of %s %s has no description", status, o.method, o.path)
		}
		for _, h := range ordered(resp.Headers, func(h *openapi3.HeaderRef) int { return line(h.Origin) }) {
			header := resp.Headers[h].Value
			if header == nil {
				continue
			}
			typ := ""
			if header.Schema != nil && header.Schema.Value != nil {
				typ = ", " + plainType(header.Schema.Value)
			}
			meaning += fmt.Sprintf(" Header %s%s: %s", code(h), typ, strings.TrimSpace(header.Description))
		}
		var bodies []string
		for _, mime := range ordered(resp.Content, func(*openapi3.MediaType) int { return 0 }) {
			media := resp.Content[mime]
			bodies = append(bodies, code(mime)+": "+r.typeOf(media.Schema, id+"-"+anchorID(status),
				code(o.op.OperationID)+" "+status+" answer"))
		}
		body := "none"
		if len(bodies) > 0 {
			body = strings.Join(bodies, "; ")
		}
		r.printf("| `%s` | %s | %s |\n", status, cell(meaning), body)
	}
	r.printf("\n")
}

// sortedStatuses orders status codes as numbers, then ranges (2XX), then
// default.
func sortedStatuses(m map[string]*openapi3.ResponseRef) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	rank := func(k string) int {
		switch {
		case k == "default":
			return 2
		case strings.ContainsAny(k, "xX"):
			return 1
		default:
			return 0
		}
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(strings.ToUpper(a), strings.ToUpper(b)))
	})
	return keys
}

func (r *renderer) schemas() {
	all := r.doc.Components.Schemas
	if len(all) == 0 {
		return
	}
	r.printf("## Schemas\n\nEvery schema the operations name, once, in the document's order.\n\n")
	for _, name := range ordered(all, func(s *openapi3.SchemaRef) int { return line(s.Origin) }) {
		ref := all[name]
		if ref.Value == nil {
			continue
		}
		id := schemaID(name)
		r.printf("<a id=\"%s\"></a>\n### %s\n\n", id, name)
		if ref.Value.Description == "" {
			r.gap("schema %s has no description", name)
		}
		r.schemaBody(ref.Value, id, code(name))
		r.flush()
	}
}

func schemaID(name string) string { return "schema-" + anchorID(name) }

// flush writes the queued inline tables, and those they queue in turn.
func (r *renderer) flush() {
	for len(r.queue) > 0 {
		next := r.queue[0]
		r.queue = r.queue[1:]
		r.printf("<a id=\"%s\"></a>\n#### %s\n\n", next.id, next.title)
		r.schemaBody(next.schema, next.id, next.title)
	}
}

// schemaBody writes what a schema is: its description, how it is
// composed, and the table of its properties.
func (r *renderer) schemaBody(s *openapi3.Schema, id, title string) {
	if s.Description != "" {
		r.printf("%s\n\n", strings.TrimSpace(s.Description))
	}
	var lines []string
	if len(s.AllOf) > 0 {
		parts, required := r.members(s.AllOf, id+"-part", title)
		text := "All of " + strings.Join(parts, ", ")
		if len(parts) == 0 {
			text = "An object"
		}
		if len(required) > 0 {
			text += ", which here requires " + strings.Join(required, ", ")
		}
		lines = append(lines, text+".")
	}
	if len(s.OneOf) > 0 {
		parts, _ := r.members(s.OneOf, id+"-option", title)
		lines = append(lines, "Exactly one of "+strings.Join(parts, ", ")+".")
	}
	if len(s.AnyOf) > 0 {
		parts, _ := r.members(s.AnyOf, id+"-option", title)
		lines = append(lines, "At least one of "+strings.Join(parts, ", ")+".")
	}
	if d := s.Discriminator; d != nil {
		text := "The key " + code(d.PropertyName) + " says which"
		if len(d.Mapping) > 0 {
			keys := make([]string, 0, len(d.Mapping))
			for k := range d.Mapping {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			pairs := make([]string, len(keys))
			for i, k := range keys {
				pairs[i] = code(k) + ": " + r.refLink(d.Mapping[k].Ref)
			}
			text += ": " + strings.Join(pairs, ", ")
		}
		lines = append(lines, text+".")
	}
	isObject := s.Type.Is(openapi3.TypeObject) || len(s.Properties) > 0
	if !isObject && len(s.AllOf) == 0 && len(s.OneOf) == 0 && len(s.AnyOf) == 0 {
		text := "Type: " + plainType(s)
		if c := constraints(s); len(c) > 0 {
			text += "; " + strings.Join(c, "; ")
		}
		lines = append(lines, text+".")
		if s.Example != nil {
			lines = append(lines, "Example: "+value(s.Example)+".")
		}
	}
	if isObject {
		if c := objectConstraints(s); len(c) > 0 {
			lines = append(lines, strings.ToUpper(c[:1])+c[1:]+".")
		}
		switch {
		case s.AdditionalProperties.Has != nil && !*s.AdditionalProperties.Has:
			lines = append(lines, "A key not listed here is refused (`additionalProperties: false`).")
		case s.AdditionalProperties.Schema != nil:
			text := "Any key maps to " + r.typeOf(s.AdditionalProperties.Schema, id+"-value", title+" value")
			if v := s.AdditionalProperties.Schema.Value; v != nil && s.AdditionalProperties.Schema.Ref == "" {
				if c := constraints(v); len(c) > 0 {
					text += " (" + strings.Join(c, "; ") + ")"
				}
			}
			lines = append(lines, text+".")
		}
		if s.Nullable {
			lines = append(lines, "May be `null`.")
		}
		if len(s.Properties) == 0 && s.AdditionalProperties.Schema == nil && len(s.AllOf) == 0 {
			lines = append(lines, "An object with no keys of its own.")
		}
	} else if s.Nullable && len(s.AllOf)+len(s.OneOf)+len(s.AnyOf) > 0 {
		lines = append(lines, "May be `null`.")
	}
	if len(lines) > 0 {
		r.printf("%s\n\n", strings.Join(lines, " "))
	}
	r.properties(s, id, title)
}

// members words the members of an allOf, oneOf or anyOf: a component as a
// link, an inline object as a table of its own; an inline member that only
// makes keys required adds them to required.
func (r *renderer) members(refs openapi3.SchemaRefs, id, title string) (parts, required []string) {
	for i, m := range refs {
		if m.Ref == "" && m.Value != nil && onlyRequires(m.Value) {
			for _, k := range m.Value.Required {
				required = append(required, code(k))
			}
			continue
		}
		parts = append(parts, r.typeOf(m, fmt.Sprintf("%s-%d", id, i+1), fmt.Sprintf("%s, part %d", title, i+1)))
	}
	return parts, required
}

// onlyRequires reports whether s does nothing but require keys.
func onlyRequires(s *openapi3.Schema) bool {
	return len(s.Required) > 0 && len(s.Properties) == 0 && len(s.AllOf)+len(s.OneOf)+len(s.AnyOf) == 0 &&
		s.AdditionalProperties.Has == nil && s.AdditionalProperties.Schema == nil && s.Description == ""
}

// properties writes the table of a schema's properties.
func (r *renderer) properties(s *openapi3.Schema, id, title string) {
	if len(s.Properties) == 0 {
		return
	}
	r.printf("| JSON key | type | required | constraints | meaning |\n|---|---|---|---|---|\n")
	for _, key := range ordered(s.Properties, func(p *openapi3.SchemaRef) int { return line(p.Origin) }) {
		p := s.Properties[key]
		typ := r.typeOf(p, id+"-"+anchorID(key), title+"."+code(key))
		var cons []string
		meaning := ""
		if p.Value != nil {
			meaning = strings.TrimSpace(p.Value.Description)
			if p.Ref == "" {
				cons = constraints(p.Value)
				if p.Value.Example != nil {
					meaning += " Example: " + value(p.Value.Example) + "."
				}
			}
		}
		if meaning == "" {
			r.gap("%s.%s has no description", stripCode(title), key)
		}
		r.printf("| %s | %s | %s | %s | %s |\n", code(key), typ, yesNo(slices.Contains(s.Required, key)),
			cell(strings.Join(cons, "; ")), cell(meaning))
	}
	r.printf("\n")
}

func stripCode(s string) string { return strings.ReplaceAll(s, "`", "") }

// typeOf words the type of a schema for a table cell: a component as a
// link to its section, an inline object as a link to its own table (queued
// under id, headed title), an array or map by what it holds.
func (r *renderer) typeOf(ref *openapi3.SchemaRef, id, title string) string {
	if ref == nil || (ref.Ref == "" && ref.Value == nil) {
		return "any"
	}
	if ref.Ref != "" {
		return r.refLink(ref.Ref)
	}
	s := ref.Value
	switch {
	case s.Type.Is(openapi3.TypeArray):
		return "array of " + r.typeOf(s.Items, id+"-item", title+" item")
	case len(s.Properties) > 0 || (s.Type.Is(openapi3.TypeObject) && s.AdditionalProperties.Schema == nil && len(s.AllOf) > 0):
		r.queue = append(r.queue, inline{id: id, title: title, schema: s})
		return fmt.Sprintf("[object](#%s)", id)
	case s.AdditionalProperties.Schema != nil:
		return "map of " + r.typeOf(s.AdditionalProperties.Schema, id+"-value", title+" value")
	case len(s.AllOf) > 0 || len(s.OneOf) > 0 || len(s.AnyOf) > 0:
		var parts []string
		for _, group := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
			p, _ := r.members(group, id+"-part", title)
			parts = append(parts, p...)
		}
		joiner := " and "
		if len(s.AllOf) == 0 {
			joiner = " or "
		}
		if len(parts) == 0 {
			return "object"
		}
		return strings.Join(parts, joiner)
	default:
		return plainType(s)
	}
}

// refLink links a local reference to its component's section.
func (r *renderer) refLink(ref string) string {
	name, ok := strings.CutPrefix(ref, "#/components/schemas/")
	if !ok {
		return code(ref)
	}
	return fmt.Sprintf("[%s](#%s)", name, schemaID(name))
}

// plainType words a schema's JSON type and format, e.g. "string (uri)".
func plainType(s *openapi3.Schema) string {
	t := "any"
	if s.Type != nil && len(*s.Type) > 0 {
		t = strings.Join(*s.Type, " or ")
	}
	if s.Format != "" {
		t += " (" + s.Format + ")"
	}
	return t
}

// constraints lists the rules a value of s must follow, beyond its type.
func constraints(s *openapi3.Schema) []string {
	var c []string
	if len(s.Enum) > 0 {
		vals := make([]string, len(s.Enum))
		for i, v := range s.Enum {
			vals[i] = value(v)
		}
		if len(vals) == 1 {
			c = append(c, "always "+vals[0])
		} else {
			c = append(c, "one of "+strings.Join(vals, ", "))
		}
	}
	c = append(c, bound("minimum", "greater than", s.Min, s.ExclusiveMin)...)
	c = append(c, bound("maximum", "less than", s.Max, s.ExclusiveMax)...)
	if s.MultipleOf != nil {
		c = append(c, "multiple of "+number(*s.MultipleOf))
	}
	if s.MinLength > 0 {
		c = append(c, fmt.Sprintf("min length %d", s.MinLength))
	}
	if s.MaxLength != nil {
		c = append(c, fmt.Sprintf("max length %d", *s.MaxLength))
	}
	if s.Pattern != "" {
		c = append(c, "pattern "+code(s.Pattern))
	}
	if s.MinItems > 0 {
		c = append(c, fmt.Sprintf("at least %d items", s.MinItems))
	}
	if s.MaxItems != nil {
		c = append(c, fmt.Sprintf("at most %d items", *s.MaxItems))
	}
	if s.UniqueItems {
		c = append(c, "items unique")
	}
	if cs := objectConstraints(s); cs != "" {
		c = append(c, cs)
	}
	if s.Items != nil && s.Items.Ref == "" && s.Items.Value != nil {
		if ic := constraints(s.Items.Value); len(ic) > 0 {
			c = append(c, "each item: "+strings.Join(ic, ", "))
		}
	}
	if ap := s.AdditionalProperties.Schema; ap != nil && ap.Ref == "" && ap.Value != nil {
		if vc := constraints(ap.Value); len(vc) > 0 {
			c = append(c, "each value: "+strings.Join(vc, ", "))
		}
	}
	for _, m := range s.AllOf {
		if m.Ref == "" && m.Value != nil && onlyRequires(m.Value) {
			keys := make([]string, len(m.Value.Required))
			for i, k := range m.Value.Required {
				keys[i] = code(k)
			}
			c = append(c, "requires "+strings.Join(keys, ", "))
		}
	}
	if s.Default != nil {
		c = append(c, "default "+value(s.Default))
	}
	if s.Nullable {
		c = append(c, "may be `null`")
	}
	if s.ReadOnly {
		c = append(c, "read-only: the server sets it; never sent")
	}
	if s.WriteOnly {
		c = append(c, "write-only: accepted, never answered")
	}
	if s.Deprecated {
		c = append(c, "deprecated")
	}
	return c
}

// objectConstraints words an object's bounds on its number of keys.
func objectConstraints(s *openapi3.Schema) string {
	switch {
	case s.MinProps > 0 && s.MaxProps != nil:
		return fmt.Sprintf("%d to %d keys", s.MinProps, *s.MaxProps)
	case s.MinProps > 0:
		return fmt.Sprintf("at least %d key", s.MinProps) + plural(s.MinProps)
	case s.MaxProps != nil:
		return fmt.Sprintf("at most %d key", *s.MaxProps) + plural(*s.MaxProps)
	}
	return ""
}

func plural(n uint64) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// bound words a minimum or maximum, exclusive in OpenAPI 3.0's style (a
// flag beside the bound) or 3.1's (the bound itself).
func bound(word, exclusiveWord string, v *float64, exclusive openapi3.ExclusiveBound) []string {
	switch {
	case exclusive.Value != nil:
		return []string{exclusiveWord + " " + number(*exclusive.Value)}
	case v != nil && exclusive.Bool != nil && *exclusive.Bool:
		return []string{exclusiveWord + " " + number(*v)}
	case v != nil:
		return []string{word + " " + number(*v)}
	}
	return nil
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// line is the line an element was written on, or 0 when unknown.
func line(o *openapi3.Origin) int {
	if o == nil || o.Key == nil {
		return 0
	}
	return o.Key.Line
}

// ordered returns the keys of m in the document's order (by lineOf), keys
// of unknown place last, ties and unknowns by name.
func ordered[V any](m map[string]V, lineOf func(V) int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	at := func(k string) int {
		if l := lineOf(m[k]); l > 0 {
			return l
		}
		return math.MaxInt
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(at(a), at(b)), cmp.Compare(a, b))
	})
	return keys
}
