package contracttest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/contracttest"
)

// TestCheck_ContractRoutesAreCheckedAgainstTheirDocuments: an exchange
// below /almsync/<name>/ is checked against the provider's own contract
// document, below any base path of the product, and a wrong one is
// reported with the contract's operation.
func TestCheck_ContractRoutesAreCheckedAgainstTheirDocuments(t *testing.T) {
	c := newChecker(t)
	jamaEnvelope := `{"meta":{"status":"OK","timestamp":"2026-01-01T00:00:00.000+0000"},"links":{},"linked":{},"data":%s}`
	tests := []struct {
		name       string
		ex         contracttest.Exchange
		violations int
		wantInMsg  string
	}{
		{"discovery", contracttest.Exchange{Product: contracttest.Jama, Method: http.MethodGet,
			Path: "/almsync/jama-jira-connector/v1/contract", Status: 200,
			ResponseHeader: http.Header{"Content-Type": {"application/json"}},
			ResponseBody:   []byte(strings.Replace(jamaEnvelope, "%s", `{"name":"jama-jira-connector","version":"1.0.0"}`, 1))}, 0, ""},
		{"discovery below a base path", contracttest.Exchange{Product: contracttest.Jama, Method: http.MethodGet,
			Path: "/bridge/almsync/jama-jira-connector/v1/contract", Status: 200,
			ResponseHeader: http.Header{"Content-Type": {"application/json"}},
			ResponseBody:   []byte(strings.Replace(jamaEnvelope, "%s", `{"name":"jama-jira-connector","version":"1.0.0"}`, 1))}, 0, ""},
		{"discovery of another shape", contracttest.Exchange{Product: contracttest.Jama, Method: http.MethodGet,
			Path: "/almsync/jama-jira-connector/v1/contract", Status: 200,
			ResponseHeader: http.Header{"Content-Type": {"application/json"}},
			ResponseBody:   []byte(strings.Replace(jamaEnvelope, "%s", `{"contract":"jama-jira-connector"}`, 1))}, 1, "getContract"},
		{"undocumented route", contracttest.Exchange{Product: contracttest.Jama, Method: http.MethodGet,
			Path: "/almsync/jama-jira-connector/v1/nothing", Status: 404}, 1, "describes no such operation"},
		{"unknown contract", contracttest.Exchange{Product: contracttest.Aqua, Method: http.MethodGet,
			Path: "/almsync/no-such-contract/v1/contract", Status: 404}, 1, "no contract document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checked, violations := c.Check(t.Context(), tt.ex)
			if !checked {
				t.Fatal("a contract route was not checked")
			}
			if len(violations) != tt.violations {
				t.Fatalf("got %d violations %v, want %d", len(violations), violations, tt.violations)
			}
			if tt.wantInMsg != "" && !strings.Contains(violations[0].String(), tt.wantInMsg) {
				t.Errorf("violation %q lacks %q", violations[0], tt.wantInMsg)
			}
		})
	}
}
