package acctest_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
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
	actions := cliHasActions(t, terraform)
	for _, dir := range dirs {
		rel, _ := filepath.Rel(filepath.Join(root, "examples"), dir)
		t.Run(rel, func(t *testing.T) {
			t.Parallel()
			if !actions && usesActions(t, dir) {
				t.Skipf("examples/%s uses actions, which need Terraform 1.14 or later", rel)
			}
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
			// The import block of a resource page adopts an object the
			// example made: set it aside until the object exists.
			importFile := filepath.Join(work, importBlockFile)
			importTo, hasImport := setImportBlockAside(t, importFile)
			// The identity import block of a resource page needs Terraform
			// 1.12 and names a placeholder object: it is only validated,
			// by a CLI that reads it, without the other import block of
			// the same resource (a resource has one import block).
			identityFile := filepath.Join(work, importIdentityFile)
			_, hasIdentityImport := setImportBlockAside(t, identityFile)
			run([]int{0}, "init", "-input=false", "-no-color")
			run([]int{0}, "validate", "-no-color")
			if hasIdentityImport && readsIdentity(t, terraform) {
				restoreImportBlock(t, identityFile)
				run([]int{0}, "validate", "-no-color")
				setImportBlockAside(t, identityFile)
			}
			run([]int{0}, "apply", "-input=false", "-auto-approve", "-no-color")
			// -detailed-exitcode: 2 would mean changes, a plan that is not empty.
			run([]int{0}, "plan", "-input=false", "-detailed-exitcode", "-no-color")
			if hasImport {
				run([]int{0}, "state", "rm", "-no-color", importTo)
				restoreImportBlock(t, importFile)
				plan := run([]int{2}, "plan", "-input=false", "-detailed-exitcode", "-no-color")
				// The import changes nothing but the versions of the
				// write-only secrets the example sets: the object's secret
				// becomes the one in the configuration.
				if !regexp.MustCompile(`Plan: 1 to import, 0 to add, [01] to change, 0 to destroy\.`).MatchString(plan) {
					t.Fatalf("the import block of examples/%s does not adopt %s:\n%s", rel, importTo, plan)
				}
				for _, m := range regexp.MustCompile(`(?m)^\s+[~+-] (\w+)\s+=`).FindAllStringSubmatch(plan, -1) {
					if !strings.HasSuffix(m[1], "_wo_version") {
						t.Fatalf("importing %s with the import block of examples/%s changes %s:\n%s", importTo, rel, m[1], plan)
					}
				}
				run([]int{0}, "apply", "-input=false", "-auto-approve", "-no-color")
				run([]int{0}, "plan", "-input=false", "-detailed-exitcode", "-no-color")
			}
			run([]int{0}, "destroy", "-input=false", "-auto-approve", "-no-color")
		})
	}
}

// importBlockFile is the import block tfplugindocs shows on a resource page.
const importBlockFile = "import-by-string-id.tf"

// importIdentityFile is the import block by resource identity of a
// resource page.
const importIdentityFile = "import-by-identity.tf"

// readsIdentity reports whether the Terraform CLI at terraform is 1.12 or
// later, the first to read `import { identity = {...} }`.
func readsIdentity(t *testing.T, terraform string) bool {
	t.Helper()
	return cliAtLeast(t, terraform, 1, 12)
}

// cliAtLeast reports whether the Terraform CLI at terraform is at least
// version major.minor.
func cliAtLeast(t *testing.T, terraform string, wantMajor, wantMinor int) bool {
	t.Helper()
	out, err := exec.Command(terraform, "version", "-json").Output()
	if err != nil {
		t.Fatalf("terraform version: %v", err)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("terraform version: %v: %s", err, out)
	}
	var major, minor int
	if _, err := fmt.Sscanf(v.Version, "%d.%d", &major, &minor); err != nil {
		t.Fatalf("terraform version %q: %v", v.Version, err)
	}
	return major > wantMajor || (major == wantMajor && minor >= wantMinor)
}

// setImportBlockAside renames the import block file of an example, if it
// has one, so that Terraform does not read it, and returns the address it
// imports to.
func setImportBlockAside(t *testing.T, file string) (string, bool) {
	t.Helper()
	b, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return "", false
	}
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*to\s*=\s*(\S+)\s*$`).FindSubmatch(b)
	if m == nil {
		t.Fatalf("%s has no import block with a `to` address", file)
	}
	if err := os.Rename(file, file+".aside"); err != nil {
		t.Fatal(err)
	}
	return string(m[1]), true
}

func restoreImportBlock(t *testing.T, file string) {
	t.Helper()
	if err := os.Rename(file+".aside", file); err != nil {
		t.Fatal(err)
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
		extra.WriteString(acctest.RequiredProviders)
	}
	if !regexp.MustCompile(`(?m)^provider\s+"almsync"`).MatchString(src) {
		extra.WriteString(sb.ProviderConfig())
	}
	if err := os.WriteFile(filepath.Join(work, "zz_sandbox.tf"), []byte(extra.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	overrides := map[string]string{
		"sandbox_url":                  sb.URL,
		"project_guid":                 acctest.JitterbitJSMProject,
		"environment_id":               acctest.JitterbitDevEnvironment,
		"aqua_project_id":              "2",
		"jira_url":                     sb.ProductURL("jira"),
		"jira_configuration_email":     "sync@example.com",
		"jira_configuration_api_token": "sandbox-token",
		"interchange_client_id":        "sandbox-client",
		"environment":                  "test",
		"jira_username":                "sync@example.com",
		"jama_url":                     sb.ProductURL("jama"),
		"jama_service_username":        "admin",
		"jama_service_password":        "sandbox",
		"jira_sync_api_token":          "sandbox-token",
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

// cliHasActions reports whether the Terraform CLI at terraform knows
// actions (1.14 and later).
func cliHasActions(t *testing.T, terraform string) bool {
	t.Helper()
	out, err := exec.Command(terraform, "version", "-json").Output()
	if err != nil {
		t.Fatalf("terraform version: %v", err)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("terraform version -json: %v\n%s", err, out)
	}
	var major, minor int
	if _, err := fmt.Sscanf(v.Version, "%d.%d", &major, &minor); err != nil {
		t.Fatalf("terraform version %q: %v", v.Version, err)
	}
	return major > 1 || (major == 1 && minor >= 14)
}

// usesActions reports whether the configuration in dir declares or
// triggers an action.
func usesActions(t *testing.T, dir string) bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.tf"))
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?m)^\s*(action\s+"|action_trigger\s*\{)`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if re.Match(b) {
			return true
		}
	}
	return false
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

// TestConnectionGateFailsThePipeline runs the pipeline gate of the
// verifying guide (examples/connection-gate): a connection whose test fails
// makes terraform apply and every later plan exit non-zero, where a check
// block would only warn; sending the right secret clears it.
func TestConnectionGateFailsThePipeline(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 (make test does)")
	}
	acctest.PreCheck(t)
	terraform := terraformPath(t)
	root := repoRoot(t)
	mirror := buildProviderMirror(t, root)
	sb := acctest.StartSandbox(t)
	work := prepareExample(t, root, "connection-gate", sb)
	env := append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+writeCLIConfig(t, mirror), "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1", "TF_LOG=")
	run := func(want int, args ...string) string {
		t.Helper()
		cmd := exec.Command(terraform, args...)
		cmd.Dir, cmd.Env = work, env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		_ = cmd.Run()
		if code := cmd.ProcessState.ExitCode(); code != want {
			t.Fatalf("terraform %s: exit %d, want %d\n%s", strings.Join(args, " "), code, want, out.String())
		}
		return out.String()
	}
	const wrong = "not-the-sandbox-password"

	run(0, "init", "-input=false", "-no-color")
	// A wrong password: the connector is created, its test fails, the apply fails.
	out := run(1, "apply", "-input=false", "-auto-approve", "-no-color", "-var", "jama_service_password="+wrong)
	if !strings.Contains(out, "Resource postcondition failed") || !strings.Contains(out, "Interchange cannot connect to") {
		t.Fatalf("the failed connection test did not fail the apply with the gate's message:\n%s", out)
	}
	if strings.Contains(out, wrong) {
		t.Fatalf("the apply output shows the password:\n%s", out)
	}
	// The next pipeline run fails at plan, even with -detailed-exitcode.
	out = run(1, "plan", "-input=false", "-detailed-exitcode", "-no-color", "-var", "jama_service_password="+wrong)
	if !strings.Contains(out, "Resource postcondition failed") {
		t.Fatalf("the plan after a failed connection test did not fail on the gate:\n%s", out)
	}
	// Rotating to the right password (a new version sends it) opens the gate.
	run(0, "apply", "-input=false", "-auto-approve", "-no-color", "-var", "jama_service_password_version=2")
	var passed bool
	if err := json.Unmarshal([]byte(run(0, "output", "-json", "connection_test_passed")), &passed); err != nil || !passed {
		t.Fatalf("connection_test_passed after the rotation: %v (%v)", passed, err)
	}
	run(0, "plan", "-input=false", "-detailed-exitcode", "-no-color", "-var", "jama_service_password_version=2")
}
