package aqua

import (
	"net/http"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// FuzzDecode: whatever a server answers, decoding gives a value or an
// error naming aqua and the operation, and never panics.
func FuzzDecode(f *testing.F) {
	for _, seed := range []struct {
		status int
		ctype  string
		body   string
	}{
		{200, "application/json", `{"Id":1,"UserName":"u","Licenses":[{"Code":"JIRASYNC","Type":"Named"}]}`},
		{200, "application/json", `{"Assignements":[{"Role":{"Id":3,"Name":"Project Administrator"},"User":{"Id":7},"FolderId":0}]}`},
		{401, "application/json", `{"Message":"Authorization has been denied for this request.","Code":"401","Type":"Unauthorized"}`},
		{403, "application/json", `{"Message":"m","Code":"c","Type":"Forbidden","ForbiddenErrorType":"NotLicensed","ErrorData":{"x":[1]}}`},
		{400, "application/json", `{"Message":"dup","Code":"c","Type":"ArgumentError","ArgumentErrorType":"DuplicateUserName"}`},
		{400, "application/json", `{"error":"invalid_grant","error_description":"The user name or password is incorrect."}`},
		{400, "application/json", `{"Type":7,"Message":null}`},
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
		err := decodeAnswer("read thing", http.MethodGet, "/thing", resp, &out)
		if err == nil {
			if status >= 400 {
				t.Fatalf("status %d decoded without an error", status)
			}
			return
		}
		if !strings.Contains(err.Error(), "aqua") || !strings.Contains(err.Error(), "read thing") {
			t.Fatalf("error does not name the product and operation: %v", err)
		}
	})
}
