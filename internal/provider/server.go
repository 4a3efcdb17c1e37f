package provider

import (
	"context"
	"reflect"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/objectvalidator"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// Server is the provider's protocol 6 server, as Terraform and the
// acceptance tests run it.
//
// The framework never marks a block as required in the schema it sends to
// Terraform (it leaves that to validators), so Terraform's own messages,
// `terraform providers schema` and the generated docs would call a block
// such as `schedule` optional although no object can exist without it.
// Server sends a single nested block that carries
// objectvalidator.IsRequired() as required (MinItems and MaxItems 1, as
// the protocol defines it), so Terraform asks for it by name and the docs
// list it under Required.
func Server(version string) func() (tfprotov6.ProviderServer, error) {
	return func() (tfprotov6.ProviderServer, error) {
		p := New(version)()
		inner, err := providerserver.NewProtocol6WithError(p)()
		if err != nil {
			return nil, err
		}
		return requiredBlocksServer{ProviderServer: inner, required: requiredBlocks(context.Background(), p)}, nil
	}
}

// requiredBlocksServer marks required single nested blocks in the schema
// Terraform reads; every other call goes to the framework unchanged.
type requiredBlocksServer struct {
	tfprotov6.ProviderServer
	// required holds, per resource type, the names of its required
	// top-level single nested blocks.
	required map[string][]string
}

func (s requiredBlocksServer) GetProviderSchema(ctx context.Context, req *tfprotov6.GetProviderSchemaRequest) (*tfprotov6.GetProviderSchemaResponse, error) {
	resp, err := s.ProviderServer.GetProviderSchema(ctx, req)
	if err != nil || resp == nil {
		return resp, err
	}
	for typeName, blocks := range s.required {
		sch, ok := resp.ResourceSchemas[typeName]
		if !ok || sch == nil || sch.Block == nil {
			continue
		}
		for _, nb := range sch.Block.BlockTypes {
			if nb.Nesting == tfprotov6.SchemaNestedBlockNestingModeSingle && slices.Contains(blocks, nb.TypeName) {
				nb.MinItems, nb.MaxItems = 1, 1
			}
		}
	}
	return resp, nil
}

// requiredBlocks lists, per resource type name, the top-level single
// nested blocks whose validators include objectvalidator.IsRequired().
func requiredBlocks(ctx context.Context, p provider.Provider) map[string][]string {
	var meta provider.MetadataResponse
	p.Metadata(ctx, provider.MetadataRequest{}, &meta)
	isRequired := reflect.TypeOf(objectvalidator.IsRequired())
	out := map[string][]string{}
	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &md)
		var sr resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sr)
		for name, b := range sr.Schema.Blocks {
			single, ok := b.(schema.SingleNestedBlock)
			if !ok {
				continue
			}
			for _, v := range single.Validators {
				if reflect.TypeOf(v) == isRequired {
					out[md.TypeName] = append(out[md.TypeName], name)
					break
				}
			}
		}
	}
	return out
}
