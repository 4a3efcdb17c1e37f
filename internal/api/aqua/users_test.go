package aqua_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

func TestUsers_CreateAnswersTheIDThenTheUserIsRead(t *testing.T) {
	t.Parallel()
	f := newFakeAqua(t, map[string]handler{
		"POST /api/System/User":  fixed(http.StatusOK, userCreatedJSON),
		"GET /api/System/User/7": fixed(http.StatusOK, userJSON),
	})
	req := aqua.UserRequest{UserName: "jira.sync", FirstName: "Jira", Surname: "Sync", Email: "jira.sync@example.com", Position: "Service account"}
	u, err := f.client(t).CreateUser(context.Background(), req, false)
	if err != nil {
		t.Fatal(err)
	}
	if u.ID != 7 || u.Surname != "Sync" || u.Email != "jira.sync@example.com" || len(u.Licenses) != 2 {
		t.Errorf("created user = %+v", u)
	}
	assertOneRequest(t, f, "POST /api/System/User", url.Values{"sendNotification": {"false"}}, userRequestJSON)
	assertOneRequest(t, f, "GET /api/System/User/7", url.Values{"includeLicenses": {"true"}}, "")
}

func TestUsers_CreateWithoutUserIDIsADecodeError(t *testing.T) {
	t.Parallel()
	f := newFakeAqua(t, map[string]handler{"POST /api/System/User": fixed(http.StatusOK, `{}`)})
	_, err := f.client(t).CreateUser(context.Background(), userReq("x"), true)
	var decErr *api.DecodeError
	if !errors.As(err, &decErr) || decErr.Operation != "create user" || decErr.Err.Error() != "the answer has no UserId" {
		t.Errorf("err = %v, want a DecodeError about the missing UserId", err)
	}
	assertOneRequest(t, f, "POST /api/System/User", url.Values{"sendNotification": {"true"}}, "")
}

func TestUsers_ReadListUpdateDelete(t *testing.T) {
	t.Parallel()
	f := newFakeAqua(t, map[string]handler{
		"GET /api/Session":          fixed(http.StatusOK, userWithoutExtraJSON),
		"GET /api/System/User":      fixed(http.StatusOK, "["+userSummaryJSON+"]"),
		"GET /api/System/User/7":    fixed(http.StatusOK, userJSON),
		"PUT /api/System/User/7":    fixed(http.StatusNoContent, ""),
		"DELETE /api/System/User/7": fixed(http.StatusNoContent, ""),
		"GET /api/System/User/8": fixed(http.StatusNotFound,
			`{"Message":"The user with id 8 does not exist.","Code":"E-404","Type":"NotFound"}`),
	})
	c, ctx := f.client(t), context.Background()

	if me, err := c.CurrentUser(ctx); err != nil || me.UserName != "admin" || me.Surname != "Admin" {
		t.Errorf("current user: %+v, %v", me, err)
	}
	found, ok, err := c.FindUser(ctx, "JIRA.SYNC")
	if err != nil || !ok || found != (aqua.UserSummary{ID: 7, UserName: "jira.sync", FirstName: "Jira", Surname: "Sync", Status: "Activated", AnyActiveLicense: true}) {
		t.Errorf("find ignoring case: %+v %t %v", found, ok, err)
	}
	if _, ok, err := c.FindUser(ctx, "nobody"); err != nil || ok {
		t.Errorf("find unknown: %t %v", ok, err)
	}
	held, err := c.UserLicenses(ctx, 7)
	if want := []aqua.UserLicense{{Code: "JIRASYNC", Type: "Named"}, {Code: "FULL", Type: "Floated"}}; err != nil || !reflect.DeepEqual(held, want) {
		t.Errorf("user licenses: %+v, %v", held, err)
	}
	req := aqua.UserRequest{UserName: "jira.sync", FirstName: "Jira", Surname: "Sync", Email: "jira.sync@example.com", Position: "Service account"}
	if err := c.UpdateUser(ctx, 7, req); err != nil {
		t.Fatalf("update: %v", err)
	}
	assertOneRequest(t, f, "PUT /api/System/User/7", nil, userRequestJSON)
	if err := c.DeleteUser(ctx, 7); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if _, err := c.GetUser(ctx, 8); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("read unknown: %v, want ErrNotFound", err)
	}
}
