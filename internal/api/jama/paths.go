package jama

import "fmt"

// Endpoint paths of the Jama Connect REST API, relative to the instance URL.
const (
	pathREST        = "/rest/v1"
	pathOAuthToken  = "/rest/oauth/token"
	pathUsers       = "/users"
	pathUserCurrent = "/users/current"

	// pathJiraConnections is the provider's own contract for the classic
	// JIRA Connector (see doc.go); Jama publishes no API for it.
	pathJiraConnections = "/jiraconnector/connections"
)

func pathUser(id int64) string { return fmt.Sprintf("/users/%d", id) }

func pathUserActive(id int64) string { return fmt.Sprintf("/users/%d/active", id) }

func pathJiraConnection(id int64) string { return fmt.Sprintf("/jiraconnector/connections/%d", id) }

func pathJiraConnectionTest(id int64) string { return pathJiraConnection(id) + "/test" }
