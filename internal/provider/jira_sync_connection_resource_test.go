package provider_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

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

const syncAddr = "almsync_jira_sync_connection.test"

// testAccJiraSyncConfig is a connection run by a managed Jama user; schedule
// is the body of the schedule block.
func testAccJiraSyncConfig(sb *acctest.Sandbox, schedule string, extra string) string {
	return sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_jama_user" "jira_user" {
  username     = "jira.user"
  email        = "jira.user@example.com"
  first_name   = "JIRA"
  last_name    = "User"
  license_type = "FLOATING"
  password     = "Jama-Pa55"
}

resource "almsync_jira_sync_connection" "test" {
  jira_url                 = "https://acme.atlassian.net"
  jira_username            = "sync@example.com"
  jira_password_wo         = "sandbox-token"
  jira_password_wo_version = 1
  jama_user                = almsync_jama_user.jira_user.username
  %[2]s

  schedule {
    %[1]s
  }
}
`, schedule, extra)
}

func syncConnectionInSandbox(t *testing.T, sb *acctest.Sandbox, id string) jama.JiraConnection {
	t.Helper()
	var c jama.JiraConnection
	acctest.Data(t, sb.MustCall(t, http.StatusOK, http.MethodGet, "/jama/almsync/jama-jira-connector/v1/connections/"+id, nil), &c)
	return c
}

func TestAccJiraSyncConnection_Lifecycle(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(*terraform.State) error {
			if status, _ := sb.Call(t, http.MethodGet, "/jama/almsync/jama-jira-connector/v1/connections/"+id, nil); status != http.StatusNotFound {
				return fmt.Errorf("connection %s still exists after destroy (status %d)", id, status)
			}
			return nil
		},
		Steps: []resource.TestStep{
			// The seed's "last Friday of every month" schedule, described in the plan.
			{
				Config: testAccJiraSyncConfig(sb, `cron = "0 15 10 ? * 6L"`, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue(syncAddr, tfjsonpath.New("schedule_description"), knownvalue.StringExact("At 10:15, on the last Friday of the month")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(syncAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(syncAddr, tfjsonpath.New("use_plain_text"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(syncAddr, tfjsonpath.New("failure_notification_user"), knownvalue.Null()),
					statecheck.ExpectKnownValue(syncAddr, tfjsonpath.New("jira_password_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(syncAddr, tfjsonpath.New("schedule").AtMapKey("interval_minutes"), knownvalue.Null()),
					sameID.AddStateValue(syncAddr, tfjsonpath.New("id")),
					acctest.NoValueInState("sandbox-token"),
					acctest.CaptureID(syncAddr, &id),
					acctest.ExpectObject(syncAddr, func(connID string) error {
						c := syncConnectionInSandbox(t, sb, connID)
						n, _ := strconv.ParseInt(connID, 10, 64)
						if pw, _ := sb.Server.JiraConnectionPassword(n); pw != "sandbox-token" {
							return fmt.Errorf("the write-only password did not reach Jama")
						}
						if c.JamaUser != "jira.user" || c.Schedule.Cron != "0 15 10 ? * 6L" {
							return fmt.Errorf("sandbox holds %+v", c)
						}
						return nil
					}),
				},
			},
			// Import by id and by Jira URL.
			{ResourceName: syncAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"jira_password_wo_version"}},
			{ResourceName: syncAddr, ImportState: true, ImportStateId: "jira_url=https://ACME.atlassian.net/", ImportStateVerify: true, ImportStateVerifyIgnore: []string{"jira_password_wo_version"}},
			// Simple scheduling, notifications, plain text: in place.
			{
				Config: testAccJiraSyncConfig(sb, `interval_minutes = 60`, `failure_notification_user = "admin"
  use_plain_text = true`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(syncAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(syncAddr, tfjsonpath.New("schedule_description"), knownvalue.StringExact("Every hour")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(syncAddr, tfjsonpath.New("schedule").AtMapKey("interval_minutes"), knownvalue.Int64Exact(60)),
					statecheck.ExpectKnownValue(syncAddr, tfjsonpath.New("schedule").AtMapKey("cron"), knownvalue.Null()),
					statecheck.ExpectKnownValue(syncAddr, tfjsonpath.New("failure_notification_user"), knownvalue.StringExact("admin")),
					statecheck.ExpectKnownValue(syncAddr, tfjsonpath.New("use_plain_text"), knownvalue.Bool(true)),
					sameID.AddStateValue(syncAddr, tfjsonpath.New("id")),
				},
			},
			// Someone disables synchronization in Jama: the plan shows it and apply restores it.
			{
				PreConfig: func() {
					c := syncConnectionInSandbox(t, sb, id)
					c.Enabled = false
					c.ID = 0 // read-only: the contract's PUT takes no id
					sb.MustCall(t, http.StatusOK, http.MethodPut, "/jama/almsync/jama-jira-connector/v1/connections/"+id, c)
				},
				Config: testAccJiraSyncConfig(sb, `interval_minutes = 60`, `failure_notification_user = "admin"
  use_plain_text = true`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(syncAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(syncAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Expect(func() error {
						if !syncConnectionInSandbox(t, sb, id).Enabled {
							return fmt.Errorf("apply did not enable synchronization again")
						}
						return nil
					}),
				},
			},
			// Deleted in Jama: planned for creation again.
			{
				PreConfig: func() {
					sb.MustCall(t, http.StatusNoContent, http.MethodDelete, "/jama/almsync/jama-jira-connector/v1/connections/"+id, nil)
				},
				Config: testAccJiraSyncConfig(sb, `interval_minutes = 60`, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(syncAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.CaptureID(syncAddr, &id)},
			},
		},
	})
}

// TestAccJiraSyncConnection_NormalisedCronNeverDiffs: Jama stores
// `0 0/5 14 ? * MON-FRI` for `0  0/5 14 ? * mon-fri`; neither apply nor the
// next plan nor an import may show a difference.
func TestAccJiraSyncConnection_NormalisedCronNeverDiffs(t *testing.T) {
	sb := acctest.StartSandbox(t)
	config := testAccJiraSyncConfig(sb, `cron = "0  0/5 14 ? * mon-fri"`, "")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(syncAddr, tfjsonpath.New("schedule").AtMapKey("cron"), knownvalue.StringExact("0  0/5 14 ? * mon-fri")),
					acctest.ExpectObject(syncAddr, func(id string) error {
						if c := syncConnectionInSandbox(t, sb, id); c.Schedule.Cron != "0 0/5 14 ? * MON-FRI" {
							return fmt.Errorf("the sandbox did not normalise the cron: %q", c.Schedule.Cron)
						}
						return nil
					}),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			// A different schedule is a change.
			{
				Config: testAccJiraSyncConfig(sb, `cron = "0 0/10 14 ? * mon-fri"`, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(syncAddr, plancheck.ResourceActionUpdate),
				}},
			},
		},
	})
}

// TestAccJiraSyncConnection_ImportOfNormalisedCronPlansClean: a connection
// made in Jama's UI holds Jama's spelling; importing it under a config that
// spells the schedule differently plans no change.
func TestAccJiraSyncConnection_ImportOfNormalisedCronPlansClean(t *testing.T) {
	sb := acctest.StartSandbox(t)
	var created jama.Envelope[any]
	body := sb.MustCall(t, http.StatusCreated, http.MethodPost, "/jama/almsync/jama-jira-connector/v1/connections", jama.JiraConnection{
		JiraURL: "https://jira.example.com", JiraUsername: "svc", JiraPassword: "pw", JamaUser: "admin",
		Schedule: jama.SyncSchedule{Type: jama.ScheduleCron, Cron: "0 15 10 ? * mon-fri"}, Enabled: true,
	})
	if err := json.Unmarshal(body, &created); err != nil {
		t.Fatal(err)
	}
	config := sb.ProviderConfig() + `
resource "almsync_jira_sync_connection" "test" {
  jira_url      = "https://jira.example.com"
  jira_username = "svc"
  jira_password = "pw"
  jama_user     = "admin"
  schedule {
    cron = "0 15 10 ? * mon-fri"
  }
}
`
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:             config,
				ResourceName:       syncAddr,
				ImportState:        true,
				ImportStateId:      strconv.FormatInt(created.Meta.ID, 10),
				ImportStatePersist: true,
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if got := states[0].Attributes["schedule.cron"]; got != "0 15 10 ? * MON-FRI" {
						return fmt.Errorf("imported cron %q, want Jama's spelling", got)
					}
					return nil
				},
			},
			// Only the password, which Jama never returns, is planned.
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue(syncAddr, tfjsonpath.New("schedule").AtMapKey("cron"), knownvalue.StringExact("0 15 10 ? * MON-FRI")),
				}},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

func TestAccJiraSyncConnection_InactiveJamaUserFailsAtApply(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + `
resource "almsync_jira_sync_connection" "test" {
  jira_url      = "https://jira.example.com"
  jira_username = "svc-jama"
  jira_password = "pw"
  jama_user     = "no.such.user"
  schedule {
    interval_minutes = 720
  }
}
`,
			ExpectError: acctest.MessagePattern(`Unable to Create JIRA Sync Connection.*no.such.user.*not an active Jama user`),
		}},
	})
}

func TestAccJiraSyncConnection_PlanTimeValidation(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cases := map[string]struct {
		url, username, schedule, password string
		want                              string
	}{
		"both day fields set":                 {schedule: `cron = "0 0 * * * *"`, want: `Invalid Quartz Cron Expression.*day-of-week`},
		"L in a day-of-week list":             {schedule: `cron = "0 43 9 ? * 6,7,L"`, want: `Invalid Quartz Cron Expression.*day-of-week`},
		"32W":                                 {schedule: `cron = "0/5 * * 32W 1 ?"`, want: `Invalid Quartz Cron Expression.*day-of-month`},
		"increment over 59":                   {schedule: `cron = "/120 0 8-18 ? * 2-6"`, want: `Invalid Quartz Cron Expression.*seconds`},
		"five fields":                         {schedule: `cron = "0 12 * * ?"`, want: `Invalid Quartz Cron Expression`},
		"interval zero":                       {schedule: `interval_minutes = 0`, want: `between 1 and 525600`},
		"interval over a year":                {schedule: `interval_minutes = 525601`, want: `between 1 and 525600`},
		"interval and cron":                   {schedule: "interval_minutes = 60\n    cron = \"0 0 12 * * ?\"", want: "Conflicting Schedule Attributes.*`schedule.interval_minutes` and\\s+`schedule.cron`"},
		"neither interval nor cron":           {schedule: ``, want: "Missing Schedule.*neither\\s+`schedule.interval_minutes`"},
		"31st of February":                    {schedule: `cron = "0 0 12 31 2 ?"`, want: `Schedule Never Fires.*day-of-month field`},
		"a past year":                         {schedule: `cron = "0 0 12 1 1 ? 2020"`, want: `Schedule Never Fires.*year field.*in the past`},
		"L in the seconds field":              {schedule: `cron = "L 0 12 * * ?"`, want: `Schedule Never Fires.*seconds field.*throws`},
		"cloud username not an email":         {url: "https://acme.atlassian.net", username: "svc-jama", want: `Jira Cloud Needs an Email Address`},
		"cloud gateway username not an email": {url: "https://api.atlassian.com/ex/jira/4f2c9a1e-7b3d-4e8a-9c5f-0d6e1a2b3c4d", username: "svc-jama", want: `Jira Cloud Needs an Email Address`},
		"no password":                         {password: "none", want: `Missing JIRA Password`},
		"relative jira url":                   {url: "acme.atlassian.net", want: `Invalid URL.*absolute.*http://.*https://.*URL`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			url, username, schedule := "https://jira.example.com", "svc", `interval_minutes = 60`
			if tc.url != "" {
				url = tc.url
			}
			if tc.username != "" {
				username = tc.username
			}
			if tc.schedule != "" || name == "neither interval nor cron" {
				schedule = tc.schedule
			}
			password := `jira_password = "pw"`
			if tc.password == "none" {
				password = ""
			}
			acctest.PlanFails(t, sb.ProviderConfig()+fmt.Sprintf(`
resource "almsync_jira_sync_connection" "test" {
  jira_url      = %q
  jira_username = %q
  jama_user     = "jira.user"
  %s
  schedule {
    %s
  }
}
`, url, username, password, schedule), tc.want)
		})
	}
	if n := sb.Server.Stats().Total; n != 0 {
		t.Errorf("plan-time validation made %d requests to the sandbox, want none", n)
	}
}

func TestAccJiraSyncConnection_ScheduleBlockIsRequired(t *testing.T) {
	sb := acctest.StartSandbox(t)
	acctest.PlanFails(t, sb.ProviderConfig()+`
resource "almsync_jira_sync_connection" "test" {
  jira_url      = "https://jira.example.com"
  jira_username = "svc"
  jira_password = "pw"
  jama_user     = "jira.user"
}
`, `Missing schedule block`)
}

// syncProtoConfig is a connection configuration for protoProvider.plan
// with the given jira_url and schedule.cron.
func syncProtoConfig(t *testing.T, p *protoProvider, jiraURL, cron string) map[string]tftypes.Value {
	t.Helper()
	typ := p.schema.ResourceSchemas["almsync_jira_sync_connection"].ValueType()
	scheduleType := objectType(t, typ).AttributeTypes["schedule"]
	return map[string]tftypes.Value{
		"jira_url": tfString(jiraURL), "jira_username": tfString("svc"), "jira_password": tfString("pw"), "jama_user": tfString("jira.user"),
		"schedule": objectOf(t, scheduleType, map[string]tftypes.Value{"cron": tfString(cron)}),
	}
}

// TestJiraSyncConnectionDiagnosticsHideSecrets feeds values a sensitive
// variable could supply, which reach the provider unmarked, and checks that
// no diagnostic prints them.
func TestJiraSyncConnectionDiagnosticsHideSecrets(t *testing.T) {
	t.Parallel()
	p := newProtoProvider(t, nil)
	const secret = "s3cr3t-Value"
	cases := map[string]struct {
		url, cron string
		want      string // summary of the expected diagnostic
	}{
		"userinfo in an http jira_url": {url: "http://svc:" + secret + "@jira.example.com", cron: "0 0 12 * * ?", want: "JIRA Credentials in Clear Text"},
		"cron is the secret":           {url: "https://jira.example.com", cron: secret, want: "Invalid Quartz Cron Expression"},
		"secret as the year":           {url: "https://jira.example.com", cron: "0 0 12 * * ? " + secret, want: "Invalid Quartz Cron Expression"},
		"secret as an eighth field":    {url: "https://jira.example.com", cron: "0 0 12 * * ? 2030 " + secret, want: "Part of the Cron Expression Has No Effect"},
		"secret after a day name":      {url: "https://jira.example.com", cron: "0 0 12 ? * MON" + secret, want: "Part of the Cron Expression Has No Effect"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			diags := p.plan("almsync_jira_sync_connection", nil, syncProtoConfig(t, p, tc.url, tc.cron))
			text := diagText(diags)
			if !strings.Contains(text, tc.want) {
				t.Fatalf("diagnostics %s, want %q", text, tc.want)
			}
			if strings.Contains(strings.ToUpper(text), strings.ToUpper(secret)) {
				t.Errorf("diagnostics print the secret: %s", text)
			}
		})
	}
}

// TestJiraSyncConnectionPlanWarnings checks that each warning comes once
// per plan (from ModifyPlan, not ValidateConfig, which Terraform calls in
// both its validate and plan walks) and names what it is about.
func TestJiraSyncConnectionPlanWarnings(t *testing.T) {
	t.Parallel()
	p := newProtoProvider(t, nil)
	cases := map[string]struct {
		url, cron string
		want      []string // one warning containing each
	}{
		"https and a plain cron": {url: "https://jira.example.com", cron: "0 0 12 * * ?"},
		"http":                   {url: "http://jira.example.com", cron: "0 0 12 * * ?", want: []string{"`jira_url` uses http://"}},
		"every second":           {url: "https://jira.example.com", cron: "* * * * * ?", want: []string{"more than once a minute"}},
		"eighth field":           {url: "https://jira.example.com", cron: "0 0 12 * * ? 2030 2031", want: []string{`"2031" from position 8 on has no effect`}},
		"W in a list": {url: "https://jira.example.com", cron: "0 0 12 1W,15 * ?",
			want: []string{`"1W,15" in the day-of-month field (position 4) has no effect: with 'W' (nearest weekday) in the field Quartz uses only its smallest value, 1`}},
		"step after a day name": {url: "https://jira.example.com", cron: "0 0 12 ? * MON/2",
			want: []string{`"/2" in the day-of-week field (position 6) has no effect: Quartz reads only the three-letter name and ignores what follows it, increments included. The schedule keeps Quartz's meaning (At 12:00, on Monday)`}},
		"zero increment": {url: "https://jira.example.com", cron: "0/0 0 12 * * ?", want: []string{`"/0" in the seconds field (position 1) has no effect`}},
		"two parts, two warnings": {url: "https://jira.example.com", cron: "0/0 0 12 ? * MON/2",
			want: []string{`"/0" in the seconds field`, `"/2" in the day-of-week field`}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			diags := p.plan("almsync_jira_sync_connection", nil, syncProtoConfig(t, p, tc.url, tc.cron))
			if hasError(diags) {
				t.Fatalf("plan failed: %s", diagText(diags))
			}
			warnings := warningsOf(diags)
			if len(warnings) != len(tc.want) {
				t.Fatalf("warnings %q, want %d", warnings, len(tc.want))
			}
			for _, want := range tc.want {
				n := 0
				for _, w := range warnings {
					if strings.Contains(w, want) {
						n++
					}
				}
				if n != 1 {
					t.Errorf("%d warnings contain %q, want 1: %q", n, want, warnings)
				}
			}
		})
	}
}

func TestAccJiraSyncConnection_ConflictGivesTheImportBlock(t *testing.T) {
	sb := acctest.StartSandbox(t)
	first := testAccJiraSyncConfig(sb, `interval_minutes = 720`, "")
	second := first + `
resource "almsync_jira_sync_connection" "again" {
  jira_url                 = "https://acme.atlassian.net"
  jira_username            = "sync@example.com"
  jira_password_wo         = "sandbox-token"
  jira_password_wo_version = 1
  jama_user                = almsync_jama_user.jira_user.username
  schedule {
    interval_minutes = 60
  }
}
`
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			// The first connection for the JIRA instance is created.
			{Config: first, ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(syncAddr, tfjsonpath.New("id"), knownvalue.NotNull())}},
			// A second one for the same jira_url is refused with the import
			// block that adopts the first.
			{Config: second, ExpectError: regexp.MustCompile(`(?s)Unable to Create JIRA Sync Connection.*with almsync_jira_sync_connection.again.*import \{.*id = "\d+"`)},
		},
	})
}
