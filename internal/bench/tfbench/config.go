package tfbench

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox"
)

// connector holds the values of one generated resource. They are plain
// ASCII without quotes, backslashes or template sequences, so they can be
// written as HCL strings without escaping.
type connector struct {
	label, name, url, username, password string
}

// connectors returns n distinct connectors; their names include n so that
// configurations of different sizes never collide in the sandbox.
func connectors(n int) []connector {
	out := make([]connector, n)
	for i := range out {
		id := fmt.Sprintf("%04d", i+1)
		out[i] = connector{
			label:    "c" + id,
			name:     fmt.Sprintf("bench-n%d-%s", n, id),
			url:      "https://jama-" + id + ".example.com",
			username: "svc-" + id,
			password: "pw-" + id,
		}
	}
	return out
}

// renderConfig returns the configuration of n resources of kind k; for
// almsync it points the provider at the sandbox at sandboxURL. With setup,
// the almsync provider is unpaced (requests_per_second = 0), for the
// applies and destroys that create and remove the objects; the measured
// plans use the configuration without it, the provider's defaults.
func renderConfig(k kind, n int, sandboxURL string, setup bool) string {
	var b strings.Builder
	switch k {
	case kindAlmsync:
		fmt.Fprintf(&b, `terraform {
  required_providers {
    almsync = { source = %q }
  }
}

provider "almsync" {
  interchange {
    url      = %q
    username = %q
    password = %q%s
  }
}
`, almsyncSource, sandboxURL+"/interchange", sandbox.DefaultUsername, sandbox.DefaultPassword, setupRate(setup))
	case kindNoop:
		fmt.Fprintf(&b, `terraform {
  required_providers {
    noop = { source = %q }
  }
}
`, noopSource)
	}
	for _, c := range connectors(n) {
		b.WriteString("\n")
		if k == kindData {
			fmt.Fprintf(&b, `resource "terraform_data" %q {
  input = {
    name      = %q
    url       = %q
    auth_type = "basic"
    username  = %q
    password  = %q
  }
}
`, c.label, c.name, c.url, c.username, c.password)
			continue
		}
		fmt.Fprintf(&b, `resource %q %q {
  name      = %q
  url       = %q
  auth_type = "basic"
  username  = %q
  password  = %q
}
`, k.resourceType(), c.label, c.name, c.url, c.username, c.password)
	}
	return b.String()
}

// setupRate is the interchange block's rate setting of a setup
// configuration.
func setupRate(setup bool) string {
	if !setup {
		return ""
	}
	return "\n    requests_per_second = 0"
}

// writeConfig writes the configuration of n resources of kind k into dir
// (setup: see renderConfig).
func writeConfig(dir string, k kind, n int, sandboxURL string, setup bool) error {
	file := filepath.Join(dir, "main.tf")
	if err := os.WriteFile(file, []byte(renderConfig(k, n, sandboxURL, setup)), 0o600); err != nil {
		return fmt.Errorf("write %s configuration: %w", k, err)
	}
	return nil
}

// writeCLIConfig writes the Terraform CLI configuration: the two providers
// install from the local mirror only and nothing installs from the
// network (there is no direct block); terraform_data is built in.
func writeCLIConfig(file, mirrorDir string) error {
	content := fmt.Sprintf(`disable_checkpoint = true

provider_installation {
  filesystem_mirror {
    path    = %q
    include = [%q, %q]
  }
}
`, mirrorDir, "registry.terraform.io/"+almsyncSource, "registry.terraform.io/"+noopSource)
	if err := os.WriteFile(file, []byte(content), 0o600); err != nil {
		return fmt.Errorf("write terraform CLI configuration: %w", err)
	}
	return nil
}
