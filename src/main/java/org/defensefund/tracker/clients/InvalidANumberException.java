package org.defensefund.tracker.clients;

import org.defensefund.tracker.shared.BusinessException;

/** The text given as an A-number is not 8 or 9 digits. */
public class InvalidANumberException extends BusinessException {

    public InvalidANumberException(String text) {
        super("client.aNumber.invalid", "aNumber", text);
    }
}
