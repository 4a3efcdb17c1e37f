#!/usr/bin/env bash
# Installs what the Quartz differential test (internal/quartz/differential_test.go)
# needs: a JDK, Quartz 2.3.2 and SLF4J, from Debian's packages, unless they are
# already present. Prints the jar paths. Safe to run more than once.
set -euo pipefail

packages=()
command -v javac >/dev/null 2>&1 || packages+=(default-jdk-headless)
dpkg -s libquartz2-java >/dev/null 2>&1 || packages+=(libquartz2-java)
dpkg -s libslf4j-java >/dev/null 2>&1 || packages+=(libslf4j-java)

if ((${#packages[@]} > 0)); then
    sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        sudo=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update
    "${sudo[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
fi

quartz_files=$(dpkg -L libquartz2-java)
slf4j_files=$(dpkg -L libslf4j-java)
quartz_jar=$(grep -m 1 -E '/quartz2?(-[0-9.]+)?\.jar$' <<<"${quartz_files}")
slf4j_jar=$(grep -m 1 -E '/slf4j-api(-[0-9.]+)?\.jar$' <<<"${slf4j_files}")
nop_jar=$(grep -m 1 -E '/slf4j-nop(-[0-9.]+)?\.jar$' <<<"${slf4j_files}" || true)

echo "QUARTZ_JAR=${quartz_jar}"
echo "SLF4J_JARS=${slf4j_jar}${nop_jar:+:${nop_jar}}"
