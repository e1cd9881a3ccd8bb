package dev.tenantry.graph;

import dev.tenantry.directory.DirectoryRole;
import dev.tenantry.directory.DirectoryRoleTemplate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A directory role on the Graph wire; {@link #typed()} adds {@code @odata.type} for directoryObject collections
 * (compat P6).
 */
record GraphDirectoryRole(
        String id, String deletedDateTime, String description, String displayName, String roleTemplateId) {

    static final String ODATA_TYPE = "#microsoft.graph.directoryRole";

    static GraphDirectoryRole of(DirectoryRole role) {
        DirectoryRoleTemplate template = role.template();
        return new GraphDirectoryRole(
                role.id().toString(),
                null,
                template.description(),
                template.displayName(),
                template.templateId().toString());
    }

    Map<String, Object> typed() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.type", ODATA_TYPE);
        json.put("id", id);
        json.put("deletedDateTime", deletedDateTime);
        json.put("description", description);
        json.put("displayName", displayName);
        json.put("roleTemplateId", roleTemplateId);
        return json;
    }
}
