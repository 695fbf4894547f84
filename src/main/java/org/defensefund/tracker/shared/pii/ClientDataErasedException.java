package org.defensefund.tracker.shared.pii;

/**
 * The client's own key was destroyed (an erasure: retention, an emergency purge): nothing encrypted under it can be read
 * any more, by design. Not a fault: a page shows the client as "Client data erased".
 */
public class ClientDataErasedException extends PiiDecryptionException {

    private static final long serialVersionUID = 1L;

    private final long clientId;

    public ClientDataErasedException(long clientId) {
        super("The personal data of client " + clientId + " is erased: their key was destroyed", null);
        this.clientId = clientId;
    }

    /** The client whose key is gone. */
    public long clientId() {
        return clientId;
    }
}
