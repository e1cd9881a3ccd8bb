package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.Caller;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.Map;
import java.util.UUID;
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
}
