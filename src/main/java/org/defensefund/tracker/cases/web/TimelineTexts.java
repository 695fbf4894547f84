package org.defensefund.tracker.cases.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.defensefund.tracker.cases.CaseEvent;
import org.defensefund.tracker.cases.CaseEventKind;
import org.defensefund.tracker.cases.TimelineText;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.shared.web.Dates;
import org.defensefund.tracker.shared.web.LanguageView;
import org.defensefund.tracker.shared.web.Money;

/**
 * A timeline entry's summary in the page's language ({@code #{timelineText.of(event)}}): its facts
 * ({@link TimelineText}) said one by one — reference items by their name in the page's language (else English),
 * labels from the bundle, dates, times and amounts by the language's conventions. An entry written before its facts
 * were kept shows its plain summary, with the codes it holds (a confidentiality reason, a deadline rule) named.
 */
@Named("timelineText")
@RequestScoped
public class TimelineTexts {

    @Inject
    private ReferenceDataService referenceData;

    @Inject
    private Dates dates;

    @Inject
    private Money money;

    private Map<Long, String> names;

    /** What the entry says beyond its kind, for this page's reader. */
    public String of(CaseEvent event) {
        if (event == null) {
            return "";
        }
        ResourceBundle texts = texts();
        TimelineText text = event.getText();
        if (text.isEmpty()) {
            return legacy(event, texts);
        }
        StringBuilder said = new StringBuilder();
        for (TimelineText.Part part : text.parts()) {
            if (part instanceof TimelineText.Words words) {
                said.append(words.text());
            } else if (part instanceof TimelineText.Item item) {
                said.append(names().getOrDefault(item.id(), item.name()));
            } else if (part instanceof TimelineText.Label label) {
                said.append(label(texts, label.key(), label.key().substring(label.key().lastIndexOf('.') + 1)));
            } else if (part instanceof TimelineText.Day day) {
                said.append(dates.of(day.day()));
            } else if (part instanceof TimelineText.Moment moment) {
                said.append(dates.of(moment.at()));
            } else if (part instanceof TimelineText.Amount amount) {
                said.append(money.of(amount.amount()));
            }
        }
        return said.toString();
    }

    /** An entry kept as its plain summary only: the codes of a confidentiality reason or a deadline rule named. */
    private static String legacy(CaseEvent event, ResourceBundle texts) {
        String summary = event.getSummary() == null ? "" : event.getSummary();
        CaseEventKind kind = event.getKind();
        if (kind == CaseEventKind.MARKED_CONFIDENTIAL || kind == CaseEventKind.CONFIDENTIALITY_LIFTED) {
            return label(texts, "confidentialityReason." + summary, summary);
        }
        if (kind == CaseEventKind.DEADLINE_MET || kind == CaseEventKind.DEADLINE_WAIVED) {
            return label(texts, "deadlineRule." + summary, summary);
        }
        return summary;
    }

    private static String label(ResourceBundle texts, String key, String otherwise) {
        try {
            return texts.getString(key);
        } catch (MissingResourceException e) {
            return otherwise;
        }
    }

    private Map<Long, String> names() {
        if (names == null) {
            names = referenceData.namesIn(LanguageView.current().tag());
        }
        return names;
    }

    private static ResourceBundle texts() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context.getApplication().getResourceBundle(context, "msg");
    }
}
