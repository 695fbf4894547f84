package org.defensefund.tracker.shared.pii;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The clear values of a record's sealed texts ({@link ClientText#sealed()}), in memory only: each opened on first read,
 * or as last set. A record keeps the {@code v2:} ciphertext in its mapped field and one of these beside it (not mapped),
 * so a page that reads a note ten times decrypts it once, and a text set on a record not yet attached to its case (whose
 * client's key is not known yet) is kept until it is sealed.
 */
public final class OpenedTexts implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> clear = new HashMap<>();

    /** The text of a field: as set or opened before, else {@code opener} applied to what is stored (null stays null). */
    public String get(String field, String stored, UnaryOperator<String> opener) {
        if (clear.containsKey(field)) {
            return clear.get(field);
        }
        if (stored == null) {
            return null;
        }
        String value = opener.apply(stored);
        clear.put(field, value);
        return value;
    }

    /** Remembers a field's new text (sealed by the caller). */
    public void set(String field, String value) {
        clear.put(field, value);
    }

    /** The column name a sealed text is bound to: {@code Type.field}, as the audit trail names it. */
    public static String column(Object record, String field) {
        return record.getClass().getSimpleName() + "." + field;
    }
}
