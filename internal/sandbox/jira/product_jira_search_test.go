package jira

import (
	"encoding/json"
	"net/http"
	"slices"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

// resolutionNames lists the names of a page's resolutions.
func resolutionNames(page jiraResolutionPage) []string {
	names := []string{}
	for _, v := range page.Values {
		names = append(names, v.Name)
	}
	return names
}

func TestJiraResolutionSearch_Pages(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	cloud := allJiraSites[0]
	r := cloud.Get(t, ts, asJiraSync, "/rest/api/2/resolution/search?maxResults=4")
	wiretest.WantStatus(t, r, http.StatusOK)
	wantMembers(t, "page", decodeJira[map[string]json.RawMessage](t, r),
		[]string{"self", "nextPage", "maxResults", "startAt", "total", "isLast", "values"}, nil)
	first := decodeJira[jiraResolutionPage](t, r)
	if first.StartAt != 0 || first.MaxResults != 4 || first.Total != 6 || first.IsLast ||
		!slices.Equal(resolutionNames(first), []string{"Fixed", "Won't Fix", "Duplicate", "Incomplete"}) {
		t.Errorf("first page = %+v", first)
	}
	if want := ts.URL + "/jira/rest/api/2/resolution/search?maxResults=4&startAt=4"; first.NextPage != want {
		t.Errorf("nextPage = %q, want %q", first.NextPage, want)
	}
	if v := first.Values[0]; v.ID != "1" || v.Self != ts.URL+"/jira/rest/api/2/resolution/1" || v.Description == "" || v.Default {
		t.Errorf("first resolution = %+v", v)
	}

	r = cloud.Get(t, ts, asJiraSync, "/rest/api/2/resolution/search?startAt=4&maxResults=4")
	wiretest.WantStatus(t, r, http.StatusOK)
	wantMembers(t, "last page", decodeJira[map[string]json.RawMessage](t, r), nil, []string{"nextPage"})
	last := decodeJira[jiraResolutionPage](t, r)
	if last.StartAt != 4 || !last.IsLast || last.Total != 6 || !slices.Equal(resolutionNames(last), []string{"Cannot Reproduce", "Done"}) || !last.Values[1].Default {
		t.Errorf("last page = %+v", last)
	}

	r = cloud.Get(t, ts, asJiraSync, "/rest/api/2/resolution/search?startAt=10")
	wiretest.WantStatus(t, r, http.StatusOK)
	if past := decodeJira[jiraResolutionPage](t, r); len(past.Values) != 0 || !past.IsLast || past.Total != 6 || past.MaxResults != 50 {
		t.Errorf("page past the end = %+v", past)
	}
}

func TestJiraResolutionSearch_Filters(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	cloud := allJiraSites[0]
	for query, want := range map[string][]string{
		"?id=3&id=1":                  {"Fixed", "Duplicate"},
		"?id=3,10000":                 {"Duplicate", "Done"},
		"?onlyDefault=true":           {"Done"},
		"?onlyDefault=true&id=1":      {},
		"?maxResults=500":             {"Fixed", "Won't Fix", "Duplicate", "Incomplete", "Cannot Reproduce", "Done"},
		"?onlyDefault=false&id=99999": {},
	} {
		r := cloud.Get(t, ts, asJiraSync, "/rest/api/2/resolution/search"+query)
		wiretest.WantStatus(t, r, http.StatusOK)
		page := decodeJira[jiraResolutionPage](t, r)
		if got := resolutionNames(page); !slices.Equal(got, want) || page.Total != len(want) || !page.IsLast {
			t.Errorf("%s: %v (total %d, isLast %t), want %v", query, got, page.Total, page.IsLast, want)
		}
	}
}

func TestJiraResolutionSearch_Refusals(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	cloud := allJiraSites[0]
	for _, query := range []string{"?startAt=-1", "?startAt=x", "?maxResults=0", "?onlyDefault=maybe"} {
		wantJiraError(t, cloud.Get(t, ts, asJiraSync, "/rest/api/2/resolution/search"+query), http.StatusBadRequest, "The value")
	}
	wantJiraUnauthorized(t, cloud.Get(t, ts, wiretest.NoAuth, "/rest/api/2/resolution/search"))
	// Server and Data Center serve the plain list only.
	for _, site := range allJiraSites[1:] {
		wantJiraError(t, site.Get(t, ts, asJiraSync, "/rest/api/2/resolution/search"), http.StatusNotFound, "no resource")
	}
}
