package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// TestServerMarksRequiredBlocks checks that the schema Terraform reads
// (and the docs are generated from) calls the required blocks required,
// and leaves optional blocks optional.
func TestServerMarksRequiredBlocks(t *testing.T) {
	t.Parallel()
	server, err := Server("test")()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		resource, block string
		required        bool
	}{
		{"almsync_jira_sync_connection", "schedule", true},
		{"almsync_aqua_jira_sync", "configuration_user", true},
		{"almsync_aqua_jira_sync", "sync_user", false},
		{"almsync_jitterbit_jsm_connection", "sso", false},
	}
	for _, tc := range cases {
		sch := resp.ResourceSchemas[tc.resource]
		if sch == nil {
			t.Fatalf("no schema for %s", tc.resource)
		}
		var found *tfprotov6.SchemaNestedBlock
		for _, b := range sch.Block.BlockTypes {
			if b.TypeName == tc.block {
				found = b
			}
		}
		if found == nil {
			t.Fatalf("%s has no block %s", tc.resource, tc.block)
		}
		want := int64(0)
		if tc.required {
			want = 1
		}
		if found.MinItems != want || found.MaxItems != want {
			t.Errorf("%s.%s: MinItems %d, MaxItems %d; want both %d", tc.resource, tc.block, found.MinItems, found.MaxItems, want)
		}
	}
}
