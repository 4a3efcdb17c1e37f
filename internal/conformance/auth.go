package conformance

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// authenticate obtains the run's token or session once: an OAuth
// client-credentials token (Jama, Interchange), aqua's password-grant token
// or a Harmony login. Basic needs nothing. A failure is recorded once, as
// the check "authentication", and every later authenticated request is
// not sent.
func (r *runner) authenticate(ctx context.Context) error {
	if r.authDone {
		return r.authErr
	}
	r.authDone = true
	var what, endpoint string
	var err error
	switch r.cfg.authMode() {
	case authBasic:
		return nil
	case authClientCredentials:
		endpoint = r.cfg.AuthURL + "/rest/oauth/token"
		what = "OAuth token (client credentials)"
		r.token, err = r.clientCredentialsToken(ctx, endpoint)
	case authAquaToken:
		endpoint = r.cfg.AuthURL + "/api/token"
		what = "aqua token (password grant)"
		r.token, err = r.aquaToken(ctx, endpoint)
	case authHarmonySession:
		endpoint = r.cfg.AuthURL + "/login"
		what = "Harmony login"
		err = r.harmonyLogin(ctx, endpoint)
	}
	c := Check{Operation: "authentication", Method: http.MethodPost, Path: endpoint, What: what}
	if err != nil {
		r.authErr = fmt.Errorf("%s at %s failed: %w", what, endpoint, err)
		c.Detail = err.Error() + "; the authenticated operations were not sent"
		r.add(c)
		return r.authErr
	}
	c.OK, c.Detail = true, "obtained"
	r.add(c)
	return nil
}

// setAuth adds the run's credentials to req.
func (r *runner) setAuth(req *http.Request) {
	switch r.cfg.authMode() {
	case authBasic:
		req.SetBasicAuth(r.cfg.Username, r.cfg.Password)
	case authClientCredentials, authAquaToken:
		req.Header.Set("Authorization", "Bearer "+r.token)
	case authHarmonySession:
		req.Header.Set("authToken", r.token)
		req.Header.Set("organizationId", r.org)
	}
}

// postAuth sends one authentication request and decodes its JSON answer.
func (r *runner) postAuth(req *http.Request, out any) error {
	req.Header.Set("Accept", "application/json")
	resp, err := r.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return fmt.Errorf("reading the answer: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d (body %s)", resp.StatusCode, excerpt(body))
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("the answer is not the JSON expected: %w (body %s)", err, excerpt(body))
	}
	return nil
}

func (r *runner) clientCredentialsToken(ctx context.Context, endpoint string) (string, error) {
	form := url.Values{"grant_type": {"client_credentials"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(r.cfg.ClientID, r.cfg.ClientSecret)
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := r.postAuth(req, &tok); err != nil {
		return "", err
	}
	if tok.AccessToken == "" {
		return "", fmt.Errorf("the answer has no access_token")
	}
	return tok.AccessToken, nil
}

func (r *runner) aquaToken(ctx context.Context, endpoint string) (string, error) {
	form := url.Values{"grant_type": {"password"}, "username": {r.cfg.Username}, "password": {r.cfg.Password}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := r.postAuth(req, &tok); err != nil {
		return "", err
	}
	if tok.AccessToken == "" {
		return "", fmt.Errorf("the answer has no access_token")
	}
	return tok.AccessToken, nil
}

func (r *runner) harmonyLogin(ctx context.Context, endpoint string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, http.NoBody)
	if err != nil {
		return err
	}
	req.Header.Set("username", r.cfg.Username)
	req.Header.Set("password", r.cfg.Password)
	var login struct {
		Success bool `json:"success"`
		Data    struct {
			AuthenticationToken string          `json:"authenticationToken"`
			DefaultOrgID        json.RawMessage `json:"defaultOrgId"`
		} `json:"data"`
		Error struct {
			ErrorMessage string `json:"errorMessage"`
		} `json:"error"`
	}
	if err := r.postAuth(req, &login); err != nil {
		return err
	}
	if !login.Success || login.Data.AuthenticationToken == "" {
		return fmt.Errorf("the login was refused or has no authenticationToken: %s", login.Error.ErrorMessage)
	}
	r.token = login.Data.AuthenticationToken
	if r.cfg.OrganizationID != "" {
		r.org = r.cfg.OrganizationID
		return nil
	}
	r.org = strings.Trim(string(login.Data.DefaultOrgID), `"`)
	if r.org == "" || r.org == "null" {
		return fmt.Errorf("the login names no defaultOrgId; give --organization-id")
	}
	return nil
}
