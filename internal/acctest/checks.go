package acctest

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
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

// stateID returns the id attribute of the managed resource at addr.
func stateID(state *tfjson.State, addr string) (string, error) {
	if state == nil || state.Values == nil || state.Values.RootModule == nil {
		return "", fmt.Errorf("%s: no state", addr)
	}
	for _, r := range state.Values.RootModule.Resources {
		if r.Address == addr {
			id, ok := r.AttributeValues["id"].(string)
			if !ok || id == "" {
				return "", fmt.Errorf("%s has no id in state", addr)
			}
			return id, nil
		}
	}
	return "", fmt.Errorf("%s is not in state", addr)
}

// CaptureID is a state check that stores the id of the resource at addr
// in *id, for a later step's PreConfig (e.g. to change the object outside
// Terraform) or assertion.
func CaptureID(addr string, id *string) statecheck.StateCheck {
	return captureID{addr: addr, id: id}
}

type captureID struct {
	addr string
	id   *string
}

func (c captureID) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	*c.id, resp.Error = stateID(req.State, c.addr)
}

// ExpectObject is a state check that hands the id of the resource at addr
// to verify, which compares the object the product holds with what the
// step expects.
func ExpectObject(addr string, verify func(id string) error) statecheck.StateCheck {
	return expectObject{addr: addr, verify: verify}
}

type expectObject struct {
	addr   string
	verify func(id string) error
}

func (c expectObject) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	id, err := stateID(req.State, c.addr)
	if err != nil {
		resp.Error = err
		return
	}
	resp.Error = c.verify(id)
}

// Expect is a state check that runs verify, for a check of the product's
// side that needs nothing from the state (e.g. a sandbox counter).
func Expect(verify func() error) statecheck.StateCheck { return expectFunc(verify) }

type expectFunc func() error

func (f expectFunc) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f()
}
