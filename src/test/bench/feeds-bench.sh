#!/usr/bin/env bash
# Serving benchmark for issue 4: /feed.xml (full 200s and 304s) and /api/digests/{date} from the service,
# side by side with the same bytes served as static files by nginx, in one run, with wrk on loopback.
#
#   apt-get install -y wrk nginx      # once
#   ./mvnw -DskipTests package        # builds target/her2-feeds.jar (the script builds it when missing)
#   src/test/bench/feeds-bench.sh [connections=32] [seconds=10]
#
# Loads 1,000 generated HER2 articles (one local RSS file, 20 days of 50 articles) through the service's own
# ingest (--export), then starts the service on that database and measures. Prints a markdown table.
set -euo pipefail
cd "$(dirname "$0")/../../.."
CONNECTIONS=${1:-32}
SECONDS_PER_RUN=${2:-10}
APP_PORT=${APP_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
JAR=target/her2-feeds.jar
[ -f "$JAR" ] || ./mvnw -q -DskipTests package

WORK=$(mktemp -d /tmp/her2-bench.XXXXXX)
chmod 755 "$WORK"
APP_PID=; NGINX_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

# 1,000 articles: 20 days x 50, newest day first, each clearly about HER2.
python3 - "$WORK/articles.rss" <<'PY'
import sys, datetime
out = open(sys.argv[1], "w", encoding="utf-8")
out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Bench</title>'
          '<link>https://bench.example/</link><description>Generated</description>\n')
start = datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc)
drugs = ["trastuzumab deruxtecan", "pertuzumab", "tucatinib", "trastuzumab emtansine", "zanidatamab"]
for i in range(1000):
    day, slot = divmod(i, 50)
    when = start + datetime.timedelta(days=day, minutes=20 * slot)
    drug = drugs[i % len(drugs)]
    out.write(f'<item><title>HER2-positive breast cancer: {drug} study {i}</title>'
              f'<link>https://bench.example/articles/{i}</link><guid isPermaLink="false">bench-{i}</guid>'
              f'<pubDate>{when.strftime("%a, %d %b %Y %H:%M:%S +0000")}</pubDate>'
              f'<description>&lt;p&gt;A phase 3 trial of {drug} in HER2-positive metastatic breast cancer; '
              f'HER2 testing by IHC and ISH, {i} patients, progression-free survival and cardiac safety.&lt;/p&gt;</description></item>\n')
out.write('</channel></rss>\n')
PY
cat > "$WORK/sources.yml" <<YML
sources:
  - id: bench
    title: Generated HER2 articles
    url: file:articles.rss
    interval: PT30M
    kind: journal
YML
COMMON=(--her2.sources-file="$WORK/sources.yml" --her2.data-dir="$WORK/data")
java -jar "$JAR" --export="$WORK/export" "${COMMON[@]}" > "$WORK/export.log" 2>&1 || { cat "$WORK/export.log"; exit 1; }
grep -E "bench|Wrote" "$WORK/export.log" | tail -2

java -Xms256m -Xmx256m -jar "$JAR" "${COMMON[@]}" --server.port="$APP_PORT" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$APP_PORT/feed.xml" -o /dev/null && break; sleep 1; done
DAY=2026-11-20
APP=http://127.0.0.1:$APP_PORT
mkdir -p "$WORK/www/api/digests"
curl -sf "$APP/feed.xml" -o "$WORK/www/feed.xml"
curl -sf "$APP/api/digests/$DAY" -o "$WORK/www/api/digests/$DAY"
chmod -R a+rX "$WORK/www"
APP_ETAG=$(curl -sfI "$APP/feed.xml" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')

cat > "$WORK/nginx.conf" <<NGX
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on; tcp_nopush on; keepalive_requests 100000;
  types { application/rss+xml xml; application/json ""; }
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; default_type application/json; }
}
NGX
nginx -c "$WORK/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
NGX=http://127.0.0.1:$NGINX_PORT
for _ in $(seq 1 20); do curl -sf "$NGX/feed.xml" -o /dev/null && break; sleep 0.5; done
NGX_ETAG=$(curl -sfI "$NGX/feed.xml" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')

FEED_BYTES=$(stat -c %s "$WORK/www/feed.xml"); DIGEST_BYTES=$(stat -c %s "$WORK/www/api/digests/$DAY")
echo "feed.xml: $FEED_BYTES bytes; digest $DAY: $DIGEST_BYTES bytes; $CONNECTIONS connections, ${SECONDS_PER_RUN}s per run"

run() { # name url [header]
  local args=(-t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency)
  [ -n "${3:-}" ] && args+=(-H "$3")
  wrk -t2 -c"$CONNECTIONS" -d3s ${3:+-H "$3"} "$2" > /dev/null   # warm-up
  local result; result=$(wrk "${args[@]}" "$2")
  local rps p50 p99 codes
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$result")
  p50=$(awk '$1=="50%"{print $2}' <<<"$result")
  p99=$(awk '$1=="99%"{print $2}' <<<"$result")
  codes=$(grep -c "Non-2xx" <<<"$result" || true)
  printf '| %s | %s | %s | %s |\n' "$1" "$rps" "$p50" "$p99"
}
# A fresh JVM compiles its hot paths during the first seconds of load: warm every service path up before any
# measurement, so the first scenario measured is not also the JIT's.
for path in "/feed.xml" "/api/digests/$DAY"; do
  for header in "Accept: */*" "Accept-Encoding: gzip" "If-None-Match: $APP_ETAG"; do
    wrk -t2 -c"$CONNECTIONS" -d5s -H "$header" "$APP$path" > /dev/null
  done
done
echo
echo "| scenario | req/s | p50 | p99 |"
echo "|---|---|---|---|"
run "service /feed.xml 200" "$APP/feed.xml"
run "nginx   /feed.xml 200" "$NGX/feed.xml"
run "service /feed.xml 304" "$APP/feed.xml" "If-None-Match: $APP_ETAG"
run "nginx   /feed.xml 304" "$NGX/feed.xml" "If-None-Match: $NGX_ETAG"
run "service /api/digests/$DAY 200" "$APP/api/digests/$DAY"
run "nginx   /api/digests/$DAY 200" "$NGX/api/digests/$DAY"
run "service /feed.xml gzip 200" "$APP/feed.xml" "Accept-Encoding: gzip"
