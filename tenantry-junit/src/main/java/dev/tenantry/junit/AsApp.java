package dev.tenantry.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Resolves a parameter ({@code TokenCredential}, {@code GraphServiceClient}, {@code ResourceManager},
 * {@code ConfidentialClientApplication}…) acting as the seeded application {@code value} (its {@code name}) with its
 * client secret, in {@code tenant} (the seed's tenant name; the first tenant when empty).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER})
public @interface AsApp {
    String value();

    String tenant() default "";

    /** The cloud subscription (its seed name) an ARM client is bound to; the tenant's first when empty. */
    String subscription() default "";
}
