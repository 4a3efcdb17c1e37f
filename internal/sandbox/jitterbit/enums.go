package jitterbit

import "regexp"

// Values of the connection's authScheme, as the connection screen lists
// them.
const (
	AuthSchemeAuto  = "Auto"
	AuthSchemeOAuth = "OAuth"
	AuthSchemeBasic = "Basic"
	AuthSchemeCrowd = "Crowd"
)

// Values of oauth.initiateOAuth, as the connection screen lists them.
const (
	InitiateOAuthOff           = "OFF"
	InitiateOAuthGetAndRefresh = "GETANDREFRESH"
	InitiateOAuthRefresh       = "REFRESH"
)

// The enumerations the product checks, each in the screen's order. They
// are functions so that no caller can change them.

func authSchemes() []string {
	return []string{AuthSchemeAuto, AuthSchemeOAuth, AuthSchemeBasic, AuthSchemeCrowd}
}

func initiateOAuthValues() []string {
	return []string{InitiateOAuthOff, InitiateOAuthGetAndRefresh, InitiateOAuthRefresh}
}

func oauthVersions() []string { return []string{"1.0", "2.0"} }

// certificateStoreTypes are the 15 values of oauth.certificateStoreType:
// P10BFILE where the SSL list has P7BFILE, and no PEMKEY_BLOB.
func certificateStoreTypes() []string {
	return []string{
		"USER", "MACHINE", "PFXFILE", "PFXBLOB", "JKSFILE", "JKSBLOB", "PEMKEY_FILE",
		"PUBLIC_KEY_FILE", "PUBLIC_KEY_BLOB", "SSHPUBLIC_KEY_BLOB", "P10BFILE",
		"SSHPUBLIC_KEY_FILE", "PPKFILE", "XMLFILE", "XMLBLOB",
	}
}

// clientCertTypes are the 16 values of ssl.clientCertType.
func clientCertTypes() []string {
	return []string{
		"USER", "MACHINE", "PFXFILE", "PFXBLOB", "JKSFILE", "JKSBLOB", "PEMKEY_FILE",
		"PEMKEY_BLOB", "PUBLIC_KEY_FILE", "PUBLIC_KEY_BLOB", "SSHPUBLIC_KEY_FILE",
		"SSHPUBLIC_KEY_BLOB", "P7BFILE", "PPKFILE", "XMLFILE", "XMLBLOB",
	}
}

// variableReference matches a whole value that is a reference to a
// Jitterbit variable: "[name]", where name may start with the global
// sigil "$" and is made of period-separated ASCII words, the first of them
// not starting with a digit.
var variableReference = regexp.MustCompile(`^\[\$?[A-Za-z_]\w*(\.\w+)*\]$`)

// isVariableReference reports whether s is, as a whole, a Jitterbit
// variable reference such as "[jsm_url]" or "[$org.jsm.url]", which only an
// agent running an operation resolves.
func isVariableReference(s string) bool { return variableReference.MatchString(s) }
