# Sourced by bin/tenantry and bin/test: sets JAVA_HOME to a JDK >= 21.
# Order: $JAVA_HOME if it is >= 21, then `java` on PATH if it is >= 21, then the newest JDK under /usr/lib/jvm.

_tenantry_java_major() {
    # prints the major version of the java binary $1, or nothing. From the JDK's release file when it has one: asking
    # the binary starts a JVM, a tenth of a second or more of every launch (issue 13)
    local release
    release="$(dirname "$(dirname "$1")")/release"
    if [ -f "$release" ] && grep -q '^JAVA_VERSION="' "$release"; then
        sed -n 's/^JAVA_VERSION="\([0-9][0-9.]*\).*/\1/p' "$release" | sed 's/^1\.\([0-9]*\).*/\1/'
        return
    fi
    "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

_tenantry_is_jdk21() {
    local home="$1" major
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
    major=$(_tenantry_java_major "$home/bin/java")
    [ -n "$major" ] && [ "${major%%.*}" -ge 21 ] 2>/dev/null
}

tenantry_find_java() {
    if [ -n "${JAVA_HOME:-}" ] && _tenantry_is_jdk21 "$JAVA_HOME"; then
        return 0
    fi
    local on_path
    on_path=$(command -v java 2>/dev/null || true)
    if [ -n "$on_path" ]; then
        local home
        home=$(dirname "$(dirname "$(readlink -f "$on_path")")")
        if _tenantry_is_jdk21 "$home"; then
            export JAVA_HOME="$home"
            return 0
        fi
    fi
    local best="" best_major=0 candidate major
    for candidate in /usr/lib/jvm/*/; do
        candidate=${candidate%/}
        [ -x "$candidate/bin/javac" ] || continue
        major=$(_tenantry_java_major "$candidate/bin/java")
        major=${major%%.*}
        if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
            best="$candidate"
            best_major="$major"
        fi
    done
    if [ -n "$best" ]; then
        export JAVA_HOME="$best"
        return 0
    fi
    echo "tenantry: no JDK 21 or newer found (looked at JAVA_HOME, java on PATH and /usr/lib/jvm)." >&2
    echo "tenantry: install one (for example 'apt-get install openjdk-21-jdk' or Temurin 21+) or set JAVA_HOME." >&2
    return 1
}
