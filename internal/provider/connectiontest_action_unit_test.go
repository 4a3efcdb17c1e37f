package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/action"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// TestConnectionTestVerdict: a failed, inconclusive or skipped test is
// reported with every check's name, status and detail, and with what to do.
func TestConnectionTestVerdict(t *testing.T) {
	t.Parallel()
	checks := []api.ConnectionCheck{
		{Name: "reachability", Status: api.StatusPassed, Detail: "connected (checked by Jama's servers)"},
		{Name: "authentication", Status: api.StatusFailed, Detail: "HTTP 401 (checked by Jama's servers)"},
	}
	tests := []struct {
		status, summary string
		want            []string
	}{
		{api.StatusFailed, "Connection Test Failed", []string{"failed: authentication failed", "- reachability: passed: connected", "- authentication: failed: HTTP 401",
			"Fix what the failed check names", "-invoke=action.almsync_connection_test.<name>", "`jira_sync_connection_id`"}},
		{api.StatusInconclusive, "Connection Test Inconclusive", []string{"reached no verdict", "- authentication: failed: HTTP 401",
			"Nothing is known to be wrong", "a gate does not pass on an unknown"}},
		{api.StatusSkipped, "Connection Test Skipped", []string{"was skipped", "- reachability: passed", "Nothing was tested, and the run goes on"}},
	}
	for _, tc := range tests {
		t.Run(tc.status, func(t *testing.T) {
			t.Parallel()
			out := testOutcome{ConnectionTest: api.ConnectionTest{Status: tc.status, Message: "authentication failed: HTTP 401", Checks: checks}}
			summary, detail := connectionTestVerdict(out, `jira_sync_connection_id = "7"`, "jira_sync_connection_id")
			if summary != tc.summary {
				t.Errorf("summary %q, want %q", summary, tc.summary)
			}
			for _, w := range tc.want {
				if !strings.Contains(detail, w) {
					t.Errorf("detail lacks %q:\n%s", w, detail)
				}
			}
		})
	}
	if summary, _ := connectionTestVerdict(testOutcome{ConnectionTest: api.ConnectionTest{Status: api.StatusPassed}}, "x", "y"); summary != "" {
		t.Errorf("a passed test has the verdict %q", summary)
	}
}

// TestProgressSender: progress never carries the secret, and Terraform
// may take none.
func TestProgressSender(t *testing.T) {
	t.Parallel()
	var got []string
	send := progressSender(func(e action.InvokeProgressEvent) { got = append(got, e.Message) }, "s3cret")
	send("logging in with s3cret")
	if len(got) != 1 || got[0] != "logging in with (secret)" {
		t.Errorf("progress %q, want the secret replaced", got)
	}
	progressSender(nil, "s3cret")("nobody listens")
}
