package contracttest

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// inheritance is how NSwag writes a derived type: allOf the base and the
// derived part, each closed to other members.
const inheritance = `
openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Base:
      type: object
      additionalProperties: false
      required: [Id]
      properties:
        Id: {type: integer}
    Derived:
      allOf:
        - $ref: "#/components/schemas/Base"
        - type: object
          additionalProperties: false
          properties:
            Name: {type: string}
    Status:
      type: string
      enum: [On, Off]
    WithStatus:
      allOf:
        - $ref: "#/components/schemas/Status"
`

func TestFlattenAllOf(t *testing.T) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData([]byte(inheritance))
	if err != nil {
		t.Fatal(err)
	}
	derived := doc.Components.Schemas["Derived"].Value
	instance := map[string]any{"Id": 1.0, "Name": "x"}
	if err := derived.VisitJSON(instance); err == nil {
		t.Fatal("before flattening, the closed parts were expected to refuse each other's members")
	}

	flattenAllOf(doc)

	if len(derived.AllOf) != 0 {
		t.Fatalf("Derived still has allOf: %v", derived.AllOf)
	}
	tests := map[string]struct {
		value any
		ok    bool
	}{
		"both parts' members":          {value: map[string]any{"Id": 1.0, "Name": "x"}, ok: true},
		"base member only":             {value: map[string]any{"Id": 1.0}, ok: true},
		"required base member missing": {value: map[string]any{"Name": "x"}, ok: false},
		"unknown member":               {value: map[string]any{"Id": 1.0, "Surname": "y"}, ok: false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			err := derived.VisitJSON(tc.value)
			if (err == nil) != tc.ok {
				t.Errorf("VisitJSON(%v) = %v, want ok=%v", tc.value, err, tc.ok)
			}
		})
	}

	// An allOf of a non-object schema is left alone.
	withStatus := doc.Components.Schemas["WithStatus"].Value
	if len(withStatus.AllOf) != 1 {
		t.Errorf("WithStatus was rewritten: %+v", withStatus)
	}
	if err := withStatus.VisitJSON("On"); err != nil {
		t.Errorf("WithStatus refuses a valid value: %v", err)
	}
}

// polymorphism is how NSwag writes a base type whose discriminator names
// its subtypes.
const polymorphism = `
openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Operation:
      type: object
      additionalProperties: false
      required: [OperationType]
      discriminator:
        propertyName: OperationType
        mapping:
          Replace: "#/components/schemas/Replace"
      properties:
        OperationType: {type: string}
    Replace:
      allOf:
        - $ref: "#/components/schemas/Operation"
        - type: object
          additionalProperties: false
          properties:
            NewRoleId: {type: integer}
`

func TestExpandDiscriminators(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromData([]byte(polymorphism))
	if err != nil {
		t.Fatal(err)
	}
	flattenAllOf(doc)
	base := doc.Components.Schemas["Operation"].Value
	if err := base.VisitJSON(map[string]any{"OperationType": "Replace", "NewRoleId": 3.0}); err == nil {
		t.Fatal("before expanding, the closed base was expected to refuse the subtype's member")
	}

	expandDiscriminators(doc)

	tests := map[string]struct {
		value any
		ok    bool
	}{
		"a subtype's instance":  {value: map[string]any{"OperationType": "Replace", "NewRoleId": 3.0}, ok: true},
		"the base's own":        {value: map[string]any{"OperationType": "Replace"}, ok: true},
		"an unknown member":     {value: map[string]any{"OperationType": "Replace", "RoleId": 3.0}, ok: false},
		"the required one gone": {value: map[string]any{"NewRoleId": 3.0}, ok: false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if err := base.VisitJSON(tc.value); (err == nil) != tc.ok {
				t.Errorf("VisitJSON(%v) = %v, want ok=%v", tc.value, err, tc.ok)
			}
		})
	}
}
