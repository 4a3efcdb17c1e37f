package api

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
)

func TestCreateOnce(t *testing.T) {
	t.Parallel()
	lost := &Error{Product: "P", Operation: "create x", StatusCode: http.StatusBadGateway}
	conflict := &Error{Product: "P", Operation: "create x", StatusCode: http.StatusConflict}
	invalid := &Error{Product: "P", Operation: "create x", StatusCode: http.StatusBadRequest}
	cases := map[string]struct {
		posts     []error // what each post returns, in turn
		found     []bool  // what each lookup returns, in turn
		findErr   error
		wantPosts int
		wantErr   error
	}{
		"created":                        {posts: []error{nil}, wantPosts: 1},
		"rejected is not retried":        {posts: []error{invalid}, wantPosts: 1, wantErr: ErrBadRequest},
		"lost but applied is adopted":    {posts: []error{lost}, found: []bool{true}, wantPosts: 1},
		"lost and not applied is posted": {posts: []error{lost, nil}, found: []bool{false}, wantPosts: 2},
		"conflict on the repost adopts":  {posts: []error{lost, conflict}, found: []bool{false, true}, wantPosts: 2},
		"first conflict is a real one":   {posts: []error{conflict}, wantPosts: 1, wantErr: ErrConflict},
		"gives up after the limit": {
			posts: []error{lost, lost, lost, lost, lost}, found: []bool{false, false, false, false},
			wantPosts: 4, // retries + 1; checked below: still the 502
		},
		"lookup failure is reported": {posts: []error{lost}, findErr: errors.New("lookup broke"), wantPosts: 1},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			posts, finds := 0, 0
			post := func(context.Context) error { posts++; return tc.posts[posts-1] }
			find := func(context.Context) (bool, error) {
				finds++
				if tc.findErr != nil {
					return false, tc.findErr
				}
				return tc.found[finds-1], nil
			}
			err := CreateOnce(context.Background(), 3, post, find)
			if posts != tc.wantPosts {
				t.Errorf("posted %d times, want %d", posts, tc.wantPosts)
			}
			switch {
			case name == "gives up after the limit":
				if !errors.Is(err, lost) {
					t.Errorf("err = %v, want the last 502", err)
				}
			case name == "lookup failure is reported":
				if !errors.Is(err, lost) || !strings.Contains(err.Error(), "lookup broke") {
					t.Errorf("err = %v, want the 502 with the lookup failure as context", err)
				}
			case tc.wantErr == nil && err != nil:
				t.Errorf("err = %v, want none", err)
			case tc.wantErr != nil && !errors.Is(err, tc.wantErr):
				t.Errorf("err = %v, want %v", err, tc.wantErr)
			}
		})
	}
}
