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
// Authentication is OAuth 2 style. POST /api/token with the form
// grant_type=password&username=...&password=... answers
// {access_token, refresh_token, expires_in} (about 15 minutes); later
// requests carry "Authorization: Bearer <access_token>". The client caches
// the token, renews it with grant_type=refresh_token shortly before it
// expires or after a 401, and logs in with the password again when the
// refresh is refused. A refused login (aqua answers 400 with
// {"error":"invalid_grant"}) is an error matching api.ErrUnauthorized.
//
//	GET    /api/Session                                          the logged-in user
//	GET    /api/System/User                                      list users
//	POST   /api/System/User                                      create a user {UserName, FirstName, Surname, Email, Phone, Position}
//	GET    /api/System/User/{id}                                 read a user
//	PUT    /api/System/User/{id}                                 replace a user's fields
//	DELETE /api/System/User/{id}                                 delete a user
//	GET    /api/System/License                                   licenses [{Code, Name, Total, Used}]
//	GET    /api/System/User/{id}/License                         a user's licenses [{Code, Name}]
//	POST   /api/System/User/{id}/License                         give a user a license {Code}
//	DELETE /api/System/User/{id}/License/{licenseCode}           take a license away
//	GET    /api/Project                                          projects [{Id, Name}]
//	GET    /api/Project/{pid}                                    one project
//	GET    /api/Project/{pid}/UserAssignment                     members [{UserId, UserName, RoleName}]
//	POST   /api/Project/{pid}/UserAssignment                     add a member {UserId, RoleName}
//	PATCH  /api/Project/{pid}/UserAssignment                     change a member's role {UserId, RoleName}
//	DELETE /api/Project/{pid}/UserAssignment?userId={id}         remove a member
//	GET    /api/Project/{pid}/Meta/{itemType}/Fields             fields [{FieldId, Name, Type}]
//	GET    /api/Project/{pid}/Meta/{itemType}/Fields/{fieldId}/Entries   dictionary entries [{Id, Value}]
//	POST   /api/Project/{pid}/Meta/{itemType}/Fields/{fieldId}/Entries   add an entry {Value}
//
// Failures carry the HTTP status and an ASP.NET body {"Message": "..."};
// the client returns them as *api.Error with that message, so callers test
// them with errors.Is against api.ErrNotFound, api.ErrConflict and the
// other sentinels.
//
// # Jira Sync: the provider's own contract
//
// aqua configures its Jira synchronization only in the desktop
// SyncConfigurator; it publishes no API for it. The routes below are the
// provider's contract, in aqua's style (same authentication, PascalCase
// JSON, the same {"Message"} error body), kept in this package so that it is
// easy to retarget:
//
//	GET    /api/JiraSync/Definition?name=                                 list (name: exact, case-insensitive)
//	POST   /api/JiraSync/Definition                                       create: 201 with the definition; 409 on a duplicate Name
//	GET    /api/JiraSync/Definition/{id}                                  read; Password and ApiToken are never returned
//	PUT    /api/JiraSync/Definition/{id}                                  replace: 200 with the definition; an empty secret keeps the stored one
//	DELETE /api/JiraSync/Definition/{id}                                  delete: 204, with its mappings
//	POST   /api/JiraSync/Definition/{id}/Test                             connection test: optional body {TrustedCaPem}; 200 with the result (SyncTestResult), a failed test too
//	GET    /api/JiraSync/Definition/{id}/FieldMapping                     list a definition's field mappings
//	POST   /api/JiraSync/Definition/{id}/FieldMapping                     create: 201; 409 when (ItemType, AquaField) is mapped already
//	GET    /api/JiraSync/Definition/{id}/FieldMapping/{mappingId}         read
//	PUT    /api/JiraSync/Definition/{id}/FieldMapping/{mappingId}         replace: 200
//	DELETE /api/JiraSync/Definition/{id}/FieldMapping/{mappingId}         delete: 204
//	GET    /api/JiraSync/Definition/{id}/ValueMapping                     list a definition's value mappings
//	POST   /api/JiraSync/Definition/{id}/ValueMapping                     create: 201; 409 when Field is mapped already
//	GET    /api/JiraSync/Definition/{id}/ValueMapping/{mappingId}         read
//	PUT    /api/JiraSync/Definition/{id}/ValueMapping/{mappingId}         replace: 200
//	DELETE /api/JiraSync/Definition/{id}/ValueMapping/{mappingId}         delete: 204
//	GET    /api/JiraSync/Definition/{id}/Jira/Resolution                  Jira's GET /rest/api/2/resolution, read by aqua with the configuration user; 502 naming the cause when Jira fails
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
