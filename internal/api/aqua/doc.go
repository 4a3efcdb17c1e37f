// Package aqua is the client of aqua (aqua cloud), the test management
// product, for what its Jira synchronization needs: users and their
// licenses, project roles, field dictionaries, and the Jira Sync
// definitions with their field and value mappings.
//
// The base URL is the aqua web application, e.g.
// https://app.aqua-cloud.io/aquaWebNG; every path below is relative to it.
// JSON keys are PascalCase, as aqua writes them.
//
// # The aqua REST API, as aqua documents it
//
// The authority is aqua's OpenAPI document (version 24.8.0.0; aqua serves
// it at {base}/Help). The client uses these of its operations, with the
// parameters, bodies and answers it documents:
//
// Authentication is OAuth 2 style, as the document's security scheme
// describes it. POST /api/token with the form
// grant_type=password&username=...&password=... answers
// {access_token, refresh_token, expires_in} (a few minutes); later
// requests carry "Authorization: Bearer <access_token>". The client caches
// the token, renews it with grant_type=refresh_token&refresh_token=...
// when less than min(60 s, a tenth of expires_in) is left (see package
// lease) or once after a 401, and logs in with the password
// again only when the refresh is refused. A refused login (aqua answers 400
// with {"error":"invalid_grant"}) is an error matching api.ErrUnauthorized.
//
//	GET    /api/Session                                     the logged-in user (ApiMyUserInfo)
//	GET    /api/System/User                                 list users [ApiUserMinimalInfo]
//	POST   /api/System/User?sendNotification=               create a user (ApiUserNew); 200 {UserId}
//	GET    /api/System/User/{userId}?includeLicenses=true   a user with Licenses [{Code, Type}] (ApiUser)
//	PUT    /api/System/User/{userId}                        change a user (ApiUpdateUser); 204
//	DELETE /api/System/User/{userId}                        delete a user; 204
//	GET    /api/System/License                              {Licenses: [{Code, Name, MaxNamedLicensesAvailable, MaxFloatingLicensesAvailable, StartTime, ExpiryTime}]}
//	POST   /api/System/User/{userId}/License                assign a license {Code, Type: "Named"|"Floated"}; 204
//	DELETE /api/System/User/{userId}/License/{licenseCode}  remove a license; 204
//	GET    /api/System/Role                                 roles [{Id, Name}]
//	GET    /api/Project                                     projects [ApiProjectInfo]
//	GET    /api/Project/{id}                                one project
//	GET    /api/Project/{projectId}/UserAssignment          {Assignements: [{Role: {Id, Name}, User, FolderId}]}
//	POST   /api/Project/{projectId}/UserAssignment          assign {UserId, FolderId: 0, RoleId}; 204
//	PATCH  /api/Project/{projectId}/UserAssignment?userId=&folderId=0   {OperationType: "Replace", NewRoleId}; 204
//	DELETE /api/Project/{projectId}/UserAssignment?userId=&folderId=0   unassign; 204
//	GET    /api/Project/{projectId}/Meta/{itemType}/Fields                  fields [{Id, Title, FieldType, IsCustom, IsActive, ...}]
//	GET    /api/Project/{projectId}/Meta/{itemType}/Fields/{fieldId}/Entries  {Id, Name, Entries: [{Id, Name, IsDefault}], ConsistencyKey}
//	POST   /api/Project/{projectId}/Meta/{itemType}/Fields/{fieldId}/Entries  add an entry {Name, IsDefault}; 200 {Id, Name, IsDefault}
//
// aqua has no endpoint listing one user's licenses: they come with the
// user. Changing a license's type is done by removing the license and
// assigning it again; the document's PATCH .../License/{licenseCode} does
// not say which OperationType its body takes. Project roles are given by
// id: the client looks the id of a role name up in GET /api/System/Role.
//
// Failures carry the HTTP status and aqua's ApiError body {Message, Code,
// Type, FurtherInfo, ErrorData}, with ForbiddenErrorType (NotLicensed or
// NotPermitted) on a 403 and ArgumentErrorType on a 400. The client returns
// them as *Error, which unwraps to *api.Error: callers test them with
// errors.Is against api.ErrNotFound and the other sentinels, and against
// ErrNotLicensed and ErrNotPermitted, whose message says what to fix.
//
// # Jira Sync: the provider's own contract
//
// aqua configures its Jira synchronization only in the desktop
// SyncConfigurator; it publishes no API for it. The routes below are the
// provider's own contract, aqua-jira-sync 1.0.0, published as the OpenAPI
// document contracts/aqua-jira-sync.yaml, in aqua's style (PascalCase JSON,
// aqua's ApiError error body, aqua's bearer token). No aqua server serves
// it: a bridge does. They lie below /almsync/aqua-jira-sync/v1 of the
// contract URL (WithContractURL; default the aqua base URL), never under
// aqua's /api:
//
//	GET    /contract                                            discovery, without credentials: {Name, Version}
//	GET    /definitions?name=                                   list (name: exact, case-insensitive)
//	POST   /definitions                                         create: 201 with the definition; 409 on a duplicate Name
//	GET    /definitions/{id}                                    read; Password and ApiToken are never returned
//	PUT    /definitions/{id}                                    replace: 200 with the definition; an empty secret keeps the stored one
//	DELETE /definitions/{id}                                    delete: 204, with its mappings
//	POST   /definitions/{id}/test                               connection test: optional body {TrustedCaPem}; 200 with the result (SyncTestResult), a failed test too
//	GET    /definitions/{id}/field-mappings                     list a definition's field mappings
//	POST   /definitions/{id}/field-mappings                     create: 201; 409 when (ItemType, AquaField) is mapped already
//	GET    /definitions/{id}/field-mappings/{mappingId}         read
//	PUT    /definitions/{id}/field-mappings/{mappingId}         replace: 200
//	DELETE /definitions/{id}/field-mappings/{mappingId}         delete: 204
//	GET    /definitions/{id}/value-mappings                     list a definition's value mappings
//	POST   /definitions/{id}/value-mappings                     create: 201; 409 when Field is mapped already
//	GET    /definitions/{id}/value-mappings/{mappingId}         read
//	PUT    /definitions/{id}/value-mappings/{mappingId}         replace: 200
//	DELETE /definitions/{id}/value-mappings/{mappingId}         delete: 204
//	GET    /definitions/{id}/jira/resolutions                   Jira's GET /rest/api/2/resolution, read with the configuration user; 502 naming the cause when Jira fails
//
// The first contract call of a client is preceded by the discovery request
// (CheckContract): a 404, an HTML page or another shape there is a
// *contract.AbsentError, another major version a *contract.VersionError,
// never api.ErrNotFound, so that a missing bridge is never taken for a
// deleted definition.
//
// A SyncDefinition mirrors the SyncConfigurator's connection settings and
// the "Checklist before start": the aqua project, the Jira URL and project
// key, the Jira configuration user, the optional Jira sync user, and the
// separate aqua sync user, who must hold the Jira sync license and be
// Project Administrator in the project. On Jira Cloud (*.atlassian.net)
// the Jira accounts log in with their email address and an API token.
// The server answers 400, with a Message naming the JSON field and the
// rule, when a definition or mapping breaks these rules.
//
// All paths of this package are in paths.go.
package aqua
