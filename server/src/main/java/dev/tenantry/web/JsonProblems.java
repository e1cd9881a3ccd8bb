package dev.tenantry.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Says what is wrong with a JSON body in the client's terms: the field by its JSON path and the kind of value it
 * takes. Never Jackson's own message, which names Tenantry's Java classes.
 */
final class JsonProblems {

    private JsonProblems() {}

    static String describe(JacksonException e) {
        return switch (e) {
            case UnrecognizedPropertyException unknown ->
                "'" + path(unknown, unknown.getPropertyName()) + "' is not a field of this request.";
            case MismatchedInputException mismatch
            when !mismatch.getPath().isEmpty() ->
                "'" + path(mismatch, null) + "' must be " + kind(mismatch.getTargetType()) + ".";
            case MismatchedInputException trailing
            when String.valueOf(trailing.getOriginalMessage()).startsWith("Trailing token") ->
                "The body has more after its JSON object" + at(e) + "; send one JSON object.";
            case MismatchedInputException ignored -> "The body must be a JSON object.";
            case JsonMappingException mapping
            when !mapping.getPath().isEmpty() -> "'" + path(mapping, null) + "' has a value this request cannot take.";
            case InputCoercionException ignored -> "A number in the body is out of range" + at(e) + ".";
            case StreamConstraintsException ignored -> "The body is nested too deeply or has a value that is too long.";
            default -> "The body is not valid JSON" + at(e) + ".";
        };
    }

    private static String path(JsonMappingException e, String last) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (last != null && !path.toString().endsWith(last)) {
            path.append(path.isEmpty() ? "" : ".").append(last);
        }
        return path.toString();
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == String.class || type == UUID.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (type.isEnum()) {
            return "one of the documented values";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a JSON object";
        }
        return "a value of another type";
    }

    private static String at(JacksonException e) {
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 0
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
