package sandbox

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// tokenProduct says how to obtain one product's token and use it.
type tokenProduct struct {
	name string
	// obtain asks for a token and returns it with the lifetime in seconds
	// the answer states.
	obtain func(t *testing.T, base string) (token string, seconds int64)
	// use sends an authenticated request with token and returns its status.
	use func(t *testing.T, base, token string) int
}

func tokenProducts() []tokenProduct {
	jamaStyle := func(product, path string) tokenProduct {
		return tokenProduct{
			name: product,
			obtain: func(t *testing.T, base string) (string, int64) {
				req, _ := http.NewRequest(http.MethodPost, base+"/"+product+"/rest/oauth/token",
					strings.NewReader(url.Values{"grant_type": {"client_credentials"}}.Encode()))
				req.SetBasicAuth(DefaultClientID, DefaultClientSecret)
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				var tok struct {
					AccessToken string `json:"access_token"`
					ExpiresIn   int64  `json:"expires_in"`
				}
				doJSON(t, req, &tok)
				return tok.AccessToken, tok.ExpiresIn
			},
			use: func(t *testing.T, base, token string) int {
				req, _ := http.NewRequest(http.MethodGet, base+"/"+product+path, nil)
				req.Header.Set("Authorization", "Bearer "+token)
				return status(t, req)
			},
		}
	}
	return []tokenProduct{
		{
			name: "aqua",
			obtain: func(t *testing.T, base string) (string, int64) {
				form := url.Values{"grant_type": {"password"}, "username": {DefaultUsername}, "password": {DefaultPassword}}
				req, _ := http.NewRequest(http.MethodPost, base+"/aqua/api/token", strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				var tok struct {
					AccessToken string `json:"access_token"`
					ExpiresIn   int64  `json:"expires_in"`
				}
				doJSON(t, req, &tok)
				return tok.AccessToken, tok.ExpiresIn
			},
			use: func(t *testing.T, base, token string) int {
				req, _ := http.NewRequest(http.MethodGet, base+"/aqua/api/Session", nil)
				req.Header.Set("Authorization", "Bearer "+token)
				return status(t, req)
			},
		},
		jamaStyle("jama", "/rest/v1/users/current"),
		jamaStyle("interchange", "/almsync/interchange-connectors/v1/connectors"),
		{
			name: "jitterbit",
			obtain: func(t *testing.T, base string) (string, int64) {
				req, _ := http.NewRequest(http.MethodPost, base+"/jitterbit/login", nil)
				req.Header.Set("username", DefaultUsername)
				req.Header.Set("password", DefaultPassword)
				var login struct {
					Data struct {
						AuthenticationToken     string `json:"authenticationToken"`
						SessionTimeoutInSeconds int64  `json:"sessionTimeoutInSeconds"`
					} `json:"data"`
				}
				doJSON(t, req, &login)
				return login.Data.AuthenticationToken, login.Data.SessionTimeoutInSeconds
			},
			use: func(t *testing.T, base, token string) int {
				req, _ := http.NewRequest(http.MethodGet, base+"/jitterbit/almsync/jitterbit-jsm-connections/v1/connections?environmentId=201&projectGuid=9a87b6c5-a1b2-34c5-6d7e-123456a7b001", nil)
				req.Header.Set("authToken", token)
				req.Header.Set("organizationId", "100")
				return status(t, req)
			},
		},
	}
}

func doJSON(t *testing.T, req *http.Request, out any) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s %s: status %d", req.Method, req.URL.Path, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
}

func status(t *testing.T, req *http.Request) int {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	return resp.StatusCode
}

// startWithClock starts a sandbox with opts whose clock the test moves.
func startWithClock(t *testing.T, opts Options) (string, func(time.Duration)) {
	t.Helper()
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	now := time.Now()
	srv.SetClock(func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		return now
	})
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	return hs.URL, func(d time.Duration) {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(d)
	}
}

// TestTokenLifetime_ExpiresEveryProductsTokens: with Options.TokenLifetime,
// each product's token states that lifetime and is refused with 401 once
// it has passed.
func TestTokenLifetime_ExpiresEveryProductsTokens(t *testing.T) {
	base, advance := startWithClock(t, Options{TokenLifetime: 2500 * time.Millisecond})
	for _, p := range tokenProducts() {
		token, seconds := p.obtain(t, base)
		if seconds != 2 {
			t.Errorf("%s: the answer states a lifetime of %d s, want 2 (2.5 s rounded down)", p.name, seconds)
		}
		if got := p.use(t, base, token); got != http.StatusOK {
			t.Errorf("%s: a fresh token is answered %d, want 200", p.name, got)
		}
		advance(2499 * time.Millisecond)
		if got := p.use(t, base, token); got != http.StatusOK {
			t.Errorf("%s: a token 1 ms before its end is answered %d, want 200", p.name, got)
		}
		advance(time.Millisecond)
		if got := p.use(t, base, token); got != http.StatusUnauthorized {
			t.Errorf("%s: an expired token is answered %d, want 401", p.name, got)
		}
	}
}

// TestTokenLifetime_DefaultsAreTheProductsOwn: without the option, the
// answers state each product's real lifetime.
func TestTokenLifetime_DefaultsAreTheProductsOwn(t *testing.T) {
	base, _ := startWithClock(t, Options{})
	want := map[string]int64{"aqua": 900, "jama": 3600, "interchange": 3600, "jitterbit": 14400}
	for _, p := range tokenProducts() {
		if _, seconds := p.obtain(t, base); seconds != want[p.name] {
			t.Errorf("%s: lifetime %d s, want %d", p.name, seconds, want[p.name])
		}
	}
}

func TestTokenLifetime_TooShortIsRefused(t *testing.T) {
	for _, d := range []time.Duration{time.Millisecond, 999 * time.Millisecond, -time.Second} {
		if _, err := New(Options{TokenLifetime: d}); err == nil || !strings.Contains(err.Error(), "token lifetime") {
			t.Errorf("New with a token lifetime of %s: %v, want an error naming the token lifetime", d, err)
		}
	}
}
