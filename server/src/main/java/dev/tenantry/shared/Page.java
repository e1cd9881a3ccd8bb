package dev.tenantry.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paged list; {@code nextAfter} is the key to continue after, or null on the last page. */
public record Page<T>(List<T> items, String nextAfter) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return nextAfter != null;
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextAfter);
    }

    /** Builds a page from {@code size + 1} fetched rows: the extra row only tells that another page exists. */
    public static <T> Page<T> of(List<T> fetched, int size, Function<T, String> key) {
        if (fetched.size() <= size) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, size);
        return new Page<>(items, key.apply(items.get(size - 1)));
    }
}
