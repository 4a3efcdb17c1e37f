package provider

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// tfprotov6.ProviderServer does not include the action RPCs yet, so
// requiredBlocksServer, which embeds that interface, passes them on to the
// framework's server itself; Terraform finds them by asserting the server
// is a tfprotov6.ActionServer too.
var _ tfprotov6.ActionServer = requiredBlocksServer{}

// errNoActionServer is what an action RPC answers if the wrapped server
// has no actions, which the framework's always has.
var errNoActionServer = errors.New("the provider server implements no actions")

func (s requiredBlocksServer) actions() (tfprotov6.ActionServer, error) {
	if a, ok := s.ProviderServer.(tfprotov6.ActionServer); ok {
		return a, nil
	}
	return nil, errNoActionServer
}

func (s requiredBlocksServer) ValidateActionConfig(ctx context.Context, req *tfprotov6.ValidateActionConfigRequest) (*tfprotov6.ValidateActionConfigResponse, error) {
	a, err := s.actions()
	if err != nil {
		return nil, err
	}
	return a.ValidateActionConfig(ctx, req)
}

func (s requiredBlocksServer) PlanAction(ctx context.Context, req *tfprotov6.PlanActionRequest) (*tfprotov6.PlanActionResponse, error) {
	a, err := s.actions()
	if err != nil {
		return nil, err
	}
	return a.PlanAction(ctx, req)
}

func (s requiredBlocksServer) InvokeAction(ctx context.Context, req *tfprotov6.InvokeActionRequest) (*tfprotov6.InvokeActionServerStream, error) {
	a, err := s.actions()
	if err != nil {
		return nil, err
	}
	return a.InvokeAction(ctx, req)
}
