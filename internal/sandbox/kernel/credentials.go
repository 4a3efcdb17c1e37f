package kernel

// Default credentials accepted by every product with Jama-style
// authentication. DefaultUsername/DefaultPassword are the seeded Jama admin
// user's own credentials (changing that user through the API changes them
// for Jama); DefaultClientID/DefaultClientSecret obtain OAuth bearer tokens.
const (
	DefaultUsername     = "admin"
	DefaultPassword     = "sandbox"
	DefaultClientID     = "sandbox-client"
	DefaultClientSecret = "sandbox-secret"
)
