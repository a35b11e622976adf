package org.her2feeds.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure the project relies on: features that depend one way along the pipeline, and
 * third-party libraries kept inside the feature that owns them.
 */
class ArchitectureTest {

    private static final String ROOT = "org.her2feeds";

    /** The application class in the root package; the root package's other types are shared values. */
    private static final String APPLICATION = "application";

    private static final String SHARED = "shared";

    /**
     * Exactly the edges between features that the design intends, and no others: an edge that appears in the code
     * but not here fails, and so does an edge listed here that the code no longer needs (the map stays the truth).
     * The pipeline stages before {@code store} depend on nothing but {@code yaml}; {@code ingest} alone composes
     * them; the outputs read from {@code store}; {@code ops} and the application wire operations around all of it.
     */
    private static final Map<String, Set<String>> INTENDED = Map.ofEntries(
            // Below the pipeline: the operator's YAML files read with errors that name the file and line.
            Map.entry("yaml", Set.of()),
            Map.entry("sources", Set.of("yaml")),
            Map.entry("fetch", Set.of()),
            Map.entry("parse", Set.of()),
            Map.entry("clean", Set.of()),
            // Knows the source kinds: a publication type may depend on the kind of source (config/evidence.yml).
            // and reads the DOIs and PubMed ids a notice names as the parser defines them (parse/CitedIds).
            Map.entry("tagging", Set.of("yaml", "sources", "parse")),
            // Knows the sources for the copy authority of each source kind, and the tagging result it files.
            Map.entry("store", Set.of("sources", "tagging")),
            Map.entry("ingest", Set.of("sources", "fetch", "parse", "clean", "tagging", "store")),
            Map.entry("schedule", Set.of("sources", "ingest")),
            // The HTTP machinery of every public output; knows the sources only for the freshness lifetime.
            Map.entry("http", Set.of("sources", "store")),
            // Turns the readers' parameters into the store's filter.
            Map.entry("query", Set.of("sources", "tagging", "store", "http")),
            Map.entry("publish", Set.of("sources", "tagging", "store", "http", "query")),
            Map.entry("digest", Set.of("sources", "tagging", "store", "http", "query")),
            Map.entry("opml", Set.of("sources", "tagging", "http", "publish")),
            Map.entry("staticsite", Set.of("store", "http", "publish", "digest", "opml")),
            // The page refuses a bad address as the feeds do (query) and advertises the feeds by their titles.
            Map.entry("web", Set.of("sources", "tagging", "store", "query", "publish", "digest")),
            Map.entry("ops", Set.of("sources", "tagging", "store", "ingest", "schedule", "http", "staticsite")),
            // The entry point: its command-line modes import OPML and evaluate the topic rules, reading the labelled
            // items through the cleaner as the pipeline reads a feed's fields.
            Map.entry(APPLICATION, Set.of("clean", "tagging", "opml", "ops")));

    /** Public types that no other feature uses, each with the reason it must stay public. */
    private static final Map<String, String> PUBLIC_FOR_A_REASON = Map.of(
            ROOT + ".Her2FeedsApplication",
            "the JVM and Spring Boot's launcher start it from outside",
            ROOT + ".store.SearchPendingTrigger",
            "H2 creates it by name for the trigger of migration V11 (db/vendor/h2)");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void featuresDependOnExactlyTheIntendedFeatures() {
        Map<String, Set<String>> actual = new TreeMap<>();
        for (JavaClass type : classes) {
            String from = feature(type);
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String to = feature(dependency.getTargetClass());
                if (to != null && !to.equals(from) && !to.equals(SHARED)) {
                    actual.computeIfAbsent(from, key -> new TreeSet<>()).add(to);
                }
            }
        }
        for (String feature : INTENDED.keySet()) {
            assertThat(actual.getOrDefault(feature, Set.of()))
                    .as("features that %s uses", feature)
                    .isEqualTo(new TreeSet<>(INTENDED.get(feature)));
        }
        assertThat(actual.keySet()).as("features with dependencies").isSubsetOf(INTENDED.keySet());
    }

    @Test
    void featuresFormNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void aTypeIsPublicOnlyWhenAnotherFeatureUsesIt() {
        Set<String> usedElsewhere = new HashSet<>();
        for (JavaClass type : classes) {
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                JavaClass target = topLevel(dependency.getTargetClass());
                if (!Objects.equals(feature(target), feature(type))) {
                    usedElsewhere.add(target.getName());
                }
            }
        }
        List<String> needlesslyPublic = classes.stream()
                .filter(JavaClass::isTopLevelClass)
                .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getName)
                .filter(name -> !name.endsWith(".package-info"))
                .filter(name -> !usedElsewhere.contains(name) && !PUBLIC_FOR_A_REASON.containsKey(name))
                .sorted()
                .toList();
        assertThat(needlesslyPublic)
                .as("public types that no other feature uses (make them package-private)")
                .isEmpty();
    }

    /** The feature a type belongs to: the first package below the root, or the root's two roles. */
    private static String feature(JavaClass type) {
        String name = type.getPackageName();
        if (name.equals(ROOT)) {
            return topLevel(type).getSimpleName().equals("Her2FeedsApplication") ? APPLICATION : SHARED;
        }
        return name.startsWith(ROOT + ".") ? name.substring(ROOT.length() + 1).split("\\.")[0] : null;
    }

    private static JavaClass topLevel(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    @Test
    void everyFeaturePackageIsKnown() {
        Set<String> known = INTENDED.keySet();
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
