package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

// ExpectPlannedIdentity is a plan check: the resource at address has, in
// the plan's planned values, an identity whose attributes pass checks
// (every attribute of the identity must be checked), e.g. the identity an
// import by ID fills in before anything is applied.
func ExpectPlannedIdentity(address string, checks map[string]knownvalue.Check) plancheck.PlanCheck {
	return plannedIdentity{address: address, checks: checks}
}

type plannedIdentity struct {
	address string
	checks  map[string]knownvalue.Check
}

func (c plannedIdentity) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	if req.Plan.PlannedValues == nil || req.Plan.PlannedValues.RootModule == nil {
		resp.Error = fmt.Errorf("%s: the plan has no planned values", c.address)
		return
	}
	for _, r := range req.Plan.PlannedValues.RootModule.Resources {
		if r.Address != c.address {
			continue
		}
		if len(r.IdentityValues) == 0 {
			resp.Error = fmt.Errorf("%s: the planned values carry no identity", c.address)
			return
		}
		names := make([]string, 0, len(r.IdentityValues))
		for name := range r.IdentityValues {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			check, ok := c.checks[name]
			if !ok {
				resp.Error = fmt.Errorf("%s: identity attribute %s = %v is not checked", c.address, name, r.IdentityValues[name])
				return
			}
			if err := check.CheckValue(r.IdentityValues[name]); err != nil {
				resp.Error = fmt.Errorf("%s: identity attribute %s: %w", c.address, name, err)
				return
			}
		}
		if len(c.checks) != len(names) {
			resp.Error = fmt.Errorf("%s: the identity has %v, but %d attributes are checked", c.address, names, len(c.checks))
		}
		return
	}
	resp.Error = fmt.Errorf("%s is not in the plan's planned values", c.address)
}

// LateString is a configuration variable whose value is read when the step
// runs, e.g. an id an earlier step stored in *v.
func LateString(v *string) config.Variable { return lateString{v} }

type lateString struct{ v *string }

func (l lateString) MarshalJSON() ([]byte, error) { return json.Marshal(*l.v) }
