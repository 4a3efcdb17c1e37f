package jitterbit

// JSMConnection is a Jira Service Management connection of an Integration
// Studio project in one Harmony environment, one JSON key per field of the
// connection screen. EnvironmentID and ProjectGUID address the project as
// Harmony's own calls do (environmentId, projectGuid). Fields
// marked secret are write-only: the API accepts them and never returns
// them, and an empty secret in a replace keeps the stored one.
type JSMConnection struct {
	ID                 string            `json:"id,omitempty"`
	EnvironmentID      string            `json:"environmentId"`
	ProjectGUID        string            `json:"projectGuid"`
	Name               string            `json:"name"`                         // Connection Name
	AuthScheme         string            `json:"authScheme"`                   // Auth Scheme: see AuthSchemes
	URL                string            `json:"url,omitempty"`                // URL
	User               string            `json:"user,omitempty"`               // User
	Password           string            `json:"password,omitempty"`           // Password (secret)
	APIToken           string            `json:"apiToken,omitempty"`           // API Token (secret)
	SSO                *SSOSettings      `json:"sso,omitempty"`                // SSO
	OAuth              *OAuthSettings    `json:"oauth,omitempty"`              // OAuth
	SSL                *SSLSettings      `json:"ssl,omitempty"`                // SSL
	UseProxySettings   bool              `json:"useProxySettings"`             // Use Proxy Settings
	AdvancedProperties map[string]string `json:"advancedProperties,omitempty"` // Advanced Configurations
}

// SSOSettings are the SSO fields of a connection.
type SSOSettings struct {
	LoginURL    string `json:"loginUrl,omitempty"`    // SSO Login URL
	Properties  string `json:"properties,omitempty"`  // SSO Properties
	ExchangeURL string `json:"exchangeUrl,omitempty"` // SSO Exchange Url
	AppName     string `json:"appName,omitempty"`     // SSO App Name
	AppPassword string `json:"appPassword,omitempty"` // SSO App Password (secret)
}

// OAuthSettings are the OAuth fields of a connection.
type OAuthSettings struct {
	InitiateOAuth            string `json:"initiateOAuth,omitempty"`            // Initiate OAuth: see InitiateOAuthValues
	Version                  string `json:"version,omitempty"`                  // OAuth Version: see OAuthVersions
	ClientID                 string `json:"clientId,omitempty"`                 // OAuth Client Id
	ClientSecret             string `json:"clientSecret,omitempty"`             // OAuth Client Secret (secret)
	AccessToken              string `json:"accessToken,omitempty"`              // OAuth Access Token (secret)
	Scope                    string `json:"scope,omitempty"`                    // Scope
	CloudID                  string `json:"cloudId,omitempty"`                  // Cloud Id
	Verifier                 string `json:"verifier,omitempty"`                 // OAuth Verifier (secret)
	AuthToken                string `json:"authToken,omitempty"`                // Auth Token (secret)
	AuthKey                  string `json:"authKey,omitempty"`                  // Auth Key (secret)
	RefreshToken             string `json:"refreshToken,omitempty"`             // OAuth Refresh Token (secret)
	ExpiresIn                int64  `json:"expiresIn,omitempty"`                // OAuth Expires In, seconds
	TokenTimestamp           string `json:"tokenTimestamp,omitempty"`           // OAuth Token Timestamp
	CertificateStoreType     string `json:"certificateStoreType,omitempty"`     // Certificate Store Type: see CertificateStoreTypes
	CertificateStore         string `json:"certificateStore,omitempty"`         // Certificate Store
	CertificateStorePassword string `json:"certificateStorePassword,omitempty"` // Certificate Store Password (secret)
	CertificateSubject       string `json:"certificateSubject,omitempty"`       // Certificate Subject
}

// SSLSettings are the SSL fields of a connection.
type SSLSettings struct {
	ClientCert         string `json:"clientCert,omitempty"`         // SSL Client Cert
	ClientCertType     string `json:"clientCertType,omitempty"`     // SSL Client Cert Type: see ClientCertTypes
	ClientCertPassword string `json:"clientCertPassword,omitempty"` // SSL Client Cert Password (secret)
	ClientCertSubject  string `json:"clientCertSubject,omitempty"`  // SSL Client Cert Subject
	ServerCert         string `json:"serverCert,omitempty"`         // SSL Server Cert
}
