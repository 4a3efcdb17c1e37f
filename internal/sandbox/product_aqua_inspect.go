package sandbox

// AquaSyncSecret returns a secret a Jira sync definition holds, which the
// API never returns. Tests use it to prove that a write-only value reached
// the product. which is one of "configuration.password",
// "configuration.apiToken", "sync.password" and "sync.apiToken". ok is
// false when no such definition exists, which is unknown, or a "sync."
// secret is asked of a definition without a Jira sync user.
func (s *Server) AquaSyncSecret(syncID int64, which string) (secret string, ok bool) {
	for _, p := range s.products {
		ap, isAqua := p.(*aquaProduct)
		if !isAqua || ap.state == nil {
			continue
		}
		ap.state.read(func(st *aquaState) {
			d, found := st.SyncDefinitions.get(syncID)
			if !found {
				return
			}
			switch which {
			case "configuration.password":
				secret, ok = d.ConfigurationUser.Password, true
			case "configuration.apiToken":
				secret, ok = d.ConfigurationUser.APIToken, true
			case "sync.password":
				if d.SyncUser != nil {
					secret, ok = d.SyncUser.Password, true
				}
			case "sync.apiToken":
				if d.SyncUser != nil {
					secret, ok = d.SyncUser.APIToken, true
				}
			}
		})
	}
	return secret, ok
}
