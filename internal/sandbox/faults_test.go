package sandbox

import (
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"reflect"
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

// putFaults sets f through the control endpoint and returns the faults it
// answers with.
func putFaults(t *testing.T, ts *httptest.Server, f Faults) Faults {
	t.Helper()
	r := wiretest.Call(t, ts, wiretest.NoAuth, http.MethodPut, "/_sandbox/faults", f)
	wiretest.WantStatus(t, r, http.StatusOK)
	var got Faults
	if err := json.Unmarshal(r.Body, &got); err != nil {
		t.Fatalf("decode PUT answer %s: %v", r.Body, err)
	}
	return got
}

// faultRun sends the same requests one after the other, on a fresh
// connection each (so that net/http never resends one on its own), and
// returns what each met: its status, or "dropped".
func faultRun(t *testing.T, ts *httptest.Server) []string {
	t.Helper()
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	var outcomes []string
	for i := range 40 {
		req, err := http.NewRequest(http.MethodGet, ts.URL+"/jama/rest/v1/users/"+strconv.Itoa(1+i%3), nil)
		if err != nil {
			t.Fatal(err)
		}
		wiretest.AsAdmin(req)
		resp, err := client.Do(req)
		if err == nil {
			_, err = io.ReadAll(resp.Body)
			resp.Body.Close()
		}
		if err != nil {
			outcomes = append(outcomes, "dropped")
			continue
		}
		outcomes = append(outcomes, strconv.Itoa(resp.StatusCode))
	}
	return outcomes
}

func TestFaultSeedReplaysOverHTTP(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	faults := Faults{Seed: 20261202, ErrorRate: 0.4, DropRate: 0.3}
	if got := putFaults(t, ts, faults); got != faults {
		t.Fatalf("PUT answered %+v, want %+v", got, faults)
	}
	first := faultRun(t, ts)
	met := map[string]bool{}
	for _, o := range first {
		met[o] = true
	}
	// 200 for users 1 and 404 for 2 and 3, 500/502/503 and drops.
	for _, want := range []string{"200", "404", "dropped", "500", "502", "503"} {
		if !met[want] {
			t.Errorf("no %s in %v: the run should meet every outcome", want, first)
		}
	}
	putFaults(t, ts, faults)
	if again := faultRun(t, ts); !reflect.DeepEqual(first, again) {
		t.Errorf("seed %d replayed\n%v\nas\n%v", faults.Seed, first, again)
	}
	faults.Seed = 20261203
	putFaults(t, ts, faults)
	if other := faultRun(t, ts); reflect.DeepEqual(first, other) {
		t.Errorf("seeds 20261202 and 20261203 gave the same faults %v", first)
	}

	// Seed 0 chooses one; PUT and GET report it, and it replays.
	faults.Seed = 0
	chosen := putFaults(t, ts, faults)
	if chosen.Seed == 0 || chosen.Seed >= 1<<53 {
		t.Fatalf("PUT with seed 0 answered seed %d, want one in [1, 2^53)", chosen.Seed)
	}
	r := wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, "/_sandbox/faults", nil)
	wiretest.WantStatus(t, r, http.StatusOK)
	var got Faults
	if err := json.Unmarshal(r.Body, &got); err != nil || got != chosen {
		t.Fatalf("GET answered %s (%v), want %+v", r.Body, err, chosen)
	}
	run := faultRun(t, ts)
	putFaults(t, ts, chosen)
	if replay := faultRun(t, ts); !reflect.DeepEqual(run, replay) {
		t.Errorf("the chosen seed %d replayed\n%v\nas\n%v", chosen.Seed, run, replay)
	}
}

func TestFaultSeedRejected(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	for _, body := range []string{`{"seed": -1}`, `{"seed": 1.5}`, `{"seed": "7"}`, `{"seed": 18446744073709551616}`} {
		r := wiretest.Call(t, ts, wiretest.NoAuth, http.MethodPut, "/_sandbox/faults", body)
		wiretest.WantStatus(t, r, http.StatusBadRequest)
		if !strings.Contains(string(r.Body), "seed") {
			t.Errorf("PUT %s: body %s does not name seed", body, r.Body)
		}
	}
}
