package conformance

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// corruption changes the answers of one operation of the sandbox.
type corruption struct {
	method string
	// path matches the request path (below the product's prefix).
	path *regexp.Regexp
	// request, when set, changes the request before the sandbox gets it.
	request func(*http.Request)
	// response, when set, changes the decoded JSON answer and its status.
	response func(status int, body any) (int, any)
}

func (c corruption) matches(r *http.Request) bool {
	return r.Method == c.method && c.path.MatchString(r.URL.Path)
}

// corruptingProxy starts a reverse proxy in front of the sandbox at base
// that applies c, and returns its URL.
func corruptingProxy(t *testing.T, base string, c corruption) string {
	t.Helper()
	target, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	rp := httputil.NewSingleHostReverseProxy(target)
	rp.ModifyResponse = func(resp *http.Response) error {
		if !c.matches(resp.Request) || c.response == nil {
			return nil
		}
		data, err := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		if err != nil {
			return err
		}
		var body any
		if len(data) > 0 {
			if err := json.Unmarshal(data, &body); err != nil {
				return fmt.Errorf("the sandbox answered no JSON: %w", err)
			}
		}
		status, changed := c.response(resp.StatusCode, body)
		out, err := json.Marshal(changed)
		if err != nil {
			return err
		}
		resp.StatusCode, resp.Status = status, fmt.Sprintf("%d %s", status, http.StatusText(status))
		resp.Body = io.NopCloser(bytes.NewReader(out))
		resp.ContentLength = int64(len(out))
		resp.Header.Set("Content-Length", strconv.Itoa(len(out)))
		return nil
	}
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c.request != nil && c.matches(r) {
			c.request(r)
		}
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)
	return front.URL
}

// deleteMember removes the dotted path from a decoded JSON value.
func deleteMember(body any, path string) any {
	keys := strings.Split(path, ".")
	m, ok := object(body, strings.Join(keys[:len(keys)-1], "."))
	if ok {
		delete(m, keys[len(keys)-1])
	}
	return body
}

// setMember sets the dotted path of a decoded JSON value.
func setMember(body any, path string, value any) any {
	keys := strings.Split(path, ".")
	if m, ok := object(body, strings.Join(keys[:len(keys)-1], ".")); ok {
		m[keys[len(keys)-1]] = value
	}
	return body
}

// TestWrongServerFails runs the suite against a server that gets one
// operation wrong: the run fails, naming that operation alone, and the
// check that found it.
func TestWrongServerFails(t *testing.T) {
	only := func(status int) func(int) bool { return func(s int) bool { return s == status } }
	tests := map[string]struct {
		contract string
		c        corruption
		op       string
		what     string
	}{
		"a read drops a required field": {
			contract: ContractJama,
			c: corruption{method: http.MethodGet, path: regexp.MustCompile(`/connections/[0-9]+$`),
				response: when(only(http.StatusOK), func(body any) any { return deleteMember(body, "data.jamaUser") })},
			op: "getJiraConnection", what: "read back",
		},
		"a create answers 200 instead of 201": {
			contract: ContractInterchange,
			c: corruption{method: http.MethodPost, path: regexp.MustCompile(`/v1/connectors$`),
				response: func(status int, body any) (int, any) {
					if status == http.StatusCreated {
						status = http.StatusOK
					}
					return status, body
				}},
			op: "createConnector", what: "status",
		},
		"a read echoes a secret": {
			contract: ContractJitterbit,
			c: corruption{method: http.MethodGet, path: regexp.MustCompile(`/connections/[^/]+$`),
				response: when(only(http.StatusOK), func(body any) any { return setMember(body, "data.apiToken", "leaked") })},
			op: "getJSMConnection", what: "secrets",
		},
		"a list ignores paging": {
			contract: ContractJama,
			c: corruption{method: http.MethodGet, path: regexp.MustCompile(`/v1/connections$`),
				request: func(r *http.Request) {
					q := r.URL.Query()
					q.Del("startAt")
					q.Del("maxResults")
					r.URL.RawQuery = q.Encode()
				}},
			op: "listJiraConnections", what: "paging",
		},
		"a child answers without its parent": {
			contract: ContractAqua,
			c: corruption{method: http.MethodGet, path: regexp.MustCompile(`/field-mappings/[0-9]+$`),
				response: when(only(http.StatusOK), func(body any) any { return deleteMember(body, "SyncId") })},
			op: "getFieldMapping", what: "read back",
		},
		"a filter is ignored": {
			contract: ContractAqua,
			c: corruption{method: http.MethodGet, path: regexp.MustCompile(`/v1/definitions$`),
				response: when(only(http.StatusOK), func(body any) any {
					list, _ := body.([]any)
					return append(list, map[string]any{"Id": 424242, "Name": "someone else's", "AquaProjectId": 1,
						"JiraUrl": "https://other.example.com", "JiraProjectKey": "OTHER", "ConfigurationUser": map[string]any{},
						"AquaSyncUserId": 0, "Enabled": false})
				})},
			op: "listSyncDefinitions", what: "filter",
		},
		"a delete leaves the object": {
			contract: ContractInterchange,
			c: corruption{method: http.MethodGet, path: regexp.MustCompile(`/connectors/[0-9]+$`),
				response: func(status int, body any) (int, any) {
					if status == http.StatusNotFound {
						return http.StatusOK, map[string]any{"meta": map[string]any{"status": "OK", "timestamp": "2025-01-01T00:00:00.000+0000"},
							"data": map[string]any{"id": 1, "application": "JAMA_CONNECT", "name": "ghost", "url": "https://ghost.example.com", "verifySsl": true, "authType": "basic"}}
					}
					return status, body
				}},
			op: "getConnector", what: "after delete",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			base := corruptingProxy(t, newSandbox(t), tc.c)
			report, out := run(t, sandboxConfig(tc.contract, base))
			if report.OK() {
				t.Fatalf("the run passes against a server whose %s is wrong:\n%s", tc.op, out)
			}
			if got := report.FailedOperations(); !slices.Equal(got, []string{tc.op}) {
				t.Errorf("failed operations %v, want only %s:\n%s", got, tc.op, failLines(out))
			}
			if !hasFailure(report, tc.op, tc.what) {
				t.Errorf("no failed %q check of %s:\n%s", tc.what, tc.op, failLines(out))
			}
			if !strings.Contains(out, "does not conform to "+tc.contract+": "+tc.op) {
				t.Errorf("the summary does not name %s:\n%s", tc.op, out)
			}
		})
	}
}

// when applies change to the answers whose status ok accepts.
func when(ok func(int) bool, change func(any) any) func(int, any) (int, any) {
	return func(status int, body any) (int, any) {
		if ok(status) {
			body = change(body)
		}
		return status, body
	}
}

func hasFailure(r *Report, op, what string) bool {
	for _, c := range r.Failed() {
		if c.Operation == op && c.What == what {
			return true
		}
	}
	return false
}

// TestBadServersFailDiscovery runs the suite against servers that serve no
// contract: every run fails at the discovery call, names it, and stops
// without a panic.
func TestBadServersFailDiscovery(t *testing.T) {
	closed := func(t *testing.T) string {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		_ = l.Close()
		return "http://" + addr
	}
	serve := func(status int, contentType, body string) func(*testing.T) string {
		return func(t *testing.T) string {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				if contentType != "" {
					w.Header().Set("Content-Type", contentType)
				}
				w.WriteHeader(status)
				_, _ = io.WriteString(w, body)
			}))
			t.Cleanup(srv.Close)
			return srv.URL
		}
	}
	tests := map[string]struct {
		server func(*testing.T) string
		detail string
	}{
		"plain 404":          {serve(http.StatusNotFound, "text/plain", "404 page not found"), "status 404, want 200"},
		"HTML page":          {serve(http.StatusOK, "text/html", "<html><body>Welcome to Jama</body></html>"), "not JSON"},
		"empty body":         {serve(http.StatusOK, "application/json", ""), ""},
		"wrong JSON":         {serve(http.StatusOK, "application/json", `{"hello":"world"}`), ""},
		"connection refused": {closed, "no answer"},
	}
	for name, tc := range tests {
		for _, contract := range []string{ContractJama, ContractInterchange, ContractJitterbit, ContractAqua} {
			t.Run(name+"/"+contract, func(t *testing.T) {
				cfg := sandboxConfig(contract, tc.server(t))
				report, out := run(t, cfg)
				if report.OK() {
					t.Fatalf("the run passes:\n%s", out)
				}
				if !failedOn(report, "getContract") {
					t.Errorf("getContract has no failed check:\n%s", failLines(out))
				}
				if !strings.Contains(out, "FAIL getContract") {
					t.Errorf("no FAIL line names getContract:\n%s", out)
				}
				if tc.detail != "" && !strings.Contains(failLines(out), tc.detail) {
					t.Errorf("the FAIL lines do not say %q:\n%s", tc.detail, failLines(out))
				}
			})
		}
	}
}

// TestDiscoveryNeedsNoCredentials fails a server that asks for credentials
// on the discovery call.
func TestDiscoveryNeedsNoCredentials(t *testing.T) {
	base := corruptingProxy(t, newSandbox(t), corruption{method: http.MethodGet, path: regexp.MustCompile(`/v1/contract$`),
		response: func(int, any) (int, any) {
			return http.StatusUnauthorized, map[string]any{"meta": map[string]any{"status": "Unauthorized",
				"timestamp": "2025-01-01T00:00:00.000+0000", "message": "credentials required"}}
		}})
	report, out := run(t, sandboxConfig(ContractJama, base))
	if report.OK() || !hasFailure(report, "getContract", "discovery") {
		t.Fatalf("a discovery call that needs credentials passes:\n%s", out)
	}
}

// TestCleanupDeletesWhatAFailedStepLeft: when the scenario's deletes fail,
// the run still deletes its objects at the end, so that a second run with
// the same names finds no duplicates.
func TestCleanupDeletesWhatAFailedStepLeft(t *testing.T) {
	base := newSandbox(t)
	target, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	rp := httputil.NewSingleHostReverseProxy(target)
	var mu sync.Mutex
	refused := map[string]bool{}
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		first := r.Method == http.MethodDelete && !refused[r.URL.Path]
		if r.Method == http.MethodDelete {
			refused[r.URL.Path] = true
		}
		mu.Unlock()
		if first {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(w, `{"meta":{"status":"Service Unavailable","timestamp":"2025-01-01T00:00:00.000+0000","message":"try again"}}`)
			return
		}
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)

	report, out := run(t, sandboxConfig(ContractJama, front.URL))
	if !failedOn(report, "deleteJiraConnection") {
		t.Fatalf("the refused deletes pass:\n%s", out)
	}
	cleaned := 0
	for _, c := range report.Checks {
		if c.Operation == "cleanup" {
			if !c.OK {
				t.Errorf("cleanup failed: %s", c)
			}
			cleaned++
		}
	}
	if cleaned != 2 {
		t.Errorf("%d objects cleaned up, want the 2 the refused deletes left:\n%s", cleaned, out)
	}
	// The same names again: a leftover would be a 409.
	if again, out := run(t, sandboxConfig(ContractJama, base)); !again.OK() {
		t.Errorf("a second run finds what the first left:\n%s", failLines(out))
	}
}
