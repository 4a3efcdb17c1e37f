package jira_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jira"
)

// resolutionPage is one page of GET /rest/api/2/resolution/search in
// Jira Cloud's shape, holding resolutions named R<n> from startAt on.
func resolutionPage(startAt, count, total int, isLast bool) string {
	values := make([]string, count)
	for i := range values {
		n := startAt + i
		values[i] = fmt.Sprintf(`{"self":"https://acme.atlassian.net/rest/api/2/resolution/%d","id":"%d","name":"R%d","description":"Resolution %d."}`, 10000+n, 10000+n, n, n)
	}
	next := ""
	if !isLast {
		next = fmt.Sprintf(`"nextPage":"https://acme.atlassian.net/rest/api/2/resolution/search?startAt=%d&maxResults=50",`, startAt+count)
	}
	return fmt.Sprintf(`{"self":"https://acme.atlassian.net/rest/api/2/resolution/search?startAt=%d&maxResults=50",%s"maxResults":50,"startAt":%d,"total":%d,"isLast":%t,"values":[%s]}`,
		startAt, next, startAt, total, isLast, strings.Join(values, ","))
}

// TestResolutions_CloudReadsEveryPage checks that on Jira Cloud the client
// asks the paged search page after page, from startAt 0 to where Jira
// says the last page is, and never the deprecated plain list.
func TestResolutions_CloudReadsEveryPage(t *testing.T) {
	t.Parallel()
	var asked []string
	stub := startStub(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/rest/api/2/serverInfo":
			serveJSON(w, cloudServerInfo)
		case "/rest/api/2/resolution/search":
			q := r.URL.Query()
			asked = append(asked, q.Get("startAt")+"/"+q.Get("maxResults"))
			startAt, _ := strconv.Atoi(q.Get("startAt"))
			switch startAt {
			case 0:
				serveJSON(w, resolutionPage(0, 50, 53, false))
			case 50:
				serveJSON(w, resolutionPage(50, 3, 53, true))
			default:
				http.Error(w, "unexpected startAt", http.StatusTeapot)
			}
		default:
			http.Error(w, "unexpected "+r.URL.Path, http.StatusTeapot)
		}
	})
	list, err := newClient(t, stub, stubAccount).Resolutions(context.Background())
	if err != nil {
		t.Fatalf("Resolutions: %v", err)
	}
	if got := strings.Join(asked, " "); got != "0/50 50/50" {
		t.Errorf("pages asked (startAt/maxResults) = %s, want 0/50 50/50", got)
	}
	if len(list) != 53 || list[0] != (jira.Resolution{ID: "10000", Name: "R0", Description: "Resolution 0."}) ||
		list[52] != (jira.Resolution{ID: "10052", Name: "R52", Description: "Resolution 52."}) {
		t.Errorf("Resolutions = %d entries, first %+v, last %+v", len(list), list[0], list[len(list)-1])
	}
}

// TestResolutions_CloudStopsWithoutIsLast checks the other ends of the
// search: an empty page, or as many resolutions as total says.
func TestResolutions_CloudStopsWithoutIsLast(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		pages     []string
		wantCount int
	}{
		"empty page":    {[]string{resolutionPage(0, 2, 0, false), resolutionPage(2, 0, 0, false)}, 2},
		"total reached": {[]string{resolutionPage(0, 2, 2, false)}, 2},
		"no resolution": {[]string{resolutionPage(0, 0, 0, true)}, 0},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var requests atomic.Int32
			stub := startStub(t, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/rest/api/2/serverInfo" {
					serveJSON(w, cloudServerInfo)
					return
				}
				n := int(requests.Add(1)) - 1
				if n >= len(tc.pages) {
					http.Error(w, "asked past the end", http.StatusTeapot)
					return
				}
				serveJSON(w, tc.pages[n])
			})
			list, err := newClient(t, stub, stubAccount).Resolutions(context.Background())
			if err != nil || len(list) != tc.wantCount || list == nil {
				t.Errorf("Resolutions = %+v, %v; want %d resolutions", list, err, tc.wantCount)
			}
			if int(requests.Load()) != len(tc.pages) {
				t.Errorf("%d pages asked, want %d", requests.Load(), len(tc.pages))
			}
		})
	}
}

// TestResolutions_CloudBadPage checks that a page that is not Jira's
// PageBeanResolutionJsonBean is a DecodeError, and a refused page Jira's
// error.
func TestResolutions_CloudBadPage(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		status int
		body   string
		check  func(error) bool
	}{
		"values missing": {http.StatusOK, `{"startAt":0,"maxResults":50,"total":0,"isLast":true}`,
			func(err error) bool {
				var d *api.DecodeError
				return errors.As(err, &d) && strings.Contains(err.Error(), `"values"`)
			}},
		"resolution without id": {http.StatusOK, `{"isLast":true,"values":[{"name":"Done"}]}`,
			func(err error) bool {
				var d *api.DecodeError
				return errors.As(err, &d) && strings.Contains(err.Error(), "no id or name")
			}},
		"refused": {http.StatusUnauthorized, `{"errorMessages":["You are not authenticated. Authentication required to perform this operation."],"errors":{}}`,
			func(err error) bool {
				return errors.Is(err, api.ErrUnauthorized) && strings.Contains(err.Error(), "list resolutions")
			}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			stub := startStub(t, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/rest/api/2/serverInfo" {
					serveJSON(w, cloudServerInfo)
					return
				}
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(tc.status)
				_, _ = w.Write([]byte(tc.body))
			})
			if _, err := newClient(t, stub, stubAccount).Resolutions(context.Background()); !tc.check(err) {
				t.Errorf("Resolutions: %v", err)
			}
		})
	}
}

// TestResolutions_ServerInfoReadOnce checks that the deployment type is
// asked once per client, not before every list, and that a Data Center
// site gets the plain list.
func TestResolutions_ServerInfoReadOnce(t *testing.T) {
	t.Parallel()
	var serverInfos, lists atomic.Int32
	stub := startStub(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/rest/api/2/serverInfo":
			serverInfos.Add(1)
			serveJSON(w, dataCenterServerInfo)
		case "/rest/api/2/resolution":
			lists.Add(1)
			serveJSON(w, `[{"id":"1","name":"Fixed","description":"Fixed."}]`)
		default:
			http.Error(w, "unexpected "+r.URL.Path, http.StatusTeapot)
		}
	})
	c := newClient(t, stub, stubAccount)
	for range 3 {
		if list, err := c.Resolutions(context.Background()); err != nil || len(list) != 1 {
			t.Fatalf("Resolutions = %+v, %v", list, err)
		}
	}
	if serverInfos.Load() != 1 || lists.Load() != 3 {
		t.Errorf("serverInfo asked %d times, list %d times; want 1 and 3", serverInfos.Load(), lists.Load())
	}
}
