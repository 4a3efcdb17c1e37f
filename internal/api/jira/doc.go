// Package jira is the client of Jira's public REST API, the one Atlassian
// documents for Jira Cloud, Jira Server and Jira Data Center. It reads what
// a connection check needs to know about a Jira site and an account on it;
// it changes nothing.
//
// Every endpoint used is documented by Atlassian (paths relative to the site
// URL, all in paths.go):
//
//	GET /rest/api/2/serverInfo                                  site version and deployment type (anonymous)
//	GET /rest/api/2/myself?expand=groups,applicationRoles       the account the client logs in as
//	GET /rest/api/2/mypermissions?permissions=K1,K2&projectKey=P   whether that account holds permissions
//	GET /rest/api/2/resolution                                  the site's issue resolutions (Server and Data Center)
//	GET /rest/api/2/resolution/search?startAt=&maxResults=      the same, paged (Cloud, where the plain list is deprecated)
//	GET /rest/api/2/project/{projectIdOrKey}                    one project
//	GET /rest/servicedeskapi/info                               Jira Service Management version and licence (anonymous)
//
// # Sites
//
// A site URL is the site's base URL, a context path included
// (https://jira.example.com/jira), or, for Jira Cloud, either the site's
// own URL (https://acme.atlassian.net) or Atlassian's API gateway,
// https://api.atlassian.com/ex/jira/{cloudId}, the only way in for scoped
// and service-account API tokens. IsCloudURL tells Cloud URLs apart; a
// site whose URL does not say is asked its serverInfo (IsCloud), once per
// client, where the answer matters (which resolution list to read).
//
// # Authentication
//
// Requests carry HTTP Basic credentials: on Jira Cloud the account's email
// address and an API token (Cloud refuses other usernames and account
// passwords), on Jira Server and Data Center a username and password. On
// Jira Server and Data Center a personal access token may be used
// instead: it goes as "Authorization: Bearer <token>" (see Credentials).
// Jira Cloud has no personal access tokens; New refuses one for a Cloud URL.
//
// ServerInfo and ServiceDeskInfo read endpoints Jira serves to anonymous
// callers. They are asked without credentials first, so that the site's
// version and deployment type are known even when the credentials are
// wrong, and so that a wrong password does not count as one more failed
// login (Jira Server and Data Center demand a CAPTCHA after a few). Only
// when the site refuses the anonymous request (401 or 403) and the client
// has credentials are they asked again with them.
//
// # Errors
//
// An answer with HTTP status 400 or more is an *api.Error whose Message
// joins Jira's errorMessages and the values of its errors object (each as
// "field: message"); it matches api.ErrUnauthorized, api.ErrNotFound and
// the other sentinels by status. An answer that is not the JSON Jira sends
// (an HTML login page, a proxy's page, a truncated or empty body) is an
// *api.DecodeError naming Jira and the operation. Transport failures are
// the *transport.RequestError of package transport, which also retries 429
// and 503 answers as Jira's Retry-After and X-RateLimit-Reset ask.
package jira
