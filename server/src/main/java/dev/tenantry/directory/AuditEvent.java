package dev.tenantry.directory;

import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the directory's audit log (issue 9; Graph's {@code directoryAudit}): when, what ({@code category},
 * {@code activity} as Entra names it, {@code operationType}), who did it, and on what.
 */
public record AuditEvent(
        UUID id,
        TenantId tenantId,
        Instant at,
        String category,
        String activity,
        String operationType,
        Initiator initiator,
        List<Target> targets) {

    public AuditEvent {
        targets = List.copyOf(targets);
    }

    /** Who made the change: a user (its id and its user principal name then), an application, or Tenantry itself. */
    public record Initiator(Kind kind, UUID id, String name) {

        /** The kinds of initiator Graph's {@code initiatedBy} distinguishes (Tenantry's jobs show as an app). */
        public enum Kind {
            USER,
            APP,
            SYSTEM
        }

        /** The initiator of a change made by {@code caller}; {@code userPrincipalName} names a user caller. */
        public static Initiator of(Caller caller, String userPrincipalName) {
            return switch (caller) {
                case Caller.User user -> new Initiator(Kind.USER, user.userId().value(), userPrincipalName);
                case Caller.App app ->
                    new Initiator(
                            Kind.APP, app.servicePrincipalId(), app.appId().toString());
                case Caller.Operator ignored -> new Initiator(Kind.SYSTEM, null, "Tenantry");
            };
        }
    }

    /** What a change touched: a user, a group, a subscription…, with its name then and a short detail. */
    public record Target(UUID id, String type, String displayName, String detail) {

        public static Target user(User user) {
            return new Target(user.objectId(), "User", user.userPrincipalName(), null);
        }

        public static Target group(Group group) {
            return new Target(group.id(), "Group", group.displayName(), null);
        }

        public Target withDetail(String newDetail) {
            return new Target(id, type, displayName, newDetail);
        }
    }
}
