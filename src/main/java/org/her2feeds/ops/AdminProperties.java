package org.her2feeds.ops;

import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the admin API and the actuator endpoints other than health and info: a user and password (HTTP
 * Basic; environment HER2_ADMIN_USER and HER2_ADMIN_PASSWORD), a bearer token (HER2_ADMIN_TOKEN), or both.
 * With neither, the admin API is disabled (403), never open.
 */
@Validated
@ConfigurationProperties("her2.admin")
record AdminProperties(
        String user,
        @Size(min = 8) String password,
        @Size(min = 16) String token) {

    public AdminProperties {
        user = blankToNull(user);
        password = blankToNull(password);
        token = blankToNull(token);
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException(
                    "her2.admin.user and her2.admin.password (HER2_ADMIN_USER, HER2_ADMIN_PASSWORD) "
                            + "must be set together");
        }
    }

    boolean basicEnabled() {
        return user != null;
    }

    boolean tokenEnabled() {
        return token != null;
    }

    boolean enabled() {
        return basicEnabled() || tokenEnabled();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
