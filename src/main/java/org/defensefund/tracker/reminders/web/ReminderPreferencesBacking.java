package org.defensefund.tracker.reminders.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.defensefund.tracker.reminders.ReminderChoice;
import org.defensefund.tracker.reminders.ReminderService;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * The reminders' section of {@code /account/index.xhtml} ({@code WEB-INF/includes/reminder-preferences.xhtml}): the
 * signed-in user's choice of the daily digest and the immediate e-mails, for those who get reminders (the service says
 * who: administrators and partner staff).
 */
@Named
@ViewScoped
public class ReminderPreferencesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ReminderService reminders;

    private boolean offered;
    private boolean dailyDigest;
    private boolean immediate;

    @PostConstruct
    void init() {
        offered = reminders.receivesReminders();
        if (offered) {
            ReminderChoice choice = reminders.ownChoice();
            dailyDigest = choice.dailyDigest();
            immediate = choice.immediate();
        }
    }

    public void save() {
        ReminderChoice saved = reminders.chooseOwn(dailyDigest, immediate);
        dailyDigest = saved.dailyDigest();
        immediate = saved.immediate();
        PageMessages.done("account.reminders.saved");
    }

    /** Whether the signed-in user gets reminders, so the section is shown. */
    public boolean isOffered() {
        return offered;
    }

    public boolean isDailyDigest() {
        return dailyDigest;
    }

    public void setDailyDigest(boolean dailyDigest) {
        this.dailyDigest = dailyDigest;
    }

    public boolean isImmediate() {
        return immediate;
    }

    public void setImmediate(boolean immediate) {
        this.immediate = immediate;
    }
}
