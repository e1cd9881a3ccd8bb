package dev.tenantry.directory.audit;

import dev.tenantry.directory.AuditEvent;
import dev.tenantry.directory.AuditRepository;
import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;

/** Reading the directory's audit log (issue 9): Global Administrators and Global Readers, apps with AuditLog.Read.All. */
public final class AuditLogService {

    private final AuditRepository audits;
    private final DirectoryAccess access;
    private final Transactions transactions;

    public AuditLogService(AuditRepository audits, DirectoryAccess access, Transactions transactions) {
        this.audits = audits;
        this.access = access;
        this.transactions = transactions;
    }

    /** A page of entries, newest first, of {@code category} and {@code activity} when they are not null. */
    public Page<AuditEvent> list(Caller caller, TenantId tenantId, String category, String activity, PageRequest page) {
        return transactions.inTransaction(() -> {
            access.requireReadAuditLogs(caller, tenantId);
            return audits.list(tenantId, category, activity, page);
        });
    }

    public AuditEvent get(Caller caller, TenantId tenantId, String id) {
        return transactions.inTransaction(() -> {
            access.requireReadAuditLogs(caller, tenantId);
            return Ids.tryParse(id)
                    .flatMap(found -> audits.find(tenantId, found))
                    .orElseThrow(() -> new NotFoundException(
                            DirectoryError.AUDIT_ENTRY_NOT_FOUND, "Audit log entry '" + id + "' does not exist."));
        });
    }
}
