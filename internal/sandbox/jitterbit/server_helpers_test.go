package jitterbit

import (
	"net/http/httptest"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/jira"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

// newTestServer serves this package's product (and the products its tests
// connect to) on an httptest server for one test.
func newTestServer(t testing.TB, opts kernel.Options) (*kernel.Server, *httptest.Server) {
	t.Helper()
	return wiretest.Serve(t, opts, New(), jira.New())
}

// productOf returns this package's product among srv's.
func productOf(t testing.TB, srv *kernel.Server) *Product {
	t.Helper()
	for _, p := range srv.Products() {
		if mine, ok := p.(*Product); ok {
			return mine
		}
	}
	t.Fatal("the server serves no product of this package")
	return nil
}

// testUnknownGUID is a project GUID the sandbox does not know.
const testUnknownGUID = "9a87b6c5-a1b2-34c5-6d7e-123456a7b999"
