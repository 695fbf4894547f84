package org.defensefund.tracker.shared.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.PlausibleDates;

/**
 * The converter of every date field ({@code t:date}): reads what was typed by {@link DateInput}'s strict rule and
 * refuses anything else with a message beside the field. {@link DateTime} is the same for a date and time.
 */
public class DateConverter implements Converter<Object> {

    @Override
    public Object getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate today = LocalDate.now(FundClock.current());
        return DateInput.date(value, today).orElseThrow(() -> refusal(component, "field.date.invalid", today));
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Object value) {
        return value instanceof LocalDate date ? DateInput.SHOWN_DATE.format(date) : value == null ? "" : value.toString();
    }

    static ConverterException refusal(UIComponent component, String key, LocalDate today) {
        Object label = component.getAttributes().get("label");
        return new ConverterException(new jakarta.faces.application.FacesMessage(jakarta.faces.application.FacesMessage.SEVERITY_ERROR,
                PageMessages.text(key, label == null ? "" : label, PlausibleDates.EARLIEST.getYear(), PlausibleDates.latest(today).getYear()),
                null));
    }

    /** A date and time field ({@code t:date time="true"}): "03/02/2026 10:30 AM". */
    public static class DateTime implements Converter<Object> {

        @Override
        public Object getAsObject(FacesContext context, UIComponent component, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            LocalDate today = LocalDate.now(FundClock.current());
            return DateInput.dateTime(value, today).orElseThrow(() -> refusal(component, "field.dateTime.invalid", today));
        }

        @Override
        public String getAsString(FacesContext context, UIComponent component, Object value) {
            return value instanceof LocalDateTime dateTime ? DateInput.SHOWN_DATE_TIME.format(dateTime) : value == null ? "" : value.toString();
        }
    }
}
