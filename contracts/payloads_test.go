package contracts

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// payload is a body checked against a schema of a contract, as a request
// or as an answer.
type payload struct {
	name     string
	contract string
	schema   string
	answer   bool
	body     string
	valid    bool
}

// payloads show what the schemas accept and refuse: the rules of the
// screens, strict request bodies, and secrets that never come back.
var payloads = []payload{
	{"jama create", "jama-jira-connector", "JiraConnectionCreate", false,
		`{"jiraUrl":"https://acme.atlassian.net","jiraUsername":"sync@example.com","jiraPassword":"s3cret","jamaUser":"jira.user",
		"schedule":{"type":"INTERVAL","intervalMinutes":60},"enabled":true,"usePlainText":false}`, true},
	{"jama create without password", "jama-jira-connector", "JiraConnectionCreate", false,
		`{"jiraUrl":"https://acme.atlassian.net","jiraUsername":"sync@example.com","jamaUser":"jira.user",
		"schedule":{"type":"INTERVAL","intervalMinutes":60},"enabled":true,"usePlainText":false}`, false},
	{"jama replace keeps password", "jama-jira-connector", "JiraConnection", false,
		`{"jiraUrl":"https://jira.example.com","jiraUsername":"sync","jamaUser":"jira.user",
		"schedule":{"type":"CRON","cron":"0 0 12 * * ?"},"failureNotificationUser":"admin","enabled":false,"usePlainText":true}`, true},
	{"jama unknown key", "jama-jira-connector", "JiraConnection", false,
		`{"jiraUrl":"https://jira.example.com","jiraUsername":"sync","jamaUser":"jira.user","jiraToken":"x",
		"schedule":{"type":"CRON","cron":"0 0 12 * * ?"},"enabled":false,"usePlainText":true}`, false},
	{"jama cron with interval", "jama-jira-connector", "JiraConnection", false,
		`{"jiraUrl":"https://jira.example.com","jiraUsername":"sync","jamaUser":"jira.user",
		"schedule":{"type":"CRON","cron":"0 0 12 * * ?","intervalMinutes":5},"enabled":false,"usePlainText":true}`, false},
	{"jama interval too long", "jama-jira-connector", "JiraConnection", false,
		`{"jiraUrl":"https://jira.example.com","jiraUsername":"sync","jamaUser":"jira.user",
		"schedule":{"type":"INTERVAL","intervalMinutes":525601},"enabled":false,"usePlainText":true}`, false},
	{"jama id in a request", "jama-jira-connector", "JiraConnection", false,
		`{"id":3,"jiraUrl":"https://jira.example.com","jiraUsername":"sync","jamaUser":"jira.user",
		"schedule":{"type":"INTERVAL","intervalMinutes":60},"enabled":false,"usePlainText":true}`, false},
	{"jama read", "jama-jira-connector", "JiraConnectionRead", true,
		`{"id":3,"jiraUrl":"https://jira.example.com","jiraUsername":"sync","jamaUser":"jira.user",
		"schedule":{"type":"INTERVAL","intervalMinutes":60},"enabled":false,"usePlainText":true}`, true},
	{"jama read with password", "jama-jira-connector", "JiraConnectionRead", true,
		`{"id":3,"jiraUrl":"https://jira.example.com","jiraUsername":"sync","jiraPassword":"s3cret","jamaUser":"jira.user",
		"schedule":{"type":"INTERVAL","intervalMinutes":60},"enabled":false,"usePlainText":true}`, false},
	{"jama test result", "jama-jira-connector", "ConnectionTest", true,
		`{"success":false,"message":"login: 401","checkedAt":"2025-01-01T00:00:00Z","durationMs":12,
		"checks":[{"name":"login","success":false,"detail":"HTTP 401"}]}`, true},
	{"jama contract", "jama-jira-connector", "Contract", true, `{"name":"jama-jira-connector","version":"1.0.0"}`, true},
	{"jama contract of another name", "jama-jira-connector", "Contract", true, `{"name":"aqua-jira-sync","version":"1.0.0"}`, false},

	{"interchange basic", "interchange-connectors", "Connector", false,
		`{"application":"JAMA_CONNECT","name":"Jama","url":"https://acme.jamacloud.com","verifySsl":true,"authType":"basic",
		"username":"InterchangeServiceAccount","password":"s3cret"}`, true},
	{"interchange saml", "interchange-connectors", "Connector", false,
		`{"name":"Jama","url":"https://acme.jamacloud.com","verifySsl":true,"authType":"saml"}`, false},
	{"interchange other application", "interchange-connectors", "Connector", false,
		`{"application":"JIRA","name":"Jama","url":"https://acme.jamacloud.com","verifySsl":true,"authType":"oauth","clientId":"c"}`, false},
	{"interchange read with client secret", "interchange-connectors", "ConnectorRead", true,
		`{"id":1,"application":"JAMA_CONNECT","name":"Jama","url":"https://acme.jamacloud.com","verifySsl":true,"authType":"oauth",
		"clientId":"c","clientSecret":"s3cret"}`, false},
	{"interchange read", "interchange-connectors", "ConnectorRead", true,
		`{"id":1,"application":"JAMA_CONNECT","name":"Jama","url":"https://acme.jamacloud.com","verifySsl":false,"authType":"oauth","clientId":"c"}`, true},

	{"jitterbit oauth", "jitterbit-jsm-connections", "JSMConnection", false,
		`{"environmentId":"201","projectGuid":"9a87b6c5-a1b2-34c5-6d7e-123456a7b001","name":"JSM","authScheme":"OAuth",
		"url":"https://acme.atlassian.net","oauth":{"initiateOAuth":"REFRESH","version":"2.0","accessToken":"a","refreshToken":"r","expiresIn":3600},
		"ssl":{"clientCertType":"PEMKEY_BLOB"},"useProxySettings":false,"advancedProperties":{"OAuthSettingsLocation":"/tmp/jsm"}}`, true},
	{"jitterbit variable url", "jitterbit-jsm-connections", "JSMConnection", false,
		`{"environmentId":"201","projectGuid":"9a87b6c5-a1b2-34c5-6d7e-123456a7b001","name":"JSM","authScheme":"Basic",
		"url":"[jsm_url]","user":"[jsm_user]","apiToken":"[jsm_api_token]","useProxySettings":true}`, true},
	{"jitterbit ftp url", "jitterbit-jsm-connections", "JSMConnection", false,
		`{"environmentId":"201","projectGuid":"9a87b6c5-a1b2-34c5-6d7e-123456a7b001","name":"JSM","authScheme":"Basic",
		"url":"ftp://acme.example.com","useProxySettings":true}`, false},
	{"jitterbit name with a slash", "jitterbit-jsm-connections", "JSMConnection", false,
		`{"environmentId":"201","projectGuid":"9a87b6c5-a1b2-34c5-6d7e-123456a7b001","name":"JSM/dev","authScheme":"Auto","useProxySettings":false}`, false},
	{"jitterbit without environment", "jitterbit-jsm-connections", "JSMConnection", false,
		`{"projectGuid":"9a87b6c5-a1b2-34c5-6d7e-123456a7b001","name":"JSM","authScheme":"Auto","useProxySettings":false}`, false},
	{"jitterbit projectId", "jitterbit-jsm-connections", "JSMConnection", false,
		`{"projectId":"1001","environmentId":"201","projectGuid":"9a87b6c5-a1b2-34c5-6d7e-123456a7b001","name":"JSM","authScheme":"Auto","useProxySettings":false}`, false},
	{"jitterbit P7BFILE store", "jitterbit-jsm-connections", "JSMConnection", false,
		`{"environmentId":"201","projectGuid":"9a87b6c5-a1b2-34c5-6d7e-123456a7b001","name":"JSM","authScheme":"Auto","useProxySettings":false,
		"oauth":{"certificateStoreType":"P7BFILE"}}`, false},
	{"jitterbit read with access token", "jitterbit-jsm-connections", "JSMConnectionRead", true,
		`{"id":"7","environmentId":"201","projectGuid":"9a87b6c5-a1b2-34c5-6d7e-123456a7b001","name":"JSM","authScheme":"OAuth",
		"oauth":{"initiateOAuth":"OFF","accessToken":"a"},"useProxySettings":false}`, false},
	{"jitterbit read", "jitterbit-jsm-connections", "JSMConnectionRead", true,
		`{"id":"7","environmentId":"201","projectGuid":"9a87b6c5-a1b2-34c5-6d7e-123456a7b001","name":"JSM","authScheme":"OAuth",
		"oauth":{"initiateOAuth":"OFF"},"useProxySettings":false}`, true},
	{"jitterbit page", "jitterbit-jsm-connections", "ConnectionPage", true, `{"items":[],"page":1,"pageSize":20,"total":0}`, true},

	{"aqua definition", "aqua-jira-sync", "SyncDefinition", false,
		`{"Id":0,"Name":"Defects","AquaProjectId":1,"JiraUrl":"https://acme.atlassian.net","JiraProjectKey":"SYNC",
		"ConfigurationUser":{"Email":"config@example.com","ApiToken":"t"},"SyncUser":null,"AquaSyncUserId":0,"Enabled":true}`, true},
	{"aqua lower-case project key", "aqua-jira-sync", "SyncDefinition", false,
		`{"Name":"Defects","AquaProjectId":1,"JiraUrl":"https://acme.atlassian.net","JiraProjectKey":"sync",
		"ConfigurationUser":{"Email":"config@example.com","ApiToken":"t"},"AquaSyncUserId":0,"Enabled":true}`, false},
	{"aqua camelCase key", "aqua-jira-sync", "SyncDefinition", false,
		`{"name":"Defects","AquaProjectId":1,"JiraUrl":"https://acme.atlassian.net","JiraProjectKey":"SYNC",
		"ConfigurationUser":{"Email":"config@example.com","ApiToken":"t"},"AquaSyncUserId":0,"Enabled":true}`, false},
	{"aqua read with api token", "aqua-jira-sync", "SyncDefinitionRead", true,
		`{"Id":4,"Name":"Defects","AquaProjectId":1,"JiraUrl":"https://acme.atlassian.net","JiraProjectKey":"SYNC",
		"ConfigurationUser":{"Email":"config@example.com","ApiToken":"t"},"SyncUser":null,"AquaSyncUserId":0,"Enabled":true}`, false},
	{"aqua read", "aqua-jira-sync", "SyncDefinitionRead", true,
		`{"Id":4,"Name":"Defects","AquaProjectId":1,"JiraUrl":"https://acme.atlassian.net","JiraProjectKey":"SYNC",
		"ConfigurationUser":{"Email":"config@example.com"},"SyncUser":{"Email":"sync@example.com"},"AquaSyncUserId":7,"Enabled":true}`, true},
	{"aqua field mapping", "aqua-jira-sync", "FieldMapping", false,
		`{"ItemType":"Defect","AquaField":"JiraKey","JiraField":"key","Direction":"ToAqua","ReadOnly":true}`, true},
	{"aqua field mapping direction", "aqua-jira-sync", "FieldMapping", false,
		`{"ItemType":"Defect","AquaField":"JiraKey","JiraField":"key","Direction":"Sideways"}`, false},
	{"aqua value mapping", "aqua-jira-sync", "ValueMapping", false,
		`{"Field":"resolution","Values":{"Fixed":"Fixed","Won't Do":"Won't Fix"},"NullValue":"Unresolved"}`, true},
	{"aqua value mapping without values", "aqua-jira-sync", "ValueMapping", false, `{"Field":"resolution","Values":{}}`, false},
	{"aqua contract", "aqua-jira-sync", "Contract", true, `{"Name":"aqua-jira-sync","Version":"1.0.0"}`, true},
	{"aqua error", "aqua-jira-sync", "ApiError", true,
		`{"Message":"Name is required","Code":"E-400","Type":"ArgumentError","FurtherInfo":null,"ErrorData":null,"ArgumentErrorType":"InvalidArgument"}`, true},
}

func TestPayloads(t *testing.T) {
	docs := map[string]*openapi3.T{}
	for _, name := range Names() {
		docs[name] = load(t, name)
	}
	for _, p := range payloads {
		t.Run(p.name, func(t *testing.T) {
			doc := docs[p.contract]
			if doc == nil {
				t.Fatalf("no contract %q", p.contract)
			}
			ref := doc.Components.Schemas[p.schema]
			if ref == nil || ref.Value == nil {
				t.Fatalf("%s has no schema %s", p.contract, p.schema)
			}
			var value any
			if err := json.Unmarshal([]byte(p.body), &value); err != nil {
				t.Fatalf("sample body: %v", err)
			}
			as := openapi3.VisitAsRequest()
			if p.answer {
				as = openapi3.VisitAsResponse()
			}
			err := ref.Value.VisitJSON(value, as, openapi3.EnableFormatValidation())
			switch {
			case p.valid && err != nil:
				t.Errorf("%s refuses the body: %v", p.schema, err)
			case !p.valid && err == nil:
				t.Errorf("%s accepts the body", p.schema)
			case err != nil:
				t.Logf("refused as expected: %v", firstLine(err.Error()))
			}
		})
	}
}

// firstLine is the first line of s.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
