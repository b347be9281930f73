package org.sinterscope.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of ARCHITECTURE.md, checked on the compiled classes of every module:
 * camera ← inspection ← routes ← review, inspection ← models, simulator above them, launcher on top;
 * no production module (camera, inspection, routes, review, models) holds or uses a simulator;
 * camera and inspection import no Camel, HTTP or JDBC; inspection does no file or network I/O.
 */
class ModuleRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sinterscope");
    }

    @Test
    void camera_depends_on_no_other_module() {
        noClasses().that().resideInAPackage("org.sinterscope.camera..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sinterscope.inspection..", "org.sinterscope.routes..",
                        "org.sinterscope.review..", "org.sinterscope.models..", "org.sinterscope.simulator..",
                        "org.sinterscope.launcher..")
                .check(classes);
    }

    @Test
    void inspection_depends_on_camera_only() {
        noClasses().that().resideInAPackage("org.sinterscope.inspection..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sinterscope.routes..", "org.sinterscope.review..",
                        "org.sinterscope.models..", "org.sinterscope.simulator..", "org.sinterscope.launcher..")
                .check(classes);
    }

    @Test
    void routes_review_and_models_keep_to_their_layer() {
        noClasses().that().resideInAPackage("org.sinterscope.routes..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sinterscope.review..", "org.sinterscope.models..",
                        "org.sinterscope.simulator..", "org.sinterscope.launcher..")
                .check(classes);
        noClasses().that().resideInAPackage("org.sinterscope.review..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sinterscope.models..", "org.sinterscope.simulator..",
                        "org.sinterscope.launcher..")
                .check(classes);
        noClasses().that().resideInAPackage("org.sinterscope.models..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sinterscope.routes..", "org.sinterscope.review..",
                        "org.sinterscope.simulator..", "org.sinterscope.launcher..")
                .check(classes);
        noClasses().that().resideInAPackage("org.sinterscope.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sinterscope.launcher..")
                .check(classes);
    }

    @Test
    void no_production_module_holds_a_simulator() {
        noClasses().that().resideInAnyPackage("org.sinterscope.camera..", "org.sinterscope.inspection..",
                        "org.sinterscope.routes..", "org.sinterscope.review..", "org.sinterscope.models..")
                .should().haveSimpleNameContaining("Simulat")
                .orShould().haveSimpleNameStartingWith("Demo")
                .orShould().haveSimpleNameContaining("Mosquitto")
                .check(classes);
    }

    @Test
    void camera_and_inspection_use_no_camel_http_or_jdbc() {
        noClasses().that().resideInAnyPackage("org.sinterscope.camera..", "org.sinterscope.inspection..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "java.net.http..", "java.sql..",
                        "javax.sql..", "jakarta.servlet..", "io.vertx..")
                .check(classes);
    }

    @Test
    void inspection_does_no_file_or_network_io() {
        noClasses().that().resideInAPackage("org.sinterscope.inspection..")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..", "java.nio.channels..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileReader")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileWriter")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.opencv.imgcodecs.Imgcodecs")
                .check(classes);
    }

    /**
     * Issue 11: the station's routes stay under a quarter of the production code (the modules that ship:
     * camera, inspection, routes, review, models, launcher), counted in lines of main Java sources.
     */
    @Test
    void routes_stay_under_a_quarter_of_the_production_code() throws java.io.IOException {
        java.nio.file.Path root = java.nio.file.Path.of("..").toAbsolutePath().normalize();
        long total = 0;
        long routes = 0;
        for (String m : java.util.List.of("camera", "inspection", "routes", "review", "models", "launcher")) {
            long n;
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root.resolve(m).resolve("src/main/java"))) {
                n = files.filter(f -> f.toString().endsWith(".java")).mapToLong(ModuleRulesTest::lines).sum();
            }
            org.assertj.core.api.Assertions.assertThat(n).as("lines of %s", m).isPositive();
            total += n;
            routes += m.equals("routes") ? n : 0;
        }
        org.assertj.core.api.Assertions.assertThat((double) routes / total)
                .as("routes: %d of %d production lines", routes, total).isLessThan(0.25);
    }

    private static long lines(java.nio.file.Path f) {
        try (java.util.stream.Stream<String> l = java.nio.file.Files.lines(f)) {
            return l.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
