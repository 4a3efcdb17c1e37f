package jitterbit

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// excerptLength bounds the part of an unexpected body quoted in errors.
const excerptLength = 120

// rawEnvelope is Harmony's envelope {"success", "uri", "data", "error"} as
// decoded before its data is: Success is nil when the member is missing.
type rawEnvelope struct {
	Success *bool           `json:"success"`
	URI     string          `json:"uri"`
	Data    json.RawMessage `json:"data"`
	Error   *errorInfo      `json:"error"`
}

// decode turns an answer into nil, an *api.Error (the product refused) or an
// *api.DecodeError (the answer is not Harmony's envelope). When out is
// non-nil the envelope's data is decoded into it; when it is nil, an empty
// 2xx answer (such as 204) is a success.
func decode(op, method, path string, resp *transport.Response, out any) error {
	ct := resp.Header.Get("Content-Type")
	body := bytes.TrimSpace(resp.Body)
	excerpt := func() string { return api.Excerpt([]byte(transport.MaskBody(ct, body)), excerptLength) }
	decodeErr := func(err error) error {
		return &api.DecodeError{Product: productName, Operation: op, StatusCode: resp.StatusCode,
			ContentType: ct, Excerpt: excerpt(), Err: err}
	}
	refused := func(status int, message string) error {
		return &api.Error{Product: productName, Operation: op, Method: method, Path: path,
			StatusCode: status, Message: message}
	}

	var env rawEnvelope
	parseErr := errors.New("the answer is empty")
	if len(body) > 0 {
		parseErr = json.Unmarshal(body, &env)
	}

	if resp.StatusCode >= http.StatusBadRequest {
		switch {
		case len(body) == 0:
			return refused(resp.StatusCode, "")
		case parseErr != nil:
			return refused(resp.StatusCode, "answer is not JSON: "+excerpt())
		case env.Error == nil:
			return refused(resp.StatusCode, "answer has no error member: "+excerpt())
		}
		return refused(resp.StatusCode, errorMessage(env.Error))
	}
	if len(body) == 0 && out == nil {
		return nil
	}
	if parseErr != nil {
		return decodeErr(parseErr)
	}
	if env.Success == nil {
		return decodeErr(errors.New(`the "success" member is missing`))
	}
	if !*env.Success {
		var info errorInfo
		if env.Error != nil {
			info = *env.Error
		}
		return refused(failureStatus(resp.StatusCode, string(info.ErrorCode)), errorMessage(&info))
	}
	if out == nil {
		return nil
	}
	if len(env.Data) == 0 || string(env.Data) == "null" {
		return decodeErr(errors.New(`the "data" member is missing`))
	}
	if err := json.Unmarshal(env.Data, out); err != nil {
		return decodeErr(err)
	}
	return nil
}

// errorMessage is the vendor's message of a failed answer, falling back to
// its code, followed by its errorId when there is one: Jitterbit support
// looks a failure up by it.
func errorMessage(info *errorInfo) string {
	var msg string
	switch {
	case info.ErrorMessage != "":
		msg = info.ErrorMessage
	case info.ErrorCode != "":
		msg = "error code " + string(info.ErrorCode)
	default:
		msg = `the answer reports "success": false without an error message`
	}
	if id := strings.TrimSpace(info.ErrorID); id != "" {
		msg += " (errorId " + id + ")"
	}
	return msg
}

// failureStatus is the HTTP status a "success": false answer stands for:
// the HTTP status when it is an error already, else the one the error code
// names, by number ("404") or by name ("NOT_FOUND"), else 401 for a code
// about tokens, credentials or authentication, else the HTTP status as it
// is.
func failureStatus(httpStatus int, code string) int {
	if httpStatus >= http.StatusBadRequest {
		return httpStatus
	}
	code = strings.ToUpper(strings.TrimSpace(code))
	if n, err := strconv.Atoi(code); err == nil && n >= 400 && n <= 599 {
		return n
	}
	for status := 400; status <= 599; status++ {
		if text := http.StatusText(status); text != "" && code == statusCodeName(text) {
			return status
		}
	}
	if isAuthErrorCode(code) {
		return http.StatusUnauthorized
	}
	return httpStatus
}

// statusCodeName turns a status text into an error code: "Not Found"
// becomes "NOT_FOUND".
func statusCodeName(text string) string {
	return strings.ToUpper(strings.NewReplacer(" ", "_", "-", "_").Replace(text))
}

// isAuthErrorCode reports whether an upper-case error code says the caller
// is not (or no longer) authenticated, e.g. AUTH_TOKEN_EXPIRED,
// INVALID_TOKEN, INVALID_CREDENTIALS or UNAUTHENTICATED.
func isAuthErrorCode(code string) bool {
	for _, word := range []string{"TOKEN", "CREDENTIAL", "AUTHENTICAT", "UNAUTHORI"} {
		if strings.Contains(code, word) {
			return true
		}
	}
	return false
}
