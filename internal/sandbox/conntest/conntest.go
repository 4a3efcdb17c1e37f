// Package conntest is the "Test connection" of the emulated products:
// like the real ones, they connect to the target of a stored connection (a
// Jira site, or for Interchange a Jama Connect instance) with the stored
// credentials and report what they found, one check at a time. Every
// result comes from a real connection attempt.
//
// The checks, in order, stopping at the first failed prerequisite:
//
//	reachability          the target gives any HTTP answer (or, for https, a TCP connection is made)
//	tls                   https only: the certificate verifies against the system roots and the request's trusted CAs
//	authentication        the stored credentials log in
//	username              Jira Cloud only: the username is an email address
//	permission <KEY>      Jira only: each required permission, all listed
//
// A check whose request the target answered 429, 502, 503 or 504 decided
// nothing: it fails with a detail saying it was not checked and why, and
// the message reads "<check> not checked: ...", never a failed login.
//
// The package reads the targets' answers in its own spelling of the
// vendors' documented JSON (wire.go) and imports nothing of the provider's
// clients. The files conntest_*.go hold the pieces: the HTTP probe that
// tells reachability and TLS apart, the Jira and Jama checks, the
// credentials and the optional request body.
package conntest

import (
	"crypto/x509"
	"fmt"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// Names of the checks.
const (
	CheckReachability   = "reachability"
	CheckTLS            = "tls"
	CheckAuthentication = "authentication"
	CheckUsername       = "username"
	CheckPermissions    = "permissions"
	CheckPermission     = "permission " // followed by the permission key
)

// Succeeded is the message of a test whose checks all succeeded.
const Succeeded = "Connection succeeded"

// Result is the answer of a connection test, in the JSON the Jama-style
// and Harmony-style contracts use (camelCase); a product with another
// spelling (aqua's PascalCase) converts it. A failed test is a Result like
// any other, with Success false.
type Result struct {
	// Success is true when every check succeeded.
	Success bool `json:"success"`
	// Message is Succeeded, or the first failed check and why.
	Message string `json:"message"`
	// CheckedAt is when the test started, by the product's clock, to the
	// second.
	CheckedAt time.Time `json:"checkedAt"`
	// DurationMS is how long the test took, in milliseconds.
	DurationMS int64 `json:"durationMs"`
	// Checks are the checks made, in order; never null.
	Checks []Check `json:"checks"`
}

// Check is one check of a connection test.
type Check struct {
	Name    string `json:"name"`
	Success bool   `json:"success"`
	// Detail says what was found: a dial or certificate error, the HTTP
	// status and the target's message, or "granted" / "missing" for a
	// permission.
	Detail string `json:"detail"`
}

// Tester runs the tests of one request: it knows the product's clock and
// the CA certificates the request asked to trust.
type Tester struct {
	now   func() time.Time
	roots *x509.CertPool // nil: the system roots alone
}

// NewTester returns a tester trusting the system roots and the
// certificates of trustedPEM. A trustedPEM that is not blank but holds no
// valid certificate is a 400 naming field, the request's member that held
// it.
func NewTester(now func() time.Time, field, trustedPEM string) (Tester, error) {
	roots, err := connTestRoots(trustedPEM)
	if err != nil {
		return Tester{}, kernel.NewAPIError(http.StatusBadRequest, "%s: %v", field, err)
	}
	return Tester{now: now, roots: roots}, nil
}

// connTestRun collects the checks of one test as they are made.
type connTestRun struct {
	checkedAt time.Time // the product clock at the start
	started   time.Time // the wall clock at the start, for the duration
	checks    []Check
	// undecided holds the indexes of failed checks that the target's
	// answer left undecided (see notChecked).
	undecided map[int]bool
}

// start begins a test run.
func (t Tester) start() *connTestRun {
	return &connTestRun{checkedAt: t.now().UTC().Truncate(time.Second), started: time.Now()}
}

// pass records a check that succeeded.
func (r *connTestRun) pass(name, detail string) {
	r.checks = append(r.checks, Check{Name: name, Success: true, Detail: detail})
}

// fail records a check that failed.
func (r *connTestRun) fail(name, detail string) {
	r.checks = append(r.checks, Check{Name: name, Detail: detail})
}

// result ends the run: success when every check succeeded, the message
// naming the first failure otherwise.
func (r *connTestRun) result() Result {
	out := Result{
		Success:    true,
		Message:    Succeeded,
		CheckedAt:  r.checkedAt,
		DurationMS: time.Since(r.started).Milliseconds(),
		Checks:     append([]Check{}, r.checks...),
	}
	for i, c := range r.checks {
		if !c.Success {
			verb := "failed"
			if r.undecided[i] {
				verb = "not checked"
			}
			out.Success = false
			out.Message = fmt.Sprintf("%s %s: %s", c.Name, verb, c.Detail)
			break
		}
	}
	return out
}

// excerptLength bounds the part of an unexpected answer quoted in a
// check's detail.
const excerptLength = 120

// excerpt is the start of body for a detail: at most excerptLength bytes,
// cut at a character boundary, "…" when cut.
func excerpt(body []byte) string {
	s := string(body)
	if len(s) <= excerptLength {
		return s
	}
	cut := excerptLength
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
