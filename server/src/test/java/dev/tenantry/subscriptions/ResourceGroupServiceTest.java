package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.Caller;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceGroupServiceTest {

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final Caller.User owner = contoso.adminCaller();
    private final UUID subscriptionId = world.subscriptions()
            .createCloudSubscription(owner, "MS-AZR-0044P", "Trial", null)
            .id();

    private ResourceGroupService.Saved put(String name, String location, Map<String, String> tags) {
        return world.resourceGroups().createOrUpdate(owner, subscriptionId, name, location, tags);
    }

    @Test
    void newGroupIsCreatedWithItsLocationNormalised() {
        var saved = put("rg-app", "West Europe", Map.of("env", "dev"));

        assertThat(saved.created()).isTrue();
        assertThat(world.resourceGroups().get(owner, subscriptionId, "rg-app").location())
                .isEqualTo("westeurope");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"rg/app", "rg app", "ends-with-period.", "rg#1"})
    void invalidNameIsRefused(String name) {
        assertThatThrownBy(() -> put(name, "westeurope", Map.of()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code())
                        .isEqualTo("invalid_resource_group_name"));
        assertThat(world.groups().list(subscriptionId)).isEmpty();
    }

    @Test
    void nameOfNinetyOneCharactersIsRefused() {
        String name = "r".repeat(91);

        assertThatThrownBy(() -> put(name, "westeurope", Map.of())).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void nameWithParenthesesUnderscoresAndPeriodsIsAccepted() {
        var saved = put("rg_(app).v2", "westeurope", Map.of());

        assertThat(saved.group().name()).isEqualTo("rg_(app).v2");
    }

    @Test
    void locationIsRequired() {
        assertThatThrownBy(() -> put("rg-app", " ", Map.of()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("location_required"));
    }

    @Test
    void locationOfAnExistingGroupCannotChange() {
        put("rg-app", "westeurope", Map.of());

        assertThatThrownBy(() -> put("rg-app", "eastus", Map.of()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("location_immutable"));
        assertThat(world.resourceGroups().get(owner, subscriptionId, "rg-app").location())
                .isEqualTo("westeurope");
    }

    @Test
    void namesAreCaseInsensitiveAndKeepTheirFirstSpelling() {
        put("MyGroup", "westeurope", Map.of());

        var saved = put("MYGROUP", "westeurope", Map.of("env", "prod"));

        assertThat(saved.created()).isFalse();
        ResourceGroup stored = world.resourceGroups().get(owner, subscriptionId, "mygroup");
        assertThat(stored.name()).isEqualTo("MyGroup");
        assertThat(stored.tags()).containsExactly(Map.entry("env", "prod"));
        assertThat(world.resourceGroups().list(owner, subscriptionId)).hasSize(1);
    }

    @Test
    void deletingAMissingGroupIsNotFound() {
        assertThatThrownBy(() -> world.resourceGroups().delete(owner, subscriptionId, "nope"))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.code()).isEqualTo("resource_group_not_found"));
    }

    @Test
    @DisplayName("issue 7.5: a location longer than its column is a 400, measured after normalising")
    void locationLongerThanItsColumnIsRefused() {
        assertThatThrownBy(() -> put("rg-app", "w".repeat(65), Map.of()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("field_too_long"));
        assertThat(put("rg-app", "West Europe" + " ".repeat(10) + "x".repeat(54), Map.of())
                        .created())
                .isTrue();
    }

    @Test
    @DisplayName("issue 7.5: a name that lower-cases to more than 90 characters is refused")
    void nameWhoseKeyIsTooLongIsRefused() {
        String name = "\u0130".repeat(90); // İ lower-cases to i + combining dot: 180 characters

        assertThatThrownBy(() -> put(name, "westeurope", Map.of()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getMessage())
                        .contains("once lower-cased"));
        assertThat(put("\u0130".repeat(45), "westeurope", Map.of()).created()).isTrue();
    }

    @Test
    @DisplayName("issue 7.5: a tag with a null value is a 400")
    void tagWithNullValueIsRefused() {
        Map<String, String> tags = new HashMap<>();
        tags.put("env", null);

        assertThatThrownBy(() -> put("rg-app", "westeurope", tags))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_tags"));
    }

    @Test
    @DisplayName("issue 7.5: tags that do not fit their column together are a 400")
    void tagsLongerThanTheirColumnAreRefused() {
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            tags.put("tag" + i, "v".repeat(250));
        }

        assertThatThrownBy(() -> put("rg-app", "westeurope", tags))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_tags"));
    }

    @Test
    void tagsBeyondArmsLimitsAreRefused() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("t" + i, "");
        }

        assertThatThrownBy(() -> put("rg-a", "westeurope", many)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> put("rg-b", "westeurope", Map.of("t", "v".repeat(257))))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> put("rg-c", "westeurope", Map.of(" ", "v")))
                .isInstanceOf(InvalidRequestException.class);
    }
}
