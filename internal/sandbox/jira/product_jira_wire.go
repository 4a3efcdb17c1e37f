package jira

// The JSON shapes of the jira product's answers, as Atlassian documents
// them. They are the sandbox's own, independent of package jira's client
// types, so that tests of the client exercise Jira's documented shapes.

// jiraErrorBody is Jira's error collection.
type jiraErrorBody struct {
	ErrorMessages []string          `json:"errorMessages"`
	Errors        map[string]string `json:"errors"`
}

// jiraServerInfo is the answer of GET /rest/api/2/serverInfo.
type jiraServerInfo struct {
	BaseURL        string `json:"baseUrl"`
	Version        string `json:"version"`
	VersionNumbers []int  `json:"versionNumbers"`
	DeploymentType string `json:"deploymentType"`
	BuildNumber    int64  `json:"buildNumber"`
	BuildDate      string `json:"buildDate"`
	ServerTime     string `json:"serverTime"`
	SCMInfo        string `json:"scmInfo"`
	ServerTitle    string `json:"serverTitle"`
}

// jiraList is Jira's {size, items} wrapper of an expandable list.
type jiraList[T any] struct {
	Size  int `json:"size"`
	Items []T `json:"items"`
}

type jiraGroupRef struct {
	Name    string `json:"name"`
	GroupID string `json:"groupId,omitempty"` // Cloud only
	Self    string `json:"self"`
}

type jiraApplicationRoleRef struct {
	Key  string `json:"key"`
	Name string `json:"name"`
}

// jiraUser holds the members of GET /rest/api/2/myself that Cloud and
// Server share.
type jiraUser struct {
	EmailAddress     string                           `json:"emailAddress"`
	AvatarURLs       map[string]string                `json:"avatarUrls"`
	DisplayName      string                           `json:"displayName"`
	Active           bool                             `json:"active"`
	TimeZone         string                           `json:"timeZone"`
	Locale           string                           `json:"locale"`
	Groups           jiraList[jiraGroupRef]           `json:"groups"`
	ApplicationRoles jiraList[jiraApplicationRoleRef] `json:"applicationRoles"`
	Expand           string                           `json:"expand"`
}

// jiraCloudUser is a Cloud user: identified by accountId, without name or
// key.
type jiraCloudUser struct {
	Self        string `json:"self"`
	AccountID   string `json:"accountId"`
	AccountType string `json:"accountType"`
	jiraUser
}

// jiraServerUser is a Server or Data Center user: identified by key and
// name.
type jiraServerUser struct {
	Self string `json:"self"`
	Key  string `json:"key"`
	Name string `json:"name"`
	jiraUser
	Deleted bool `json:"deleted"`
}

// jiraPermission is one entry of GET /rest/api/2/mypermissions.
type jiraPermission struct {
	ID             string `json:"id"`
	Key            string `json:"key"`
	Name           string `json:"name"`
	Type           string `json:"type"`
	Description    string `json:"description"`
	HavePermission bool   `json:"havePermission"`
}

// jiraMyPermissions is the answer of GET /rest/api/2/mypermissions.
type jiraMyPermissions struct {
	Permissions map[string]jiraPermission `json:"permissions"`
}

// jiraResolutionJSON is one entry of GET /rest/api/2/resolution.
type jiraResolutionJSON struct {
	Self        string `json:"self"`
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
}

// jiraResolutionPage is the answer of GET /rest/api/2/resolution/search,
// Jira Cloud's PageBeanResolutionJsonBean.
type jiraResolutionPage struct {
	Self       string               `json:"self"`
	NextPage   string               `json:"nextPage,omitempty"`
	MaxResults int                  `json:"maxResults"`
	StartAt    int                  `json:"startAt"`
	Total      int                  `json:"total"`
	IsLast     bool                 `json:"isLast"`
	Values     []jiraResolutionBean `json:"values"`
}

// jiraResolutionBean is one entry of a resolution page, Jira Cloud's
// ResolutionJsonBean.
type jiraResolutionBean struct {
	Self        string `json:"self"`
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Default     bool   `json:"default"`
}

// jiraProjectJSON is the answer of GET /rest/api/2/project/{key}.
type jiraProjectJSON struct {
	Expand         string `json:"expand"`
	Self           string `json:"self"`
	ID             string `json:"id"`
	Key            string `json:"key"`
	Name           string `json:"name"`
	Description    string `json:"description"`
	ProjectTypeKey string `json:"projectTypeKey"`
	Simplified     bool   `json:"simplified"`
}

// jiraDate is Jira Service Management's DateDTO.
type jiraDate struct {
	ISO8601     string `json:"iso8601"`
	Jira        string `json:"jira"`
	Friendly    string `json:"friendly"`
	EpochMillis int64  `json:"epochMillis"`
}

// jiraServiceDeskInfo is the answer of GET /rest/servicedeskapi/info.
type jiraServiceDeskInfo struct {
	Version          string            `json:"version"`
	PlatformVersion  string            `json:"platformVersion"`
	BuildDate        jiraDate          `json:"buildDate"`
	BuildChangeSet   string            `json:"buildChangeSet"`
	IsLicensedForUse bool              `json:"isLicensedForUse"`
	Links            map[string]string `json:"_links"`
}
