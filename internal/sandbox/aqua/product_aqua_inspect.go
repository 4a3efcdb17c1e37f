package aqua

// AquaSyncSecret returns a secret a Jira sync definition holds, which the
// API never returns. Tests use it to prove that a write-only value reached
// the product. which is one of "configuration.password",
// "configuration.apiToken", "sync.password" and "sync.apiToken". ok is
// false when no such definition exists, which is unknown, or a "sync."
// secret is asked of a definition without a Jira sync user.
func (p *Product) AquaSyncSecret(syncID int64, which string) (secret string, ok bool) {
	if p.state == nil {
		return
	}
	p.state.Read(func(st *aquaState) {
		d, found := st.SyncDefinitions.Get(syncID)
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
	return secret, ok
}
