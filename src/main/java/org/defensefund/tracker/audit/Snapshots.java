package org.defensefund.tracker.audit;

import jakarta.persistence.Embedded;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The persistent state of an entity as text, field by field, for the audit trail: simple values as
 * they print, another entity by its id, a collection as the sorted list of its members, embedded
 * values flattened ({@code address.city}). Password hashes and secrets are never copied.
 */
final class Snapshots {

    private Snapshots() {
    }

    static Map<String, String> of(Object entity) {
        Map<String, String> values = new TreeMap<>();
        collect(entity, "", values);
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

    private static void collect(Object object, String prefix, Map<String, String> values) {
        for (Class<?> type = object.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isAnnotationPresent(Transient.class)
                        || field.isAnnotationPresent(Version.class) || field.getName().startsWith("_persistence")) {
                    continue;
                }
                String name = prefix + field.getName();
                String lower = field.getName().toLowerCase();
                if (lower.contains("password") || lower.contains("secret")) {
                    values.put(name, "[not recorded]");
                    continue;
                }
                Object value = read(field, object);
                if (value != null && field.isAnnotationPresent(Embedded.class)) {
                    collect(value, name + ".", values);
                } else {
                    values.put(name, text(value));
                }
            }
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
