package provider_test

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

const userAddr = "almsync_jama_user.test"

// expectUserInSandbox is a state check: verify is given the user of
// userAddr as the sandbox holds it.
func expectUserInSandbox(t *testing.T, sb *acctest.Sandbox, verify func(jama.User) error) statecheck.StateCheck {
	return acctest.ExpectObject(userAddr, func(id string) error {
		return verify(userInSandbox(t, sb, id))
	})
}

// expectJamaLogin is a state check: logging in to Jama as username with
// password answers want.
func expectJamaLogin(t *testing.T, sb *acctest.Sandbox, username, password string, want int) statecheck.StateCheck {
	return acctest.Expect(func() error {
		if got := jamaLoginStatus(t, sb, username, password); got != want {
			return fmt.Errorf("login as %s: HTTP %d, want %d", username, got, want)
		}
		return nil
	})
}

func testAccJamaUserConfig(sb *acctest.Sandbox, username, email, license string, active bool) string {
	return sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_jama_user" "test" {
  username            = %[1]q
  email               = %[2]q
  first_name          = "JIRA"
  last_name           = "User"
  title               = "Integration service account"
  license_type        = %[3]q
  active              = %[4]t
  password_wo         = "Initial-Pa55"
  password_wo_version = 1
}
`, username, email, license, active)
}

// testAccJamaUserPasswordConfig is a named user with the write-only
// password at version.
func testAccJamaUserPasswordConfig(sb *acctest.Sandbox, username, password string, version int) string {
	return sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_jama_user" "test" {
  username            = %[1]q
  email               = "%[1]s@example.com"
  first_name          = "Service"
  last_name           = "Account"
  license_type        = "NAMED"
  password_wo         = %[2]q
  password_wo_version = %[3]d
}
`, username, password, version)
}

// jamaLoginStatus is the status Jama answers GET /users/current with for
// Basic credentials username:password.
func jamaLoginStatus(t *testing.T, sb *acctest.Sandbox, username, password string) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, sb.ProductURL("jama")+"/rest/v1/users/current", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth(username, password)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	return resp.StatusCode
}

// userInSandbox reads the user straight from the sandbox's Jama API.
func userInSandbox(t *testing.T, sb *acctest.Sandbox, id string) jama.User {
	t.Helper()
	var u jama.User
	acctest.Data(t, sb.MustCall(t, http.StatusOK, http.MethodGet, "/jama/rest/v1/users/"+id, nil), &u)
	return u
}

func TestAccJamaUser_Lifecycle(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(*terraform.State) error {
			// Jama has no user delete: destroy deactivates.
			if u := userInSandbox(t, sb, id); u.Active {
				return fmt.Errorf("user %s is still active after destroy", id)
			}
			return nil
		},
		Steps: []resource.TestStep{
			// Create the JIRA Connector's service account.
			{
				Config: testAccJamaUserConfig(sb, "jira.user", "jira.user@example.com", "FLOATING", true),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("username"), knownvalue.StringExact("jira.user")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("license_type"), knownvalue.StringExact("FLOATING")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("active"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("phone"), knownvalue.Null()),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("password_wo"), knownvalue.Null()),
					sameID.AddStateValue(userAddr, tfjsonpath.New("id")),
					acctest.ExpectNoSecretInState("Initial-Pa55"),
					acctest.CaptureID(userAddr, &id),
					expectUserInSandbox(t, sb, func(u jama.User) error {
						if u.Email != "jira.user@example.com" || u.Title != "Integration service account" {
							return fmt.Errorf("sandbox holds %+v", u)
						}
						return nil
					}),
				},
			},
			// Import by id and by username: a clean round trip.
			{ResourceName: userAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"password_wo_version"}},
			{ResourceName: userAddr, ImportState: true, ImportStateId: "username=JIRA.USER", ImportStateVerify: true, ImportStateVerifyIgnore: []string{"password_wo_version"}},
			// New email and license: in place.
			{
				Config: testAccJamaUserConfig(sb, "jira.user", "integrations@example.com", "NAMED", true),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("email"), knownvalue.StringExact("integrations@example.com")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("license_type"), knownvalue.StringExact("NAMED")),
					sameID.AddStateValue(userAddr, tfjsonpath.New("id")),
				},
			},
			// Deactivate through Terraform.
			{
				Config: testAccJamaUserConfig(sb, "jira.user", "integrations@example.com", "NAMED", false),
				ConfigStateChecks: []statecheck.StateCheck{
					expectUserInSandbox(t, sb, func(u jama.User) error {
						if u.Active {
							return fmt.Errorf("user %d still active", u.ID)
						}
						return nil
					}),
				},
			},
			// Someone edits the user in Jama: the plan shows and repairs it.
			{
				PreConfig: func() {
					u := userInSandbox(t, sb, id)
					sb.MustCall(t, http.StatusOK, http.MethodPut, "/jama/rest/v1/users/"+id, map[string]any{
						"username": u.Username, "firstName": "Changed", "lastName": u.LastName, "email": u.Email,
						"title": u.Title, "licenseType": u.LicenseType,
					})
				},
				Config: testAccJamaUserConfig(sb, "jira.user", "integrations@example.com", "NAMED", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("JIRA")),
				}},
			},
		},
	})
}

func TestAccJamaUser_RecreateAfterDestroyReactivates(t *testing.T) {
	sb := acctest.StartSandbox(t)
	config := testAccJamaUserConfig(sb, "svc.interchange", "svc@example.com", "NAMED", true)
	var firstID string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:            config,
				ConfigStateChecks: []statecheck.StateCheck{acctest.CaptureID(userAddr, &firstID)},
			},
			// Destroy (deactivate), then create again: the same Jama user comes back active.
			{Config: config, Destroy: true},
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					expectUserInSandbox(t, sb, func(u jama.User) error {
						if id := strconv.FormatInt(u.ID, 10); id != firstID {
							return fmt.Errorf("a second user %s was created instead of reactivating %s", id, firstID)
						}
						if !u.Active {
							return fmt.Errorf("user %d was not reactivated", u.ID)
						}
						return nil
					}),
				},
			},
		},
	})
}

// TestAccJamaUser_PasswordChangeIsNotSent: Jama's REST API cannot change an
// existing user's password, so a new password_wo_version updates the state
// only, and the user keeps logging in with the password it was created with.
func TestAccJamaUser_PasswordChangeIsNotSent(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			// Create: the password is sent.
			{
				Config: testAccJamaUserPasswordConfig(sb, "svc.rotate", "Initial-Pa55", 1),
				ConfigStateChecks: []statecheck.StateCheck{
					expectJamaLogin(t, sb, "svc.rotate", "Initial-Pa55", http.StatusOK),
				},
			},
			// A new password and version: planned as an update (with the
			// warning, see TestJamaUser_PlanWarnsThatAPasswordChangeIsNotSent), not sent.
			{
				Config: testAccJamaUserPasswordConfig(sb, "svc.rotate", "Rotated-Pa55", 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("password_wo_version"), knownvalue.Int64Exact(2)),
					acctest.ExpectNoSecretInState("Rotated-Pa55"),
					// The user keeps its password; the new one was never sent.
					expectJamaLogin(t, sb, "svc.rotate", "Initial-Pa55", http.StatusOK),
					expectJamaLogin(t, sb, "svc.rotate", "Rotated-Pa55", http.StatusUnauthorized),
				},
			},
			// The state records the configured version: the plan is clean.
			{
				Config: testAccJamaUserPasswordConfig(sb, "svc.rotate", "Rotated-Pa55", 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
		},
	})
}

func TestAccJamaUser_DeletedOutOfBandIsPlannedAgain(t *testing.T) {
	sb := acctest.StartSandbox(t)
	config := testAccJamaUserConfig(sb, "gone.user", "gone@example.com", "NAMED", true)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: config},
			// Jama cannot delete users, but an instance can be restored without it:
			// the sandbox's reset stands in for that. The next plan creates it again.
			{
				PreConfig: func() { sb.Server.Reset() },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

func TestAccJamaUser_PlanTimeValidation(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cases := map[string]struct {
		attrs string
		want  string
	}{
		"no password":         {attrs: `email = "a@example.com"`, want: "Jama needs a password to create a user"},
		"bad email":           {attrs: "email = \"not-an-email\"\n  password = \"p\"", want: "not an email address"},
		"username with space": {attrs: "email = \"a@example.com\"\n  password = \"p\"\n  username = \"jira user\"", want: "must not contain spaces"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			username := `username = "valid.user"`
			if regexp.MustCompile(`username`).MatchString(tc.attrs) {
				username = ""
			}
			acctest.PlanFails(t, sb.ProviderConfig()+fmt.Sprintf(`
resource "almsync_jama_user" "test" {
  %s
  first_name   = "A"
  last_name    = "B"
  license_type = "NAMED"
  %s
}
`, username, tc.attrs), tc.want)
		})
	}
}

func TestAccJamaUserDataSource_LooksUpByUsername(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: sb.ProviderConfig() + `
data "almsync_jama_user" "admin" {
  username = "ADMIN"
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.almsync_jama_user.admin", tfjsonpath.New("id"), knownvalue.StringExact("1")),
					statecheck.ExpectKnownValue("data.almsync_jama_user.admin", tfjsonpath.New("username"), knownvalue.StringExact("admin")),
					statecheck.ExpectKnownValue("data.almsync_jama_user.admin", tfjsonpath.New("email"), knownvalue.StringExact("admin@example.com")),
					statecheck.ExpectKnownValue("data.almsync_jama_user.admin", tfjsonpath.New("active"), knownvalue.Bool(true)),
				},
			},
			{
				Config:      sb.ProviderConfig() + `data "almsync_jama_user" "nobody" { username = "nobody" }`,
				ExpectError: regexp.MustCompile(`has no user with username "nobody"`),
			},
		},
	})
}

// protoProvider serves the provider in-process over protocol 6 and talks to
// it directly, for what the test framework does not expose: the warnings
// of a plan.
type protoProvider struct {
	t      *testing.T
	server tfprotov6.ProviderServer
	schema *tfprotov6.GetProviderSchemaResponse
}

// newProtoProvider starts the provider and configures it with the given
// blocks (block name to attribute values); nil leaves it unconfigured.
func newProtoProvider(t *testing.T, blocks map[string]map[string]string) *protoProvider {
	t.Helper()
	server, err := acctest.ProviderFactories()["almsync"]()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	schema, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(schema.Diagnostics) > 0 {
		t.Fatalf("provider schema: %v %v", err, schema.Diagnostics)
	}
	p := &protoProvider{t: t, server: server, schema: schema}
	if blocks != nil {
		typ := schema.Provider.ValueType()
		vals := map[string]tftypes.Value{}
		for name, attrs := range blocks {
			block := map[string]tftypes.Value{}
			for k, v := range attrs {
				block[k] = tftypes.NewValue(tftypes.String, v)
			}
			vals[name] = objectOf(t, objectType(t, typ).AttributeTypes[name], block)
		}
		resp, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{
			TerraformVersion: "1.11.4", Config: dynamic(t, typ, objectOf(t, typ, vals)),
		})
		if err != nil || hasError(resp.Diagnostics) {
			t.Fatalf("configuring the provider: %v %s", err, diagText(resp.Diagnostics))
		}
	}
	return p
}

// plan validates config for resource typeName and plans it over prior
// (nil: a create), returning every diagnostic. The proposed new state is
// prior overlaid with config, write-only attributes (`*_wo`) left null, as
// Terraform proposes it.
func (p *protoProvider) plan(typeName string, prior, config map[string]tftypes.Value) []*tfprotov6.Diagnostic {
	p.t.Helper()
	rs, ok := p.schema.ResourceSchemas[typeName]
	if !ok {
		p.t.Fatalf("no resource %s", typeName)
	}
	typ := rs.ValueType()
	ctx := context.Background()
	cfg := dynamic(p.t, typ, objectOf(p.t, typ, config))
	vr, err := p.server.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{
		TypeName: typeName, Config: cfg,
		ClientCapabilities: &tfprotov6.ValidateResourceConfigClientCapabilities{WriteOnlyAttributesAllowed: true},
	})
	if err != nil {
		p.t.Fatal(err)
	}
	diags := vr.Diagnostics
	priorVal := tftypes.NewValue(typ, nil)
	proposed := map[string]tftypes.Value{}
	if prior != nil {
		priorVal = objectOf(p.t, typ, prior)
		maps.Copy(proposed, prior)
	}
	for k, v := range config {
		if !strings.HasSuffix(k, "_wo") {
			proposed[k] = v
		}
	}
	pr, err := p.server.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName: typeName, PriorState: dynamic(p.t, typ, priorVal),
		ProposedNewState: dynamic(p.t, typ, objectOf(p.t, typ, proposed)), Config: cfg,
	})
	if err != nil {
		p.t.Fatal(err)
	}
	return append(diags, pr.Diagnostics...)
}

func objectType(t *testing.T, typ tftypes.Type) tftypes.Object {
	t.Helper()
	obj, ok := typ.(tftypes.Object)
	if !ok {
		t.Fatalf("%s is not an object type", typ)
	}
	return obj
}

// objectOf is the object of type typ with vals, every other attribute null.
func objectOf(t *testing.T, typ tftypes.Type, vals map[string]tftypes.Value) tftypes.Value {
	t.Helper()
	obj := objectType(t, typ)
	attrs := map[string]tftypes.Value{}
	for name, at := range obj.AttributeTypes {
		if v, ok := vals[name]; ok {
			attrs[name] = v
		} else {
			attrs[name] = tftypes.NewValue(at, nil)
		}
	}
	for name := range vals {
		if _, ok := obj.AttributeTypes[name]; !ok {
			t.Fatalf("no attribute %q", name)
		}
	}
	return tftypes.NewValue(obj, attrs)
}

func dynamic(t *testing.T, typ tftypes.Type, v tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}

// diagText renders diags for a failure message.
func diagText(diags []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "\n%s: %s: %s", d.Severity, d.Summary, d.Detail)
	}
	return b.String()
}

func hasError(diags []*tfprotov6.Diagnostic) bool {
	return slices.ContainsFunc(diags, func(d *tfprotov6.Diagnostic) bool { return d.Severity == tfprotov6.DiagnosticSeverityError })
}

// warningsOf lists the warnings of diags as "summary: detail".
func warningsOf(diags []*tfprotov6.Diagnostic) []string {
	var out []string
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityWarning {
			out = append(out, d.Summary+": "+d.Detail)
		}
	}
	return out
}

func tfString(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }

func tfNumber(n int64) tftypes.Value { return tftypes.NewValue(tftypes.Number, n) }

func tfBool(b bool) tftypes.Value { return tftypes.NewValue(tftypes.Bool, b) }

// jamaUserState is the state of an existing named user, merged with extra.
func jamaUserState(extra map[string]tftypes.Value) map[string]tftypes.Value {
	m := map[string]tftypes.Value{
		"id": tfString("7"), "username": tfString("svc"), "email": tfString("svc@example.com"),
		"first_name": tfString("S"), "last_name": tfString("V"), "license_type": tfString("NAMED"), "active": tfBool(true),
	}
	maps.Copy(m, extra)
	return m
}

// jamaUserConfig is the configuration of that user, merged with extra.
func jamaUserConfig(extra map[string]tftypes.Value) map[string]tftypes.Value {
	m := jamaUserState(extra)
	delete(m, "id")
	delete(m, "active")
	return m
}

func TestJamaUser_PlanWarnsThatAPasswordChangeIsNotSent(t *testing.T) {
	t.Parallel()
	p := newProtoProvider(t, nil)
	wo := func(password string, version int64) map[string]tftypes.Value {
		return map[string]tftypes.Value{"password_wo": tfString(password), "password_wo_version": tfNumber(version)}
	}
	stateWO := map[string]tftypes.Value{"password_wo_version": tfNumber(1)}
	cases := map[string]struct {
		prior, config map[string]tftypes.Value
		wantWarning   bool
	}{
		"create sends the password":        {prior: nil, config: jamaUserConfig(wo("Initial-Pa55", 1))},
		"same version is quiet":            {prior: jamaUserState(stateWO), config: jamaUserConfig(wo("Initial-Pa55", 1))},
		"new version warns":                {prior: jamaUserState(stateWO), config: jamaUserConfig(wo("Rotated-Pa55", 2)), wantWarning: true},
		"same password is quiet":           {prior: jamaUserState(map[string]tftypes.Value{"password": tfString("a")}), config: jamaUserConfig(map[string]tftypes.Value{"password": tfString("a")})},
		"new password warns":               {prior: jamaUserState(map[string]tftypes.Value{"password": tfString("a")}), config: jamaUserConfig(map[string]tftypes.Value{"password": tfString("b")}), wantWarning: true},
		"password set after import warns":  {prior: jamaUserState(nil), config: jamaUserConfig(map[string]tftypes.Value{"password": tfString("b")}), wantWarning: true},
		"password removed is quiet":        {prior: jamaUserState(map[string]tftypes.Value{"password": tfString("a")}), config: jamaUserConfig(nil)},
		"other changes with no new secret": {prior: jamaUserState(stateWO), config: jamaUserConfig(mergeValues(wo("Initial-Pa55", 1), map[string]tftypes.Value{"title": tfString("New title")}))},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			diags := p.plan("almsync_jama_user", tc.prior, tc.config)
			if hasError(diags) {
				t.Fatalf("plan failed: %s", diagText(diags))
			}
			var found []string
			for _, w := range warningsOf(diags) {
				if strings.HasPrefix(w, "Jama User Password Not Changed: ") {
					found = append(found, w)
				}
			}
			if got := len(found) > 0; got != tc.wantWarning {
				t.Fatalf("password warnings %q, want warning %t", found, tc.wantWarning)
			}
			for _, w := range found {
				for _, want := range []string{"cannot change the password of an existing user", "NOT sent", "Admin > Users", "only so that the plan stays clean"} {
					if !strings.Contains(w, want) {
						t.Errorf("warning %q does not say %q", w, want)
					}
				}
			}
		})
	}
}

func mergeValues(a, b map[string]tftypes.Value) map[string]tftypes.Value {
	m := maps.Clone(a)
	maps.Copy(m, b)
	return m
}

func TestJamaUser_PlanWarnsOnANonCreatorLicense(t *testing.T) {
	t.Parallel()
	p := newProtoProvider(t, nil)
	for _, license := range jama.LicenseTypes {
		t.Run(license, func(t *testing.T) {
			diags := p.plan("almsync_jama_user", nil, jamaUserConfig(map[string]tftypes.Value{
				"license_type": tfString(license), "password": tfString("p"),
			}))
			if hasError(diags) {
				t.Fatalf("plan failed: %s", diagText(diags))
			}
			warnings := slices.DeleteFunc(warningsOf(diags), func(w string) bool {
				return !strings.HasPrefix(w, "License Type Cannot Run an Integration: ")
			})
			if got, want := len(warnings) > 0, license != "NAMED" && license != "FLOATING"; got != want {
				t.Fatalf("warnings %q, want warning %t", warnings, want)
			}
			for _, w := range warnings {
				for _, want := range []string{fmt.Sprintf("`license_type = %q`", license), "not a Creator license type", "NAMED", "FLOATING"} {
					if !strings.Contains(w, want) {
						t.Errorf("warning %q does not say %q", w, want)
					}
				}
			}
		})
	}
}

// TestAccJamaUser_EmptyOptionalStringsMeanUnset: `phone = ""` (say from a
// variable with `default = ""`) is accepted, applies, and plans clean.
func TestAccJamaUser_EmptyOptionalStringsMeanUnset(t *testing.T) {
	sb := acctest.StartSandbox(t)
	config := sb.ProviderConfig() + `
variable "phone" {
  type    = string
  default = ""
}

resource "almsync_jama_user" "test" {
  username     = "svc.empty"
  email        = "svc.empty@example.com"
  first_name   = "Service"
  last_name    = "Account"
  license_type = "NAMED"
  phone        = var.phone
  title        = ""
  location     = ""
  password     = "Initial-Pa55"
}
`
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("phone"), knownvalue.StringExact("")),
					expectUserInSandbox(t, sb, func(u jama.User) error {
						if u.Phone != "" || u.Title != "" || u.Location != "" {
							return fmt.Errorf("sandbox holds %+v, want no phone, title or location", u)
						}
						return nil
					}),
				},
			},
			// The next plan is empty.
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}
