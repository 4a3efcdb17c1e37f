package aqua

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// excerptBytes is how much of an unexpected body an error quotes.
const excerptBytes = 120

// decodeAnswer turns aqua's answer into out, or into an error for a
// status outside 2xx (an *Error when aqua answered its ApiError, else an
// *api.Error), or an *api.DecodeError for a body that is not the expected
// JSON. With out nil, any 2xx body is accepted.
func decodeAnswer(op, method, path string, resp *transport.Response, out any) error {
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return answerError(op, method, path, resp)
	}
	if out == nil {
		return nil
	}
	body := bytes.TrimSpace(resp.Body)
	switch {
	case len(body) == 0:
		return decodeError(op, resp, errors.New("the answer is empty"))
	case string(body) == "null":
		return decodeError(op, resp, errors.New("the answer is null"))
	}
	if err := json.Unmarshal(body, out); err != nil {
		return decodeError(op, resp, err)
	}
	return nil
}

// answerError is the error for aqua's answer outside 2xx.
func answerError(op, method, path string, resp *transport.Response) error {
	apiErr := &api.Error{Product: productName, Operation: op, Method: method, Path: path, StatusCode: resp.StatusCode}
	body := bytes.TrimSpace(resp.Body)
	if len(body) == 0 {
		return apiErr
	}
	var vendor APIError
	if json.Unmarshal(body, &vendor) == nil && (vendor.Message != "" || vendor.Type != "") {
		apiErr.Message = vendor.describe()
		return &Error{Err: apiErr, Body: vendor}
	}
	var oauth TokenError
	if json.Unmarshal(body, &oauth) == nil && oauth.Error != "" {
		apiErr.Message = oauth.Error
		if oauth.Description != "" {
			apiErr.Message += ": " + oauth.Description
		}
		return apiErr
	}
	apiErr.Message = "answer is not aqua's JSON error: " + excerpt(resp.Header.Get("Content-Type"), resp.Body)
	return apiErr
}

// decodeError reports a body the client cannot use.
func decodeError(op string, resp *transport.Response, err error) error {
	ct := resp.Header.Get("Content-Type")
	return &api.DecodeError{Product: productName, Operation: op, StatusCode: resp.StatusCode,
		ContentType: ct, Excerpt: excerpt(ct, resp.Body), Err: err}
}

// missingID reports a create answered without the new object's id.
func missingID(op string, status int, what string) error {
	return &api.DecodeError{Product: productName, Operation: op, StatusCode: status,
		Err: fmt.Errorf("the answer has no %s", what)}
}

// excerpt is the start of body, secrets masked, for an error message.
func excerpt(contentType string, body []byte) string {
	return api.Excerpt([]byte(transport.MaskBody(contentType, body)), excerptBytes)
}
