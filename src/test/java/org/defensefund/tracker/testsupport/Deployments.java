package org.defensefund.tracker.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one way tests deploy: the real WAR the build made, plus the in-container test helpers.
 * Nothing is listed by hand, so a test runs against exactly what users get. The one change: the
 * servlet through which Arquillian runs in-container tests is let past the sign-in requirement.
 */
public final class Deployments {

    private static final String WEB_XML = "WEB-INF/web.xml";
    private static final String TEST_RUNNER_OPEN = """
                <security-constraint>
                    <web-resource-collection>
                        <web-resource-name>arquillian test runner</web-resource-name>
                        <url-pattern>/ArquillianServletRunnerEE9</url-pattern>
                        <url-pattern>/ArquillianServletRunner</url-pattern>
                    </web-resource-collection>
                </security-constraint>
            """;

    private Deployments() {
    }

    public static WebArchive app() {
        File war = new File(System.getProperty("it.war", "target/tracker.war"));
        WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, war)
                .addPackage(Deployments.class.getPackage())
                .addClass(org.defensefund.tracker.testsupport.client.WebClient.class)
                .addClass(org.defensefund.tracker.testsupport.client.SecondFactor.class);
        String webXml = read(archive);
        int firstConstraint = webXml.indexOf("<security-constraint>");
        archive.delete(WEB_XML);
        archive.setWebXML(new StringAsset(webXml.substring(0, firstConstraint) + TEST_RUNNER_OPEN.strip() + "\n    "
                + webXml.substring(firstConstraint)));
        return archive;
    }

    private static String read(WebArchive archive) {
        try (InputStream in = archive.get(WEB_XML).getAsset().openStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
