package interchange

// Wire types of the Interchange connector contract (the provider's own, see
// doc.go). wire_test.go holds them against literal JSON spelled from the
// contract.

// Application values of a connector.
const ApplicationJamaConnect = "JAMA_CONNECT"

// Authentication types of a connector.
const (
	AuthBasic = "basic"
	AuthOAuth = "oauth"
)

// Connector is a Jama Connect connector. Password and ClientSecret are
// write-only: the API accepts them and never returns them.
type Connector struct {
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
