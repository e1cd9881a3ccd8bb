package dev.tenantry.testing;

import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;

/**
 * Builds a directory with its first user (a Global Administrator) in a {@link TestWorld}, with sensible defaults:
 * {@code TestDirectories.contoso().create(world)}.
 */
public final class TestDirectories {

    /** The password every fixture user gets; it meets the password policy. */
    public static final String PASSWORD = "Tenantry-Test-1";

    private String organization;
    private String domainPrefix;
    private String countryCode = "US";
    private String adminAlias = "admin";

    private TestDirectories(String organization, String domainPrefix) {
        this.organization = organization;
        this.domainPrefix = domainPrefix;
    }

    /** Contoso, initial domain {@code contoso.onmicrosoft.test}. */
    public static TestDirectories contoso() {
        return new TestDirectories("Contoso", "contoso");
    }

    /** Fabrikam, initial domain {@code fabrikam.onmicrosoft.test}. */
    public static TestDirectories fabrikam() {
        return new TestDirectories("Fabrikam", "fabrikam");
    }

    public TestDirectories organization(String value) {
        this.organization = value;
        return this;
    }

    public TestDirectories domainPrefix(String value) {
        this.domainPrefix = value;
        return this;
    }

    public TestDirectories countryCode(String value) {
        this.countryCode = value;
        return this;
    }

    public TestDirectories adminAlias(String value) {
        this.adminAlias = value;
        return this;
    }

    /** Creates the directory and its admin through {@code DirectoryService.createDirectory}. */
    public TestDirectory create(TestWorld world) {
        CreatedDirectory created = world.tenantService()
                .createDirectory(
                        organization,
                        countryCode,
                        domainPrefix,
                        NewUser.of("Admin " + organization, adminAlias, PASSWORD));
        return new TestDirectory(world, created.tenant(), created.admin());
    }
}
