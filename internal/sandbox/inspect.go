package sandbox

// InterchangeConnectorSecrets returns the password and client secret an
// Interchange connector holds, which its API never returns. Tests use it to
// prove that a write-only value reached the product. ok is false when no
// such connector exists.
func (s *Server) InterchangeConnectorSecrets(id int64) (password, clientSecret string, ok bool) {
	for _, p := range s.products {
		ip, isInterchange := p.(*interchangeProduct)
		if !isInterchange || ip.state == nil {
			continue
		}
		ip.state.read(func(st *interchangeState) {
			if c, found := st.Connectors.get(id); found {
				password, clientSecret, ok = c.Password, c.ClientSecret, true
			}
		})
	}
	return password, clientSecret, ok
}
