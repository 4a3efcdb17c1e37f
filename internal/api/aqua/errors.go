package aqua

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// APIError is aqua's error answer (ApiError, with the members its
// subtypes ApiForbiddenError and ApiArgumentError add). Type tells the
// kind of error; ForbiddenErrorType and ArgumentErrorType the reason.
type APIError struct {
	Message     string          `json:"Message"`
	Code        string          `json:"Code"`
	Type        string          `json:"Type"`
	FurtherInfo string          `json:"FurtherInfo,omitempty"`
	ErrorData   json.RawMessage `json:"ErrorData,omitempty"`
	// ForbiddenErrorType is ForbiddenNotLicensed or ForbiddenNotPermitted
	// when Type is ErrorTypeForbidden.
	ForbiddenErrorType string `json:"ForbiddenErrorType,omitempty"`
	// ArgumentErrorType is one of the many reasons of ApiArgumentErrorType
	// (e.g. "DuplicateUserName") when Type is ErrorTypeArgumentError.
	ArgumentErrorType string `json:"ArgumentErrorType,omitempty"`
}

// Values of APIError.Type (the discriminator of ApiError).
const (
	ErrorTypeArgumentError         = "ArgumentError"
	ErrorTypeBackendNotAvailable   = "BackendNotAvailable"
	ErrorTypeForbidden             = "Forbidden"
	ErrorTypeInternalError         = "InternalError"
	ErrorTypeMediaTypeNotSupported = "MediaTypeNotSupported"
	ErrorTypeMethodNotAllowed      = "MethodNotAllowed"
	ErrorTypeNotFound              = "NotFound"
	ErrorTypeUnauthorized          = "Unauthorized"
)

// Values of APIError.ForbiddenErrorType (ApiForbiddenErrorType).
const (
	// ForbiddenNotLicensed: the logged-in user's license does not allow
	// the operation.
	ForbiddenNotLicensed = "NotLicensed"
	// ForbiddenNotPermitted: the logged-in user lacks the permission.
	ForbiddenNotPermitted = "NotPermitted"
)

// Errors an *Error matches with errors.Is besides the api sentinels.
var (
	// ErrNotLicensed: aqua refused because the license of the user the
	// client logs in as does not allow the operation.
	ErrNotLicensed = errors.New("aqua: the user's license does not allow the operation")
	// ErrNotPermitted: aqua refused because the user the client logs in as
	// lacks the permission for the operation.
	ErrNotPermitted = errors.New("aqua: the user lacks the permission for the operation")
)

// Error is an error answer of aqua: the *api.Error it unwraps to (status,
// operation and message) and aqua's ApiError body. Besides the api
// sentinels by status, it matches ErrNotLicensed and ErrNotPermitted by the
// reason aqua gives for a 403, and api.ErrConflict for the argument errors
// that say the object exists already (a duplicate name, a license already
// assigned), which aqua answers with 400.
type Error struct {
	Err  *api.Error
	Body APIError
}

func (e *Error) Error() string { return e.Err.Error() }

// Unwrap returns the *api.Error.
func (e *Error) Unwrap() error { return e.Err }

// Is matches the reasons aqua gives.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrNotLicensed:
		return e.Body.ForbiddenErrorType == ForbiddenNotLicensed
	case ErrNotPermitted:
		return e.Body.ForbiddenErrorType == ForbiddenNotPermitted
	case api.ErrConflict:
		return isDuplicate(e.Body.ArgumentErrorType)
	}
	return false
}

// isDuplicate reports whether an argument error says that what a create
// asked for exists already.
func isDuplicate(argumentErrorType string) bool {
	return strings.HasPrefix(argumentErrorType, "Duplicate") ||
		argumentErrorType == "InvalidLicenseAssignmentAlreadyAssigned" ||
		argumentErrorType == "ProjectFolderUserIsAlreadyAssigned"
}

// Advice added to the message of a 403, by the reason aqua gives.
const (
	notLicensedAdvice = "aqua refused because the license of the aqua user the provider logs in as does not allow this operation " +
		"(ForbiddenErrorType NotLicensed): assign that user a license that does, in aqua's user administration, " +
		"or log in as a user who holds one"
	notPermittedAdvice = "aqua refused because the aqua user the provider logs in as lacks the permission for this operation " +
		"(ForbiddenErrorType NotPermitted): give that user a role or server administrator rights that grant it, " +
		"or log in as an aqua administrator"
)

// advice is what to do about a 403, by the reason aqua gives.
func (b APIError) advice() string {
	switch b.ForbiddenErrorType {
	case ForbiddenNotLicensed:
		return notLicensedAdvice
	case ForbiddenNotPermitted:
		return notPermittedAdvice
	}
	return ""
}

// describe renders an ApiError for an error message: aqua's Message, its
// further information, the error type and reason, the fix for a refusal,
// and the code aqua's logs know it by.
func (b APIError) describe() string {
	parts := make([]string, 0, 3)
	for _, p := range []string{b.Message, b.FurtherInfo, b.advice()} {
		if p = strings.TrimRight(strings.TrimSpace(p), "."); p != "" {
			parts = append(parts, p)
		}
	}
	msg := ""
	if len(parts) > 0 {
		msg = strings.Join(parts, ". ") + "."
	}
	var tags []string
	if b.Type != "" {
		tags = append(tags, b.Type)
	}
	if b.ArgumentErrorType != "" {
		tags = append(tags, b.ArgumentErrorType)
	}
	if b.Code != "" {
		tags = append(tags, "code "+b.Code)
	}
	if len(tags) > 0 {
		msg += " [" + strings.Join(tags, ", ") + "]"
	}
	return strings.TrimSpace(msg)
}
