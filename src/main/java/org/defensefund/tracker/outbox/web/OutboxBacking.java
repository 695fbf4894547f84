package org.defensefund.tracker.outbox.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.outbox.OutboxEntry;
import org.defensefund.tracker.outbox.OutboxService;
import org.defensefund.tracker.outbox.OutboxStatus;

/**
 * {@code /admin/outbox.xhtml}: how many messages are pending, sent and failed, and the latest ones with their delivery
 * (administrators; the service refuses everyone else).
 */
@Named
@RequestScoped
public class OutboxBacking {

    @Inject
    private OutboxService outbox;

    private Map<OutboxStatus, Long> counts;
    private List<OutboxEntry> messages;

    public void load() {
        counts = outbox.counts();
        messages = outbox.recent(null, OutboxService.RECENT_MAX);
    }

    /** The statuses in their order, for the counts. */
    public OutboxStatus[] getStatuses() {
        return OutboxStatus.values();
    }

    public Map<OutboxStatus, Long> getCounts() {
        return counts;
    }

    public List<OutboxEntry> getMessages() {
        return messages;
    }
}
