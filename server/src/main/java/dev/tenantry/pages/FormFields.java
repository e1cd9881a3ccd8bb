package dev.tenantry.pages;

import dev.tenantry.shared.DomainException;
import java.util.Map;
import java.util.Optional;

/**
 * The one place a page maps a service's refusal to a field of its form: the failure names the input it is about as
 * the use case names it ({@link DomainException#field()}), the form names its own field for that input.
 */
public record FormFields(Map<String, String> fieldByInput) {

    public FormFields {
        fieldByInput = Map.copyOf(fieldByInput);
    }

    /** The form field {@code e} is about, or empty when it is about none of this form's fields. */
    public Optional<String> fieldOf(DomainException e) {
        return e.field().map(fieldByInput::get);
    }
}
