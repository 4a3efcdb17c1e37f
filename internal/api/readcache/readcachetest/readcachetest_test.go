package readcachetest

import (
	"slices"
	"testing"
)

func TestMissingMembers(t *testing.T) {
	t.Parallel()
	read := `{"id":1,"name":"a","schedule":{"type":"CRON","cron":"0 0 * * * ?"},"tags":[{"k":"x"}]}`
	cases := map[string]struct {
		listed string
		want   []string
	}{
		"the same object":          {read, nil},
		"more members in the list": {`{"id":1,"name":"a","extra":true,"schedule":{"type":"CRON","cron":"0 0 * * * ?","next":"x"},"tags":[{"k":"x"}]}`, nil},
		"a top member missing":     {`{"id":1,"schedule":{"type":"CRON","cron":"0 0 * * * ?"},"tags":[{"k":"x"}]}`, []string{".name"}},
		"a nested member missing":  {`{"id":1,"name":"a","schedule":{"type":"CRON"},"tags":[{}]}`, []string{".schedule.cron", ".tags[0].k"}},
		"an object summarised":     {`{"id":1,"name":"a","schedule":"CRON","tags":[]}`, []string{".schedule (an object in the read)", ".tags (an array of another length in the read)"}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := MissingMembers([]byte(read), []byte(tc.listed))
			if err != nil || !slices.Equal(got, tc.want) {
				t.Errorf("MissingMembers = %v, %v; want %v", got, err, tc.want)
			}
		})
	}
	if _, err := MissingMembers([]byte(read), []byte("<html>")); err == nil {
		t.Error("a list element that is not JSON gave no error")
	}
}
