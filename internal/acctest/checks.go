package acctest

import (
	"fmt"
	"regexp"
	"strings"

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
