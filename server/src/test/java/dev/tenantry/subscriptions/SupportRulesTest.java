package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.access.RoleDefinition;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 10: support requests on a cloud subscription: who may open and read them (R14), and what they must say. */
class SupportRulesTest {

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final TestDirectory fabrikam = TestDirectories.fabrikam().create(world);
    private final Caller.User kelley = contoso.adminCaller();
    private final SupportService support = world.services().support();
    private final CloudSubscription subscription =
            world.subscriptions().createCloudSubscription(kelley, "MS-AZR-0003P", "Dev", null);
    private final SupportService.ProblemType billing = SupportService.PROBLEM_TYPES.get(0);

    private NewSupportTicket request(String severity, String method, String phone) {
        return new NewSupportTicket(
                "Invoice is wrong",
                "The invoice of June counts two subscriptions.",
                billing.serviceId(),
                billing.problemClassificationId(),
                severity,
                "Kelley",
                "Wall",
                "kelley@contoso.test",
                method,
                phone,
                "UTC",
                "usa",
                "en-US");
    }

    /** A request by email, with only its title, classification, service and email chosen. */
    private static NewSupportTicket basic(String title, String classification, String serviceId, String email) {
        return new NewSupportTicket(
                title, "d", serviceId, classification, "B", "K", "W", email, "email", null, null, null, null);
    }

    private SupportTicket open(NewSupportTicket request) {
        return support.open(kelley, subscription.id(), "t", request);
    }

    private static void assertInvalid(Runnable work, String field) {
        assertThatThrownBy(work::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isIn("invalid_support_ticket", "missing_field");
            assertThat(e.field()).contains(field);
        });
    }

    @Test
    @DisplayName("issue 10: a user with a role opens a request; it is Open, numbered, and listed and read back")
    void userWithARoleOpensARequest() {
        Caller.User reader = contoso.member("rita");
        world.access()
                .assign(
                        kelley,
                        new SubscriptionScope(contoso.id(), subscription.id()),
                        UUID.randomUUID(),
                        RoleDefinition.READER,
                        reader.userId().value());

        SupportTicket ticket = support.open(reader, subscription.id(), "ticket-1", request("B", "email", null));

        assertThat(ticket.status()).isEqualTo(SupportTicket.Status.OPEN);
        assertThat(ticket.severity()).isEqualTo(SupportTicket.Severity.MODERATE);
        assertThat(ticket.ticketNumber()).matches("250615\\d{10}");
        assertThat(ticket.createdBy()).isEqualTo(reader.userId().value());
        assertThat(support.list(kelley, subscription.id())).containsExactly(ticket);
        assertThat(support.get(kelley, subscription.id(), "ticket-1")).isEqualTo(ticket);
    }

    @Test
    @DisplayName("issue 10, R14: without a role on the subscription nobody opens or reads a request: it does not exist")
    void withoutARoleTheSubscriptionDoesNotExist() {
        support.open(kelley, subscription.id(), "ticket-1", request("critical", "email", null));

        for (Caller stranger : new Caller[] {contoso.member("nobody"), fabrikam.adminCaller()}) {
            assertThatThrownBy(() -> support.open(stranger, subscription.id(), "t2", request("A", "email", null)))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo("subscription_not_found"));
            assertThatThrownBy(() -> support.list(stranger, subscription.id()))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo("subscription_not_found"));
            assertThatThrownBy(() -> support.get(stranger, subscription.id(), "ticket-1"))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo("subscription_not_found"));
        }
    }

    @Test
    @DisplayName("issue 10: a disabled subscription still takes support requests")
    void disabledSubscriptionTakesRequests() {
        world.services().cloudLifecycle().cancel(kelley, subscription.id());

        assertThat(support.open(kelley, subscription.id(), "t", request("minimal", "email", null))
                        .status())
                .isEqualTo(SupportTicket.Status.OPEN);
    }

    @Test
    @DisplayName("issue 10: a taken name is a 409; an unknown one a 404")
    void nameIsUniqueAndUnknownIsNotFound() {
        support.open(kelley, subscription.id(), "ticket-1", request("C", "email", null));

        assertThatThrownBy(() -> support.open(kelley, subscription.id(), "ticket-1", request("C", "email", null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("support_ticket_exists"));
        assertThatThrownBy(() -> support.get(kelley, subscription.id(), "nope"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("support_ticket_not_found"));
    }

    @Test
    @DisplayName("issue 10: bad input is refused naming the field, and nothing is stored")
    void badInputNamesTheField() {
        NewSupportTicket ok = request("B", "email", null);
        assertInvalid(() -> support.open(kelley, subscription.id(), "bad name!", ok), "name");
        assertInvalid(() -> support.open(kelley, subscription.id(), "t", request("D", "email", null)), "severity");
        assertInvalid(
                () -> support.open(kelley, subscription.id(), "t", request("B", "fax", null)),
                "preferredContactMethod");
        assertInvalid(() -> support.open(kelley, subscription.id(), "t", request("B", "phone", null)), "phoneNumber");
        assertInvalid(
                () -> support.open(kelley, subscription.id(), "t", request("B", "phone", "call me")), "phoneNumber");
        assertInvalid(
                () -> open(basic(" ", billing.problemClassificationId(), billing.serviceId(), "k@c.test")), "title");
        assertInvalid(
                () -> open(basic(
                        "t",
                        SupportService.PROBLEM_TYPES.get(1).problemClassificationId(),
                        billing.serviceId(),
                        "k@c.test")),
                "problemClassificationId");
        assertInvalid(() -> open(basic("t", billing.problemClassificationId(), "billing", "k@c.test")), "serviceId");
        assertInvalid(
                () -> open(basic("t", billing.problemClassificationId(), billing.serviceId(), "not-an-email")),
                "primaryEmailAddress");
        assertThat(support.list(kelley, subscription.id())).isEmpty();
    }
}
