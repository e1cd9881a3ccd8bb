package dev.tenantry.shared;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * Wraps a repository so that every method that may write moves the {@link CacheGeneration} on (issue 13). Reads are
 * named by their prefixes; anything else counts as a write, so a write method added later invalidates caches without
 * anyone remembering to (a read misnamed costs only a cache refresh).
 */
public final class GenerationBumping {

    private static final Set<String> READ_PREFIXES = Set.of(
            "find",
            "list",
            "get",
            "count",
            "exists",
            "secrets",
            "assignments",
            "owners",
            "lock",
            "permissionGrants",
            "appRole",
            "redirectUris",
            "requiredResourceAccess");

    private GenerationBumping() {}

    /** {@code delegate} as {@code port}, bumping {@code generation} on every call that is not a read. */
    public static <T> T wrap(Class<T> port, T delegate, CacheGeneration generation) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(delegate, args);
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (!isRead(method.getName())) {
                    generation.bump(); // after the write: outside a transaction it has committed by now
                }
            }
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }

    static boolean isRead(String method) {
        if (method.endsWith("OwnedBy")) {
            return true;
        }
        for (String prefix : READ_PREFIXES) {
            if (method.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
