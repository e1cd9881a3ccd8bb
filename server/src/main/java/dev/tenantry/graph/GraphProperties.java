package dev.tenantry.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An entity's properties in the order they were put, as a {@link java.util.LinkedHashMap} keeps them, in two arrays:
 * a page of 100 users projected into linked hash maps was ~40 % of what the page allocated (issue 13), for maps of a
 * dozen keys that are only filled, looked up a few times and written. A property put again keeps its place. Jackson
 * writes it straight from the arrays.
 */
@JsonSerialize(using = GraphProperties.Writer.class)
final class GraphProperties extends AbstractMap<String, Object> {

    private String[] names;
    private Object[] values;
    private int size;

    GraphProperties(int expected) {
        names = new String[Math.max(expected, 4)];
        values = new Object[names.length];
    }

    @Override
    public Object put(String name, Object value) {
        int at = indexOf(name);
        if (at >= 0) {
            Object previous = values[at];
            values[at] = value;
            return previous;
        }
        putNew(name, value);
        return null;
    }

    /**
     * Puts a property this map does not hold yet, without looking for it first: for a projection onto distinct names
     * (looking each of a user's dozen names up among the ones before was 3 % of a Graph page's CPU, issue 13).
     */
    void putNew(String name, Object value) {
        Objects.requireNonNull(name, "name");
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
    }

    @Override
    public Object get(Object name) {
        int at = indexOf(name);
        return at < 0 ? null : values[at];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public Object remove(Object name) {
        int at = indexOf(name);
        if (at < 0) {
            return null;
        }
        Object previous = values[at];
        System.arraycopy(names, at + 1, names, at, size - at - 1);
        System.arraycopy(values, at + 1, values, at, size - at - 1);
        size--;
        names[size] = null;
        values[size] = null;
        return previous;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private int last = -1;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        last = next++;
                        int at = last;
                        return new AbstractMap.SimpleEntry<>(names[at], values[at]) {
                            @Override
                            public Object setValue(Object value) {
                                values[at] = value;
                                return super.setValue(value);
                            }
                        };
                    }

                    @Override
                    public void remove() {
                        if (last < 0) {
                            throw new IllegalStateException();
                        }
                        GraphProperties.this.remove(names[last]);
                        next = last;
                        last = -1;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private int indexOf(Object name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Writes the properties in order: each name from its JSON form encoded once, a text, a boolean or a null straight to
     * the generator, any other value with the serializer Jackson has for it. Encoding every name of every user again
     * and looking up the serializer of every string made projecting and writing a page of 100 users cost 130-164 us
     * of CPU, against 76-106 us this way (one thread, three alternating runs each; issue 13).
     */
    static final class Writer extends JsonSerializer<GraphProperties> {

        /** Beyond this many names (Graph's properties are a few dozen), a name is encoded each time it is written. */
        private static final int MAX_ENCODED = 512;

        private static final ConcurrentMap<String, SerializedString> ENCODED = new ConcurrentHashMap<>();

        @Override
        public void serialize(GraphProperties properties, JsonGenerator json, SerializerProvider provider)
                throws IOException {
            json.writeStartObject(properties);
            for (int i = 0; i < properties.size; i++) {
                json.writeFieldName(encoded(properties.names[i]));
                Object value = properties.values[i];
                if (value == null) {
                    json.writeNull();
                } else if (value instanceof String text) {
                    json.writeString(text);
                } else if (value instanceof Boolean flag) {
                    json.writeBoolean(flag);
                } else {
                    provider.defaultSerializeValue(value, json);
                }
            }
            json.writeEndObject();
        }

        private static SerializedString encoded(String name) {
            SerializedString encoded = ENCODED.get(name);
            if (encoded == null) {
                encoded = new SerializedString(name);
                if (ENCODED.size() < MAX_ENCODED) {
                    ENCODED.putIfAbsent(name, encoded);
                }
            }
            return encoded;
        }
    }
}
