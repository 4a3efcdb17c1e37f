package acctest

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/almsync/terraform-provider-almsync/internal/provider"
)

// ValidateDataSourceConfig validates a configuration of the data source
// typeName the way Terraform's validate walk does, through the provider's
// protocol server, and returns every diagnostic: tests count them to hold
// "one mistake, one error". vals are the configured attributes; every
// other attribute is null.
func ValidateDataSourceConfig(t testing.TB, typeName string, vals map[string]tftypes.Value) []*tfprotov6.Diagnostic {
	t.Helper()
	ctx := context.Background()
	server, err := provider.Server("test")()
	if err != nil {
		t.Fatalf("provider server: %v", err)
	}
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatalf("provider schema: %v", err)
	}
	s, ok := schemas.DataSourceSchemas[typeName]
	if !ok {
		t.Fatalf("no data source %s", typeName)
	}
	typ, ok := s.ValueType().(tftypes.Object)
	if !ok {
		t.Fatalf("%s: schema type is not an object", typeName)
	}
	attrs := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		attrs[name] = tftypes.NewValue(at, nil)
		if v, ok := vals[name]; ok {
			attrs[name] = v
		}
	}
	config, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, attrs))
	if err != nil {
		t.Fatalf("encoding the configuration: %v", err)
	}
	resp, err := server.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: typeName, Config: &config})
	if err != nil {
		t.Fatalf("validating %s: %v", typeName, err)
	}
	return resp.Diagnostics
}
