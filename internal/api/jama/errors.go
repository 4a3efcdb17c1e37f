package jama

import (
	"net/http"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// AlreadyExistsError is Jama's answer to a create whose unique name is
// taken, such as POST /users with a username in use: HTTP 400 with "already
// exists" in meta.message, which is how Jama's own REST client recognises
// it (Jama does not answer 409). errors.Is matches it against
// api.ErrConflict, so callers treat it as the duplicate it is; errors.As
// still finds the *api.Error with Jama's status and message.
type AlreadyExistsError struct {
	Err *api.Error
}

// Error reads like the underlying *api.Error, Jama's message included.
func (e *AlreadyExistsError) Error() string { return e.Err.Error() }

// Unwrap returns Jama's answer.
func (e *AlreadyExistsError) Unwrap() error { return e.Err }

// Is reports that a duplicate is a conflict, whatever status Jama used.
func (e *AlreadyExistsError) Is(target error) bool { return target == api.ErrConflict }

// classify returns apiErr as an *AlreadyExistsError when Jama says the
// object already exists, and unchanged otherwise.
func classify(apiErr *api.Error) error {
	if apiErr.StatusCode == http.StatusBadRequest && strings.Contains(strings.ToLower(apiErr.Message), "already exists") {
		return &AlreadyExistsError{Err: apiErr}
	}
	return apiErr
}
