package jitterbit

import (
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/contract"
)

// TestContractPathsLieBelowThePrefix: every contract path the client builds
// lies below the contract's prefix, and no documented Harmony path does.
func TestContractPathsLieBelowThePrefix(t *testing.T) {
	t.Parallel()
	prefix := contract.JitterbitJSMConnections.Prefix()
	if prefix != "/almsync/jitterbit-jsm-connections/v1" {
		t.Fatalf("Prefix() = %q", prefix)
	}
	for _, id := range []string{"7", "a/b", "x y", "..", "%2F"} {
		for _, p := range []string{pathContract, pathJSMConnections, pathJSMConnection(id), pathJSMConnectionTest(id)} {
			if !strings.HasPrefix(p, prefix+"/") {
				t.Errorf("contract path %q is not below %s", p, prefix)
			}
			if rest := strings.TrimPrefix(p, prefix); strings.Contains(rest, "/../") || strings.HasSuffix(rest, "/..") {
				t.Errorf("contract path %q climbs out of the prefix", p)
			}
		}
	}
	if pathContract != contract.JitterbitJSMConnections.DiscoveryPath() {
		t.Errorf("discovery path %q, want %q", pathContract, contract.JitterbitJSMConnections.DiscoveryPath())
	}
	for _, p := range []string{pathLogin, pathProject, pathProjectVariables} {
		if strings.HasPrefix(p, "/almsync/") {
			t.Errorf("documented path %q lies in the contract's namespace", p)
		}
	}
}
