package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.User;
import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.RepositoryContract;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link WebSessionRepository} does (issue 8: a contract per fake, run on the fake and on SQL). */
public abstract class WebSessionRepositoryContract extends RepositoryContract {

    private static final Duration HOUR = Duration.ofHours(1);

    protected WebSessionRepositoryContract(ContractStores stores) {
        super(stores);
    }

    protected abstract WebSessionRepository sessions();

    private WebSession session(String idHash, User user, Instant expiresAt) {
        WebSession session = new WebSession(idHash, user.tenantId(), user.id(), "csrf-" + idHash, expiresAt);
        sessions().insert(session, expiresAt.minus(HOUR));
        return session;
    }

    @Test
    @DisplayName("issue 8: a session is found by its hash until it expires")
    void foundUntilItExpires() {
        WebSession stored = session("h1", user(contoso, "kelley"), NOW.plus(HOUR));

        assertThat(sessions().find("h1", NOW)).contains(stored);
        assertThat(sessions().find("h1", NOW.plus(HOUR))).isEmpty();
        assertThat(sessions().find("unknown", NOW)).isEmpty();
    }

    @Test
    @DisplayName("issue 8: signing out deletes one session; revoking a user deletes all of its sessions")
    void deleteOneOrAllOfAUser() {
        User kelley = user(contoso, "kelley");
        User megan = user(contoso, "megan");
        session("k1", kelley, NOW.plus(HOUR));
        session("k2", kelley, NOW.plus(HOUR));
        session("m1", megan, NOW.plus(HOUR));

        sessions().delete("k1");
        assertThat(sessions().find("k1", NOW)).isEmpty();
        assertThat(sessions().deleteAllOf(kelley.id())).isEqualTo(1);
        assertThat(sessions().find("k2", NOW)).isEmpty();
        assertThat(sessions().find("m1", NOW)).isPresent();
    }

    @Test
    @DisplayName("issue 11: a session remembers the applications it signed into, once each, until it is deleted")
    void clientsOfASession() {
        User kelley = user(contoso, "kelley");
        session("c1", kelley, NOW.plus(HOUR));
        UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
        assertThat(sessions().findClients("c1")).isEmpty();

        sessions().addClient("c1", b);
        sessions().addClient("c1", a);
        sessions().addClient("c1", b);
        assertThat(sessions().findClients("c1")).containsExactlyInAnyOrder(a, b);
        sessions().delete("c1");
        assertThat(sessions().findClients("c1")).isEmpty();
    }

    @Test
    @DisplayName("issue 8: the purge deletes expired sessions only and counts them")
    void purgeDeletesExpiredOnly() {
        User kelley = user(contoso, "kelley");
        session("old", kelley, NOW.minus(HOUR));
        session("now", kelley, NOW);
        session("live", kelley, NOW.plus(HOUR));

        assertThat(sessions().deleteExpired(NOW)).isEqualTo(2);
        assertThat(sessions().find("live", NOW)).isPresent();
    }
}
