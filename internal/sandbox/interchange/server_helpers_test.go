package interchange

import (
	"net/http/httptest"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/jama"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/jira"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

// newTestServer serves this package's product (and the products its tests
// connect to) on an httptest server for one test.
func newTestServer(t testing.TB, opts kernel.Options) (*kernel.Server, *httptest.Server) {
	t.Helper()
	return wiretest.Serve(t, opts, New(), jama.New(), jira.New())
}
