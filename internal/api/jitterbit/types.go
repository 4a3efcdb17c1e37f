package jitterbit

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Wire types of Harmony's answers, as Jitterbit's "Harmony API Reference"
// spells them. The envelope itself is rawEnvelope (decode.go).

// textOrNumber is a member Jitterbit writes as a string in its examples
// and as an integer in its parameter tables (ids, error codes): either is
// accepted and kept as text; it is always sent as a string.
type textOrNumber string

// UnmarshalJSON accepts a JSON string or number; null leaves the value
// unchanged.
func (t *textOrNumber) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = textOrNumber(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("want a string or a number, got %s", b)
	}
	*t = textOrNumber(n.String())
	return nil
}

// errorInfo is the error member of a failed answer. ErrorID identifies the
// failure in Jitterbit's own records; Jitterbit support asks for it.
type errorInfo struct {
	ErrorMessage string       `json:"errorMessage"`
	ErrorCode    textOrNumber `json:"errorCode,omitempty"`
	ErrorID      string       `json:"errorId,omitempty"`
}

// loginResult is the data of a successful login (POST /login).
type loginResult struct {
	// AuthenticationToken goes in the authToken header of later requests.
	AuthenticationToken string `json:"authenticationToken"`
	// ServerURL is the Harmony portal of the user's region, e.g.
	// https://na-east.jitterbit.com.
	ServerURL string `json:"serverUrl,omitempty"`
	// CloudAppsURL is the Harmony cloud apps of that region, e.g.
	// https://apps.na-east.jitterbit.com.
	CloudAppsURL string `json:"cloudAppsUrl,omitempty"`
	// OrgAttrs are the organizations the user belongs to.
	OrgAttrs []organization `json:"orgAttrs"`
	// DefaultOrgID is the organization used when none is configured.
	DefaultOrgID textOrNumber `json:"defaultOrgId"`
	// SessionTimeoutInSeconds is how long the token is valid, e.g. 14400;
	// 0 when Harmony does not say.
	SessionTimeoutInSeconds int64 `json:"sessionTimeoutInSeconds,omitempty"`
}

// organization is one Harmony organization the user belongs to, an entry of
// the login's orgAttrs.
type organization struct {
	OrgID   textOrNumber `json:"orgId"`
	OrgName string       `json:"orgName"`
	// OrgZoneURL is the Harmony portal of the organization's region.
	OrgZoneURL string `json:"orgZoneUrl,omitempty"`
}

// listPage is one page of a list of the provider's contract. Page numbers
// start at 1; Total counts every item that matched.
type listPage[T any] struct {
	Items    []T `json:"items"`
	Page     int `json:"page"`
	PageSize int `json:"pageSize"`
	Total    int `json:"total"`
}
