package jitterbit

// Values of the Auth Scheme field.
const (
	AuthSchemeAuto  = "Auto"
	AuthSchemeOAuth = "OAuth"
	AuthSchemeBasic = "Basic"
	AuthSchemeCrowd = "Crowd"
)

// Values of the Initiate OAuth field.
const (
	InitiateOAuthOff           = "OFF"
	InitiateOAuthGetAndRefresh = "GETANDREFRESH"
	InitiateOAuthRefresh       = "REFRESH"
)

// The enumerations below are listed exactly as the connection screen lists
// them, in its order. Each call returns a new slice the caller may change.

// AuthSchemes returns the values of Auth Scheme.
func AuthSchemes() []string {
	return []string{AuthSchemeAuto, AuthSchemeOAuth, AuthSchemeBasic, AuthSchemeCrowd}
}

// InitiateOAuthValues returns the values of OAuth > Initiate OAuth.
func InitiateOAuthValues() []string {
	return []string{InitiateOAuthOff, InitiateOAuthGetAndRefresh, InitiateOAuthRefresh}
}

// OAuthVersions returns the values of OAuth > OAuth Version.
func OAuthVersions() []string { return []string{"1.0", "2.0"} }

// CertificateStoreTypes returns the 15 values of OAuth > Certificate Store
// Type. They differ from ClientCertTypes: P10BFILE instead of P7BFILE, no
// PEMKEY_BLOB, and another order.
func CertificateStoreTypes() []string {
	return []string{
		"USER", "MACHINE", "PFXFILE", "PFXBLOB", "JKSFILE", "JKSBLOB",
		"PEMKEY_FILE", "PUBLIC_KEY_FILE", "PUBLIC_KEY_BLOB", "SSHPUBLIC_KEY_BLOB",
		"P10BFILE", "SSHPUBLIC_KEY_FILE", "PPKFILE", "XMLFILE", "XMLBLOB",
	}
}

// ClientCertTypes returns the 16 values of SSL > SSL Client Cert Type.
// They differ from CertificateStoreTypes (see there).
func ClientCertTypes() []string {
	return []string{
		"USER", "MACHINE", "PFXFILE", "PFXBLOB", "JKSFILE", "JKSBLOB",
		"PEMKEY_FILE", "PEMKEY_BLOB", "PUBLIC_KEY_FILE", "PUBLIC_KEY_BLOB",
		"SSHPUBLIC_KEY_FILE", "SSHPUBLIC_KEY_BLOB", "P7BFILE", "PPKFILE",
		"XMLFILE", "XMLBLOB",
	}
}
