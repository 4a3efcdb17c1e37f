package aqua

import (
	"net/url"
	"strings"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/conntest"
)

// Wire shapes of the provider's Jira Sync contract: aqua publishes no API
// for its Jira sync (it is configured in the desktop SyncConfigurator), so
// these are the contract's own, one SyncConfigurator setting to one
// PascalCase JSON key, in aqua's style.

// syncDefinition is one Jira sync, stored with its secrets.
type syncDefinition struct {
	ID                int64        `json:"Id"`
	Name              string       `json:"Name"`
	AquaProjectID     int64        `json:"AquaProjectId"`
	JiraURL           string       `json:"JiraUrl"`
	JiraProjectKey    string       `json:"JiraProjectKey"`
	ConfigurationUser jiraAccount  `json:"ConfigurationUser"`
	SyncUser          *jiraAccount `json:"SyncUser"`
	AquaSyncUserID    int64        `json:"AquaSyncUserId"`
	Enabled           bool         `json:"Enabled"`
}

// jiraAccount is a Jira login; Password and ApiToken are write-only.
type jiraAccount struct {
	Username string `json:"Username,omitempty"`
	Email    string `json:"Email,omitempty"`
	Password string `json:"Password,omitempty"`
	APIToken string `json:"ApiToken,omitempty"`
}

// fieldMapping maps an aqua field of one item type to a Jira field.
type fieldMapping struct {
	ID        int64  `json:"Id"`
	SyncID    int64  `json:"SyncId"`
	ItemType  string `json:"ItemType"`
	AquaField string `json:"AquaField"`
	JiraField string `json:"JiraField"`
	Direction string `json:"Direction"`
	ReadOnly  bool   `json:"ReadOnly"`
}

// valueMapping maps the values of one field, Jira value to aqua value.
type valueMapping struct {
	ID        int64             `json:"Id"`
	SyncID    int64             `json:"SyncId"`
	Field     string            `json:"Field"`
	Values    map[string]string `json:"Values"`
	NullValue string            `json:"NullValue,omitempty"`
}

// syncTestRequest is the optional body of POST .../definitions/{id}/test.
type syncTestRequest struct {
	TrustedCAPEM string `json:"TrustedCaPem,omitempty"`
}

// syncTestResult is the answer of a connection test, in PascalCase.
type syncTestResult struct {
	Success    bool            `json:"Success"`
	Message    string          `json:"Message"`
	CheckedAt  time.Time       `json:"CheckedAt"`
	DurationMS int64           `json:"DurationMs"`
	Checks     []syncTestCheck `json:"Checks"`
}

// syncTestCheck is one check of a syncTestResult.
type syncTestCheck struct {
	Name    string `json:"Name"`
	Success bool   `json:"Success"`
	Detail  string `json:"Detail"`
}

// newSyncTestResult is r in the contract's spelling.
func newSyncTestResult(r conntest.Result) syncTestResult {
	checks := make([]syncTestCheck, 0, len(r.Checks))
	for _, c := range r.Checks {
		checks = append(checks, syncTestCheck{Name: c.Name, Success: c.Success, Detail: c.Detail})
	}
	return syncTestResult{Success: r.Success, Message: r.Message, CheckedAt: r.CheckedAt, DurationMS: r.DurationMS, Checks: checks}
}

// Values of fieldMapping.Direction.
const (
	directionBoth   = "Both"
	directionToJira = "ToJira"
	directionToAqua = "ToAqua"
)

// directions returns the values fieldMapping.Direction may take.
func directions() []string { return []string{directionBoth, directionToJira, directionToAqua} }

// syncItemTypes returns the aqua item types the Jira sync maps.
func syncItemTypes() []string { return []string{"Defect", "Requirement", "TestCase"} }

// resolutionField is the field whose value mapping must map null values.
const resolutionField = "resolution"

// isJiraCloud reports whether jiraURL points at a Jira Cloud site
// (*.atlassian.net), whose accounts log in with email and API token.
func isJiraCloud(jiraURL string) bool {
	u, err := url.Parse(strings.TrimSpace(jiraURL))
	if err != nil {
		return false
	}
	return strings.HasSuffix(strings.TrimSuffix(strings.ToLower(u.Hostname()), "."), ".atlassian.net")
}
