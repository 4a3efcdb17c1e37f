package api

import "time"

// ConnectionTest is a product's answer to its own "Test connection": the
// product connected to the target of a stored connection with the stored
// credentials and reports each check it made, in order. A failed test is
// an answer like any other (Success false), not an error.
//
// The JSON tags are the wire form of the contracts in Jama's and Harmony's
// style (camelCase); aqua's PascalCase form lives in package aqua.
type ConnectionTest struct {
	// Success is true when every check in Checks succeeded. After
	// Classify it is true only when Status is StatusPassed.
	Success bool `json:"success"`
	// Status is the verdict (StatusPassed, StatusFailed, StatusInconclusive
	// or StatusSkipped), set by Classify; the contracts' wire form has no
	// such member.
	Status string `json:"-"`
	// Message summarises the outcome: "Connection succeeded", or the first
	// failed check and why.
	Message string `json:"message"`
	// CheckedAt is when the product ran the test.
	CheckedAt time.Time `json:"checkedAt"`
	// DurationMS is how long the test took, in milliseconds.
	DurationMS int64 `json:"durationMs"`
	// Checks are the checks made, in order. The product stops at the first
	// failed prerequisite (reachability, TLS, authentication), so the
	// checks after it are not listed.
	Checks []ConnectionCheck `json:"checks"`
}

// ConnectionCheck is one check of a connection test, e.g. "reachability",
// "tls", "authentication", "username" or "permission CREATE_ISSUES".
type ConnectionCheck struct {
	Name    string `json:"name"`
	Success bool   `json:"success"`
	// Status is the check's verdict, set by whoever knows it (a check the
	// provider ran itself) or else by ConnectionTest.Classify from Success
	// and Detail.
	Status string `json:"-"`
	// Detail says what was found: a dial or certificate error, the HTTP
	// status and the target's message, or "granted" / "missing" for a
	// permission.
	Detail string `json:"detail"`
}

// Check returns the check called name, if the test made it.
func (t ConnectionTest) Check(name string) (ConnectionCheck, bool) {
	for _, c := range t.Checks {
		if c.Name == name {
			return c, true
		}
	}
	return ConnectionCheck{}, false
}

// ConnectionTestRequest is the optional body of a test request in Jama's
// and Harmony's style. TrustedCAPEM holds extra CA certificates (PEM) the
// product trusts for this test, in addition to the system roots.
type ConnectionTestRequest struct {
	TrustedCAPEM string `json:"trustedCaPem,omitempty"`
}
