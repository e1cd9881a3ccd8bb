package dev.tenantry.pages.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.pages.DirectorySwitcher;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.subscriptions.ChangeDirectoryService;
import dev.tenantry.subscriptions.CloudSubscription;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R11: the change-directory confirmation as the account administrator sees it once guests land (the server answers
 * for members only until then, so no integration test reaches it): every removal listed, names escaped, the form posts
 * the target with the CSRF token; after the move, where it went.
 */
class ChangeDirectoryTemplatesTest {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private final CloudSubscription subscription = new CloudSubscription(
            UUID.randomUUID(),
            TenantId.next(),
            "Dev <test>",
            "MS-AZR-0003P",
            CloudSubscription.State.ENABLED,
            new UserId(UUID.randomUUID()),
            Instant.parse("2025-06-15T10:00:00Z"));
    private final Chrome chrome = new Chrome(Chrome.Console.PORTAL, "Kelley Wall", "kelley@contoso.test", "csrf-123");
    private final ConsoleNav nav = PortalSection.CONSOLE.nav(
            PortalSection.SUBSCRIPTIONS,
            new DirectorySwitcher(List.of(new DirectorySwitcher.Entry("Contoso", "contoso.test", "/portal", true))));
    private final ChangeDirectoryPage.Target fabrikam =
            new ChangeDirectoryPage.Target(UUID.randomUUID().toString(), "Fabrikam", "fabrikam.onmicrosoft.test");

    private String render(String template, Object model) {
        StringOutput output = new StringOutput();
        TEMPLATES.render(template, model, output);
        return output.toString();
    }

    private ChangeDirectoryConfirmPage confirm(boolean moved) {
        return new ChangeDirectoryConfirmPage(
                chrome,
                nav,
                SubscriptionHeader.of(subscription, SubscriptionTab.CHANGE_DIRECTORY),
                fabrikam,
                List.of(
                        new ChangeDirectoryService.Removal(
                                "jane@contoso.test", "User", "Reader", "/subscriptions/" + subscription.id()),
                        new ChangeDirectoryService.Removal(
                                "<b>deploy</b>", "ServicePrincipal", "Contributor", "/subscriptions/x")),
                List.of("co-admin@contoso.test"),
                List.of("web-1 (system-assigned, resource group rg-app)"),
                moved);
    }

    @Test
    @DisplayName("R11: the confirmation lists every role assignment, co-administrator and managed identity to reset,"
            + " escaped, and posts the target")
    void r11ConfirmationListsEveryRemoval() {
        String html = render("portal/change-directory-confirm.jte", confirm(false));

        assertThat(html)
                .contains("Move to Fabrikam?")
                .contains("<td>jane@contoso.test</td><td>User</td><td>Reader</td>")
                .contains("&lt;b&gt;deploy&lt;/b&gt;")
                .doesNotContain("<b>deploy</b>")
                .contains("<li>co-admin@contoso.test</li>")
                .contains("<li>web-1 (system-assigned, resource group rg-app)</li>")
                .contains("name=\"targetTenantId\" value=\"" + fabrikam.id() + "\"")
                .contains("name=\"csrf_token\" value=\"csrf-123\"")
                .contains("action=\"/portal/subscriptions/" + subscription.id() + "/changeDirectory\"")
                .contains("Dev &lt;test&gt;");
    }

    @Test
    @DisplayName("R11: after the move the page says where the subscription went, with no form left")
    void r11AfterTheMoveThePageSaysWhereItWent() {
        String html = render("portal/change-directory-confirm.jte", confirm(true));

        assertThat(html)
                .contains("id=\"change-directory-done\"")
                .contains("Fabrikam")
                .doesNotContain("change-directory-submit");
    }

    @Test
    @DisplayName("R11: the tab offers the directories the administrator is a user of")
    void r11TabOffersTheDirectories() {
        String html = render(
                "portal/change-directory.jte",
                new ChangeDirectoryPage(
                        chrome,
                        nav,
                        SubscriptionHeader.of(subscription, SubscriptionTab.CHANGE_DIRECTORY),
                        List.of(fabrikam),
                        null));

        assertThat(html)
                .contains("<option value=\"" + fabrikam.id() + "\">Fabrikam (fabrikam.onmicrosoft.test)</option>")
                .contains("action=\"/portal/subscriptions/" + subscription.id() + "/changeDirectory/confirm\"");
    }
}
