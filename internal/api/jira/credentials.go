package jira

import (
	"encoding/base64"
	"fmt"
)

// Credentials say how the client logs in to Jira.
//
//   - HTTP Basic, with Username and Password: on Jira Cloud the account's
//     email address and an API token, on Jira Server and Data Center a
//     username and password.
//   - A personal access token (Jira Server and Data Center 8.14 and later),
//     with PersonalAccessToken: sent as "Authorization: Bearer <token>".
//     Username is then not sent; callers may keep it to compare with the
//     account the token belongs to. Jira Cloud has no personal access
//     tokens: there an API token goes with Basic.
//
// Empty credentials make every request anonymous.
type Credentials struct {
	Username string
	Password string // password, or API token on Jira Cloud
	// PersonalAccessToken, when set, is sent as a Bearer token instead of
	// Basic credentials.
	PersonalAccessToken string
}

// PersonalAccessTokenCredentials returns credentials that log in with a
// Jira Server or Data Center personal access token, sent as
// "Authorization: Bearer <token>".
func PersonalAccessTokenCredentials(token string) Credentials {
	return Credentials{PersonalAccessToken: token}
}

// BearerToken reports whether the credentials log in with a personal
// access token (Bearer) rather than with HTTP Basic.
func (c Credentials) BearerToken() bool { return c.PersonalAccessToken != "" }

// AuthorizationHeader returns the value of the Authorization header the
// credentials send: "Bearer <token>" for a personal access token, "Basic
// <base64 of username:password>" for Basic credentials, and "" for none.
func (c Credentials) AuthorizationHeader() string {
	switch {
	case c.BearerToken():
		return "Bearer " + c.PersonalAccessToken
	case c.Username != "" || c.Password != "":
		return "Basic " + base64.StdEncoding.EncodeToString([]byte(c.Username+":"+c.Password))
	default:
		return ""
	}
}

// String describes the credentials without the password or token, should
// they ever be printed.
func (c Credentials) String() string {
	switch {
	case c.BearerToken() && c.Username != "":
		return fmt.Sprintf("personal access token of user %q", c.Username)
	case c.BearerToken():
		return "personal access token"
	case !c.present():
		return "anonymous"
	default:
		return fmt.Sprintf("user %q", c.Username)
	}
}

// present reports whether there are credentials to send.
func (c Credentials) present() bool { return c.AuthorizationHeader() != "" }
