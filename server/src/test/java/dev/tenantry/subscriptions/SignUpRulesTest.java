package dev.tenantry.subscriptions;

import static dev.tenantry.directory.DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.NewUser;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.testing.TestBillingDetails;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignUpRulesTest {

    private final TestWorld world = TestWorld.create();

    private static SignUp signUp(String domainPrefix, String product) {
        return new SignUp(
                "Northwind Traders",
                domainPrefix,
                "NL",
                NewUser.of("Nancy Davolio", "nancy", TestDirectories.PASSWORD),
                product,
                null,
                null);
    }

    @Test
    void r7PlainMemberWithNoDirectoryRoleSignsUpForACloudSubscription() {
        TestDirectory contoso = TestDirectories.contoso().create(world);
        Caller.User member = contoso.member("kelley");

        CloudSubscription subscription =
                world.subscriptions().createCloudSubscription(member, "MS-AZR-0044P", "Trial", null);

        assertThat(subscription.tenantId()).isEqualTo(contoso.id());
        assertThat(world.roles().rolesOf(contoso.id(), member.userId())).isEmpty();
    }

    @Test
    void r8SignUpCreatesDirectoryGlobalAdministratorAndSubscription() {
        SignUpResult result = world.subscriptions().signUp(signUp("northwind", "MS-AZR-0044P"));

        assertThat(result.tenant().initialDomain()).isEqualTo("northwind.onmicrosoft.test");
        assertThat(result.admin().tenantId()).isEqualTo(result.tenant().id());
        assertThat(result.admin().userPrincipalName()).isEqualTo("nancy@northwind.onmicrosoft.test");
        assertThat(world.roles().rolesOf(result.tenant().id(), result.admin().id()))
                .containsExactly(GLOBAL_ADMINISTRATOR);
        assertThat(result.subscription().tenantId()).isEqualTo(result.tenant().id());
        assertThat(((CloudSubscription) result.subscription()).accountAdministrator())
                .isEqualTo(result.admin().id());
    }

    @Test
    void r8SignUpForASuiteSkuCreatesASuiteSubscriptionOfTheNewDirectory() {
        SignUpResult result = world.subscriptions().signUp(signUp("northwind", "O365_BUSINESS_PREMIUM"));

        assertThat(result.subscription()).isInstanceOf(SuiteSubscription.class);
        assertThat(world.suites().byTenant(result.tenant().id()))
                .containsExactly((SuiteSubscription) result.subscription());
    }

    @Test
    void r8TakenDomainPrefixIsAConflictDomainTaken() {
        TestDirectories.contoso().create(world);

        assertThatThrownBy(() -> world.subscriptions().signUp(signUp("Contoso", "MS-AZR-0044P")))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("domain_taken"));
        assertThat(world.tenants().all()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-northwind", "northwind-", "north wind", "north.wind", "abcdefghijklmnopqrstuvwxyz01"})
    void r8InvalidDomainPrefixIsAnInvalidRequest(String prefix) {
        assertThatThrownBy(() -> world.subscriptions().signUp(signUp(prefix, "MS-AZR-0044P")))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_domain_prefix"));
        assertThat(world.tenants().all()).isEmpty();
    }

    @Test
    void r8InitialDomainIsTheLowerCasedPrefixUnderTheSuffix() {
        SignUpResult result = world.subscriptions().signUp(signUp("NorthWind-EU", "MS-AZR-0044P"));

        assertThat(result.tenant().initialDomain()).isEqualTo("northwind-eu.onmicrosoft.test");
    }

    @Test
    void r8SignUpKeepsOnlyBrandAndLastFourOfTheCard() {
        SignUp withCard = new SignUp(
                "Northwind Traders",
                "northwind",
                "NL",
                NewUser.of("Nancy Davolio", "nancy", TestDirectories.PASSWORD),
                "MS-AZR-0003P",
                null,
                TestBillingDetails.valid().build());

        SignUpResult result = world.subscriptions().signUp(withCard);

        BillingProfile profile =
                world.billing().findBySubscription(result.subscription().id()).orElseThrow();
        assertThat(profile.cardBrand()).isEqualTo("Visa");
        assertThat(profile.cardLast4()).isEqualTo("1111");
        assertThat(world.billing().tenantOf(result.subscription().id()))
                .contains(result.tenant().id());
    }

    @Test
    void r12EnterpriseAgreementOfferIsRefusedAtSignUpAndCreatesNothing() {
        assertThatThrownBy(() -> world.subscriptions().signUp(signUp("northwind", "MS-AZR-0017P")))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("offer_not_self_service"))
                .hasMessageContaining("MS-AZR-0017P");
        assertThat(world.tenants().all()).isEmpty();
        assertThat(world.users().count()).isZero();
    }

    @Test
    void r12EnterpriseAgreementOfferIsRefusedForASignedInUser() {
        TestDirectory contoso = TestDirectories.contoso().create(world);

        assertThatThrownBy(() -> world.subscriptions()
                        .createCloudSubscription(contoso.adminCaller(), "ms-azr-0017p", "EA", null))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("offer_not_self_service"));
        assertThat(world.clouds().all()).isEmpty();
    }
}
