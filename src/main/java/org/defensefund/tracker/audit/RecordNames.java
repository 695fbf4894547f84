package org.defensefund.tracker.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.defensefund.tracker.shared.NamedRecord;

/**
 * The names of the records a page of the trail mentions: for each kind of record that has a name
 * ({@link NamedRecord}), one query for all of that kind on the page. Records deleted since have none.
 */
final class RecordNames {

    private RecordNames() {
    }

    static String key(String type, String id) {
        return type + "#" + id;
    }

    static Map<String, String> of(EntityManager em, List<AuditEntry> entries) {
        Map<String, Set<String>> idsByType = new LinkedHashMap<>();
        for (AuditEntry entry : entries) {
            if (entry.getRecordType() != null && entry.getRecordId() != null) {
                idsByType.computeIfAbsent(entry.getRecordType(), type -> new LinkedHashSet<>()).add(entry.getRecordId());
            }
        }
        Map<String, EntityType<?>> types = new HashMap<>();
        em.getMetamodel().getEntities().forEach(type -> types.put(type.getName(), type));
        Map<String, String> names = new HashMap<>();
        idsByType.forEach((typeName, ids) -> {
            EntityType<?> type = types.get(typeName);
            if (type == null || !NamedRecord.class.isAssignableFrom(type.getJavaType())) {
                return;
            }
            List<Object> keys = new ArrayList<>();
            for (String id : ids) {
                Object key = idOf(type.getIdType().getJavaType(), id);
                if (key != null) {
                    keys.add(key);
                }
            }
            if (keys.isEmpty()) {
                return;
            }
            String idName = type.getId(type.getIdType().getJavaType()).getName();
            // The entity name comes from the metamodel, never from the request.
            for (Object found : em.createQuery("SELECT e FROM " + type.getName() + " e WHERE e." + idName + " IN :ids", type.getJavaType())
                    .setParameter("ids", keys).getResultList()) {
                Object id = em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(found);
                names.put(key(typeName, String.valueOf(id)), ((NamedRecord) found).recordName());
            }
        });
        return names;
    }

    private static Object idOf(Class<?> idType, String id) {
        try {
            if (idType == Long.class || idType == long.class) {
                return Long.valueOf(id);
            }
            if (idType == Integer.class || idType == int.class) {
                return Integer.valueOf(id);
            }
            return idType == String.class ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
