# Sourced by bin/test: starts a throw-away PostgreSQL from Debian's packages for the PostgreSQL run of the server's
# integration tests (Maven profile "postgresql", -Dtenantry.test.pg.url). Installs Debian's postgresql when it is
# missing and we are root; runs initdb in a temporary directory as a non-root user (tenantry-ci, created when we are
# root), starts it with pg_ctl on a free port of 127.0.0.1, and stops it and deletes it when bin/test exits. Never
# touches a cluster that is already running (Debian's 5432 one included). Without PostgreSQL the run is skipped.
# Sets tenantry_pg_args to the Maven arguments (empty when there is no PostgreSQL).

tenantry_pg_args=()
tenantry_pg_dir=""
tenantry_pg_bin=""

tenantry_postgres_stop() {
    if [ -n "$tenantry_pg_dir" ] && [ -d "$tenantry_pg_dir/data" ]; then
        tenantry_pg_as "$tenantry_pg_bin/pg_ctl" -D "$tenantry_pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [ -n "$tenantry_pg_dir" ]; then
        rm -rf "$tenantry_pg_dir"
    fi
}

tenantry_pg_as() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u tenantry-ci -- "$@"
    else
        "$@"
    fi
}

tenantry_pg_find_bin() {
    local dir
    for dir in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

tenantry_postgres() {
    if [ -n "${TENANTRY_TEST_PG_URL:-}" ]; then
        echo "postgres: using TENANTRY_TEST_PG_URL for the PostgreSQL run" >&2
        tenantry_pg_args=("-Dtenantry.test.pg.url=$TENANTRY_TEST_PG_URL"
            "-Dtenantry.test.pg.user=${TENANTRY_TEST_PG_USER:-postgres}"
            "-Dtenantry.test.pg.password=${TENANTRY_TEST_PG_PASSWORD:-}")
        return 0
    fi
    if [ "${TENANTRY_SKIP_PG:-}" = "1" ]; then
        echo "postgres: TENANTRY_SKIP_PG=1, integration tests run on H2 only" >&2
        return 0
    fi
    if ! tenantry_pg_bin=$(tenantry_pg_find_bin) && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "postgres: installing Debian's postgresql for the PostgreSQL run" >&2
        if ! { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            postgresql >/dev/null; }; then
            echo "postgres: apt-get could not install postgresql" >&2
        fi
        tenantry_pg_bin=$(tenantry_pg_find_bin) || true
    fi
    if [ -z "$tenantry_pg_bin" ]; then
        echo "postgres: not installed, integration tests run on H2 only" >&2
        return 0
    fi
    if [ "$(id -u)" -eq 0 ] && ! id tenantry-ci >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin tenantry-ci
    fi
    tenantry_pg_dir=$(mktemp -d /tmp/tenantry-pg.XXXXXX)
    chmod 0755 "$tenantry_pg_dir"
    if [ "$(id -u)" -eq 0 ]; then
        chown tenantry-ci "$tenantry_pg_dir"
    fi
    trap tenantry_postgres_stop EXIT
    trap "exit 130" INT TERM
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    if ! tenantry_pg_as "$tenantry_pg_bin/initdb" -D "$tenantry_pg_dir/data" -U postgres -A trust -E UTF8 \
        --locale=C.UTF-8 --no-sync >"$tenantry_pg_dir/initdb.log" 2>&1; then
        echo "postgres: initdb failed; integration tests run on H2 only:" >&2
        tail -5 "$tenantry_pg_dir/initdb.log" >&2
        return 0
    fi
    # durability is not what CI tests: no fsync, so a test database costs no disk flushes
    if ! tenantry_pg_as "$tenantry_pg_bin/pg_ctl" -D "$tenantry_pg_dir/data" -l "$tenantry_pg_dir/server.log" -w \
        -o "-p $port -k $tenantry_pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off \
            -c synchronous_commit=off -c full_page_writes=off" start >/dev/null; then
        echo "postgres: pg_ctl could not start PostgreSQL; integration tests run on H2 only:" >&2
        tail -5 "$tenantry_pg_dir/server.log" >&2
        return 0
    fi
    local version
    version=$("$tenantry_pg_bin/postgres" --version | awk '{print $3}')
    echo "postgres: PostgreSQL $version on 127.0.0.1:$port (in $tenantry_pg_dir, stopped at exit)" >&2
    tenantry_pg_args=("-Dtenantry.test.pg.url=jdbc:postgresql://127.0.0.1:$port/postgres"
        "-Dtenantry.test.pg.user=postgres" "-Dtenantry.test.pg.password=")
}
