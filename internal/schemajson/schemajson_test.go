package schemajson_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/almsync/terraform-provider-almsync/internal/provider"
	"github.com/almsync/terraform-provider-almsync/internal/schemajson"
)

// TestConvert_Shapes: every shape of the protocol's schemas becomes the
// JSON Terraform writes for it.
func TestConvert_Shapes(t *testing.T) {
	t.Parallel()
	str := func(name string, set func(a *tfprotov6.SchemaAttribute)) *tfprotov6.SchemaAttribute {
		a := &tfprotov6.SchemaAttribute{Name: name, Type: tftypes.String, Description: name + " docs", DescriptionKind: tfprotov6.StringKindMarkdown}
		set(a)
		return a
	}
	res := &tfprotov6.Schema{Version: 2, Block: &tfprotov6.SchemaBlock{
		Description: "A thing.", DescriptionKind: tfprotov6.StringKindMarkdown,
		Attributes: []*tfprotov6.SchemaAttribute{
			str("id", func(a *tfprotov6.SchemaAttribute) { a.Computed = true }),
			str("secret_wo", func(a *tfprotov6.SchemaAttribute) { a.Optional, a.WriteOnly, a.Sensitive = true, true, true }),
			{Name: "tags", Type: tftypes.Map{ElementType: tftypes.String}, Optional: true, Deprecated: true},
			{Name: "pairs", Optional: true, NestedType: &tfprotov6.SchemaObject{Nesting: tfprotov6.SchemaObjectNestingModeList,
				Attributes: []*tfprotov6.SchemaAttribute{{Name: "n", Type: tftypes.Number, Required: true}}}},
		},
		BlockTypes: []*tfprotov6.SchemaNestedBlock{{TypeName: "schedule", Nesting: tfprotov6.SchemaNestedBlockNestingModeSingle, MinItems: 1, MaxItems: 1,
			Block: &tfprotov6.SchemaBlock{Attributes: []*tfprotov6.SchemaAttribute{{Name: "cron", Type: tftypes.String, Optional: true}}}}},
	}}
	resp := &tfprotov6.GetProviderSchemaResponse{
		Provider:            &tfprotov6.Schema{Block: &tfprotov6.SchemaBlock{}},
		ResourceSchemas:     map[string]*tfprotov6.Schema{"x_thing": res},
		ListResourceSchemas: map[string]*tfprotov6.Schema{"x_thing": {Block: &tfprotov6.SchemaBlock{Attributes: []*tfprotov6.SchemaAttribute{{Name: "name", Type: tftypes.String, Optional: true}}}}},
		ActionSchemas: map[string]*tfprotov6.ActionSchema{"x_poke": {Schema: &tfprotov6.Schema{Block: &tfprotov6.SchemaBlock{
			Attributes: []*tfprotov6.SchemaAttribute{{Name: "target", Type: tftypes.String, Required: true}}}}}},
		Functions: map[string]*tfprotov6.Function{"twice": {
			Summary: "Twice", Description: "Repeats.", DescriptionKind: tfprotov6.StringKindMarkdown,
			Parameters:        []*tfprotov6.FunctionParameter{{Name: "s", Type: tftypes.String, AllowNullValue: true, Description: "what"}},
			VariadicParameter: &tfprotov6.FunctionParameter{Name: "more", Type: tftypes.List{ElementType: tftypes.Bool}},
			Return:            &tfprotov6.FunctionReturn{Type: tftypes.List{ElementType: tftypes.String}},
		}},
	}
	ids := &tfprotov6.GetResourceIdentitySchemasResponse{IdentitySchemas: map[string]*tfprotov6.ResourceIdentitySchema{"x_thing": {
		Version: 1, IdentityAttributes: []*tfprotov6.ResourceIdentitySchemaAttribute{{Name: "id", Type: tftypes.String, RequiredForImport: true, Description: "The id."}},
	}}}
	got, err := schemajson.Convert(resp, ids)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"provider":{"version":0,"block":{"description_kind":"plain"}},` +
		`"resource_schemas":{"x_thing":{"version":2,"block":{"attributes":{` +
		`"id":{"type":"string","description":"id docs","description_kind":"markdown","computed":true},` +
		`"pairs":{"nested_type":{"attributes":{"n":{"type":"number","description_kind":"plain","required":true}},"nesting_mode":"list"},"description_kind":"plain","optional":true},` +
		`"secret_wo":{"type":"string","description":"secret_wo docs","description_kind":"markdown","optional":true,"sensitive":true,"write_only":true},` +
		`"tags":{"type":["map","string"],"description_kind":"plain","deprecated":true,"optional":true}},` +
		`"block_types":{"schedule":{"nesting_mode":"single","block":{"attributes":{"cron":{"type":"string","description_kind":"plain","optional":true}},"description_kind":"plain"},"min_items":1,"max_items":1}},` +
		`"description":"A thing.","description_kind":"markdown"}}},` +
		`"action_schemas":{"x_poke":{"block":{"attributes":{"target":{"type":"string","description_kind":"plain","required":true}},"description_kind":"plain"}}},` +
		`"functions":{"twice":{"description":"Repeats.","summary":"Twice","return_type":["list","string"],` +
		`"parameters":[{"name":"s","description":"what","is_nullable":true,"type":"string"}],"variadic_parameter":{"name":"more","type":["list","bool"]}}},` +
		`"resource_identity_schemas":{"x_thing":{"version":1,"attributes":{"id":{"type":"string","description":"The id.","required_for_import":true}}}},` +
		`"list_resource_schemas":{"x_thing":{"version":0,"block":{"attributes":{"name":{"type":"string","description_kind":"plain","optional":true}},"description_kind":"plain"}}}}`
	if string(b) != want {
		t.Errorf("JSON =\n%s\nwant\n%s", b, want)
	}
}

// TestRead_Provider: the provider's own schema has every resource, data
// source, function and action, and reads back as terraform-json's
// ProviderSchemas, as the docs generator reads it.
func TestRead_Provider(t *testing.T) {
	t.Parallel()
	server, err := provider.Server("test")()
	if err != nil {
		t.Fatal(err)
	}
	schemas, err := schemajson.Read(context.Background(), server, "almsync")
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(schemas)
	if err != nil {
		t.Fatal(err)
	}
	var back tfjson.ProviderSchemas
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if err := back.Validate(); err != nil {
		t.Fatal(err)
	}
	ps := back.Schemas["almsync"]
	if ps == nil || ps.ConfigSchema == nil || ps.ConfigSchema.Block.NestedBlocks["jitterbit"] == nil {
		t.Fatalf("no provider configuration with a jitterbit block: %s", b)
	}
	names := schemajson.Names(ps)
	for _, want := range []string{
		"action almsync_connection_test", "action almsync_jitterbit_project_deploy",
		"data source almsync_connection_test", "function cron_next", "resource almsync_jira_sync_connection",
	} {
		if !slices.Contains(names, want) {
			t.Errorf("the schema lacks %s; it has %v", want, names)
		}
	}
	// The action's secret is write-only, as Terraform must be told.
	if a := ps.ActionSchemas["almsync_connection_test"].Block.Attributes["secret"]; a == nil || !a.WriteOnly || a.DescriptionKind != tfjson.SchemaDescriptionKindMarkdown {
		t.Errorf("action secret = %+v, want a write-only attribute with a markdown description", a)
	}
	// The required single nested blocks the protocol server marks.
	if bt := ps.ResourceSchemas["almsync_jira_sync_connection"].Block.NestedBlocks["schedule"]; bt == nil || bt.MinItems != 1 || bt.MaxItems != 1 {
		t.Errorf("schedule block = %+v, want min_items and max_items 1", bt)
	}
}
