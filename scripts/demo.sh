#!/usr/bin/env bash
# make demo: build the provider and the sandbox, start the sandbox on a free
# loopback port, then terraform init + apply examples/quickstart against it
# and show the outputs. No credentials, no network.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
demo=$root/.demo
rm -rf "$demo"
mkdir -p "$demo/bin" "$demo/work"

echo "==> building the provider and the sandbox"
# Terraform installs the provider from a local mirror, as it would from the
# registry, so `terraform init` needs no network.
version=0.1.0
platform="$(go env GOOS)_$(go env GOARCH)"
mirror=$demo/mirror/registry.terraform.io/almsync/almsync/$version/$platform
mkdir -p "$mirror"
go build -ldflags "-X main.version=$version" -o "$mirror/terraform-provider-almsync_v$version" .
go build -o "$demo/bin/almsync-sandbox" ./internal/sandbox/cmd/almsync-sandbox

echo "==> starting the sandbox"
"$demo/bin/almsync-sandbox" --listen "127.0.0.1:${ALMSYNC_SANDBOX_PORT:-0}" --state "$demo/sandbox.json" >"$demo/sandbox.log" 2>&1 &
sandbox_pid=$!
trap 'kill "$sandbox_pid" 2>/dev/null || true; wait "$sandbox_pid" 2>/dev/null || true' EXIT
url=""
for _ in $(seq 1 100); do
  url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$demo/sandbox.log" | head -1 || true)
  [ -n "$url" ] && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$demo/sandbox.log" >&2; echo "the sandbox did not start" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { cat "$demo/sandbox.log" >&2; echo "the sandbox did not report its address" >&2; exit 1; }
echo "    sandbox at $url (state in .demo/sandbox.json)"

cat >"$demo/terraformrc" <<RC
provider_installation {
  filesystem_mirror {
    path    = "$demo/mirror"
    include = ["registry.terraform.io/almsync/almsync"]
  }
}
RC
export TF_CLI_CONFIG_FILE=$demo/terraformrc CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
cp "$root"/examples/quickstart/*.tf "$demo/work/"
cd "$demo/work"

echo "==> terraform init"
terraform init -input=false -no-color 2>&1 | grep -vE '^\s*$' | sed 's/^/    /'
echo "==> terraform apply"
terraform apply -input=false -auto-approve -no-color -var "sandbox_url=$url"
echo "==> terraform plan (expect no changes)"
if terraform plan -input=false -no-color -detailed-exitcode -var "sandbox_url=$url" >"$demo/plan.txt" 2>&1; then
  echo "    no changes: the infrastructure matches the configuration"
else
  cat "$demo/plan.txt" >&2
  echo "the plan right after apply is not empty" >&2
  exit 1
fi
echo "==> outputs"
terraform output -no-color
