// Package jama is the client of the Jama Connect REST API (base
// {url}/rest/v1), as Jama documents it:
//
//   - authentication by HTTP Basic, or by OAuth client credentials:
//     POST {url}/rest/oauth/token with Basic client_id:client_secret and
//     grant_type=client_credentials, then a Bearer token, cached until shortly
//     before it expires and fetched again after a 401;
//   - the response envelope {meta, links, linked, data}, errors in
//     meta.message;
//   - paging with startAt and maxResults (at most 50 a page);
//   - users: GET /users/current, GET /users, POST /users, GET and PUT
//     /users/{id}, PUT /users/{id}/active.
//
// The same envelope and authentication also carry the provider's own
// contracts for products built on Jama (see package interchange), so the
// generic part is exported as REST.
//
// All paths of this package are in paths.go. Jama rate-limits each
// environment to about 10 requests a second and sends 429 without
// Retry-After; package transport backs off exponentially.
package jama
