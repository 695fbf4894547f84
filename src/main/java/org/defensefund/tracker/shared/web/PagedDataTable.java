package org.defensefund.tracker.shared.web;

import jakarta.faces.context.FacesContext;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;

/**
 * Every PrimeFaces data table of the application (registered for its component type in faces-config.xml): the
 * same table, but a paging request is read by {@link PagingRequest}, so a tampered first row or page size shows
 * a page the table offers instead of failing the request.
 */
public class PagedDataTable extends DataTable {

    @Override
    public void updatePaginationData(FacesContext context) {
        setRowIndex(-1);
        String clientId = getClientId(context);
        Map<String, String> params = context.getExternalContext().getRequestParameterMap();
        int rows = PagingRequest.rows(params.get(clientId + "_rows"), PagingRequest.offered(getRowsPerPageTemplate()), getRows());
        setFirst(PagingRequest.first(params.get(clientId + "_first"), rows));
        setRows(rows);
        setRowsPerPage(String.valueOf(rows));
    }
}
