package transport

import (
	"net/http"
	"reflect"
	"strings"
	"testing"
)

func TestIsSecretKey(t *testing.T) {
	secret := []string{
		"password", "Password", "PASSWORD", "newPassword", "password_confirmation",
		"secret", "client_secret", "clientSecret", "ClientSecret",
		"token", "access_token", "accessToken", "refreshToken", "refresh-token", "api_token", "authToken", "AuthToken",
		"apikey", "apiKey", "api_key", "API-KEY", "authKey", "auth_key", "verifier", "accessKey", "access_key",
	}
	for _, k := range secret {
		if !IsSecretKey(k) {
			t.Errorf("IsSecretKey(%q) = false, want true", k)
		}
	}
	plain := []string{"user", "username", "name", "id", "key", "keyword", "code", "code_verifier_hint2", "email", "", "pass"}
	for _, k := range plain {
		if IsSecretKey(k) {
			t.Errorf("IsSecretKey(%q) = true, want false", k)
		}
	}
}

func TestMaskHeaders(t *testing.T) {
	in := http.Header{
		"Authorization":       {"Basic dXNlcjpwYXNz"},
		"Proxy-Authorization": {"Bearer abc"},
		"Cookie":              {"a=1", "b=2"},
		"Set-Cookie":          {"session=xyz"},
		"Authtoken":           {"t1"},
		"authToken":           {"t2"}, // not canonical
		"Password":            {"p"},
		"X-Api-Key":           {"k"},
		"x-api-key":           {"k2"},
		"X-Auth-Token":        {"t3"},
		"Content-Type":        {"application/json"},
		"Accept":              {"*/*"},
	}
	want := http.Header{
		"Authorization":       {"***"},
		"Proxy-Authorization": {"***"},
		"Cookie":              {"***", "***"},
		"Set-Cookie":          {"***"},
		"Authtoken":           {"***"},
		"authToken":           {"***"},
		"Password":            {"***"},
		"X-Api-Key":           {"***"},
		"x-api-key":           {"***"},
		"X-Auth-Token":        {"***"},
		"Content-Type":        {"application/json"},
		"Accept":              {"*/*"},
	}
	got := MaskHeaders(in)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("MaskHeaders = %v\nwant %v", got, want)
	}
	if in.Get("Authorization") != "Basic dXNlcjpwYXNz" {
		t.Error("MaskHeaders changed its input")
	}
	if MaskHeaders(nil) != nil {
		t.Error("MaskHeaders(nil) != nil")
	}
}

func TestMaskBodyJSON(t *testing.T) {
	tests := []struct {
		name, contentType, in, want string
	}{
		{"flat", "application/json",
			`{"username":"alice","password":"hunter2"}`,
			`{"username":"alice","password":"***"}`},
		{"PascalCase and nesting", "application/json; charset=utf-8",
			`{"User":{"Name":"a","Password":"p1","Credentials":{"client_secret":"s1","clientSecret":"s2"}}}`,
			`{"User":{"Name":"a","Password":"***","Credentials":{"client_secret":"***","clientSecret":"***"}}}`},
		{"tokens", "application/json",
			`{"access_token":"a","refreshToken":"r","api_token":"t","authToken":"x","token_type":"Bearer","expires_in":3600}`,
			`{"access_token":"***","refreshToken":"***","api_token":"***","authToken":"***","token_type":"***","expires_in":3600}`},
		{"arrays", "application/vnd.api+json",
			`[{"id":1,"apiKey":"k1"},{"id":2,"list":[{"verifier":"v"},null,true,1.5e3,"plain"]}]`,
			`[{"id":1,"apiKey":"***"},{"id":2,"list":[{"verifier":"***"},null,true,1.5e3,"plain"]}]`},
		{"secret object and array values", "application/json",
			`{"secret":{"a":[1,2,{"b":3}]},"tokens":["t1","t2"],"next":"ok"}`,
			`{"secret":"***","tokens":"***","next":"ok"}`},
		{"no content type", "",
			"  {\"password\" : \"p\", \"x\" : \"<b>&\"}",
			`{"password":"***","x":"<b>&"}`},
		{"escapes kept valid", "application/json",
			`{"msg":"line\nbreak \"quoted\" \u0001","accessKey":"AK"}`,
			`{"msg":"line\nbreak \"quoted\" \u0001","accessKey":"***"}`},
		{"scalar", "application/json", `"just a string"`, `"just a string"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MaskBody(tt.contentType, []byte(tt.in)); got != tt.want {
				t.Errorf("MaskBody = %s\nwant       %s", got, tt.want)
			}
		})
	}
}

func TestMaskBodyForm(t *testing.T) {
	in := "grant_type=password&username=alice&password=hunter2&client_id=app&client_secret=s%2F3&refresh_token=r&code_verifier=v&verifier=x"
	want := "grant_type=password&username=alice&password=***&client_id=app&client_secret=***&refresh_token=***&code_verifier=v&verifier=***"
	if got := MaskBody("application/x-www-form-urlencoded", []byte(in)); got != want {
		t.Errorf("MaskBody = %s\nwant       %s", got, want)
	}
}

func TestMaskBodyText(t *testing.T) {
	tests := []struct {
		name, contentType, in string
		secrets               []string
		kept                  string
	}{
		{"invalid JSON", "application/json", `{"password":"hunter2", "user": "bob", broken`, []string{"hunter2"}, "bob"},
		{"key=value text", "text/plain", "login failed for user=bob password=hunter2 token=abc", []string{"hunter2", "abc"}, "user=bob"},
		{"XML", "application/xml", `<login><user>bob</user><password>hunter2</password><apiKey type="x">k9</apiKey></login>`, []string{"hunter2", "k9"}, "<user>bob</user>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MaskBody(tt.contentType, []byte(tt.in))
			for _, s := range tt.secrets {
				if strings.Contains(got, s) {
					t.Errorf("MaskBody = %s, still contains %q", got, s)
				}
			}
			if !strings.Contains(got, "***") || !strings.Contains(got, tt.kept) {
				t.Errorf("MaskBody = %s, want *** and %q", got, tt.kept)
			}
		})
	}
}

func TestMaskBodyTruncates(t *testing.T) {
	long := strings.Repeat("é", 5000) // 10000 bytes
	got := MaskBody("text/plain", []byte(long))
	head, note, ok := strings.Cut(got, "...[truncated, 10000 bytes in total]")
	if !ok || note != "" {
		t.Fatalf("MaskBody of a long text lacks the truncation note: %q", got[len(got)-60:])
	}
	if len(head) > maxLoggedBody || len(head) < maxLoggedBody-4 || !strings.HasPrefix(long, head) {
		t.Errorf("kept %d bytes, want about %d on a rune boundary", len(head), maxLoggedBody)
	}

	var b strings.Builder
	b.WriteString(`{"items":[`)
	for i := range 2000 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"name":"n","password":"hunter2"}`)
	}
	b.WriteString(`]}`)
	got = MaskBody("application/json", []byte(b.String()))
	if strings.Contains(got, "hunter2") {
		t.Error("truncated JSON leaks a password")
	}
	if head, _, _ := strings.Cut(got, "...[truncated"); len(head) > maxLoggedBody {
		t.Errorf("logged %d bytes of JSON, want at most %d", len(head), maxLoggedBody)
	}

	form := strings.Repeat("a=b&", 2000) + "password=hunter2"
	if got := MaskBody("application/x-www-form-urlencoded", []byte(form)); len(got) > maxLoggedBody+64 {
		t.Errorf("logged %d bytes of form body", len(got))
	}
}

func TestMaskBodyBinaryAndEmpty(t *testing.T) {
	if got := MaskBody("application/octet-stream", []byte{0xff, 0xfe, 0x00, 0x01}); got != "[4 bytes of binary data]" {
		t.Errorf("MaskBody(binary) = %q", got)
	}
	if got := MaskBody("application/json", nil); got != "" {
		t.Errorf("MaskBody(nil) = %q", got)
	}
}

func TestMaskURL(t *testing.T) {
	tests := map[string]string{
		"https://jama.example.com/rest/v1/users/5":                        "https://jama.example.com/rest/v1/users/5",
		"https://bob:hunter2@jama.example.com/rest":                       "https://***@jama.example.com/rest",
		"https://tok@h.example/x":                                         "https://***@h.example/x",
		"https://h.example/x?api_key=k1&page=2&access_token=t1&apiKey=k2": "https://h.example/x?api_key=***&page=2&access_token=***&apiKey=***",
		"https://h.example/x?token":                                       "https://h.example/x?token",
		"http://bob:pw@exa mple.com/x?token=t":                            "http://***@exa mple.com/x?***",
	}
	for in, want := range tests {
		if got := MaskURL(in); got != want {
			t.Errorf("MaskURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzMaskBody(f *testing.F) {
	seeds := []string{
		`{"password":"x","a":[1,{"token":{"b":2}}]}`, `[1,{"a":`, `{"secret"`, "a=b&token=c&%zz=1",
		"<password>x</password>", "\xff\xfe", `"key": "val`, strings.Repeat(`{"a":`, 100),
	}
	for _, s := range seeds {
		for _, ct := range []string{"application/json", "", "application/x-www-form-urlencoded", "text/plain; charset=\"x"} {
			f.Add(ct, []byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		if got := MaskBody(contentType, body); len(got) > maxLoggedBody+64 {
			t.Errorf("MaskBody returned %d bytes", len(got))
		}
	})
}
