package io.github.junitxdist.api;

import static org.apiguardian.api.API.Status.MAINTAINED;

import java.io.Serial;
import org.apiguardian.api.API;

/**
 * A junit-xdist configuration value is not allowed; the message names the key, the value and what is allowed.
 *
 * @since 0.1
 */
@API(status = MAINTAINED, since = "0.1")
public final class InvalidConfigurationException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String message) {
        super(message);
    }
}
