package org.defensefund.tracker.cases;

import java.io.Serializable;
import org.defensefund.tracker.partners.PartnerOrganization;

/**
 * How well a partner fits a case on the offer screen: its open cases against capacity, whether it works
 * in the client's language and takes this kind of custody, and whether it has a conflict (then it can't
 * be chosen at all).
 */
public record PartnerMatch(PartnerOrganization partner, long openCases, boolean speaksLanguage,
                           boolean practiceFits, boolean conflicted) implements Serializable {

    public int getCapacity() {
        return partner.getCaseCapacity();
    }

    /** Its open cases against its capacity. */
    public CaseLoad load() {
        return new CaseLoad(openCases, partner.getCaseCapacity());
    }

    public long getRoomLeft() {
        return load().roomLeft();
    }

    public boolean isSelectable() {
        return !conflicted;
    }

    /** Higher is a better fit: practice, then room, then language. */
    public int score() {
        if (conflicted) {
            return Integer.MIN_VALUE;
        }
        return (practiceFits ? 4 : 0) + (getRoomLeft() > 0 ? 2 : -4) + (speaksLanguage ? 2 : 0);
    }
}
