package dev.tenantry.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tenantry.shared.ErrorCode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Every {@link ErrorCode} of the server, found in the compiled main classes, so a new code enum is never missed. */
public final class ErrorCodes {

    private static final List<ErrorCode> ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.tenantry").stream()
                    .filter(JavaClass::isEnum)
                    .filter(type -> type.isAssignableTo(ErrorCode.class))
                    .map(JavaClass::reflect)
                    .flatMap(type -> Arrays.stream(type.getEnumConstants()))
                    .map(ErrorCode.class::cast)
                    .sorted(Comparator.comparing(ErrorCode::value))
                    .toList();

    private ErrorCodes() {}

    /** Every code of every feature and surface, by wire value. */
    public static List<ErrorCode> all() {
        return ALL;
    }
}
