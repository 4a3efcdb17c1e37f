package jama

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// FuzzDecode: whatever a server answers, decoding gives a value or an
// error naming Jama and the operation, and never panics.
func FuzzDecode(f *testing.F) {
	for _, seed := range []struct {
		status int
		ctype  string
		body   string
	}{
		{200, "application/json", `{"meta":{"status":"OK"},"data":{"id":1,"username":"u","active":true}}`},
		{200, "application/json", `{"meta":{"status":"OK","pageInfo":{"startIndex":0,"resultCount":1,"totalResults":1}},"data":[{"id":1}]}`},
		{404, "application/json", `{"meta":{"status":"Not Found","message":"no user"}}`},
		{502, "text/html", `<html><body>Bad Gateway</body></html>`},
		{200, "application/json", `{"meta":{"status":"OK"},"data":{"id":1,`},
		{200, "application/json", ``},
		{200, "application/json", `{"data":{"id":"one","username":5}}`},
		{201, "application/json", `{"meta":{"id":9,"location":"x"}}`},
	} {
		f.Add(seed.status, seed.ctype, []byte(seed.body))
	}
	r := &REST{product: "Jama"}
	f.Fuzz(func(t *testing.T, status int, ctype string, body []byte) {
		if status < 100 || status > 599 {
			return
		}
		resp := &transport.Response{StatusCode: status, Header: http.Header{"Content-Type": {ctype}}, Body: body}
		var user User
		_, err := r.decode("read user", http.MethodGet, "/users/1", resp, &user)
		if err == nil {
			if status >= 400 {
				t.Fatalf("status %d decoded without an error", status)
			}
			return
		}
		var apiErr *api.Error
		var decErr *api.DecodeError
		if !errors.As(err, &apiErr) && !errors.As(err, &decErr) {
			t.Fatalf("error of unexpected type %T: %v", err, err)
		}
		if !strings.Contains(err.Error(), "Jama") || !strings.Contains(err.Error(), "read user") {
			t.Fatalf("error does not name the product and operation: %v", err)
		}
	})
}
