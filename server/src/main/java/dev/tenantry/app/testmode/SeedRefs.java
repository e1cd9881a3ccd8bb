package dev.tenantry.app.testmode;

import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.TenantId;
import java.util.UUID;

/**
 * What the parts of a seed loader ask of the directory being loaded: its id and administrator, the entries the file
 * named so far (by the names the file gives them), and its checks of fixed ids. A name that is not there is refused at
 * the field that used it.
 */
interface SeedRefs {

    SeedFile file();

    TenantId tenantId();

    /** The directory's first Global Administrator, who seeds what needs an administrator. */
    Caller.User admin();

    /** The member user named {@code userName}. */
    User account(String userName, String where);

    /** The object id of the group named {@code displayName}. */
    UUID group(String displayName, String where);

    /** The application named {@code name}. */
    Seeded.SeededApp app(String name, String where);

    /**
     * The principal id of the managed identity {@code reference} names: {@code subscription/resourceGroup/name}, or
     * {@code resourceGroup/name} in the subscription named {@code subscription} (null: none); a user-assigned identity,
     * or with {@code host} the system-assigned identity of that host.
     */
    UUID managedIdentity(String reference, boolean host, String subscription, String where);

    /** The GUID of a fixed id, unique in the file and unused on the server; null when {@code text} is. */
    UUID fixedId(String text, String where);

    /** {@code value}, refused at {@code where} when absent or blank. */
    default String required(String value, String where) {
        if (value == null || value.isBlank()) {
            throw file().refuse(where, "required");
        }
        return value;
    }

    /** The GUID {@code text} names (no uniqueness asked: app role and scope ids are per application). */
    default UUID guid(String text, String where) {
        return Ids.tryParse(text.strip()).orElseThrow(() -> file().refuse(
                        where, "'" + text + "' is not a GUID such as '00000000-0000-0000-0000-000000000000'"));
    }
}
