package jitterbit

import (
	"maps"
)

// jsmSecret is one write-only field of a JSM connection.
type jsmSecret struct {
	// field is the JSON path of the field, e.g. "oauth.refreshToken".
	field string
	// ref points at the field in c, or is nil when the block holding it
	// is absent.
	ref func(c *JSMConnection) *string
}

// jsmSecrets lists every write-only field of a JSM connection. It drives
// what GET leaves out, what PUT keeps and what tests may inspect.
func jsmSecrets() []jsmSecret {
	sso := func(f func(*SSOSettings) *string) func(*JSMConnection) *string {
		return func(c *JSMConnection) *string {
			if c.SSO == nil {
				return nil
			}
			return f(c.SSO)
		}
	}
	oauth := func(f func(*OAuthSettings) *string) func(*JSMConnection) *string {
		return func(c *JSMConnection) *string {
			if c.OAuth == nil {
				return nil
			}
			return f(c.OAuth)
		}
	}
	ssl := func(f func(*SSLSettings) *string) func(*JSMConnection) *string {
		return func(c *JSMConnection) *string {
			if c.SSL == nil {
				return nil
			}
			return f(c.SSL)
		}
	}
	return []jsmSecret{
		{"password", func(c *JSMConnection) *string { return &c.Password }},
		{"apiToken", func(c *JSMConnection) *string { return &c.APIToken }},
		{"sso.appPassword", sso(func(s *SSOSettings) *string { return &s.AppPassword })},
		{"oauth.clientSecret", oauth(func(o *OAuthSettings) *string { return &o.ClientSecret })},
		{"oauth.accessToken", oauth(func(o *OAuthSettings) *string { return &o.AccessToken })},
		{"oauth.verifier", oauth(func(o *OAuthSettings) *string { return &o.Verifier })},
		{"oauth.authToken", oauth(func(o *OAuthSettings) *string { return &o.AuthToken })},
		{"oauth.authKey", oauth(func(o *OAuthSettings) *string { return &o.AuthKey })},
		{"oauth.refreshToken", oauth(func(o *OAuthSettings) *string { return &o.RefreshToken })},
		{"oauth.certificateStorePassword", oauth(func(o *OAuthSettings) *string { return &o.CertificateStorePassword })},
		{"ssl.clientCertPassword", ssl(func(s *SSLSettings) *string { return &s.ClientCertPassword })},
	}
}

// cloneJSMConnection returns a deep copy of c, so that changing the copy's
// blocks or properties never reaches the stored connection.
func cloneJSMConnection(c JSMConnection) JSMConnection {
	if c.SSO != nil {
		sso := *c.SSO
		c.SSO = &sso
	}
	if c.OAuth != nil {
		oauth := *c.OAuth
		c.OAuth = &oauth
	}
	if c.SSL != nil {
		ssl := *c.SSL
		c.SSL = &ssl
	}
	c.AdvancedProperties = maps.Clone(c.AdvancedProperties)
	return c
}

// publicJSMConnection is c as the API returns it: a copy without secrets.
func publicJSMConnection(c JSMConnection) JSMConnection {
	c = cloneJSMConnection(c)
	for _, s := range jsmSecrets() {
		if ref := s.ref(&c); ref != nil {
			*ref = ""
		}
	}
	return c
}

// keepStoredSecrets fills the secrets c leaves empty from prev. A secret
// whose block c omits altogether goes with the block.
func keepStoredSecrets(c *JSMConnection, prev JSMConnection) {
	for _, s := range jsmSecrets() {
		given, stored := s.ref(c), s.ref(&prev)
		if given != nil && *given == "" && stored != nil {
			*given = *stored
		}
	}
}

// JitterbitConnectionSecret returns a secret a Jitterbit JSM connection
// holds, which its API never returns; field is the JSON path, e.g.
// "apiToken" or "oauth.refreshToken". Tests use it to prove that a
// write-only value reached the product. ok is false when there is no such
// connection or no such secret field; an unset secret is "" with ok true.
func (p *Product) JitterbitConnectionSecret(id, field string) (value string, ok bool) {
	key, err := jsmConnectionID(id)
	if err != nil {
		return "", false
	}
	var secret *jsmSecret
	for _, candidate := range jsmSecrets() {
		if candidate.field == field {
			secret = &candidate
			break
		}
	}
	if secret == nil {
		return "", false
	}
	if p.state == nil {
		return
	}
	p.state.Read(func(st *jitterbitState) {
		c, found := st.JSMConnections.Get(key)
		if !found {
			return
		}
		ok = true
		if ref := secret.ref(&c); ref != nil {
			value = *ref
		}
	})
	return value, ok
}
