package jitterbit

import (
	"net/url"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api/contract"
)

// Endpoint paths. The documented ones are relative to the base URL (the
// Harmony API, see doc.go); the contract's are relative to the contract
// URL and lie below the contract's prefix.
const (
	// Documented by Jitterbit.
	pathLogin            = "/login"
	pathProject          = "/project"
	pathProjectVariables = "/project-variables"
)

// The provider's own contract, contracts/jitterbit-jsm-connections.yaml.
var (
	contractSpec       = contract.JitterbitJSMConnections
	pathContract       = contractSpec.DiscoveryPath()
	pathJSMConnections = contractSpec.Prefix() + "/connections"
)

func pathJSMConnection(id string) string { return pathJSMConnections + "/" + pathSegment(id) }

// pathSegment escapes an opaque id as one path segment. The dot segments
// "." and "..", which url.PathEscape leaves as they are, are escaped too,
// so that no id leads out of the contract's prefix.
func pathSegment(id string) string {
	if id == "." || id == ".." {
		return strings.ReplaceAll(id, ".", "%2E")
	}
	return url.PathEscape(id)
}

func pathJSMConnectionTest(id string) string { return pathJSMConnection(id) + "/test" }
