package jitterbit_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

func TestProjects(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	c := newClient(t, base+"/jitterbit", admin)
	ctx := context.Background()

	projects, err := c.ListProjects(ctx)
	want := []jitterbit.Project{{ID: "1001", Name: "JSM Integration"}, {ID: "1002", Name: "Service Desk Sync"}}
	if err != nil || !reflect.DeepEqual(projects, want) {
		t.Errorf("list = %+v, %v; want %+v", projects, err, want)
	}
	if p, err := c.GetProject(ctx, "1002"); err != nil || p != want[1] {
		t.Errorf("get 1002 = %+v, %v", p, err)
	}
	_, err = c.GetProject(ctx, "4242")
	if !errors.Is(err, api.ErrNotFound) || !strings.Contains(err.Error(), `Jitterbit read project: project "4242"`) {
		t.Errorf("get 4242: %v, want ErrNotFound naming the project", err)
	}
}
