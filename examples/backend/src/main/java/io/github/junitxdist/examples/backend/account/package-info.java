/** Accounts, their numbers and balances. Depends on nothing else of the service. */
@NullMarked
package io.github.junitxdist.examples.backend.account;

import org.jspecify.annotations.NullMarked;
