package jama_test

import (
	"context"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// restCheckUsers are the accounts of the fake Jama: Basic
// "username:password" to the user JSON of GET /rest/v1/users/current,
// spelled from Jama's documented User model.
var restCheckUsers = map[string]string{
	"svc:right":      `{"id":5,"username":"svc","firstName":"S","lastName":"V","email":"svc@example.com","licenseType":"NAMED","active":true}`,
	"gone:right":     `{"id":6,"username":"gone","firstName":"G","lastName":"O","email":"gone@example.com","licenseType":"NAMED","active":false}`,
	"floater:right":  `{"id":7,"username":"floater","firstName":"F","lastName":"L","email":"floater@example.com","licenseType":"FLOATING","active":true}`,
	"reviewer:right": `{"id":8,"username":"reviewer","firstName":"R","lastName":"V","email":"reviewer@example.com","licenseType":"NAMED_REVIEWER","active":true}`,
}

// fakeJamaREST is a Jama instance answering the current user in Jama's
// envelope, an OAuth token to client "app" / "app-secret" (acting as
// "svc"), and 401 with meta.message to everything else.
func fakeJamaREST() http.Handler {
	envelope := func(w http.ResponseWriter, status int, data string, message string) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		if data == "" {
			data = "null"
		}
		fmt.Fprintf(w, `{"meta":{"status":%q,"timestamp":"2025-03-01T10:00:00.000+0000","message":%q},"links":{},"linked":{},"data":%s}`,
			http.StatusText(status), message, data)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /rest/oauth/token", func(w http.ResponseWriter, r *http.Request) {
		id, secret, _ := r.BasicAuth()
		w.Header().Set("Content-Type", "application/json")
		if id != "app" || secret != "app-secret" || r.PostFormValue("grant_type") != "client_credentials" {
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, `{"error":"invalid_client","error_description":"Bad client credentials"}`)
			return
		}
		fmt.Fprint(w, `{"access_token":"tok-app","token_type":"bearer","expires_in":3599,"scope":"read write"}`)
	})
	mux.HandleFunc("GET /rest/v1/users/current", func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		if auth == "Bearer tok-app" {
			envelope(w, http.StatusOK, restCheckUsers["svc:right"], "")
			return
		}
		if raw, ok := strings.CutPrefix(auth, "Basic "); ok {
			pair, _ := base64.StdEncoding.DecodeString(raw)
			if u, ok := restCheckUsers[string(pair)]; ok {
				envelope(w, http.StatusOK, u, "")
				return
			}
		}
		envelope(w, http.StatusUnauthorized, "", "Authentication failed")
	})
	return mux
}

// testConfig is the transport of the tests: default provider settings,
// short waits.
func testConfig(caPEM string) transport.Config {
	return transport.Config{CACertPEM: caPEM, MaxRetries: 1, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond,
		RequestTimeout: 5 * time.Second}
}

func checkREST(t *testing.T, target jama.RESTTarget, caPEM string) api.ConnectionTest {
	t.Helper()
	res, err := jama.CheckREST(context.Background(), target, testConfig(caPEM))
	if err != nil {
		t.Fatalf("CheckREST: %v", err)
	}
	return res
}

// checkNames lists the names of res's checks with their outcome.
func checkNames(res api.ConnectionTest) string {
	parts := make([]string, 0, len(res.Checks))
	for _, c := range res.Checks {
		mark := "ok"
		if !c.Success {
			mark = "FAILED"
		}
		parts = append(parts, c.Name+"="+mark)
	}
	return strings.Join(parts, " ")
}

func TestCheckREST(t *testing.T) {
	t.Parallel()
	plain := httptest.NewServer(fakeJamaREST())
	t.Cleanup(plain.Close)
	basic := func(user, password string) jama.RESTTarget {
		return jama.RESTTarget{URL: plain.URL + "/", VerifySSL: true, Creds: jama.Credentials{Username: user, Password: password}}
	}
	cases := map[string]struct {
		target jama.RESTTarget
		checks string
		detail string // of the failed check, or of the last check
	}{
		"named creator": {
			target: basic("svc", "right"),
			checks: "reachability=ok authentication=ok active=ok license=ok",
			detail: "license NAMED (Named Creator) gives access to Jama's REST API",
		},
		"oauth client": {
			target: jama.RESTTarget{URL: plain.URL, VerifySSL: true, Creds: jama.Credentials{ClientID: "app", ClientSecret: "app-secret"}},
			checks: "reachability=ok oauth token=ok authentication=ok active=ok license=ok",
			detail: "license NAMED",
		},
		"wrong password": {
			target: basic("svc", "wrong"),
			checks: "reachability=ok authentication=FAILED",
			detail: `GET /rest/v1/users/current answered HTTP 401: Authentication failed; check the connector's username and that secret is its password`,
		},
		"wrong client secret": {
			target: jama.RESTTarget{URL: plain.URL, VerifySSL: true, Creds: jama.Credentials{ClientID: "app", ClientSecret: "wrong"}},
			checks: "reachability=ok oauth token=FAILED",
			detail: "POST /rest/oauth/token answered HTTP 401: invalid_client: Bad client credentials; check the connector's client_id",
		},
		"inactive user": {
			target: basic("gone", "right"),
			checks: "reachability=ok authentication=ok active=FAILED license=ok",
			detail: `user "gone" is deactivated in Jama`,
		},
		"floating license": {
			target: basic("floater", "right"),
			checks: "reachability=ok authentication=ok active=ok license=FAILED",
			detail: `user "floater" has license FLOATING, which gives no access to Jama's REST API: REST access needs a Named Creator license (NAMED)`,
		},
		"reviewer license": {
			target: basic("reviewer", "right"),
			checks: "reachability=ok authentication=ok active=ok license=FAILED",
			detail: "license NAMED_REVIEWER",
		},
		"not a jama instance": {
			target: jama.RESTTarget{URL: plain.URL + "/elsewhere", VerifySSL: true, Creds: jama.Credentials{Username: "svc", Password: "right"}},
			checks: "reachability=ok authentication=FAILED",
			detail: "HTTP 404",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res := checkREST(t, tc.target, "")
			if got := checkNames(res); got != tc.checks {
				t.Fatalf("checks = %s, want %s (%+v)", got, tc.checks, res.Checks)
			}
			wantSuccess := !strings.Contains(tc.checks, "FAILED")
			if res.Success != wantSuccess {
				t.Errorf("success = %t, want %t", res.Success, wantSuccess)
			}
			detail, first := res.Checks[len(res.Checks)-1].Detail, ""
			for _, c := range res.Checks {
				if !c.Success {
					detail, first = c.Detail, c.Name
					break
				}
			}
			if !strings.Contains(detail, tc.detail) {
				t.Errorf("detail = %q, want it to contain %q", detail, tc.detail)
			}
			if wantSuccess && res.Message != jama.RESTCheckSucceeded {
				t.Errorf("message = %q", res.Message)
			}
			if !wantSuccess && res.Message != first+" failed: "+detail {
				t.Errorf("message = %q, want it to name the first failed check, %s", res.Message, first)
			}
			for _, secret := range []string{"right", "app-secret"} {
				if strings.Contains(res.Message, secret) {
					t.Errorf("message holds the secret: %q", res.Message)
				}
			}
		})
	}
}

func TestCheckREST_Unreachable(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	res := checkREST(t, jama.RESTTarget{URL: "http://" + addr, VerifySSL: true, Creds: jama.Credentials{Username: "svc", Password: "right"}}, "")
	if got := checkNames(res); got != "reachability=FAILED" || res.Success {
		t.Fatalf("checks = %s (%+v)", got, res)
	}
	if d := res.Checks[0].Detail; !strings.Contains(d, "connection refused") || !strings.Contains(d, addr) {
		t.Errorf("detail = %q", d)
	}
	if !strings.HasPrefix(res.Message, "reachability inconclusive: ") || res.Status != api.StatusInconclusive {
		t.Errorf("status %q, message = %q", res.Status, res.Message)
	}
	if d := res.Checks[0].Detail; res.Checks[0].Status != api.StatusInconclusive || !strings.Contains(d, "could not be reached by the machine running Terraform") {
		t.Errorf("check %+v, want inconclusive with what to do", res.Checks[0])
	}
}

// TestCheckREST_RateLimited: a Jama that answers every request with
// credentials 429 (after the retries) leaves the login inconclusive, not
// failed, and says nothing about the secret.
func TestCheckREST_RateLimited(t *testing.T) {
	t.Parallel()
	limited := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Header.Get("Authorization") == "" && r.Method == http.MethodGet {
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, `{"meta":{"status":"Unauthorized","message":"Authentication failed"},"links":{},"linked":{},"data":null}`)
			return
		}
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, `{"meta":{"status":"Too Many Requests","message":"rate limit exceeded"},"links":{},"linked":{},"data":null}`)
	}))
	t.Cleanup(limited.Close)
	for name, tc := range map[string]struct {
		creds  jama.Credentials
		checks string
		check  string
	}{
		"basic": {jama.Credentials{Username: "svc", Password: "right"}, "reachability=ok authentication=FAILED", jama.CheckAuthentication},
		"oauth": {jama.Credentials{ClientID: "app", ClientSecret: "app-secret"}, "reachability=ok oauth token=FAILED", jama.CheckOAuthToken},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res := checkREST(t, jama.RESTTarget{URL: limited.URL, VerifySSL: true, Creds: tc.creds}, "")
			if got := checkNames(res); got != tc.checks || res.Success {
				t.Fatalf("checks = %s (%+v)", got, res)
			}
			last := res.Checks[len(res.Checks)-1]
			if last.Status != api.StatusInconclusive || res.Status != api.StatusInconclusive {
				t.Errorf("check %s status %q, test status %q: want inconclusive", last.Name, last.Status, res.Status)
			}
			if !strings.HasPrefix(res.Message, tc.check+" inconclusive: ") || !strings.Contains(res.Message, "retry later") {
				t.Errorf("message = %q", res.Message)
			}
			for _, bad := range []string{"secret is", "client_id", "username"} {
				if strings.Contains(res.Message, bad) {
					t.Errorf("message %q blames the credentials (%q)", res.Message, bad)
				}
			}
		})
	}
}

func TestCheckREST_TLS(t *testing.T) {
	t.Parallel()
	hs := httptest.NewTLSServer(fakeJamaREST())
	t.Cleanup(hs.Close)
	certPEM := string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: hs.Certificate().Raw}))
	creds := jama.Credentials{Username: "svc", Password: "right"}
	cases := map[string]struct {
		verify bool
		caPEM  string
		checks string
		detail string
	}{
		"self-signed, not trusted": {
			verify: true,
			checks: "reachability=ok tls=FAILED",
			detail: "add it to the provider's ca_cert_pem",
		},
		"self-signed, trusted through ca_cert_pem": {
			verify: true, caPEM: certPEM,
			checks: "reachability=ok tls=ok authentication=ok active=ok license=ok",
			detail: "certificate verified, TLS 1.3",
		},
		"verify_ssl false": {
			verify: false,
			checks: "reachability=ok tls=ok authentication=ok active=ok license=ok",
			detail: "certificate not verified: the connector has verify_ssl = false",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res := checkREST(t, jama.RESTTarget{URL: hs.URL, VerifySSL: tc.verify, Creds: creds}, tc.caPEM)
			if got := checkNames(res); got != tc.checks {
				t.Fatalf("checks = %s, want %s (%+v)", got, tc.checks, res.Checks)
			}
			if d := res.Checks[1].Detail; !strings.Contains(d, tc.detail) {
				t.Errorf("tls detail = %q, want it to contain %q", d, tc.detail)
			}
		})
	}
	// http spoken to an https port is a TLS failure too, not reachability.
	plain := httptest.NewServer(fakeJamaREST())
	t.Cleanup(plain.Close)
	res := checkREST(t, jama.RESTTarget{URL: "https://" + strings.TrimPrefix(plain.URL, "http://"), VerifySSL: true, Creds: creds}, "")
	if got := checkNames(res); got != "reachability=ok tls=FAILED" {
		t.Errorf("https to an http server: checks = %s (%+v)", got, res.Checks)
	}
}

// TestCheckREST_AgainstTheSandbox runs the checks against the sandbox's
// Jama, an independent reading of Jama's documents, with Basic and OAuth.
func TestCheckREST_AgainstTheSandbox(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	for name, creds := range map[string]jama.Credentials{
		"basic": admin,
		"oauth": {ClientID: "sandbox-client", ClientSecret: "sandbox-secret"},
	} {
		res := checkREST(t, jama.RESTTarget{URL: base + "/jama", VerifySSL: true, Creds: creds}, "")
		if !res.Success {
			t.Errorf("%s: %+v", name, res)
		}
	}
	res := checkREST(t, jama.RESTTarget{URL: base + "/jama", VerifySSL: true, Creds: jama.Credentials{Username: "admin", Password: "wrong"}}, "")
	if check, ok := res.Check(jama.CheckAuthentication); !ok || check.Success || !strings.Contains(check.Detail, "HTTP 401") {
		t.Errorf("wrong password: %+v", res)
	}
}
