package jitterbit

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// Reasons a login is refused that no password can fix. errors.Is matches
// the error of a refused login against them; that error also matches
// api.ErrUnauthorized and is an *api.Error.
var (
	// ErrSSOLogin: the user's organization uses Harmony SSO. Jitterbit's
	// reference says the credentials of POST /login "must be associated
	// with Harmony account credentials and not an organization using
	// Harmony SSO".
	ErrSSOLogin = errors.New("the Harmony API cannot log in through SSO")
	// ErrTwoFactorLogin: the user's organization requires two-factor
	// authentication, which the login of the Harmony API cannot answer.
	ErrTwoFactorLogin = errors.New("the Harmony API cannot log in with two-factor authentication")
)

// refusedLoginError is a login refused for one of the reasons above. Its
// text is the *api.Error's, whose message says why and what to do.
type refusedLoginError struct {
	reason error
	err    *api.Error
}

func (e *refusedLoginError) Error() string { return e.err.Error() }

func (e *refusedLoginError) Unwrap() []error { return []error{e.err, e.reason} }

// explainRefusedLogin returns the error of a refused login: err itself, or,
// when Harmony's refusal (text: its errorMessage and errorCode) says the
// user's organization uses SSO or two-factor authentication, err with the
// reason and the fix added to its message.
func explainRefusedLogin(err *api.Error, username, text string) error {
	var reason error
	var explanation string
	switch {
	case mentionsSSO(text):
		reason = ErrSSOLogin
		explanation = fmt.Sprintf("the organization of user %q uses Harmony SSO; the Harmony API cannot log in through SSO: "+
			"use a Harmony account without SSO (a non-SSO user in the organization)", username)
	case mentionsTwoFactor(text):
		reason = ErrTwoFactorLogin
		explanation = fmt.Sprintf("the organization of user %q requires two-factor authentication, which the Harmony API refuses: "+
			"use a Harmony account without SSO or two-factor authentication", username)
	default:
		return err
	}
	if err.Message == "" {
		err.Message = explanation
	} else {
		err.Message += ": " + explanation
	}
	return &refusedLoginError{reason: reason, err: err}
}

// refusalText is the errorMessage and errorCode of a refused login's body,
// or "" when the body is not Harmony's envelope.
func refusalText(body []byte) string {
	var env rawEnvelope
	if json.Unmarshal(body, &env) != nil || env.Error == nil {
		return ""
	}
	return env.Error.ErrorMessage + " " + string(env.Error.ErrorCode)
}

// mentionsSSO reports whether text speaks of single sign-on: the word SSO
// (alone or in a code such as SSO_USER), SAML, or "single sign-on".
func mentionsSSO(text string) bool {
	if hasWord(text, "SSO", "SAML") {
		return true
	}
	lower := strings.ToLower(text)
	return strings.Contains(lower, "single sign") || strings.Contains(lower, "single-sign")
}

// mentionsTwoFactor reports whether text speaks of two-factor or
// multi-factor authentication: "two-factor", "2FA", "TFA", "MFA" and the
// like.
func mentionsTwoFactor(text string) bool {
	if hasWord(text, "2FA", "TFA", "MFA", "OTP") {
		return true
	}
	lower := strings.NewReplacer("-", " ", "_", " ").Replace(strings.ToLower(text))
	for _, phrase := range []string{"two factor", "multi factor", "multifactor", "two step", "second factor"} {
		if strings.Contains(lower, phrase) {
			return true
		}
	}
	return false
}

// hasWord reports whether text holds one of words (upper case) as a whole
// word, words being runs of letters and digits.
func hasWord(text string, words ...string) bool {
	for _, field := range strings.FieldsFunc(strings.ToUpper(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		for _, w := range words {
			if field == w {
				return true
			}
		}
	}
	return false
}
