package org.defensefund.tracker.cases.web;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.reference.ReferenceList;

/**
 * The reference lists a page offers, read once when the view opens (not on every getter call), and
 * read by name from the page: {@code #{bean.options.get('COURT')}}.
 */
public final class ReferenceOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<ReferenceList, List<ReferenceItem>> lists = new EnumMap<>(ReferenceList.class);

    public ReferenceOptions(ReferenceDataService referenceData, ReferenceList... wanted) {
        for (ReferenceList list : wanted) {
            lists.put(list, referenceData.active(list));
        }
    }

    public List<ReferenceItem> get(String list) {
        return lists.getOrDefault(ReferenceList.valueOf(list), List.of());
    }
}
