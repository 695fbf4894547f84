package org.defensefund.tracker.dashboards.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.defensefund.tracker.dashboards.Breakdown;
import org.defensefund.tracker.dashboards.Cell;
import org.defensefund.tracker.dashboards.Dashboard;
import org.defensefund.tracker.dashboards.DashboardScope;
import org.defensefund.tracker.dashboards.DashboardService;
import org.defensefund.tracker.dashboards.MonthRow;
import org.defensefund.tracker.dashboards.PeriodPreset;
import org.defensefund.tracker.funding.Funder;
import org.defensefund.tracker.funding.FunderService;
import org.defensefund.tracker.funding.Grant;
import org.defensefund.tracker.funding.GrantService;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.Settings;
import org.defensefund.tracker.shared.export.ReportTable;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.shared.web.Countries;
import org.defensefund.tracker.shared.web.Downloads;
import org.defensefund.tracker.shared.web.ForgottenAfterResponse;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /dashboard/index.xhtml}: the funder's dashboard of what their grants fund, or the fund's for an
 * administrator, who can choose a funder, a grant or a partner and see the figures as funders do
 * (suppressed). A period preset or a custom range; charts with their numbers as tables; CSV, XLSX and
 * PDF exports made from the same suppressed figures.
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private FundClock clock;

    @Inject
    private DashboardService dashboards;

    @Inject
    private GrantService grants;

    @Inject
    private FunderService funders;

    @Inject
    private PartnerService partners;


    @Inject
    private Settings settings;

    @Inject
    private Countries countries;

    private PeriodPreset preset = PeriodPreset.YEAR_TO_DATE;
    private LocalDate from;
    private LocalDate to;
    private Long funderId;
    private Long grantId;
    private Long partnerId;
    private boolean asFundersSeeIt;
    /** What the dashboard shown was asked for: it is read again from these when a response needs it. */
    private DashboardScope shownScope;
    private LocalDate shownFrom;
    private LocalDate shownTo;
    private boolean shownAsFundersSeeIt;
    /** The figures, kept for one response only (ForgottenAfterResponse), not in the session with the view. */
    private transient Dashboard dashboard;
    private List<Grant> grantChoices;
    private List<Funder> funderChoices = List.of();
    private List<PartnerOrganization> partnerChoices = List.of();

    @PostConstruct
    void init() {
        grantChoices = grants.list(new ListQuery(0, ListQuery.MAX_PAGE_SIZE, "name", true, Map.of()));
        if (dashboards.choosesAnyScope()) {
            funderChoices = funders.active();
            partnerChoices = partners.active();
        }
        LocalDate[] range = preset.range(clock.today());
        from = range[0];
        to = range[1];
        show(dashboards.dashboard(scope(), from, to, asFundersSeeIt), asFundersSeeIt);
    }

    /** Shows the dashboard for the chosen scope and period (a preset's dates, or the typed range). */
    public void apply() {
        try {
            if (preset != PeriodPreset.CUSTOM) {
                LocalDate[] range = preset.range(clock.today());
                from = range[0];
                to = range[1];
            }
            show(dashboards.dashboard(scope(), from, to, asFundersSeeIt), asFundersSeeIt);
        } catch (BusinessException e) {
            PageMessages.show(e, "filters");
        }
    }

    private void show(Dashboard shown, boolean asFunders) {
        dashboard = shown;
        shownScope = shown.scope();
        shownFrom = shown.from();
        shownTo = shown.to();
        shownAsFundersSeeIt = asFunders;
        ForgottenAfterResponse.forget(this, () -> dashboard = null);
    }

    private DashboardScope scope() {
        return new DashboardScope(funderId, grantId, partnerId);
    }

    /** What a count is called: its bundle text for fixed categories, the country's name, or the stored name. */
    public String label(Breakdown breakdown, Cell cell) {
        return DashboardReports.label(breakdown.title(), cell, countries);
    }

    public String shown(Cell cell) {
        return cell.shownAs(getDashboard().getThreshold());
    }

    /** A bar chart (Chart.js configuration for {@code p:chart}) of a breakdown; hidden counts are left out. */
    public String chart(Breakdown breakdown) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (Cell cell : breakdown.cells()) {
            labels.add(label(breakdown, cell));
            if (cell.isHidden()) {
                values.addNull();
            } else {
                values.add(cell.value());
            }
        }
        return scriptSafe(Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels)
                        .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("label", PageMessages.text("dashboard.cases")).add("data", values).add("backgroundColor", "#2f6f9f"))))
                .add("options", Json.createObjectBuilder().add("indexAxis", "y").add("animation", false)
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("display", false))))
                .build().toString());
    }

    /** The monthly trend as a line chart: referrals and closures (hidden counts left out). */
    public String trendChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder referrals = Json.createArrayBuilder();
        JsonArrayBuilder closures = Json.createArrayBuilder();
        for (MonthRow row : getDashboard().trend()) {
            labels.add(row.month());
            add(referrals, row.referrals());
            add(closures, row.closures());
        }
        return scriptSafe(Json.createObjectBuilder()
                .add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", PageMessages.text("dashboard.trendReferrals")).add("data", referrals)
                                .add("borderColor", "#2f6f9f"))
                        .add(Json.createObjectBuilder().add("label", PageMessages.text("dashboard.trendClosures")).add("data", closures)
                                .add("borderColor", "#b35c00"))))
                .add("options", Json.createObjectBuilder().add("animation", false))
                .build().toString());
    }

    /**
     * A chart's JSON as PrimeFaces writes it, inside a {@code <script>} element: names typed by users (a
     * partner's, a country's) keep their {@code <}, {@code >} and {@code &} as JSON escapes, so a name holding
     * {@code </script>} can't end the script and start markup of its own.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static void add(JsonArrayBuilder values, Cell cell) {
        if (cell.isHidden()) {
            values.addNull();
        } else {
            values.add(cell.value());
        }
    }

    public void exportCsv() {
        Downloads.csv(tables(), fileName());
    }

    public void exportXlsx() {
        Downloads.xlsx(tables(), fileName());
    }

    public void exportPdf() {
        Downloads.pdf(PageMessages.text("dashboard.title"), DashboardReports.context(getDashboard(), scopeName()), tables(), fileName());
    }

    private List<ReportTable> tables() {
        return DashboardReports.tables(getDashboard(), countries);
    }

    private String fileName() {
        return "dashboard-" + getDashboard().from() + "-to-" + getDashboard().to();
    }

    /** The scope in words: the funder, grant or partner chosen, or the whole fund. */
    public String scopeName() {
        List<String> parts = new ArrayList<>();
        DashboardScope scope = getDashboard().scope();
        Optional<Funder> own = funders.own();
        if (own.isPresent()) {
            parts.add(own.get().getName());
        } else if (scope.funderId() != null) {
            funderChoices.stream().filter(f -> f.getId().equals(scope.funderId())).findFirst().ifPresent(f -> parts.add(f.getName()));
        }
        if (scope.grantId() != null) {
            grantChoices.stream().filter(g -> g.getId().equals(scope.grantId())).findFirst().ifPresent(g -> parts.add(g.getName()));
        }
        if (scope.partnerId() != null) {
            partnerChoices.stream().filter(p -> p.getId().equals(scope.partnerId())).findFirst().ifPresent(p -> parts.add(p.getName()));
        }
        return parts.isEmpty() ? PageMessages.text("dashboard.wholeFund") : String.join(" · ", parts);
    }

    public List<Breakdown> getBreakdowns() {
        return List.of(getDashboard().byPartner(), getDashboard().byCountry(), getDashboard().byLanguage(), getDashboard().byCourt());
    }

    public PeriodPreset[] getPresets() {
        return PeriodPreset.values();
    }

    /** The dashboard shown: read for this response (again, with today's figures, after an earlier one). */
    public Dashboard getDashboard() {
        if (dashboard == null) {
            show(dashboards.dashboard(shownScope, shownFrom, shownTo, shownAsFundersSeeIt), shownAsFundersSeeIt);
        }
        return dashboard;
    }

    public List<Grant> getGrantChoices() {
        return grantChoices;
    }

    public List<Funder> getFunderChoices() {
        return funderChoices;
    }

    public List<PartnerOrganization> getPartnerChoices() {
        return partnerChoices;
    }

    public PeriodPreset getPreset() {
        return preset;
    }

    public void setPreset(PeriodPreset preset) {
        this.preset = preset;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Long getFunderId() {
        return funderId;
    }

    public void setFunderId(Long funderId) {
        this.funderId = funderId;
    }

    public Long getGrantId() {
        return grantId;
    }

    public void setGrantId(Long grantId) {
        this.grantId = grantId;
    }

    public Long getPartnerId() {
        return partnerId;
    }

    public void setPartnerId(Long partnerId) {
        this.partnerId = partnerId;
    }

    public boolean isAsFundersSeeIt() {
        return asFundersSeeIt;
    }

    public void setAsFundersSeeIt(boolean asFundersSeeIt) {
        this.asFundersSeeIt = asFundersSeeIt;
    }
}
