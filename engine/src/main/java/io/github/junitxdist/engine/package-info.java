/**
 * The engine's entry point: {@link io.github.junitxdist.engine.XdistTestEngine} and its root descriptor.
 *
 * <p>Depends on {@code api}, {@code config}, {@code coordinator}, {@code discovery} and {@code plan}; nothing depends
 * on it.
 */
@NullMarked
package io.github.junitxdist.engine;

import org.jspecify.annotations.NullMarked;
