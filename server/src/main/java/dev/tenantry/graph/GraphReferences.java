package dev.tenantry.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.DirectoryObject;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.User;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import java.util.List;
import java.util.Map;

/**
 * Directory object references on the Graph wire: {@code {"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}}
 * in {@code $ref} bodies and {@code …@odata.bind} arrays, and typed users and groups in directoryObject collections.
 */
final class GraphReferences {

    private GraphReferences() {}

    /** A {@code $ref} body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reference(@JsonProperty("@odata.id") String odataId) {}

    /** The object id a reference names: the last segment of its URL (any host, as Graph's own SDKs vary it). */
    static String id(Reference reference) {
        if (reference.odataId() == null || reference.odataId().isBlank()) {
            throw new InvalidRequestException(
                    RequestError.MISSING_FIELD,
                    "A reference needs '@odata.id', such as {\"@odata.id\": "
                            + "\"https://graph.microsoft.com/v1.0/directoryObjects/{id}\"}.",
                    "@odata.id");
        }
        return lastSegment(reference.odataId());
    }

    /** The object ids of an {@code …@odata.bind} array; empty when it is absent. */
    static List<String> ids(List<String> urls, String field) {
        if (urls == null) {
            return List.of();
        }
        return urls.stream()
                .map(url -> {
                    if (url == null || url.isBlank()) {
                        throw new InvalidRequestException(
                                DirectoryError.INVALID_OBJECT_REFERENCE,
                                "Each entry of '" + field + "' is a URL such as "
                                        + "\"https://graph.microsoft.com/v1.0/directoryObjects/{id}\".",
                                field);
                    }
                    return lastSegment(url);
                })
                .toList();
    }

    /** Users and groups as a directoryObject collection lists them: each typed, with its default properties. */
    static List<Map<String, Object>> typed(List<? extends DirectoryObject> objects) {
        return objects.stream()
                .map(object -> switch (object) {
                    case User user -> GraphUser.of(user).project(GraphUser.properties(List.of()), true);
                    case Group group -> GraphGroup.typed(group);
                })
                .toList();
    }

    private static String lastSegment(String url) {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        String segment = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        // directoryObjects('id') is the key syntax some clients use; "(')" is too short to be one
        int key = segment.indexOf("('");
        if (key >= 0 && segment.endsWith("')") && key + 2 <= segment.length() - 2) {
            segment = segment.substring(key + 2, segment.length() - 2);
        }
        return segment;
    }
}
