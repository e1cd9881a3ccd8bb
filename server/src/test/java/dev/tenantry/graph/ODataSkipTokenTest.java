package dev.tenantry.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.ServerSecrets;
import dev.tenantry.web.PageTokens;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The signed {@code $skiptoken}s Graph paging hands out (web.PageTokens, with Graph's list name). */
class ODataSkipTokenTest {

    private static final String PURPOSE = "graph.users";
    private static final String PAGE_KEY = "5f0c3f7e-0000-4000-8000-000000000001";

    private final PageTokens tokens = new PageTokens(fixed((byte) 7));

    @Test
    void roundTripsThePageKeyOpaquely() {
        String token = tokens.seal(PURPOSE, PAGE_KEY);

        assertThat(tokens.open(PURPOSE, token)).isEqualTo(PAGE_KEY);
        assertThat(token).doesNotContain(PAGE_KEY).doesNotContain("+").doesNotContain("/");
    }

    @Test
    void tamperedKeyIsRefused() {
        String token = tokens.seal(PURPOSE, PAGE_KEY);
        String otherKey = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("00000000-0000-0000-0000-000000000000".getBytes(StandardCharsets.UTF_8));
        String tampered = otherKey + token.substring(token.indexOf('.'));

        assertThatThrownBy(() -> tokens.open(PURPOSE, tampered))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("$skiptoken");
    }

    @Test
    void tamperedSignatureAndGarbageAreRefused() {
        String token = tokens.seal(PURPOSE, PAGE_KEY);
        char last = token.charAt(token.length() - 1);
        String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        for (String bad : new String[] {flipped, "", "nodot", ".sig", "a.b.c", "%%%.***"}) {
            assertThatThrownBy(() -> tokens.open(PURPOSE, bad)).isInstanceOf(InvalidRequestException.class);
        }
        assertThatThrownBy(() -> tokens.open(PURPOSE, null)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void tokenOfAnotherListOrServerIsRefused() {
        String armToken = tokens.seal("arm.subscriptions", PAGE_KEY);
        String foreign = new PageTokens(fixed((byte) 9)).seal(PURPOSE, PAGE_KEY);

        assertThatThrownBy(() -> tokens.open(PURPOSE, armToken)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> tokens.open(PURPOSE, foreign)).isInstanceOf(InvalidRequestException.class);
    }

    private static ServerSecrets fixed(byte fill) {
        return (name, bytes) -> {
            byte[] secret = new byte[bytes];
            Arrays.fill(secret, fill);
            return secret;
        };
    }
}
