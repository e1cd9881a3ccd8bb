package dev.tenantry.directory.apps;

import java.util.List;
import java.util.Locale;

/**
 * Which federated identity credentials a list keeps (Graph's {@code $filter}, which the credentials support with
 * {@code eq} on their name and subject): every credential whose name equals each of {@code names} (names compare
 * ignoring case, as they are unique) and whose subject equals each of {@code subjects} exactly (as the external
 * token's {@code sub} is compared). Empty lists keep everything.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/application-list-federatedidentitycredentials">List
 *     federatedIdentityCredentials</a>
 */
public record FederatedCredentialFilter(List<String> names, List<String> subjects) {

    /** Keeps every credential. */
    public static final FederatedCredentialFilter ALL = new FederatedCredentialFilter(List.of(), List.of());

    public FederatedCredentialFilter {
        names = List.copyOf(names);
        subjects = List.copyOf(subjects);
    }

    /** Whether {@code credential} passes every clause. */
    public boolean test(FederatedIdentityCredential credential) {
        return names.stream().allMatch(name -> name.toLowerCase(Locale.ROOT).equals(credential.nameKey()))
                && subjects.stream().allMatch(credential.subject()::equals);
    }
}
