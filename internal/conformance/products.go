package conformance

import (
	"context"
	"maps"
	"net/http"
	"net/url"
	"strings"
)

// jamaStyle is Jama's envelope, which Interchange's contract follows.
var jamaStyle = style{
	discoveryName: "data.name", discoveryVersion: "data.version",
	dataPath: "data", createdID: "meta.id", idKey: "id",
	items: "data", total: "meta.pageInfo.totalResults",
	paging:  &paging{start: "startAt", size: "maxResults", first: 0, max: 50},
	message: "meta.message",
}

// harmonyStyle is Harmony's envelope.
var harmonyStyle = style{
	discoveryName: "data.name", discoveryVersion: "data.version",
	dataPath: "data", createdID: "data.id", idKey: "id",
	createAnswers: true, replaceAnswers: true,
	items: "data.items", total: "data.total",
	paging:  &paging{start: "page", size: "pageSize", first: 1, byPage: true, max: 100},
	message: "error.errorMessage",
}

// aquaStyle is aqua's: no envelope, PascalCase, no paging.
var aquaStyle = style{
	discoveryName: "Name", discoveryVersion: "Version",
	dataPath: "", createdID: "Id", idKey: "Id",
	createAnswers: true, replaceAnswers: true,
	message: "Message",
}

// unknownMember is a member no contract knows.
const unknownMember = "almsyncCheckUnknownMember"

func (r *runner) scenario() scenario {
	switch r.cfg.Contract {
	case ContractJama:
		return scenario{style: jamaStyle, top: r.jamaConnections()}
	case ContractInterchange:
		return scenario{style: jamaStyle, top: r.interchangeConnectors()}
	case ContractJitterbit:
		return scenario{style: harmonyStyle, top: r.jitterbitConnections()}
	default:
		return scenario{style: aquaStyle, top: r.aquaDefinitions()}
	}
}

// name is the run's unique name with suffix.
func (r *runner) name(suffix string) string { return "almsync-check-" + r.unique + suffix }

// target is a unique URL below the target URL.
func (r *runner) target(suffix string) string { return r.cfg.TargetURL + "/" + r.name(suffix) }

func (r *runner) jamaConnections() *kind {
	body := func(suffix string) map[string]any {
		return map[string]any{
			"jiraUrl":      r.target(suffix),
			"jiraUsername": "almsync-check@example.com",
			"jiraPassword": "check-password" + suffix,
			"jamaUser":     r.cfg.JamaUser,
			"schedule":     map[string]any{"type": "INTERVAL", "intervalMinutes": 60},
			"enabled":      false,
			"usePlainText": false,
		}
	}
	return &kind{
		noun: "connection", idParam: "id",
		create: "createJiraConnection", get: "getJiraConnection", list: "listJiraConnections",
		replace: "replaceJiraConnection", remove: "deleteJiraConnection", test: "testJiraConnection",
		body: body, second: true,
		replaceBody: func(first map[string]any) map[string]any {
			// jiraPassword omitted: the stored one is kept.
			return map[string]any{
				"jiraUrl":                 first["jiraUrl"],
				"jiraUsername":            "almsync-check-replaced@example.com",
				"jamaUser":                r.cfg.JamaUser,
				"schedule":                map[string]any{"type": "CRON", "cron": "0 0 12 * * ?"},
				"failureNotificationUser": r.cfg.JamaUser,
				"enabled":                 false,
				"usePlainText":            true,
			}
		},
		secrets: []string{"jiraPassword"},
		filter:  "jiraUrl", filterKey: "jiraUrl",
		duplicate: func(first map[string]any) map[string]any {
			dup := body("-d")
			dup["jiraUrl"] = first["jiraUrl"].(string) + "/"
			return dup
		},
		broken: func(suffix string) (map[string]any, string) {
			b := body(suffix)
			delete(b, "jiraPassword")
			return b, "jiraPassword"
		},
		unknownKey: unknownMember, unknownID: "999999999",
	}
}

func (r *runner) interchangeConnectors() *kind {
	body := func(suffix string) map[string]any {
		return map[string]any{
			"application": "JAMA_CONNECT",
			"name":        r.name(suffix),
			"url":         r.target(suffix),
			"verifySsl":   true,
			"authType":    "basic",
			"username":    "almsync-check",
			"password":    "check-password" + suffix,
		}
	}
	return &kind{
		noun: "connector", idParam: "id",
		create: "createConnector", get: "getConnector", list: "listConnectors",
		replace: "replaceConnector", remove: "deleteConnector", test: "testConnector",
		body: body, second: true,
		replaceBody: func(first map[string]any) map[string]any {
			// From Basic to OAuth, which needs the new mode's secret.
			return map[string]any{
				"application":  "JAMA_CONNECT",
				"name":         first["name"],
				"url":          first["url"],
				"verifySsl":    false,
				"authType":     "oauth",
				"clientId":     "almsync-check-client",
				"clientSecret": "check-secret",
			}
		},
		secrets: []string{"password", "clientSecret"},
		filter:  "name", filterKey: "name",
		duplicate: func(first map[string]any) map[string]any {
			dup := body("-d")
			dup["name"] = strings.ToUpper(first["name"].(string))
			return dup
		},
		broken: func(suffix string) (map[string]any, string) {
			b := body(suffix)
			delete(b, "username")
			delete(b, "password")
			b["authType"] = "oauth"
			return b, "clientId"
		},
		unknownKey: unknownMember, unknownID: "999999999",
	}
}

func (r *runner) jitterbitConnections() *kind {
	body := func(suffix string) map[string]any {
		return map[string]any{
			"environmentId":      r.cfg.EnvironmentID,
			"projectGuid":        r.cfg.ProjectGUID,
			"name":               r.name(suffix),
			"authScheme":         "Basic",
			"url":                r.target(suffix),
			"user":               "almsync-check@example.com",
			"apiToken":           "check-token" + suffix,
			"useProxySettings":   false,
			"advancedProperties": map[string]any{"AlmsyncCheck": r.name(suffix)},
		}
	}
	return &kind{
		noun: "connection", idParam: "id",
		create: "createJSMConnection", get: "getJSMConnection", list: "listJSMConnections",
		replace: "replaceJSMConnection", remove: "deleteJSMConnection", test: "testJSMConnection",
		query: url.Values{"environmentId": {r.cfg.EnvironmentID}, "projectGuid": {r.cfg.ProjectGUID}},
		body:  body, second: true,
		replaceBody: func(first map[string]any) map[string]any {
			return map[string]any{
				"environmentId":    first["environmentId"],
				"projectGuid":      first["projectGuid"],
				"name":             first["name"],
				"authScheme":       "OAuth",
				"url":              first["url"],
				"oauth":            map[string]any{"initiateOAuth": "OFF", "version": "2.0", "accessToken": "check-access-token"},
				"useProxySettings": true,
			}
		},
		secrets: []string{"password", "apiToken", "sso.appPassword", "oauth.clientSecret", "oauth.accessToken",
			"oauth.verifier", "oauth.authToken", "oauth.authKey", "oauth.refreshToken",
			"oauth.certificateStorePassword", "ssl.clientCertPassword"},
		filter: "name", filterKey: "name",
		duplicate: func(first map[string]any) map[string]any {
			dup := body("-d")
			dup["name"] = strings.ToUpper(first["name"].(string))
			return dup
		},
		broken: func(suffix string) (map[string]any, string) {
			b := body(suffix)
			delete(b, "user")
			delete(b, "apiToken")
			b["authScheme"] = "OAuth"
			return b, "oauth.initiateOAuth"
		},
		unknownKey: unknownMember, unknownID: r.name("-unknown"),
	}
}

func (r *runner) aquaDefinitions() *kind {
	body := func(suffix string) map[string]any {
		return map[string]any{
			"Name":              r.name(suffix),
			"AquaProjectId":     r.cfg.AquaProjectID,
			"JiraUrl":           r.target(suffix),
			"JiraProjectKey":    r.cfg.JiraProjectKey,
			"ConfigurationUser": map[string]any{"Username": "almsync-check", "Password": "check-password" + suffix},
			"AquaSyncUserId":    0,
			"Enabled":           false,
		}
	}
	return &kind{
		noun: "definition", idParam: "id",
		create: "createSyncDefinition", get: "getSyncDefinition", list: "listSyncDefinitions",
		replace: "replaceSyncDefinition", remove: "deleteSyncDefinition", test: "testSyncDefinition",
		body: body,
		replaceBody: func(first map[string]any) map[string]any {
			b := maps.Clone(first)
			// Passwords omitted: the stored ones are kept.
			b["ConfigurationUser"] = map[string]any{"Username": "almsync-check-replaced"}
			b["SyncUser"] = map[string]any{"Username": "almsync-check-sync", "ApiToken": "check-sync-token"}
			return b
		},
		secrets: []string{"ConfigurationUser.Password", "ConfigurationUser.ApiToken", "SyncUser.Password", "SyncUser.ApiToken"},
		filter:  "name", filterKey: "Name",
		duplicate: func(first map[string]any) map[string]any {
			dup := body("-d")
			dup["Name"] = strings.ToUpper(first["Name"].(string))
			return dup
		},
		broken: func(suffix string) (map[string]any, string) {
			// Jira Cloud needs Email and ApiToken.
			b := body(suffix)
			b["JiraUrl"] = "https://" + r.name(suffix) + ".atlassian.net"
			return b, "ConfigurationUser.ApiToken"
		},
		unknownKey: unknownMember, unknownID: "999999999",
		children: []func(string) *kind{r.aquaFieldMappings, r.aquaValueMappings},
		extra: func(ctx context.Context, r *runner, id string) {
			res := r.call(ctx, request{op: "listJiraResolutions", params: map[string]string{"id": id}})
			// The definition points at a Jira that does not answer: 502
			// is the document's answer for that, 200 for a Jira that does.
			r.expectStatus(res, http.StatusOK, http.StatusBadGateway)
			res = r.call(ctx, request{op: "listJiraResolutions", params: map[string]string{"id": "999999999"}})
			if res.err == nil {
				r.verdict(res, "unknown id", "refused with 404",
					problemUnless(res.status == http.StatusNotFound, "status %d, want 404%s", res.status, statusHint(res)))
			}
		},
	}
}

func (r *runner) aquaFieldMappings(parentID string) *kind {
	body := func(string) map[string]any {
		return map[string]any{"ItemType": "Defect", "AquaField": "JiraKey", "JiraField": "key", "Direction": "ToAqua", "ReadOnly": true}
	}
	return &kind{
		noun: "field mapping", idParam: "mappingId", parent: map[string]string{"id": parentID},
		parentKey: "SyncId", parentID: parentID,
		create: "createFieldMapping", get: "getFieldMapping", list: "listFieldMappings",
		replace: "replaceFieldMapping", remove: "deleteFieldMapping",
		body: body,
		replaceBody: func(map[string]any) map[string]any {
			return map[string]any{"ItemType": "Defect", "AquaField": "JiraKey", "JiraField": "key", "Direction": "Both", "ReadOnly": false}
		},
		duplicate: func(map[string]any) map[string]any {
			b := body("")
			b["JiraField"] = "summary"
			return b
		},
		broken: func(string) (map[string]any, string) {
			b := body("")
			b["AquaField"] = "AlmsyncCheckNoSuchField"
			return b, "AquaField"
		},
		unknownKey: unknownMember, unknownID: "999999999",
		extra: func(ctx context.Context, r *runner, _ string) {
			res := r.call(ctx, request{op: "listFieldMappings", params: map[string]string{"id": "999999999"}})
			if res.err == nil {
				r.verdict(res, "unknown parent", "refused with 404",
					problemUnless(res.status == http.StatusNotFound, "status %d for an unknown definition, want 404%s", res.status, statusHint(res)))
			}
		},
	}
}

func (r *runner) aquaValueMappings(parentID string) *kind {
	body := func(string) map[string]any {
		return map[string]any{"Field": "priority", "Values": map[string]any{"Highest": "High", "Lowest": "Low"}}
	}
	return &kind{
		noun: "value mapping", idParam: "mappingId", parent: map[string]string{"id": parentID},
		parentKey: "SyncId", parentID: parentID,
		create: "createValueMapping", get: "getValueMapping", list: "listValueMappings",
		replace: "replaceValueMapping", remove: "deleteValueMapping",
		body: body,
		replaceBody: func(map[string]any) map[string]any {
			return map[string]any{"Field": "priority", "Values": map[string]any{"Highest": "Critical"}, "NullValue": "None"}
		},
		duplicate: func(map[string]any) map[string]any {
			return map[string]any{"Field": "PRIORITY", "Values": map[string]any{"High": "High"}}
		},
		broken: func(string) (map[string]any, string) {
			return map[string]any{"Field": "resolution", "Values": map[string]any{"Fixed": "Fixed"}}, "NullValue"
		},
		unknownKey: unknownMember, unknownID: "999999999",
		extra: func(ctx context.Context, r *runner, _ string) {
			res := r.call(ctx, request{op: "listValueMappings", params: map[string]string{"id": "999999999"}})
			if res.err == nil {
				r.verdict(res, "unknown parent", "refused with 404",
					problemUnless(res.status == http.StatusNotFound, "status %d for an unknown definition, want 404%s", res.status, statusHint(res)))
			}
		},
	}
}
