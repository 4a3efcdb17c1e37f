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

// projectResult is the data of GET /project. Jitterbit's example answers
// one project object under "projects"; it is kept raw so that a null or
// missing project reads as "not found".
type projectResult struct {
	Projects json.RawMessage `json:"projects"`
}

// projectWire is data.projects of GET /project.
type projectWire struct {
	GUID         string            `json:"guid"`
	Name         string            `json:"name"`
	ProjectID    textOrNumber      `json:"projectId"`
	Description  *string           `json:"description"`
	Environments []environmentWire `json:"environments"`
}

// environmentWire is one entry of a project's environments.
type environmentWire struct {
	EnvID   textOrNumber `json:"envId"`
	EnvName string       `json:"envName"`
}

// project converts the wire form.
func (w projectWire) project() Project {
	p := Project{GUID: w.GUID, Name: w.Name, ProjectID: string(w.ProjectID)}
	if w.Description != nil {
		p.Description = *w.Description
	}
	for _, e := range w.Environments {
		p.Environments = append(p.Environments, Environment{ID: string(e.EnvID), Name: e.EnvName})
	}
	return p
}

// projectVariablesResult is the data of GET /project-variables.
type projectVariablesResult struct {
	ProjectVariableDetail []projectVariableWire `json:"projectVariableDetail"`
}

// projectVariableWire is one entry of data.projectVariableDetail. Value
// and description may be null.
type projectVariableWire struct {
	ProjectVariableID          textOrNumber `json:"projectVariableId"`
	ProjectVariableName        string       `json:"projectVariableName"`
	ProjectVariableValue       *string      `json:"projectVariableValue"`
	ProjectVariableDescription *string      `json:"projectVariableDescription"`
	ProjectVariableHideValue   bool         `json:"projectVariableHideValue"`
}

// variable converts the wire form; a null value or description is "".
func (w projectVariableWire) variable() ProjectVariable {
	v := ProjectVariable{ID: string(w.ProjectVariableID), Name: w.ProjectVariableName, HideValue: w.ProjectVariableHideValue}
	if w.ProjectVariableValue != nil {
		v.Value = *w.ProjectVariableValue
	}
	if w.ProjectVariableDescription != nil {
		v.Description = *w.ProjectVariableDescription
	}
	return v
}

// setProjectVariableRequest is the body of PUT /project-variables.
type setProjectVariableRequest struct {
	ProjectVariableID          textOrNumber `json:"projectVariableId"`
	ProjectVariableValue       string       `json:"projectVariableValue"`
	ProjectVariableDescription string       `json:"projectVariableDescription"`
	ProjectVariableHideValue   bool         `json:"projectVariableHideValue"`
}
