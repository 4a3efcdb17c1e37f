package jitterbit

import "net/url"

// Endpoint paths, relative to the base URL (see doc.go).
const (
	// Documented by Jitterbit.
	pathLogin            = "/login"
	pathProject          = "/project"
	pathProjectVariables = "/project-variables"

	// The provider's own contract.
	pathJSMConnections = "/connections/jira-service-management"
)

func pathJSMConnection(id string) string { return pathJSMConnections + "/" + url.PathEscape(id) }

func pathJSMConnectionTest(id string) string { return pathJSMConnection(id) + "/test" }
