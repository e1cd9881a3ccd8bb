package dev.tenantry.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.DirectoryObject;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.User;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Directory object references on the Graph wire: {@code {"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}}
 * in {@code $ref} bodies and {@code …@odata.bind} arrays, and typed users and groups in directoryObject collections.
 */
final class GraphReferences {

    private static final Set<String> CAST_TYPES =
            Set.of(GraphUser.ODATA_TYPE, GraphGroup.ODATA_TYPE, GraphDirectoryRole.ODATA_TYPE);

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

    /**
     * The object a {@code DELETE …/{id}/$ref} names: the path's {@code pathParam}, else the URL in {@code ?@id=} (the
     * SDKs' {@code ref().delete(rc -> rc.queryParameters.id = url)}) or {@code ?$id=}.
     */
    static String id(Context ctx, String pathParam) {
        if (ctx.pathParamMap().containsKey(pathParam)) {
            return ctx.pathParam(pathParam);
        }
        String url = ctx.queryParam("@id") != null ? ctx.queryParam("@id") : ctx.queryParam("$id");
        if (url == null || url.isBlank()) {
            throw new InvalidRequestException(
                    RequestError.MISSING_FIELD,
                    "Name the object to remove: DELETE …/{id}/$ref, or …/$ref?@id="
                            + "https://graph.microsoft.com/v1.0/directoryObjects/{id}.",
                    "@id");
        }
        return lastSegment(url);
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

    /**
     * The items of a directoryObject collection an OData cast segment keeps ({@code …/memberOf/graph.group}): the
     * SDKs send {@code graph.group}, Graph's docs write {@code microsoft.graph.group}; all items when the route has no
     * {@code {cast}} segment.
     */
    static List<Map<String, Object>> cast(Context ctx, List<Map<String, Object>> items) {
        String segment = ctx.pathParamMap().get("cast");
        if (segment == null) {
            return items;
        }
        String name = segment.startsWith("microsoft.graph.")
                ? segment.substring("microsoft.graph.".length())
                : segment.startsWith("graph.") ? segment.substring("graph.".length()) : "";
        String type = "#microsoft.graph." + name;
        if (!CAST_TYPES.contains(type)) {
            throw new InvalidRequestException(
                    GraphError.UNSUPPORTED_QUERY_OPTION,
                    "Resource not found for the segment '" + segment + "'. Cast with graph.user, graph.group or"
                            + " graph.directoryRole.");
        }
        return items.stream()
                .filter(item -> type.equals(item.get("@odata.type")))
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
