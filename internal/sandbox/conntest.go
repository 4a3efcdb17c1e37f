package sandbox

import (
	"crypto/x509"
	"fmt"
	"net/http"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// Every product page ends with "Test connection". The products emulated
// here answer it as the real ones do: they connect to the target of the
// stored connection (a Jira site, or for Interchange a Jama Connect
// instance) with the stored credentials and report what they found, one
// check at a time. Every result comes from a real connection attempt.
//
// The checks, in order, stopping at the first failed prerequisite:
//
//	reachability          the target gives any HTTP answer (or, for https, a TCP connection is made)
//	tls                   https only: the certificate verifies against the system roots and the request's trusted CAs
//	authentication        the stored credentials log in
//	username              Jira Cloud only: the username is an email address
//	permission <KEY>      Jira only: each required permission, all listed
//
// The files conntest_*.go hold the pieces: the HTTP probe that tells
// reachability and TLS apart, the Jira and Jama checks, and each product's
// route.

// Names of the checks.
const (
	checkReachability   = "reachability"
	checkTLS            = "tls"
	checkAuthentication = "authentication"
	checkUsername       = "username"
	checkPermissions    = "permissions"
	checkPermission     = "permission " // followed by the permission key
)

// connTestSucceeded is the message of a test whose checks all succeeded.
const connTestSucceeded = "Connection succeeded"

// connTester runs the tests of one request: it knows the product's clock
// and the CA certificates the request asked to trust.
type connTester struct {
	now   func() time.Time
	roots *x509.CertPool // nil: the system roots alone
}

// newConnTester returns a tester trusting the system roots and the
// certificates of trustedPEM. A trustedPEM that is not blank but holds no
// valid certificate is a 400 naming field.
func newConnTester(now func() time.Time, field, trustedPEM string) (connTester, error) {
	roots, err := connTestRoots(trustedPEM)
	if err != nil {
		return connTester{}, newAPIError(http.StatusBadRequest, "%s: %v", field, err)
	}
	return connTester{now: now, roots: roots}, nil
}

// connTestRun collects the checks of one test as they are made.
type connTestRun struct {
	checkedAt time.Time // the product clock at the start
	started   time.Time // the wall clock at the start, for the duration
	checks    []api.ConnectionCheck
}

// start begins a test run.
func (t connTester) start() *connTestRun {
	return &connTestRun{checkedAt: t.now().UTC().Truncate(time.Second), started: time.Now()}
}

// pass records a check that succeeded.
func (r *connTestRun) pass(name, detail string) {
	r.checks = append(r.checks, api.ConnectionCheck{Name: name, Success: true, Detail: detail})
}

// fail records a check that failed.
func (r *connTestRun) fail(name, detail string) {
	r.checks = append(r.checks, api.ConnectionCheck{Name: name, Detail: detail})
}

// result ends the run: success when every check succeeded, the message
// naming the first failure otherwise.
func (r *connTestRun) result() api.ConnectionTest {
	out := api.ConnectionTest{
		Success:    true,
		Message:    connTestSucceeded,
		CheckedAt:  r.checkedAt,
		DurationMS: time.Since(r.started).Milliseconds(),
		Checks:     append([]api.ConnectionCheck{}, r.checks...),
	}
	for _, c := range r.checks {
		if !c.Success {
			out.Success = false
			out.Message = fmt.Sprintf("%s failed: %s", c.Name, c.Detail)
			break
		}
	}
	return out
}
