package org.defensefund.tracker.bench;

import java.util.List;
import java.util.Map;

/**
 * Requests each measured page once more outside the load, signed in as each role, so {@link SqlFloor} can capture
 * the SQL it issues. The page names are the request names of {@link TrackerSimulation}, so the report can put each
 * page beside its floor; the requests are the same (same queues, a case from the list, the same form posts).
 */
final class SqlCapture {

    private final BenchSettings settings;
    private final SqlFloor floor;
    private final BenchAccount admin;
    private final BenchAccount partner;
    private final BenchAccount funder;

    SqlCapture(BenchSettings settings, SqlFloor floor, BenchAccount admin, BenchAccount partner, BenchAccount funder) {
        this.settings = settings;
        this.floor = floor;
        this.admin = admin;
        this.partner = partner;
        this.funder = funder;
    }

    void run() {
        if (!floor.available()) {
            return;
        }
        try {
            BenchClient client = signedIn(admin);
            get(client, "admin home", "index.xhtml");
            for (String queue : TrackerSimulation.ADMIN_QUEUES) {
                get(client, "admin list " + queue, "cases/list.xhtml?queue=" + queue);
            }
            List<Html.CaseLink> cases = Html.cases(get(client, "admin list ALL", "cases/list.xhtml?queue=ALL"));
            get(client, "admin search name", "cases/list.xhtml?q=" + settings.searchName());
            get(client, "admin search A-number", "cases/list.xhtml?q=" + settings.searchANumber());
            if (!cases.isEmpty()) {
                get(client, "admin search case number", "cases/list.xhtml?q=" + cases.get(0).number());
                get(client, "admin open case", "cases/detail.xhtml?id=" + chosen(cases).id());
            }

            client = signedIn(partner);
            get(client, "partner home", "index.xhtml");
            String last = "";
            for (String queue : TrackerSimulation.PARTNER_QUEUES) {
                last = get(client, "partner list " + queue, "cases/list.xhtml?queue=" + queue);
            }
            List<Html.CaseLink> own = Html.cases(last);
            if (!own.isEmpty()) {
                get(client, "partner open case", "cases/detail.xhtml?id=" + chosen(own).id());
                get(client, "partner case costs", "cases/costs.xhtml?id=" + chosen(own).id());
            }

            BenchClient funderClient = signedIn(funder);
            String dashboard = get(funderClient, "funder dashboard", "dashboard/index.xhtml");
            for (String preset : TrackerSimulation.PRESETS) {
                String page = dashboard;
                floor.capture("funder dashboard " + preset, () -> {
                    Map<String, String> form = Html.formFields(page, "filters");
                    form.put("filters", "filters");
                    form.put("filters:preset_input", preset);
                    form.put("filters:from_input", "");
                    form.put("filters:to_input", "");
                    form.put("filters:apply", "");
                    return funderClient.post(BenchClient.formAction(page, "filters"), form);
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("the SQL capture failed: " + e.getMessage(), e);
        }
    }

    private static Html.CaseLink chosen(List<Html.CaseLink> cases) {
        return cases.stream().filter(c -> c.status().equals("ASSIGNED")).findFirst().orElse(cases.get(0));
    }

    private BenchClient signedIn(BenchAccount account) throws InterruptedException {
        BenchClient client = new BenchClient(settings.url());
        client.signIn(account);
        return client;
    }

    /** Captures the page's SQL and returns its markup. */
    private String get(BenchClient client, String page, String path) throws Exception {
        return floor.capture(page, () -> client.get(path)).body();
    }
}
