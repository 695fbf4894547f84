package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.defensefund.tracker.bench.Html;
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
 * The case list keeps no rows between requests (ForgottenAfterResponse lets them go once a page is written), so
 * every page, sort and return to the first page is read again: thirty cases of one partner page as 25 and 5, sorted
 * by number both ways, back to the first page, each time the right rows and none twice.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CaseListPagingWebIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void pagesAndSortsAreReadAgainEachTime() {
        long partner = TestDatabase.partner(TestDatabase.unique("Paging Legal"));
        long funder = TestDatabase.funder(TestDatabase.unique("Paging Funder"));
        long grant = TestDatabase.grantWithSubAward(TestDatabase.unique("Paging Grant"), funder, partner, "100000.00", "50000.00");
        Set<Long> made = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            made.add(TestDatabase.chargedCase(partner, grant, "GT"));
        }
        WebClient admin = new WebClient(base.toString());
        admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
        String list = admin.get("cases/list.xhtml?partner=" + partner).body();
        List<Html.CaseLink> first = Html.cases(list);
        assertEquals(25, first.size(), "the first page");
        Map<String, String> fields = Html.formFields(list, "cases");
        String numberColumn = Html.sortableColumns(list, "cases:table").get(0);

        List<Html.CaseLink> second = Html.cases(admin.post("cases/list.xhtml", page(fields, 25)).body());
        assertEquals(5, second.size(), "the second page, read again: " + second);
        Set<Long> seen = new HashSet<>();
        first.forEach(c -> seen.add(c.id()));
        second.forEach(c -> seen.add(c.id()));
        assertEquals(made, seen, "all thirty, none twice");

        List<Html.CaseLink> ascending = Html.cases(admin.post("cases/list.xhtml", sort(fields, numberColumn, "1")).body());
        List<Html.CaseLink> descending = Html.cases(admin.post("cases/list.xhtml", sort(fields, numberColumn, "-1")).body());
        assertEquals(25, ascending.size());
        assertEquals(25, descending.size());
        List<String> numbers = java.util.stream.Stream.concat(first.stream(), second.stream()).map(Html.CaseLink::number).sorted().toList();
        assertEquals(numbers.subList(0, 25), ascending.stream().map(Html.CaseLink::number).toList(), "ascending by number");
        List<String> downward = new java.util.ArrayList<>(numbers);
        java.util.Collections.reverse(downward);
        assertEquals(downward.subList(0, 25), descending.stream().map(Html.CaseLink::number).toList(), "descending by number");

        List<Html.CaseLink> backToFirst = Html.cases(admin.post("cases/list.xhtml", page(fields, 0)).body());
        assertEquals(25, backToFirst.size(), "back to the first page");
        assertEquals(descending.stream().map(Html.CaseLink::id).toList(), backToFirst.stream().map(Html.CaseLink::id).toList(),
                "the first page in the order last chosen");
    }

    private static Map<String, String> ajax(Map<String, String> fields, String event) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", "cases:table");
        form.put("jakarta.faces.partial.execute", "cases:table");
        form.put("jakarta.faces.partial.render", "cases:table");
        form.put("jakarta.faces.behavior.event", event);
        form.put("jakarta.faces.partial.event", event);
        form.put("cases:table", "cases:table");
        form.put("cases", "cases");
        form.put("cases:table_encodeFeature", "true");
        return form;
    }

    private static Map<String, String> page(Map<String, String> fields, int first) {
        Map<String, String> form = ajax(fields, "page");
        form.put("cases:table_pagination", "true");
        form.put("cases:table_skipChildren", "true");
        form.put("cases:table_first", String.valueOf(first));
        form.put("cases:table_rows", "25");
        return form;
    }

    private static Map<String, String> sort(Map<String, String> fields, String column, String direction) {
        Map<String, String> form = ajax(fields, "sort");
        form.put("cases:table_sorting", "true");
        form.put("cases:table_sortKey", column);
        form.put("cases:table_sortDir", direction);
        return form;
    }
}
