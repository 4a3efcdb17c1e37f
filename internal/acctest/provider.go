package acctest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/almsync/terraform-provider-almsync/internal/provider"
)

// ProviderFactories serve the provider in-process over protocol 6.
func ProviderFactories() map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"almsync": provider.Server("test"),
	}
}

// PreCheck fails the test with a clear message when no Terraform CLI can be
// found, instead of letting the test framework try to download one.
func PreCheck(t testing.TB) {
	t.Helper()
	if p := os.Getenv("TF_ACC_TERRAFORM_PATH"); p != "" {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("TF_ACC_TERRAFORM_PATH is %q, which cannot be used: %v", p, err)
		}
		return
	}
	if _, err := exec.LookPath("terraform"); err != nil {
		t.Fatal("acceptance tests need the Terraform CLI (1.11 or later): put `terraform` on PATH, " +
			"or set TF_ACC_TERRAFORM_PATH to its full path")
	}
}

// RequiredProviders is the terraform block of a configuration that the
// Terraform CLI runs outside the test framework, with the provider built
// from this repository.
const RequiredProviders = "terraform {\n  required_providers {\n    almsync = {\n      source = \"almsync/almsync\"\n    }\n  }\n}\n"

// ProviderConfig is a provider block for every product of s, with the
// default sandbox credentials, the provider's default settings (retries,
// timeouts, pacing: tests run the provider as users do) and, for Jitterbit, the default environment
// JitterbitDevEnvironment.
func (s *Sandbox) ProviderConfig() string { return s.ProviderConfigWith("") }

// ProviderConfigWith is ProviderConfig with extra provider-level settings,
// e.g. `ca_cert_pem = "..."`.
func (s *Sandbox) ProviderConfigWith(extra string) string {
	return fmt.Sprintf(`
provider "almsync" {
  %[7]s

  jama {
    url      = %[1]q
    username = %[3]q
    password = %[4]q
  }
  interchange {
    url      = %[2]q
    username = %[3]q
    password = %[4]q
  }
  jitterbit {
    url            = %[5]q
    username       = %[3]q
    password       = %[4]q
    environment_id = %[8]q
  }
  aqua {
    url      = %[6]q
    username = %[3]q
    password = %[4]q
  }
}
`, s.ProductURL("jama"), s.ProductURL("interchange"), SandboxUser, SandboxPassword, s.ProductURL("jitterbit"), s.ProductURL("aqua"), extra, JitterbitDevEnvironment)
}

// Example returns the configuration in examples/<rel> below the repository
// root, for tests that apply the documented examples as they are. A
// top-level terraform block is left out: the test framework declares the
// in-process provider itself.
func Example(t testing.TB, rel string) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the repository root")
	}
	b, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", "examples", rel))
	if err != nil {
		t.Fatalf("reading example %s: %v", rel, err)
	}
	return withoutTerraformBlock(string(b))
}

// withoutTerraformBlock removes a top-level `terraform { ... }` block.
func withoutTerraformBlock(hcl string) string {
	start := strings.Index(hcl, "\nterraform {")
	if strings.HasPrefix(hcl, "terraform {") {
		start = 0
	} else if start < 0 {
		return hcl
	}
	depth := 0
	for i := start; i < len(hcl); i++ {
		switch hcl[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return hcl[:start] + hcl[i+1:]
			}
		}
	}
	return hcl
}

// JitterbitProviderConfig is a provider block with only the jitterbit
// block of s and the given block attributes besides the credentials, e.g.
// `environment_id = "202"`, or none for a block without a default
// environment.
func (s *Sandbox) JitterbitProviderConfig(attrs string) string {
	return fmt.Sprintf(`
provider "almsync" {
  jitterbit {
    url      = %[1]q
    username = %[2]q
    password = %[3]q
    %[4]s
  }
}
`, s.ProductURL("jitterbit"), SandboxUser, SandboxPassword, attrs)
}
