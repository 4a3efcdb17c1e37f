package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/provider"
)

var _ provider.ProviderWithActions = &almsyncProvider{}

// Actions are the provider's actions (Terraform 1.14 and later); older
// CLIs do not ask for them.
func (p *almsyncProvider) Actions(_ context.Context) []func() action.Action {
	return []func() action.Action{
		newConnectionTestAction,
		newJitterbitProjectDeployAction,
	}
}
