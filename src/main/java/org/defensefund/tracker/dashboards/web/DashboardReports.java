package org.defensefund.tracker.dashboards.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.defensefund.tracker.dashboards.Breakdown;
import org.defensefund.tracker.dashboards.Cell;
import org.defensefund.tracker.dashboards.Dashboard;
import org.defensefund.tracker.dashboards.Durations;
import org.defensefund.tracker.dashboards.GrantSpend;
import org.defensefund.tracker.dashboards.MonthRow;
import org.defensefund.tracker.shared.export.ReportTable;
import org.defensefund.tracker.shared.web.Countries;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * The dashboard as tables for the exports, from the figures the page shows: hidden counts are "&lt;5" or
 * "*" here too, because the service never hands their values out.
 */
final class DashboardReports {

    /** Breakdowns whose categories are fixed keys with their own bundle texts. */
    private static final Set<String> KEYED = Set.of("custodyStatus", "activity");

    private DashboardReports() {
    }

    static String label(String breakdown, Cell cell, Countries countries) {
        if (cell.key() == null || cell.key().isEmpty()) {
            return PageMessages.text("dashboard.unknown");
        }
        if (KEYED.contains(breakdown) || "total".equals(cell.key())) {
            return PageMessages.text("dashboard_cell." + cell.key());
        }
        if ("byCountry".equals(breakdown)) {
            return countries.name(cell.key());
        }
        return cell.label();
    }

    static List<String> context(Dashboard d, String scope) {
        return List.of(PageMessages.text("dashboard.scope") + ": " + scope,
                PageMessages.text("dashboard.period") + ": " + d.from() + " – " + d.to(),
                d.isSuppressed() ? PageMessages.text("dashboard.suppressionNote", d.getThreshold()) : PageMessages.text("dashboard.exact"));
    }

    static List<ReportTable> tables(Dashboard d, Countries countries) {
        int t = d.getThreshold();
        List<ReportTable> tables = new ArrayList<>();
        List<List<Object>> activity = new ArrayList<>();
        for (Cell cell : d.activity()) {
            activity.add(List.of(PageMessages.text("dashboard_cell." + cell.key()), cell.shownAs(t)));
        }
        activity.add(durationRow("dashboard.toAssignment", d.toAssignment(), t));
        activity.add(durationRow("dashboard.toFirstAction", d.toFirstAction(), t));
        tables.add(new ReportTable(PageMessages.text("dashboard.activity"), List.of(PageMessages.text("dashboard.measure"),
                PageMessages.text("dashboard.value")), activity));
        for (Breakdown b : List.of(d.custodyStatus(), d.outcomes(), d.custodyResults(), d.byPartner(), d.byCountry(), d.byLanguage(), d.byCourt())) {
            tables.add(breakdown(b, t, countries));
        }
        String rate = d.success().percent() == null ? PageMessages.text("dashboard.rateHidden") : d.success().percent().toPlainString() + "%";
        tables.add(new ReportTable(PageMessages.text("dashboard.success"), List.of(PageMessages.text("dashboard.successes"),
                PageMessages.text("dashboard.completed"), PageMessages.text("dashboard.rate")),
                List.of(List.of(d.success().successes().shownAs(t), d.success().completed().shownAs(t), rate))));
        List<List<Object>> spend = new ArrayList<>();
        for (GrantSpend g : d.spend()) {
            spend.add(List.of(g.grant(), g.awarded(), g.approved(), g.paid()));
        }
        tables.add(new ReportTable(PageMessages.text("dashboard.spend"), List.of(PageMessages.text("dashboard.grant"),
                PageMessages.text("budget.awarded"), PageMessages.text("budget.approved"), PageMessages.text("budget.paid")), spend));
        List<List<Object>> trend = new ArrayList<>();
        for (MonthRow row : d.trend()) {
            trend.add(List.of(row.month(), row.referrals().shownAs(t), row.closures().shownAs(t), row.spend()));
        }
        tables.add(new ReportTable(PageMessages.text("dashboard.trend"), List.of(PageMessages.text("dashboard.month"),
                PageMessages.text("dashboard.trendReferrals"), PageMessages.text("dashboard.trendClosures"),
                PageMessages.text("dashboard.trendSpend")), trend));
        return tables;
    }

    private static List<Object> durationRow(String key, Durations durations, int threshold) {
        String value = durations.median() == null ? durations.cases().shownAs(threshold)
                : PageMessages.text("dashboard.durationValue", durations.median().toPlainString(), durations.p90().toPlainString(), durations.cases().shownAs(threshold));
        return List.of(PageMessages.text(key), value);
    }

    private static ReportTable breakdown(Breakdown b, int threshold, Countries countries) {
        List<List<Object>> rows = new ArrayList<>();
        for (Cell cell : b.cells()) {
            rows.add(List.of(label(b.title(), cell, countries), cell.shownAs(threshold)));
        }
        rows.add(List.of(PageMessages.text("dashboard_cell.total"), b.total().shownAs(threshold)));
        return new ReportTable(PageMessages.text("dashboard." + b.title()), List.of(PageMessages.text("dashboard.category"),
                PageMessages.text("dashboard.cases")), rows);
    }
}
