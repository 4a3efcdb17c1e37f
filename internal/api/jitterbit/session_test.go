package jitterbit

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// stubHarmony serves login (the body of every POST /login) and hands every
// other request to h. It counts the logins.
func stubHarmony(t *testing.T, login string, h http.HandlerFunc) (*Client, *atomic.Int64) {
	t.Helper()
	var logins atomic.Int64
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && r.URL.Path == pathContract {
			answerJSON(w, http.StatusOK, `{"success":true,"uri":"x","data":{"name":"jitterbit-jsm-connections","version":"1.0.0"}}`)
			return
		}
		if r.Method == http.MethodPost && r.URL.Path == pathLogin {
			logins.Add(1)
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, login)
			return
		}
		h(w, r)
	}))
	t.Cleanup(hs.Close)
	tc, err := transport.New(transport.Config{Product: productName, MaxRetries: 1,
		RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(hs.URL, Credentials{Username: "svc@acme.example", Password: "pw"}, tc)
	if err != nil {
		t.Fatal(err)
	}
	return c, &logins
}

// emptyPage answers a list of the contract that found nothing.
const emptyPage = `{"success":true,"uri":"x","data":{"items":[],"page":1,"pageSize":100,"total":0}}`

// answerJSON writes body as a JSON answer.
func answerJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// TestLogin_DocumentedAnswer: given the reference's own login example, the
// client sends its token and default organization on the next request.
func TestLogin_DocumentedAnswer(t *testing.T) {
	t.Parallel()
	var token, org atomic.Value
	c, logins := stubHarmony(t, documentedLogin, func(w http.ResponseWriter, r *http.Request) {
		token.Store(r.Header.Get("authToken"))
		org.Store(r.Header.Get("organizationId"))
		answerJSON(w, http.StatusOK, emptyPage)
	})
	if _, err := c.ListJSMConnections(context.Background(), "201", "g"); err != nil {
		t.Fatalf("list connections: %v", err)
	}
	if token.Load() != "{Auth Token}" || org.Load() != "{Default Org Id}" {
		t.Errorf("headers authToken %q, organizationId %q; want the login's token and defaultOrgId", token.Load(), org.Load())
	}
	if n := logins.Load(); n != 1 {
		t.Errorf("logins = %d, want 1", n)
	}
}

// TestSession_RenewedBeforeTheSessionTimeout: a token is reused until a
// margin before the login's sessionTimeoutInSeconds end (a tenth of a
// 60 s timeout, one minute of the documented 14400 s), then renewed before
// the request, so that it is never sent about to expire.
func TestSession_RenewedBeforeTheSessionTimeout(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		login      string
		calls      []int64 // seconds after the first login
		wantLogins []int64 // after each call
	}{
		"timeout of 60 s": {
			`{"success":true,"data":{"authenticationToken":"t","defaultOrgId":"1","sessionTimeoutInSeconds":60}}`,
			[]int64{0, 53, 55, 59, 200}, []int64{1, 1, 2, 2, 3},
		},
		"documented timeout of 14400 s": {
			`{"success":true,"data":{"authenticationToken":"t","defaultOrgId":"1","sessionTimeoutInSeconds":14400}}`,
			[]int64{0, 14339, 14340, 14399}, []int64{1, 1, 2, 2},
		},
		"no timeout stated": {
			`{"success":true,"data":{"authenticationToken":"t","defaultOrgId":"1"}}`,
			[]int64{0, 59, 61, 200}, []int64{1, 1, 1, 1},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, logins := stubHarmony(t, tc.login, func(w http.ResponseWriter, _ *http.Request) {
				answerJSON(w, http.StatusOK, emptyPage)
			})
			start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
			var clock atomic.Int64
			c.now = func() time.Time { return start.Add(time.Duration(clock.Load()) * time.Second) }
			for i, at := range tc.calls {
				clock.Store(at)
				if _, err := c.ListJSMConnections(context.Background(), "201", "g"); err != nil {
					t.Fatalf("call at %d s: %v", at, err)
				}
				if n := logins.Load(); n != tc.wantLogins[i] {
					t.Errorf("logins after the call at %d s = %d, want %d", at, n, tc.wantLogins[i])
				}
			}
		})
	}
}

func TestSessionLifetime(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		seconds int64
		want    time.Duration
	}{
		"documented 14400": {14400, 4 * time.Hour},
		"one second":       {1, time.Second},
		"zero":             {0, 0},
		"negative":         {-5, 0},
		"too large":        {math.MaxInt64, 0},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := sessionLifetime(tc.seconds); got != tc.want {
				t.Errorf("sessionLifetime(%d) = %v, want %v", tc.seconds, got, tc.want)
			}
		})
	}
}

// TestSession_ConcurrentRequestsShareOneLogin: requests sent together
// before any login wait for one login rather than each logging in.
func TestSession_ConcurrentRequestsShareOneLogin(t *testing.T) {
	t.Parallel()
	c, logins := stubHarmony(t, documentedLogin, func(w http.ResponseWriter, _ *http.Request) {
		answerJSON(w, http.StatusOK, emptyPage)
	})
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			if _, err := c.ListJSMConnections(context.Background(), "201", "g"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := logins.Load(); n != 1 {
		t.Errorf("logins = %d, want 1 for 16 concurrent requests", n)
	}
}

// TestErrorID: Harmony's errorId follows its message in the error, where a
// user can quote it to Jitterbit support.
func TestErrorID(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		status int
		body   string
		want   string
		is     error
	}{
		"success false": {http.StatusOK, `{"success":false,"uri":"u","error":{"errorMessage":"gone","errorCode":"NOT_FOUND","errorId":"e-42"}}`,
			"HTTP 404 Not Found: gone (errorId e-42)", api.ErrNotFound},
		"numeric code": {http.StatusOK, `{"success":false,"error":{"errorMessage":"expired","errorCode":401,"errorId":"e-3"}}`,
			"HTTP 401 Unauthorized: expired (errorId e-3)", api.ErrUnauthorized},
		"HTTP 400": {http.StatusBadRequest, `{"success":false,"error":{"errorMessage":"bad","errorCode":"BAD_REQUEST","errorId":"e-7"}}`,
			"HTTP 400 Bad Request: bad (errorId e-7)", api.ErrBadRequest},
		"code only": {http.StatusConflict, `{"success":false,"error":{"errorCode":"DUPLICATE","errorId":"e-9"}}`,
			"HTTP 409 Conflict: error code DUPLICATE (errorId e-9)", api.ErrConflict},
		"no errorId": {http.StatusNotFound, `{"success":false,"error":{"errorMessage":"gone","errorCode":"NOT_FOUND"}}`,
			"HTTP 404 Not Found: gone", api.ErrNotFound},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, _ := stubHarmony(t, `{"success":true,"data":{"authenticationToken":"t","defaultOrgId":"1"}}`,
				func(w http.ResponseWriter, _ *http.Request) { answerJSON(w, tc.status, tc.body) })
			_, err := c.GetJSMConnection(context.Background(), "7")
			if !errors.Is(err, tc.is) || !strings.HasSuffix(err.Error(), tc.want) {
				t.Errorf("error = %v, want one matching %v and ending %q", err, tc.is, tc.want)
			}
		})
	}
}

// TestTestJSMConnection_Wire: the "Test" sends {"trustedCaPem"} and reads
// the result in the contract's keys.
func TestTestJSMConnection_Wire(t *testing.T) {
	t.Parallel()
	var body atomic.Value
	c, _ := stubHarmony(t, `{"success":true,"data":{"authenticationToken":"t","defaultOrgId":"1"}}`,
		func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodPost || r.URL.Path != pathJSMConnectionTest("7") {
				answerJSON(w, http.StatusNotFound, `{"success":false,"error":{"errorMessage":"no route"}}`)
				return
			}
			b, _ := io.ReadAll(r.Body)
			body.Store(string(b))
			answerJSON(w, http.StatusOK, `{"success":true,"data":{
				"success": false, "message": "authentication failed: HTTP 401",
				"checkedAt": "2025-01-02T03:04:05Z", "durationMs": 12,
				"checks": [{"name": "reachability", "success": true, "detail": "HTTP 200"},
				           {"name": "authentication", "success": false, "detail": "HTTP 401"}]}}`)
		})
	res, err := c.TestJSMConnection(context.Background(), "7", "PEM")
	if err != nil {
		t.Fatal(err)
	}
	var sent, want any
	_ = json.Unmarshal([]byte(body.Load().(string)), &sent)
	_ = json.Unmarshal([]byte(`{"trustedCaPem":"PEM"}`), &want)
	if !reflect.DeepEqual(sent, want) {
		t.Errorf("request body = %s, want {\"trustedCaPem\":\"PEM\"}", body.Load())
	}
	wantRes := api.ConnectionTest{
		Success: false, Message: "authentication failed: HTTP 401",
		CheckedAt: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC), DurationMS: 12,
		Checks: []api.ConnectionCheck{{Name: "reachability", Success: true, Detail: "HTTP 200"},
			{Name: "authentication", Success: false, Detail: "HTTP 401"}},
	}
	if !reflect.DeepEqual(res, wantRes) {
		t.Errorf("result = %+v\nwant %+v", res, wantRes)
	}
}
