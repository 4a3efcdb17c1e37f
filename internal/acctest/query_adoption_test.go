package acctest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
)

// adoptionQuery lists every resource type of the sandbox; the mappings
// are listed per sync, whose id is filled in.
const adoptionQuery = `
list "almsync_jama_connector" "all" {
  provider         = almsync
  include_resource = true
}
list "almsync_jama_user" "all" {
  provider         = almsync
  include_resource = true
}
list "almsync_jira_sync_connection" "all" {
  provider         = almsync
  include_resource = true
}
list "almsync_jitterbit_jsm_connection" "all" {
  provider         = almsync
  include_resource = true
  config {
    project_guid = %[1]q
  }
}
list "almsync_jitterbit_project_variable" "jsm_url" {
  provider         = almsync
  include_resource = true
  config {
    project_guid = %[1]q
    name_prefix  = "jsm_url"
  }
}
list "almsync_aqua_sync_user" "all" {
  provider         = almsync
  include_resource = true
}
list "almsync_aqua_jira_sync" "all" {
  provider         = almsync
  include_resource = true
}
list "almsync_aqua_field_mapping" "all" {
  provider         = almsync
  include_resource = true
  config {
    sync_id = %[2]q
  }
}
list "almsync_aqua_value_mapping" "all" {
  provider         = almsync
  include_resource = true
  config {
    sync_id = %[2]q
  }
}
`

// TestAdoptionWithTerraformQuery follows the guide "Adopting a whole
// instance with terraform query": objects of every resource type exist,
// made outside the adopting configuration; terraform query
// -generate-config-out writes their resources and import blocks by
// identity; the plan of that configuration imports every object and
// changes nothing, but for the value of a project variable, which Harmony
// never gives back and the adopter writes in (as after any import of a
// variable). Then the next plan is empty.
func TestAdoptionWithTerraformQuery(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 (make test does)")
	}
	acctest.PreCheck(t)
	terraform := terraformPath(t)
	if !cliAtLeast(t, terraform, 1, 14) {
		t.Skip("terraform query needs Terraform 1.14 or later")
	}
	mirror := buildProviderMirror(t, repoRoot(t))
	sb := acctest.StartSandbox(t)
	env := append(os.Environ(), "TF_CLI_CONFIG_FILE="+writeCLIConfig(t, mirror), "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1", "TF_LOG=")
	header := acctest.RequiredProviders + sb.ProviderConfig()
	run := func(dir string, want int, args ...string) string {
		t.Helper()
		cmd := exec.Command(terraform, args...)
		cmd.Dir, cmd.Env = dir, env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		_ = cmd.Run()
		if code := cmd.ProcessState.ExitCode(); code != want {
			t.Fatalf("terraform %s: exit %d, want %d\n%s", strings.Join(args, " "), code, want, out.String())
		}
		return out.String()
	}

	// The objects exist: made by another team's configuration (the project
	// variable is the sandbox's own, made in Integration Studio).
	source := t.TempDir()
	write(t, filepath.Join(source, "main.tf"), header+adoptionSource)
	run(source, 0, "init", "-input=false", "-no-color")
	run(source, 0, "apply", "-input=false", "-auto-approve", "-no-color")
	var shown struct {
		Values struct {
			RootModule struct {
				Resources []struct {
					Address string         `json:"address"`
					Values  map[string]any `json:"values"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal([]byte(run(source, 0, "show", "-json", "-no-color")), &shown); err != nil {
		t.Fatal(err)
	}
	var syncID string
	for _, r := range shown.Values.RootModule.Resources {
		if r.Address == "almsync_aqua_jira_sync.y" {
			syncID, _ = r.Values["id"].(string)
		}
	}
	if syncID == "" {
		t.Fatal("the source made no aqua Jira sync")
	}

	adopt := t.TempDir()
	write(t, filepath.Join(adopt, "main.tf"), header)
	write(t, filepath.Join(adopt, "adopt.tfquery.hcl"), fmt.Sprintf(adoptionQuery, acctest.JitterbitJSMProject, syncID))
	run(adopt, 0, "init", "-input=false", "-no-color")
	out := run(adopt, 0, "query", "-no-color", "-generate-config-out=generated.tf")
	generated, err := os.ReadFile(filepath.Join(adopt, "generated.tf"))
	if err != nil {
		t.Fatalf("no generated configuration: %v\n%s", err, out)
	}
	resources := regexp.MustCompile(`(?m)^resource "(almsync_[a-z_]+)" "[^"]+"`).FindAllStringSubmatch(string(generated), -1)
	types := map[string]int{}
	for _, m := range resources {
		types[m[1]]++
	}
	if len(types) != 9 {
		t.Fatalf("generated.tf holds %d resource types, want all 9: %v\n%s", len(types), types, generated)
	}
	if n := strings.Count(string(generated), "identity = {"); n != len(resources) {
		t.Fatalf("generated.tf imports %d of its %d resources by identity:\n%s", n, len(resources), generated)
	}
	// Harmony's value of a project variable is never read into state (it
	// may be a secret), and the resource needs one to manage the variable:
	// the adopter writes it in, as the guide says, and the first apply
	// sends it, as after any import of a variable. Everything else plans
	// as an import only.
	value := regexp.MustCompile(`(?m)^(\s*)value\s*=\s*null.*$`)
	variables := types["almsync_jitterbit_project_variable"]
	if len(value.FindAllIndex(generated, -1)) != variables {
		t.Fatalf("generated.tf has no null value for each project variable:\n%s", generated)
	}
	generated = value.ReplaceAll(generated, []byte(fmt.Sprintf("${1}value = %q", seededVariable(t, sb, "jsm_url"))))
	write(t, filepath.Join(adopt, "generated.tf"), string(generated))

	plan := run(adopt, 2, "plan", "-input=false", "-no-color", "-detailed-exitcode")
	want := fmt.Sprintf("Plan: %d to import, 0 to add, %d to change, 0 to destroy.", len(resources), variables)
	if !strings.Contains(plan, want) {
		t.Fatalf("the plan of the generated configuration is not a clean import (want %q):\n%s\n--- generated.tf ---\n%s", want, plan, generated)
	}
	for _, m := range regexp.MustCompile(`(?m)^\s+[~+-] (\w+)\s+=`).FindAllStringSubmatch(plan, -1) {
		if m[1] != "value" {
			t.Fatalf("adopting with the generated configuration changes %s:\n%s", m[1], plan)
		}
	}
	if n := strings.Count(plan, "will be updated in-place"); n != variables {
		t.Fatalf("%d updates in the adoption plan, want only the %d project variables' values:\n%s", n, variables, plan)
	}
	run(adopt, 0, "apply", "-input=false", "-auto-approve", "-no-color")
	run(adopt, 0, "plan", "-input=false", "-no-color", "-detailed-exitcode")
}

// seededVariable is the value Harmony holds for a variable of the JSM
// project in the default environment.
func seededVariable(t *testing.T, sb *acctest.Sandbox, name string) string {
	t.Helper()
	var res struct {
		Data struct {
			Detail []struct {
				Name  string `json:"projectVariableName"`
				Value string `json:"projectVariableValue"`
			} `json:"projectVariableDetail"`
		} `json:"data"`
	}
	body := sb.JitterbitCall(t, 200, "GET", "/project-variables?environmentId="+acctest.JitterbitDevEnvironment+"&projectGuid="+acctest.JitterbitJSMProject, nil)
	if err := json.Unmarshal(body, &res); err != nil {
		t.Fatalf("project variables: %v: %s", err, body)
	}
	for _, v := range res.Data.Detail {
		if v.Name == name {
			return v.Value
		}
	}
	t.Fatalf("the sandbox has no project variable %s: %s", name, body)
	return ""
}
