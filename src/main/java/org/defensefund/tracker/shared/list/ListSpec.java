package org.defensefund.tracker.shared.list;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a list of one entity allows: which fields may be filtered (and how they match), which may be
 * sorted, and the default order. It runs a {@link ListQuery} in the database with the Criteria API:
 * one COUNT for {@link #count} and one page query for {@link #rows}, whatever the page size. Fields
 * the spec doesn't name are ignored, so a crafted request can't sort or filter by a hidden column.
 * Text filters match anywhere in the value; the schema's collation makes them case- and
 * accent-insensitive.
 *
 * @param <T> the listed entity
 */
public final class ListSpec<T> {

    /** How a filterable field matches the value a user typed or picked. */
    public enum Match { CONTAINS, EQUALS }

    /** Conditions every row must meet whatever the user filters, such as the caller's access scope. */
    @FunctionalInterface
    public interface Scope<T> {
        List<Predicate> predicates(CriteriaBuilder cb, Root<T> root);
    }

    /**
     * An order that is not a plain column, such as a rank computed from a status, or more than one column
     * (status, then urgency), so that an index gives it.
     */
    @FunctionalInterface
    public interface SortExpression<T> {
        List<Expression<?>> of(CriteriaBuilder cb, Root<T> root);
    }

    private final Class<T> type;
    private final Map<String, Match> filterable;
    private final Set<String> sortable;
    private final String defaultSort;
    private final Map<String, SortExpression<T>> computedSorts;
    private final Set<String> uniqueSorts;

    public ListSpec(Class<T> type, Map<String, Match> filterable, Set<String> sortable, String defaultSort) {
        this(type, filterable, sortable, defaultSort, Map.of(), Set.of());
    }

    /**
     * {@code uniqueSorts}: sortable fields whose values are unique, which need no tie-break (and whose unique
     * index, which MariaDB doesn't extend with the id, gives the order only without one).
     */
    public ListSpec(Class<T> type, Map<String, Match> filterable, Set<String> sortable, String defaultSort,
                    Map<String, SortExpression<T>> computedSorts, Set<String> uniqueSorts) {
        this.type = type;
        this.filterable = Map.copyOf(filterable);
        this.sortable = Set.copyOf(sortable);
        this.defaultSort = defaultSort;
        this.computedSorts = Map.copyOf(computedSorts);
        this.uniqueSorts = Set.copyOf(uniqueSorts);
    }

    public long count(EntityManager em, ListQuery query, Scope<T> scope) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<T> root = count.from(type);
        count.select(cb.count(root)).where(where(cb, root, query, scope));
        return em.createQuery(count).getSingleResult();
    }

    /**
     * How many rows match, counting no further than {@code limit}: the database looks for a
     * {@code limit}-th matching row (reading at most that many index entries and sending one id back); only
     * when there is none does it count, and then fewer than {@code limit} rows. A list of a million rows
     * costs no more than one of {@code limit}, and no id crosses the wire just to be counted.
     */
    public long countUpTo(EntityManager em, ListQuery query, Scope<T> scope, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object> ids = cb.createQuery(Object.class);
        Root<T> root = ids.from(type);
        ids.select(root.get("id")).where(where(cb, root, query, scope));
        boolean atLeastLimit = !em.createQuery(ids).setFirstResult(limit - 1).setMaxResults(1).getResultList().isEmpty();
        return atLeastLimit ? limit : count(em, query, scope);
    }

    public List<T> rows(EntityManager em, ListQuery query, Scope<T> scope) {
        return rows(em, query, scope, null);
    }

    /**
     * One page, with a hint written after the statement's SELECT (null for none), e.g. MariaDB's
     * {@code STRAIGHT_JOIN} to read the rows in the order of the list's index when most of them match.
     */
    public List<T> rows(EntityManager em, ListQuery query, Scope<T> scope, String sqlHint) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> select = cb.createQuery(type);
        Root<T> root = select.from(type);
        select.select(root).where(where(cb, root, query, scope));
        boolean requested = query.sortField() != null && sortable.contains(query.sortField());
        String sortField = requested ? query.sortField() : defaultSort;
        boolean ascending = !requested || query.ascending();
        List<Expression<?>> sortBy = new ArrayList<>(computedSorts.containsKey(sortField)
                ? computedSorts.get(sortField).of(cb, root) : List.of(path(root, sortField)));
        // The id breaks ties so that paging is stable; in the same direction, so that an index (which ends in
        // the id) read forwards or backwards gives the whole order.
        if (!uniqueSorts.contains(sortField)) {
            sortBy.add(root.get("id"));
        }
        select.orderBy(sortBy.stream().map(e -> ascending ? cb.asc(e) : cb.desc(e)).toList());
        jakarta.persistence.TypedQuery<T> page = em.createQuery(select)
                .setFirstResult(query.first())
                .setMaxResults(query.pageSize());
        if (sqlHint != null) {
            page.setHint("eclipselink.sql.hint", sqlHint);
        }
        return page.getResultList();
    }

    private Predicate[] where(CriteriaBuilder cb, Root<T> root, ListQuery query, Scope<T> scope) {
        List<Predicate> predicates = new ArrayList<>(scope.predicates(cb, root));
        for (Map.Entry<String, Object> filter : query.filters().entrySet()) {
            Match match = filterable.get(filter.getKey());
            Object value = filter.getValue();
            if (match == null || value == null || value.toString().isBlank()) {
                continue;
            }
            Path<Object> path = path(root, filter.getKey());
            if (match == Match.CONTAINS) {
                Expression<String> text = path.as(String.class);
                predicates.add(cb.like(text, "%" + escapeLike(value.toString().trim()) + "%", '\\'));
            } else {
                predicates.add(cb.equal(path, asType(path.getJavaType(), value)));
            }
        }
        return predicates.toArray(Predicate[]::new);
    }

    /** A field of the entity or, with dots, of an entity it refers to ({@code client.lastName}). */
    static Path<Object> path(Root<?> root, String field) {
        Path<Object> path = null;
        for (String part : field.split("\\.")) {
            path = path == null ? root.get(part) : path.get(part);
        }
        return path;
    }

    /** Filter values arrive as text from the page; compare them as the attribute's type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object asType(Class<?> type, Object value) {
        if (!(value instanceof String text)) {
            return value;
        }
        if (type == Boolean.class || type == boolean.class) {
            return Boolean.valueOf(text);
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class<Enum>) type, text);
        }
        return text;
    }

    /** User text made literal inside a LIKE pattern (escape character: backslash). */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
