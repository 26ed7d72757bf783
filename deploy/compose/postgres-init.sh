#!/usr/bin/env bash
# First start of the compose PostgreSQL: one role and one database per domain (database per
# service), all with the PGPASSWORD of deploy/compose/.env.
set -euo pipefail
for domain in identity catalog inventory orders recommendations legacy; do
  psql -v ON_ERROR_STOP=1 -U postgres -c "CREATE ROLE shopstream_${domain} LOGIN PASSWORD '${POSTGRES_PASSWORD}'"
  psql -v ON_ERROR_STOP=1 -U postgres -c "CREATE DATABASE shopstream_${domain} OWNER shopstream_${domain}"
done
