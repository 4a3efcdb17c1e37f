package jitterbit

import (
	"net/http"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// FuzzDecode: whatever a server answers, decoding gives a value or an
// error naming Jitterbit and the operation, and never panics.
func FuzzDecode(f *testing.F) {
	for _, seed := range []struct {
		status int
		ctype  string
		body   string
	}{
		{200, "application/json", `{"success":true,"data":{"id":"1","name":"x"}}`},
		{200, "application/json", `{"Id":1,"UserName":"u"}`},
		{401, "application/json", `{"errorMessages":["You are not authenticated."],"errors":{}}`},
		{400, "application/json", `{"Message":"The request is invalid.","ModelState":{"user.Email":["required"]}}`},
		{200, "application/json", `{"success":false,"error":{"errorMessage":"Invalid","errorCode":"AUTH_TOKEN_INVALID"}}`},
		{502, "text/html", `<html><body>Bad Gateway</body></html>`},
		{200, "application/json", `{"data":{"id":1,`},
		{200, "application/json", ``},
		{200, "application/json", `null`},
	} {
		f.Add(seed.status, seed.ctype, []byte(seed.body))
	}
	f.Fuzz(func(t *testing.T, status int, ctype string, body []byte) {
		if status < 100 || status > 599 {
			return
		}
		resp := &transport.Response{StatusCode: status, Header: http.Header{"Content-Type": {ctype}}, Body: body}
		var out map[string]any
		err := decode("read thing", http.MethodGet, "/thing", resp, &out)
		if err == nil {
			if status >= 400 {
				t.Fatalf("status %d decoded without an error", status)
			}
			return
		}
		if !strings.Contains(err.Error(), "Jitterbit") || !strings.Contains(err.Error(), "read thing") {
			t.Fatalf("error does not name the product and operation: %v", err)
		}
	})
}
