package org.defensefund.tracker.shared.pii;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the converters that encrypt an attribute in its column. The audit trail looks for them
 * ({@code @Convert(converter = ...)} on a field, or with {@code attributeName} on an embedded one) and
 * records that such a field changed, never its value. An annotation, not an interface: EclipseLink
 * reads a converter's types from the interfaces it implements and must see only {@code AttributeConverter}. On a field:
 * the field holds a value its entity sealed itself (a client's, under the client's key), with the same meaning.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface EncryptedAttribute {
}
