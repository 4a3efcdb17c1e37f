package conntest

import "net/http"

// Credentials are how a test logs in to its target: HTTP Basic with
// username and password, a bearer token (an OAuth access token, or a Jira
// Server and Data Center personal access token), or nothing. missing, when
// set, says why a connection has no usable credentials; the authentication
// check then fails with it instead of sending anything.
type Credentials struct {
	username string
	password string
	bearer   string
	pat      bool // bearer is a Jira personal access token
	missing  string
}

// Basic logs in with HTTP Basic.
func Basic(username, password string) Credentials {
	return Credentials{username: username, password: password}
}

// Bearer logs in with a bearer token, e.g. an OAuth access token.
func Bearer(token string) Credentials { return Credentials{bearer: token} }

// PersonalAccessToken logs in to Jira Server or Data Center with a
// personal access token, sent as a bearer token. Jira Cloud has none: a
// test of a Cloud site fails its authentication check without sending it.
func PersonalAccessToken(token string) Credentials { return Credentials{bearer: token, pat: true} }

// Missing are no credentials, for the reason given.
func Missing(reason string) Credentials { return Credentials{missing: reason} }

// basic reports whether the credentials are HTTP Basic ones.
func (c Credentials) basic() bool { return c.missing == "" && c.bearer == "" && c.username != "" }

// apply adds the credentials to req; nothing for none.
func (c Credentials) apply(req *http.Request) {
	switch {
	case c.missing != "":
	case c.bearer != "":
		req.Header.Set("Authorization", "Bearer "+c.bearer)
	case c.username != "" || c.password != "":
		req.SetBasicAuth(c.username, c.password)
	}
}

// Values returns the values the credentials send (username, password and
// bearer token, "" where unused), for callers that must inspect them before
// a test, e.g. for references a product cannot resolve.
func (c Credentials) Values() []string { return []string{c.username, c.password, c.bearer} }

// MissingReason says why there are no usable credentials; "" when there
// are some.
func (c Credentials) MissingReason() string { return c.missing }
