package org.defensefund.tracker.deadlines.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.deadlines.DeadlineRule;
import org.defensefund.tracker.deadlines.DeadlineRulePeriod;
import org.defensefund.tracker.deadlines.DeadlineService;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /admin/deadline-rules.xhtml}: the deadline rules, their legal source and period, each period kept with the rules
 * editable; the others say where their timing is set.
 */
@Named
@ViewScoped
public class DeadlineRulesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private DeadlineService deadlines;

    @Inject
    private org.defensefund.tracker.shared.Settings settings;

    private List<DeadlineRulePeriod> periods;
    private final Map<DeadlineRule, String> edited = new EnumMap<>(DeadlineRule.class);

    public void load() {
        periods = deadlines.periods();
        periods.forEach(p -> edited.put(p.getRule(), String.valueOf(p.getPeriod())));
    }

    public String save(DeadlineRulePeriod period) {
        try {
            deadlines.setPeriod(period.getRule(), period.getVersion(), days(edited.get(period.getRule())));
            PageMessages.done("admin_deadlineRules.saved");
            return "deadline-rules?faces-redirect=true";
        } catch (BusinessException e) {
            PageMessages.show(new BusinessException(e.messageKey(), null, e.arguments()), null);
            return null;
        }
    }

    /** The typed period as a number; anything else is 0, which the rule refuses with its range. */
    private static int days(String typed) {
        try {
            return typed == null ? 0 : Integer.parseInt(typed.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The rules whose timing is set elsewhere (a server setting, each grant's schedule), shown with where. */
    public List<DeadlineRule> getSetElsewhere() {
        return java.util.Arrays.stream(DeadlineRule.values()).filter(r -> !r.hasPeriod()).toList();
    }

    /** The hours a partner has to answer an offer. */
    public long getOfferHours() {
        return settings.offerResponseTime().toHours();
    }

    public List<DeadlineRulePeriod> getPeriods() {
        return periods;
    }

    /** The period typed for each rule, by rule. */
    public Map<DeadlineRule, String> getEdited() {
        return edited;
    }
}
