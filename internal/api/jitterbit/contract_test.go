package jitterbit_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/contract"
	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// seen records the requests a server got.
type seen struct {
	mu   sync.Mutex
	reqs []*http.Request
}

func (s *seen) add(r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reqs = append(s.reqs, r.Clone(context.Background()))
}

func (s *seen) all() []*http.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*http.Request(nil), s.reqs...)
}

// startRecorded serves answer and records every request.
func startRecorded(t *testing.T, answer http.HandlerFunc) (string, *seen) {
	t.Helper()
	rec := &seen{}
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.add(r)
		answer(w, r)
	}))
	t.Cleanup(hs.Close)
	return hs.URL, rec
}

// contractCalls are the client's contract methods.
var contractCalls = map[string]func(context.Context, *jitterbit.Client) error{
	"check": func(ctx context.Context, c *jitterbit.Client) error { return c.CheckContract(ctx) },
	"list": func(ctx context.Context, c *jitterbit.Client) error {
		_, err := c.ListJSMConnections(ctx, envDev, guidJSM)
		return err
	},
	"find": func(ctx context.Context, c *jitterbit.Client) error {
		_, _, err := c.FindJSMConnection(ctx, envDev, guidJSM, "x")
		return err
	},
	"read": func(ctx context.Context, c *jitterbit.Client) error {
		_, err := c.GetJSMConnection(ctx, "1")
		return err
	},
	"create": func(ctx context.Context, c *jitterbit.Client) error {
		_, err := c.CreateJSMConnection(ctx, basicConnection(guidJSM, "x"))
		return err
	},
	"update": func(ctx context.Context, c *jitterbit.Client) error {
		_, err := c.UpdateJSMConnection(ctx, "1", basicConnection(guidJSM, "x"))
		return err
	},
	"delete": func(ctx context.Context, c *jitterbit.Client) error { return c.DeleteJSMConnection(ctx, "1") },
	"test": func(ctx context.Context, c *jitterbit.Client) error {
		_, err := c.TestJSMConnection(ctx, "1", "")
		return err
	},
}

// TestContract_AbsentBeforeAnyLogin: against servers that do not serve the
// contract, every contract method fails with the absence (or version)
// error after the one unauthenticated discovery request, and never logs
// in or reads the missing object as deleted.
func TestContract_AbsentBeforeAnyLogin(t *testing.T) {
	t.Parallel()
	servers := map[string]struct {
		answer  http.HandlerFunc
		version bool
		want    []string
	}{
		"404 to everything": {answer: http.NotFound, want: []string{"HTTP 404 Not Found"}},
		"an HTML page": {answer: func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			_, _ = io.WriteString(w, "<!DOCTYPE html><html><body>Harmony</body></html>")
		}, want: []string{"an HTML page"}},
		"JSON of another shape": {answer: func(w http.ResponseWriter, _ *http.Request) {
			answerWith(w, http.StatusOK, `{"status":"ok"}`)
		}, want: []string{"not the contract's JSON"}},
		"a gateway asking for credentials": {answer: func(w http.ResponseWriter, _ *http.Request) {
			answerWith(w, http.StatusForbidden, `{"message":"Missing Authentication Token"}`)
		}, want: []string{"HTTP 403"}},
		"another major version": {answer: func(w http.ResponseWriter, _ *http.Request) {
			answerWith(w, http.StatusOK, `{"success":true,"uri":"x","data":{"name":"jitterbit-jsm-connections","version":"2.0.0"}}`)
		}, version: true, want: []string{"2.0.0", "1.0.0"}},
	}
	for name, srv := range servers {
		for call, run := range contractCalls {
			t.Run(name+"/"+call, func(t *testing.T) {
				t.Parallel()
				base, rec := startRecorded(t, srv.answer)
				err := run(context.Background(), newClient(t, base, admin))
				var absent *contract.AbsentError
				var version *contract.VersionError
				if srv.version && !errors.As(err, &version) || !srv.version && !errors.As(err, &absent) {
					t.Fatalf("error = %T %v, want the contract's absence error", err, err)
				}
				if errors.Is(err, api.ErrNotFound) {
					t.Error("the absence matches api.ErrNotFound: the object would read as deleted")
				}
				want := append(srv.want, base+"/almsync/jitterbit-jsm-connections/v1/contract")
				if !srv.version {
					want = append(want, "jitterbit.contract_url")
				}
				for _, want := range want {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("error %q lacks %q", err, want)
					}
				}
				reqs := rec.all()
				if len(reqs) != 1 || reqs[0].Method != http.MethodGet || reqs[0].URL.Path != "/almsync/jitterbit-jsm-connections/v1/contract" {
					t.Fatalf("requests %v, want the discovery alone", paths(reqs))
				}
				for _, h := range []string{"authToken", "organizationId", "username", "password", "Authorization"} {
					if reqs[0].Header.Get(h) != "" {
						t.Errorf("the discovery sent the credential header %s", h)
					}
				}
			})
		}
	}
}

// TestContract_DiscoveredOncePerClient: many contract calls, concurrent
// ones included, share one discovery request; the documented Harmony
// operations need none.
func TestContract_DiscoveredOncePerClient(t *testing.T) {
	t.Parallel()
	srv, base := startSandbox(t)
	c := newClient(t, base+"/jitterbit", admin)
	ctx := context.Background()
	if _, err := c.GetProject(ctx, envDev, guidJSM); err != nil {
		t.Fatal(err)
	}
	discoveries := func() int64 {
		return srv.Stats().Products["jitterbit"].Routes["GET /almsync/jitterbit-jsm-connections/v1/contract"]
	}
	if n := discoveries(); n != 0 {
		t.Errorf("a Harmony operation sent %d discoveries, want none", n)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := c.ListJSMConnections(ctx, envDev, guidJSM); err != nil {
				t.Errorf("list: %v", err)
			}
		})
	}
	wg.Wait()
	created, err := c.CreateJSMConnection(ctx, basicConnection(guidJSM, "once"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetJSMConnection(ctx, created.ID); err != nil {
		t.Fatal(err)
	}
	if err := c.CheckContract(ctx); err != nil {
		t.Fatal(err)
	}
	if n := discoveries(); n != 1 {
		t.Errorf("discoveries = %d, want 1 per client", n)
	}
	// Another client (another provider run) asks again.
	if err := newClient(t, base+"/jitterbit", admin).CheckContract(ctx); err != nil {
		t.Fatal(err)
	}
	if n := discoveries(); n != 2 {
		t.Errorf("discoveries after a second client = %d, want 2", n)
	}
}

// TestContract_TransientFailureIsAskedAgain: a discovery that fails with a
// 5xx is not taken for an absent contract, and the next call asks again.
func TestContract_TransientFailureIsAskedAgain(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	var failing atomic.Bool
	failing.Store(true)
	front := startFront(t, base, func(w http.ResponseWriter, r *http.Request, _ http.Handler) bool {
		if !strings.HasSuffix(r.URL.Path, "/contract") || !failing.Load() {
			return false
		}
		w.WriteHeader(http.StatusServiceUnavailable)
		return true
	})
	c := newClient(t, front+"/jitterbit", admin)
	err := c.CheckContract(context.Background())
	if err == nil || contract.IsAbsent(err) || !strings.Contains(err.Error(), "503") {
		t.Fatalf("error = %v, want the 503, not an absent contract", err)
	}
	failing.Store(false)
	if err := c.CheckContract(context.Background()); err != nil {
		t.Errorf("after the failure passed: %v", err)
	}
}

// TestContract_OnAnotherHost: with a contract URL on another host (a
// proxy to the sandbox's contract routes only), every contract request
// goes there, below the contract's prefix, and the login and the
// documented operations stay on the Harmony URL.
func TestContract_OnAnotherHost(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	harmonyURL, harmony := startRecorded(t, func(w http.ResponseWriter, r *http.Request) {
		forward(t, base+"/jitterbit", w, r)
	})
	prefix := contract.JitterbitJSMConnections.Prefix()
	bridgeURL, bridge := startRecorded(t, func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, prefix+"/") {
			http.NotFound(w, r)
			return
		}
		forward(t, base+"/jitterbit", w, r)
	})
	c, err := jitterbit.New(harmonyURL, admin, fastTransport(t), jitterbit.WithContractURL(bridgeURL+"/"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.GetProject(ctx, envDev, guidJSM); err != nil {
		t.Fatal(err)
	}
	created, err := c.CreateJSMConnection(ctx, basicConnection(guidJSM, "bridged"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.TestJSMConnection(ctx, created.ID, ""); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteJSMConnection(ctx, created.ID); err != nil {
		t.Fatal(err)
	}
	if got := paths(harmony.all()); strings.Join(got, " ") != "POST /login GET /project" {
		t.Errorf("Harmony got %v, want the login and the project only", got)
	}
	reqs := bridge.all()
	if len(reqs) < 4 {
		t.Fatalf("the bridge got %v", paths(reqs))
	}
	for _, r := range reqs {
		if !strings.HasPrefix(r.URL.Path, prefix+"/") {
			t.Errorf("the bridge got %s %s, outside %s", r.Method, r.URL.Path, prefix)
		}
		if r.URL.Path != prefix+"/contract" && (r.Header.Get("authToken") == "" || r.Header.Get("organizationId") != "100") {
			t.Errorf("%s %s lacks Harmony's session headers", r.Method, r.URL.Path)
		}
	}
	if _, err := jitterbit.New(harmonyURL, admin, fastTransport(t), jitterbit.WithContractURL("bridge.example.com")); err == nil ||
		!strings.Contains(err.Error(), "contract URL") {
		t.Errorf("a contract URL without a scheme: %v, want an error naming the contract URL", err)
	}
}

// TestContract_HarmonyStageURL: a base URL with Harmony's API stage, as
// Jitterbit writes it, reaches the sandbox's login, project and contract.
func TestContract_HarmonyStageURL(t *testing.T) {
	t.Parallel()
	srv, base := startSandbox(t)
	c := newClient(t, base+"/jitterbit/dev", admin)
	ctx := context.Background()
	if _, err := c.GetProject(ctx, envDev, guidJSM); err != nil {
		t.Fatal(err)
	}
	created, err := c.CreateJSMConnection(ctx, basicConnection(guidJSM, "staged"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetJSMConnection(ctx, created.ID); err != nil {
		t.Fatal(err)
	}
	if n := srv.Stats().Products["jitterbit"].Routes["GET /dev/almsync/jitterbit-jsm-connections/v1/contract"]; n != 1 {
		t.Errorf("discoveries below the stage = %d, want 1", n)
	}
}

// forward sends r on to base+r.URL.Path and copies the answer.
func forward(t *testing.T, base string, w http.ResponseWriter, r *http.Request) {
	target := base + r.URL.Path
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	req, err := http.NewRequestWithContext(r.Context(), r.Method, target, r.Body)
	if err != nil {
		t.Error(err)
		return
	}
	req.Header = r.Header.Clone()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Error(err)
		return
	}
	defer resp.Body.Close()
	for k, v := range resp.Header {
		w.Header()[k] = v
	}
	w.WriteHeader(resp.StatusCode)
	_, _ = io.Copy(w, resp.Body)
}

func paths(reqs []*http.Request) []string {
	out := make([]string, 0, len(reqs))
	for _, r := range reqs {
		out = append(out, r.Method+" "+r.URL.Path)
	}
	return out
}

func answerWith(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

func fastTransport(t *testing.T) *transport.Client {
	t.Helper()
	tc, err := transport.New(transport.Config{Product: "Jitterbit", MaxRetries: 1})
	if err != nil {
		t.Fatal(err)
	}
	return tc
}
