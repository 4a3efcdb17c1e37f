package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// requiredBlocksServer hands the list resource calls of `terraform query`
// to the framework too: they are not part of tfprotov6.ProviderServer yet,
// so embedding does not forward them.
var _ tfprotov6.ListResourceServer = requiredBlocksServer{}

func (s requiredBlocksServer) listServer() (tfprotov6.ListResourceServer, error) {
	ls, ok := s.ProviderServer.(tfprotov6.ListResourceServer)
	if !ok {
		return nil, fmt.Errorf("the provider server %T serves no list resources", s.ProviderServer)
	}
	return ls, nil
}

func (s requiredBlocksServer) ListResource(ctx context.Context, req *tfprotov6.ListResourceRequest) (*tfprotov6.ListResourceServerStream, error) {
	ls, err := s.listServer()
	if err != nil {
		return nil, err
	}
	return ls.ListResource(ctx, req)
}

func (s requiredBlocksServer) ValidateListResourceConfig(ctx context.Context, req *tfprotov6.ValidateListResourceConfigRequest) (*tfprotov6.ValidateListResourceConfigResponse, error) {
	ls, err := s.listServer()
	if err != nil {
		return nil, err
	}
	return ls.ValidateListResourceConfig(ctx, req)
}
