package dev.tenantry.directory.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.InvalidRequestException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 11: a token lifetime policy's definition is validated as Entra does")
class TokenLifetimeDefinitionTest {

    static Map<String, Object> definition(Map<String, Object> policy) {
        return Map.of("TokenLifetimePolicy", policy);
    }

    static void refused(Map<String, ?> definition, String messagePart) {
        assertThatThrownBy(() -> TokenLifetimeDefinition.of(definition))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo(TokenLifetimePolicyError.INVALID_DEFINITION.value());
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }

    @Test
    @DisplayName("issue 11: hh:mm:ss and d.hh:mm:ss lifetimes from 00:10:00 to 1.00:00:00 are accepted")
    void acceptsLifetimesInRange() {
        assertThat(TokenLifetimeDefinition.of(definition(Map.of("Version", 1, "AccessTokenLifetime", "02:00:00")))
                        .accessTokenLifetime())
                .isEqualTo(Duration.ofHours(2));
        assertThat(TokenLifetimeDefinition.of(definition(Map.of("Version", 1, "AccessTokenLifetime", "00:10:00")))
                        .accessTokenLifetime())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(TokenLifetimeDefinition.of(definition(Map.of("Version", 1, "AccessTokenLifetime", "1.00:00:00")))
                        .accessTokenLifetime())
                .isEqualTo(Duration.ofDays(1));
    }

    @Test
    @DisplayName("issue 11: lifetimes under 10 minutes or over a day, or not a time span, are refused")
    void refusesLifetimesOutOfRange() {
        refused(definition(Map.of("Version", 1, "AccessTokenLifetime", "00:09:59")), "between 00:10:00 and 1.00:00:00");
        refused(definition(Map.of("Version", 1, "AccessTokenLifetime", "1.00:00:01")), "between");
        refused(definition(Map.of("Version", 1, "AccessTokenLifetime", "2 hours")), "not a time span");
        refused(definition(Map.of("Version", 1, "AccessTokenLifetime", "00:60:00")), "over 59");
        refused(definition(Map.of("Version", 1)), "AccessTokenLifetime is required");
    }

    @Test
    @DisplayName("issue 11: unknown and retired properties are refused by name; Version must be 1")
    void refusesUnknownPropertiesAndVersions() {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("Version", 1);
        policy.put("AccessTokenLifetime", "02:00:00");
        policy.put("MaxInactiveTime", "90.00:00:00");
        policy.put("Colour", "blue");
        refused(definition(policy), "[Colour, MaxInactiveTime]");
        refused(definition(Map.of("Version", 2, "AccessTokenLifetime", "02:00:00")), "Version must be the number 1");
        refused(Map.of("Other", Map.of()), "one JSON object");
        refused(Map.of("TokenLifetimePolicy", "02:00:00"), "one JSON object");
    }
}
