package jitterbit

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// jsmProblems collects what is wrong with a JSM connection, each problem
// naming its JSON field.
type jsmProblems []string

func (p *jsmProblems) add(format string, args ...any) { *p = append(*p, fmt.Sprintf(format, args...)) }

// resolveJSMConnection validates a create (prev nil) or replace request and
// returns the connection to store, or a 400 listing every problem. On
// replace, empty secrets are first filled from prev, so the rules see the
// secrets the connection will hold. Like the product, it refuses to save a
// connection its auth scheme cannot use.
func resolveJSMConnection(s *jitterbitState, in JSMConnection, prev *JSMConnection) (JSMConnection, error) {
	c := cloneJSMConnection(in)
	c.ID = ""
	if prev != nil {
		keepStoredSecrets(&c, *prev)
	}
	var problems jsmProblems
	checkJSMProject(&problems, s, c, prev)
	checkJSMName(&problems, c.Name)
	checkJSMEnumerations(&problems, c)
	checkJSMURLs(&problems, c)
	checkJSMAuthScheme(&problems, c)
	if c.OAuth != nil && c.OAuth.ExpiresIn < 0 {
		problems.add("oauth.expiresIn must be 0 or more seconds, got %d", c.OAuth.ExpiresIn)
	}
	for key := range c.AdvancedProperties {
		if strings.TrimSpace(key) == "" {
			problems.add("advancedProperties must not have a blank key")
			break
		}
	}
	if len(problems) > 0 {
		return c, kernel.NewAPIError(http.StatusBadRequest, "%s", strings.Join(problems, "; "))
	}
	return c, nil
}

// checkJSMProject requires a project of the environment, and on replace the
// connection's own: connections do not move between projects or
// environments. An unknown project is a 400 (the request is wrong), keeping
// 404 for unknown connection ids.
func checkJSMProject(problems *jsmProblems, s *jitterbitState, c JSMConnection, prev *JSMConnection) {
	if prev != nil && (c.EnvironmentID != prev.EnvironmentID || c.ProjectGUID != prev.ProjectGUID) {
		problems.add("environmentId and projectGuid cannot change: JSM connection %s belongs to project %s in environment %s",
			prev.ID, prev.ProjectGUID, prev.EnvironmentID)
		return
	}
	envID, guid := strings.TrimSpace(c.EnvironmentID), strings.TrimSpace(c.ProjectGUID)
	if envID == "" {
		problems.add("environmentId is required")
	}
	if guid == "" {
		problems.add("projectGuid is required")
	}
	if envID == "" || guid == "" {
		return
	}
	if !slices.ContainsFunc(s.Environments, func(e environment) bool { return e.ID == c.EnvironmentID }) {
		known := make([]string, 0, len(s.Environments))
		for _, e := range s.Environments {
			known = append(known, e.ID)
		}
		problems.add("environmentId %q is not an environment of the organization (environments: %s)",
			c.EnvironmentID, strings.Join(known, ", "))
		return
	}
	known := []string{}
	for _, p := range s.Projects {
		if !slices.Contains(p.Environments, c.EnvironmentID) {
			continue
		}
		if p.GUID == c.ProjectGUID {
			return
		}
		known = append(known, p.GUID)
	}
	problems.add("projectGuid %q is not a project of environment %s (projects: %s)",
		c.ProjectGUID, c.EnvironmentID, strings.Join(known, ", "))
}

// checkJSMName applies the screen's rules for Connection Name.
func checkJSMName(problems *jsmProblems, name string) {
	switch {
	case strings.TrimSpace(name) == "":
		problems.add("name is required")
	case strings.ContainsAny(name, "/:"):
		problems.add("name must not contain forward slashes (/) or colons (:), got %q", name)
	}
}

// checkJSMEnumerations requires every enumeration field to hold one of the
// values the screen lists; authScheme is required, the others may be
// empty.
func checkJSMEnumerations(problems *jsmProblems, c JSMConnection) {
	oneOf := func(field, value string, allowed []string) {
		if value != "" && !slices.Contains(allowed, value) {
			problems.add("%s must be one of %s, got %q", field, strings.Join(allowed, ", "), value)
		}
	}
	if c.AuthScheme == "" {
		problems.add("authScheme is required: one of %s", strings.Join(authSchemes(), ", "))
	}
	oneOf("authScheme", c.AuthScheme, authSchemes())
	if c.OAuth != nil {
		oneOf("oauth.initiateOAuth", c.OAuth.InitiateOAuth, initiateOAuthValues())
		oneOf("oauth.version", c.OAuth.Version, oauthVersions())
		oneOf("oauth.certificateStoreType", c.OAuth.CertificateStoreType, certificateStoreTypes())
	}
	if c.SSL != nil {
		oneOf("ssl.clientCertType", c.SSL.ClientCertType, clientCertTypes())
	}
}

// checkJSMURLs requires the URL fields, when set, to be absolute http(s)
// URLs or Jitterbit variable references.
func checkJSMURLs(problems *jsmProblems, c JSMConnection) {
	check := func(field, value string) {
		if value == "" || isVariableReference(value) {
			return
		}
		u, err := url.Parse(value)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
			problems.add("%s must be an absolute http or https URL or a Jitterbit variable reference like [name], got %q", field, value)
		}
	}
	check("url", c.URL)
	if c.SSO != nil {
		check("sso.loginUrl", c.SSO.LoginURL)
		check("sso.exchangeUrl", c.SSO.ExchangeURL)
	}
}

// checkJSMAuthScheme requires what each auth scheme needs to connect,
// following the screen and its two OAuth scenarios.
func checkJSMAuthScheme(problems *jsmProblems, c JSMConnection) {
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }
	need := func(value, field, when string) {
		if blank(value) {
			problems.add("%s is required when %s", field, when)
		}
	}
	switch c.AuthScheme {
	case AuthSchemeBasic:
		const when = "authScheme is Basic"
		need(c.User, "user", when)
		if blank(c.Password) && blank(c.APIToken) {
			problems.add("password or apiToken is required when %s", when)
		}
	case AuthSchemeOAuth:
		if c.OAuth == nil || blank(c.OAuth.InitiateOAuth) {
			problems.add("oauth.initiateOAuth is required when authScheme is OAuth: one of %s",
				strings.Join(initiateOAuthValues(), ", "))
			return
		}
		o := c.OAuth
		when := "oauth.initiateOAuth is " + o.InitiateOAuth
		switch o.InitiateOAuth {
		case InitiateOAuthOff:
			need(o.AccessToken, "oauth.accessToken", when)
		case InitiateOAuthRefresh:
			need(o.AccessToken, "oauth.accessToken", when)
			need(o.RefreshToken, "oauth.refreshToken", when)
		case InitiateOAuthGetAndRefresh:
			need(o.ClientID, "oauth.clientId", when)
			need(o.ClientSecret, "oauth.clientSecret", when)
		}
	case AuthSchemeCrowd:
		const when = "authScheme is Crowd"
		var sso SSOSettings
		if c.SSO != nil {
			sso = *c.SSO
		}
		need(sso.LoginURL, "sso.loginUrl", when)
		need(sso.AppName, "sso.appName", when)
		need(sso.AppPassword, "sso.appPassword", when)
		need(c.User, "user", when)
		need(c.Password, "password", when)
	}
}
