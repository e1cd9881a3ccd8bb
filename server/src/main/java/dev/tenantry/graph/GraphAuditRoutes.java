package dev.tenantry.graph;

import dev.tenantry.directory.AuditEvent;
import dev.tenantry.directory.audit.AuditLogService;
import dev.tenantry.graph.ODataQuery.Option;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.RequestError;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import dev.tenantry.web.PageTokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Graph v1.0 {@code auditLogs/directoryAudits} (issue 9): the directory's changes, newest first, with {@code $top},
 * {@code $skiptoken} and {@code $filter} on {@code category} and {@code activityDisplayName} ({@code eq}).
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/directoryaudit">Graph directoryAudit resource</a>
 */
public final class GraphAuditRoutes {

    private static final String PAGE_PURPOSE = "graph.directoryAudits";

    private final AuditLogService audits;
    private final PageTokens pageTokens;

    public GraphAuditRoutes(AuditLogService audits, PageTokens pageTokens) {
        this.audits = audits;
        this.pageTokens = pageTokens;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1.0/auditLogs/directoryAudits", this::list, Gate.GRAPH);
        routes.get("/v1.0/auditLogs/directoryAudits/{id}", this::get, Gate.GRAPH);
    }

    private void list(Context ctx) {
        ODataQuery query = ODataQuery.parse(ctx.queryParamMap()).allowOnly(Option.FILTER, Option.TOP, Option.SKIPTOKEN);
        String category = null;
        String activity = null;
        for (ODataFilter.Clause clause : ODataFilter.clauses(query.filter())) {
            if (clause.operator() == ODataFilter.Operator.EQ
                    && clause.property().equalsIgnoreCase("category")) {
                category = clause.value();
            } else if (clause.operator() == ODataFilter.Operator.EQ
                    && clause.property().equalsIgnoreCase("activityDisplayName")) {
                activity = clause.value();
            } else {
                throw new InvalidRequestException(
                        RequestError.UNSUPPORTED_FILTER,
                        "Unsupported $filter on directoryAudits: '" + clause.property()
                                + "'. Supported: category eq '…' and activityDisplayName eq '…'.");
            }
        }
        String after = query.skipToken() == null ? null : pageTokens.open(PAGE_PURPOSE, query.skipToken());
        Page<AuditEvent> page = audits.list(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                category,
                activity,
                new PageRequest(after, query.top()));
        String next =
                page.hasNext() ? GraphResponses.nextLink(ctx, pageTokens.seal(PAGE_PURPOSE, page.nextAfter())) : null;
        GraphResponses.ok(
                ctx,
                GraphResponses.collection(
                        ctx,
                        "auditLogs/directoryAudits",
                        page.items().stream().map(GraphAuditRoutes::json).toList(),
                        next));
    }

    private void get(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        AuditEvent event = audits.get(Authentication.caller(ctx), GraphResponses.tenant(ctx), ctx.pathParam("id"));
        GraphResponses.ok(ctx, GraphResponses.entity(ctx, "auditLogs/directoryAudits/$entity", json(event)));
    }

    /** Graph's directoryAudit. */
    static Map<String, Object> json(AuditEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", event.id().toString());
        json.put("category", event.category());
        json.put("correlationId", event.id().toString());
        json.put("result", "success");
        json.put("resultReason", "");
        json.put("activityDisplayName", event.activity());
        json.put("activityDateTime", event.at().toString());
        json.put("loggedByService", "Core Directory");
        json.put("operationType", event.operationType());
        json.put("initiatedBy", initiatedBy(event.initiator()));
        json.put(
                "targetResources",
                event.targets().stream().map(GraphAuditRoutes::target).toList());
        json.put("additionalDetails", List.of());
        return json;
    }

    private static Map<String, Object> initiatedBy(AuditEvent.Initiator initiator) {
        Map<String, Object> by = new LinkedHashMap<>();
        Map<String, Object> user = null;
        Map<String, Object> app = null;
        switch (initiator.kind()) {
            case USER -> {
                user = new LinkedHashMap<>();
                user.put("id", initiator.id().toString());
                user.put("displayName", null);
                user.put("userPrincipalName", initiator.name());
                user.put("ipAddress", null);
            }
            case APP -> {
                app = new LinkedHashMap<>();
                app.put("appId", initiator.name());
                app.put("displayName", null);
                app.put(
                        "servicePrincipalId",
                        initiator.id() == null ? null : initiator.id().toString());
                app.put("servicePrincipalName", null);
            }
            case SYSTEM -> {
                app = new LinkedHashMap<>();
                app.put("appId", null);
                app.put("displayName", initiator.name());
                app.put("servicePrincipalId", null);
                app.put("servicePrincipalName", null);
            }
        }
        by.put("app", app);
        by.put("user", user);
        return by;
    }

    private static Map<String, Object> target(AuditEvent.Target target) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", target.id() == null ? null : target.id().toString());
        json.put("displayName", target.type().equals("User") ? null : target.displayName());
        json.put("type", target.type());
        json.put("userPrincipalName", target.type().equals("User") ? target.displayName() : null);
        json.put("groupType", null);
        json.put(
                "modifiedProperties",
                target.detail() == null
                        ? List.of()
                        : List.of(Map.of("displayName", "Change", "oldValue", "", "newValue", target.detail())));
        return json;
    }
}
