// Package jitterbit is the client of Jitterbit Harmony for the almsync
// provider. Its base URL is the provider's jitterbit.url, the Harmony API of
// one region, e.g. https://harmony-api.<region>.jitterbit.com/<stage>, where
// region is na-east, emea-west or apac-southeast and the last segment is an
// API stage (dev, qa or api, as Jitterbit's server list names them), not a
// Harmony environment: environments are chosen per call by their ID.
//
// # What Jitterbit documents
//
// Login and the answer format are Harmony's own, as Jitterbit's "Harmony
// API Reference" documents them:
//
//   - POST {base}/login with the request headers username and password and
//     no body answers {"success": true, "uri", "data":
//     {"authenticationToken", "serverUrl", "cloudAppsUrl", "orgAttrs":
//     [{"orgId", "orgName", "orgZoneUrl"}], "defaultOrgId",
//     "sessionTimeoutInSeconds"}}. A refused login may arrive as HTTP 200
//     with "success": false; the client reports it as a 401 (*api.Error
//     matching api.ErrUnauthorized) carrying Harmony's errorMessage.
//   - Every later request sends the headers authToken (the token of the
//     login) and organizationId (Credentials.OrganizationID, else the
//     login's defaultOrgId). The token is cached and reused until a
//     margin before sessionTimeoutInSeconds end, counted from when the
//     login was sent: a tenth of the timeout, at most one minute (see
//     package lease); the next call then logs in first, one login for
//     every caller waiting. When Harmony refuses the
//     token earlier (HTTP 401, or "success": false with an authentication
//     error code), the client logs in again once and repeats the request.
//   - Jitterbit's reference says the credentials of the login "must be
//     associated with Harmony account credentials and not an organization
//     using Harmony SSO". It documents no answer for such a refusal: when
//     a refused login's errorMessage or errorCode speaks of SSO (or
//     SAML, single sign-on), or of two-factor authentication (2FA, TFA,
//     MFA, "two-factor"), the error also matches ErrSSOLogin or
//     ErrTwoFactorLogin and its message says to use a Harmony account
//     without SSO or two-factor authentication.
//   - GET {base}/project with the header organizationId and the required
//     query parameters environmentId and projectGuid answers data
//     {"projects": {"guid", "name", "projectId" (a number), "description"
//     (may be null), "environments": [{"envId", "envName", ...}], ...}}
//     (GetProject). A refusal, or an answer without a project, for a
//     project unknown in that environment matches api.ErrNotFound: the
//     reference shows no such answer.
//   - PUT {base}/project with the body {"projectGuid"} deploys the
//     project and answers the envelope without data (DeployProject). The
//     reference's deploy names no environment and lists no organizationId
//     (the client sends the session's anyway).
//   - GET {base}/project-variables?environmentId=&projectGuid= answers
//     data {"projectVariableDetail": [{"projectVariableId",
//     "projectVariableName", "projectVariableValue" (may be null),
//     "projectVariableLabel", "projectVariableDescription",
//     "projectVariableHideValue", ...}]} (ListProjectVariables). Names are
//     case-sensitive, as Jitterbit variable names are.
//   - PUT {base}/project-variables with the body {"projectVariableId"
//     (required), "projectVariableValue", "projectVariableDescription",
//     "projectVariableHideValue"} sets an existing variable and answers no
//     data (SetProjectVariable); the API cannot create a variable. Of a
//     hidden variable the reference says only that "The value will be kept
//     secure and hidden from user interfaces" and shows no value answered
//     for one, so HiddenValueMask is "": a hidden variable's value reads
//     as null, that is "".
//   - Every answer is the envelope {"success", "uri", "data", "error":
//     {"errorMessage", "errorCode", "errorId"}}. An HTTP status of 400 or
//     more becomes an *api.Error with that status; "success": false with a
//     2xx status becomes an *api.Error whose status comes from the
//     errorCode when it names one (by number, "404", or by name,
//     "NOT_FOUND"; codes about tokens, credentials or authentication mean
//     401) and is otherwise the HTTP status itself. The error's message is
//     the errorMessage followed by the errorId, which Jitterbit support
//     asks for. Answers that are not such an envelope are an
//     *api.DecodeError naming Jitterbit and the operation.
//
// # The provider's own contract: connections
//
// Jitterbit manages connections only in the Integration Studio UI; Harmony
// has no API for them. This package therefore also speaks the provider's
// own contract for the Jira Service Management connection,
// contracts/jitterbit-jsm-connections.yaml, in Harmony's style (same login,
// headers and envelope). No Harmony region serves it: a bridge does, at the
// contract URL (WithContractURL, the provider's jitterbit.contract_url),
// which defaults to the base URL. A JSMConnection mirrors the connection
// screen one field to one JSON key. Relative to the contract URL:
//
//	GET    /almsync/jitterbit-jsm-connections/v1/contract                 discovery, without credentials: data {"name": "jitterbit-jsm-connections", "version"}
//	GET    /almsync/jitterbit-jsm-connections/v1/connections?environmentId=&projectGuid=&name=&page=&pageSize=   list (environmentId and projectGuid required; name: exact, case-insensitive); data {"items", "page", "pageSize", "total"}, pages start at 1
//	POST   /almsync/jitterbit-jsm-connections/v1/connections              create: 201, data is the connection with its id; 409 when the name is taken in that project and environment
//	GET    /almsync/jitterbit-jsm-connections/v1/connections/{id}         read; secrets are never returned
//	PUT    /almsync/jitterbit-jsm-connections/v1/connections/{id}         replace: 200, data is the connection; an omitted (empty) secret keeps the stored one
//	DELETE /almsync/jitterbit-jsm-connections/v1/connections/{id}         delete: 204
//	POST   /almsync/jitterbit-jsm-connections/v1/connections/{id}/test    "Test": optional body {"trustedCaPem"}; data is the result (api.ConnectionTest), a failed test too
//
// The first contract call of a client is preceded by the discovery
// request (CheckContract), sent once and without credentials: a 404, an
// HTML page or an answer of another shape (a 401 or 403 too, since the
// discovery takes no credentials) is a *contract.AbsentError, another
// major version a *contract.VersionError, before any login. The other
// contract calls send the authToken and organizationId headers of the
// Harmony login, which stays at the base URL.
//
// The result of a "Test" is {"success", "message", "checkedAt" (RFC 3339),
// "durationMs", "checks": [{"name", "success", "detail"}]}; a trustedCaPem
// that holds no PEM certificate is a 400 naming trustedCaPem. The keys of a
// connection are those of JSMConnection and its blocks: "id",
// "environmentId", "projectGuid", "name", "authScheme", "url", "user", "password", "apiToken", "sso",
// "oauth", "ssl", "useProxySettings" and "advancedProperties" (an object of
// strings). The client leaves out the id and every empty key but
// "useProxySettings"; the secrets (password, apiToken,
// sso.appPassword, oauth.clientSecret, oauth.accessToken, oauth.verifier,
// oauth.authToken, oauth.authKey, oauth.refreshToken,
// oauth.certificateStorePassword and ssl.clientCertPassword) are never
// answered.
//
// A connection belongs to one project in one environment, addressed as
// Harmony addresses projects: environmentId and projectGuid. Ids are opaque
// strings. Names are unique per environment and project, compared without
// regard to case, and must not contain "/" or ":". A connection never moves:
// a replace with a different environmentId or projectGuid is a 400. The
// server answers 400, with an errorMessage naming the JSON field and the
// rule, for a projectGuid unknown in the environmentId, a value outside its enumeration (see
// AuthSchemes and the other enumeration functions), a negative
// oauth.expiresIn, a url, sso.loginUrl or sso.exchangeUrl that is neither an
// absolute http(s) URL nor a Jitterbit variable reference (see
// IsVariableReference), or a connection its auth scheme cannot use: Basic
// needs user and password or apiToken; OAuth needs oauth.initiateOAuth, and
// OFF needs accessToken, REFRESH accessToken and refreshToken, GETANDREFRESH
// clientId and clientSecret; Crowd needs sso.loginUrl, sso.appName,
// sso.appPassword, user and password. Secrets stored earlier count for
// these rules.
//
// All paths of this package are in paths.go.
package jitterbit
