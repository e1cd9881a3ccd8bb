package dev.tenantry.shared;

/**
 * A keyset page request: at most {@code size} items ordered by key, strictly after {@code after} (null for the
 * first page).
 */
public record PageRequest(String after, int size) {

    public static final int DEFAULT_SIZE = 100;

    public PageRequest {
        if (size < 1) {
            throw new InvalidRequestException(
                    RequestError.INVALID_PAGE_SIZE, "page size must be at least 1, was " + size);
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(null, size);
    }
}
