package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// CheckNoValueInState fails when any attribute of any resource in state
// holds secret, e.g. a write-only value that must never be stored.
func CheckNoValueInState(secret string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		for _, m := range s.Modules {
			for addr, rs := range m.Resources {
				if rs.Primary == nil {
					continue
				}
				for k, v := range rs.Primary.Attributes {
					if strings.Contains(v, secret) {
						return fmt.Errorf("%s.%s holds a secret that must not be in state", addr, k)
					}
				}
			}
		}
		return nil
	}
}

// MessagePattern compiles an expected diagnostic pattern in which each
// space matches any run of white space, since Terraform wraps long
// messages across lines.
func MessagePattern(pattern string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)` + strings.ReplaceAll(pattern, " ", `\s+`))
}

// ExpectSecretsHidden is a plan check: no planned value holds any of
// writeOnly (write-only values never reach the plan), and every sensitive
// attribute is marked sensitive, so the human plan shows "(sensitive
// value)" for it.
func ExpectSecretsHidden(writeOnly ...string) plancheck.PlanCheck {
	return secretsHidden{writeOnly: writeOnly}
}

type secretsHidden struct{ writeOnly []string }

func (c secretsHidden) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Change == nil {
			continue
		}
		after, err := json.Marshal(rc.Change.After)
		if err != nil {
			resp.Error = err
			return
		}
		for _, s := range c.writeOnly {
			if strings.Contains(string(after), s) {
				resp.Error = fmt.Errorf("%s: the plan holds a write-only value", rc.Address)
				return
			}
		}
		values, _ := rc.Change.After.(map[string]any)
		marks, _ := rc.Change.AfterSensitive.(map[string]any)
		for _, name := range []string{"password", "client_secret", "jira_password", "api_token"} {
			if v, ok := values[name]; ok && v != nil && marks[name] != true {
				resp.Error = fmt.Errorf("%s.%s holds a value but is not marked sensitive in the plan", rc.Address, name)
				return
			}
		}
	}
}

// PlanFails plans config, which must fail with an error matching pattern
// (see MessagePattern): the shape of every plan-time validation test.
func PlanFails(t *testing.T, config, pattern string) {
	t.Helper()
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { PreCheck(t) },
		ProtoV6ProviderFactories: ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:      config,
			PlanOnly:    true,
			ExpectError: MessagePattern(pattern),
		}},
	})
}
