package kernel

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strconv"
	"strings"
)

// maxBodyBytes bounds request bodies.
const MaxBodyBytes = 1 << 20

// apiError is a failure with the HTTP status to answer it with.
type APIError struct {
	status  int
	message string
}

func (e *APIError) Error() string { return e.message }

func NewAPIError(status int, format string, args ...any) *APIError {
	return &APIError{status: status, message: fmt.Sprintf(format, args...)}
}

// statusOf maps err to the status to answer: an apiError's own, else 500.
func StatusOf(err error) (int, string) {
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.status, ae.message
	}
	return http.StatusInternalServerError, "internal error: " + err.Error()
}

// DecodeJSON reads one JSON object from the request body into v. With
// strict set, unknown fields are rejected, and so is a member whose name
// differs from the documented one only in case (Go's decoder would accept
// "verifySSL" for "verifySsl"; the products do not). The error is an
// APIError (400 or 413) whose message suits the client.
func DecodeJSON(w http.ResponseWriter, r *http.Request, v any, strict bool) error {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		return DescribeDecodeError(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(v); err != nil {
		return DescribeDecodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return NewAPIError(http.StatusBadRequest, "request body must hold a single JSON object")
	}
	if strict {
		if name, ok := misspelledMember(data, reflect.TypeOf(v)); !ok {
			return NewAPIError(http.StatusBadRequest, "unknown field %q", name)
		}
	}
	return nil
}

// misspelledMember walks the JSON objects of data along the struct type t
// and returns the first member whose name matches a field only when case is
// ignored; ok is false when it finds one.
func misspelledMember(data []byte, t reflect.Type) (name string, ok bool) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		if t.Kind() != reflect.Pointer {
			var items []json.RawMessage
			if json.Unmarshal(data, &items) != nil {
				return "", true
			}
			for _, item := range items {
				if name, ok := misspelledMember(item, t.Elem()); !ok {
					return name, false
				}
			}
			return "", true
		}
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return "", true
	}
	var members map[string]json.RawMessage
	if json.Unmarshal(data, &members) != nil {
		return "", true
	}
	fields := jsonFields(t)
	for key, raw := range members {
		ft, exact := fields[key]
		if !exact {
			return key, false
		}
		if name, ok := misspelledMember(raw, ft); !ok {
			return key + "." + name, false
		}
	}
	return "", true
}

// jsonFields maps the JSON member names of struct type t (embedded structs
// included) to their field types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := make(map[string]reflect.Type)
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				for k, v := range jsonFields(ft) {
					out[k] = v
				}
				continue
			}
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f.Type
	}
	return out
}

// DescribeDecodeError turns a JSON decoding error into a 400 or 413 whose
// message suits the client.
func DescribeDecodeError(err error) error {
	var (
		syntaxErr *json.SyntaxError
		typeErr   *json.UnmarshalTypeError
		tooLarge  *http.MaxBytesError
	)
	switch {
	case errors.Is(err, io.EOF):
		return NewAPIError(http.StatusBadRequest, "request body is required (a JSON object)")
	case errors.As(err, &tooLarge):
		return NewAPIError(http.StatusRequestEntityTooLarge, "request body is larger than %d bytes", tooLarge.Limit)
	case errors.As(err, &syntaxErr):
		return NewAPIError(http.StatusBadRequest, "malformed JSON body at byte %d: %v", syntaxErr.Offset, err)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return NewAPIError(http.StatusBadRequest, "malformed JSON body: unexpected end of input")
	case errors.As(err, &typeErr):
		if typeErr.Field == "" {
			return NewAPIError(http.StatusBadRequest, "request body must be a JSON object, not %s", typeErr.Value)
		}
		return NewAPIError(http.StatusBadRequest, "field %s must be of type %s, not %s", typeErr.Field, typeErr.Type, typeErr.Value)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return NewAPIError(http.StatusBadRequest, "unknown field %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	default:
		return NewAPIError(http.StatusBadRequest, "invalid JSON body: %v", err)
	}
}

// parseID parses an object id taken from the path; ids that parse but name
// nothing are the caller's 404.
func ParseID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, NewAPIError(http.StatusBadRequest, "id must be an integer, got %q", s)
	}
	return id, nil
}
