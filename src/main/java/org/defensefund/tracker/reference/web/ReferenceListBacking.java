package org.defensefund.tracker.reference.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.util.List;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.Languages;
import org.defensefund.tracker.shared.UiLanguage;
import org.defensefund.tracker.shared.RecordNotFoundException;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /admin/reference/list.xhtml?list=OUTCOME}: one reference list, with a form to add an entry and
 * one to change the entry being edited (name, detail, order, active, and its names in the other languages).
 */
@Named
@ViewScoped
public class ReferenceListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ReferenceDataService referenceData;

    private String list;
    private ReferenceList chosen;
    private List<ReferenceItem> items;
    private ReferenceItem editing;
    private java.util.Map<Long, java.util.Map<String, String>> translations = java.util.Map.of();
    private final java.util.Map<String, String> translationNames = new java.util.LinkedHashMap<>();

    private String code;
    private String name;
    private String detail;
    private int sortOrder = 100;
    private boolean completedInCourt;
    private boolean countsAsSuccess;

    public void load() {
        try {
            chosen = list == null || list.isBlank() ? ReferenceList.REFERRAL_SOURCE : ReferenceList.valueOf(list);
        } catch (IllegalArgumentException e) {
            throw new RecordNotFoundException("Reference list", list);
        }
        list = chosen.name();
        items = referenceData.all(chosen);
        translations = referenceData.translations(chosen);
    }

    public String add() {
        try {
            ReferenceItem added = referenceData.add(chosen, code, name, detail, sortOrder, completedInCourt, countsAsSuccess);
            PageMessages.done("admin_reference.added", added.getName());
            return "list?faces-redirect=true&list=" + chosen.name();
        } catch (BusinessException e) {
            PageMessages.show(e, "add");
            return null;
        } catch (ConstraintViolationException e) {
            PageMessages.show(e, "add");
            return null;
        }
    }

    public void edit(ReferenceItem item) {
        editing = item;
        translationNames.clear();
        for (UiLanguage language : getTranslationLanguages()) {
            translationNames.put(language.tag(), translations.getOrDefault(item.getId(), java.util.Map.of()).getOrDefault(language.tag(), ""));
        }
    }

    public String save() {
        try {
            referenceData.translate(editing.getId(), translationNames);
            referenceData.update(editing);
            PageMessages.done("admin_reference.saved", editing.getName());
            return "list?faces-redirect=true&list=" + chosen.name();
        } catch (BusinessException e) {
            PageMessages.show(e, "edit");
            return null;
        }
    }

    /** The languages an item may be named in besides English: every language of the catalogue, installed or not yet. */
    public java.util.List<UiLanguage> getTranslationLanguages() {
        return Languages.CATALOGUE.stream().filter(l -> !l.equals(Languages.ENGLISH)).toList();
    }

    /** The names of the item being edited in the other languages, by tag ("" for none). */
    public java.util.Map<String, String> getTranslationNames() {
        return translationNames;
    }

    /** An item's names in the other languages, "es: …" each, for the list. */
    public String translationsOf(ReferenceItem item) {
        return translations.getOrDefault(item.getId(), java.util.Map.of()).entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(java.util.stream.Collectors.joining(" · "));
    }

    public ReferenceList[] getLists() {
        return ReferenceList.values();
    }

    public boolean isOutcomeList() {
        return chosen == ReferenceList.OUTCOME;
    }

    public String getList() {
        return list;
    }

    public void setList(String list) {
        this.list = list;
    }

    public List<ReferenceItem> getItems() {
        return items;
    }

    public ReferenceItem getEditing() {
        return editing;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDetail() {
        return detail;
    }

    public void setDetail(String detail) {
        this.detail = detail;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    public boolean isCompletedInCourt() {
        return completedInCourt;
    }

    public void setCompletedInCourt(boolean completedInCourt) {
        this.completedInCourt = completedInCourt;
    }

    public boolean isCountsAsSuccess() {
        return countsAsSuccess;
    }

    public void setCountsAsSuccess(boolean countsAsSuccess) {
        this.countsAsSuccess = countsAsSuccess;
    }
}
