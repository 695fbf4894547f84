package org.defensefund.tracker.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test observer: the {@link MessageDelivered} events the delivery fired, in order. */
@ApplicationScoped
public class DeliveredMessages {

    private final List<MessageDelivered> seen = new CopyOnWriteArrayList<>();

    void heard(@Observes MessageDelivered delivered) {
        seen.add(delivered);
    }

    /** The events about the message with this dedupe key. */
    public List<MessageDelivered> of(String dedupeKey) {
        return seen.stream().filter(e -> e.dedupeKey().equals(dedupeKey)).toList();
    }
}
