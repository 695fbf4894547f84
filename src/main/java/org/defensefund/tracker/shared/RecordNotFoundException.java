package org.defensefund.tracker.shared;

/** The requested record does not exist; the web layer answers it with the 404 page. */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
