// Package sandbox is a local emulator of the products the almsync provider
// talks to. One HTTP handler serves every product under its own path
// prefix, each emulated by its own package (internal/sandbox/<product>)
// written from the vendor's published description, with its own wire types:
// the sandbox imports nothing of the provider's clients, so that the tests
// compare two independent readings of each vendor's document.
//
//   - /jama: the Jama Connect REST API (users, OAuth client credentials) as
//     Jama documents it, under /jama/rest/v1 and /jama/rest/oauth/token,
//     plus the classic JIRA Connector's connections under
//     /jama/almsync/jama-jira-connector/v1 (the provider's own contract,
//     contracts/jama-jira-connector.yaml, served as a bridge on the Jama
//     host would, with its unauthenticated discovery: the connector has no
//     public API). Cron schedules are validated with
//     Quartz's rules and stored in Quartz's normalised spelling.
//   - /interchange: Jama Connect Interchange connectors under
//     /interchange/almsync/interchange-connectors/v1. Interchange has no
//     public API, so these routes are the provider's own contract
//     (contracts/interchange-connectors.yaml, with its unauthenticated
//     discovery); they use Jama's response envelope and Jama's
//     authentication (POST /interchange/rest/oauth/token for OAuth).
//   - /jitterbit: Jitterbit Harmony as Jitterbit documents it (POST /login
//     with username and password headers, then authToken and
//     organizationId headers; the {success, data, error} envelope, with a
//     refused login answered HTTP 200 "success": false, and refusals of
//     users of SSO and two-factor organizations); GET /project, PUT
//     /project (Deploy Project, counted per project), and
//     GET/PUT /project-variables of a project in a Harmony environment,
//     addressed by environmentId and projectGuid; plus the provider's own
//     contract for Jira Service Management connections (Jitterbit manages
//     connections only in its UI), as contracts/jitterbit-jsm-connections.yaml
//     describes it: an unauthenticated discovery at
//     /jitterbit/almsync/jitterbit-jsm-connections/v1/contract and the
//     connections, keyed by environmentId and projectGuid, below
//     /jitterbit/almsync/jitterbit-jsm-connections/v1/connections. Every
//     route is also served below Harmony's API stages (/jitterbit/dev,
//     /jitterbit/qa, /jitterbit/api), sharing the same data.
//   - /aqua: the aqua REST API as aqua documents it (POST /api/token with
//     the password and refresh_token grants, 15-minute bearer tokens;
//     session, users, licenses, projects and their user assignments, fields
//     and dictionary entries, roles; PascalCase JSON, errors as ApiError
//     with its Type), plus
//     Jira Sync definitions with their field and value mappings under
//     /aqua/almsync/aqua-jira-sync/v1, the provider's own contract
//     aqua-jira-sync (contracts/aqua-jira-sync.yaml), served as a bridge
//     would, with its unauthenticated discovery GET .../contract (aqua
//     configures the sync only in its desktop SyncConfigurator). The
//     checklist's rules are enforced: user emails, the Jira sync license
//     and Project Administrator role of the aqua sync user, email and API
//     token on Jira Cloud, null values in the resolution mapping.
//   - /jira: Jira's public REST API as Atlassian documents it (serverInfo,
//     myself, mypermissions, resolution, project, and Jira Service
//     Management's info), read-only, with HTTP Basic and Jira's
//     {"errorMessages", "errors"} error body. /jira is a Jira Cloud site;
//     /jira/server and /jira/datacenter serve the same accounts and data as
//     Jira Server and Data Center (which also take personal access tokens
//     as Bearer), and /jira/ex/jira/{cloudId} is the Cloud site in the
//     shape of Atlassian's API gateway. Accounts: the default credentials
//     (site administrator), a sync account holding every permission Jama's
//     JIRA Connector asks for, and a limited one lacking
//     CREATE_ATTACHMENTS (see internal/sandbox/jira and the README).
//
// Like the real products, the sandbox enforces authentication, validates
// input, rejects duplicate names, pages lists and answers 404 for unknown ids.
// All data lives in one in-memory store; when Options.StatePath is set, every
// change is written atomically to that JSON file and loaded again by New.
//
// Control endpoints under /_sandbox (stats, reset, faults) need no
// credentials but answer only loopback clients. Injected faults (errors, rate
// limiting, latency, dropped connections) apply to product routes only.
// Their random decisions are keyed by a seed (Faults.Seed, JSON "seed",
// flag --seed), each request's method and path, and how many requests to
// that method and path came before it: the same seed and requests give the
// same faults, and concurrent requests to different paths do not shift each
// other's. Seed 0 chooses one, which GET /_sandbox/faults reports, so a
// failing run is replayed by setting the same faults again.
//
// Issued credentials expire as the products' do: aqua access tokens after
// 15 minutes (refresh tokens after a day), Jama and Interchange OAuth tokens
// after an hour, Jitterbit sessions after sessionTimeoutInSeconds (14400);
// an expired one is refused with 401. Options.TokenLifetime (the command's
// --token-lifetime flag, at least one second) gives all of them one shorter
// lifetime instead, stated in their expires_in and sessionTimeoutInSeconds,
// so that tests can watch clients renew them within one run.
//
// The shared kernel (internal/sandbox/kernel) holds the store, fault
// injection, dispatch, control endpoints and exchange recording. A product
// is a value implementing kernel.Product, in its own package, listed in New;
// it registers its routes and its state through a kernel.Env. Tests start a
// sandbox with internal/sandbox/sandboxtest, which records every exchange
// and checks it against the vendors' descriptions.
package sandbox
