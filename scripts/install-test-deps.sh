#!/usr/bin/env bash
# Debian packages the test suite needs: dnsmasq (real DNS server), Postfix and Dovecot (real SMTP/IMAP/POP3 servers,
# run as private instances by the tests), PostgreSQL (a private cluster per test file, for the PostgreSQL result
# store), Redis (a private server per test file, for the shared rate limits), Chromium (end-to-end), OpenSSL (bench
# reference).
set -euo pipefail
packages=(dnsmasq-base postfix dovecot-imapd dovecot-pop3d postgresql redis-server chromium openssl ca-certificates fonts-dejavu-core)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if ((${#missing[@]})); then
  echo "Installing Debian packages: ${missing[*]}"
  # Postfix's installer asks for a mail setup: answer "No configuration" (the tests bring their own).
  printf '%s\n' "postfix postfix/main_mailer_type select No configuration" "postfix postfix/mailname string localhost" |
    $sudo debconf-set-selections
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# Installing may start the system instances, which would hold ports 25/143/... and are never used by the tests.
# Both commands address only the instance of /etc/postfix and /etc/dovecot, never a test's private one.
$sudo postfix stop >/dev/null 2>&1 || true
$sudo doveadm stop >/dev/null 2>&1 || true
# The same for PostgreSQL's system cluster (port 5432): stop every one that runs; tests initdb their own.
if command -v pg_lsclusters >/dev/null 2>&1; then
  pg_lsclusters --no-header | while read -r version cluster _port status _rest; do
    [ "$status" = online ] && $sudo pg_ctlcluster "$version" "$cluster" stop >/dev/null 2>&1 || true
  done
fi
# And for Redis's system instance (port 6379), which Debian's package starts: tests run their own redis-server.
if [ -x /etc/init.d/redis-server ] || command -v systemctl >/dev/null 2>&1; then
  $sudo service redis-server stop >/dev/null 2>&1 || true
fi
