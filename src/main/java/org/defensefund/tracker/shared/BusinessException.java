package org.defensefund.tracker.shared;

import java.util.Arrays;

/**
 * A rule of the domain was broken by the request (a duplicate name, a stale edit, an illegal transition).
 * Pages show it as a message, beside {@link #field()} when there is one; nothing is saved.
 * The message is a bundle key with arguments, so every language can say it.
 */
public class BusinessException extends RuntimeException {

    private final String messageKey;
    private final String field;
    private final transient Object[] arguments;

    public BusinessException(String messageKey, String field, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.field = field;
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    public static BusinessException general(String messageKey, Object... arguments) {
        return new BusinessException(messageKey, null, arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    /** The form field the problem belongs to, or null for the whole form. */
    public String field() {
        return field;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + messageKey + ", field=" + field + ", args=" + Arrays.toString(arguments) + "]";
    }
}
