package kernel

import (
	"net/mail"
	"strings"
)

// IsEmail reports whether s is a bare address of the form local@domain.
func IsEmail(s string) bool {
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Name != "" || addr.Address != s {
		return false
	}
	_, domain, _ := strings.Cut(s, "@")
	return domain != "" && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}
