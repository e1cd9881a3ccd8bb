# Sourced by bin/test: the README's first command as a user runs it. `bin/tenantry serve` on a fresh data directory
# must answer /health, once with the launcher's own JVM flags (its first start after a build also makes the AOT
# cache) and once with a collector of the user's own in TENANTRY_JAVA_OPTS (which replaces the launcher's G1 and its
# settings: the JVM refuses two, and a cache made under other options refuses to load, so each set has its own).
# It also signs with ACCP from lib/, whose jar the build stores without its signature (server/pom.xml), and runs the
# collector it should: G1 by default (the serial one stopped the server for 100+ ms under a write load), else the
# user's (read from the running JVM's flags with jcmd).
tenantry_launcher_check() {
    local opts dir port pid ready collector flags
    for opts in "" "-XX:+UseSerialGC -Xmx512m"; do
        dir="$(mktemp -d)"
        port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
        TENANTRY_JAVA_OPTS="$opts" "$root/bin/tenantry" serve --data "$dir/data" --port "$port" >"$dir/log" 2>&1 &
        pid=$!
        ready=
        for _ in $(seq 240); do
            if curl -sfk --max-time 2 "https://127.0.0.1:$port/health" >/dev/null 2>&1; then
                ready=1
                break
            fi
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        collector=UseG1GC
        if [[ "$opts" =~ -XX:\+(Use[A-Za-z0-9]*GC) ]]; then
            collector="${BASH_REMATCH[1]}"
        fi
        flags=
        if [ -n "$ready" ]; then
            # the launcher execs the JVM, so its pid is the JVM's
            flags="$("$JAVA_HOME/bin/jcmd" "$pid" VM.flags 2>&1 || true)"
        fi
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" || true
        if [ -n "$ready" ] && ! grep -q -- "-XX:+$collector" <<<"$flags"; then
            echo "bin/test: 'bin/tenantry serve' ran without -XX:+$collector (TENANTRY_JAVA_OPTS='$opts'):" >&2
            echo "$flags" >&2
            rm -rf "$dir"
            return 1
        fi
        if [ -z "$ready" ]; then
            echo "bin/test: 'bin/tenantry serve' did not answer /health (TENANTRY_JAVA_OPTS='$opts'); its output:" >&2
            cat "$dir/log" >&2
            rm -rf "$dir"
            return 1
        fi
        if ! grep -q "on the AmazonCorrettoCryptoProvider provider" "$dir/log"; then
            echo "bin/test: 'bin/tenantry serve' did not sign with ACCP (TENANTRY_JAVA_OPTS='$opts'); its output:" >&2
            cat "$dir/log" >&2
            rm -rf "$dir"
            return 1
        fi
        echo "bin/test: 'bin/tenantry serve' answered /health, signing with ACCP, under -XX:+$collector" \
            "(TENANTRY_JAVA_OPTS='$opts')" >&2
        rm -rf "$dir"
    done
}
