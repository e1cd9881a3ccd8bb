package dev.tenantry.app;

import dev.tenantry.directory.Argon2idPasswordHasher;
import dev.tenantry.directory.DirectoryService;
import dev.tenantry.directory.storage.JdbiDirectoryRoleRepository;
import dev.tenantry.directory.storage.JdbiTenantRepository;
import dev.tenantry.directory.storage.JdbiUserRepository;
import dev.tenantry.shared.ServerSecrets;
import dev.tenantry.shared.Transactions;
import dev.tenantry.storage.Database;
import dev.tenantry.storage.JdbiServerSecrets;
import dev.tenantry.storage.JdbiTransactions;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Every service of the server, built with plain constructors in dependency order. */
public record Services(Transactions transactions, DirectoryService directory, ServerSecrets secrets) {

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
        return new Services(transactions, directory, new JdbiServerSecrets(jdbi, clock));
    }
}
