package org.defensefund.tracker.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.client.Browser;
import org.defensefund.tracker.testsupport.client.TestDatabase;
import org.defensefund.tracker.testsupport.client.WebClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The funder's dashboard through the pages and its exports: seven cases of funder A's grant (six born in
 * Honduras, one in Guatemala). The Guatemala count shows as "&lt;5" and Honduras as "*" on the page, in
 * the chart's table, in CSV, XLSX and PDF alike; no client appears anywhere; funder B sees none of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardWebIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    private long funderA;
    private long funderB;
    private String grantA;
    private long grantAId;

    @BeforeEach
    void fixture() {
        long partner = TestDatabase.partner(TestDatabase.unique("Dash Web Legal"));
        funderA = TestDatabase.funder(TestDatabase.unique("Dash Foundation A"));
        funderB = TestDatabase.funder(TestDatabase.unique("Dash Foundation B"));
        grantA = TestDatabase.unique("Dash Grant A");
        grantAId = TestDatabase.grantWithSubAward(grantA, funderA, partner, "9000.00", "9000.00");
        TestDatabase.grantWithSubAward(TestDatabase.unique("Dash Grant B"), funderB, partner, "100.00", "100.00");
        for (int i = 0; i < 6; i++) {
            TestDatabase.chargedCase(partner, grantAId, "HN");
        }
        TestDatabase.chargedCase(partner, grantAId, "GT");
    }

    @Test
    void theFunderSeesSuppressedFiguresOnThePageAndNoClient() {
        try (Browser funder = new Browser(base.toString())) {
            funder.signIn(TestDatabase.user("FUNDER", null, funderA), TestDatabase.PASSWORD);
            funder.waitForText(By.tagName("h1"), "Dashboard");
            funder.waitForText(By.id("byCountry"), "Guatemala <5");
            funder.waitForText(By.id("byCountry"), "Honduras *");
            funder.waitForText(By.id("byCountry"), "Total 7");
            funder.waitForText(By.id("kpi-assigned"), "7");
            assertEquals(1, funder.driver().findElements(By.cssSelector("[id$='byCountryChart'] canvas")).size(), "the chart is drawn");
            String page = funder.driver().getPageSource();
            assertFalse(page.contains("Offered"), "no client name on a funder's page");
            assertFalse(page.contains("Dash Grant B"), "nothing of another funder");
            Object widgets = funder.driver() instanceof org.openqa.selenium.JavascriptExecutor js
                    ? js.executeScript("return Object.keys(PrimeFaces.widgets).filter(w => w.indexOf('Chart') >= 0).length") : 0L;
            assertTrue(((Number) widgets).longValue() >= 3, "the charts' scripts ran under the nonce-only script policy: " + widgets);
        }
    }

    @Test
    void exportsCarryTheSameSuppressionAndOtherFundersGetNothing() throws Exception {
        WebClient funder = signedIn(TestDatabase.user("FUNDER", null, funderA));
        String html = funder.get("dashboard/index.xhtml").body();
        int countryChart = html.indexOf("\"labels\":[\"Honduras\",\"Guatemala\"]");
        assertTrue(countryChart > 0, "the country chart's configuration is on the page");
        assertTrue(html.substring(countryChart).startsWith("\"labels\":[\"Honduras\",\"Guatemala\"],\"datasets\":[{\"label\":\"Cases\",\"data\":[null,null]"),
                "the chart leaves both hidden counts out: " + html.substring(countryChart, countryChart + 120));
        String csv = funder.post("dashboard/index.xhtml", form(funder, "csv", null)).body();
        assertTrue(csv.contains("Guatemala,<5"), csv);
        assertTrue(csv.contains("Honduras,*"), csv);
        assertFalse(csv.contains("Honduras,6"));

        HttpResponse<byte[]> xlsx = funder.postForBytes("dashboard/index.xhtml", form(funder, "xlsx", null));
        boolean found = false;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    if (row.getCell(0) != null && "Guatemala".equals(row.getCell(0).getStringCellValue())) {
                        assertEquals("<5", row.getCell(1).getStringCellValue());
                        found = true;
                    }
                }
            }
        }
        assertTrue(found, "the country table is in the workbook");

        HttpResponse<byte[]> pdf = funder.postForBytes("dashboard/index.xhtml", form(funder, "pdf", null));
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.body());
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(page));
        }
        assertTrue(text.toString().contains("Guatemala <5"), text.toString());
        assertFalse(text.toString().contains("Offered"));

        WebClient other = signedIn(TestDatabase.user("FUNDER", null, funderB));
        String forged = other.post("dashboard/index.xhtml", form(other, "apply", String.valueOf(grantAId))).body();
        assertFalse(forged.contains(grantA), "another funder's grant id in the POST shows nothing of it");
        assertFalse(forged.contains("Guatemala"));
        String otherCsv = other.post("dashboard/index.xhtml", form(other, "csv", null)).body();
        assertFalse(otherCsv.contains("Guatemala"), otherCsv);

        WebClient staff = signedIn(TestDatabase.user("PARTNER", TestDatabase.partner(TestDatabase.unique("No Dash Legal")), null));
        assertEquals(403, staff.get("dashboard/index.xhtml").statusCode());
    }

    private WebClient signedIn(String email) {
        WebClient client = new WebClient(base.toString());
        client.signIn(email, TestDatabase.PASSWORD);
        return client;
    }

    /** The dashboard's filter form as a browser posts it, pressing one button; a grant id if given. */
    private static Map<String, String> form(WebClient client, String button, String grantId) {
        HttpResponse<String> page = client.get("dashboard/index.xhtml");
        assertEquals(200, page.statusCode());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("filters", "filters");
        form.put("filters:preset_input", "YEAR_TO_DATE");
        form.put("filters:from_input", "");
        form.put("filters:to_input", "");
        form.put("filters:grant_input", grantId == null ? "" : grantId);
        form.put("filters:" + button, "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(page.body()));
        return form;
    }
}
