package jama

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// Names of the checks CheckREST makes, in order.
const (
	CheckReachability   = "reachability"
	CheckTLS            = "tls"
	CheckOAuthToken     = "oauth token"
	CheckAuthentication = "authentication"
	CheckActive         = "active"
	CheckLicense        = "license"
)

// RESTCheckSucceeded is the message of a check whose every step succeeded.
const RESTCheckSucceeded = "Connection succeeded"

// RESTTarget is a Jama Connect instance and the account an integration
// (such as an Interchange connector) logs in to it with.
type RESTTarget struct {
	// URL is the instance URL, e.g. https://acme.jamacloud.com.
	URL string
	// VerifySSL verifies the instance's certificate (against the system
	// roots and the provider's ca_cert_pem); false skips verification, as a
	// connector saved with verify_ssl = false does.
	VerifySSL bool
	// Creds are the account's credentials: Username and Password for
	// Basic, ClientID and ClientSecret for OAuth client credentials.
	Creds Credentials
}

// CheckREST checks, from this machine and through Jama's public REST API
// only, that target's account can use Jama's REST API, one check at a
// time, stopping at the first failed prerequisite:
//
//	reachability    GET /rest/v1/users/current without credentials gets any HTTP answer
//	tls             https only: the certificate verifies (unless VerifySSL is false)
//	oauth token     OAuth only: POST /rest/oauth/token grants a token to the client credentials
//	authentication  GET /rest/v1/users/current with the credentials answers the user
//	active          the user is active
//	license         the user's licenseType gives REST access (only NAMED does)
//
// The HTTP client is built from cfg (the provider's transport settings:
// extra CA certificates, timeout, retries of rate limits); cfg.Product
// and cfg.InsecureSkipVerify are set here. A failed check is a result
// with Success false; the error is only for a cfg that builds no client.
func CheckREST(ctx context.Context, target RESTTarget, cfg transport.Config) (api.ConnectionTest, error) {
	cfg.Product = "Jama"
	cfg.InsecureSkipVerify = !target.VerifySSL
	tc, err := transport.New(cfg)
	if err != nil {
		return api.ConnectionTest{}, err
	}
	run := restRun{checkedAt: time.Now().UTC().Truncate(time.Second), started: time.Now()}
	defer tc.HTTPClient().CloseIdleConnections()

	rest, err := NewREST("Jama", target.URL, target.Creds, tc)
	if err != nil {
		run.fail(CheckReachability, err.Error())
		return run.result(), nil
	}
	if !run.reach(ctx, tc.HTTPClient(), rest.base, target.VerifySSL) {
		return run.result(), nil
	}
	if target.Creds.OAuth() {
		if _, _, err := rest.tokens.Get(ctx); err != nil {
			run.failOrInconclusive(CheckOAuthToken, describeTokenFailure(err), err)
			return run.result(), nil
		}
		run.pass(CheckOAuthToken, fmt.Sprintf("POST %s granted a token to client %q", pathOAuthToken, target.Creds.ClientID))
	}
	var user User
	if _, err := rest.Call(ctx, "read current user", http.MethodGet, pathUserCurrent, nil, nil, &user); err != nil {
		run.failOrInconclusive(CheckAuthentication, describeAuthFailure(err, target.Creds.OAuth()), err)
		return run.result(), nil
	}
	if user.Username == "" {
		run.fail(CheckAuthentication, fmt.Sprintf("GET %s%s answered without a username: is %s a Jama Connect instance URL?", pathREST, pathUserCurrent, rest.base))
		return run.result(), nil
	}
	run.pass(CheckAuthentication, fmt.Sprintf("logged in as %q (GET %s%s)", user.Username, pathREST, pathUserCurrent))
	if user.Active {
		run.pass(CheckActive, fmt.Sprintf("user %q is active", user.Username))
	} else {
		run.fail(CheckActive, fmt.Sprintf("user %q is deactivated in Jama: activate it (Jama Admin > Users) or give the connector an active account", user.Username))
	}
	if HasRESTAccess(user.LicenseType) {
		run.pass(CheckLicense, fmt.Sprintf("license %s (Named Creator) gives access to Jama's REST API", user.LicenseType))
	} else {
		run.fail(CheckLicense, fmt.Sprintf("user %q has license %s, which gives no access to Jama's REST API: "+
			"REST access needs a Named Creator license (%s); assign one to the user or give the connector an account that has one",
			user.Username, licenseName(user.LicenseType), LicenseNamed))
	}
	return run.result(), nil
}

// licenseName is licenseType for a message, "none" when Jama sent none.
func licenseName(licenseType string) string {
	if licenseType == "" {
		return "none"
	}
	return licenseType
}

// restRun collects the checks of one CheckREST.
type restRun struct {
	checkedAt time.Time
	started   time.Time
	checks    []api.ConnectionCheck
}

func (r *restRun) pass(name, detail string) {
	r.checks = append(r.checks, api.ConnectionCheck{Name: name, Success: true, Detail: detail})
}

func (r *restRun) fail(name, detail string) {
	r.checks = append(r.checks, api.ConnectionCheck{Name: name, Status: api.StatusFailed, Detail: detail})
}

// restChecker is who runs the checks of CheckREST, for advice.
const restChecker = "the machine running Terraform"

// failOrInconclusive records the check whose request failed with err: no
// verdict (rate-limited after the retries, unavailable, timed out,
// unreachable) is inconclusive, with what to do; anything else failed.
func (r *restRun) failOrInconclusive(name, detail string, err error) {
	why := api.NoVerdictInError(err)
	if why == api.Verdict {
		r.fail(name, detail)
		return
	}
	r.checks = append(r.checks, api.ConnectionCheck{Name: name, Status: api.StatusInconclusive, Detail: detail + "; " + why.TargetAdvice(restChecker)})
}

// result is the test, classified (see api.ConnectionTest.Classify):
// passed when every check is, else the message names the first check
// that failed, or reached no verdict, and its detail.
func (r *restRun) result() api.ConnectionTest {
	out := api.ConnectionTest{Success: true, Message: RESTCheckSucceeded, CheckedAt: r.checkedAt,
		DurationMS: time.Since(r.started).Milliseconds(), Checks: append([]api.ConnectionCheck{}, r.checks...)}
	for _, c := range r.checks {
		if !c.Success {
			out.Success = false
			out.Message = fmt.Sprintf("%s failed: %s", c.Name, c.Detail)
			break
		}
	}
	return out.Classify(restChecker)
}

// reach sends one GET of the current user without credentials, without
// retries, and records reachability and, for https, tls. Any HTTP answer
// (Jama answers 401) proves the instance reachable.
func (r *restRun) reach(ctx context.Context, hc *http.Client, base string, verify bool) bool {
	target := base + pathREST + pathUserCurrent
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		r.fail(CheckReachability, err.Error())
		return false
	}
	req.Header.Set("Accept", "application/json")
	host := req.URL.Host
	resp, err := hc.Do(req)
	if err != nil {
		cause := unwrapURL(err)
		if isTLSFailure(cause) {
			r.pass(CheckReachability, "TCP connection to "+host+" established")
			r.fail(CheckTLS, describeTLSFailure(cause))
		} else {
			r.failOrInconclusive(CheckReachability, fmt.Sprintf("no answer from %s: %v", host, cause), cause)
		}
		return false
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	_ = resp.Body.Close()
	r.pass(CheckReachability, fmt.Sprintf("HTTP %d from GET %s%s on %s", resp.StatusCode, pathREST, pathUserCurrent, host))
	if req.URL.Scheme == "https" {
		r.pass(CheckTLS, describeTLSSuccess(resp.TLS, verify))
	}
	return true
}

// unwrapURL drops the *url.Error layer, whose message repeats the URL.
func unwrapURL(err error) error {
	var uerr *url.Error
	if errors.As(err, &uerr) && uerr.Err != nil {
		return uerr.Err
	}
	return err
}

// isTLSFailure reports whether err is a failed TLS handshake (a refused
// certificate, a server that does not speak TLS, a TLS alert) rather than
// a failed TCP connection.
func isTLSFailure(err error) bool {
	var (
		verifyErr   *tls.CertificateVerificationError
		unknownCA   x509.UnknownAuthorityError
		hostErr     x509.HostnameError
		invalidCert x509.CertificateInvalidError
		recordErr   tls.RecordHeaderError
		alert       tls.AlertError
		opErr       *net.OpError
	)
	switch {
	case errors.As(err, &verifyErr), errors.As(err, &unknownCA), errors.As(err, &hostErr),
		errors.As(err, &invalidCert), errors.As(err, &recordErr), errors.As(err, &alert):
		return true
	case errors.As(err, &opErr) && opErr.Op == "remote error":
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "tls: ") || strings.Contains(msg, "TLS handshake") || strings.Contains(msg, plainHTTPAnswer)
}

// plainHTTPAnswer is how net/http reports an http server on an https URL.
const plainHTTPAnswer = "server gave HTTP response to HTTPS client"

// describeTLSFailure is the detail of a failed tls check, with the fix.
func describeTLSFailure(err error) string {
	msg := err.Error()
	var verifyErr *tls.CertificateVerificationError
	if errors.As(err, &verifyErr) && verifyErr.Err != nil {
		msg = verifyErr.Err.Error()
	}
	var unknownCA x509.UnknownAuthorityError
	switch {
	case errors.As(err, &unknownCA):
		return msg + ": if the instance uses a private CA, add it to the provider's ca_cert_pem"
	case strings.Contains(msg, plainHTTPAnswer):
		return "the server answered plain http on an https URL: use the instance's https address, or http:// if it has no TLS"
	}
	return msg + ": check that the URL is the instance's https address and its certificate is valid for it"
}

// describeTLSSuccess is the detail of a tls check that succeeded.
func describeTLSSuccess(state *tls.ConnectionState, verified bool) string {
	if !verified {
		return "certificate not verified: the connector has verify_ssl = false"
	}
	if state == nil {
		return "certificate verified"
	}
	detail := "certificate verified, " + tls.VersionName(state.Version)
	if len(state.PeerCertificates) > 0 {
		leaf := state.PeerCertificates[0]
		detail += fmt.Sprintf(" (subject %q, issuer %q)", leaf.Subject.String(), leaf.Issuer.String())
	}
	return detail
}

// describeTokenFailure is the detail of a refused or failed token request.
func describeTokenFailure(err error) string {
	var apiErr *api.Error
	if errors.As(err, &apiErr) {
		detail := fmt.Sprintf("POST %s answered HTTP %d", pathOAuthToken, apiErr.StatusCode)
		if apiErr.Message != "" {
			detail += ": " + apiErr.Message
		}
		if apiErr.StatusCode == http.StatusUnauthorized || apiErr.StatusCode == http.StatusBadRequest {
			detail += "; check the connector's client_id and that secret is its client secret"
		}
		return detail
	}
	return fmt.Sprintf("POST %s failed: %v", pathOAuthToken, requestCause(err))
}

// describeAuthFailure is the detail of a failed GET of the current user
// with the credentials.
func describeAuthFailure(err error, oauth bool) string {
	what := fmt.Sprintf("GET %s%s", pathREST, pathUserCurrent)
	var apiErr *api.Error
	var decodeErr *api.DecodeError
	switch {
	case errors.As(err, &apiErr):
		detail := fmt.Sprintf("%s answered HTTP %d", what, apiErr.StatusCode)
		if apiErr.Message != "" {
			detail += ": " + apiErr.Message
		}
		switch {
		case apiErr.StatusCode == http.StatusUnauthorized && oauth:
			detail += "; Jama refused the OAuth token of the connector's client"
		case apiErr.StatusCode == http.StatusUnauthorized:
			detail += "; check the connector's username and that secret is its password " +
				"(Basic authentication does not work on Jama instances that use SAML single sign-on: use OAuth there)"
		case apiErr.StatusCode == http.StatusForbidden:
			detail += "; the account may not use Jama's REST API"
		case apiErr.StatusCode == http.StatusNotFound:
			detail += "; check that the connector's url is the Jama Connect instance URL"
		}
		return detail
	case errors.As(err, &decodeErr):
		return fmt.Sprintf("%s answered HTTP %d with something other than Jama's JSON: check that the connector's url is the Jama Connect instance URL",
			what, decodeErr.StatusCode)
	}
	return fmt.Sprintf("%s failed: %v", what, requestCause(err))
}

// requestCause is the cause of a transport failure, without the request's
// description (method, URL) that the detail already gives.
func requestCause(err error) error {
	var reqErr *transport.RequestError
	if errors.As(err, &reqErr) && reqErr.Err != nil {
		return reqErr.Err
	}
	return err
}
