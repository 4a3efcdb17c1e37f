package jitterbit

// Wire shapes of the product, spelled here and nowhere else in the sandbox:
// Harmony's envelope and login from Jitterbit's "Harmony API Reference",
// the connection contract from the provider's published description of it
// (the Jitterbit client's package documentation).

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

// project is an Integration Studio project a connection may belong to, as
// the state file lists it: {"id", "name"}. No route serves it.
type project struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// JSMConnection is a Jira Service Management connection of the contract:
// one key per field of Integration Studio's connection screen. The secrets
// (see jsmSecrets) are accepted and stored, never answered.
type JSMConnection struct {
	ID                 string            `json:"id,omitempty"`
	ProjectID          string            `json:"projectId"`
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

// testRequest is the optional body of a connection's "Test",
// {"trustedCaPem"}: extra CA certificates (PEM) to trust for this test.
type testRequest struct {
	TrustedCAPEM string `json:"trustedCaPem"`
}
