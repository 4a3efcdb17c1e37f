package api_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

func TestNoVerdictInDetail(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		detail string
		want   api.NoVerdict
	}{
		"429 with status text":      {"HTTP 429 Too Many Requests", api.RateLimited},
		"429 with Jira's message":   {"HTTP 429: Rate limit exceeded", api.RateLimited},
		"rate limit in words":       {"the site is rate-limiting this account", api.RateLimited},
		"503":                       {"HTTP 503 Service Unavailable", api.Unavailable},
		"502 from a gateway":        {"HTTP 502: upstream failed", api.Unavailable},
		"client timeout":            {"no HTTP answer: net/http: request canceled (Client.Timeout exceeded while awaiting headers)", api.TimedOut},
		"dial timeout":              {"dial tcp 10.0.0.1:443: i/o timeout", api.TimedOut},
		"deadline":                  {"context deadline exceeded", api.TimedOut},
		"connection refused":        {"dial tcp 127.0.0.1:1: connect: connection refused", api.Unreachable},
		"unknown host":              {"dial tcp: lookup jira.invalid: no such host", api.Unreachable},
		"network unreachable":       {"dial tcp 10.1.1.1:443: connect: network is unreachable", api.Unreachable},
		"401":                       {"HTTP 401: Client must be authenticated to access this resource.", api.Verdict},
		"403":                       {"HTTP 403 Forbidden", api.Verdict},
		"401 that mentions a limit": {"HTTP 401: too many failed logins, account locked", api.Verdict},
		"missing permission":        {"missing", api.Verdict},
		"certificate":               {"x509: certificate signed by unknown authority", api.Verdict},
		"not an email":              {`"admin" is not an email address`, api.Verdict},
		"an id holding 429":         {"user 14290 is deactivated", api.Verdict},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := api.NoVerdictInDetail(tc.detail); got != tc.want {
				t.Errorf("NoVerdictInDetail(%q) = %q, want %q", tc.detail, got, tc.want)
			}
		})
	}
}

// timeoutError is a net.Error that timed out, as net/http's client
// timeout is.
type timeoutError struct{}

func (timeoutError) Error() string   { return "Client.Timeout exceeded while awaiting headers" }
func (timeoutError) Timeout() bool   { return true }
func (timeoutError) Temporary() bool { return true }

// refusedDial is the error of a real dial to a loopback port nothing
// listens on.
func refusedDial(t *testing.T) error {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	conn, err := net.Dial("tcp", addr)
	if err == nil {
		_ = conn.Close()
		t.Fatalf("dial %s succeeded", addr)
	}
	return err
}

func TestNoVerdictInError(t *testing.T) {
	t.Parallel()
	requestErr := func(cause error) error {
		return &transport.RequestError{Product: "Jama", Method: http.MethodPost, Operation: "test JIRA connection", Attempts: 6, Exhausted: true, Err: cause}
	}
	cases := map[string]struct {
		err  error
		want api.NoVerdict
	}{
		"429 after the retries": {requestErr(&transport.StatusError{StatusCode: http.StatusTooManyRequests}), api.RateLimited},
		"503 after the retries": {requestErr(&transport.StatusError{StatusCode: http.StatusServiceUnavailable}), api.Unavailable},
		"429 as an answer":      {&api.Error{Product: "Jama", StatusCode: http.StatusTooManyRequests}, api.RateLimited},
		"500 as an answer":      {&api.Error{Product: "Jama", StatusCode: http.StatusInternalServerError}, api.Unavailable},
		"client timeout":        {requestErr(timeoutError{}), api.TimedOut},
		"context deadline":      {requestErr(fmt.Errorf("waiting: %w", context.DeadlineExceeded)), api.TimedOut},
		"connection refused":    {requestErr(refusedDial(t)), api.Unreachable},
		"unknown host":          {requestErr(&net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "jama.invalid", IsNotFound: true}}), api.Unreachable},
		"DNS timeout":           {requestErr(&net.DNSError{Err: "i/o timeout", Name: "jama.example", IsTimeout: true}), api.TimedOut},
		"401":                   {&api.Error{Product: "Jama", StatusCode: http.StatusUnauthorized}, api.Verdict},
		"403":                   {&api.Error{Product: "Jama", StatusCode: http.StatusForbidden}, api.Verdict},
		"404":                   {&api.Error{Product: "Jama", StatusCode: http.StatusNotFound}, api.Verdict},
		"cancelled by the user": {requestErr(context.Canceled), api.Verdict},
		"an answer not decoded": {&api.DecodeError{Product: "Jama", StatusCode: http.StatusOK, Err: errors.New("unexpected end of JSON input")}, api.Verdict},
		"no error":              {nil, api.Verdict},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := api.NoVerdictInError(tc.err); got != tc.want {
				t.Errorf("NoVerdictInError(%v) = %q, want %q", tc.err, got, tc.want)
			}
		})
	}
}

func check(name string, ok bool, detail string) api.ConnectionCheck {
	return api.ConnectionCheck{Name: name, Success: ok, Detail: detail}
}

func TestConnectionTest_Classify(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		test         api.ConnectionTest
		wantStatus   string
		wantChecks   []string
		wantMessage  string // a prefix
		wantInDetail string // in the detail of the first check not passed
		notInDetail  string
	}{
		"success": {
			test:        api.ConnectionTest{Success: true, Message: "Connection succeeded", Checks: []api.ConnectionCheck{check("reachability", true, "HTTP 200"), check("authentication", true, "logged in")}},
			wantStatus:  api.StatusPassed,
			wantChecks:  []string{api.StatusPassed, api.StatusPassed},
			wantMessage: "Connection succeeded",
		},
		"401 is a failed authentication": {
			test:        api.ConnectionTest{Message: "authentication failed: HTTP 401: wrong password", Checks: []api.ConnectionCheck{check("reachability", true, "HTTP 200"), check("authentication", false, "HTTP 401: wrong password")}},
			wantStatus:  api.StatusFailed,
			wantChecks:  []string{api.StatusPassed, api.StatusFailed},
			wantMessage: "authentication failed: HTTP 401: wrong password",
		},
		"403 is a failed authentication": {
			test:        api.ConnectionTest{Message: "authentication failed: HTTP 403 Forbidden", Checks: []api.ConnectionCheck{check("reachability", true, "HTTP 200"), check("authentication", false, "HTTP 403 Forbidden")}},
			wantStatus:  api.StatusFailed,
			wantChecks:  []string{api.StatusPassed, api.StatusFailed},
			wantMessage: "authentication failed:",
		},
		"429 is not an authentication failure": {
			test:         api.ConnectionTest{Message: "authentication failed: HTTP 429 Too Many Requests", Checks: []api.ConnectionCheck{check("reachability", true, "HTTP 200"), check("authentication", false, "HTTP 429 Too Many Requests")}},
			wantStatus:   api.StatusInconclusive,
			wantChecks:   []string{api.StatusPassed, api.StatusInconclusive},
			wantMessage:  "authentication inconclusive: HTTP 429 Too Many Requests; inconclusive, not failed",
			wantInDetail: "retry later",
			notInDetail:  "rotate",
		},
		"timeout": {
			test:         api.ConnectionTest{Message: "reachability failed: no HTTP answer: i/o timeout", Checks: []api.ConnectionCheck{check("reachability", false, "no HTTP answer: i/o timeout")}},
			wantStatus:   api.StatusInconclusive,
			wantChecks:   []string{api.StatusInconclusive},
			wantMessage:  "reachability inconclusive:",
			wantInDetail: "did not answer Jama's servers in time",
		},
		"refused": {
			test:         api.ConnectionTest{Message: "reachability failed: connection refused", Checks: []api.ConnectionCheck{check("reachability", false, "dial tcp 127.0.0.1:1: connect: connection refused")}},
			wantStatus:   api.StatusInconclusive,
			wantChecks:   []string{api.StatusInconclusive},
			wantMessage:  "reachability inconclusive:",
			wantInDetail: "could not be reached by Jama's servers",
		},
		"unknown host": {
			test:         api.ConnectionTest{Message: "reachability failed", Checks: []api.ConnectionCheck{check("reachability", false, "dial tcp: lookup jira.invalid: no such host")}},
			wantStatus:   api.StatusInconclusive,
			wantChecks:   []string{api.StatusInconclusive},
			wantInDetail: "check the URL, DNS",
		},
		"a failed check outweighs an inconclusive one": {
			test:       api.ConnectionTest{Message: "permission CREATE_ATTACHMENTS failed: missing", Checks: []api.ConnectionCheck{check("permission BROWSE_PROJECTS", false, "HTTP 503"), check("permission CREATE_ATTACHMENTS", false, "missing")}},
			wantStatus: api.StatusFailed,
			wantChecks: []string{api.StatusInconclusive, api.StatusFailed},
		},
		"a status set by the checker is kept": {
			test:        api.ConnectionTest{Checks: []api.ConnectionCheck{{Name: "url", Status: api.StatusSkipped, Detail: "[jsm_url] cannot be resolved"}}},
			wantStatus:  api.StatusSkipped,
			wantChecks:  []string{api.StatusSkipped},
			wantMessage: "url skipped: [jsm_url] cannot be resolved",
		},
		"a product that says failed without a failed check": {
			test:        api.ConnectionTest{Message: "the product could not run the test", Checks: []api.ConnectionCheck{check("reachability", true, "HTTP 200")}},
			wantStatus:  api.StatusFailed,
			wantChecks:  []string{api.StatusPassed},
			wantMessage: "the product could not run the test",
		},
		"a product that says success beside a failed check": {
			test:        api.ConnectionTest{Success: true, Message: "Connection succeeded", Checks: []api.ConnectionCheck{check("authentication", false, "HTTP 401")}},
			wantStatus:  api.StatusFailed,
			wantChecks:  []string{api.StatusFailed},
			wantMessage: "authentication failed: HTTP 401",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := tc.test.Classify("Jama's servers")
			if got.Status != tc.wantStatus {
				t.Errorf("Status = %q, want %q", got.Status, tc.wantStatus)
			}
			if got.Success != (tc.wantStatus == api.StatusPassed) {
				t.Errorf("Success = %v with Status %q", got.Success, got.Status)
			}
			if !strings.HasPrefix(got.Message, tc.wantMessage) {
				t.Errorf("Message = %q, want it to start %q", got.Message, tc.wantMessage)
			}
			if len(got.Checks) != len(tc.wantChecks) {
				t.Fatalf("%d checks, want %d", len(got.Checks), len(tc.wantChecks))
			}
			var firstOther *api.ConnectionCheck
			for i, c := range got.Checks {
				if c.Status != tc.wantChecks[i] {
					t.Errorf("checks[%d] %s: Status %q, want %q", i, c.Name, c.Status, tc.wantChecks[i])
				}
				if c.Success != (c.Status == api.StatusPassed) {
					t.Errorf("checks[%d]: Success %v with Status %q", i, c.Success, c.Status)
				}
				if firstOther == nil && c.Status != api.StatusPassed {
					firstOther = &got.Checks[i]
				}
			}
			if tc.wantInDetail != "" && (firstOther == nil || !strings.Contains(firstOther.Detail, tc.wantInDetail)) {
				t.Errorf("first check not passed: %+v, want its detail to hold %q", firstOther, tc.wantInDetail)
			}
			if tc.notInDetail != "" && strings.Contains(got.Message, tc.notInDetail) {
				t.Errorf("message %q holds %q", got.Message, tc.notInDetail)
			}
			if tc.test.Checks != nil && &tc.test.Checks[0] == &got.Checks[0] {
				t.Error("Classify changed the test's own checks")
			}
		})
	}
}

func TestNoVerdict_AdviceNeverSaysChangeTheSecret(t *testing.T) {
	t.Parallel()
	for _, n := range []api.NoVerdict{api.RateLimited, api.Unavailable, api.TimedOut, api.Unreachable} {
		for _, advice := range []string{n.TargetAdvice("aqua's servers"), n.RequestAdvice("aqua")} {
			if !strings.HasPrefix(advice, "inconclusive, not failed") {
				t.Errorf("%s: advice %q does not say it is inconclusive", n, advice)
			}
			for _, bad := range []string{"rotate", "wrong password", "check the password", "secret is"} {
				if strings.Contains(advice, bad) {
					t.Errorf("%s: advice %q says %q", n, advice, bad)
				}
			}
		}
	}
	if api.TimedOut.RequestAdvice("Jama") == "" || !strings.Contains(api.TimedOut.RequestAdvice("Jama"), "request_timeout") {
		t.Errorf("a timed-out request does not suggest request_timeout: %q", api.TimedOut.RequestAdvice("Jama"))
	}
	if api.Verdict.TargetAdvice("x") != "" || api.Verdict.RequestAdvice("x") != "" {
		t.Error("a verdict has advice")
	}
}
