package dev.tenantry.pages.admincenter;

import dev.tenantry.directory.AuditEvent;
import dev.tenantry.directory.audit.AuditLogService;
import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.DirectoryViews;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.RequestError;
import dev.tenantry.shared.TenantId;
import dev.tenantry.web.PageTokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The admin center's "Audit log" (issue 9): the directory's changes, newest first, 50 to a page, by category. What
 * it shows is Graph's {@code auditLogs/directoryAudits}; the service decides who may read it (Global Administrators
 * and Global Readers).
 */
public final class AdminAuditRoutes {

    static final String AUDIT = "/admin/audit";

    private static final int PAGE_SIZE = 50;
    private static final String PAGE_PURPOSE = "admin.audit";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final List<String> CATEGORIES =
            List.of("GroupManagement", "UserManagement", "DirectoryManagement", "RoleManagement");

    private final PageSupport pages;
    private final DirectoryViews views;
    private final AuditLogService audits;
    private final PageTokens tokens;

    public AdminAuditRoutes(PageSupport pages, DirectoryViews views, AuditLogService audits, PageTokens tokens) {
        this.pages = pages;
        this.views = views;
        this.audits = audits;
        this.tokens = tokens;
    }

    public void register(RoutesConfig routes) {
        routes.get(AUDIT, this::list);
    }

    private void list(Context ctx) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        TenantId tenant = pages.session(ctx).tenantId();
        String asked = ctx.queryParam("category");
        String category = asked == null || asked.isBlank()
                ? null
                : CATEGORIES.stream()
                        .filter(asked::equals)
                        .findFirst()
                        .orElseThrow(() -> new InvalidRequestException(
                                RequestError.UNSUPPORTED_FILTER,
                                "There is no audit category '" + asked + "'; use one of " + CATEGORIES + ".",
                                "category"));
        String position = ctx.queryParam("page");
        String after = position == null || position.isBlank() ? null : tokens.open(PAGE_PURPOSE, position);
        Page<AuditEvent> page = audits.list(caller.get(), tenant, category, null, new PageRequest(after, PAGE_SIZE));
        List<AuditPage.Entry> entries = page.items().stream()
                .map(event -> new AuditPage.Entry(
                        WHEN.format(event.at()),
                        event.activity(),
                        event.category(),
                        initiator(event.initiator()),
                        event.targets().stream()
                                .map(t -> t.displayName() == null ? t.type() + " " + t.id() : t.displayName())
                                .collect(Collectors.joining(", ")),
                        event.targets().stream()
                                .map(AuditEvent.Target::detail)
                                .filter(d -> d != null)
                                .collect(Collectors.joining("; "))))
                .toList();
        String next = page.hasNext()
                ? AUDIT + "?" + (category == null ? "" : "category=" + category + "&") + "page="
                        + DirectoryViews.encode(tokens.seal(PAGE_PURPOSE, page.nextAfter()))
                : null;
        pages.render(
                ctx,
                "admincenter/audit.jte",
                new AuditPage(
                        pages.chrome(ctx, Chrome.Console.ADMIN),
                        AdminSection.CONSOLE.nav(AdminSection.AUDIT, views.switcher(caller.get(), tenant, "/admin")),
                        CATEGORIES,
                        category,
                        entries,
                        next));
    }

    private static String initiator(AuditEvent.Initiator initiator) {
        return switch (initiator.kind()) {
            case USER -> initiator.name() == null ? "user " + initiator.id() : initiator.name();
            case APP -> "application " + initiator.name();
            case SYSTEM -> "Tenantry";
        };
    }
}
