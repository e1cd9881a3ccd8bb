package dev.tenantry.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Resolves a parameter ({@code TokenCredential}, {@code GraphServiceClient}, {@code ResourceManager},
 * {@code PublicClientApplication}…) signed in as the seeded user {@code value} (its {@code userName}) of {@code tenant}
 * (the seed's tenant name; the first tenant when empty).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER})
public @interface AsUser {
    String value();

    String tenant() default "";

    /** The cloud subscription (its seed name) an ARM client is bound to; the tenant's first when empty. */
    String subscription() default "";
}
