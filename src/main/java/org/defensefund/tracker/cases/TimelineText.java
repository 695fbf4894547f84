package org.defensefund.tracker.cases;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.Serializable;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.defensefund.tracker.reference.ReferenceItem;

/**
 * What a timeline entry says beyond its kind, kept as facts rather than as a sentence, so that each reader gets it in
 * their own language: words of the entry's own (a partner's or an attorney's name, a case number, a note), reference
 * items (named in the reader's language when an administrator gave them a name in it), labels of the application's
 * own lists (a hearing's or a custody change's kind, a decision: bundle keys), dates, times and amounts (formatted
 * for the reader). Stored beside the entry's plain summary as a small JSON array ({@code case_event.summary_parts});
 * {@link #plain()} is that plain summary, as entries were written before (codes, ISO dates, English names).
 */
public final class TimelineText implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One fact of an entry's text. */
    public sealed interface Part extends Serializable permits Words, Item, Label, Day, Moment, Amount {
    }

    /** Words of the entry's own, shown as written (a name, a case number, a note, punctuation). */
    public record Words(String text) implements Part {
    }

    /** A reference item, by id, with its English name to fall back on (and for the plain summary). */
    public record Item(long id, String name) implements Part {
    }

    /** A label of the application's own lists: a bundle key such as {@code hearingKind.BOND}. */
    public record Label(String key) implements Part {

        /** The code the plain summary shows: the key's last segment. */
        String code() {
            return key.substring(key.lastIndexOf('.') + 1);
        }
    }

    /** A date. */
    public record Day(LocalDate day) implements Part {
    }

    /** A date and time (to the minute) in the fund's zone. */
    public record Moment(LocalDateTime at) implements Part {
    }

    /** An amount of money. */
    public record Amount(BigDecimal amount) implements Part {
    }

    private static final TimelineText NONE = new TimelineText(List.of());

    /** Looked up once: {@code jakarta.json.Json}'s factory methods look the provider up again at every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final List<Part> parts;

    private TimelineText(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** The text of these parts, leaving out the missing ones (a {@code null}). */
    public static TimelineText of(Part... parts) {
        List<Part> kept = new ArrayList<>();
        for (Part part : parts) {
            if (part != null) {
                kept.add(part);
            }
        }
        return kept.isEmpty() ? NONE : new TimelineText(kept);
    }

    /** No text. */
    public static TimelineText none() {
        return NONE;
    }

    /** Words, or nothing for none. */
    public static Part words(String text) {
        return text == null || text.isEmpty() ? null : new Words(text);
    }

    /** A reference item (by its name alone while it has no id), or nothing for none. */
    public static Part item(ReferenceItem item) {
        if (item == null) {
            return null;
        }
        return item.getId() == null ? words(item.getName()) : new Item(item.getId(), item.getName());
    }

    /** A reference item given by id and English name (the seeder's), or nothing for none. */
    public static Part item(Long id, String name) {
        return id == null ? null : new Item(id, name);
    }

    /** The label of a constant of one of the application's lists: {@code label("hearingKind", HearingKind.BOND)}. */
    public static Part label(String list, Enum<?> value) {
        return value == null ? null : new Label(list + "." + value.name());
    }

    /** A word of the application's own (a bundle key such as {@code timeline.bond}). */
    public static Part label(String key) {
        return new Label(Objects.requireNonNull(key));
    }

    public static Part day(LocalDate day) {
        return day == null ? null : new Day(day);
    }

    public static Part moment(LocalDateTime at) {
        return at == null ? null : new Moment(at.truncatedTo(ChronoUnit.MINUTES));
    }

    public static Part amount(BigDecimal amount) {
        return amount == null ? null : new Amount(amount);
    }

    public List<Part> parts() {
        return parts;
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** Whether the text is words alone (or nothing): the same in every language, its plain summary says it all. */
    public boolean wordsOnly() {
        return parts.stream().allMatch(Words.class::isInstance);
    }

    /** The plain summary, as entries were always stored: words, English names, codes, ISO dates and plain amounts. */
    public String plain() {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Words words) {
                text.append(words.text());
            } else if (part instanceof Item item) {
                text.append(item.name());
            } else if (part instanceof Label label) {
                text.append(label.code());
            } else if (part instanceof Day day) {
                text.append(day.day());
            } else if (part instanceof Moment moment) {
                text.append(moment.at());
            } else if (part instanceof Amount amount) {
                text.append(amount.amount().toPlainString());
            }
        }
        return text.toString();
    }

    /** The parts as stored: a JSON array of one-key objects ({@code {"w":..}, {"i":id,"n":..}, {"k":..}, {"d":..}, {"m":..}, {"a":..}}). */
    public String json() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (Part part : parts) {
            if (part instanceof Words words) {
                array.add(JSON.createObjectBuilder().add("w", words.text()));
            } else if (part instanceof Item item) {
                array.add(JSON.createObjectBuilder().add("i", item.id()).add("n", item.name() == null ? "" : item.name()));
            } else if (part instanceof Label label) {
                array.add(JSON.createObjectBuilder().add("k", label.key()));
            } else if (part instanceof Day day) {
                array.add(JSON.createObjectBuilder().add("d", day.day().toString()));
            } else if (part instanceof Moment moment) {
                array.add(JSON.createObjectBuilder().add("m", moment.at().toString()));
            } else if (part instanceof Amount amount) {
                array.add(JSON.createObjectBuilder().add("a", amount.amount().toPlainString()));
            }
        }
        return array.build().toString();
    }

    /** The parts a stored JSON array holds; none for none, and none (never an error) for something unreadable. */
    public static TimelineText parse(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        try (var reader = JSON.createReader(new StringReader(json))) {
            JsonArray array = reader.readArray();
            List<Part> parts = new ArrayList<>();
            for (JsonValue value : array) {
                JsonObject part = value.asJsonObject();
                if (part.containsKey("w")) {
                    parts.add(new Words(part.getString("w")));
                } else if (part.containsKey("i")) {
                    parts.add(new Item(part.getJsonNumber("i").longValueExact(), part.getString("n", "")));
                } else if (part.containsKey("k")) {
                    parts.add(new Label(part.getString("k")));
                } else if (part.containsKey("d")) {
                    parts.add(new Day(LocalDate.parse(part.getString("d"))));
                } else if (part.containsKey("m")) {
                    parts.add(new Moment(LocalDateTime.parse(part.getString("m"))));
                } else if (part.containsKey("a")) {
                    parts.add(new Amount(new BigDecimal(part.getString("a"))));
                }
            }
            return parts.isEmpty() ? NONE : new TimelineText(parts);
        } catch (JsonException | ClassCastException | ArithmeticException | java.time.DateTimeException | NumberFormatException e) {
            return NONE;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimelineText text && text.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return plain();
    }
}
