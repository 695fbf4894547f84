package org.defensefund.tracker.testsupport;

import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment of a test run: deployed once before the first integration test and undeployed after the last
 * (the Arquillian suite extension, configured in {@code arquillian.xml}), instead of once per test class, which cost
 * the suite about seven seconds a class. It holds the real WAR ({@link Deployments#app()}), the in-container test
 * helpers, the test SMTP server (GreenMail) and every test class, so each in-container test runs in it. The test
 * classes' own {@code @Deployment} methods say what each needs and are used when the extension is off.
 *
 * <p>What a shared deployment asks of the tests: what a test changes in the server's memory (the fund's clock, a
 * throttle of sign-ins, a listener's record) it puts back, and it counts only what it caused.
 */
@ArquillianSuiteDeployment
public final class SuiteDeployment {

    private SuiteDeployment() {
    }

    @Deployment
    public static WebArchive deployment() {
        return org.defensefund.tracker.outbox.ServerMail.deployment()
                .addPackages(true, "org.defensefund.tracker");
    }
}
