package aqua

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// Values of apiError.Type (the discriminator of ApiError).
const (
	errorArgument            = "ArgumentError"
	errorBackendNotAvailable = "BackendNotAvailable"
	errorForbidden           = "Forbidden"
	errorInternal            = "InternalError"
	errorMediaTypeNotSupport = "MediaTypeNotSupported"
	errorMethodNotAllowed    = "MethodNotAllowed"
	errorNotFound            = "NotFound"
	errorUnauthorized        = "Unauthorized"
)

// Values of apiError.ForbiddenErrorType (ApiForbiddenErrorType).
const (
	forbiddenNotLicensed  = "NotLicensed"
	forbiddenNotPermitted = "NotPermitted"
)

// Some values of apiError.ArgumentErrorType (ApiArgumentErrorType).
const (
	argInvalidArgument       = "InvalidArgument"
	argInvalidBodyValue      = "InvalidBodyValue"
	argInvalidParameterValue = "InvalidParameterValue"
	argDuplicateUserName     = "DuplicateUserName"
	argInvalidUsername       = "InvalidUsername"
	argInvalidEmail          = "InvalidEmail"
	argInvalidLicenseCode    = "InvalidLicenseCode"
	argNoFreeLicenses        = "NoFreeLicenses"
	argAlreadyAssigned       = "InvalidLicenseAssignmentAlreadyAssigned"
	argUserNotFound          = "UserNotFound"
	argRoleNotFound          = "RoleNotFound"
	argFolderNotFound        = "FolderNotFound"
	argAlreadyInProject      = "ProjectFolderUserIsAlreadyAssigned"
	argDuplicateEntry        = "DuplicateDictionaryEntry"
	argFieldValueEmptyName   = "FieldValueEmptyName"
	argWrongFieldType        = "WrongFieldType"
	argItemTypeNotSupported  = "ItemTypeNotSupported"
	argWrongPatchType        = "WrongPatchType"
	argInvalidPatchType      = "InvalidPatchType"
	argLowPasswordComplexity = "LowPasswordComplexity"
)

// failure is an error answered as aqua's ApiError.
type failure struct {
	status int
	body   apiError
}

func (f *failure) Error() string { return f.body.Message }

// newFailure is an error answered with status and an ApiError of type
// errType whose Message is formatted.
func newFailure(status int, errType, format string, args ...any) *failure {
	return &failure{status: status, body: apiError{Message: fmt.Sprintf(format, args...), Type: errType, Code: errorCode(status)}}
}

// argumentError is a 400 ArgumentError for reason (ArgumentErrorType).
func argumentError(reason, format string, args ...any) *failure {
	f := newFailure(http.StatusBadRequest, errorArgument, format, args...)
	f.body.ArgumentErrorType = reason
	return f
}

// notFound is a 404 NotFound.
func notFound(format string, args ...any) *failure {
	return newFailure(http.StatusNotFound, errorNotFound, format, args...)
}

// forbidden is a 403 Forbidden for reason (ForbiddenErrorType).
func forbidden(reason, format string, args ...any) *failure {
	f := newFailure(http.StatusForbidden, errorForbidden, format, args...)
	f.body.ForbiddenErrorType = reason
	return f
}

// errorCode is the tracking code of an error answered with status.
func errorCode(status int) string { return "SANDBOX-" + strconv.Itoa(status) }

// errorOf is err as aqua answers it: a failure as it is; any other error
// (the kernel's, with its status) as the ApiError type of that status.
func errorOf(err error) (int, apiError) {
	var f *failure
	if errors.As(err, &f) {
		return f.status, f.body
	}
	status, message := kernel.StatusOf(err)
	return status, errorBody(status, message)
}

// errorBody is an ApiError for status with message.
func errorBody(status int, message string) apiError {
	body := apiError{Message: message, Code: errorCode(status)}
	switch {
	case status == http.StatusUnauthorized:
		body.Type = errorUnauthorized
	case status == http.StatusForbidden:
		body.Type, body.ForbiddenErrorType = errorForbidden, forbiddenNotPermitted
	case status == http.StatusNotFound:
		body.Type = errorNotFound
	case status == http.StatusMethodNotAllowed:
		body.Type = errorMethodNotAllowed
	case status == http.StatusUnsupportedMediaType:
		body.Type = errorMediaTypeNotSupport
	case status == http.StatusServiceUnavailable:
		body.Type = errorBackendNotAvailable
	case status >= 500:
		body.Type = errorInternal
	default:
		body.Type, body.ArgumentErrorType = errorArgument, argInvalidArgument
	}
	return body
}
