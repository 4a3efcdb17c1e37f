// Package contracttest checks recorded HTTP exchanges against the API
// descriptions the vendors publish, so that tests know what the vendor says
// rather than what a client or an emulator believes.
//
// A Checker holds one OpenAPI 3 description per product and validates each
// Exchange with kin-openapi: the request (route, parameters, body) and the
// response (status, body) are checked against the operation the request
// routes to. Authentication is accepted as sent: the check is about shapes.
//
// The descriptions:
//
//   - aqua: aqua's own OpenAPI document, read at run time from the folder
//     named by ALMSYNC_VENDOR_SPECS (file AquaSpecFile; the repository copies
//     none of it), plus the token endpoint its security scheme describes in
//     prose (testdata/vendor/aqua-token.yaml).
//   - Jama Connect, Jira and Jitterbit Harmony publish no usable
//     machine-readable document, so testdata/vendor/{jama,jira,jitterbit}.yaml
//     describe exactly the operations the provider calls, written from the
//     vendors' documentation (each file names its sources). They are
//     embedded in the package and always available.
//   - Jama Connect Interchange has no public API: every Interchange route is
//     the provider's own contract and is not checked here.
//
// Requests below a product's contract prefixes (the provider's own admin
// contracts, see DefaultContractPrefixes) are not checked; a request to any
// other path a description lacks is a violation.
//
// testdata/golden holds one example exchange per documented operation the
// provider calls (see Goldens), written from the same documentation; the
// package's tests hold them against the descriptions, the product clients
// and the sandbox.
package contracttest
