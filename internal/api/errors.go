package api

import (
	"errors"
	"fmt"
	"net/http"
)

// Sentinel errors that an *Error matches with errors.Is, by HTTP status.
var (
	ErrNotFound     = errors.New("not found")
	ErrConflict     = errors.New("conflict")
	ErrUnauthorized = errors.New("unauthorized")
	ErrBadRequest   = errors.New("bad request")
	ErrForbidden    = errors.New("forbidden")
)

// Error is a product's answer to a call that did not succeed: the product,
// what was being done, the HTTP status and the vendor's own message.
type Error struct {
	Product    string // e.g. "Jama"
	Operation  string // e.g. "create user"
	Method     string
	Path       string // request path without host or query
	StatusCode int
	Message    string // the vendor's message, if it sent one
}

// Error reads like: Jama create user (POST /rest/v1/users): HTTP 409 Conflict: username already exists.
func (e *Error) Error() string {
	msg := fmt.Sprintf("%s %s (%s %s): HTTP %d %s", e.Product, e.Operation, e.Method, e.Path,
		e.StatusCode, http.StatusText(e.StatusCode))
	if e.Message != "" {
		msg += ": " + e.Message
	}
	return msg
}

// Is lets errors.Is match an *Error against the sentinels by status.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrConflict:
		return e.StatusCode == http.StatusConflict
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrBadRequest:
		return e.StatusCode == http.StatusBadRequest
	}
	return false
}

// DecodeError reports a body the client could not understand: not JSON, the
// wrong shape, or empty where data was expected.
type DecodeError struct {
	Product     string
	Operation   string
	StatusCode  int
	ContentType string
	Excerpt     string // the start of the body, for the reader to recognise it
	Err         error
}

func (e *DecodeError) Error() string {
	ct := e.ContentType
	if ct == "" {
		ct = "no content type"
	}
	msg := fmt.Sprintf("%s %s: HTTP %d answer (%s) is not the expected %s JSON: %v",
		e.Product, e.Operation, e.StatusCode, ct, e.Product, e.Err)
	if e.Excerpt != "" {
		msg += fmt.Sprintf("; body starts %q", e.Excerpt)
	}
	return msg
}

func (e *DecodeError) Unwrap() error { return e.Err }

// Excerpt returns at most n bytes of body for an error message, cut on a
// rune boundary.
func Excerpt(body []byte, n int) string {
	if len(body) <= n {
		return string(body)
	}
	s := []rune(string(body[:n]))
	return string(s[:len(s)-1]) + "…"
}

// IsAmbiguous reports whether err leaves it unknown if a write reached the
// product: a transport failure or a 5xx answer. A caller that created
// something then looks it up before trying again, so nothing is created
// twice.
func IsAmbiguous(err error) bool {
	if err == nil {
		return false
	}
	var apiErr *Error
	if errors.As(err, &apiErr) {
		return apiErr.StatusCode >= 500
	}
	var decErr *DecodeError
	return !errors.As(err, &decErr)
}
