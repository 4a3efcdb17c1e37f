package sandboxtest_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/sandboxtest"
)

// recordingTB runs a sandbox's cleanups on demand and records what they
// report, so that a test can see what another test would be told.
type recordingTB struct {
	testing.TB
	cleanups []func()
	errors   []string
	logs     []string
}

func (r *recordingTB) Helper()                  {}
func (r *recordingTB) Name() string             { return "TestRecorded" }
func (r *recordingTB) Context() context.Context { return context.Background() }
func (r *recordingTB) Cleanup(f func())         { r.cleanups = append(r.cleanups, f) }
func (r *recordingTB) Errorf(format string, a ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, a...))
}
func (r *recordingTB) Logf(format string, a ...any) {
	r.logs = append(r.logs, fmt.Sprintf(format, a...))
}

// end runs the cleanups, last registered first, as the testing package
// does.
func (r *recordingTB) end() {
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
}

func get(t *testing.T, sb *sandboxtest.Sandbox, path string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, sb.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth(sandboxtest.SandboxUser, sandboxtest.SandboxPassword)
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
}

func TestStart_ChecksEveryExchangeAgainstTheDescriptions(t *testing.T) {
	rec := &recordingTB{TB: t}
	sb := sandboxtest.Start(rec)
	get(t, sb, "/jama/rest/v1/users/current")
	get(t, sb, "/jama/rest/v1/projects") // Jama has it, but the provider's description does not
	get(t, sb, "/jama/rest/v1/projects")
	rec.end()

	if len(rec.errors) != 1 {
		t.Fatalf("reported %d violations, want the undescribed request once: %q", len(rec.errors), rec.errors)
	}
	msg := rec.errors[0]
	for _, want := range []string{"TestRecorded", "contract violation (2 times)", "jama GET /rest/v1/projects", "describes no such operation"} {
		if !strings.Contains(msg, want) {
			t.Errorf("violation %q does not say %q", msg, want)
		}
	}
	summary := rec.logs[len(rec.logs)-1]
	if !strings.Contains(summary, "3 of 3 exchanges checked") || !strings.Contains(summary, "1 violations") {
		t.Errorf("summary %q does not count 3 exchanges checked and 1 violation", summary)
	}
}

func TestStart_CleanExchangesReportNothing(t *testing.T) {
	rec := &recordingTB{TB: t}
	sb := sandboxtest.Start(rec)
	get(t, sb, "/jama/rest/v1/users/current")
	get(t, sb, "/jama/almsync/jama-jira-connector/v1/connections") // the provider's own contract, checked against its document
	rec.end()
	if len(rec.errors) != 0 {
		t.Errorf("violations reported for documented exchanges: %q", rec.errors)
	}
	if summary := rec.logs[len(rec.logs)-1]; !strings.Contains(summary, "2 of 2 exchanges checked") {
		t.Errorf("summary %q does not count 2 of 2 exchanges checked", summary)
	}
}
