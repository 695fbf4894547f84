package org.defensefund.tracker.clients;

import java.util.Optional;
import org.defensefund.tracker.shared.pii.PiiCipher;

/**
 * An alien registration number (A-number): nine digits, often written "A 234 567 890" or "A-234-567-890".
 * Older numbers have eight digits and take a leading zero. Stored normalised to nine digits, shown as
 * "A 234 567 890".
 */
public record ANumber(String digits) {

    public ANumber {
        if (digits == null || !digits.matches("\\d{9}")) {
            throw new IllegalArgumentException("an A-number has nine digits");
        }
    }

    /**
     * Reads an A-number as people type it: an optional leading "A", spaces, dashes and dots are
     * ignored; 8 digits get a leading zero. Empty input is no A-number; anything else that isn't 8 or
     * 9 digits is invalid.
     */
    public static Optional<ANumber> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String cleaned = text.trim().toUpperCase().replaceFirst("^A", "").replaceAll("[\\s.\\-]", "");
        if (!cleaned.matches("\\d{8,9}")) {
            throw new InvalidANumberException(text);
        }
        return Optional.of(new ANumber(cleaned.length() == 8 ? "0" + cleaned : cleaned));
    }

    /**
     * The keyed hash of the nine digits (HMAC-SHA256 under the server's hash key, see {@link PiiCipher}):
     * what the {@code a_number_hash} column holds, unique, and what an exact A-number search compares.
     */
    public String keyedHash() {
        return PiiCipher.current().keyedHash(digits);
    }

    /** "A 234 567 890". */
    public String display() {
        return "A " + digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }

    @Override
    public String toString() {
        return display();
    }
}
