package conformance

import "testing"

func TestSandboxConforms(t *testing.T) {
	base := newSandbox(t)
	for _, contract := range []string{ContractJama, ContractInterchange, ContractJitterbit, ContractAqua} {
		t.Run(contract, func(t *testing.T) {
			report, out := run(t, sandboxConfig(contract, base))
			if !report.OK() {
				t.Errorf("the sandbox does not conform to %s:\n%s", contract, failLines(out))
			}
			t.Log(out)
		})
	}
}
