// Package interchange is the client of Jama Connect Interchange connectors.
//
// Interchange manages connectors only in its web UI ("Connectors > Add
// Connector"); it publishes no API for them. This package is therefore the
// client of the provider's own contract, contract.InterchangeConnectors,
// published as contracts/interchange-connectors.yaml (the single
// description; read it for every rule). A bridge serves it at the contract
// URL (the provider's interchange.contract_url, default the Interchange
// URL; jama.WithContractURL), with Jama's REST conventions (package jama):
// the same authentication (Basic, or OAuth client credentials at
// POST {url}/rest/oauth/token of the Interchange URL), the same envelope,
// the same paging. Relative to the contract URL:
//
//	GET    /almsync/interchange-connectors/v1/contract          discovery, without credentials: data {name, version}
//	GET    /almsync/interchange-connectors/v1/connectors?name=&startAt=&maxResults=   list (name: exact, case-insensitive)
//	POST   /almsync/interchange-connectors/v1/connectors        create; 201, new id in meta.id; 409 on a duplicate name
//	GET    /almsync/interchange-connectors/v1/connectors/{id}   read; password and clientSecret are never returned
//	PUT    /almsync/interchange-connectors/v1/connectors/{id}   replace; an omitted secret keeps the stored one
//	DELETE /almsync/interchange-connectors/v1/connectors/{id}   delete; 204
//	POST   /almsync/interchange-connectors/v1/connectors/{id}/test   "Test connection": optional body {"trustedCaPem"}; data is the result
//
// The discovery runs once per client before its first contract call
// (CheckContract); a server that does not serve the contract gives a
// *contract.AbsentError, never api.ErrNotFound.
//
// A connector mirrors the "Add New Connector" form one field to one JSON
// key: application (JAMA_CONNECT), name, url, verifySsl, authType (basic or
// oauth), username and password (basic), clientId and clientSecret (oauth).
package interchange
