package sandbox

import (
	"encoding/json"
	"io"
	"math"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

func TestFaultsValidate(t *testing.T) {
	tests := []struct {
		name  string
		f     Faults
		field string // "" = valid
	}{
		{"zero", Faults{}, ""},
		{"all at their limits", Faults{ErrorRate: 1, DropRate: 1, RateLimitPerSecond: 1e6, LatencyMS: MaxLatencyMS}, ""},
		{"error rate above 1", Faults{ErrorRate: 1.01}, "error_rate"},
		{"error rate NaN", Faults{ErrorRate: math.NaN()}, "error_rate"},
		{"drop rate negative", Faults{DropRate: -0.5}, "drop_rate"},
		{"rate limit negative", Faults{RateLimitPerSecond: -1}, "rate_limit_per_second"},
		{"rate limit infinite", Faults{RateLimitPerSecond: math.Inf(1)}, "rate_limit_per_second"},
		{"latency negative", Faults{LatencyMS: -1}, "latency_ms"},
		{"latency too long", Faults{LatencyMS: MaxLatencyMS + 1}, "latency_ms"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.f.Validate()
			if tc.field == "" {
				if err != nil {
					t.Errorf("Validate() = %v, want nil", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.field) {
				t.Errorf("Validate() = %v, want an error naming %s", err, tc.field)
			}
		})
	}
	if _, err := New(Options{Faults: Faults{ErrorRate: 2}}); err == nil {
		t.Error("New accepted invalid faults")
	}
	srv, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.SetFaults(Faults{DropRate: 3}); err == nil {
		t.Error("SetFaults accepted drop_rate 3")
	}
}

func TestErrorRateFailsEveryProductRequest(t *testing.T) {
	_, ts := newTestServer(t, Options{Faults: Faults{ErrorRate: 1}})
	seen := map[int]bool{}
	for i := range 30 {
		r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, "/jama/rest/v1/users", validUser("x"+strconv.Itoa(i)))
		switch r.Status {
		case http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable:
			seen[r.Status] = true
			wiretest.WantJamaError(t, r, r.Status, "injected fault")
		default:
			t.Fatalf("status = %d, want a 5xx; body %s", r.Status, r.Body)
		}
		r = wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, connectorsPath, nil)
		if r.Status < 500 {
			t.Fatalf("interchange status = %d, want a 5xx", r.Status)
		}
	}
	if len(seen) < 2 {
		t.Errorf("only statuses %v in 30 tries: the 5xx should vary", seen)
	}
	// Control endpoints are spared.
	st := getStats(t, ts)
	if st.Total != 60 || st.Products["jama"].Routes["POST /rest/v1/users"] != 30 {
		t.Errorf("stats = %+v, want the faulted requests counted", st)
	}
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.NoAuth, http.MethodPut, "/_sandbox/faults", Faults{}), http.StatusOK)
	// The faulted requests were not applied.
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/jama/rest/v1/users", nil)
	wiretest.WantStatus(t, r, http.StatusOK)
	if n := wiretest.Envelope[[]json.RawMessage](t, r).Meta.PageInfo.TotalResults; n != 1 {
		t.Errorf("%d users after faulted creates, want 1", n)
	}
}

func TestRateLimit(t *testing.T) {
	_, ts := newTestServer(t, Options{Faults: Faults{RateLimitPerSecond: 1}})
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/jama/rest/v1/users/1", nil), http.StatusOK)
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/jama/rest/v1/users/1", nil)
	wiretest.WantJamaError(t, r, http.StatusTooManyRequests, "rate limit")
	secs, err := strconv.Atoi(r.Header.Get("Retry-After"))
	if err != nil || secs < 1 {
		t.Errorf("Retry-After = %q, want whole seconds >= 1", r.Header.Get("Retry-After"))
	}
	// Control endpoints are not limited.
	for range 3 {
		wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, "/_sandbox/stats", nil), http.StatusOK)
	}
}

func TestLatency(t *testing.T) {
	_, ts := newTestServer(t, Options{Faults: Faults{LatencyMS: 80}})
	begin := time.Now()
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/jama/rest/v1/users/1", nil), http.StatusOK)
	if d := time.Since(begin); d < 80*time.Millisecond {
		t.Errorf("product request took %v, want >= 80ms", d)
	}
	begin = time.Now()
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, "/_sandbox/stats", nil), http.StatusOK)
	if d := time.Since(begin); d >= 80*time.Millisecond {
		t.Errorf("control request took %v: latency must not apply", d)
	}
}

func TestDropRateClosesConnectionAfterApplying(t *testing.T) {
	srv, ts := newTestServer(t, Options{Faults: Faults{DropRate: 1}})
	for i := range 12 { // several, so that every drop mode is likely met
		req, err := http.NewRequest(http.MethodPost, ts.URL+"/jama/rest/v1/users",
			strings.NewReader(`{"username":"drop`+strconv.Itoa(i)+`","password":"p","firstName":"f","lastName":"l","email":"d@example.com","licenseType":"NAMED"}`))
		if err != nil {
			t.Fatal(err)
		}
		wiretest.AsAdmin(req)
		resp, err := ts.Client().Do(req)
		if err == nil {
			_, err = io.ReadAll(resp.Body)
			resp.Body.Close()
		}
		if err == nil {
			t.Fatalf("request %d: no transport error despite drop_rate 1", i)
		}
	}
	// Control endpoints still answer, and the dropped requests were applied.
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, "/_sandbox/stats", nil), http.StatusOK)
	if err := srv.SetFaults(Faults{}); err != nil {
		t.Fatal(err)
	}
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/jama/rest/v1/users?username=drop11", nil)
	wiretest.WantStatus(t, r, http.StatusOK)
	if n := len(wiretest.Envelope[[]json.RawMessage](t, r).Data); n != 1 {
		t.Errorf("dropped create was not applied: %s", r.Body)
	}
	if got := srv.Stats().Products["jama"].Routes["POST /rest/v1/users"]; got != 12 {
		t.Errorf("counted %d dropped creates, want 12", got)
	}
}
