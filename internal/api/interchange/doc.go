// Package interchange is the client of Jama Connect Interchange connectors.
//
// Interchange manages connectors only in its web UI ("Connectors > Add
// Connector"); it publishes no API for them. This package is therefore the
// provider's own contract, kept in this one place so that it is easy to
// retarget. It follows Jama's REST conventions (package jama): the same
// authentication (Basic, or OAuth client credentials at
// POST {url}/rest/oauth/token), the same envelope, the same paging.
//
// The contract, relative to the Interchange URL:
//
//	GET    /rest/v1/connectors?name=&startAt=&maxResults=   list (name: exact, case-insensitive)
//	POST   /rest/v1/connectors                              create; 201, new id in meta.id; 409 on a duplicate name
//	GET    /rest/v1/connectors/{id}                         read; password and clientSecret are never returned
//	PUT    /rest/v1/connectors/{id}                         replace; an omitted secret keeps the stored one
//	DELETE /rest/v1/connectors/{id}                         delete; 204
//	POST   /rest/v1/connectors/{id}/test                    "Test connection": optional body {"trustedCaPem"}; data is the result (api.ConnectionTest), a failed test too
//
// A connector mirrors the "Add New Connector" form one field to one JSON
// key: application (JAMA_CONNECT), name, url, verifySsl, authType (basic or
// oauth), username and password (basic), clientId and clientSecret (oauth).
package interchange
