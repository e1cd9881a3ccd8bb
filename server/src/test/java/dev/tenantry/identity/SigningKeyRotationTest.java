package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.ErrorCode;
import dev.tenantry.testing.TestClock;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two nodes' {@link SigningKeys} over one store: a rotation on one reaches the other within the reload interval. */
class SigningKeyRotationTest {

    final TestClock clock = TestClock.atTen();
    final InMemoryIdentityStores.SigningKeyStore store = new InMemoryIdentityStores.SigningKeyStore();
    final SigningKeys nodeA = SigningKeys.loadOrCreate(store, clock);
    final SigningKeys nodeB = SigningKeys.loadOrCreate(store, clock);

    @Test
    @DisplayName("issue 8: a key rotated on another node signs here, and is published here, within the reload interval")
    void aRotationOnAnotherNodeIsPickedUp() throws Exception {
        String first = nodeA.currentKid();
        String beforeRotation = nodeA.sign(claims());

        String second = nodeB.rotate();

        assertThat(second).isNotEqualTo(first);
        assertThat(nodeB.currentKid())
                .as("the rotating node signs with the new key at once")
                .isEqualTo(second);
        clock.advance(SigningKeys.RELOAD_INTERVAL.minusSeconds(1));
        assertThat(kidOf(nodeA.sign(claims()))).as("not re-read yet").isEqualTo(first);
        clock.advance(Duration.ofSeconds(1));
        assertThat(kidOf(nodeA.sign(claims()))).isEqualTo(second);
        assertThat(kids(nodeA.jwks())).containsExactly(second, first);
        assertThat(verifies(nodeA, beforeRotation))
                .as("a token of the previous key still verifies")
                .isTrue();
        assertThat(verifies(nodeA, nodeB.sign(claims()))).isTrue();
    }

    @Test
    @DisplayName("issue 8: a rotated-out key is retired only after its tokens expired; then it leaves the JWKS")
    void aRotatedOutKeyIsRetiredAfterItsTokensExpired() throws Exception {
        String first = nodeA.currentKid();
        String token = nodeA.sign(claims());
        String second = nodeA.rotate();

        assertThat(refusal(() -> nodeA.retire(second))).isEqualTo(IdentityError.SIGNING_KEY_ACTIVE);
        assertThat(refusal(() -> nodeA.retire(first))).isEqualTo(IdentityError.SIGNING_KEY_RECENTLY_ROTATED);
        assertThat(refusal(() -> nodeA.retire("no-such-kid"))).isEqualTo(IdentityError.SIGNING_KEY_NOT_FOUND);
        assertThat(verifies(nodeB, token)).isTrue();

        clock.advance(SigningKeys.RETIRE_AFTER);
        nodeA.retire(first);

        assertThat(kids(nodeA.jwks())).containsExactly(second);
        assertThat(nodeA.verifier(first)).isEmpty();
        assertThat(nodeA.status())
                .extracting(SigningKeys.Status::kid, SigningKeys.Status::signs)
                .containsExactly(tuple(second, true));
        assertThat(kids(nodeB.jwks())).as("node B re-read the store").containsExactly(second);
        assertThat(nodeB.verifier(first)).isEmpty();
    }

    @Test
    @DisplayName("issue 8: a store that cannot be read keeps the loaded keys signing")
    void anUnreadableStoreKeepsTheLoadedKeys() {
        SigningKeys keys = SigningKeys.loadOrCreate(new FailingAfterFirstRead(store), clock);
        String kid = keys.currentKid();

        clock.advance(SigningKeys.RELOAD_INTERVAL);

        assertThat(kidOf(keys.sign(claims()))).isEqualTo(kid);
    }

    private static ErrorCode refusal(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e.errorCode();
        }
        throw new AssertionError("no refusal");
    }

    private static JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder().subject("s").build();
    }

    private static String kidOf(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean verifies(SigningKeys keys, String token) throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(token);
        var verifier = keys.verifier(jwt.getHeader().getKeyID());
        return verifier.isPresent() && jwt.verify(verifier.get());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> kids(Map<String, Object> jwks) {
        return ((List<Map<String, Object>>) jwks.get("keys"))
                .stream().map(key -> key.get("kid")).toList();
    }

    /** A store that answers once, then fails as an unreachable database does. */
    private static final class FailingAfterFirstRead implements SigningKeyRepository {
        private final SigningKeyRepository up;
        private int reads;

        FailingAfterFirstRead(SigningKeyRepository up) {
            this.up = up;
        }

        @Override
        public List<SigningKey> all() {
            if (reads++ > 0) {
                throw new IllegalStateException("connection refused");
            }
            return up.all();
        }

        @Override
        public boolean tryCreateFirst(SigningKey key) {
            return up.tryCreateFirst(key);
        }

        @Override
        public void rotate(SigningKey fresh) {
            up.rotate(fresh);
        }

        @Override
        public boolean deleteInactive(String kid) {
            return up.deleteInactive(kid);
        }
    }
}
