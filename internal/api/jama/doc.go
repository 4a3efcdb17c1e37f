// Package jama is the client of the Jama Connect REST API (base
// {url}/rest/v1), as Jama documents it:
//
//   - authentication by HTTP Basic, or by OAuth client credentials:
//     POST {url}/rest/oauth/token with Basic client_id:client_secret and
//     grant_type=client_credentials, then a Bearer token, cached until
//     less than min(60 s, a tenth of expires_in) is left (see package
//     lease) and fetched again once after a 401;
//   - the response envelope {meta, links, linked, data}, errors in
//     meta.message;
//   - paging with startAt and maxResults (at most 50 a page);
//   - users: GET /users/current, GET /users, POST /users, GET and PUT
//     /users/{id}, PUT /users/{id}/active. Jama answers a username in use on
//     POST /users with 400 and "already exists" in meta.message, not 409
//     (AlreadyExistsError). The password is required on POST and not valid
//     on PUT: the REST API cannot change an existing user's password
//     (UserUpdate has none). Only users with a named creator license
//     (NAMED) can use the REST API at all (HasRESTAccess);
//   - the classic JIRA Connector's connections, a contract of the provider's
//     own, on its own routes (see below).
//
// The same envelope and authentication also carry the provider's own
// contracts for products built on Jama (see package interchange), so the
// generic part is exported as REST: Call and List for the product's API,
// ContractCall, ContractList and ContractCreate for a contract's routes.
//
// All paths of this package are in paths.go. Jama rate-limits each
// environment to about 10 requests a second and sends 429 without
// Retry-After; package transport backs off exponentially.
//
// # Classic JIRA Connector
//
// Jama's classic JIRA Connector (Admin > JIRA Connector > Synchronization
// Configuration > Add JIRA Connection) has no public API. This package
// therefore also holds the client of the provider's own contract for it,
// contract.JamaJiraConnector, published as contracts/jama-jira-connector.yaml
// (the single description; read it for every rule). It is served by a
// bridge at the contract URL (the provider's jama.contract_url, default the
// instance URL; WithContractURL), never inside Jama's /rest routes, with
// Jama's authentication (Basic, or the OAuth bearer token fetched from the
// instance's /rest/oauth/token), envelope and paging. Relative to the
// contract URL:
//
//	GET    /almsync/jama-jira-connector/v1/contract                 discovery, without credentials: data {name, version}
//	GET    /almsync/jama-jira-connector/v1/connections?jiraUrl=&startAt=&maxResults=   list
//	POST   /almsync/jama-jira-connector/v1/connections              create: 201, meta.id, meta.location; 409 on a duplicate Jira URL
//	GET    /almsync/jama-jira-connector/v1/connections/{id}         read; jiraPassword is never returned
//	PUT    /almsync/jama-jira-connector/v1/connections/{id}         replace; an omitted jiraPassword keeps the stored one
//	DELETE /almsync/jama-jira-connector/v1/connections/{id}         delete: 204
//	POST   /almsync/jama-jira-connector/v1/connections/{id}/test    "Test Connection": optional body {"trustedCaPem"}; data is the result
//
// The discovery runs once per client before its first contract call
// (CheckJiraConnectorContract); a server that does not serve the contract
// gives a *contract.AbsentError, never api.ErrNotFound, so a missing
// bridge is never read as a deleted connection.
//
// A JiraConnection mirrors the form one field to one JSON key: jiraUrl,
// jiraUsername, jiraPassword (write-only), jamaUser (the username of the
// Jama user running the synchronization), schedule, failureNotificationUser
// (a Jama username; empty for no notification, the default), enabled and
// usePlainText. The schedule is either {"type":"INTERVAL",
// "intervalMinutes":1..525600} ("Simple Scheduling") or {"type":"CRON",
// "cron":"<Quartz expression>"} ("Advanced Scheduling").
//
// The server answers 400, with meta.message naming the JSON field and the
// rule, when: jiraUrl is not an absolute http(s) URL with a host;
// jiraUsername is empty, or not an email address on Jira Cloud
// (*.atlassian.net); jiraPassword is empty on create; jamaUser, or a
// non-empty failureNotificationUser, is not an active Jama user; the
// schedule does not match its type or the cron is not a valid Quartz
// expression. It may store and return the cron in a normalised form (upper
// case names, single spaces), so callers compare crons by meaning rather
// than by text. Updating a connection onto another connection's Jira URL is
// a 409, an unknown id a 404. Request bodies are decoded strictly: an
// unknown JSON key is a 400.
package jama
