package jitterbit

import "encoding/json"

// Wire shapes of the product, spelled here and nowhere else in the sandbox:
// Harmony's envelope, login, project and project variables from
// Jitterbit's "Harmony API Reference", the connection contract from the
// provider's published description of it
// (contracts/jitterbit-jsm-connections.yaml). The state file's shapes are here too.

// envelope is the body of every Harmony answer, {"success", "uri",
// "data", "error"}. URI is the URL that was called, query included.
type envelope struct {
	Success bool       `json:"success"`
	URI     string     `json:"uri"`
	Data    any        `json:"data,omitempty"`
	Error   *errorInfo `json:"error,omitempty"`
}

// errorInfo is the error member of a failed answer, {"errorMessage",
// "errorCode", "errorId"}. The errorId names this one failure.
type errorInfo struct {
	ErrorMessage string `json:"errorMessage"`
	ErrorCode    string `json:"errorCode"`
	ErrorID      string `json:"errorId"`
}

// loginData is the data of a successful POST /login.
type loginData struct {
	AuthenticationToken     string    `json:"authenticationToken"`
	ServerURL               string    `json:"serverUrl"`
	CloudAppsURL            string    `json:"cloudAppsUrl"`
	OrgAttrs                []orgAttr `json:"orgAttrs"`
	DefaultOrgID            string    `json:"defaultOrgId"`
	SessionTimeoutInSeconds int64     `json:"sessionTimeoutInSeconds"`
}

// orgAttr is one organization of the user, an entry of orgAttrs.
type orgAttr struct {
	OrgID      string `json:"orgId"`
	OrgName    string `json:"orgName"`
	OrgZoneURL string `json:"orgZoneUrl"`
}

// environment is a Harmony environment as the state file lists it:
// {"id", "name", "description"}.
type environment struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

// project is an Integration Studio project as the state file lists it:
// {"guid", "project_id", "name", "description", "environments",
// "deployments", "last_deployed_on"}, environments being the ids of the
// environments the project is deployed to, deployments how often PUT
// /project deployed it and last_deployed_on when last (Unix milliseconds).
type project struct {
	GUID           string   `json:"guid"`
	ProjectID      int64    `json:"project_id"`
	Name           string   `json:"name"`
	Description    string   `json:"description,omitempty"`
	Environments   []string `json:"environments"`
	Deployments    int64    `json:"deployments,omitempty"`
	LastDeployedOn int64    `json:"last_deployed_on,omitempty"`
}

// projectVariable is a project variable of one project in one environment
// as the state file lists it.
type projectVariable struct {
	ID            string `json:"id"`
	GUID          string `json:"guid"`
	EnvironmentID string `json:"environment_id"`
	ProjectGUID   string `json:"project_guid"`
	Name          string `json:"name"`
	Label         string `json:"label,omitempty"`
	Value         string `json:"value"`
	Description   string `json:"description,omitempty"`
	HideValue     bool   `json:"hide_value"`
	CreatedOn     int64  `json:"created_on"`
	UpdatedOn     int64  `json:"updated_on"`
}

// projectData is the data of GET /project, {"projects": {...}}: one
// project, as the reference's example answers it.
type projectData struct {
	Projects projectWire `json:"projects"`
}

// projectWire is a project as GET /project answers it. The reference's
// example writes projectId as a number, createdOn and lastModifiedOn as
// strings of milliseconds, and description as null when there is none.
type projectWire struct {
	CreatedBy       string            `json:"createdBy"`
	CreatedOn       string            `json:"createdOn"`
	Deleted         bool              `json:"deleted"`
	DeployedVersion string            `json:"deployedVersion"`
	Description     *string           `json:"description"`
	Environments    []environmentWire `json:"environments"`
	GUID            string            `json:"guid"`
	LastModifiedBy  string            `json:"lastModifiedBy"`
	LastModifiedOn  string            `json:"lastModifiedOn"`
	Name            string            `json:"name"`
	ProjectID       int64             `json:"projectId"`
	RequiredVersion string            `json:"requiredVersion"`
}

// environmentWire is one entry of a project's environments.
type environmentWire struct {
	AgentGroupID        string `json:"agentGroupId"`
	CreatedBy           string `json:"createdBy"`
	CreatedOn           string `json:"createdOn"`
	EnvDesc             string `json:"envDesc"`
	EnvID               string `json:"envId"`
	EnvName             string `json:"envName"`
	EnvType             int    `json:"envType"`
	LastUpdatedBy       string `json:"lastUpdatedBy"`
	NoOfConnections     int    `json:"noOfConnections"`
	NoOfFileFormats     int    `json:"noOfFileFormats"`
	NoOfHostedEndPoints int    `json:"noOfHostedEndPoints"`
	NoOfOperations      int    `json:"noOfOperations"`
	NoOfProjects        int    `json:"noOfProjects"`
	NoOfScripts         int    `json:"noOfScripts"`
	OrgID               string `json:"orgId"`
	Permission          int    `json:"permission"`
}

// projectVariablesData is the data of GET /project-variables,
// {"projectVariableDetail": [...]}.
type projectVariablesData struct {
	ProjectVariableDetail []projectVariableWire `json:"projectVariableDetail"`
}

// projectVariableWire is one entry of projectVariableDetail. The value is
// null when there is none, and always for a hidden variable: Harmony keeps
// it "secure and hidden from user interfaces".
type projectVariableWire struct {
	ProjectVariableID             string  `json:"projectVariableId"`
	ProjectVariableName           string  `json:"projectVariableName"`
	ProjectVariableValue          *string `json:"projectVariableValue"`
	ProjectVariableLabel          string  `json:"projectVariableLabel"`
	ProjectVariableDescription    *string `json:"projectVariableDescription"`
	ProjectVariableHideValue      bool    `json:"projectVariableHideValue"`
	ProjectVariableEnvironmentID  string  `json:"projectVariableEnvironmentId"`
	ProjectVariableProjectID      string  `json:"projectVariableProjectId"`
	ProjectVariableOrganizationID string  `json:"projectVariableOrganizationId"`
	CreatedBy                     string  `json:"createdBy"`
	CreatedOn                     int64   `json:"createdOn"`
	LastUpdatedBy                 string  `json:"lastUpdatedBy"`
	LastUpdatedOn                 int64   `json:"lastUpdatedOn"`
	GUID                          string  `json:"guid"`
}

// setProjectVariableRequest is the body of PUT /project-variables. The id
// is required, written as a string or an integer (the reference does
// both); a member left out keeps the stored value.
type setProjectVariableRequest struct {
	ProjectVariableID          json.RawMessage `json:"projectVariableId"`
	ProjectVariableValue       *string         `json:"projectVariableValue"`
	ProjectVariableDescription *string         `json:"projectVariableDescription"`
	ProjectVariableHideValue   *bool           `json:"projectVariableHideValue"`
}

// JSMConnection is a Jira Service Management connection of the contract:
// one key per field of Integration Studio's connection screen. The secrets
// (see jsmSecrets) are accepted and stored, never answered.
type JSMConnection struct {
	ID                 string            `json:"id,omitempty"`
	EnvironmentID      string            `json:"environmentId"`
	ProjectGUID        string            `json:"projectGuid"`
	Name               string            `json:"name"`
	AuthScheme         string            `json:"authScheme"`
	URL                string            `json:"url,omitempty"`
	User               string            `json:"user,omitempty"`
	Password           string            `json:"password,omitempty"`
	APIToken           string            `json:"apiToken,omitempty"`
	SSO                *SSOSettings      `json:"sso,omitempty"`
	OAuth              *OAuthSettings    `json:"oauth,omitempty"`
	SSL                *SSLSettings      `json:"ssl,omitempty"`
	UseProxySettings   bool              `json:"useProxySettings"`
	AdvancedProperties map[string]string `json:"advancedProperties,omitempty"`
}

// SSOSettings is the "sso" block of a connection.
type SSOSettings struct {
	LoginURL    string `json:"loginUrl,omitempty"`
	Properties  string `json:"properties,omitempty"`
	ExchangeURL string `json:"exchangeUrl,omitempty"`
	AppName     string `json:"appName,omitempty"`
	AppPassword string `json:"appPassword,omitempty"`
}

// OAuthSettings is the "oauth" block of a connection.
type OAuthSettings struct {
	InitiateOAuth            string `json:"initiateOAuth,omitempty"`
	Version                  string `json:"version,omitempty"`
	ClientID                 string `json:"clientId,omitempty"`
	ClientSecret             string `json:"clientSecret,omitempty"`
	AccessToken              string `json:"accessToken,omitempty"`
	Scope                    string `json:"scope,omitempty"`
	CloudID                  string `json:"cloudId,omitempty"`
	Verifier                 string `json:"verifier,omitempty"`
	AuthToken                string `json:"authToken,omitempty"`
	AuthKey                  string `json:"authKey,omitempty"`
	RefreshToken             string `json:"refreshToken,omitempty"`
	ExpiresIn                int64  `json:"expiresIn,omitempty"`
	TokenTimestamp           string `json:"tokenTimestamp,omitempty"`
	CertificateStoreType     string `json:"certificateStoreType,omitempty"`
	CertificateStore         string `json:"certificateStore,omitempty"`
	CertificateStorePassword string `json:"certificateStorePassword,omitempty"`
	CertificateSubject       string `json:"certificateSubject,omitempty"`
}

// SSLSettings is the "ssl" block of a connection.
type SSLSettings struct {
	ClientCert         string `json:"clientCert,omitempty"`
	ClientCertType     string `json:"clientCertType,omitempty"`
	ClientCertPassword string `json:"clientCertPassword,omitempty"`
	ClientCertSubject  string `json:"clientCertSubject,omitempty"`
	ServerCert         string `json:"serverCert,omitempty"`
}

// connectionPage is the data of the list of connections, {"items", "page",
// "pageSize", "total"}.
type connectionPage struct {
	Items    []JSMConnection `json:"items"`
	Page     int             `json:"page"`
	PageSize int             `json:"pageSize"`
	Total    int             `json:"total"`
}

// contractInfo is the data of the contract's discovery, {"name",
// "version"}.
type contractInfo struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// testRequest is the optional body of a connection's "Test",
// {"trustedCaPem"}: extra CA certificates (PEM) to trust for this test.
type testRequest struct {
	TrustedCAPEM string `json:"trustedCaPem"`
}
