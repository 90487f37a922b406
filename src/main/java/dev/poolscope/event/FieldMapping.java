package dev.poolscope.event;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which JSON keys hold which {@link Field}. Built once; the decoder asks {@link #slot} for every key it meets.
 * An override replaces a field's defaults entirely, so a user's key never competes with a guessed one.
 */
public final class FieldMapping {

    /** A key's meaning: the field it fills and its rank among that field's keys (0 is best). */
    public record Slot(Field field, int rank) {}

    private final Map<String, Slot> slots = new HashMap<>();
    private final Map<Field, List<String>> keys = new EnumMap<>(Field.class);
    private final Map<Field, List<String>> overrides;
    private final boolean dialectFields;

    private FieldMapping(Map<Field, List<String>> overrides, boolean dialectFields) {
        this.overrides = overrides;
        this.dialectFields = dialectFields;
        for (Field field : Field.values()) {
            // An override (e.g. readingLoggers) is read on either path; dialect-only defaults on the library one.
            List<String> names = overrides.containsKey(field) ? overrides.get(field)
                    : field.dialectOnly() && !dialectFields ? List.of() : field.defaults();
            keys.put(field, List.copyOf(names));
        }
        // Assign slots field by field; a key claimed by an override wins over the same key's default meaning.
        for (Field field : Field.values()) {
            List<String> names = keys.get(field);
            for (int i = 0; i < names.size(); i++) {
                Slot slot = new Slot(field, i);
                if (overrides.containsKey(field)) {
                    slots.put(names.get(i), slot);
                } else {
                    slots.putIfAbsent(names.get(i), slot);
                }
            }
        }
    }

    public static FieldMapping defaults() {
        return new FieldMapping(Map.of(), false);
    }

    /** The same mapping that also reads the logger, thread, stack trace and level (library dialects). */
    public FieldMapping withDialectFields() {
        return dialectFields ? this : new FieldMapping(overrides, true);
    }

    /** Whether the logger, thread, stack trace and level keys are read. */
    public boolean dialectFields() {
        return dialectFields;
    }

    /** Mapping where each given field is read only from the given keys. */
    public static FieldMapping withOverrides(Map<Field, List<String>> overrides) {
        overrides.forEach((field, names) -> {
            Objects.requireNonNull(field);
            if (names.isEmpty() || names.stream().anyMatch(n -> n == null || n.isBlank())) {
                throw new IllegalArgumentException("field " + field + " needs at least one non-blank key");
            }
        });
        return new FieldMapping(Map.copyOf(overrides), false);
    }

    /** This mapping that also reads {@link Field#LOGGER} (user signatures matching loggers). */
    public FieldMapping readingLoggers() {
        if (overrides.containsKey(Field.LOGGER)) {
            return this;
        }
        Map<Field, List<String>> more = new EnumMap<>(Field.class);
        more.putAll(overrides);
        more.put(Field.LOGGER, Field.LOGGER_KEYS);
        return new FieldMapping(Map.copyOf(more), dialectFields);
    }

    /** The slot for a JSON key, or null when the key carries nothing poolscope reads. */
    public Slot slot(String key) {
        return slots.get(key);
    }

    public List<String> keys(Field field) {
        return keys.get(field);
    }
}
