package org.abstracta.searchapi;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The architecture the {@code package-info} files describe, checked on the compiled classes: the
 * search packages form a DAG above a Lucene-free seam, and the HTTP layer is an adapter over that
 * seam that never builds a Lucene query.
 */
@AnalyzeClasses(
    packages = "org.abstracta.searchapi",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String SEARCH = "org.abstracta.searchapi.search";

  /** The top search package as one slice and each of its sub-packages as one. */
  private static final SliceAssignment SEARCH_PACKAGES =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
          String p = c.getPackageName();
          if (p.equals(SEARCH)) return SliceIdentifier.of("search");
          if (!p.startsWith(SEARCH + ".")) return SliceIdentifier.ignore();
          return SliceIdentifier.of("search." + p.substring(SEARCH.length() + 1).split("\\.")[0]);
        }

        @Override
        public String getDescription() {
          return "the search package and each of its sub-packages";
        }
      };

  @ArchTest
  static final ArchRule the_search_sub_packages_are_free_of_cycles =
      slices().matching(SEARCH + ".(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule the_search_package_and_its_sub_packages_are_free_of_cycles =
      slices().assignedFrom(SEARCH_PACKAGES).should().beFreeOfCycles();

  /** The DAG itself, as each package-info's "May use" says. */
  @ArchTest
  static final ArchRule each_search_package_uses_only_those_below_it =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("search")
          .definedBy(SEARCH)
          .layer("query")
          .definedBy(SEARCH + ".query..")
          .layer("facet")
          .definedBy(SEARCH + ".facet..")
          .layer("rank")
          .definedBy(SEARCH + ".rank..")
          .layer("result")
          .definedBy(SEARCH + ".result..")
          .layer("suggest")
          .definedBy(SEARCH + ".suggest..")
          .layer("vector")
          .definedBy(SEARCH + ".vector..")
          .layer("engine")
          .definedBy(SEARCH + ".engine..")
          .layer("opensearch")
          .definedBy(SEARCH + ".opensearch..")
          .whereLayer("search")
          .mayNotAccessAnyLayer()
          .whereLayer("query")
          .mayOnlyAccessLayers("search")
          .whereLayer("facet")
          .mayOnlyAccessLayers("query", "search")
          .whereLayer("rank")
          .mayOnlyAccessLayers("facet", "query", "search")
          .whereLayer("result")
          .mayOnlyAccessLayers("query", "search")
          .whereLayer("suggest")
          .mayOnlyAccessLayers("facet", "query", "search")
          .whereLayer("vector")
          .mayOnlyAccessLayers("facet", "query", "search")
          .whereLayer("engine")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("opensearch")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("opensearch")
          .mayOnlyAccessLayers("facet", "query", "rank", "result", "suggest", "search");

  @ArchTest
  static final ArchRule search_never_sees_the_http_layer_or_the_command_line =
      noClasses()
          .that()
          .resideInAPackage(SEARCH + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.abstracta.searchapi.api..",
              "org.abstracta.searchapi.cli..",
              "org.abstracta.searchapi.eval..",
              "io.javalin..");

  @ArchTest
  static final ArchRule the_seam_is_free_of_lucene =
      noClasses()
          .that()
          .resideInAPackage(SEARCH)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.apache.lucene..");

  /** So it cannot build a Lucene {@code Query}, nor hold one. */
  @ArchTest
  static final ArchRule the_http_layer_never_touches_lucene =
      noClasses()
          .that()
          .resideInAPackage("org.abstracta.searchapi.api..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.apache.lucene..");

  /**
   * It reads one constant of {@code search.query} (the query limits, for the API's documentation)
   * and calls nothing there.
   */
  @ArchTest
  static final ArchRule the_http_layer_talks_to_the_seam_only =
      noClasses()
          .that()
          .resideInAPackage("org.abstracta.searchapi.api..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              SEARCH + ".engine..",
              SEARCH + ".opensearch..",
              SEARCH + ".facet..",
              SEARCH + ".rank..",
              SEARCH + ".result..",
              SEARCH + ".suggest..",
              SEARCH + ".vector..")
          .orShould()
          .callCodeUnitWhere(target(owner(resideInAPackage(SEARCH + ".query.."))));
}
