package org.her2feeds.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure the project relies on: features that depend one way along the pipeline, and
 * third-party libraries kept inside the feature that owns them.
 */
class ArchitectureTest {

    private static final String ROOT = "org.her2feeds";

    /** What each feature may use besides itself and the JDK/Spring: the pipeline order, written down once. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("sources", Set.of()),
            Map.entry("fetch", Set.of("sources")),
            Map.entry("parse", Set.of("sources", "fetch")),
            Map.entry("clean", Set.of("sources", "fetch", "parse")),
            Map.entry("tagging", Set.of("sources", "fetch", "parse", "clean")),
            Map.entry("store", Set.of("sources", "fetch", "parse", "clean", "tagging")),
            Map.entry("ingest", Set.of("sources", "fetch", "parse", "clean", "tagging", "store")),
            Map.entry("schedule", Set.of("sources", "ingest")),
            // The HTTP machinery of every public output; knows the sources only for the freshness lifetime.
            Map.entry("http", Set.of("sources", "store")),
            Map.entry("query", Set.of("sources", "tagging", "http")),
            Map.entry("publish", Set.of("sources", "tagging", "store", "http", "query")),
            Map.entry("digest", Set.of("sources", "tagging", "store", "http", "query")),
            Map.entry("opml", Set.of("sources", "tagging", "http", "publish")),
            Map.entry("staticsite", Set.of("tagging", "store", "http", "publish", "digest", "opml")),
            Map.entry("web", Set.of("sources", "tagging", "store", "digest")),
            Map.entry(
                    "ops",
                    Set.of(
                            "sources",
                            "fetch",
                            "parse",
                            "clean",
                            "tagging",
                            "store",
                            "ingest",
                            "schedule",
                            "http",
                            "digest",
                            "staticsite")));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void featuresDependOnlyOnThoseBeforeThemInThePipeline() {
        for (Map.Entry<String, Set<String>> feature : ALLOWED.entrySet()) {
            String[] forbidden = ALLOWED.keySet().stream()
                    .filter(other -> !other.equals(feature.getKey())
                            && !feature.getValue().contains(other))
                    .map(other -> ROOT + "." + other + "..")
                    .toArray(String[]::new);
            ArchRule rule = noClasses()
                    .that()
                    .resideInAPackage(ROOT + "." + feature.getKey() + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(forbidden)
                    .because(feature.getKey() + " may only use " + feature.getValue())
                    .allowEmptyShould(true);
            rule.check(classes);
        }
    }

    @Test
    void everyFeaturePackageIsKnown() {
        Set<String> known = ALLOWED.keySet();
        classes()
                .that()
                .resideInAPackage(ROOT + ".*..")
                .should()
                .resideInAnyPackage(
                        known.stream().map(name -> ROOT + "." + name + "..").toArray(String[]::new))
                .because("every class belongs to one of the features " + known)
                .check(classes);
    }

    @Test
    void librariesStayInsideTheFeatureThatOwnsThem() {
        List.of(
                        new String[] {"com.rometools..", "parse", "publish"},
                        new String[] {"org.jsoup..", "clean"},
                        new String[] {"org.quartz..", "schedule", "ops"})
                .forEach(rule -> {
                    String[] owners = java.util.Arrays.stream(rule, 1, rule.length)
                            .map(p -> ROOT + "." + p + "..")
                            .toArray(String[]::new);
                    noClasses()
                            .that()
                            .resideOutsideOfPackages(owners)
                            .should()
                            .dependOnClassesThat()
                            .resideInAPackage(rule[0])
                            .because(rule[0] + " is used only in " + String.join(", ", owners))
                            .check(classes);
                });
    }
}
