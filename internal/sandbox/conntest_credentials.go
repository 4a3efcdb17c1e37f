package sandbox

import "net/http"

// connCredentials are how a test logs in to its target: HTTP Basic with
// username and password, a bearer token, or nothing. missing, when set,
// says why a connection has no usable credentials; the authentication
// check then fails with it instead of sending anything.
type connCredentials struct {
	username string
	password string
	bearer   string
	missing  string
}

// basicCredentials logs in with HTTP Basic.
func basicCredentials(username, password string) connCredentials {
	return connCredentials{username: username, password: password}
}

// bearerCredentials logs in with a bearer token.
func bearerCredentials(token string) connCredentials { return connCredentials{bearer: token} }

// missingCredentials are no credentials, for the reason given.
func missingCredentials(reason string) connCredentials { return connCredentials{missing: reason} }

// basic reports whether the credentials are HTTP Basic ones.
func (c connCredentials) basic() bool { return c.missing == "" && c.bearer == "" && c.username != "" }

// apply adds the credentials to req; nothing for none.
func (c connCredentials) apply(req *http.Request) {
	switch {
	case c.missing != "":
	case c.bearer != "":
		req.Header.Set("Authorization", "Bearer "+c.bearer)
	case c.username != "" || c.password != "":
		req.SetBasicAuth(c.username, c.password)
	}
}
