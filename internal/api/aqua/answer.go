package aqua

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// excerptBytes is how much of an unexpected body an error quotes.
const excerptBytes = 120

// decodeAnswer turns aqua's answer into out, or into an *api.Error for a
// status outside 2xx, or an *api.DecodeError for a body that is not the
// expected JSON. With out nil, any 2xx body is accepted.
func decodeAnswer(op, method, path string, resp *transport.Response, out any) error {
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return &api.Error{Product: productName, Operation: op, Method: method, Path: path,
			StatusCode: resp.StatusCode, Message: errorMessage(resp)}
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

// decodeError reports a body the client cannot use.
func decodeError(op string, resp *transport.Response, err error) error {
	ct := resp.Header.Get("Content-Type")
	return &api.DecodeError{Product: productName, Operation: op, StatusCode: resp.StatusCode,
		ContentType: ct, Excerpt: excerpt(ct, resp.Body), Err: err}
}

// missingID reports a created object answered without its id.
func missingID(op string) error {
	return &api.DecodeError{Product: productName, Operation: op, StatusCode: http.StatusCreated,
		Err: errors.New("the answer has no Id")}
}

// excerpt is the start of body, secrets masked, for an error message.
func excerpt(contentType string, body []byte) string {
	return api.Excerpt([]byte(transport.MaskBody(contentType, body)), excerptBytes)
}

// errorMessage extracts aqua's message from an error answer: the ASP.NET
// {"Message", "ModelState"} body, or the OAuth {"error",
// "error_description"} body of the token endpoint. Other bodies are quoted.
func errorMessage(resp *transport.Response) string {
	body := bytes.TrimSpace(resp.Body)
	if len(body) == 0 {
		return ""
	}
	var aspnet ErrorBody
	if json.Unmarshal(body, &aspnet) == nil && (aspnet.Message != "" || len(aspnet.ModelState) > 0) {
		return withModelState(aspnet)
	}
	var oauth TokenError
	if json.Unmarshal(body, &oauth) == nil && oauth.Error != "" {
		if oauth.Description == "" {
			return oauth.Error
		}
		return oauth.Error + ": " + oauth.Description
	}
	return "answer is not aqua's JSON error: " + excerpt(resp.Header.Get("Content-Type"), resp.Body)
}

// withModelState appends ASP.NET's per-field validation messages, in key
// order, to the message.
func withModelState(b ErrorBody) string {
	if len(b.ModelState) == 0 {
		return b.Message
	}
	keys := make([]string, 0, len(b.ModelState))
	for k := range b.ModelState {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s: %s", k, strings.Join(b.ModelState[k], " ")))
	}
	if b.Message == "" {
		return strings.Join(parts, "; ")
	}
	return b.Message + " " + strings.Join(parts, "; ")
}
