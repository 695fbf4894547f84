package org.defensefund.tracker.shared.pii;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A text attribute stored encrypted ({@link PiiCipher}): apply with {@code @Convert} on the attribute.
 * Blank text is stored as null. An encrypted column can't be searched, sorted or compared in SQL.
 */
@Converter
@EncryptedAttribute
public class EncryptedStringConverter implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return attribute == null || attribute.isBlank() ? null : PiiCipher.current().encrypt(attribute);
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return PiiCipher.current().decrypt(column);
    }
}
