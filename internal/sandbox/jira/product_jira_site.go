package jira

import (
	"net/http"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// jiraTimeLayout is how Jira writes times in serverInfo.
const jiraTimeLayout = "2006-01-02T15:04:05.000-0700"

// serverInfo serves GET /rest/api/2/serverInfo: the site's version and
// deployment type, to anonymous callers too.
func (p *Product) serverInfo(w http.ResponseWriter, _ *http.Request, jr jiraRequest) {
	info := jiraServerInfo{
		BaseURL:        jr.baseURL,
		Version:        jiraServerVersion,
		VersionNumbers: []int{9, 12, 2},
		DeploymentType: jr.deployment.kind,
		BuildNumber:    jiraServerBuild,
		BuildDate:      jiraBuildDate,
		ServerTime:     p.now().UTC().Format(jiraTimeLayout),
		SCMInfo:        jiraSCMInfo,
		ServerTitle:    "Jira",
	}
	if jr.deployment.cloud() {
		info.Version, info.VersionNumbers, info.BuildNumber = jiraCloudVersion, []int{1001, 0, 0}, jiraCloudBuild
	}
	kernel.WriteJSON(w, http.StatusOK, info)
}

// serviceDeskInfo serves GET /rest/servicedeskapi/info: Jira Service
// Management's version and licence, to anonymous callers too.
func (p *Product) serviceDeskInfo(w http.ResponseWriter, _ *http.Request, jr jiraRequest) {
	built, err := time.Parse("2006-01-02T15:04:05-0700", jiraServiceDeskBuilt)
	if err != nil {
		writeJiraError(w, http.StatusInternalServerError, "internal error: "+err.Error())
		return
	}
	info := jiraServiceDeskInfo{
		Version:         jiraServiceDeskServer,
		PlatformVersion: jiraServerVersion,
		BuildDate: jiraDate{
			ISO8601:     jiraServiceDeskBuilt,
			Jira:        built.Format(jiraTimeLayout),
			Friendly:    built.Format("02/Jan/06 3:04 PM"),
			EpochMillis: built.UnixMilli(),
		},
		BuildChangeSet:   jiraServiceDeskChange,
		IsLicensedForUse: true,
		Links:            map[string]string{"self": jr.site + "/rest/servicedeskapi/info"},
	}
	if jr.deployment.cloud() {
		info.Version, info.PlatformVersion = jiraServiceDeskCloud, jiraCloudVersion
	}
	kernel.WriteJSON(w, http.StatusOK, info)
}
