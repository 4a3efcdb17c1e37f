package jitterbit

// Wire types of Harmony's answers. The sandbox serves the same shapes.

// Envelope is the body of every Harmony answer: Success says whether the
// call succeeded, Data holds its result and Error the reason it failed.
type Envelope[T any] struct {
	Success bool       `json:"success"`
	Data    T          `json:"data,omitempty"`
	Error   *ErrorInfo `json:"error,omitempty"`
}

// ErrorInfo is the error member of a failed answer.
type ErrorInfo struct {
	ErrorMessage string `json:"errorMessage"`
	ErrorCode    string `json:"errorCode,omitempty"`
}

// LoginResult is the data of a successful login.
type LoginResult struct {
	AuthenticationToken string         `json:"authenticationToken"`
	DefaultOrgID        string         `json:"defaultOrgId"`
	Orgs                []Organization `json:"orgs"`
}

// Organization is one Harmony organization the user belongs to.
type Organization struct {
	OrgID   string `json:"orgId"`
	OrgName string `json:"orgName"`
}

// Project is an Integration Studio project of the organization.
type Project struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Page is one page of a list of the provider's contract. Page numbers
// start at 1; Total counts every item that matched.
type Page[T any] struct {
	Items    []T `json:"items"`
	Page     int `json:"page"`
	PageSize int `json:"pageSize"`
	Total    int `json:"total"`
}
