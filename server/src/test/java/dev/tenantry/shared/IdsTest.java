package dev.tenantry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** GUID parsing, hand-written for speed, against the regular expression it replaced. */
class IdsTest {

    private static final Pattern GUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    @Test
    void parsesTheCanonicalFormInEitherCase() {
        UUID id = UUID.randomUUID();
        assertThat(Ids.tryParse(id.toString())).contains(id);
        assertThat(Ids.tryParse(id.toString().toUpperCase(java.util.Locale.ROOT)))
                .contains(id);
        assertThat(Ids.tryParse("{" + id + "}")).isEmpty();
        assertThat(Ids.tryParse(id.toString().replace("-", ""))).isEmpty();
        assertThat(Ids.tryParse(null)).isEmpty();
    }

    @Test
    void agreesWithTheRegularExpressionOnGeneratedInput() {
        Random random = new Random(7);
        String alphabet = "0123456789abcdefABCDEFgG-x ";
        for (int i = 0; i < 200_000; i++) {
            char[] text = UUID.randomUUID().toString().toCharArray();
            for (int n = random.nextInt(3); n > 0; n--) {
                text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String candidate = random.nextInt(20) == 0 ? new String(text, 0, random.nextInt(36)) : new String(text);
            Optional<UUID> expected =
                    GUID.matcher(candidate).matches() ? Optional.of(UUID.fromString(candidate)) : Optional.empty();
            assertThat(Ids.tryParse(candidate)).as(candidate).isEqualTo(expected);
        }
    }
}
