package main

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	almsync "github.com/almsync/terraform-provider-almsync/internal/provider"
)

// TestSchemaMatchesAlmsync checks that Terraform sees noop_jama_connector
// exactly as almsync_jama_connector: the same attributes, types, flags
// and descriptions over the plugin protocol.
func TestSchemaMatchesAlmsync(t *testing.T) {
	want := resourceSchema(t, almsync.New("test"), mirroredType)
	got := resourceSchema(t, newProvider, "noop_jama_connector")
	if len(got.Block.Attributes) == 0 {
		t.Fatal("noop_jama_connector has no attributes")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("schemas differ:\n noop:    %+v\n almsync: %+v", got.Block, want.Block)
	}
}

// TestFloorHasNoValidators checks that the floor keeps the plan modifiers
// and defaults of almsync_jama_connector and drops its validators.
func TestFloorHasNoValidators(t *testing.T) {
	s, diags := floorSchema(context.Background(), mirroredType)
	if diags.HasError() {
		t.Fatalf("floorSchema: %v", diags)
	}
	var modifiers, defaults int
	for name, a := range s.Attributes {
		switch a := a.(type) {
		case schema.StringAttribute:
			if len(a.Validators) > 0 {
				t.Errorf("attribute %s keeps %d validators", name, len(a.Validators))
			}
			modifiers += len(a.PlanModifiers)
		case schema.BoolAttribute:
			if len(a.Validators) > 0 {
				t.Errorf("attribute %s keeps %d validators", name, len(a.Validators))
			}
			if a.Default != nil {
				defaults++
			}
		case schema.Int64Attribute:
			if len(a.Validators) > 0 {
				t.Errorf("attribute %s keeps %d validators", name, len(a.Validators))
			}
		}
	}
	// id and application keep UseStateForUnknown, verify_ssl its default.
	if modifiers != 2 || defaults != 1 {
		t.Errorf("plan modifiers %d, defaults %d; want 2 and 1", modifiers, defaults)
	}
}

func TestFloorSchemaOfUnknownType(t *testing.T) {
	if _, diags := floorSchema(context.Background(), "almsync_nothing"); !diags.HasError() {
		t.Error("floorSchema of an unknown type gave no error")
	}
}

// resourceSchema returns the protocol schema of resource typeName of the
// provider made by newProv.
func resourceSchema(t *testing.T, newProv func() provider.Provider, typeName string) *tfprotov6.Schema {
	t.Helper()
	server := providerserver.NewProtocol6(newProv())()
	resp, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		t.Fatalf("GetProviderSchema: %s: %s", d.Summary, d.Detail)
	}
	s, ok := resp.ResourceSchemas[typeName]
	if !ok {
		t.Fatalf("no resource %s", typeName)
	}
	return s
}
