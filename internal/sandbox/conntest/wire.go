package conntest

// Wire shapes the probes read, spelled here from the vendors' documents,
// with only the members the checks use.

// oauthError is the body of a refused token request (RFC 6749, section 5.2),
// as Jama's token endpoint answers it.
type oauthError struct {
	Error       string `json:"error"`
	Description string `json:"error_description"`
}

// oauthToken is a granted token (RFC 6749, section 5.1), as Jama's token
// endpoint answers it.
type oauthToken struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int64  `json:"expires_in"`
}

// jamaUserEnvelope is Jama's answer to GET /rest/v1/users/current: the
// envelope {meta: {status, message}, data: user}.
type jamaUserEnvelope struct {
	Meta struct {
		Status  string `json:"status"`
		Message string `json:"message"`
	} `json:"meta"`
	Data struct {
		ID       int64  `json:"id"`
		Username string `json:"username"`
	} `json:"data"`
}

// jiraErrorBody is Jira's error collection.
type jiraErrorBody struct {
	ErrorMessages []string          `json:"errorMessages"`
	Errors        map[string]string `json:"errors"`
}

// jiraServerInfo is Jira's answer to GET /rest/api/2/serverInfo
// (ServerInformation).
type jiraServerInfo struct {
	BaseURL        string `json:"baseUrl"`
	Version        string `json:"version"`
	DeploymentType string `json:"deploymentType"` // Cloud, Server or DataCenter
}

// jiraUser is Jira's answer to GET /rest/api/2/myself (User): accountId on
// Cloud, name and key on Server and Data Center.
type jiraUser struct {
	AccountID    string `json:"accountId"`
	Key          string `json:"key"`
	Name         string `json:"name"`
	EmailAddress string `json:"emailAddress"`
	DisplayName  string `json:"displayName"`
}

// jiraPermissions is Jira's answer to GET /rest/api/2/mypermissions
// (Permissions): UserPermission objects by key.
type jiraPermissions struct {
	Permissions map[string]jiraUserPermission `json:"permissions"`
}

// jiraUserPermission is one permission of jiraPermissions.
type jiraUserPermission struct {
	Key            string `json:"key"`
	HavePermission bool   `json:"havePermission"`
}
