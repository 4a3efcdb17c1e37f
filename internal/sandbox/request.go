package sandbox

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// maxBodyBytes bounds request bodies.
const maxBodyBytes = 1 << 20

// apiError is a failure with the HTTP status to answer it with.
type apiError struct {
	status  int
	message string
}

func (e *apiError) Error() string { return e.message }

func newAPIError(status int, format string, args ...any) *apiError {
	return &apiError{status: status, message: fmt.Sprintf(format, args...)}
}

// statusOf maps err to the status to answer: an apiError's own, else 500.
func statusOf(err error) (int, string) {
	var ae *apiError
	if errors.As(err, &ae) {
		return ae.status, ae.message
	}
	return http.StatusInternalServerError, "internal error: " + err.Error()
}

// decodeJSON reads one JSON object from the request body into v. With
// strict set, unknown fields are rejected. The error is an apiError (400 or
// 413) whose message suits the client.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any, strict bool) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(v); err != nil {
		return describeDecodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return newAPIError(http.StatusBadRequest, "request body must hold a single JSON object")
	}
	return nil
}

func describeDecodeError(err error) error {
	var (
		syntaxErr *json.SyntaxError
		typeErr   *json.UnmarshalTypeError
		tooLarge  *http.MaxBytesError
	)
	switch {
	case errors.Is(err, io.EOF):
		return newAPIError(http.StatusBadRequest, "request body is required (a JSON object)")
	case errors.As(err, &tooLarge):
		return newAPIError(http.StatusRequestEntityTooLarge, "request body is larger than %d bytes", tooLarge.Limit)
	case errors.As(err, &syntaxErr):
		return newAPIError(http.StatusBadRequest, "malformed JSON body at byte %d: %v", syntaxErr.Offset, err)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return newAPIError(http.StatusBadRequest, "malformed JSON body: unexpected end of input")
	case errors.As(err, &typeErr):
		if typeErr.Field == "" {
			return newAPIError(http.StatusBadRequest, "request body must be a JSON object, not %s", typeErr.Value)
		}
		return newAPIError(http.StatusBadRequest, "field %s must be of type %s, not %s", typeErr.Field, typeErr.Type, typeErr.Value)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return newAPIError(http.StatusBadRequest, "unknown field %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	default:
		return newAPIError(http.StatusBadRequest, "invalid JSON body: %v", err)
	}
}

// parseID parses an object id taken from the path; ids that parse but name
// nothing are the caller's 404.
func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, newAPIError(http.StatusBadRequest, "id must be an integer, got %q", s)
	}
	return id, nil
}
