package org.defensefund.tracker.calendar.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.defensefund.tracker.calendar.CalendarFeedService;
import org.defensefund.tracker.calendar.CalendarFeedState;
import org.defensefund.tracker.shared.Settings;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * The "Calendar feed" section of {@code /account/index.xhtml} ({@code WEB-INF/includes/calendar-feed.xhtml}): for the
 * users who may have a feed (the service says who), create its address, replace it (the old one stops working) or
 * turn it off. A new address is shown in full once, right after it is made, with how to subscribe; afterwards only
 * when the feed was made and last read.
 */
@Named
@ViewScoped
public class CalendarFeedBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CalendarFeedService feeds;

    @Inject
    private Settings settings;

    private Boolean offered;
    private boolean loaded;
    private CalendarFeedState state;
    private String newAddress;

    /** Whether the section is shown: the caller may have a feed. */
    public boolean isOffered() {
        if (offered == null) {
            offered = feeds.offered();
        }
        return offered;
    }

    /** The active feed, or null when there is none. */
    public CalendarFeedState getState() {
        if (!loaded) {
            state = feeds.current().orElse(null);
            loaded = true;
        }
        return state;
    }

    public boolean isActive() {
        return getState() != null;
    }

    public void create() {
        issue("account.calendar.created");
    }

    public void replace() {
        issue("account.calendar.replaced");
    }

    public void turnOff() {
        feeds.turnOff();
        newAddress = null;
        loaded = false;
        PageMessages.note("account.calendar.turnedOff");
    }

    /** The address just made, shown this once; null otherwise. */
    public String getNewAddress() {
        return newAddress;
    }

    private void issue(String doneKey) {
        String token = feeds.issue();
        String base = settings.publicUrl();
        newAddress = (base.endsWith("/") ? base : base + "/") + "calendar/" + token + ".ics";
        loaded = false;
        PageMessages.note(doneKey);
    }
}
