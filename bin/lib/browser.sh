# Sourced by bin/test: makes sure Debian's chromium and chromium-driver are there for the browser tests
# (client-tests, dev.tenantry.clients.browser). Never a browser downloaded by a test tool: only Debian's packages,
# and only when we are root and apt-get exists. Without them the browser tests skip (JUnit assumptions).

tenantry_browser() {
    local chromium=/usr/bin/chromium driver=/usr/bin/chromedriver
    if { [ ! -x "$chromium" ] || [ ! -x "$driver" ]; } && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "browser: installing Debian's chromium and chromium-driver for the browser tests" >&2
        if ! { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            chromium chromium-driver >/dev/null; }; then
            echo "browser: apt-get could not install chromium and chromium-driver" >&2
        fi
    fi
    if [ -x "$chromium" ] && [ -x "$driver" ]; then
        local version
        version=$("$chromium" --version 2>/dev/null | awk '{print $2; exit}')
        echo "browser: chromium ${version:-(unknown version)} at $chromium" >&2
    else
        local count
        count=$(cat "$root"/client-tests/src/test/java/dev.tenantry.clients/browser/*BrowserIT.java 2>/dev/null \
            | grep -c '^[[:space:]]*@Test[[:space:]]*$' || true)
        echo "browser: not installed, skipping ${count:-0} browser tests" >&2
    fi
}
