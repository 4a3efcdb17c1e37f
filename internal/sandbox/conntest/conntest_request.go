package conntest

import (
	"bytes"
	"io"
	"net/http"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// DecodeBody decodes the optional JSON body of a test request into v,
// strictly (an unknown field is a 400); an empty body leaves v as it is.
func DecodeBody(w http.ResponseWriter, r *http.Request, v any) error {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, kernel.MaxBodyBytes))
	if err != nil {
		return kernel.DescribeDecodeError(err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	r.Body = io.NopCloser(bytes.NewReader(data))
	return kernel.DecodeJSON(w, r, v, true)
}

// Request is the optional body of a test request in the Jama-style and
// Harmony-style contracts: TrustedCAPEM holds extra CA certificates (PEM)
// trusted for this test besides the system roots (see NewTester). aqua's
// PascalCase contract spells it TrustedCaPem.
type Request struct {
	TrustedCAPEM string `json:"trustedCaPem,omitempty"`
}
