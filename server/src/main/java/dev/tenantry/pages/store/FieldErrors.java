package dev.tenantry.pages.store;

import java.util.List;
import java.util.Optional;

/** The wrong fields of a form, in the order they appear, each with what to do; shown next to the field. */
public record FieldErrors(List<Item> items) {

    /** One wrong field (its form field id) and the message shown next to it. */
    public record Item(String field, String message) {}

    public FieldErrors {
        items = List.copyOf(items);
    }

    public static FieldErrors none() {
        return new FieldErrors(List.of());
    }

    public static FieldErrors of(String field, String message) {
        return new FieldErrors(List.of(new Item(field, message)));
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public boolean has(String field) {
        return message(field).isPresent();
    }

    /** The message for {@code field}, or null when it is fine (for templates). */
    public String get(String field) {
        return message(field).orElse(null);
    }

    /** {@code "true"} for a wrong field and null otherwise, so a template renders {@code aria-invalid} only when set. */
    public String invalid(String field) {
        return has(field) ? "true" : null;
    }

    private Optional<String> message(String field) {
        return items.stream()
                .filter(i -> i.field().equals(field))
                .map(Item::message)
                .findFirst();
    }
}
