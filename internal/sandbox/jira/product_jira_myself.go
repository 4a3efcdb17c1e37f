package jira

import (
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// myself serves GET /rest/api/2/myself: the logged-in account in the shape
// of its site's deployment type. Groups and application roles always carry
// their size; their items only when expand asks for them.
func (p *Product) myself(w http.ResponseWriter, r *http.Request, jr jiraRequest) {
	a := jr.account
	expand := strings.Split(r.URL.Query().Get("expand"), ",")
	for i := range expand {
		expand[i] = strings.TrimSpace(expand[i])
	}

	groups := jiraList[jiraGroupRef]{Size: len(a.groups), Items: []jiraGroupRef{}}
	if slices.Contains(expand, "groups") {
		for _, g := range slices.Sorted(slices.Values(a.groups)) {
			ref := jiraGroupRef{Name: g, Self: jr.site + "/rest/api/2/group?groupname=" + url.QueryEscape(g)}
			if jr.deployment.cloud() {
				ref.GroupID = jiraGroupID(g)
				ref.Self = jr.site + "/rest/api/2/group?groupId=" + ref.GroupID
			}
			groups.Items = append(groups.Items, ref)
		}
	}
	roles := jiraList[jiraApplicationRoleRef]{Size: len(a.roles), Items: []jiraApplicationRoleRef{}}
	if slices.Contains(expand, "applicationRoles") {
		for _, role := range a.roles {
			roles.Items = append(roles.Items, jiraApplicationRoleRef{Key: role.key, Name: role.name})
		}
	}
	user := jiraUser{
		EmailAddress:     a.email,
		AvatarURLs:       jiraAvatarURLs(jr.site),
		DisplayName:      a.displayName,
		Active:           true,
		TimeZone:         "Etc/UTC",
		Locale:           "en_US",
		Groups:           groups,
		ApplicationRoles: roles,
		Expand:           "groups,applicationRoles",
	}
	if jr.deployment.cloud() {
		kernel.WriteJSON(w, http.StatusOK, jiraCloudUser{
			Self:        jr.site + "/rest/api/2/user?accountId=" + a.accountID,
			AccountID:   a.accountID,
			AccountType: "atlassian",
			jiraUser:    user,
		})
		return
	}
	kernel.WriteJSON(w, http.StatusOK, jiraServerUser{
		Self:     jr.site + "/rest/api/2/user?username=" + url.QueryEscape(a.username),
		Key:      a.key,
		Name:     a.username,
		jiraUser: user,
	})
}

// jiraGroupID is the Cloud group id of a group: a UUID derived from its
// name, so it is the same on every run.
func jiraGroupID(name string) string {
	h := sha256.Sum256([]byte("jira-group:" + name))
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// jiraAvatarURLs are the default avatar's URLs in Jira's four sizes.
func jiraAvatarURLs(site string) map[string]string {
	urls := make(map[string]string, 4)
	for _, size := range []string{"16x16", "24x24", "32x32", "48x48"} {
		urls[size] = site + "/secure/useravatar?size=" + size + "&avatarId=10122"
	}
	return urls
}
