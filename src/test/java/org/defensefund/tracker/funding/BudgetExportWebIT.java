package org.defensefund.tracker.funding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

/**
 * The grant report downloads as CSV and XLSX for the administrator and the grant's funder; another
 * funder and partner staff get the refusal page, whatever id they put in the address.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BudgetExportWebIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void theGrantReportExportsForItsReadersOnly() throws Exception {
        String partnerName = TestDatabase.unique("Export Legal");
        long partnerId = TestDatabase.partner(partnerName);
        long funderId = TestDatabase.funder(TestDatabase.unique("Export Foundation"));
        long grantId = TestDatabase.grantWithSubAward(TestDatabase.unique("Export Grant"), funderId, partnerId, "5000.00", "1234.56");

        String csv = download(TestDatabase.user("ADMIN", null, null), grantId, "csv");
        String[] lines = csv.substring(1).split("\r\n");
        assertEquals("Partner,Start,End,Awarded,Committed,Approved,Paid,Remaining,Cases funded,Cost per case", lines[0]);
        assertTrue(lines[1].startsWith(partnerName + ","), lines[1]);
        assertTrue(lines[1].endsWith(",1234.56,0.00,0.00,0.00,1234.56,0,"), lines[1]);
        assertTrue(lines[2].startsWith("Total,"), lines[2]);
        assertTrue(lines[2].contains(",5000.00,0.00,0.00,0.00,5000.00,0,"), lines[2]);

        WebClient funder = signedIn(TestDatabase.user("FUNDER", null, funderId));
        HttpResponse<String> xlsx = post(funder, grantId, "xlsx");
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Disposition").orElse("").contains("grant-" + grantId + ".xlsx"));

        WebClient otherFunder = signedIn(TestDatabase.user("FUNDER", null, TestDatabase.funder(TestDatabase.unique("Nosy Foundation"))));
        HttpResponse<String> refused = otherFunder.get("budget/grant.xhtml?id=" + grantId);
        assertEquals(403, refused.statusCode());
        assertTrue(!refused.body().contains(partnerName));
        WebClient staff = signedIn(TestDatabase.user("PARTNER", partnerId, null));
        assertEquals(403, staff.get("budget/grant.xhtml?id=" + grantId).statusCode(), "partners see sub-awards, not grants");
    }

    @Test
    void theXlsxReportOpensAsAWorkbookWithTheFigures() throws Exception {
        long partnerId = TestDatabase.partner(TestDatabase.unique("Workbook Legal"));
        long funderId = TestDatabase.funder(TestDatabase.unique("Workbook Foundation"));
        long grantId = TestDatabase.grantWithSubAward(TestDatabase.unique("Workbook Grant"), funderId, partnerId, "900.00", "900.00");
        WebClient admin = signedIn(TestDatabase.user("ADMIN", null, null));
        HttpResponse<byte[]> download = admin.postForBytes("budget/grant.xhtml?id=" + grantId, form(admin, grantId, "xlsx"));
        byte[] body = download.body();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertEquals(900.00, workbook.getSheetAt(0).getRow(1).getCell(3).getNumericCellValue(), 0.0);
            assertEquals("Total", workbook.getSheetAt(0).getRow(2).getCell(0).getStringCellValue());
        }
    }

    @Test
    void aReaderWhoChoseSpanishGetsTheReportsHeadingsInSpanish() throws Exception {
        String partnerName = TestDatabase.unique("Informe Legal");
        long partnerId = TestDatabase.partner(partnerName);
        long funderId = TestDatabase.funder(TestDatabase.unique("Fundación Informe"));
        long grantId = TestDatabase.grantWithSubAward(TestDatabase.unique("Subvención Informe"), funderId, partnerId, "700.00", "700.00");
        String email = TestDatabase.user("FUNDER", null, funderId);
        TestDatabase.update("update user_account set language = 'es' where email = ?", email);

        String csv = download(email, grantId, "csv");
        String[] lines = csv.substring(1).split("\r\n");
        assertEquals("Organización asociada,Inicio,Fin,Adjudicado,Comprometido,Aprobado,Pagado,Restante,Casos financiados,Costo por caso", lines[0],
                "the headings in the reader's language");
        assertTrue(lines[1].startsWith(partnerName + ","), "names as they are");
        assertTrue(lines[2].startsWith("Total,") && lines[2].contains(",700.00,"), "amounts stay machine-readable: " + lines[2]);

        WebClient funder = signedIn(email);
        HttpResponse<byte[]> download = funder.postForBytes("budget/grant.xhtml?id=" + grantId, form(funder, grantId, "xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            assertEquals("Organización asociada", workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
            assertEquals("Costo por caso", workbook.getSheetAt(0).getRow(0).getCell(9).getStringCellValue());
        }
    }

    private WebClient signedIn(String email) {
        WebClient client = new WebClient(base.toString());
        client.signIn(email, TestDatabase.PASSWORD);
        return client;
    }

    private String download(String email, long grantId, String button) {
        HttpResponse<String> response = post(signedIn(email), grantId, button);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), response.headers().toString());
        return response.body();
    }

    private static HttpResponse<String> post(WebClient client, long grantId, String button) {
        return client.post("budget/grant.xhtml?id=" + grantId, form(client, grantId, button));
    }

    /** The period form of the grant's budget page, as the browser would post it with the export button. */
    private static Map<String, String> form(WebClient client, long grantId, String button) {
        HttpResponse<String> page = client.get("budget/grant.xhtml?id=" + grantId);
        assertEquals(200, page.statusCode());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("period", "period");
        form.put("period:from_input", "");
        form.put("period:to_input", "");
        form.put("period:" + button, "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(page.body()));
        return form;
    }
}
