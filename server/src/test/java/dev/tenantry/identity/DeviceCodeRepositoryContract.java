package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.User;
import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.RepositoryContract;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link DeviceCodeRepository} does (issue 11), on the fake and on SQL. */
public abstract class DeviceCodeRepositoryContract extends RepositoryContract {

    private static final String SID = "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private final DeviceCodeRepository codes;

    protected <S extends ContractStores> DeviceCodeRepositoryContract(
            S stores, Function<S, DeviceCodeRepository> codesOver) {
        super(stores);
        this.codes = codesOver.apply(stores);
    }

    private DeviceCode pending(String hash, String userCode) {
        return new DeviceCode(
                hash,
                userCode,
                null,
                UUID.randomUUID(),
                "openid https://graph.microsoft.com/.default",
                NOW,
                NOW.plus(Duration.ofMinutes(15)),
                DeviceCode.State.PENDING,
                null,
                null,
                null);
    }

    @Test
    @DisplayName("issue 11: a code is found by its hash and its user code; a taken user code is refused")
    void insertAndFind() {
        DeviceCode code = pending("h1", "BCDFGHJK");
        assertThat(codes.insert(code)).isTrue();

        assertThat(codes.findByHash("h1")).contains(code);
        assertThat(codes.findByUserCode("BCDFGHJK")).contains(code);
        assertThat(codes.insert(pending("h2", "BCDFGHJK"))).isFalse();
        assertThat(codes.findByHash("h2")).isEmpty();
    }

    @Test
    @DisplayName("issue 11: a decision is taken once, never after expiry; an approved code is redeemed once")
    void decideOnceRedeemOnce() {
        User kelley = user(contoso, "kelley");
        codes.insert(pending("h1", "BCDFGHJK"));
        codes.insert(pending("h2", "BCDFGHJL"));

        assertThat(codes.redeem("h1")).isFalse();
        assertThat(codes.decide("BCDFGHJK", DeviceCode.State.APPROVED, contoso.id(), kelley.id(), SID, NOW))
                .isTrue();
        assertThat(codes.decide("BCDFGHJK", DeviceCode.State.DECLINED, contoso.id(), kelley.id(), null, NOW))
                .isFalse();
        assertThat(codes.decide(
                        "BCDFGHJL",
                        DeviceCode.State.APPROVED,
                        contoso.id(),
                        kelley.id(),
                        SID,
                        NOW.plus(Duration.ofMinutes(15))))
                .isFalse();
        DeviceCode approved = codes.findByHash("h1").orElseThrow();
        assertThat(approved.state()).isEqualTo(DeviceCode.State.APPROVED);
        assertThat(approved.tenantId()).isEqualTo(contoso.id());
        assertThat(approved.userId()).isEqualTo(kelley.id());
        assertThat(approved.sid()).isEqualTo(SID);
        assertThat(codes.redeem("h1")).isTrue();
        assertThat(codes.redeem("h1")).isFalse();
    }

    @Test
    @DisplayName("issue 11: polls are recorded; expired codes are deleted")
    void pollsAndExpiry() {
        codes.insert(pending("h1", "BCDFGHJK"));
        codes.polled("h1", NOW.plusSeconds(5));

        assertThat(codes.findByHash("h1").orElseThrow().lastPolledAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(codes.deleteExpired(NOW.plus(Duration.ofMinutes(10)))).isZero();
        assertThat(codes.deleteExpired(NOW.plus(Duration.ofMinutes(16)))).isEqualTo(1);
        assertThat(codes.findByUserCode("BCDFGHJK")).isEmpty();
    }
}
