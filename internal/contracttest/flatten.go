package contracttest

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// flattenAllOf rewrites every object schema made of allOf parts into one
// schema holding the union of the parts' properties and required members,
// closed to other members when any part is closed.
//
// Generators such as NSwag (which writes aqua's document) describe
// inheritance as allOf and close every part with additionalProperties:
// false. Read literally, JSON Schema then accepts no instance at all: each
// part refuses the members of the others. The union is what the document
// means, and keeps its strictness: an unknown member is still refused.
// Schemas whose parts are not all plain objects (a oneOf, an enum, a
// string) are left as they are.
func flattenAllOf(doc *openapi3.T) {
	f := &flattener{seen: make(map[*openapi3.Schema]bool)}
	if doc.Components != nil {
		for _, ref := range doc.Components.Schemas {
			f.ref(ref)
		}
		for _, p := range doc.Components.Parameters {
			if p.Value != nil {
				f.ref(p.Value.Schema)
			}
		}
		for _, rb := range doc.Components.RequestBodies {
			if rb.Value != nil {
				f.content(rb.Value.Content)
			}
		}
		for _, r := range doc.Components.Responses {
			if r.Value != nil {
				f.content(r.Value.Content)
			}
		}
	}
	for _, item := range doc.Paths.Map() {
		for _, p := range item.Parameters {
			if p.Value != nil {
				f.ref(p.Value.Schema)
			}
		}
		for _, op := range item.Operations() {
			for _, p := range op.Parameters {
				if p.Value != nil {
					f.ref(p.Value.Schema)
				}
			}
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				f.content(op.RequestBody.Value.Content)
			}
			if op.Responses != nil {
				for _, r := range op.Responses.Map() {
					if r.Value != nil {
						f.content(r.Value.Content)
					}
				}
			}
		}
	}
}

type flattener struct {
	seen map[*openapi3.Schema]bool
}

func (f *flattener) content(c openapi3.Content) {
	for _, mt := range c {
		if mt != nil {
			f.ref(mt.Schema)
		}
	}
}

func (f *flattener) ref(ref *openapi3.SchemaRef) {
	if ref != nil && ref.Value != nil {
		f.schema(ref.Value)
	}
}

func (f *flattener) schema(s *openapi3.Schema) {
	if f.seen[s] {
		return
	}
	f.seen[s] = true
	for _, list := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
		for _, ref := range list {
			f.ref(ref)
		}
	}
	f.ref(s.Not)
	f.ref(s.Items)
	f.ref(s.AdditionalProperties.Schema)
	for _, ref := range s.Properties {
		f.ref(ref)
	}
	if len(s.AllOf) > 0 {
		merge(s)
	}
}

// merge replaces s's allOf by the union of its parts, when every part (and
// s) is a plain object schema.
func merge(s *openapi3.Schema) {
	u := union{properties: openapi3.Schemas{}}
	if !u.add(s, map[*openapi3.Schema]bool{}) {
		return
	}
	s.AllOf = nil
	s.Type = &openapi3.Types{openapi3.TypeObject}
	s.Properties = u.properties
	slices.Sort(u.required)
	s.Required = slices.Compact(u.required)
	if u.closed {
		closed := false
		s.AdditionalProperties = openapi3.AdditionalProperties{Has: &closed}
	}
}

type union struct {
	properties openapi3.Schemas
	required   []string
	closed     bool
}

// add merges s and its allOf parts into u; it reports false when one of
// them is not a plain object schema.
func (u *union) add(s *openapi3.Schema, path map[*openapi3.Schema]bool) bool {
	if path[s] {
		return false
	}
	path[s] = true
	defer delete(path, s)
	if s.Type != nil && !s.Type.Is(openapi3.TypeObject) {
		return false
	}
	if len(s.OneOf) > 0 || len(s.AnyOf) > 0 || s.Not != nil || s.AdditionalProperties.Schema != nil {
		return false
	}
	for name, prop := range s.Properties {
		u.properties[name] = prop
	}
	u.required = append(u.required, s.Required...)
	if has := s.AdditionalProperties.Has; has != nil && !*has {
		u.closed = true
	}
	for _, part := range s.AllOf {
		if part == nil || part.Value == nil || !u.add(part.Value, path) {
			return false
		}
	}
	return true
}

// expandDiscriminators lets a schema with a discriminator mapping stand
// for its subtypes too. NSwag writes inheritance as a base schema, closed
// to other members, whose discriminator maps values to subtypes built with
// allOf; an instance of a subtype (a Replace operation with its NewRoleId,
// a dictionary field with its Entries) is then refused by the base it is
// declared as. After flattenAllOf each subtype holds the base's members,
// so the base becomes "any of: itself, or one of its subtypes", which is
// what the document means, and each alternative stays closed.
func expandDiscriminators(doc *openapi3.T) {
	if doc.Components == nil {
		return
	}
	const prefix = "#/components/schemas/"
	for _, ref := range doc.Components.Schemas {
		base := ref.Value
		if base == nil || base.Discriminator == nil || len(base.Discriminator.Mapping) == 0 {
			continue
		}
		itself := *base
		itself.Discriminator = nil
		alternatives := openapi3.SchemaRefs{openapi3.NewSchemaRef("", &itself)}
		names := make([]string, 0, len(base.Discriminator.Mapping))
		for _, target := range base.Discriminator.Mapping {
			names = append(names, target.Ref)
		}
		slices.Sort(names)
		for _, target := range names {
			name, ok := strings.CutPrefix(target, prefix)
			sub, found := doc.Components.Schemas[name]
			if !ok || !found || sub.Value == nil || sub.Value == base {
				continue
			}
			alternatives = append(alternatives, openapi3.NewSchemaRef("", sub.Value))
		}
		if len(alternatives) == 1 {
			continue
		}
		*base = openapi3.Schema{AnyOf: alternatives, Description: base.Description}
	}
}
