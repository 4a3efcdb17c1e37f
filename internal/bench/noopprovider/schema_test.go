package main

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	almsync "github.com/almsync/terraform-provider-almsync/internal/provider"
)

// TestSchemaMatchesAlmsync checks that noop_jama_connector declares the
// attributes of almsync_jama_connector with the same types and flags, as
// Terraform sees them over the plugin protocol.
func TestSchemaMatchesAlmsync(t *testing.T) {
	want := resourceAttributes(t, almsync.New("test"), "almsync_jama_connector")
	got := resourceAttributes(t, newProvider, "noop_jama_connector")
	if !slices.Equal(slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want))) {
		t.Fatalf("attributes differ:\n noop:    %v\n almsync: %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
	for name, w := range want {
		if g := got[name]; g != w {
			t.Errorf("attribute %s: noop %+v, almsync %+v", name, g, w)
		}
	}
}

// attribute is what Terraform learns about one attribute.
type attribute struct {
	typ                                                string
	required, optional, computed, sensitive, writeOnly bool
}

// resourceAttributes returns the attributes of resource typeName of the
// provider made by newProv.
func resourceAttributes(t *testing.T, newProv func() provider.Provider, typeName string) map[string]attribute {
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
	out := make(map[string]attribute)
	for _, a := range s.Block.Attributes {
		out[a.Name] = attribute{
			typ: a.Type.String(), required: a.Required, optional: a.Optional,
			computed: a.Computed, sensitive: a.Sensitive, writeOnly: a.WriteOnly,
		}
	}
	return out
}
