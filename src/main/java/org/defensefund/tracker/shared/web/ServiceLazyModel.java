package org.defensefund.tracker.shared.web;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.shared.list.ListQuery;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A PrimeFaces lazy table model that asks a service for each page, so paging, sorting and filtering
 * happen in the database and the service's access rules apply to every row, including one a
 * request names by its row key. The rows read are kept only until the page is rendered
 * ({@link ForgottenAfterResponse}), not for as long as the view lives in the session.
 *
 * @param <T> the listed entity
 */
public class ServiceLazyModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** The service calls behind a list. Implementations must be serializable (view-scoped pages). */
    public interface Source<T> extends Serializable {
        long count(ListQuery query);

        List<T> rows(ListQuery query);

        T find(Long id);

        Long idOf(T row);
    }

    /** A function a view-scoped page may keep: serializable, like the service proxies it refers to. */
    @FunctionalInterface
    public interface Call<A, R> extends Serializable {
        R apply(A argument);
    }

    private final Source<T> source;
    private Map<String, Object> filters = Map.of();

    /** A model from four service calls, e.g. {@code of(service::count, service::list, service::find, Entity::getId)}. */
    public static <T> ServiceLazyModel<T> of(Call<ListQuery, Long> count, Call<ListQuery, List<T>> rows,
                                             Call<Long, T> find, Call<T, Long> idOf) {
        return new ServiceLazyModel<>(new Source<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public long count(ListQuery query) {
                return count.apply(query);
            }

            @Override
            public List<T> rows(ListQuery query) {
                return rows.apply(query);
            }

            @Override
            public T find(Long id) {
                return find.apply(id);
            }

            @Override
            public Long idOf(T row) {
                return idOf.apply(row);
            }
        });
    }

    public ServiceLazyModel(Source<T> source) {
        this.source = source;
    }

    /** Filters set by a filter form beside the table; column filters, if any, are added to them. */
    public void setFilters(Map<String, Object> filters) {
        this.filters = new HashMap<>(filters);
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, source.count(toQuery(0, 1, Map.of(), filterBy)));
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        List<T> rows = source.rows(toQuery(first, pageSize, sortBy, filterBy));
        ForgottenAfterResponse.forget(this, () -> setWrappedData(null));
        return rows;
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(source.idOf(row));
    }

    @Override
    public T getRowData(String rowKey) {
        try {
            return source.find(Long.valueOf(rowKey));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private ListQuery toQuery(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Map<String, Object> all = new HashMap<>(filters);
        filterBy.values().forEach(meta -> {
            if (meta.getFilterValue() != null) {
                all.put(meta.getField(), meta.getFilterValue());
            }
        });
        SortMeta sort = sortBy.values().stream().filter(s -> s.getOrder() != SortOrder.UNSORTED).findFirst().orElse(null);
        return new ListQuery(first, pageSize, sort == null ? null : sort.getField(),
                sort == null || sort.getOrder() == SortOrder.ASCENDING, all);
    }
}
