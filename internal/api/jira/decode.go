package jira

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
	"mime"
	"net/http"
	"slices"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// excerptLength bounds the part of an unexpected body quoted in errors.
const excerptLength = 120

// errorCollection is Jira's error body: {"errorMessages": [...], "errors":
// {"field": "message"}}. Some Jira answers (and gateways in front of Jira)
// use {"message": "..."} instead.
type errorCollection struct {
	ErrorMessages []string          `json:"errorMessages"`
	Errors        map[string]string `json:"errors"`
	Message       string            `json:"message"`
}

// text joins the messages: errorMessages first, then each field error as
// "field: message", by field name.
func (e errorCollection) text() string {
	parts := slices.Clone(e.ErrorMessages)
	for _, field := range slices.Sorted(maps.Keys(e.Errors)) {
		parts = append(parts, field+": "+e.Errors[field])
	}
	if len(parts) == 0 && e.Message != "" {
		parts = append(parts, e.Message)
	}
	return strings.Join(parts, "; ")
}

// checker is a decoded answer that can tell whether it is what Jira sends.
type checker interface{ check() error }

// decode turns an answer into nil, an *api.Error (Jira refused) or an
// *api.DecodeError (the answer is not Jira's JSON). A successful answer is
// decoded into out and checked when out is a checker.
func decode(op, method, path string, resp *transport.Response, out any) error {
	ct := resp.Header.Get("Content-Type")
	body := bytes.TrimSpace(resp.Body)
	excerpt := func() string { return api.Excerpt([]byte(transport.MaskBody(ct, body)), excerptLength) }

	if resp.StatusCode >= http.StatusBadRequest {
		apiErr := &api.Error{Product: productName, Operation: op, Method: method, Path: path, StatusCode: resp.StatusCode}
		var ec errorCollection
		switch {
		case len(body) == 0:
		case json.Unmarshal(body, &ec) == nil && ec.text() != "":
			apiErr.Message = ec.text()
		case isHTML(ct, body):
			apiErr.Message = "answer is an HTML page, not Jira's JSON: " + excerpt()
		default:
			apiErr.Message = "answer is not Jira's error JSON: " + excerpt()
		}
		if hint := loginDeniedHint(resp.Header); hint != "" {
			apiErr.Message = strings.TrimPrefix(apiErr.Message+"; "+hint, "; ")
		}
		return apiErr
	}

	decodeErr := func(err error) error {
		return &api.DecodeError{Product: productName, Operation: op, StatusCode: resp.StatusCode,
			ContentType: ct, Excerpt: excerpt(), Err: err}
	}
	switch {
	case len(body) == 0 || string(body) == "null":
		return decodeErr(errors.New("the answer is empty"))
	case isHTML(ct, body):
		return decodeErr(errors.New("the answer is an HTML page (a login page or a proxy?): " +
			"check that the URL is the Jira site's base URL and that the site accepts HTTP Basic authentication"))
	}
	if err := json.Unmarshal(body, out); err != nil {
		return decodeErr(err)
	}
	if c, ok := out.(checker); ok {
		if err := c.check(); err != nil {
			return decodeErr(err)
		}
	}
	return nil
}

// isHTML reports whether a body is an HTML page, by content type or by its
// first character.
func isHTML(contentType string, body []byte) bool {
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err == nil && (mediaType == "text/html" || mediaType == "application/xhtml+xml") {
		return true
	}
	return len(body) > 0 && body[0] == '<'
}

// loginDeniedHint explains Jira Server's X-Seraph-LoginReason header when it
// says the login was refused without checking the password: after too many
// failed logins Jira demands a CAPTCHA.
func loginDeniedHint(h http.Header) string {
	if strings.Contains(h.Get("X-Seraph-LoginReason"), "AUTHENTICATION_DENIED") {
		return "Jira refuses this login until a CAPTCHA is answered after too many failed attempts: " +
			"log in once through the web page, then try again"
	}
	return ""
}
