package acctest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// NoValueInState is a state check that fails when any attribute of any
// resource in state, in any module, holds one of secrets, e.g. a
// write-only value that must never be stored.
func NoValueInState(secrets ...string) statecheck.StateCheck {
	return noValueInState(secrets)
}

type noValueInState []string

func (secrets noValueInState) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if req.State == nil || req.State.Values == nil || req.State.Values.RootModule == nil {
		resp.Error = errors.New("no state to search for secrets")
		return
	}
	var errs []error
	for _, r := range stateResources(req.State.Values.RootModule) {
		for _, secret := range secrets {
			for _, attr := range attributesHolding(r.AttributeValues, secret) {
				errs = append(errs, fmt.Errorf("%s.%s holds a secret that must not be in state", r.Address, attr))
			}
		}
	}
	resp.Error = errors.Join(errs...)
}

// stateResources lists the resources of m and of its child modules.
func stateResources(m *tfjson.StateModule) []*tfjson.StateResource {
	if m == nil {
		return nil
	}
	resources := slices.Clone(m.Resources)
	for _, child := range m.ChildModules {
		resources = append(resources, stateResources(child)...)
	}
	return resources
}

// attributesHolding returns, sorted, the dotted paths (e.g.
// "oauth.0.access_token") of the string values within attrs that contain
// secret.
func attributesHolding(attrs map[string]any, secret string) []string {
	var paths []string
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case string:
			if strings.Contains(v, secret) {
				paths = append(paths, path)
			}
		case map[string]any:
			for k, e := range v {
				walk(path+"."+k, e)
			}
		case []any:
			for i, e := range v {
				walk(path+"."+strconv.Itoa(i), e)
			}
		}
	}
	for k, v := range attrs {
		walk(k, v)
	}
	slices.Sort(paths)
	return paths
}
