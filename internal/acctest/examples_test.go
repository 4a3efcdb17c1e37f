package acctest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
)

// exampleVersion is the version the example walk installs the provider as.
const exampleVersion = "0.0.1"

// TestExamples walks examples/ and, for each directory, runs what a user
// would: terraform init, validate, apply, a plan that must be empty, and
// destroy, with the provider built from this tree and installed from a
// local mirror, against a sandbox of its own.
func TestExamples(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 (make test does)")
	}
	acctest.PreCheck(t)
	terraform := terraformPath(t)
	root := repoRoot(t)
	mirror := buildProviderMirror(t, root)

	var dirs []string
	err := filepath.WalkDir(filepath.Join(root, "examples"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".tf" {
			return err
		}
		if dir := filepath.Dir(p); len(dirs) == 0 || dirs[len(dirs)-1] != dir {
			dirs = append(dirs, dir)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 10 {
		t.Fatalf("found only %d example directories", len(dirs))
	}
	for _, dir := range dirs {
		rel, _ := filepath.Rel(filepath.Join(root, "examples"), dir)
		t.Run(rel, func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t)
			work := prepareExample(t, root, rel, sb)
			env := append(os.Environ(),
				"TF_CLI_CONFIG_FILE="+writeCLIConfig(t, mirror), "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1", "TF_LOG=")
			run := func(wantCodes []int, args ...string) string {
				t.Helper()
				cmd := exec.Command(terraform, args...)
				cmd.Dir, cmd.Env = work, env
				var out bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &out
				err := cmd.Run()
				code := cmd.ProcessState.ExitCode()
				for _, c := range wantCodes {
					if c == code {
						return out.String()
					}
				}
				t.Fatalf("terraform %s in examples/%s: exit %d (%v)\n%s", strings.Join(args, " "), rel, code, err, out.String())
				return ""
			}
			run([]int{0}, "init", "-input=false", "-no-color")
			run([]int{0}, "validate", "-no-color")
			run([]int{0}, "apply", "-input=false", "-auto-approve", "-no-color")
			// -detailed-exitcode: 2 would mean changes, a plan that is not empty.
			run([]int{0}, "plan", "-input=false", "-detailed-exitcode", "-no-color")
			run([]int{0}, "destroy", "-input=false", "-auto-approve", "-no-color")
		})
	}
}

// prepareExample copies examples/ (so that relative module sources
// resolve) and returns the copy of examples/rel, with a provider block for
// sb (unless the example has its own), the provider's source, and values
// for its variables.
func prepareExample(t *testing.T, root, rel string, sb *acctest.Sandbox) string {
	t.Helper()
	tree := t.TempDir()
	if err := os.CopyFS(tree, os.DirFS(filepath.Join(root, "examples"))); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(tree, rel)
	files, err := filepath.Glob(filepath.Join(work, "*.tf"))
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	src := all.String()
	var extra strings.Builder
	if !regexp.MustCompile(`(?m)^terraform\s*\{`).MatchString(src) {
		extra.WriteString("terraform {\n  required_providers {\n    almsync = {\n      source = \"almsync/almsync\"\n    }\n  }\n}\n")
	}
	if !regexp.MustCompile(`(?m)^provider\s+"almsync"`).MatchString(src) {
		extra.WriteString(sb.ProviderConfig())
	}
	if err := os.WriteFile(filepath.Join(work, "zz_sandbox.tf"), []byte(extra.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	overrides := map[string]string{
		"sandbox_url":                  sb.URL,
		"project_id":                   "1001",
		"aqua_project_id":              "2",
		"jira_url":                     sb.ProductURL("jira"),
		"jira_configuration_email":     "sync@example.com",
		"jira_configuration_api_token": "sandbox-token",
		"interchange_client_id":        "sandbox-client",
		"environment":                  "test",
		"jira_username":                "sync@example.com",
	}
	vars := map[string]string{}
	// Variables pointing at the sandbox get its values; others without a
	// default get a placeholder; the rest keep their default.
	for _, m := range regexp.MustCompile(`(?ms)^variable\s+"([^"]+)"\s*\{(.*?)^\}`).FindAllStringSubmatch(src, -1) {
		_, overridden := overrides[m[1]]
		if !overridden && regexp.MustCompile(`(?m)^\s*default\s*=`).MatchString(m[2]) {
			continue
		}
		value, ok := overrides[m[1]]
		if !ok {
			value = "example-" + strings.ReplaceAll(m[1], "_", "-")
		}
		vars[m[1]] = value
	}
	b, err := json.Marshal(vars)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "terraform.tfvars.json"), b, 0o600); err != nil {
		t.Fatal(err)
	}
	return work
}

// buildProviderMirror builds the provider into a filesystem mirror, as the
// registry would serve it.
func buildProviderMirror(t *testing.T, root string) string {
	t.Helper()
	mirror := t.TempDir()
	dir := filepath.Join(mirror, "registry.terraform.io", "almsync", "almsync", exampleVersion, runtime.GOOS+"_"+runtime.GOARCH)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "build", "-o", filepath.Join(dir, "terraform-provider-almsync_v"+exampleVersion), ".")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	return mirror
}

func writeCLIConfig(t *testing.T, mirror string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "terraformrc")
	rc := fmt.Sprintf("provider_installation {\n  filesystem_mirror {\n    path    = %q\n    include = [\"registry.terraform.io/almsync/almsync\"]\n  }\n}\n", mirror)
	if err := os.WriteFile(p, []byte(rc), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func terraformPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("TF_ACC_TERRAFORM_PATH"); p != "" {
		return p
	}
	p, err := exec.LookPath("terraform")
	if err != nil {
		t.Fatal("terraform not found: put it on PATH or set TF_ACC_TERRAFORM_PATH")
	}
	return p
}

func repoRoot(t *testing.T) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the repository root")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}
