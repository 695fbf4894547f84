package org.defensefund.tracker.shared.pii;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A date attribute stored encrypted ({@link PiiCipher}) as its ISO text ({@code 1990-04-12}): apply with {@code @Convert}. */
@Converter
@EncryptedAttribute
public class EncryptedDateConverter implements AttributeConverter<LocalDate, String> {

    @Override
    public String convertToDatabaseColumn(LocalDate attribute) {
        return attribute == null ? null : PiiCipher.current().encrypt(attribute.toString());
    }

    @Override
    public LocalDate convertToEntityAttribute(String column) {
        String text = PiiCipher.current().decrypt(column);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new PiiDecryptionException("Stored personal data decrypted to no date", e);
        }
    }
}
