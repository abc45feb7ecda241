/** The audit trail, switched on by the {@code audit} profile. Depends on {@code transfer}. */
@NullMarked
package io.github.junitxdist.examples.backend.audit;

import org.jspecify.annotations.NullMarked;
