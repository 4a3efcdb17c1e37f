package interchange

// ConnectorSecrets returns the password and client secret a connector
// holds, which its API never returns. Tests use it to prove that a
// write-only value reached the product. ok is false when no such connector
// exists.
func (p *Product) ConnectorSecrets(id int64) (password, clientSecret string, ok bool) {
	if p.state == nil {
		return "", "", false
	}
	p.state.Read(func(st *interchangeState) {
		if c, found := st.Connectors.Get(id); found {
			password, clientSecret, ok = c.Password, c.ClientSecret, true
		}
	})
	return password, clientSecret, ok
}
