package org.her2feeds.ops;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the admin API and the actuator endpoints other than health and info: a user and password (HTTP
 * Basic; environment HER2_ADMIN_USER and HER2_ADMIN_PASSWORD), a bearer token (HER2_ADMIN_TOKEN), or both.
 * With neither, the admin API is disabled (403), never open.
 *
 * @param loginFailures      failed logins one client address may make within {@code loginFailureWindow} before it
 *                           is refused (429) until the window ends
 * @param loginFailureWindow the window in which failed logins are counted
 */
@Validated
@ConfigurationProperties("her2.admin")
record AdminProperties(
        String user,
        @Size(min = 8) String password,
        @Size(min = 16) String token,
        @Min(1) @DefaultValue("10") int loginFailures,
        @NotNull @DefaultValue("15m") Duration loginFailureWindow) {

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
