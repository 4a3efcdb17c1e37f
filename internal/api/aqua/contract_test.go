package aqua_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
	"github.com/almsync/terraform-provider-almsync/internal/api/contract"
)

// contractAnswer answers a contract call in the shape its method decodes:
// an object for one definition or mapping, an array for a list.
func contractAnswer(req request, _ int) answer {
	one := regexp.MustCompile(`/(definitions|field-mappings|value-mappings)/[0-9]+$`)
	switch {
	case req.Method == http.MethodDelete:
		return answer{http.StatusNoContent, ""}
	case strings.HasSuffix(req.Path, "/test"):
		return answer{http.StatusOK, syncTestResultJSON}
	case req.Method == http.MethodPost:
		return answer{http.StatusCreated, `{"Id": 1, "SyncId": 1}`}
	case one.MatchString(req.Path):
		return answer{http.StatusOK, `{"Id": 1, "SyncId": 1}`}
	}
	return answer{http.StatusOK, `[]`}
}

// everyContractCall makes each call of the Jira Sync contract once.
func everyContractCall(ctx context.Context, c *aqua.Client) []error {
	_, err1 := c.ListSyncDefinitions(ctx)
	_, _, err2 := c.FindSyncDefinition(ctx, "Pilot")
	_, err3 := c.GetSyncDefinition(ctx, 1)
	_, err4 := c.CreateSyncDefinition(ctx, cloudDefinition("Pilot"))
	_, err5 := c.UpdateSyncDefinition(ctx, 1, cloudDefinition("Pilot"))
	err6 := c.DeleteSyncDefinition(ctx, 1)
	_, err7 := c.TestSyncDefinition(ctx, 1, "")
	_, err8 := c.ListFieldMappings(ctx, 1)
	_, err9 := c.GetFieldMapping(ctx, 1, 1)
	_, err10 := c.CreateFieldMapping(ctx, 1, aqua.FieldMapping{ItemType: "Defect", AquaField: "JiraKey", JiraField: "key", Direction: aqua.DirectionBoth})
	_, err11 := c.UpdateFieldMapping(ctx, 1, 1, aqua.FieldMapping{ItemType: "Defect", AquaField: "JiraKey", JiraField: "key", Direction: aqua.DirectionBoth})
	err12 := c.DeleteFieldMapping(ctx, 1, 1)
	_, err13 := c.ListValueMappings(ctx, 1)
	_, err14 := c.GetValueMapping(ctx, 1, 1)
	_, err15 := c.CreateValueMapping(ctx, 1, aqua.ValueMapping{Field: "resolution", Values: map[string]string{"Done": "Fixed"}, NullValue: "Unresolved"})
	_, err16 := c.UpdateValueMapping(ctx, 1, 1, aqua.ValueMapping{Field: "resolution", Values: map[string]string{"Done": "Fixed"}, NullValue: "Unresolved"})
	err17 := c.DeleteValueMapping(ctx, 1, 1)
	_, err18 := c.JiraResolutions(ctx, 1)
	return []error{err1, err2, err3, err4, err5, err6, err7, err8, err9, err10, err11, err12, err13, err14, err15, err16, err17, err18}
}

// TestContract_EveryPathLiesBelowThePrefix: every request of the Jira Sync
// contract goes below /almsync/aqua-jira-sync/v1, none under aqua's /api,
// and the discovery comes first, once, without credentials.
func TestContract_EveryPathLiesBelowThePrefix(t *testing.T) {
	t.Parallel()
	f := newFakeAqua(t, nil)
	f.fallback = contractAnswer
	for i, err := range everyContractCall(context.Background(), f.client(t)) {
		if err != nil {
			t.Errorf("call %d: %v", i+1, err)
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	prefix := contract.AquaJiraSync.Prefix()
	if len(f.requests) < 19 {
		t.Fatalf("%d requests, want the discovery and one or more per call", len(f.requests))
	}
	for i, r := range f.requests {
		if !strings.HasPrefix(r.Path, prefix+"/") || strings.Contains(r.Path, "/api/") {
			t.Errorf("%s %s is not below the contract's prefix %s", r.Method, r.Path, prefix)
		}
		if (i == 0) != (r.Path == discoveryPath) {
			t.Errorf("request %d is %s %s; the discovery must come first, once", i, r.Method, r.Path)
		}
		if (r.Token == "") != (r.Path == discoveryPath) {
			t.Errorf("%s %s sent token %q: the discovery goes without credentials, every other call with them", r.Method, r.Path, r.Token)
		}
	}
}

// TestContract_AbsentContract: a server that does not serve the contract
// makes every contract call fail with the absence error, before any login,
// and never with api.ErrNotFound; a wrong version names both versions.
func TestContract_AbsentContract(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		discovery answer
		version   bool
		want      []string
	}{
		"404":                  {discovery: answer{http.StatusNotFound, `{"Message":"No such endpoint.","Code":"404","Type":"NotFound"}`}, want: []string{"HTTP 404", "bridge", "aqua.contract_url", "AQUA_CONTRACT_URL"}},
		"404 without a body":   {discovery: answer{http.StatusNotFound, ""}, want: []string{"HTTP 404"}},
		"HTML page":            {discovery: answer{http.StatusOK, "<!DOCTYPE html><html><body>aqua</body></html>"}, want: []string{"HTML page"}},
		"another shape":        {discovery: answer{http.StatusOK, `{"contract":"aqua-jira-sync"}`}, want: []string{"not the contract's discovery document"}},
		"an array":             {discovery: answer{http.StatusOK, `[]`}, want: []string{"not the contract's JSON"}},
		"another contract":     {discovery: answer{http.StatusOK, `{"Name":"jama-jira-connector","Version":"1.0.0"}`}, want: []string{`"jama-jira-connector"`}},
		"unsupported version":  {discovery: answer{http.StatusOK, `{"Name":"aqua-jira-sync","Version":"2.0.0"}`}, version: true, want: []string{"2.0.0", "1.0.0"}},
		"method not supported": {discovery: answer{http.StatusMethodNotAllowed, ""}, want: []string{"HTTP 405"}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAqua(t, nil)
			f.discovery = fixed(tc.discovery.status, tc.discovery.body)
			f.fallback = contractAnswer
			c := f.client(t)
			for i, err := range append([]error{c.CheckContract(context.Background())}, everyContractCall(context.Background(), c)...) {
				var absent *contract.AbsentError
				var version *contract.VersionError
				switch {
				case tc.version && !errors.As(err, &version), !tc.version && !errors.As(err, &absent):
					t.Fatalf("call %d: %T %v, want the contract's absence or version error", i, err, err)
				case errors.Is(err, api.ErrNotFound):
					t.Errorf("call %d: %v matches api.ErrNotFound: a caller would take the definition for deleted", i, err)
				}
				for _, s := range append(tc.want, "aqua", f.URL+discoveryPath) {
					if !strings.Contains(err.Error(), s) {
						t.Errorf("call %d: %q lacks %q", i, err, s)
					}
				}
			}
			if got := len(f.received(http.MethodGet + " " + discoveryPath)); got != 1 {
				t.Errorf("the discovery was sent %d times, want once", got)
			}
			if n := len(f.requests); n != 1 {
				t.Errorf("%d requests, want only the discovery", n)
			}
			if g := f.grantTypes(); len(g) != 0 {
				t.Errorf("token requests %v, want none before the contract is known", g)
			}
		})
	}
}

// TestContract_DiscoveryOncePerClient: concurrent first calls share one
// discovery; aqua's public API needs none.
func TestContract_DiscoveryOncePerClient(t *testing.T) {
	t.Parallel()
	f := newFakeAqua(t, map[string]handler{"GET /api/Project/2": fixed(http.StatusOK, `{"Id":2,"Name":"Pilot"}`)})
	f.fallback = contractAnswer
	c := f.client(t)
	if _, err := c.GetProject(context.Background(), 2); err != nil {
		t.Fatal(err)
	}
	if got := f.received(http.MethodGet + " " + discoveryPath); len(got) != 0 {
		t.Errorf("aqua's public API sent the contract's discovery")
	}
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			if _, err := c.GetSyncDefinition(context.Background(), 1); err != nil {
				t.Errorf("read: %v", err)
			}
		})
	}
	wg.Wait()
	if got := f.received(http.MethodGet + " " + discoveryPath); len(got) != 1 {
		t.Errorf("the discovery was sent %d times by one client, want once", len(got))
	}
	if got := f.received(http.MethodGet + " /almsync/aqua-jira-sync/v1/definitions/1"); len(got) != 10 {
		t.Errorf("%d reads, want 10", len(got))
	}
}

// TestContract_OnAnotherHost: with a contract URL of another host, the
// contract's calls (with aqua's token) go there, and the token and aqua's
// public API stay on the aqua URL.
func TestContract_OnAnotherHost(t *testing.T) {
	t.Parallel()
	f := newFakeAqua(t, map[string]handler{"GET /api/Project/2": fixed(http.StatusOK, `{"Id":2,"Name":"Pilot"}`)})
	var (
		mu     sync.Mutex
		bridge []request
	)
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		req := request{Method: r.Method, Path: strings.TrimPrefix(r.URL.Path, "/bridge"), Body: string(body), Token: strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")}
		mu.Lock()
		bridge = append(bridge, req)
		mu.Unlock()
		if req.Path == discoveryPath {
			write(w, answer{http.StatusOK, servedContract})
			return
		}
		write(w, contractAnswer(req, 1))
	}))
	t.Cleanup(hs.Close)
	c, err := aqua.New(f.URL, admin, newClientTransport(t), aqua.WithContractURL(hs.URL+"/bridge/"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetProject(context.Background(), 2); err != nil {
		t.Fatal(err)
	}
	for i, err := range everyContractCall(context.Background(), c) {
		if err != nil {
			t.Errorf("call %d: %v", i+1, err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(bridge) < 19 || bridge[0].Path != discoveryPath || bridge[0].Token != "" {
		t.Fatalf("the bridge got %d requests, first %+v; want the discovery without credentials first", len(bridge), bridge[0])
	}
	for _, r := range bridge[1:] {
		if r.Token != "access-1" || !strings.HasPrefix(r.Path, contract.AquaJiraSync.Prefix()+"/") {
			t.Errorf("bridge got %s %s with token %q, want aqua's token and a contract path", r.Method, r.Path, r.Token)
		}
	}
	if got := f.requests; len(got) != 1 || got[0].Path != "/api/Project/2" {
		t.Errorf("aqua got %+v, want only its own API", got)
	}
	if g := f.grantTypes(); len(g) != 1 || g[0] != "password" {
		t.Errorf("token requests %v, want one login at aqua", g)
	}
}

func TestNew_RejectsABadContractURL(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{"bridge.example.com", "ftp://bridge.example.com", "https://"} {
		if _, err := aqua.New("https://app.aqua-cloud.io/aquaWebNG", admin, newClientTransport(t), aqua.WithContractURL(raw)); err == nil || !strings.Contains(err.Error(), "contract URL") {
			t.Errorf("contract URL %q: %v, want an error naming the contract URL", raw, err)
		}
	}
	if _, err := aqua.New("https://app.aqua-cloud.io/aquaWebNG", admin, newClientTransport(t), aqua.WithContractURL("")); err != nil {
		t.Errorf("an empty contract URL (the default): %v", err)
	}
}
