// Package jama emulates Jama Connect's REST API (users, OAuth client
// credentials, the response envelope and paging) and serves the provider's
// own contract for the classic JIRA Connector in the same dialect. Its wire
// shapes (wire.go) are spelled from Jama's published reference, not taken
// from the provider's client, so that the two are independent readings of
// the vendor. Products built on Jama's dialect reuse its Responder, Auth and
// paging.
package jama
