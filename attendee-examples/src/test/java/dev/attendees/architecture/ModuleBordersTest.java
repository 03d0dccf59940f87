package dev.attendees.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package borders of docs/architecture.md, checked on the compiled classes of every
 * module: provider modules never use each other, and no module reaches into another module's
 * {@code .internal} packages.
 */
class ModuleBordersTest {
    private static final List<String> PROVIDERS = List.of("llm", "images", "sql", "vector");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.attendees");
    }

    @Test
    void should_import_every_module() {
        org.assertj.core.api.Assertions.assertThat(classes.stream().map(c -> c.getPackageName()).distinct())
                .contains("dev.attendees", "dev.attendees.internal", "dev.attendees.export", "dev.attendees.store",
                        "dev.attendees.cli", "dev.attendees.sql", "dev.attendees.sql.internal");
    }

    @Test
    void providers_should_never_depend_on_each_other() {
        for (String provider : PROVIDERS) {
            for (String other : PROVIDERS) {
                if (!provider.equals(other)) {
                    ArchRule rule = noClasses().that().resideInAPackage("dev.attendees." + provider + "..")
                            .should().dependOnClassesThat().resideInAPackage("dev.attendees." + other + "..")
                            .allowEmptyShould(true)
                            .because("provider modules plug into core and never into each other");
                    rule.check(classes);
                }
            }
        }
    }

    @Test
    void core_should_not_depend_on_providers_or_apps() {
        noClasses().that().resideInAnyPackage("dev.attendees", "dev.attendees.spi", "dev.attendees.export",
                        "dev.attendees.profile", "dev.attendees.store", "dev.attendees.internal..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.attendees.llm..", "dev.attendees.images..",
                        "dev.attendees.sql..", "dev.attendees.vector..", "dev.attendees.cli..", "dev.attendees.web..")
                .check(classes);
    }

    @Test
    void core_internals_should_stay_inside_core() {
        noClasses().that().resideOutsideOfPackages("dev.attendees", "dev.attendees.spi", "dev.attendees.export",
                        "dev.attendees.profile", "dev.attendees.store", "dev.attendees.junit..", "dev.attendees.internal..")
                .should().dependOnClassesThat().resideInAPackage("dev.attendees.internal..")
                .because("dev.attendees.internal is not API")
                .check(classes);
    }

    @Test
    void provider_internals_should_stay_inside_their_module() {
        for (String module : List.of("llm", "images", "sql", "vector", "cli", "web")) {
            noClasses().that().resideOutsideOfPackage("dev.attendees." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage("dev.attendees." + module + ".internal..")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }
}
