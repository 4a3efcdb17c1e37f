//go:build unix

package acctest_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox"
)

// The configuration the interrupted apply makes: objects of three products,
// each with a unique name the product enforces, so that a second create of
// one is refused rather than duplicated.
const (
	crashConnectors = 20 // almsync_jama_connector.c[i], "crash connector i"
	crashJSM        = 15 // almsync_jitterbit_jsm_connection.j[i], "crash-jsm-i"
	crashAquaUsers  = 15 // almsync_aqua_sync_user.a[i], "crash.user.i"
	crashTotal      = crashConnectors + crashJSM + crashAquaUsers
	// crashKillAfter is how many creates the sandbox has applied when
	// terraform and the provider are killed.
	crashKillAfter = 15
	// crashLatency slows every product request so that the apply is still
	// running, with creates in flight, when the kill comes.
	crashLatency = 150 * time.Millisecond
)

// crashConfig is the configuration of the interrupted apply, against sb,
// with the provider's default settings.
func crashConfig(sb *acctest.Sandbox) string {
	return acctest.RequiredProviders + sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_jama_connector" "c" {
  count     = %[2]d
  name      = "crash connector ${count.index}"
  url       = "https://acme.jamacloud.com"
  auth_type = "basic"
  username  = "svc"
  password  = "pw"
}

resource "almsync_jitterbit_jsm_connection" "j" {
  count        = %[3]d
  project_guid = %[1]q
  name         = "crash-jsm-${count.index}"
  auth_scheme  = "Basic"
  url          = "https://acme.atlassian.net"
  user         = "sync@example.com"
  api_token    = "token"
}

resource "almsync_aqua_sync_user" "a" {
  count      = %[4]d
  username   = "crash.user.${count.index}"
  first_name = "Crash"
  surname    = "User ${count.index}"
  email      = "crash.user.${count.index}@example.com"
  licenses   = ["VIEWER"]
}
`, acctest.JitterbitJSMProject, crashConnectors, crashJSM, crashAquaUsers)
}

// crashNames are the names the products hold the crash configuration's
// objects under, with the resource address of each.
var crashNames = []struct {
	re      *regexp.Regexp
	address string
}{
	{regexp.MustCompile(`^crash connector (\d+)$`), "almsync_jama_connector.c[%s]"},
	{regexp.MustCompile(`^crash-jsm-(\d+)$`), "almsync_jitterbit_jsm_connection.j[%s]"},
	{regexp.MustCompile(`^crash\.user\.(\d+)$`), "almsync_aqua_sync_user.a[%s]"},
}

// crashAddress is the resource address of the configuration that makes
// the object named name.
func crashAddress(t *testing.T, name string) string {
	t.Helper()
	for _, n := range crashNames {
		if m := n.re.FindStringSubmatch(name); m != nil {
			return fmt.Sprintf(n.address, m[1])
		}
	}
	t.Fatalf("the sandbox holds %q, which the crash configuration does not make", name)
	return ""
}

// crashObjects lists, by resource address, how many objects the sandbox
// holds for each resource of the crash configuration.
func crashObjects(t *testing.T, sb *acctest.Sandbox) map[string]int {
	t.Helper()
	var names []string
	var connectors []struct {
		Name string `json:"name"`
	}
	acctest.Data(t, sb.MustCall(t, http.StatusOK, http.MethodGet, "/interchange/almsync/interchange-connectors/v1/connectors?maxResults=50", nil), &connectors)
	for _, c := range connectors {
		names = append(names, c.Name)
	}
	var jsm struct {
		Items []struct {
			Name string `json:"name"`
		} `json:"items"`
		Total int `json:"total"`
	}
	acctest.Data(t, sb.JitterbitCall(t, http.StatusOK, http.MethodGet, fmt.Sprintf(
		"/almsync/jitterbit-jsm-connections/v1/connections?environmentId=%s&projectGuid=%s&pageSize=100",
		acctest.JitterbitDevEnvironment, acctest.JitterbitJSMProject), nil), &jsm)
	if jsm.Total != len(jsm.Items) {
		t.Fatalf("the JSM connection list has %d of %d connections on its first page", len(jsm.Items), jsm.Total)
	}
	for _, c := range jsm.Items {
		names = append(names, c.Name)
	}
	var users []struct {
		UserName string `json:"UserName"`
	}
	if err := json.Unmarshal(sb.AquaCall(t, http.StatusOK, http.MethodGet, "/api/System/User", nil), &users); err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if u.UserName != acctest.SandboxUser {
			names = append(names, u.UserName)
		}
	}
	objects := map[string]int{}
	for _, n := range names {
		objects[crashAddress(t, n)]++
	}
	return objects
}

// requireNoDuplicate fails the test when the sandbox holds an object twice.
func requireNoDuplicate(t *testing.T, objects map[string]int) {
	t.Helper()
	for address, n := range objects {
		if n != 1 {
			t.Errorf("the sandbox holds %d objects of %s, want one", n, address)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
}

// crashCreateRoutes are the create routes of the crash configuration's
// objects, by product, as the sandbox's statistics key them.
var crashCreateRoutes = map[string]string{
	"interchange": "POST /almsync/interchange-connectors/v1/connectors",
	"jitterbit":   "POST /almsync/jitterbit-jsm-connections/v1/connections",
	"aqua":        "POST /api/System/User",
}

// crashCreates counts the creates the sandbox has answered so far: all of
// them, and those that made an object.
func crashCreates(sb *acctest.Sandbox) (answered, applied int) {
	for _, e := range sb.Exchanges() {
		if route, ok := crashCreateRoutes[e.Product]; ok && route == e.Method+" "+e.Path {
			answered++
			if e.Status/100 == 2 {
				applied++
			}
		}
	}
	return answered, applied
}

// waitForCreatesToLand waits until the sandbox has answered every create
// it received. A create the killed provider had sent is still carried out:
// the product sees the request, not the client's death, as a real one
// would. Only then does the sandbox hold every object the run made.
func waitForCreatesToLand(t *testing.T, sb *acctest.Sandbox) {
	t.Helper()
	received := func() int {
		n := 0
		for product, route := range crashCreateRoutes {
			n += int(sb.Server.Stats().Products[product].Routes[route])
		}
		return n
	}
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
		answered, _ := crashCreates(sb)
		if answered == received() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the sandbox answered %d of the %d creates it received", answered, received())
		}
	}
}

// TestCrashConsistency_KilledApplyDuplicatesNothingAndNamesEveryImport kills
// terraform and the provider (their whole process group, with SIGKILL)
// in the middle of an apply of 50 resources, then checks what the guide
// "After an interrupted apply" tells users: no object exists twice; the
// next apply fails for each object that was made but not recorded in the
// state, with the exact import block that adopts it; with those blocks the
// apply after imports them, makes the rest, and leaves an empty plan.
func TestCrashConsistency_KilledApplyDuplicatesNothingAndNamesEveryImport(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 (make test does)")
	}
	acctest.PreCheck(t)
	terraform := terraformPath(t)
	mirror := buildProviderMirror(t, repoRoot(t))
	sb := acctest.StartSandbox(t)
	setLatency := func(d time.Duration) {
		t.Helper()
		if err := sb.Server.SetFaults(sandbox.Faults{LatencyMS: int(d / time.Millisecond)}); err != nil {
			t.Fatal(err)
		}
	}
	work := t.TempDir()
	write(t, filepath.Join(work, "main.tf"), crashConfig(sb))
	env := append(os.Environ(), "TF_CLI_CONFIG_FILE="+writeCLIConfig(t, mirror), "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1", "TF_LOG=")
	command := func(args ...string) (*exec.Cmd, *bytes.Buffer) {
		cmd := exec.Command(terraform, args...)
		cmd.Dir, cmd.Env = work, env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		return cmd, &out
	}
	run := func(want int, args ...string) string {
		t.Helper()
		cmd, out := command(args...)
		_ = cmd.Run()
		if code := cmd.ProcessState.ExitCode(); code != want {
			t.Fatalf("terraform %s: exit %d, want %d\n%s", strings.Join(args, " "), code, want, out.String())
		}
		return out.String()
	}
	run(0, "init", "-input=false", "-no-color")

	// The interrupted apply: terraform and its provider are killed at
	// once, as by the OOM killer or a cancelled CI job, once the sandbox
	// has applied crashKillAfter creates.
	setLatency(crashLatency)
	apply, out := command("apply", "-input=false", "-auto-approve", "-no-color")
	apply.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := apply.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- apply.Wait() }()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		_, applied := crashCreates(sb)
		if applied >= crashKillAfter {
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("the apply ended (%v) before %d creates, with %d: raise crashLatency\n%s", err, crashKillAfter, applied, out)
		case <-tick.C:
		}
	}
	if err := syscall.Kill(-apply.Process.Pid, syscall.SIGKILL); err != nil {
		t.Fatalf("killing the apply's process group: %v", err)
	}
	if err := <-exited; err == nil {
		t.Fatalf("the apply ended by itself before the kill\n%s", out)
	}
	requireGroupGone(t, apply.Process.Pid)
	_, atKill := crashCreates(sb)
	setLatency(0)
	waitForCreatesToLand(t, sb)

	// (a) Nothing is duplicated; some objects may be missing from the state.
	objects := crashObjects(t, sb)
	requireNoDuplicate(t, objects)
	created := len(objects)
	inState := map[string]bool{}
	// Killed before its first create finished, terraform leaves the empty
	// state file it locks, which it reads as no state.
	if fi, err := os.Stat(filepath.Join(work, "terraform.tfstate")); err == nil && fi.Size() > 0 {
		for _, a := range strings.Fields(run(0, "state", "list", "-no-color")) {
			inState[a] = true
		}
	}
	var orphans []string
	for address := range objects {
		if !inState[address] {
			orphans = append(orphans, address)
		}
	}
	for address := range inState {
		if objects[address] == 0 {
			t.Errorf("the state holds %s, which the sandbox does not", address)
		}
	}
	sort.Strings(orphans)

	// (b) The next apply refuses to create an orphan again and names the
	// import block of each; everything else is created.
	want := 0
	if len(orphans) > 0 {
		want = 1
	}
	conflicts := conflictImports(t, run(want, "apply", "-input=false", "-auto-approve", "-no-color", "-json"))
	var got []string
	for address := range conflicts {
		got = append(got, address)
	}
	sort.Strings(got)
	if strings.Join(got, " ") != strings.Join(orphans, " ") {
		t.Fatalf("the apply after the kill reported conflicts for\n  %v\nwant one for each object not in the state:\n  %v", got, orphans)
	}
	requireNoDuplicate(t, crashObjects(t, sb))

	// (c) The import blocks, as the errors give them, adopt the orphans.
	var blocks strings.Builder
	for _, address := range got {
		blocks.WriteString(conflicts[address])
		blocks.WriteString("\n")
	}
	write(t, filepath.Join(work, "imports.tf"), blocks.String())
	applied := run(0, "apply", "-input=false", "-auto-approve", "-no-color")
	summary := regexp.MustCompile(`Apply complete! Resources: (?:(\d+) imported, )?(\d+) added, \d+ changed, (\d+) destroyed\.`).FindStringSubmatch(applied)
	if summary == nil {
		t.Fatalf("no apply summary:\n%s", applied)
	}
	imported, _ := strconv.Atoi(summary[1])
	if imported != len(orphans) || summary[2] != "0" || summary[3] != "0" {
		t.Fatalf("the apply with the import blocks: %q, want %d imported, 0 added, 0 destroyed\n%s", summary[0], len(orphans), applied)
	}
	final := crashObjects(t, sb)
	requireNoDuplicate(t, final)
	if len(final) != crashTotal {
		t.Fatalf("the sandbox holds %d of the %d objects", len(final), crashTotal)
	}
	run(0, "plan", "-input=false", "-no-color", "-detailed-exitcode")
	t.Logf("created at the kill: %d; created by the killed run: %d; in state: %d; conflicts: %d %v; %s; final count: %d",
		atKill, created, len(inState), len(got), got, summary[0], len(final))
}

// importBlockInDetail is the import block a conflict error gives.
var importBlockInDetail = regexp.MustCompile(`import \{\n\s+to = ([a-z_]+)\.\S+\n\s+id = ("(?:[^"\\]|\\.)*")\n\}`)

// conflictImports reads the diagnostics of `terraform apply -json` and
// returns, by resource address, the import block of each error: the
// address Terraform names the failed resource by, with the id the
// provider's error gives. Any other error fails the test.
func conflictImports(t *testing.T, jsonOutput string) map[string]string {
	t.Helper()
	blocks := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(jsonOutput))
	sc.Buffer(make([]byte, 0, 1<<20), 1<<20)
	for sc.Scan() {
		var msg struct {
			Type       string `json:"type"`
			Diagnostic struct {
				Severity string `json:"severity"`
				Summary  string `json:"summary"`
				Detail   string `json:"detail"`
				Address  string `json:"address"`
			} `json:"diagnostic"`
		}
		if json.Unmarshal(sc.Bytes(), &msg) != nil || msg.Type != "diagnostic" || msg.Diagnostic.Severity != "error" {
			continue
		}
		d := msg.Diagnostic
		m := importBlockInDetail.FindStringSubmatch(d.Detail)
		if m == nil || d.Address == "" {
			t.Fatalf("an error of the apply after the kill gives no import block:\n%s: %s\n%s", d.Address, d.Summary, d.Detail)
		}
		if typ, _, _ := strings.Cut(d.Address, "."); typ != m[1] {
			t.Fatalf("the import block of %s imports a %s:\n%s", d.Address, m[1], d.Detail)
		}
		if _, dup := blocks[d.Address]; dup {
			t.Fatalf("two errors for %s", d.Address)
		}
		blocks[d.Address] = fmt.Sprintf("import {\n  to = %s\n  id = %s\n}\n", d.Address, m[2])
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return blocks
}

// requireGroupGone fails the test when a process of group pgid (terraform
// and the provider it started) still runs after the kill. A killed process
// takes a moment to exit, so the group is looked at until it is empty or
// five seconds have passed.
func requireGroupGone(t *testing.T, pgid int) {
	t.Helper()
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Logf("no /proc: not checking that the provider died with terraform")
		return
	}
	var alive string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if alive = groupMember(pgid); alive == "" {
			return
		}
	}
	t.Fatalf("a process of the killed apply's group still runs: %s", alive)
}

// groupMember returns the /proc stat line of a live (not zombie) process of
// group pgid, or "" when there is none.
func groupMember(pgid int) string {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, s := range stats {
		b, err := os.ReadFile(s)
		if err != nil {
			continue // gone meanwhile
		}
		// pid (comm) state ppid pgrp ...; comm may hold spaces.
		f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
		if len(f) > 2 && f[2] == strconv.Itoa(pgid) && f[0] != "Z" {
			return strings.TrimSpace(string(b))
		}
	}
	return ""
}
