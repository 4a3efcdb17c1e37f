package conformance

import (
	"bytes"
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/sandboxtest"
)

// newSandbox starts the sandbox a test runs against and returns its base
// URL.
var newSandbox = startSandbox

// startSandbox starts an in-memory sandbox for one test and returns its
// base URL. The suite sends requests that break the documents on purpose
// (unknown members, broken rules) and checks every exchange itself, so the
// sandbox is started without sandboxtest's recording, which would report
// those requests as the test's own violations.
func startSandbox(t *testing.T) string {
	t.Helper()
	srv, err := sandbox.New(sandbox.Options{Logf: func(string, ...any) {}})
	if err != nil {
		t.Fatalf("starting sandbox: %v", err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(func() {
		hs.Close()
		if err := srv.Close(); err != nil {
			t.Errorf("closing sandbox: %v", err)
		}
	})
	return hs.URL
}

// sandboxConfig is the configuration of a run of contract against the
// sandbox at base (or a server in front of it).
func sandboxConfig(contract, base string) Config {
	cfg := Config{
		Contract: contract,
		URL:      base + "/" + productOf(contract),
		Username: sandboxtest.SandboxUser,
		Password: sandboxtest.SandboxPassword,
		RunID:    "t1",
	}
	switch contract {
	case ContractJitterbit:
		cfg.EnvironmentID = "201"
		cfg.ProjectGUID = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
	case ContractAqua:
		cfg.AquaProjectID = 1
		cfg.JiraProjectKey = "SYNC"
	}
	return cfg
}

// run runs cfg and returns the report and what it printed.
func run(t *testing.T, cfg Config) (*Report, string) {
	t.Helper()
	var out bytes.Buffer
	cfg.Out = &out
	report, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	report.WriteSummary(&out)
	return report, out.String()
}

// failedOn reports whether a check of operation op failed.
func failedOn(r *Report, op string) bool {
	for _, c := range r.Failed() {
		if c.Operation == op {
			return true
		}
	}
	return false
}

// failLines are the FAIL lines of out.
func failLines(out string) string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "FAIL") {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}
