package acctest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
)

// adoptionSource creates one object of every resource type, as they would
// exist before a team adopts them.
const adoptionSource = `
resource "almsync_jama_connector" "c" {
  name      = "Adopted connector"
  url       = "https://acme.jamacloud.com"
  auth_type = "basic"
  username  = "svc"
  password  = "pw"
}
resource "almsync_jama_user" "u" {
  username     = "adopted.user"
  email        = "adopted@example.com"
  first_name   = "Adopted"
  last_name    = "User"
  license_type = "FLOATING"
  password     = "pw"
}
resource "almsync_jira_sync_connection" "s" {
  jira_url      = "https://acme.atlassian.net"
  jira_username = "sync@example.com"
  jira_password = "token"
  jama_user     = almsync_jama_user.u.username
  schedule {
    cron = "0 15 10 ? * mon-fri"
  }
}
resource "almsync_jitterbit_jsm_connection" "j" {
  project_guid = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
  name        = "Adopted JSM"
  auth_scheme = "Basic"
  url         = "https://acme.atlassian.net"
  user        = "sync@example.com"
  api_token   = "token"
}
resource "almsync_aqua_sync_user" "a" {
  username      = "adopted.sync"
  first_name    = "Adopted"
  surname       = "Sync"
  email         = "adopted.sync@example.com"
  licenses      = ["JIRASYNC"]
  project_roles = { "2" = "Project Administrator" }
}
resource "almsync_aqua_jira_sync" "y" {
  name              = "Adopted sync"
  aqua_project_id   = "2"
  jira_url          = "https://jira.example.com"
  jira_project_key  = "SYNC"
  aqua_sync_user_id = almsync_aqua_sync_user.a.id
  configuration_user {
    username = "jira-admin"
    password = "pw"
  }
}
resource "almsync_aqua_field_mapping" "f" {
  sync_id    = almsync_aqua_jira_sync.y.id
  item_type  = "Defect"
  aqua_field = "JiraKey"
  jira_field = "key"
  direction  = "to_aqua"
}
resource "almsync_aqua_value_mapping" "v" {
  sync_id    = almsync_aqua_jira_sync.y.id
  field      = "resolution"
  values     = { "Fixed" = "Fixed" }
  null_value = "Unresolved"
}
`

// TestAdoptionWithGeneratedConfig follows the adoption guide for every
// resource type: import blocks, terraform plan -generate-config-out, and
// the plan that follows imports only, changes nothing, and then is empty.
func TestAdoptionWithGeneratedConfig(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 (make test does)")
	}
	acctest.PreCheck(t)
	terraform := terraformPath(t)
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

	// The objects exist: made by another team's configuration.
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
	var imports strings.Builder
	types := map[string]bool{}
	for _, r := range shown.Values.RootModule.Resources {
		fmt.Fprintf(&imports, "import {\n  to = %s\n  id = %q\n}\n", r.Address, r.Values["id"])
		types[strings.Split(r.Address, ".")[0]] = true
	}
	if len(types) != 8 {
		t.Fatalf("the source made %d resource types, want all 8", len(types))
	}

	// Adoption: import blocks, generated configuration, nothing to change.
	adopt := t.TempDir()
	write(t, filepath.Join(adopt, "main.tf"), header+imports.String())
	run(adopt, 0, "init", "-input=false", "-no-color")
	out := run(adopt, 0, "plan", "-input=false", "-no-color", "-generate-config-out=generated.tf")
	generated, err := os.ReadFile(filepath.Join(adopt, "generated.tf"))
	if err != nil {
		t.Fatalf("no generated configuration: %v\n%s", err, out)
	}
	for typ := range types {
		if !strings.Contains(string(generated), fmt.Sprintf("resource %q", typ)) {
			t.Errorf("generated.tf has no %s", typ)
		}
	}
	plan := run(adopt, 2, "plan", "-input=false", "-no-color", "-detailed-exitcode")
	if !strings.Contains(plan, "Plan: 8 to import, 0 to add, 0 to change, 0 to destroy.") {
		t.Fatalf("the plan of the generated configuration is not a clean import:\n%s\n--- generated.tf ---\n%s", plan, generated)
	}
	run(adopt, 0, "apply", "-input=false", "-auto-approve", "-no-color")
	run(adopt, 0, "plan", "-input=false", "-no-color", "-detailed-exitcode")
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
