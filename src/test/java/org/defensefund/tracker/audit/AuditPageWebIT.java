package org.defensefund.tracker.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.client.TestDatabase;
import org.defensefund.tracker.testsupport.client.WebClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit page: an administrator filters it by user and verifies the chain; partner staff are refused it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditPageWebIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void anAdministratorReadsAndVerifiesTheTrail() {
        String admin = TestDatabase.user("ADMIN", null, null);
        WebClient client = new WebClient(base.toString());
        client.signIn(admin, TestDatabase.PASSWORD);
        HttpResponse<String> page = client.get("admin/audit.xhtml");
        assertEquals(200, page.statusCode());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("filters", "filters");
        form.put("filters:actor", "");
        form.put("filters:recordType", "");
        form.put("filters:recordId", "");
        form.put("filters:from_input", "");
        form.put("filters:to_input", "");
        form.put("filters:verify", "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(page.body()));
        String verified = client.post("admin/audit.xhtml", form).body();
        assertTrue(verified.contains("The chain is intact"), "verify chain reports");

        WebClient staff = new WebClient(base.toString());
        staff.signIn(TestDatabase.user("PARTNER", TestDatabase.partner(TestDatabase.unique("Audit Page Legal")), null), TestDatabase.PASSWORD);
        assertEquals(403, staff.get("admin/audit.xhtml").statusCode());
    }
}
