package dev.tenantry.directory.tenants;

import dev.tenantry.directory.Countries;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.DirectoryRoleRepository;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.NewUsers;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.TenantProvisioner;
import dev.tenantry.directory.TenantRepository;
import dev.tenantry.directory.Text;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NewIds;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Use cases of directories themselves: creating one with its first administrator, finding and reading it. */
public final class TenantService {

    private static final Pattern DOMAIN_PREFIX = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,25}[a-z0-9])?$");

    private final TenantRepository tenants;
    private final DirectoryRoleRepository roles;
    private final NewUsers newUsers;
    private final DirectoryAccess access;
    private final List<TenantProvisioner> provisioners;
    private final Transactions transactions;
    private final Clock clock;
    private final String domainSuffix;

    public TenantService(
            TenantRepository tenants,
            DirectoryRoleRepository roles,
            NewUsers newUsers,
            DirectoryAccess access,
            List<TenantProvisioner> provisioners,
            Transactions transactions,
            Clock clock,
            String domainSuffix) {
        this.tenants = tenants;
        this.roles = roles;
        this.newUsers = newUsers;
        this.access = access;
        this.provisioners = List.copyOf(provisioners);
        this.transactions = transactions;
        this.clock = clock;
        this.domainSuffix = domainSuffix.toLowerCase(Locale.ROOT);
    }

    /**
     * R8: makes a directory with the initial domain {@code <prefix>.<suffix>} and its first user, who becomes Global
     * Administrator. Runs in the caller's transaction, so a later failure of the sign-up leaves nothing behind.
     */
    public CreatedDirectory createDirectory(
            String organization, String countryCode, String domainPrefix, NewUser admin) {
        String name = Text.required(organization, "organization", Column.TENANT_DISPLAY_NAME);
        String country = Countries.require(countryCode, "countryCode");
        String domain = initialDomain(domainPrefix);
        return transactions.inTransaction(() -> {
            if (tenants.findByDomain(domain).isPresent()) {
                throw domainTaken(domain);
            }
            Tenant tenant =
                    new Tenant(new TenantId(NewIds.next(NewIds.Kind.TENANT)), name, country, domain, clock.instant());
            tenants.insert(tenant);
            User user = newUsers.insert(tenant, admin, country);
            roles.addMember(roles.activate(tenant.id(), DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR), user.id());
            provisioners.forEach(provisioner -> provisioner.provision(tenant.id()));
            return new CreatedDirectory(tenant, user);
        });
    }

    /** Whether {@code domainPrefix} is valid and no directory has taken {@code <prefix>.<suffix>} yet. */
    public boolean isDomainAvailable(String domainPrefix) {
        return tenants.findByDomain(initialDomain(domainPrefix)).isEmpty();
    }

    public String initialDomain(String domainPrefix) {
        String prefix = domainPrefix == null ? "" : domainPrefix.strip().toLowerCase(Locale.ROOT);
        if (!DOMAIN_PREFIX.matcher(prefix).matches()) {
            throw new InvalidRequestException(
                    DirectoryError.INVALID_DOMAIN_PREFIX,
                    "The domain prefix '" + domainPrefix + "' is not valid: use 1 to 27 letters, digits or hyphens, "
                            + "starting and ending with a letter or digit.",
                    "domainPrefix");
        }
        return prefix + "." + domainSuffix;
    }

    /** Public facts about a directory, by id or initial domain; for discovery documents and sign-in. */
    public Optional<Tenant> findTenant(String idOrDomain) {
        if (idOrDomain == null) {
            return Optional.empty();
        }
        Optional<UUID> id = Ids.tryParse(idOrDomain);
        return id.isPresent() ? tenants.findById(new TenantId(id.get())) : tenants.findByDomain(idOrDomain);
    }

    /** The caller's own directory. */
    public Tenant getTenant(Caller caller, TenantId tenantId) {
        access.requireSameTenant(caller, tenantId);
        return tenants.findById(tenantId)
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.TENANT_NOT_FOUND, "Directory '" + tenantId + "' does not exist."));
    }

    /** The organization (the directory itself) as Graph's {@code /organization} and {@code /domains} show it. */
    public Tenant readOrganization(Caller caller, TenantId tenantId) {
        access.requireReadOrganizationProfile(caller, tenantId);
        return getTenant(caller, tenantId);
    }

    private static ConflictException domainTaken(String domain) {
        return new ConflictException(
                DirectoryError.DOMAIN_TAKEN,
                "The domain '" + domain + "' is already taken; choose another domain prefix.",
                "domainPrefix");
    }
}
