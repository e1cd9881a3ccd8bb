package dev.tenantry.compat.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ODataSkipTokenTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final String PAGE_KEY = "5f0c3f7e-0000-4000-8000-000000000001";

    private final SkipTokens tokens = new SkipTokens(() -> KEY);

    @Test
    void roundTripsThePageKey() {
        String token = tokens.sign(PAGE_KEY);

        assertThat(tokens.verify(token)).isEqualTo(PAGE_KEY);
        assertThat(token).doesNotContain(PAGE_KEY).doesNotContain("+").doesNotContain("/");
    }

    @Test
    void tamperedKeyIsRefused() {
        String token = tokens.sign(PAGE_KEY);
        String otherKey = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("00000000-0000-0000-0000-000000000000".getBytes(StandardCharsets.UTF_8));
        String tampered = otherKey + token.substring(token.indexOf('.'));

        assertThatThrownBy(() -> tokens.verify(tampered))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("$skiptoken");
    }

    @Test
    void tamperedSignatureAndGarbageAreRefused() {
        String token = tokens.sign(PAGE_KEY);
        char last = token.charAt(token.length() - 1);
        String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        for (String bad : new String[] {flipped, "", "nodot", ".sig", "a.b.c", "%%%.***"}) {
            assertThatThrownBy(() -> tokens.verify(bad)).isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    void tokenOfAnotherKeyIsRefused() {
        String foreign = new SkipTokens(() -> "another-secret-another-secret-xx".getBytes(StandardCharsets.UTF_8))
                .sign(PAGE_KEY);

        assertThatThrownBy(() -> tokens.verify(foreign)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void asksForTheKeyOnce() {
        AtomicInteger asked = new AtomicInteger();
        SkipTokens counting = new SkipTokens(() -> {
            asked.incrementAndGet();
            return KEY;
        });

        counting.verify(counting.sign(PAGE_KEY));

        assertThat(asked).hasValue(1);
    }
}
