package dev.tenantry.directory;

import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Clock;
import java.util.List;

/**
 * Writes the directory's audit log (issue 9). Services call it inside the transaction that makes the change, so an
 * entry exists exactly when its change does. Categories and activities are Entra's where Entra has one.
 */
public final class Audit {

    public static final String GROUP_MANAGEMENT = "GroupManagement";
    public static final String USER_MANAGEMENT = "UserManagement";
    public static final String DIRECTORY_MANAGEMENT = "DirectoryManagement";

    private final AuditRepository audits;
    private final UserRepository users;
    private final Clock clock;

    public Audit(AuditRepository audits, UserRepository users, Clock clock) {
        this.audits = audits;
        this.users = users;
        this.clock = clock;
    }

    /** Records that {@code caller} did {@code activity} ({@code operationType}: Add, Update, Delete, Assign…). */
    public void record(
            Caller caller,
            TenantId tenantId,
            String category,
            String activity,
            String operationType,
            List<AuditEvent.Target> targets) {
        String upn = caller instanceof Caller.User user
                ? users.findById(user.tenantId(), user.userId())
                        .map(User::userPrincipalName)
                        .orElse(null)
                : null;
        audits.insert(new AuditEvent(
                Ids.timeOrdered(),
                tenantId,
                clock.instant(),
                category,
                activity,
                operationType,
                AuditEvent.Initiator.of(caller, upn),
                targets.stream()
                        .map(t -> new AuditEvent.Target(
                                t.id(), t.type(), cut(t.displayName(), MAX_NAME), cut(t.detail(), MAX_DETAIL)))
                        .toList()));
    }

    /** The stored sizes of a target's name and detail: longer texts are cut, never refused (the change is made). */
    static final int MAX_NAME = 320;

    static final int MAX_DETAIL = 1024;

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** A target for a user known only by id (it may be gone by the time the entry is read). */
    public static AuditEvent.Target userTarget(UserId id, String userPrincipalName) {
        return new AuditEvent.Target(id.value(), "User", userPrincipalName, null);
    }
}
