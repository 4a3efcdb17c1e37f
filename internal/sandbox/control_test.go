package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

func TestControlRefusesNonLoopback(t *testing.T) {
	srv, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		remote string
		want   int
	}{
		{"192.0.2.1:1234", http.StatusForbidden},
		{"10.0.0.8:80", http.StatusForbidden},
		{"[2001:db8::1]:443", http.StatusForbidden},
		{"garbage", http.StatusForbidden},
		{"", http.StatusForbidden},
		{"127.0.0.1:5555", http.StatusOK},
		{"127.8.9.10:1", http.StatusOK},
		{"[::1]:5555", http.StatusOK},
		{"[::ffff:127.0.0.1]:5555", http.StatusOK},
	}
	for _, tc := range tests {
		for _, target := range []struct{ method, path, body string }{
			{http.MethodGet, "/_sandbox/stats", ""},
			{http.MethodGet, "/_sandbox/faults", ""},
			{http.MethodPut, "/_sandbox/faults", `{}`},
			{http.MethodPost, "/_sandbox/reset", ""},
		} {
			t.Run(fmt.Sprintf("%s %s from %q", target.method, target.path, tc.remote), func(t *testing.T) {
				req := httptest.NewRequest(target.method, target.path, strings.NewReader(target.body))
				req.RemoteAddr = tc.remote
				rec := httptest.NewRecorder()
				srv.Handler().ServeHTTP(rec, req)
				want := tc.want
				if want == http.StatusOK && target.path == "/_sandbox/reset" {
					want = http.StatusNoContent
				}
				if rec.Code != want {
					t.Errorf("status = %d, want %d; body %s", rec.Code, want, rec.Body)
				}
			})
		}
	}
	t.Run("httptest default remote address", func(t *testing.T) {
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/_sandbox/stats", nil))
		if rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "loopback") {
			t.Errorf("status = %d, body %s", rec.Code, rec.Body)
		}
	})
}

func getStats(t testing.TB, ts *httptest.Server) Stats {
	t.Helper()
	r := wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, "/_sandbox/stats", nil)
	wiretest.WantStatus(t, r, http.StatusOK)
	var st Stats
	if err := json.Unmarshal(r.Body, &st); err != nil {
		t.Fatalf("decode stats %s: %v", r.Body, err)
	}
	return st
}

func TestStatsCountRoutes(t *testing.T) {
	srv, ts := newTestServer(t, Options{})
	createUser(t, ts, validUser("kim"))
	wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/jama/rest/v1/users/1", nil)
	wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/jama/rest/v1/users/2", nil)
	wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, "/jama/rest/v1/users/3", nil) // 401 still counts
	wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/jama/rest/v1/users/current", nil)
	wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodDelete, "/jama/rest/v1/users/1", nil)
	wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/interchange/almsync/interchange-connectors/v1/connectors", nil)
	wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, "/nowhere", nil) // not a product: not counted

	want := Stats{
		Total: 7,
		Products: map[string]ProductStats{
			"jama": {Total: 6, Routes: map[string]int64{
				"POST /rest/v1/users":        1,
				"GET /rest/v1/users/{id}":    3,
				"GET /rest/v1/users/current": 1,
				"DELETE /{path...}":          1,
			}},
			"interchange": {Total: 1, Routes: map[string]int64{"GET /almsync/interchange-connectors/v1/connectors": 1}},
		},
	}
	// Products without requests are listed with no routes.
	for _, p := range srv.Products() {
		if _, ok := want.Products[p.Name()]; !ok {
			want.Products[p.Name()] = ProductStats{Routes: map[string]int64{}}
		}
	}
	for name, got := range map[string]Stats{"endpoint": getStats(t, ts), "method": srv.Stats()} {
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s stats = %+v, want %+v", name, got, want)
		}
	}
}

// TestStatsCountFaults: the answers of fault injection are counted by
// kind, so a client's 429 share can be measured.
func TestStatsCountFaults(t *testing.T) {
	srv, ts := newTestServer(t, Options{})
	if err := srv.SetFaults(Faults{Seed: 1, RateLimitPerSecond: 0.001}); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/jama/rest/v1/users/current", nil)
	}
	if got := getStats(t, ts).Faults; got != (FaultStats{RateLimited: 2}) {
		t.Errorf("fault stats after 3 requests at a limit of one = %+v, want 2 rate-limited", got)
	}
	if err := srv.SetFaults(Faults{Seed: 1, ErrorRate: 1}); err != nil {
		t.Fatal(err)
	}
	wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/jama/rest/v1/users/current", nil)
	if got := srv.Stats().Faults; got != (FaultStats{RateLimited: 2, Errors: 1}) {
		t.Errorf("fault stats after an injected error = %+v", got)
	}
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.NoAuth, http.MethodPost, "/_sandbox/reset", nil), http.StatusNoContent)
	if got := srv.Stats().Faults; got != (FaultStats{}) {
		t.Errorf("fault stats after reset = %+v, want none", got)
	}
}

func TestResetEndpoint(t *testing.T) {
	srv, ts := newTestServer(t, Options{})
	faults := Faults{Seed: 1, LatencyMS: 1}
	if err := srv.SetFaults(faults); err != nil {
		t.Fatal(err)
	}
	id := createUser(t, ts, validUser("lee"))
	createConnector(t, ts, basicConnector("c"))

	r := wiretest.Call(t, ts, wiretest.NoAuth, http.MethodPost, "/_sandbox/reset", nil)
	wiretest.WantStatus(t, r, http.StatusNoContent)

	if st := getStats(t, ts); st.Total != 0 || st.Products["jama"].Total != 0 || len(st.Products["jama"].Routes) != 0 {
		t.Errorf("stats after reset: %+v", st)
	}
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, fmt.Sprintf("/jama/rest/v1/users/%d", id), nil), http.StatusNotFound)
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, connectorsPath+"/1", nil), http.StatusNotFound)
	if u := getUser(t, ts, 1); u.Username != "admin" {
		t.Errorf("seeded admin missing: %+v", u)
	}
	// Ids start over.
	if got := createUser(t, ts, validUser("lee")); got != 2 {
		t.Errorf("id after reset = %d, want 2", got)
	}
	if got := srv.Faults(); got != faults {
		t.Errorf("faults after reset = %+v, want %+v", got, faults)
	}

	srv.Reset()
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/jama/rest/v1/users/2", nil), http.StatusNotFound)
}

func TestFaultsEndpoint(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	want := Faults{Seed: 42, ErrorRate: 0.25, RateLimitPerSecond: 100, LatencyMS: 3, DropRate: 0.5}
	r := wiretest.Call(t, ts, wiretest.NoAuth, http.MethodPut, "/_sandbox/faults", want)
	wiretest.WantStatus(t, r, http.StatusOK)
	var got Faults
	if err := json.Unmarshal(r.Body, &got); err != nil || got != want {
		t.Fatalf("PUT answer = %s (%v), want %+v", r.Body, err, want)
	}
	r = wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, "/_sandbox/faults", nil)
	wiretest.WantStatus(t, r, http.StatusOK)
	if err := json.Unmarshal(r.Body, &got); err != nil || got != want {
		t.Fatalf("GET answer = %s (%v), want %+v", r.Body, err, want)
	}

	bad := []struct{ body, field string }{
		{`{"error_rate": 1.5}`, "error_rate"},
		{`{"error_rate": -0.1}`, "error_rate"},
		{`{"drop_rate": 2}`, "drop_rate"},
		{`{"rate_limit_per_second": -1}`, "rate_limit_per_second"},
		{`{"latency_ms": -5}`, "latency_ms"},
		{`{"latency_ms": 600000}`, "latency_ms"},
		{`{"latency_ms": 1.5}`, "latency_ms"},
		{`{"errorRate": 1}`, "unknown field"},
		{`{"error_rate":`, "malformed JSON"},
		{``, "request body is required"},
	}
	for _, tc := range bad {
		t.Run(tc.body, func(t *testing.T) {
			r := wiretest.Call(t, ts, wiretest.NoAuth, http.MethodPut, "/_sandbox/faults", tc.body)
			wiretest.WantStatus(t, r, http.StatusBadRequest)
			if !strings.Contains(string(r.Body), tc.field) {
				t.Errorf("body %s does not name %s", r.Body, tc.field)
			}
		})
	}
	// Rejected updates leave the faults alone.
	r = wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, "/_sandbox/faults", nil)
	if err := json.Unmarshal(r.Body, &got); err != nil || got != want {
		t.Errorf("faults after rejected updates = %s", r.Body)
	}
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.NoAuth, http.MethodDelete, "/_sandbox/faults", nil), http.StatusMethodNotAllowed)
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, "/_sandbox/nothing", nil), http.StatusNotFound)
}
