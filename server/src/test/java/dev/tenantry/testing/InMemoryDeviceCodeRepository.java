package dev.tenantry.testing;

import dev.tenantry.identity.DeviceCode;
import dev.tenantry.identity.DeviceCodeRepository;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Device authorizations in a map by device code hash; state changes are synchronized like conditional UPDATEs. */
public final class InMemoryDeviceCodeRepository implements DeviceCodeRepository, Restorable {

    private final Map<String, DeviceCode> byHash = new ConcurrentHashMap<>();

    @Override
    public synchronized boolean insert(DeviceCode code) {
        if (findByUserCode(code.userCode()).isPresent() || byHash.containsKey(code.deviceCodeHash())) {
            return false;
        }
        byHash.put(code.deviceCodeHash(), code);
        return true;
    }

    @Override
    public Optional<DeviceCode> findByHash(String deviceCodeHash) {
        return Optional.ofNullable(byHash.get(deviceCodeHash));
    }

    @Override
    public Optional<DeviceCode> findByUserCode(String userCode) {
        return byHash.values().stream()
                .filter(code -> code.userCode().equals(userCode))
                .findFirst();
    }

    @Override
    public synchronized boolean decide(
            String userCode, DeviceCode.State decision, TenantId tenantId, UserId userId, String sid, Instant now) {
        Optional<DeviceCode> found = findByUserCode(userCode)
                .filter(code -> code.state() == DeviceCode.State.PENDING && now.isBefore(code.expiresAt()));
        found.ifPresent(code -> byHash.put(code.deviceCodeHash(), with(code, decision, tenantId, userId, null, sid)));
        return found.isPresent();
    }

    @Override
    public synchronized void polled(String deviceCodeHash, Instant at) {
        DeviceCode code = byHash.get(deviceCodeHash);
        if (code != null) {
            byHash.put(deviceCodeHash, with(code, code.state(), at));
        }
    }

    @Override
    public synchronized boolean redeem(String deviceCodeHash) {
        DeviceCode code = byHash.get(deviceCodeHash);
        if (code == null || code.state() != DeviceCode.State.APPROVED) {
            return false;
        }
        byHash.put(deviceCodeHash, with(code, DeviceCode.State.REDEEMED, null));
        return true;
    }

    @Override
    public synchronized int deleteExpired(Instant before) {
        int size = byHash.size();
        byHash.values().removeIf(code -> code.expiresAt().isBefore(before));
        return size - byHash.size();
    }

    private static DeviceCode with(DeviceCode code, DeviceCode.State state, Instant polledAt) {
        return with(code, state, code.tenantId(), code.userId(), polledAt, code.sid());
    }

    private static DeviceCode with(
            DeviceCode code, DeviceCode.State state, TenantId tenantId, UserId userId, Instant polledAt, String sid) {
        return new DeviceCode(
                code.deviceCodeHash(),
                code.userCode(),
                tenantId,
                code.clientId(),
                code.scope(),
                code.createdAt(),
                code.expiresAt(),
                state,
                userId,
                polledAt == null ? code.lastPolledAt() : polledAt,
                sid);
    }

    @Override
    public Runnable snapshot() {
        return Restorable.copyOf(byHash);
    }
}
