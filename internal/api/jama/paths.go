package jama

import "fmt"

// Endpoint paths of the Jama Connect REST API, relative to the instance URL.
const (
	pathREST        = "/rest/v1"
	pathOAuthToken  = "/rest/oauth/token"
	pathUsers       = "/users"
	pathUserCurrent = "/users/current"
)

func pathUser(id int64) string { return fmt.Sprintf("/users/%d", id) }

func pathUserActive(id int64) string { return fmt.Sprintf("/users/%d/active", id) }

// Routes of the provider's JIRA Connector contract (contract.JamaJiraConnector,
// contracts/jama-jira-connector.yaml), relative to the contract's prefix
// /almsync/jama-jira-connector/v1 below contract_url; Jama publishes no API
// for the connector.
const routeJiraConnections = "/connections"

func routeJiraConnection(id int64) string { return fmt.Sprintf("%s/%d", routeJiraConnections, id) }

func routeJiraConnectionTest(id int64) string { return routeJiraConnection(id) + "/test" }
