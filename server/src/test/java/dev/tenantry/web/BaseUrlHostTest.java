package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The {@code Host} check, hand-written for speed, against the regular expression it replaced. */
class BaseUrlHostTest {

    private static final Pattern HOST = Pattern.compile("^(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9.-]+)(:\\d{1,5})?$");

    @Test
    void acceptsNamesAddressesAndPorts() {
        for (String host : new String[] {
            "localhost",
            "login.microsoftonline.com",
            "127.0.0.1:8443",
            "[::1]",
            "[::1]:443",
            "[fe80::1:2.3.4.5]:1",
            "a-b"
        }) {
            assertThat(BaseUrl.wellFormedHost(host)).as(host).isTrue();
        }
    }

    @Test
    void refusesWhatIsNotAHost() {
        for (String host : new String[] {
            "",
            ":443",
            "[]",
            "[::1",
            "::1]",
            "host:",
            "host:123456",
            "host:12a",
            "ho st",
            "evil.com/x",
            "a@b",
            "[::1]x",
            "[::g]",
            "[::1]:",
            "h:1:2",
            "é.example",
            "host\r\n"
        }) {
            assertThat(BaseUrl.wellFormedHost(host)).as(host).isFalse();
        }
    }

    @Test
    void agreesWithTheRegularExpressionOnGeneratedInput() {
        Random random = new Random(13);
        String alphabet = "[]:.-aZf9g0 /@é\u0000";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder host = new StringBuilder();
            for (int n = random.nextInt(9); n > 0; n--) {
                host.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = host.toString();
            assertThat(BaseUrl.wellFormedHost(text))
                    .as(text)
                    .isEqualTo(HOST.matcher(text).matches());
        }
    }
}
