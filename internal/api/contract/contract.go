// Package contract is what every client of one of the provider's own admin
// contracts shares: the contract's name, version and route prefix, and the
// discovery request that precedes the first contract call of a run, so that
// a server that does not serve the contract is reported as such rather than
// as a missing object.
//
// The contracts themselves are OpenAPI documents in the repository's
// contracts directory; each lies below /almsync/<name>/v<major> of the
// product's contract_url.
package contract

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// Spec names one contract the provider speaks.
type Spec struct {
	// Product names the product in messages, e.g. "Jama".
	Product string
	// Name is the contract's name, e.g. "jama-jira-connector".
	Name string
	// Version is the version the provider implements, e.g. "1.0.0". A
	// server of the same major version is accepted.
	Version string
	// Screen is the product screen the contract stands for, e.g. "the
	// classic JIRA Connector (Admin > JIRA Connector)".
	Screen string
	// Block is the provider block of the product, e.g. "jama".
	Block string
}

// The contracts the provider implements.
var (
	JamaJiraConnector = Spec{Product: "Jama", Name: "jama-jira-connector", Version: "1.0.0",
		Screen: "the classic JIRA Connector's connections (Admin > JIRA Connector)", Block: "jama"}
	InterchangeConnectors = Spec{Product: "Interchange", Name: "interchange-connectors", Version: "1.0.0",
		Screen: "Jama Connect Interchange's connectors", Block: "interchange"}
	JitterbitJSMConnections = Spec{Product: "Jitterbit", Name: "jitterbit-jsm-connections", Version: "1.0.0",
		Screen: "Integration Studio's Jira Service Management connections", Block: "jitterbit"}
	AquaJiraSync = Spec{Product: "aqua", Name: "aqua-jira-sync", Version: "1.0.0",
		Screen: "aqua's Jira Sync definitions and mappings (SyncConfigurator)", Block: "aqua"}
)

// Specs returns every contract the provider implements.
func Specs() []Spec {
	return []Spec{JamaJiraConnector, InterchangeConnectors, JitterbitJSMConnections, AquaJiraSync}
}

// Major is the major version of v, e.g. "1" for "1.0.0".
func Major(v string) string {
	major, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(v), "v"), ".")
	return major
}

// Prefix is the path below contract_url under which every route of the
// contract lies, e.g. "/almsync/jama-jira-connector/v1".
func (s Spec) Prefix() string { return "/almsync/" + s.Name + "/v" + Major(s.Version) }

// DiscoveryPath is the path of the contract's discovery operation.
func (s Spec) DiscoveryPath() string { return s.Prefix() + "/contract" }

// Info is what a contract's discovery operation answers.
type Info struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// AbsentError reports that nothing serves the contract at its URL: the
// discovery request met a 404, an HTML page or an answer of another shape.
// It never matches api.ErrNotFound, so that no caller takes it for a
// missing object.
type AbsentError struct {
	Spec Spec
	// URL is the discovery URL that was asked.
	URL string
	// Reason says what answered, e.g. "HTTP 404 Not Found".
	Reason string
}

// Summary is a one-line title for a diagnostic.
func (e *AbsentError) Summary() string {
	return fmt.Sprintf("No %s contract served at %s.contract_url", e.Spec.Product, e.Spec.Block)
}

func (e *AbsentError) Error() string {
	return fmt.Sprintf("%s: nothing serves the almsync contract %q at %s (%s). "+
		"%s has no public API for %s, so the provider manages them through its own published contract %q, version %s, "+
		"which no %s instance serves by itself: it needs a bridge that implements the contract. "+
		"Run such a bridge and set `%s.contract_url` (or %s_CONTRACT_URL) to its URL; "+
		"the provider's documentation (guide \"How the provider reaches each product\") describes the contract and its conformance check. "+
		"Nothing was read as deleted and nothing will be re-created.",
		e.Spec.Product, e.Spec.Name, e.URL, e.Reason,
		e.Spec.Product, e.Spec.Screen, e.Spec.Name, e.Spec.Version,
		e.Spec.Product, e.Spec.Block, strings.ToUpper(e.Spec.Block))
}

// VersionError reports a server of the contract at a version the provider
// does not implement.
type VersionError struct {
	Spec   Spec
	URL    string
	Served string
}

// Summary is a one-line title for a diagnostic.
func (e *VersionError) Summary() string {
	return fmt.Sprintf("Unsupported version of the %s contract", e.Spec.Name)
}

func (e *VersionError) Error() string {
	return fmt.Sprintf("%s: the server at %s serves the almsync contract %q version %s, but this provider implements version %s "+
		"(any %s.x is accepted). Upgrade the bridge or the provider so that both speak version %s.x.",
		e.Spec.Product, e.URL, e.Spec.Name, e.Served, e.Spec.Version, Major(e.Spec.Version), Major(e.Spec.Version))
}

// Probe sends the discovery request and decodes its answer. A product's
// client answers the product's own errors: *api.Error for a status,
// *api.DecodeError for a body it cannot read.
type Probe func(ctx context.Context) (Info, error)

// Discovery runs the discovery request once per client: the first contract
// call waits for it, later calls reuse its outcome. A definite answer (the
// contract, another version, or nothing served) is kept; a failure that may
// pass (a timeout, a 5xx after the retries, refused credentials) is
// returned and asked again on the next call. It is safe for concurrent use.
type Discovery struct {
	spec  Spec
	url   string
	probe Probe

	mu   sync.Mutex
	done bool
	err  error
}

// NewDiscovery returns the discovery of spec at url (the full discovery
// URL, for messages), asked with probe.
func NewDiscovery(spec Spec, url string, probe Probe) *Discovery {
	return &Discovery{spec: spec, url: url, probe: probe}
}

// Ensure returns nil once the contract is known to be served, else why not.
func (d *Discovery) Ensure(ctx context.Context) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.done {
		return d.err
	}
	info, err := d.probe(ctx)
	if err != nil {
		reason, absent := notServed(err)
		if !absent {
			return err
		}
		d.done, d.err = true, &AbsentError{Spec: d.spec, URL: d.url, Reason: reason}
		return d.err
	}
	d.done, d.err = true, d.check(info)
	return d.err
}

func (d *Discovery) check(info Info) error {
	switch {
	case info.Name == "" || info.Version == "":
		return &AbsentError{Spec: d.spec, URL: d.url, Reason: "the answer is JSON but not the contract's discovery document {name, version}"}
	case info.Name != d.spec.Name:
		return &AbsentError{Spec: d.spec, URL: d.url, Reason: fmt.Sprintf("the server names another contract, %q", info.Name)}
	case Major(info.Version) != Major(d.spec.Version):
		return &VersionError{Spec: d.spec, URL: d.url, Served: info.Version}
	}
	return nil
}

// notServed reports whether err says that nothing serves the contract
// here, and what answered.
func notServed(err error) (string, bool) {
	var ae *api.Error
	if errors.As(err, &ae) {
		switch ae.StatusCode {
		case http.StatusNotFound, http.StatusMethodNotAllowed, http.StatusGone, http.StatusNotImplemented, http.StatusNotAcceptable:
			return fmt.Sprintf("HTTP %d %s", ae.StatusCode, http.StatusText(ae.StatusCode)), true
		}
		return "", false
	}
	var de *api.DecodeError
	if errors.As(err, &de) {
		what := "an answer that is not the contract's JSON"
		if strings.Contains(strings.ToLower(de.ContentType), "html") || strings.HasPrefix(strings.TrimSpace(strings.ToLower(de.Excerpt)), "<") {
			what = "an HTML page"
		}
		return fmt.Sprintf("HTTP %d with %s", de.StatusCode, what), true
	}
	return "", false
}

// IsAbsent reports whether err says that the contract is not served or is
// served at an unsupported version.
func IsAbsent(err error) bool {
	var absent *AbsentError
	var version *VersionError
	return errors.As(err, &absent) || errors.As(err, &version)
}
