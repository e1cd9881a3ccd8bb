package dev.tenantry.shared;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The ids of new objects. A service asks {@link #next} for the id of what it is about to create; that is a new GUID
 * ({@link Ids#timeOrdered}) unless the current thread runs inside {@link #pinned}, which hands the chosen id to the
 * first object of its kind the work creates. A seed file's fixed ids (issue 14) reach the services this way, so seeding
 * keeps going through the one use case of each concept and every rule of it still holds.
 */
public final class NewIds {

    /** What an id names. Only the first creation of each kind inside {@link #pinned} takes the pinned id. */
    public enum Kind {
        TENANT,
        USER,
        GROUP,
        APPLICATION,
        APP_ID,
        SERVICE_PRINCIPAL,
        CLOUD_SUBSCRIPTION,
        SUITE_SUBSCRIPTION,
        FEDERATED_CREDENTIAL,
        TOKEN_LIFETIME_POLICY
    }

    private static final ThreadLocal<Map<Kind, UUID>> PINNED = new ThreadLocal<>();

    private NewIds() {}

    /** The id for a new object of {@code kind}: the pinned one if any (once), else a new one. */
    public static UUID next(Kind kind) {
        Map<Kind, UUID> pinned = PINNED.get();
        UUID id = pinned == null ? null : pinned.remove(kind);
        return id == null ? Ids.timeOrdered() : id;
    }

    /** Runs {@code work} with {@code ids} (absent values: generated) pinned for the objects it creates. */
    public static <T> T pinned(Map<Kind, UUID> ids, Supplier<T> work) {
        Map<Kind, UUID> previous = PINNED.get();
        Map<Kind, UUID> pinned = new EnumMap<>(Kind.class);
        ids.forEach((kind, id) -> {
            if (id != null) {
                pinned.put(kind, id);
            }
        });
        PINNED.set(pinned);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                PINNED.remove();
            } else {
                PINNED.set(previous);
            }
        }
    }
}
