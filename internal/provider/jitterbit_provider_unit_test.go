package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

func TestHarmonyURLWarning(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		url  string
		want string // "" means no warning
	}{
		"the default":                {url: "https://harmony-api.na-east.jitterbit.com/dev"},
		"another region and stage":   {url: "https://harmony-api.emea-west.jitterbit.com/api"},
		"qa with a trailing slash":   {url: "https://harmony-api.apac-southeast.jitterbit.com/qa/"},
		"the sandbox":                {url: "http://127.0.0.1:8080/jitterbit"},
		"localhost":                  {url: "http://localhost:8080/jitterbit"},
		"an environment as the path": {url: "https://harmony-api.na-east.jitterbit.com/prod", want: "The last segment is an API stage, not a Harmony environment"},
		"no stage":                   {url: "https://harmony-api.na-east.jitterbit.com", want: "must be one API stage of `dev`, `qa`, `api`"},
		"two segments":               {url: "https://harmony-api.na-east.jitterbit.com/dev/v1", want: "must be one API stage"},
		"an unknown region":          {url: "https://harmony-api.mars-north.jitterbit.com/dev", want: "does not name a Harmony API host"},
		"a bridge": {url: "https://jsm-bridge.example.com/harmony",
			want: "Jitterbit's default is `https://harmony-api.na-east.jitterbit.com/dev`"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			diags := harmonyURLWarning(endpointConfig{configured: true, values: map[string]string{"url": tc.url}})
			if diags.HasError() {
				t.Fatalf("errors: %v", diags)
			}
			if tc.want == "" {
				if len(diags) != 0 {
					t.Fatalf("warned about %s: %v", tc.url, diags)
				}
				return
			}
			if len(diags) != 1 || !strings.Contains(diags[0].Detail(), tc.want) {
				t.Fatalf("warnings %v, want one saying %q", diags, tc.want)
			}
		})
	}
}

func TestJitterbitBlock_DefaultURLAndEnvironment(t *testing.T) {
	t.Setenv("JITTERBIT_URL", "")
	t.Setenv("JITTERBIT_ENVIRONMENT_ID", "")
	t.Setenv("JITTERBIT_USERNAME", "")
	t.Setenv("JITTERBIT_PASSWORD", "")
	t.Setenv("JITTERBIT_ORGANIZATION_ID", "")
	spec := endpoints().jitterbit
	attrTypes, values := map[string]attr.Type{}, map[string]attr.Value{}
	for _, f := range spec.fields() {
		attrTypes[f.attr], values[f.attr] = types.StringType, types.StringNull()
	}
	values["username"], values["password"] = types.StringValue("u"), types.StringValue("p")
	block, d := types.ObjectValue(attrTypes, values)
	if d.HasError() {
		t.Fatal(d)
	}
	cfg := spec.resolve(block)
	if got := cfg.get("url"); got != harmonyDefaultURL {
		t.Errorf("url without a value is %q, want the default %q", got, harmonyDefaultURL)
	}
	if diags := spec.validate(cfg); diags.HasError() {
		t.Errorf("a block without url is invalid: %v", diags)
	}
	t.Setenv("JITTERBIT_ENVIRONMENT_ID", "202")
	if got := spec.resolve(block).get("environment_id"); got != "202" {
		t.Errorf("environment_id from JITTERBIT_ENVIRONMENT_ID is %q, want 202", got)
	}
}

func TestAddJitterbitAPIError_LoginRefusals(t *testing.T) {
	t.Parallel()
	refusal := func(reason error) error {
		return fmt.Errorf("%w: %w", &api.Error{Product: "Jitterbit", Operation: "login", StatusCode: 401, Message: "refused"}, reason)
	}
	cases := map[string]struct {
		err  error
		want string
	}{
		"SSO":        {err: refusal(jitterbit.ErrSSOLogin), want: "to a Harmony account without SSO: a non-SSO user"},
		"two-factor": {err: refusal(jitterbit.ErrTwoFactorLogin), want: "to a Harmony account without SSO or two-factor authentication"},
		"a wrong password": {err: &api.Error{Product: "Jitterbit", Operation: "login", StatusCode: 401, Message: "bad credentials"},
			want: "Check the credentials of the provider block"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var diags diag.Diagnostics
			addJitterbitAPIError(&diags, "Unable to Read Jitterbit Project", tc.err)
			if len(diags) != 1 || !strings.Contains(diags[0].Detail(), tc.want) {
				t.Fatalf("diagnostics %v, want one saying %q", diags, tc.want)
			}
		})
	}
}
