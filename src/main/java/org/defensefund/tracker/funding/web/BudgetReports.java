package org.defensefund.tracker.funding.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.funding.BudgetFigures;
import org.defensefund.tracker.funding.CostLine;
import org.defensefund.tracker.funding.Grant;
import org.defensefund.tracker.funding.SubAward;
import org.defensefund.tracker.shared.export.ReportTable;
import org.defensefund.tracker.shared.web.PageMessages;

/** The grant and sub-award reports as tables, headed in the page's language, for CSV and XLSX exports. */
final class BudgetReports {

    private BudgetReports() {
    }

    /** One row per sub-award (partner, period, money, cases), then the grant's total row. */
    static ReportTable grant(Grant grant, BudgetFigures total, List<SubAward> subAwards, Map<Long, BudgetFigures> figures,
                             Map<Long, String> partnerNames) {
        List<List<Object>> rows = new ArrayList<>();
        for (SubAward subAward : subAwards) {
            BudgetFigures f = figures.get(subAward.getId());
            rows.add(money(partnerNames.get(subAward.getPartnerId()), subAward.getPeriodStart(), subAward.getPeriodEnd(), f));
        }
        rows.add(money(PageMessages.text("budget_report.total"), grant.getPeriodStart(), grant.getPeriodEnd(), total));
        return new ReportTable(grant.getName(), headings("budget_report.partner", "budget_report.start", "budget_report.end",
                "budget_report.awarded", "budget_report.committed", "budget_report.approved", "budget_report.paid",
                "budget_report.remaining", "budget_report.cases", "budget_report.costPerCase"), rows);
    }

    private static List<Object> money(String name, LocalDate start, LocalDate end, BudgetFigures f) {
        List<Object> row = new ArrayList<>();
        row.add(name);
        row.add(start);
        row.add(end);
        row.add(f.awarded());
        row.add(f.committed());
        row.add(f.approved());
        row.add(f.paid());
        row.add(f.getRemaining());
        row.add(f.casesFunded());
        row.add(f.getCostPerCase());
        return row;
    }

    /** One row per cost of a sub-award: case number, date, category, hours, rate, amount, decision, payment. */
    static ReportTable subAward(String title, List<CostLine> costs) {
        List<List<Object>> rows = new ArrayList<>();
        for (CostLine line : costs) {
            List<Object> row = new ArrayList<>();
            row.add(line.caseNumber());
            row.add(line.cost().getCostDate());
            row.add(PageMessages.text(PageMessages.enumKey(line.cost().getCategory())));
            row.add(line.cost().getHours());
            row.add(line.cost().getRate());
            row.add(line.cost().getAmount());
            row.add(PageMessages.text(PageMessages.enumKey(line.cost().getStatus())));
            row.add(line.payment() == null ? null : PageMessages.text(PageMessages.enumKey(line.payment().getStatus())));
            row.add(line.payment() == null ? null : line.payment().getPaidDate());
            rows.add(row);
        }
        return new ReportTable(title, headings("budget_report.case", "budget_report.date", "budget_report.category",
                "budget_report.hours", "budget_report.rate", "budget_report.amount", "budget_report.status",
                "budget_report.payment", "budget_report.paidOn"), rows);
    }

    private static List<String> headings(String... keys) {
        return java.util.Arrays.stream(keys).map(PageMessages::text).toList();
    }
}
