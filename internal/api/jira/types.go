package jira

// Deployment types as ServerInfo.DeploymentType reports them.
const (
	DeploymentCloud      = "Cloud"
	DeploymentServer     = "Server"
	DeploymentDataCenter = "DataCenter"
)

// ServerInfo describes a Jira site: GET /rest/api/2/serverInfo.
type ServerInfo struct {
	BaseURL        string `json:"baseUrl"`
	Version        string `json:"version"`
	VersionNumbers []int  `json:"versionNumbers"`
	// DeploymentType is DeploymentCloud, DeploymentServer or
	// DeploymentDataCenter; very old Server versions leave it out.
	DeploymentType string `json:"deploymentType"`
	BuildNumber    int64  `json:"buildNumber"`
	BuildDate      string `json:"buildDate"`  // as Jira writes it, e.g. 2024-03-08T10:49:02.000+0000
	ServerTime     string `json:"serverTime"` // as Jira writes it
	SCMInfo        string `json:"scmInfo"`
	ServerTitle    string `json:"serverTitle"`
}

// User is a Jira account as GET /rest/api/2/myself describes it. Jira Cloud
// identifies accounts by AccountID and leaves Key and Name empty; Jira
// Server and Data Center use Key and Name and have no AccountID.
type User struct {
	AccountID    string
	AccountType  string // Cloud: "atlassian", "app" or "customer"
	Key          string
	Name         string
	EmailAddress string
	DisplayName  string
	TimeZone     string
	Active       bool
	// Groups are the names of the groups the account belongs to, e.g.
	// "jira-users".
	Groups []string
	// ApplicationRoles are the keys of the account's application roles,
	// e.g. "jira-software".
	ApplicationRoles []string
}

// Permission is one entry of GET /rest/api/2/mypermissions: a permission
// and whether the account holds it.
type Permission struct {
	ID             string `json:"id"`
	Key            string `json:"key"`
	Name           string `json:"name"`
	Type           string `json:"type"` // "PROJECT" or "GLOBAL"
	Description    string `json:"description"`
	HavePermission bool   `json:"havePermission"`
}

// Resolution is one of the site's issue resolutions, e.g. "Fixed".
type Resolution struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
}

// Project is a Jira project as GET /rest/api/2/project/{key} describes it.
type Project struct {
	ID             string `json:"id"`
	Key            string `json:"key"`
	Name           string `json:"name"`
	ProjectTypeKey string `json:"projectTypeKey"` // e.g. "software", "service_desk"
}

// ServiceDeskInfo describes Jira Service Management on a site: GET
// /rest/servicedeskapi/info.
type ServiceDeskInfo struct {
	Version          string
	PlatformVersion  string // the version of the Jira platform below it
	BuildDate        string // ISO 8601, as Jira writes it
	BuildChangeSet   string
	IsLicensedForUse bool
}
