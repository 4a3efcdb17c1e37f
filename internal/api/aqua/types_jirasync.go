package aqua

import (
	"net/url"
	"strings"
)

// Wire types of the Jira Sync contract (see doc.go). aqua publishes no API
// for its Jira sync: these shapes are the provider's own, mirroring the
// SyncConfigurator one setting to one JSON key. The sandbox spells the same
// shapes on its own.

// SyncDefinition is one Jira sync: which aqua project synchronizes with
// which Jira project, and the accounts that do it.
type SyncDefinition struct {
	// ID is assigned by the server; it is ignored in request bodies.
	ID int64 `json:"Id"`
	// Name identifies the definition; unique, compared case-insensitively.
	Name string `json:"Name"`
	// AquaProjectID is the aqua project synchronized.
	AquaProjectID int64 `json:"AquaProjectId"`
	// JiraURL is the absolute http(s) URL of the Jira instance.
	JiraURL string `json:"JiraUrl"`
	// JiraProjectKey is the Jira project's key, e.g. "SYNC".
	JiraProjectKey string `json:"JiraProjectKey"`
	// ConfigurationUser is the Jira account that sets the sync up.
	ConfigurationUser JiraAccount `json:"ConfigurationUser"`
	// SyncUser is the optional Jira account that runs the sync; nil means
	// the configuration user runs it.
	SyncUser *JiraAccount `json:"SyncUser"`
	// AquaSyncUserID is the separate aqua user the sync acts as; 0 for
	// none. It must hold the Jira sync license and be Project
	// Administrator in AquaProjectID.
	AquaSyncUserID int64 `json:"AquaSyncUserId"`
	// Enabled turns the synchronization on.
	Enabled bool `json:"Enabled"`
}

// JiraAccount is a Jira login. Password and ApiToken are write-only: the
// server never returns them, and on PUT an empty one keeps the stored
// value. On Jira Cloud (see IsJiraCloud) Email and ApiToken are required.
type JiraAccount struct {
	Username string `json:"Username,omitempty"`
	Email    string `json:"Email,omitempty"`
	Password string `json:"Password,omitempty"`
	APIToken string `json:"ApiToken,omitempty"`
}

// FieldMapping maps an aqua field of one item type to a Jira field.
type FieldMapping struct {
	// ID is assigned by the server; it is ignored in request bodies.
	ID int64 `json:"Id"`
	// SyncID is the definition the mapping belongs to; the server takes it
	// from the path.
	SyncID int64 `json:"SyncId"`
	// ItemType is the aqua item type, one of SyncItemTypes.
	ItemType string `json:"ItemType"`
	// AquaField is the aqua field's FieldId (or name).
	AquaField string `json:"AquaField"`
	// JiraField is the Jira field's id or name.
	JiraField string `json:"JiraField"`
	// Direction is DirectionBoth, DirectionToJira or DirectionToAqua.
	Direction string `json:"Direction"`
	// ReadOnly makes the aqua field read-only for users, as the checklist
	// recommends for the fields the sync fills.
	ReadOnly bool `json:"ReadOnly"`
}

// ValueMapping maps the values of one field: Jira value to aqua value.
type ValueMapping struct {
	// ID is assigned by the server; it is ignored in request bodies.
	ID int64 `json:"Id"`
	// SyncID is the definition the mapping belongs to; the server takes it
	// from the path.
	SyncID int64 `json:"SyncId"`
	// Field is the mapped field, e.g. "resolution".
	Field string `json:"Field"`
	// Values maps each Jira value to an aqua value.
	Values map[string]string `json:"Values"`
	// NullValue is the aqua value for an empty Jira value; required for
	// the resolution field.
	NullValue string `json:"NullValue,omitempty"`
}

// Values of FieldMapping.Direction.
const (
	DirectionBoth   = "Both"
	DirectionToJira = "ToJira"
	DirectionToAqua = "ToAqua"
)

// SyncItemTypes returns the aqua item types the Jira sync maps.
func SyncItemTypes() []string { return []string{"Defect", "Requirement", "TestCase"} }

// ResolutionField is the field whose value mapping must map null values
// too (see ValueMapping.NullValue); compared case-insensitively.
const ResolutionField = "resolution"

// jiraCloudHostSuffix marks the hosts of Jira Cloud sites.
const jiraCloudHostSuffix = ".atlassian.net"

// IsJiraCloud reports whether jiraURL points at a Jira Cloud site
// (*.atlassian.net), where accounts log in with their email address and an
// API token instead of a username and password.
func IsJiraCloud(jiraURL string) bool {
	u, err := url.Parse(strings.TrimSpace(jiraURL))
	if err != nil {
		return false
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	return strings.HasSuffix(host, jiraCloudHostSuffix)
}
