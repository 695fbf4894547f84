package org.defensefund.tracker.audit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An entry's stored values (JSON objects of field → text) as the fields that changed: for a change only those
 * whose value differs, for a creation those given a value, for a deletion those it had.
 */
final class FieldChanges {

    private FieldChanges() {
    }

    static List<AuditLine.FieldChange> between(String oldJson, String newJson) {
        Map<String, String> before = values(oldJson);
        Map<String, String> after = values(newJson);
        List<AuditLine.FieldChange> changes = new ArrayList<>();
        for (String field : new TreeSet<>(union(before, after))) {
            String was = before.get(field);
            String is = after.get(field);
            if (!Objects.equals(was, is)) {
                changes.add(new AuditLine.FieldChange(field, was, is));
            }
        }
        return changes;
    }

    private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> fields = new TreeSet<>(a.keySet());
        fields.addAll(b.keySet());
        return fields;
    }

    /** Field → value (null for a JSON null); empty for no JSON or JSON that is not an object. */
    static Map<String, String> values(String json) {
        Map<String, String> values = new TreeMap<>();
        if (json == null || json.isBlank()) {
            return values;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonValue read = reader.readValue();
            if (read instanceof JsonObject object) {
                object.forEach((field, value) -> values.put(field, text(value)));
            }
        } catch (RuntimeException e) {
            values.put("", json);
        }
        return values;
    }

    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString string ? string.getString() : value.toString();
    }
}
