package org.defensefund.tracker.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.defensefund.tracker.shared.pii.ClientText;
import org.defensefund.tracker.shared.pii.EncryptedAttribute;
import org.defensefund.tracker.shared.pii.Keyring;

/**
 * The persistent state of an entity as text, field by field, for the audit trail: simple values as
 * they print, another entity by its id, a collection as the sorted list of its members, embedded
 * values flattened ({@code address.city}). Password hashes, secrets and the hashes of one-time links
 * and recovery codes are never copied.
 *
 * <p>Personal data encrypted at rest (an attribute with an {@link EncryptedAttribute} converter, on the
 * field or, for an embedded value, named by {@code @Convert(attributeName = ...)}) is never copied
 * either, neither its value nor its ciphertext: the snapshot holds an in-memory fingerprint (HMAC under
 * a random key made at start and never stored), so that a change is still seen, and {@link #recorded}
 * turns it into {@value #PERSONAL_DATA} before anything is written. The entry shows that the A-number
 * changed, not what it was or became.
 *
 * <p>A client's free texts ({@link ClientText}: notes, a referrer's contact, timeline texts) are kept in clear in the
 * snapshot, in memory, so that a change is seen, and {@link #recorded(Map, SealedTexts)} seals them under the client's
 * own key before anything is written ({@link SealedTexts}); a text its record keeps sealed already is copied as that
 * ciphertext (which changes only when the text does).
 */
final class Snapshots {

    /** What the trail shows for an encrypted attribute that has a value. */
    static final String PERSONAL_DATA = "[personal data, not recorded]";

    /** Starts a client's text ({@link ClientText}) inside a snapshot, in memory only; sealed by {@link #recorded}. */
    private static final String CLIENT_TEXT = "\0text:";

    /** Starts a client's text that its record keeps sealed ({@link ClientText#sealed()}): the trail copies the ciphertext. */
    private static final String CLIENT_SEALED = "\0sealed:";

    /** Starts an encrypted attribute's fingerprint inside a snapshot; a NUL never comes from a form. */
    private static final String FINGERPRINT = "\0pii:";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Per-start key of the fingerprints: they only compare two snapshots in memory, and never leave it. */
    private static final SecretKeySpec FINGERPRINT_KEY = new SecretKeySpec(randomKey(), "HmacSHA256");

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    private Snapshots() {
    }

    /** The values as the trail stores them: encrypted attributes' fingerprints replaced by {@value #PERSONAL_DATA}. */
    static Map<String, String> recorded(Map<String, String> values) {
        return recorded(values, null);
    }

    /**
     * The values as the trail stores them: encrypted attributes' fingerprints replaced by {@value #PERSONAL_DATA}, a
     * client's texts sealed under the client's key by {@code texts} ({@value #PERSONAL_DATA} without one).
     */
    static Map<String, String> recorded(Map<String, String> values, SealedTexts texts) {
        if (values == null) {
            return null;
        }
        Map<String, String> recorded = new TreeMap<>();
        values.forEach((name, value) -> {
            if (value != null && value.startsWith(FINGERPRINT)) {
                recorded.put(name, PERSONAL_DATA);
            } else if (value != null && value.startsWith(CLIENT_SEALED)) {
                recorded.put(name, texts == null ? PERSONAL_DATA : texts.copy(value.substring(CLIENT_SEALED.length())));
            } else if (value != null && value.startsWith(CLIENT_TEXT)) {
                String clear = value.substring(CLIENT_TEXT.length());
                recorded.put(name, texts == null ? (clear.isEmpty() ? clear : PERSONAL_DATA) : texts.seal(name, clear));
            } else {
                recorded.put(name, value);
            }
        });
        return recorded;
    }

    static Map<String, String> of(Object entity) {
        Map<String, String> values = new TreeMap<>();
        collect(entity, "", Set.of(), values);
        return values;
    }

    /** The entity's id as text (its {@code @Id} field). */
    static String idOf(Object entity) {
        for (Class<?> type = entity.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(Id.class)) {
                    return String.valueOf(read(field, entity));
                }
            }
        }
        return "?";
    }

    /** {@code encryptedParts}: the names of this (embedded) object's fields its owner encrypts. */
    private static void collect(Object object, String prefix, Set<String> encryptedParts, Map<String, String> values) {
        for (Class<?> type = object.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isAnnotationPresent(Transient.class)
                        || field.isAnnotationPresent(Version.class) || field.getName().startsWith("_persistence") || derived(field)) {
                    continue;
                }
                String name = prefix + field.getName();
                String lower = field.getName().toLowerCase();
                // Password hashes, TOTP secrets, the keyed hash of the A-number, the hashes and salts of links and recovery codes.
                if (lower.contains("password") || lower.contains("secret") || lower.endsWith("hash") || lower.equals("salt")) {
                    values.put(name, "[not recorded]");
                    continue;
                }
                Object value = read(field, object);
                if (encryptedParts.contains(field.getName()) || encrypted(field, "")) {
                    values.put(name, value == null ? null : fingerprint(text(value)));
                } else if (field.isAnnotationPresent(ClientText.class)) {
                    String text = text(value);
                    boolean sealed = field.getAnnotation(ClientText.class).sealed() && Keyring.isClientCiphertext(text);
                    values.put(name, text == null ? null : (sealed ? CLIENT_SEALED : CLIENT_TEXT) + text);
                } else if (value != null && field.isAnnotationPresent(Embedded.class)) {
                    collect(value, name + ".", encryptedPartsOf(field), values);
                } else {
                    values.put(name, text(value));
                }
            }
        }
    }

    /**
     * A column the application never writes (computed by the database, kept by SQL, or a second, read-only view of
     * a reference the entity also maps): what it follows is recorded already.
     */
    private static boolean derived(Field field) {
        Column column = field.getAnnotation(Column.class);
        return column != null && !column.insertable() && !column.updatable();
    }

    /** Whether the field (or, with a name, that part of the embedded field) is stored by an encrypting converter. */
    private static boolean encrypted(Field field, String attributeName) {
        if (attributeName.isEmpty() && field.isAnnotationPresent(EncryptedAttribute.class)) {
            return true;
        }
        for (Convert convert : field.getAnnotationsByType(Convert.class)) {
            if (convert.attributeName().equals(attributeName) && convert.converter().isAnnotationPresent(EncryptedAttribute.class)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> encryptedPartsOf(Field embedded) {
        Set<String> parts = new HashSet<>();
        for (Convert convert : embedded.getAnnotationsByType(Convert.class)) {
            if (!convert.attributeName().isEmpty() && convert.converter().isAnnotationPresent(EncryptedAttribute.class)) {
                parts.add(convert.attributeName());
            }
        }
        return parts;
    }

    private static String fingerprint(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(FINGERPRINT_KEY);
            return FINGERPRINT + HexFormat.of().formatHex(mac.doFinal(String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof org.eclipse.persistence.indirection.IndirectContainer<?> lazy && !lazy.isInstantiated()) {
            return "[not loaded]";
        }
        if (value instanceof Collection<?> collection) {
            List<String> members = new ArrayList<>();
            for (Object member : collection) {
                members.add(text(member));
            }
            members.sort(null);
            return members.toString();
        }
        if (value.getClass().isAnnotationPresent(jakarta.persistence.Entity.class)) {
            return value.getClass().getSimpleName() + "#" + idOf(value);
        }
        return value.toString();
    }

    private static Object read(Field field, Object object) {
        try {
            field.setAccessible(true);
            return field.get(object);
        } catch (IllegalAccessException | RuntimeException e) {
            return "[unreadable]";
        }
    }

    /** Only what differs between two snapshots, as the old and the new values. */
    static Map<String, String>[] diff(Map<String, String> before, Map<String, String> after) {
        Map<String, String> old = new TreeMap<>();
        Map<String, String> now = new TreeMap<>();
        for (Map.Entry<String, String> entry : after.entrySet()) {
            String was = before.get(entry.getKey());
            if (!java.util.Objects.equals(was, entry.getValue())) {
                old.put(entry.getKey(), was);
                now.put(entry.getKey(), entry.getValue());
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, String>[] pair = new Map[] {old, now};
        return pair;
    }

}
