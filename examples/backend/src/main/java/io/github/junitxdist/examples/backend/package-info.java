/**
 * A small banking backend: accounts, transfers between them, and a REST API. It exists to show a realistic Spring
 * Boot test suite (Spring contexts, an embedded PostgreSQL per worker) running through junit-xdist.
 */
@NullMarked
package io.github.junitxdist.examples.backend;

import org.jspecify.annotations.NullMarked;
