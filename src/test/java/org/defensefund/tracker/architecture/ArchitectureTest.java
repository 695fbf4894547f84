package org.defensefund.tracker.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of STYLE.md: pages call services, services use the model, the model knows
 * nothing of Faces, and a feature reaches another only through its services, never its pages.
 */
class ArchitectureTest {

    private static final String ROOT = "org.defensefund.tracker";
    private static JavaClasses app;

    @BeforeAll
    static void importClasses() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void onlyWebPackagesUseFacesOrPrimeFaces() {
        noClasses().that().resideOutsideOfPackage("..web..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.faces..", "org.primefaces..", "org.omnifaces..")
                .because("services and the model must work without a page")
                .check(app);
    }

    @Test
    void nothingOutsideTheWebLayerDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("..web..")
                .should().dependOnClassesThat().resideInAPackage("..web..")
                .check(app);
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching(ROOT + ".(*)..")
                .should().beFreeOfCycles()
                .because("a feature that needs another must not be needed back: they meet through a service one way or a CDI event")
                .check(app);
    }

    @Test
    void featurePagesDoNotReachIntoEachOther() {
        slices().matching(ROOT + ".(*).web..")
                .should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(ROOT + ".shared.web.."))
                .check(app);
    }

    @Test
    void servicesAreNamedAndEntitiesHaveNoServiceDependencies() {
        classes().that().haveSimpleNameEndingWith("Service").should().resideOutsideOfPackage("..web..").check(app);
        noClasses().that().areAnnotatedWith(jakarta.persistence.Entity.class)
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Service")
                .check(app);
    }

    @Test
    void backingBeansLiveInWebPackages() {
        classes().that().haveSimpleNameEndingWith("Backing").should().resideInAPackage("..web..").check(app);
    }

    /**
     * Pages never decide access: a page asks its service ("may the caller award?", "which queues has the
     * caller?") and the answer comes from the feature's rule object ({@code CaseAccess}, {@code CaseStep},
     * {@code FundingAccess}). No backing bean reads the caller's role or enforces a role itself.
     */
    @Test
    void backingBeansNeverDecideAccess() {
        Set<String> roleChecks = Set.of("isAdmin", "isPartnerStaff", "isFunder", "partnerId", "funderId", "requireAdmin", "requirePartnerOf");
        noClasses().that().resideInAPackage(ROOT + "..web..")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("a role check of CurrentUser",
                        call -> call.getTargetOwner().getFullName().equals(ROOT + ".access.CurrentUser") && roleChecks.contains(call.getName())))
                .because("who reaches which case, grant, sub-award, cost or figure is decided in the services' rule objects, not in pages")
                .check(app);
    }

    @Test
    void sharedDependsOnNoFeature() {
        noClasses().that().resideInAPackage(ROOT + ".shared..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".partners..", ROOT + ".access..",
                        ROOT + ".funding..", ROOT + ".reference..", ROOT + ".bootstrap..", ROOT + ".home..",
                        ROOT + ".dashboards..", ROOT + ".cases..", ROOT + ".clients..")
                .check(app);
    }

    /**
     * One clock: dates and instants come from {@code FundClock} (the fund's zone; tests can stop it), never from
     * the server's own clock or zone. {@code now(Clock)} is the one form allowed.
     */
    @Test
    void timeComesFromTheFundClock() {
        classes().that().doNotHaveFullyQualifiedName(ROOT + ".shared.FundClock")
                .should(readTimeOnlyFromAClock())
                .because("\"today\" is the fund's (America/New_York), not the server's (UTC): use FundClock")
                .check(app);
    }

    private static ArchCondition<JavaClass> readTimeOnlyFromAClock() {
        Set<String> types = Set.of(Instant.class.getName(), LocalDate.class.getName(), LocalDateTime.class.getName(),
                LocalTime.class.getName(), ZonedDateTime.class.getName(), OffsetDateTime.class.getName(),
                Year.class.getName(), YearMonth.class.getName());
        return new ArchCondition<>("call java.time's now() only with a Clock") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
                    boolean now = call.getName().equals("now") && types.contains(call.getTargetOwner().getFullName());
                    boolean withClock = call.getTarget().getRawParameterTypes().stream()
                            .anyMatch(type -> type.isEquivalentTo(Clock.class));
                    if (now && !withClock) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                    }
                }
            }
        };
    }
}
