package interchange

// Wire shapes of the provider's Interchange connector contract (published in
// the provider's package interchange documentation: Interchange has no
// public API), spelled here independently of the provider's client. The
// envelope, paging and authentication are Jama's (package jama).

// connector is one "Add New Connector" form, one field to one JSON key.
// password and clientSecret are write-only: accepted, stored, never
// answered.
type connector struct {
	ID           int64  `json:"id,omitempty"`
	Application  string `json:"application"`
	Name         string `json:"name"`
	URL          string `json:"url"`
	VerifySSL    bool   `json:"verifySsl"`
	AuthType     string `json:"authType"`
	Username     string `json:"username,omitempty"`
	Password     string `json:"password,omitempty"`
	ClientID     string `json:"clientId,omitempty"`
	ClientSecret string `json:"clientSecret,omitempty"`
}

// applicationJamaConnect is the one application a connector can have.
const applicationJamaConnect = "JAMA_CONNECT"

// Values of connector.AuthType.
const (
	authBasic = "basic"
	authOAuth = "oauth"
)

// connectionTestRequest is the optional body of POST
// /almsync/interchange-connectors/v1/connectors/{id}/test.
type connectionTestRequest struct {
	TrustedCAPEM string `json:"trustedCaPem"`
}
