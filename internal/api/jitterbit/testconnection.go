package jitterbit

import (
	"context"
	"net/http"
	"regexp"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// TestJSMConnection runs the connection's "Test": Harmony connects to the
// connection's Jira Service Management site with the connection's auth
// scheme and credentials and reports each check. trustedCAPEM, when not
// empty, holds extra CA certificates (PEM) Harmony trusts for this test. A
// failed test is a result with Success false, not an error; an unknown id
// matches api.ErrNotFound. A failed check that says it met a Jitterbit
// variable reference (in a secret, which the provider cannot read to
// find it first) is skipped, not failed: only an agent running an
// operation resolves it.
func (c *Client) TestJSMConnection(ctx context.Context, id string, trustedCAPEM string) (api.ConnectionTest, error) {
	const op = "test JSM connection"
	if err := requireID(op, id); err != nil {
		return api.ConnectionTest{}, err
	}
	var result api.ConnectionTest
	body := api.ConnectionTestRequest{TrustedCAPEM: trustedCAPEM}
	err := c.contractCall(ctx, op, http.MethodPost, pathJSMConnectionTest(id), nil, body, &result)
	for i, check := range result.Checks {
		if !check.Success && mentionsVariableReference(check.Detail) {
			result.Checks[i].Status = api.StatusSkipped
			result.Checks[i].Detail = strings.TrimRight(check.Detail, ".; ") + "; " + skippedReferenceAdvice
		}
	}
	return result, err
}

// skippedReferenceAdvice ends the detail of a check skipped for a
// variable reference.
const skippedReferenceAdvice = "skipped, not failed: Harmony resolves a project variable only when an agent runs an operation, " +
	"with that environment's value, so the value is tested per environment (set it with almsync_jitterbit_project_variable), not by this test"

// bracketed finds the bracketed words of a detail, candidates for a
// Jitterbit variable reference.
var bracketed = regexp.MustCompile(`\[[^\[\]\s]+\]`)

// mentionsVariableReference reports whether detail says it met a Jitterbit
// variable reference: it names a "variable" and holds one, e.g. "the
// credentials hold the Jitterbit variable reference [jsm_token]".
func mentionsVariableReference(detail string) bool {
	if !strings.Contains(strings.ToLower(detail), "variable") {
		return false
	}
	for _, m := range bracketed.FindAllString(detail, -1) {
		if IsVariableReference(m) {
			return true
		}
	}
	return false
}

// FieldReference is a field of a JSM connection whose value is a Jitterbit
// variable reference.
type FieldReference struct {
	// Field is the connection's JSON member, e.g. "url".
	Field string
	// Reference is the value, e.g. "[jsm_url]".
	Reference string
}

// TestedReferences returns the fields a test of conn connects or logs in
// with, among those the API returns (secrets are never returned), whose
// value is a Jitterbit variable reference: url and user. Such a connection
// cannot be tested outside an agent running an operation, which resolves
// the project variables of its environment.
func TestedReferences(conn JSMConnection) []FieldReference {
	var refs []FieldReference
	for _, f := range []FieldReference{{"url", conn.URL}, {"user", conn.User}} {
		if IsVariableReference(f.Reference) {
			refs = append(refs, f)
		}
	}
	return refs
}
