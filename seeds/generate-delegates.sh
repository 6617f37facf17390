#!/usr/bin/env sh
# Writes COUNT invented delegates (the same SEED gives the same people) as UTF-8 CSV in the format of
# POST /api/v1/events/{slug}/registrations/import.  Usage: seeds/generate-delegates.sh COUNT [SEED] > delegates.csv
set -eu
cd "$(dirname "$0")/.."
if [ ! -d target/quarkus-app/app ]; then
  ./mvnw -q package -DskipTests >&2
fi
exec java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" org.forumpass.seed.DelegateGenerator "$@"
