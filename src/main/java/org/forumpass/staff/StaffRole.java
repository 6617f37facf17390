package org.forumpass.staff;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.forumpass.common.Roles;

public enum StaffRole {
    @JsonProperty(Roles.ORGANIZER) ORGANIZER(Roles.ORGANIZER),
    @JsonProperty(Roles.DOOR) DOOR(Roles.DOOR);

    public final String roleName;

    StaffRole(String roleName) {
        this.roleName = roleName;
    }

    public static StaffRole fromRoleName(String name) {
        for (StaffRole r : values()) {
            if (r.roleName.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
