package io.github.junitxdist.examples.backend.account;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Stored accounts. */
public interface AccountRepository extends JpaRepository<Account, Long> {

    List<Account> findByOwnerOrderByIdAsc(String owner);

    Optional<Account> findByNumber(String number);

    /** The account, locked for update until the transaction ends ({@code SELECT ... FOR UPDATE}). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.id = :id")
    Optional<Account> findForUpdate(@Param("id") long id);

    /** The sum of all balances in {@code currency}: transfers never change it. */
    @Query("select coalesce(sum(a.balanceCents), 0) from Account a where a.currency = :currency")
    long totalCents(@Param("currency") String currency);
}
