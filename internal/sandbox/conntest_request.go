package sandbox

import (
	"bytes"
	"io"
	"net/http"
)

// decodeConnTestBody decodes the optional JSON body of a test request into
// v, strictly (an unknown field is a 400); an empty body leaves v as it
// is.
func decodeConnTestBody(w http.ResponseWriter, r *http.Request, v any) error {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		return describeDecodeError(err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	r.Body = io.NopCloser(bytes.NewReader(data))
	return decodeJSON(w, r, v, true)
}
