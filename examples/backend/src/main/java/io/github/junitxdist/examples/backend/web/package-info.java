/** The REST API. Depends on {@code account} and {@code transfer}. */
@NullMarked
package io.github.junitxdist.examples.backend.web;

import org.jspecify.annotations.NullMarked;
