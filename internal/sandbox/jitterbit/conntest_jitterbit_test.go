package jitterbit

import (
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/conntest"
)

// isMissing reports whether c are no credentials, for a reason.
func isMissing(c conntest.Credentials) bool { return c.MissingReason() != "" }

func TestConnTestJitterbitCredentials(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		conn JSMConnection
		want conntest.Credentials
	}{
		"Basic prefers the API token": {
			conn: JSMConnection{AuthScheme: AuthSchemeBasic, User: "u", Password: "pw", APIToken: "tok"},
			want: conntest.Basic("u", "tok"),
		},
		"Basic with a password": {
			conn: JSMConnection{AuthScheme: AuthSchemeBasic, User: "u", Password: "pw"},
			want: conntest.Basic("u", "pw"),
		},
		"Auto with a user": {
			conn: JSMConnection{AuthScheme: AuthSchemeAuto, User: "u", Password: "pw",
				OAuth: &OAuthSettings{AccessToken: "at"}},
			want: conntest.Basic("u", "pw"),
		},
		"Auto without a user uses the access token": {
			conn: JSMConnection{AuthScheme: AuthSchemeAuto, OAuth: &OAuthSettings{AccessToken: "at"}},
			want: conntest.Bearer("at"),
		},
		"Crowd uses user and password": {
			conn: JSMConnection{AuthScheme: AuthSchemeCrowd, User: "u", Password: "pw", APIToken: "tok"},
			want: conntest.Basic("u", "pw"),
		},
		"OAuth uses the access token": {
			conn: JSMConnection{AuthScheme: AuthSchemeOAuth, User: "u", Password: "pw",
				OAuth: &OAuthSettings{AccessToken: "at"}},
			want: conntest.Bearer("at"),
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := jsmTestCredentials(tt.conn); got != tt.want {
				t.Errorf("credentials = %+v, want %+v", got, tt.want)
			}
		})
	}

	missing := map[string]JSMConnection{
		"OAuth without an access token": {AuthScheme: AuthSchemeOAuth,
			OAuth: &OAuthSettings{InitiateOAuth: InitiateOAuthGetAndRefresh, ClientID: "c", ClientSecret: "s"}},
		"Auto without anything":           {AuthScheme: AuthSchemeAuto},
		"a variable reference as user":    {AuthScheme: AuthSchemeBasic, User: "[jsm_user]", APIToken: "tok"},
		"a variable reference as a token": {AuthScheme: AuthSchemeBasic, User: "u", APIToken: "[jsm_token]"},
	}
	for name, conn := range missing {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := jsmTestCredentials(conn); !isMissing(got) {
				t.Errorf("credentials = %+v, want none with a reason", got)
			}
		})
	}
}
