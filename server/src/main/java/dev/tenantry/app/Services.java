package dev.tenantry.app;

import dev.tenantry.directory.ApplicationService;
import dev.tenantry.directory.Argon2idPasswordHasher;
import dev.tenantry.directory.DirectoryService;
import dev.tenantry.directory.storage.JdbiApplicationRepository;
import dev.tenantry.directory.storage.JdbiDirectoryRoleRepository;
import dev.tenantry.directory.storage.JdbiTenantRepository;
import dev.tenantry.directory.storage.JdbiUserRepository;
import dev.tenantry.identity.AccessTokenVerifier;
import dev.tenantry.identity.SigningKeys;
import dev.tenantry.identity.TokenService;
import dev.tenantry.identity.storage.JdbiRefreshTokenRepository;
import dev.tenantry.identity.storage.JdbiSigningKeyRepository;
import dev.tenantry.shared.Transactions;
import dev.tenantry.storage.Database;
import dev.tenantry.storage.JdbiTransactions;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Every service of the server, built with plain constructors in dependency order. */
public record Services(
        Transactions transactions,
        DirectoryService directory,
        ApplicationService applications,
        SigningKeys signingKeys,
        TokenService tokens,
        AccessTokenVerifier tokenVerifier) {

    static Services create(TenantryConfig config, Database database, Clock clock) {
        Jdbi jdbi = database.jdbi();
        Transactions transactions = new JdbiTransactions(jdbi);
        DirectoryService directory = new DirectoryService(
                new JdbiTenantRepository(jdbi),
                new JdbiUserRepository(jdbi),
                new JdbiDirectoryRoleRepository(jdbi),
                new Argon2idPasswordHasher(),
                transactions,
                clock,
                config.domainSuffix());
        ApplicationService applications =
                new ApplicationService(new JdbiApplicationRepository(jdbi), directory.access(), transactions, clock);
        directory.onTenantCreated(applications::provisionTenant);
        SigningKeys signingKeys = SigningKeys.loadOrCreate(new JdbiSigningKeyRepository(jdbi), clock);
        TokenService tokens =
                new TokenService(directory, applications, signingKeys, new JdbiRefreshTokenRepository(jdbi), clock);
        return new Services(
                transactions,
                directory,
                applications,
                signingKeys,
                tokens,
                new AccessTokenVerifier(signingKeys, clock));
    }
}
