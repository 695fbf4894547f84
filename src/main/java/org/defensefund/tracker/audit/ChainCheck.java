package org.defensefund.tracker.audit;

import java.io.Serializable;
import java.util.List;

/**
 * What "verify chain" found: how many entries it read, the entries whose content no longer matches
 * their hash (edited), and the entries whose link to the one before is broken (an entry before them was
 * deleted or edited in its hash).
 */
public record ChainCheck(long checked, List<Long> edited, List<Long> unlinked) implements Serializable {

    public boolean isIntact() {
        return edited.isEmpty() && unlinked.isEmpty();
    }

    public long getChecked() {
        return checked;
    }

    public List<Long> getEdited() {
        return edited;
    }

    public List<Long> getUnlinked() {
        return unlinked;
    }
}
