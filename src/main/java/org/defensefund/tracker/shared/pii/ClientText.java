package org.defensefund.tracker.shared.pii;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A free text of a record about a client ({@link OfClient}) that can name or locate them: a case's notes, a referrer's
 * name and contact, a timeline entry's text and reason, a hearing's or a cost's note, a hold's reason, a consent's address.
 * The audit trail copies such a field's old and new values sealed under the client's own key (never in clear), so that
 * destroying that key (retention, a purge) makes every copy in the trail unreadable; the chain covers the ciphertext. These
 * are also exactly the texts the erasure empties ({@code retention.ErasureStatements}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ClientText {

    /**
     * Whether the field itself holds the text sealed ({@code v2:} under the client's key, the record type and field,
     * {@code Type.field}, as associated data: {@link OpenedTexts}); the trail then copies that ciphertext as it is.
     */
    boolean sealed() default false;
}
