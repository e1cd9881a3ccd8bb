package dev.tenantry.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A fake whose state a {@link DirectTransactions} can take back when the work of a transaction throws. */
public interface Restorable {

    /** Copies the fake's state now; running the result puts that state back. */
    Runnable snapshot();

    /** A snapshot of a map whose values are immutable. */
    static <K, V> Runnable copyOf(Map<K, V> map) {
        return copyOf(map, UnaryOperator.identity());
    }

    /** A snapshot of a map whose values are mutable: {@code copyValue} copies each. */
    static <K, V> Runnable copyOf(Map<K, V> map, UnaryOperator<V> copyValue) {
        Map<K, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, copyValue.apply(value)));
        return () -> {
            map.clear();
            copy.forEach((key, value) -> map.put(key, copyValue.apply(value)));
        };
    }

    /** One snapshot made of several. */
    static Runnable all(Runnable... restores) {
        return () -> {
            for (Runnable restore : restores) {
                restore.run();
            }
        };
    }
}
