package aqua

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

func TestAquaToken_PasswordGrantGivesBearerAccess(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	tok := aquaLogin(t, ts)
	if tok.TokenType != "bearer" || tok.ExpiresIn != 900 {
		t.Errorf("token = %+v, want a bearer token lasting 900 s", tok)
	}
	r := wiretest.Call(t, ts, wiretest.Bearer(tok.AccessToken), http.MethodGet, "/aqua/api/Session", nil)
	wiretest.WantStatus(t, r, http.StatusOK)
	if u := aquaDecode[apiUserInfo](t, r); u.ID != adminID || u.UserName != kernel.DefaultUsername || u.Email != "admin@example.com" || u.Fullname != "Sandbox Admin" {
		t.Errorf("session = %+v, want the seeded admin", u)
	}
	// The username is not case-sensitive.
	r = aquaTokenCall(t, ts, url.Values{"grant_type": {"password"}, "username": {"ADMIN"}, "password": {kernel.DefaultPassword}})
	wiretest.WantStatus(t, r, http.StatusOK)
}

func TestAquaToken_RefreshGrantRotatesTheRefreshToken(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	first := aquaLogin(t, ts)

	r := aquaTokenCall(t, ts, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {first.RefreshToken}})
	wiretest.WantStatus(t, r, http.StatusOK)
	second := aquaDecode[tokenAnswer](t, r)
	if second.AccessToken == "" || second.AccessToken == first.AccessToken || second.RefreshToken == first.RefreshToken {
		t.Fatalf("refreshed token = %+v, want new tokens", second)
	}
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.Bearer(second.AccessToken), http.MethodGet, "/aqua/api/Session", nil), http.StatusOK)

	// A refresh token works once.
	r = aquaTokenCall(t, ts, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {first.RefreshToken}})
	wiretest.WantStatus(t, r, http.StatusBadRequest)
	if e := aquaDecode[tokenError](t, r); e.Error != "invalid_grant" {
		t.Errorf("reused refresh token: %s, want invalid_grant", r.Body)
	}
}

func TestAquaToken_RefusedGrants(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	tests := map[string]struct {
		form url.Values
		want string
	}{
		"wrong password":        {url.Values{"grant_type": {"password"}, "username": {kernel.DefaultUsername}, "password": {"wrong"}}, "invalid_grant"},
		"unknown user":          {url.Values{"grant_type": {"password"}, "username": {"nobody"}, "password": {kernel.DefaultPassword}}, "invalid_grant"},
		"unknown refresh token": {url.Values{"grant_type": {"refresh_token"}, "refresh_token": {"nope"}}, "invalid_grant"},
		"client credentials":    {url.Values{"grant_type": {"client_credentials"}}, "unsupported_grant_type"},
		"no grant type":         {url.Values{"username": {kernel.DefaultUsername}}, "invalid_request"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := aquaTokenCall(t, ts, tc.form)
			wiretest.WantStatus(t, r, http.StatusBadRequest)
			if e := aquaDecode[tokenError](t, r); e.Error != tc.want || e.Description == "" {
				t.Errorf("answer %s, want error %q with a description", r.Body, tc.want)
			}
		})
	}
}

func TestAquaAuth_EveryRouteNeedsAValidBearer(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	tests := map[string]wiretest.AuthFunc{
		"no credentials": wiretest.NoAuth,
		"basic auth":     wiretest.AsAdmin,
		"unknown token":  wiretest.Bearer("not-a-token"),
	}
	for name, auth := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for _, path := range []string{"/aqua/api/Session", "/aqua/api/System/User", "/aqua/almsync/aqua-jira-sync/v1/definitions"} {
				r := wiretest.Call(t, ts, auth, http.MethodGet, path, nil)
				wantAquaError(t, r, http.StatusUnauthorized, aquaDeniedMessage)
				if r.Header.Get("WWW-Authenticate") != "Bearer" {
					t.Errorf("%s: WWW-Authenticate = %q", path, r.Header.Get("WWW-Authenticate"))
				}
			}
		})
	}
}

func TestAquaToken_AccessTokensExpireAfter15Minutes(t *testing.T) {
	t.Parallel()
	_, ts, clock := newAquaTestServer(t, kernel.Options{})
	tok := aquaLogin(t, ts)
	clock.advance(14 * time.Minute)
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.Bearer(tok.AccessToken), http.MethodGet, "/aqua/api/Session", nil), http.StatusOK)
	clock.advance(2 * time.Minute)
	wantAquaError(t, wiretest.Call(t, ts, wiretest.Bearer(tok.AccessToken), http.MethodGet, "/aqua/api/Session", nil), http.StatusUnauthorized)

	// The refresh token outlives the access token.
	r := aquaTokenCall(t, ts, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {tok.RefreshToken}})
	wiretest.WantStatus(t, r, http.StatusOK)
	fresh := aquaDecode[tokenAnswer](t, r)
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.Bearer(fresh.AccessToken), http.MethodGet, "/aqua/api/Session", nil), http.StatusOK)
}
